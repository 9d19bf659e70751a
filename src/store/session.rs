//! One intake being answered: rewrites its whole record after every answer.
//! A failed save changes nothing in memory, so the next save simply writes everything again.

use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use super::record::{self, Envelope, QuestionnaireRef, Record, Status};
use super::{Store, StoreError, atomic, crypto, lock};
use crate::autosave::{Autosave, SaveError};
use crate::interview::{Interview, Position};
use crate::model::Kind;

/// The intake key and its code-sealed copy, made once per intake (scrypt is slow on purpose).
#[derive(Debug, Clone)]
pub(super) struct Sealing {
    pub key: crypto::IntakeKey,
    pub resume_key: String,
}

#[derive(Debug)]
pub struct Session {
    pub(super) store: Store,
    /// The clinic keys every save encrypts to (none: plaintext). Fixed for the session: an
    /// encrypted intake never turns plaintext because a command line lacks the key.
    pub(super) recipients: Vec<crypto::ClinicKey>,
    /// Held while this session may write the record, so a second window cannot.
    pub(super) lock: Option<lock::Lock>,
    pub(super) code: String,
    pub(super) path: PathBuf,
    /// Set once the record exists on disk.
    pub(super) created: Option<String>,
    pub(super) set_aside: Vec<(String, Json)>,
    /// A plaintext record this session supersedes (resumed before a clinic key was set):
    /// removed after the first encrypted save.
    pub(super) replaces: Option<PathBuf>,
    pub(super) sealing: Option<Sealing>,
}

impl Session {
    /// The file this intake is saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this intake is saved encrypted to a clinic key: decided by the record (a resumed
    /// encrypted intake stays encrypted), not by this command line's settings.
    pub fn encrypted(&self) -> bool {
        !self.recipients.is_empty()
    }

    /// Whether the record exists on disk (after the first successful save).
    pub fn is_saved(&self) -> bool {
        self.created.is_some()
    }

    /// `save` with the store's typed error.
    pub fn save_record(&mut self, iv: &Interview<'_>, lang: &str) -> Result<(), StoreError> {
        if self.created.is_none()
            && iv.answers().iter().all(Option::is_none)
            && iv.drafts().next().is_none()
        {
            return Ok(()); // nothing said yet: no record, no code
        }
        let now = (self.store.clock)();
        let record = self.record(iv, lang, &now);
        let plain =
            serde_json::to_vec_pretty(&record).map_err(|e| StoreError::Crypto(e.to_string()))?;
        let bytes = if self.recipients.is_empty() {
            plain
        } else {
            let clinic = self.recipients.clone();
            self.seal(&clinic, &record, &plain)?
        };
        if self.created.is_none() {
            atomic::ensure_private_dir(&self.store.dir).map_err(|e| StoreError::Io {
                path: self.store.dir.clone(),
                source: e,
            })?;
        }
        if self.lock.is_none() {
            self.lock = Some(lock::Lock::take(&self.path)?);
        }
        atomic::write_atomic(&self.path, &bytes).map_err(|e| StoreError::Io {
            path: self.path.clone(),
            source: e,
        })?;
        self.created.get_or_insert(now);
        if let Some(old) = self.replaces.take_if(|old| *old != self.path) {
            // The plaintext copy must go once the encrypted one is safely written.
            if let Err(e) = std::fs::remove_file(&old) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    self.replaces = Some(old.clone());
                    return Err(StoreError::Io {
                        path: old,
                        source: e,
                    });
                }
            }
            // The lock follows the record (the old one is named after the code).
            self.lock = Some(lock::Lock::take(&self.path)?);
        }
        Ok(())
    }

    fn record(&self, iv: &Interview<'_>, lang: &str, now: &str) -> Record {
        let qn = iv.questionnaire();
        let mut answers = Vec::new();
        let mut choices = std::collections::BTreeMap::new();
        for (q, a) in qn.questions.iter().zip(iv.answers()) {
            if let Some(a) = a {
                answers.push((q.id.clone(), a.to_json()));
                if matches!(q.kind, Kind::SingleChoice | Kind::MultiChoice) {
                    choices.insert(
                        q.id.clone(),
                        q.choices.iter().map(|c| c.id.clone()).collect(),
                    );
                }
            }
        }
        let at_end = iv.position() == Position::End;
        Record {
            format: record::FORMAT,
            code: self.code.clone(),
            status: if at_end && iv.is_complete() {
                Status::Complete
            } else {
                Status::InProgress
            },
            created: self.created.clone().unwrap_or_else(|| now.to_owned()),
            updated: now.to_owned(),
            language: lang.to_owned(),
            position: iv.current().map(|q| qn.questions[q].id.clone()),
            answered: iv.answered_count(),
            questionnaire: QuestionnaireRef {
                id: qn.id.clone(),
                version: qn.version.clone(),
                sha256: qn.sha256.clone(),
            },
            answers,
            set_aside: self.set_aside.clone(),
            questions: qn.questions.iter().map(|q| q.id.clone()).collect(),
            choices,
            drafts: iv
                .drafts()
                .map(|(q, t)| (qn.questions[q].id.clone(), t.to_owned()))
                .collect(),
            recipients: self
                .recipients
                .iter()
                .map(crypto::ClinicKey::public)
                .collect(),
        }
    }

    /// The encrypted file: the record to the clinic key and, while unfinished, to the intake
    /// key whose code-sealed copy travels beside it.
    // Without `encryption` a `ClinicKey` cannot exist, so this body is statically unreachable.
    #[cfg_attr(not(feature = "encryption"), allow(unreachable_code, unused_variables))]
    fn seal(
        &mut self,
        clinic: &[crypto::ClinicKey],
        record: &Record,
        plain: &[u8],
    ) -> Result<Vec<u8>, StoreError> {
        let unfinished = record.status == Status::InProgress;
        if unfinished && self.sealing.is_none() {
            let key = crypto::new_intake_key(&clinic[0]);
            let resume_key = crypto::wrap_key(&key, &self.code, self.store.work_factor)?;
            self.sealing = Some(Sealing { key, resume_key });
        }
        let sealing = self.sealing.as_ref().filter(|_| unfinished);
        let envelope = Envelope {
            format: record::FORMAT,
            encrypted: true,
            meta: record.clear_meta(),
            tag: None,
            resume_key: sealing.map(|s| s.resume_key.clone()),
            record: crypto::seal(clinic, sealing.map(|s| &s.key), plain)?,
        };
        serde_json::to_vec_pretty(&envelope).map_err(|e| StoreError::Crypto(e.to_string()))
    }
}

impl Autosave for Session {
    fn save(&mut self, iv: &Interview<'_>, lang: &str) -> Result<(), SaveError> {
        self.save_record(iv, lang)
            .map_err(|e| SaveError(e.to_string()))
    }

    fn code(&self) -> Option<&str> {
        self.created.as_ref().map(|_| self.code.as_str())
    }
}
