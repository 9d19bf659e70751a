//! Which intakes were exported: a sidecar file `.exported.json` in the data folder (0600,
//! written atomically), keyed by record file name, never inside the record. An intake counts
//! as exported while the copy written out is its latest save (`updated` unchanged since).
//! The name starts with a dot so that the store never takes it for an intake.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::ExchangeError;
use crate::store::{Listing, atomic};

pub const FILE_NAME: &str = ".exported.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The record's `updated` when it was exported.
    pub updated: String,
    /// `csv` or `bundle`.
    pub how: String,
    /// When the export was written (UTC).
    pub at: String,
}

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportLog {
    pub format: u32,
    pub exported: BTreeMap<String, Entry>,
}

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// The record file name an entry is keyed by.
pub fn key(listing: &Listing) -> String {
    listing
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl ExportLog {
    /// Reads the sidecar; a missing one means nothing was exported yet. A damaged one is
    /// read as empty (intakes then look not exported, so `delete --exported` removes less,
    /// never more).
    pub fn load(dir: &Path) -> ExportLog {
        std::fs::read(path(dir))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn is_exported(&self, listing: &Listing) -> bool {
        self.exported
            .get(&key(listing))
            .is_some_and(|e| e.updated == listing.meta.updated)
    }

    pub fn mark(&mut self, listing: &Listing, how: &str, at: &str) {
        self.exported.insert(
            key(listing),
            Entry {
                updated: listing.meta.updated.clone(),
                how: how.to_owned(),
                at: at.to_owned(),
            },
        );
    }

    pub fn forget(&mut self, file_name: &str) {
        self.exported.remove(file_name);
    }

    pub fn save(&mut self, dir: &Path) -> Result<(), ExchangeError> {
        self.format = 1;
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| ExchangeError::Io {
            path: path(dir),
            source: std::io::Error::other(e),
        })?;
        atomic::write_atomic(&path(dir), &bytes).map_err(|source| ExchangeError::Io {
            path: path(dir),
            source,
        })
    }
}
