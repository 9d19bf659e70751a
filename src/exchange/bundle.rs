//! The bundle: chosen intakes in one JSON file to carry from an intake laptop to the staff
//! machine. Records already encrypted are copied byte for byte (no identity needed);
//! plaintext ones are encrypted to the clinic key on the way in, or carried as they are only
//! when asked (`--plaintext`). A manifest lists each file with its SHA-256, and `open`
//! checks every one before anything is used.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::ExchangeError;
use crate::store::record::{self, Envelope, Meta, Stored};
use crate::store::{ClinicKey, Listing, Status, code, crypto};

/// Version of the bundle layout; a newer one is refused.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub pd_intake_bundle: u32,
    pub created: String,
    pub manifest: Manifest,
    /// The record files' text, in the manifest's order.
    pub records: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub count: usize,
    pub intakes: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The record's file name in the data folder (`<random>.json`, or `CODE.json`).
    pub file: String,
    /// The resume code, only for an intake carried in the clear (it is in the record anyway).
    pub code: Option<String>,
    pub encrypted: bool,
    pub status: Status,
    pub created: String,
    pub updated: String,
    /// Lowercase hex SHA-256 of the record text.
    pub sha256: String,
}

/// One record as it goes into the bundle.
pub struct Part<'a> {
    pub listing: &'a Listing,
    pub bytes: Vec<u8>,
}

