//! Moving intakes off a laptop and clearing it: choosing intakes (`select`), the record of
//! what was exported (`exported`), the CSV for case management (`csv`), the encrypted bundle
//! and its import (`bundle`, `import`), and deleting intakes for good (`delete`).
//! Reads and writes the data folder only through the store's public pieces; never prints.

pub mod bundle;
pub mod csv;
pub mod delete;
pub mod exported;
pub mod import;
pub mod select;

use std::path::PathBuf;

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{count} of the chosen intakes are encrypted; a CSV needs the clinic identity: pass --identity FILE"
    )]
    NeedIdentity { count: usize },
    #[error(
        "the intake {code} was answered with the questionnaire `{found}`, not `{expected}`; pass that questionnaire with --questions FILE"
    )]
    OtherQuestionnaire {
        code: String,
        expected: String,
        found: String,
    },
    #[error("{0}")]
    Report(#[from] crate::report::ReportError),
    #[error(
        "{count} of the chosen intakes are not encrypted, and a bundle must stay encrypted: turn encryption on with `pd-intake setup --identity FILE --encrypt-existing`, or pass --recipient KEY (the clinic's public key, age1…) to encrypt them into the bundle, or --plaintext to carry them as they are"
    )]
    PlainRecords { count: usize },
    #[error("no saved intake has the code {0} (encrypted intakes need --identity FILE)")]
    NoSuchCode(String),
    #[error("`{0}` is not a resume code (codes look like KP7M-2QXT-9RW4)")]
    BadCode(String),
    #[error("{file} is not a pd-intake bundle, or it is damaged; nothing was imported: {why}")]
    BadBundle { file: String, why: String },
    #[error(
        "the bundle's {name} and the one in this data folder are two different intakes (created {theirs} and {ours}); nothing was imported"
    )]
    Clash {
        name: String,
        theirs: String,
        ours: String,
    },
}

/// The `YYYY-MM-DD` part of a store timestamp (UTC), for `--since` and `--until`.
pub fn day_of(timestamp: &str) -> &str {
    timestamp.get(..10).unwrap_or(timestamp)
}

/// The words for a file that is not a usable record.
pub fn why(u: &crate::store::record::Unreadable) -> String {
    match u {
        crate::store::record::Unreadable::Corrupt(why) => why.clone(),
        crate::store::record::Unreadable::Newer(format) => {
            format!("it was saved by a newer pd-intake (record format {format}); update pd-intake")
        }
    }
}
