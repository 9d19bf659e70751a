//! Turning encryption on for a laptop that already holds plaintext intakes: each one is sealed
//! to the clinic keys (an unfinished one also to its own code, so the applicant can still
//! continue), written whole, and only then is the plaintext file removed.

use std::path::PathBuf;

use super::record::{self, Envelope, Status, Stored};
use super::{Store, StoreError, atomic, crypto, find, lock};

/// What happened to one plaintext intake.
#[derive(Debug)]
pub enum Converted {
    Sealed {
        from: PathBuf,
        to: PathBuf,
    },
    /// Open in another window right now: left as it is (run again later).
    InUse(PathBuf),
    Failed(PathBuf, StoreError),
}

impl Store {
    /// The plaintext intakes in the folder.
    pub fn plaintext_records(&self) -> Vec<PathBuf> {
        find::record_files(&self.dir)
            .into_iter()
            .filter(|p| matches!(find::read(p), Ok(Stored::Plain(_))))
            .collect()
    }

    /// Seals every plaintext intake to this store's clinic keys.
    pub fn encrypt_existing(&self) -> Result<Vec<Converted>, StoreError> {
        if !self.encrypted() {
            return Err(StoreError::NeedsClinicKey);
        }
        Ok(self
            .plaintext_records()
            .into_iter()
            .map(|from| match self.seal_one(&from) {
                Ok(to) => Converted::Sealed { from, to },
                Err(StoreError::InUse) => Converted::InUse(from),
                Err(e) => Converted::Failed(from, e),
            })
            .collect())
    }

    // Without `encryption` no clinic key can exist, so the sealing below is unreachable.
    #[cfg_attr(not(feature = "encryption"), allow(unreachable_code, unused_variables))]
    fn seal_one(&self, from: &std::path::Path) -> Result<PathBuf, StoreError> {
        let _held = lock::Lock::take(from)?;
        let Stored::Plain(mut rec) = find::read(from)? else {
            return Err(StoreError::Corrupt {
                path: from.to_owned(),
                why: "changed while being encrypted".into(),
            });
        };
        rec.recipients = self.keys.iter().map(crypto::ClinicKey::public).collect();
        let unfinished = rec.status == Status::InProgress;
        let sealing = if unfinished {
            let key = crypto::new_intake_key(&self.keys[0]);
            let resume_key = crypto::wrap_key(&key, &rec.code, self.work_factor)?;
            Some((key, resume_key))
        } else {
            None
        };
        let plain =
            serde_json::to_vec_pretty(&rec).map_err(|e| StoreError::Crypto(e.to_string()))?;
        let envelope = Envelope {
            format: record::FORMAT,
            encrypted: true,
            meta: rec.clear_meta(),
            tag: None,
            resume_key: sealing.as_ref().map(|(_, r)| r.clone()),
            record: crypto::seal(&self.keys, sealing.as_ref().map(|(k, _)| k), &plain)?,
        };
        let bytes =
            serde_json::to_vec_pretty(&envelope).map_err(|e| StoreError::Crypto(e.to_string()))?;
        let to = self.sealed_path(&rec.code)?;
        let io = |path: &std::path::Path| {
            let path = path.to_owned();
            move |source| StoreError::Io { path, source }
        };
        atomic::write_atomic(&to, &bytes).map_err(io(&to))?;
        std::fs::remove_file(from).map_err(io(from))?;
        Ok(to)
    }
}
