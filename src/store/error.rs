//! What can go wrong with the store, in words a staff member can act on.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is damaged and was left untouched: {why}")]
    Corrupt { path: PathBuf, why: String },
    #[error(
        "{path} was saved by a newer pd-intake (record format {format}); it was left untouched — update pd-intake to open it"
    )]
    NewerFormat { path: PathBuf, format: u64 },
    #[error("`{0}` is not a resume code (codes look like KP7M-2QXT-9RW4)")]
    BadCode(String),
    #[error("this code has a mistake in it: check each letter and number against the paper")]
    Typo,
    #[error(
        "this intake is encrypted to a clinic key that is not set up here: run pd-intake with the clinic's --recipient (or its config file) to continue it"
    )]
    NeedsClinicKey,
    #[error("this intake is open in another window; close that one first (nothing was changed)")]
    InUse,
    #[error("no unfinished intake has the code {code}")]
    NoSuchCode { code: String, failures: u32 },
    #[error("the intake {code} is finished; staff can open it")]
    Finished { code: String },
    #[error("{path} is encrypted; staff can open it with --identity FILE")]
    Locked { path: PathBuf },
    #[error("no saved intake matches `{0}` (encrypted intakes need --identity FILE)")]
    NotFound(String),
    #[error("the intake {code} was answered with the questionnaire `{found}`, not `{expected}`")]
    OtherQuestionnaire {
        code: String,
        expected: String,
        found: String,
    },
    #[error("not an age public key (age1…): {0}")]
    BadRecipient(String),
    #[error("cannot read the identity {path}: {why}")]
    BadIdentity { path: PathBuf, why: String },
    #[error("encryption failed: {0}")]
    Crypto(String),
    #[error("this pd-intake was built without encryption (cargo feature `encryption`)")]
    NoEncryption,
    #[error("no data folder: pass --data-dir DIR")]
    NoDataDir,
    #[error("the operating system's randomness is unavailable: {0}")]
    Random(String),
}
