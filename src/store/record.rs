//! The saved intake (format 1) and its encrypted envelope, as JSON.
//!
//! Plaintext file: the `Record` itself. Encrypted file: an `Envelope` whose clear `meta` holds
//! only what `list` needs without a key (status, dates, questionnaire): nothing that depends on
//! an answer (not even how many were given, which tells the branches taken), never the code.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value as Json;

/// The newest record format this build reads and the one it writes.
pub const FORMAT: u64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InProgress,
    Complete,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::InProgress => "in_progress",
            Status::Complete => "complete",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

/// One saved intake, as staff tools (reports) read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub format: u64,
    pub code: String,
    pub status: Status,
    /// ISO-8601 UTC.
    pub created: String,
    pub updated: String,
    pub language: String,
    /// Id of the question the applicant stood on (None: at the end).
    pub position: Option<String>,
    /// Answers to visible questions (what `list` counts).
    pub answered: usize,
    pub questionnaire: QuestionnaireRef,
    /// `(question id, answer in the answers-file notation)`, in questionnaire order. Includes
    /// answers to questions hidden now (kept so that changing an answer back restores them).
    #[serde(serialize_with = "ser_pairs", deserialize_with = "de_pairs")]
    pub answers: Vec<(String, Json)>,
    /// Answers that no longer fit the questionnaire (question removed, choices changed):
    /// never thrown away, never scored.
    #[serde(default, serialize_with = "ser_pairs", deserialize_with = "de_pairs")]
    pub set_aside: Vec<(String, Json)>,
    /// Question ids of the questionnaire the record was last saved with (to tell what is new).
    #[serde(default)]
    pub questions: Vec<String>,
    /// Choice ids offered when a choice question was answered (to flag changed choices).
    #[serde(default)]
    pub choices: BTreeMap<String, Vec<String>>,
    /// Text typed but not submitted, by question id: encrypted with the record, restored
    /// into the field on resume, never an answer (not scored, not in reports).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts: BTreeMap<String, String>,
    /// The clinic keys (`age1…`) an encrypted record is sealed to. They travel inside the
    /// encrypted record, so a resume keeps encrypting to them whatever the command line says
    /// (and nobody can swap them without the code). Empty for plaintext records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
}

/// What `list` shows of a record. `answered` and `language` are known only when the record
/// can be read (plaintext, or opened with the clinic identity).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub status: Status,
    pub answered: Option<usize>,
    pub created: String,
    pub updated: String,
    pub language: Option<String>,
    pub questionnaire: MetaQuestionnaire,
}

/// What an encrypted file shows without a key: nothing that depends on an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClearMeta {
    pub status: Status,
    pub created: String,
    pub updated: String,
    pub questionnaire: MetaQuestionnaire,
}

impl From<ClearMeta> for Meta {
    fn from(c: ClearMeta) -> Meta {
        Meta {
            status: c.status,
            answered: None,
            created: c.created,
            updated: c.updated,
            language: None,
            questionnaire: c.questionnaire,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaQuestionnaire {
    pub id: String,
    pub version: String,
}

/// An encrypted intake file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: u64,
    pub encrypted: bool,
    pub meta: ClearMeta,
    /// First-version envelopes only: `code::legacy_tag` of a 6-symbol code. Never written now:
    /// it narrowed a guess.
    #[serde(default, skip_serializing)]
    pub tag: Option<String>,
    /// The intake's own key, sealed with the resume code (age scrypt); absent once finished,
    /// so that a finished intake opens only with the clinic identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume_key: Option<String>,
    /// The `Record` as JSON, age-encrypted (armored) to the clinic key and the intake key.
    pub record: String,
}

impl Record {
    pub fn meta(&self) -> Meta {
        Meta {
            answered: Some(self.answered),
            language: Some(self.language.clone()),
            ..self.clear_meta().into()
        }
    }

    pub fn clear_meta(&self) -> ClearMeta {
        ClearMeta {
            status: self.status,
            created: self.created.clone(),
            updated: self.updated.clone(),
            questionnaire: MetaQuestionnaire {
                id: self.questionnaire.id.clone(),
                version: self.questionnaire.version.clone(),
            },
        }
    }

    pub fn answer(&self, id: &str) -> Option<&Json> {
        self.answers.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }
}

/// A file of the store, read but not yet decrypted.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    Plain(Record),
    Sealed(Envelope),
}

/// Why a file is not a record this build can use (the caller adds the path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON, cut short, or missing fields.
    Corrupt(String),
    /// Written by a newer pd-intake.
    Newer(u64),
}

/// Parses a store file. Never panics on any input.
pub fn parse(bytes: &[u8]) -> Result<Stored, Unreadable> {
    let value: Json = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof() {
            Unreadable::Corrupt(format!("the file ends too early (cut short?): {e}"))
        } else {
            Unreadable::Corrupt(e.to_string())
        }
    })?;
    let format = value
        .get("format")
        .and_then(Json::as_u64)
        .ok_or_else(|| Unreadable::Corrupt("no `format` number: not a pd-intake record".into()))?;
    if format > FORMAT {
        return Err(Unreadable::Newer(format));
    }
    if value.get("encrypted").and_then(Json::as_bool) == Some(true) {
        serde_json::from_value(value)
            .map(Stored::Sealed)
            .map_err(|e| Unreadable::Corrupt(e.to_string()))
    } else {
        serde_json::from_value(value)
            .map(Stored::Plain)
            .map_err(|e| Unreadable::Corrupt(e.to_string()))
    }
}

/// Parses the decrypted content of an envelope.
pub fn parse_record(bytes: &[u8]) -> Result<Record, Unreadable> {
    match parse(bytes)? {
        Stored::Plain(r) => Ok(r),
        Stored::Sealed(_) => Err(Unreadable::Corrupt("an envelope inside an envelope".into())),
    }
}

fn ser_pairs<S: Serializer>(pairs: &[(String, Json)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        m.serialize_entry(k, v)?;
    }
    m.end()
}

/// Keeps the file's order (a `serde_json::Map` would sort by id).
fn de_pairs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, Json)>, D::Error> {
    struct Pairs;
    impl<'de> Visitor<'de> for Pairs {
        type Value = Vec<(String, Json)>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map of question ids to answers")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = map.next_entry::<String, Json>()? {
                out.push((k, v));
            }
            Ok(out)
        }
    }
    d.deserialize_map(Pairs)
}