/// What to do with plaintext records.
pub enum Plain<'a> {
    /// Encrypt them to these clinic keys.
    EncryptTo(&'a [ClinicKey]),
    /// Carry them as they are.
    AsTheyAre,
    /// Refuse the bundle.
    Refuse,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Builds the bundle text from records read off the disk.
pub fn build(parts: Vec<Part<'_>>, plain: Plain<'_>, now: &str) -> Result<Vec<u8>, ExchangeError> {
    let unencrypted = parts.iter().filter(|p| !p.listing.encrypted).count();
    if unencrypted > 0 && matches!(plain, Plain::Refuse) {
        return Err(ExchangeError::PlainRecords { count: unencrypted });
    }
    let mut intakes = Vec::with_capacity(parts.len());
    let mut records = Vec::with_capacity(parts.len());
    for part in parts {
        let (file, text, code, encrypted) = match (&plain, part.listing.encrypted) {
            (Plain::EncryptTo(keys), false) => {
                let (file, text) = seal_plain(&part, keys)?;
                (file, text, None, true)
            }
            (_, enc) => (
                super::exported::key(part.listing),
                utf8(part.bytes, part.listing)?,
                part.listing.code.clone().filter(|_| !enc),
                enc,
            ),
        };
        let m = &part.listing.meta;
        intakes.push(Entry {
            file,
            code,
            encrypted,
            status: m.status,
            created: m.created.clone(),
            updated: m.updated.clone(),
            sha256: sha256_hex(text.as_bytes()),
        });
        records.push(text);
    }
    let bundle = Bundle {
        pd_intake_bundle: FORMAT,
        created: now.to_owned(),
        manifest: Manifest {
            count: intakes.len(),
            intakes,
        },
        records,
    };
    serde_json::to_vec_pretty(&bundle).map_err(|e| ExchangeError::Io {
        path: "bundle".into(),
        source: std::io::Error::other(e),
    })
}

fn utf8(bytes: Vec<u8>, l: &Listing) -> Result<String, ExchangeError> {
    String::from_utf8(bytes).map_err(|_| {
        ExchangeError::Store(crate::store::StoreError::Corrupt {
            path: l.path.clone(),
            why: "not UTF-8 text".into(),
        })
    })
}

/// A plaintext record encrypted to the clinic keys alone, as `encrypt-existing` would seal a
/// finished one: staff open it with the identity, the resume code no longer does (it is not
/// needed on the staff machine). The keys travel inside the record, as the store keeps them.
/// Its name has the store's shape (code locator, then 16 hex digits) with the digits drawn
/// from the code and creation time, so exporting the same intake again gives the same name
/// and `import` can tell a newer copy from a new intake.
// Without `encryption` a `ClinicKey` cannot exist, so this body is statically unreachable.
#[cfg_attr(not(feature = "encryption"), allow(unreachable_code, unused_variables))]
fn seal_plain(part: &Part<'_>, keys: &[ClinicKey]) -> Result<(String, String), ExchangeError> {
    let mut rec = match record::parse(&part.bytes) {
        Ok(Stored::Plain(r)) => r,
        _ => {
            return Err(ExchangeError::Store(crate::store::StoreError::Corrupt {
                path: part.listing.path.clone(),
                why: "not a plaintext record".into(),
            }));
        }
    };
    let Some(code) = code::normalize(&rec.code) else {
        return Err(ExchangeError::Store(crate::store::StoreError::Corrupt {
            path: part.listing.path.clone(),
            why: "its code is not a resume code".into(),
        }));
    };
    rec.recipients = keys.iter().map(ClinicKey::public).collect();
    let json = |e: serde_json::Error| ExchangeError::Io {
        path: part.listing.path.clone(),
        source: std::io::Error::other(e),
    };
    let plain = serde_json::to_vec_pretty(&rec).map_err(json)?;
    let envelope = Envelope {
        format: record::FORMAT,
        encrypted: true,
        meta: rec.clear_meta(),
        tag: None,
        resume_key: None,
        record: crypto::seal(keys, None, &plain)?,
    };
    let digits =
        sha256_hex(format!("pd-intake bundle name 1:{}:{}", rec.code, rec.created).as_bytes());
    let text = serde_json::to_string_pretty(&envelope).map_err(json)?;
    let name = format!("{}-{}.json", code::locator(&code), &digits[..16]);
    Ok((name, text))
}

/// A bundle whose every record was checked: its checksum, its file name, and that it is a
/// record whose clear metadata matches the manifest.
#[derive(Debug)]
pub struct Verified {
    pub entries: Vec<(Entry, String, Meta)>,
}

/// Reads and checks a bundle; any fault refuses the whole file.
pub fn open(file: &str, bytes: &[u8]) -> Result<Verified, ExchangeError> {
    let bad = |why: String| ExchangeError::BadBundle {
        file: file.to_owned(),
        why,
    };
    let bundle: Bundle = serde_json::from_slice(bytes).map_err(|e| {
        bad(if e.is_eof() {
            "the file ends too early (cut short while copying?)".to_owned()
        } else {
            e.to_string()
        })
    })?;
    if bundle.pd_intake_bundle > FORMAT {
        return Err(bad(format!(
            "it was written by a newer pd-intake (bundle format {}); update pd-intake",
            bundle.pd_intake_bundle
        )));
    }
    let m = &bundle.manifest;
    if m.count != m.intakes.len() || m.count != bundle.records.len() {
        return Err(bad(format!(
            "the manifest says {} intakes but the bundle holds {} entries and {} records",
            m.count,
            m.intakes.len(),
            bundle.records.len()
        )));
    }
    let mut entries = Vec::with_capacity(m.count);
    let mut names = std::collections::BTreeSet::new();
    for (e, text) in bundle.manifest.intakes.into_iter().zip(bundle.records) {
        if !is_timestamp(&e.created) || !is_timestamp(&e.updated) {
            return Err(bad(format!("{} has no proper save times", e.file)));
        }
        if !safe_name(&e.file) || !names.insert(e.file.clone()) {
            return Err(bad(format!("`{}` is not a record file name", e.file)));
        }
        if sha256_hex(text.as_bytes()) != e.sha256 {
            return Err(bad(format!("{} does not match its checksum", e.file)));
        }
        let meta = match record::parse(text.as_bytes()) {
            Ok(Stored::Sealed(env)) if e.encrypted => Meta::from(env.meta),
            Ok(Stored::Plain(r)) if !e.encrypted => r.meta(),
            Ok(_) => return Err(bad(format!("{} is not what the manifest says", e.file))),
            Err(u) => {
                return Err(bad(format!(
                    "{} is not a record: {}",
                    e.file,
                    super::why(&u)
                )));
            }
        };
        if meta.status != e.status || meta.created != e.created || meta.updated != e.updated {
            return Err(bad(format!("{} does not match the manifest", e.file)));
        }
        entries.push((e, text, meta));
    }
    Ok(Verified { entries })
}

/// `YYYY-MM-DDTHH:MM:SSZ`, as the store writes: these times decide which copy is newer and
/// are shown on the staff terminal, so nothing else gets through.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

/// A plain file name the store would list: no folder part, no dot start, ends in `.json`.
fn safe_name(name: &str) -> bool {
    name.ends_with(".json")
        && name.len() > 5
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        && !name.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Listing;
    use crate::store::record::{QuestionnaireRef, Record};

    fn record(updated: &str) -> Vec<u8> {
        let r = Record {
            format: 1,
            code: "KP7M-2QXT-9RW4".into(),
            status: Status::InProgress,
            created: "2026-01-01T00:00:00Z".into(),
            updated: updated.into(),
            language: "en".into(),
            position: None,
            answered: 0,
            questionnaire: QuestionnaireRef {
                id: "q".into(),
                version: "1".into(),
                sha256: String::new(),
            },
            answers: Vec::new(),
            set_aside: Vec::new(),
            questions: Vec::new(),
            choices: Default::default(),
            recipients: Vec::new(),
            drafts: Default::default(),
        };
        serde_json::to_vec(&r).unwrap()
    }

    fn bundle_of(updated: &str) -> Vec<u8> {
        let bytes = record(updated);
        let listing = Listing {
            path: "KP7M-2QXT-9RW4.json".into(),
            code: Some("KP7M-2QXT-9RW4".into()),
            meta: record::parse_record(&bytes).unwrap().meta(),
            encrypted: false,
        };
        let part = Part {
            listing: &listing,
            bytes,
        };
        build(vec![part], Plain::AsTheyAre, "2026-01-02T00:00:00Z").unwrap()
    }

    #[test]
    fn save_times_must_be_times() {
        assert!(open("b", &bundle_of("2026-01-01T10:00:00Z")).is_ok());
        for odd in ["\u{1b}[2J", "9999", "2026-01-01 10:00:00", ""] {
            let err = open("b", &bundle_of(odd)).unwrap_err().to_string();
            assert!(err.contains("save times"), "{odd:?}: {err}");
        }
    }

    #[test]
    fn only_plain_record_names_are_accepted() {
        for ok in [
            "KP7M-2QXT-9RW4.json",
            "KP-0a1b2c3d4e5f6a7b.json",
            "0a1b2c3d4e5f6a7b.json",
        ] {
            assert!(safe_name(ok), "{ok}");
        }
        for bad in [
            "../x.json",
            "a/b.json",
            "a\\b.json",
            ".exported.json",
            ".json",
            "x.txt",
            "C:x.json",
            "x..json",
        ] {
            assert!(!safe_name(bad), "{bad}");
        }
    }
}
