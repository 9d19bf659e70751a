//! Reading the store folder: which files are records, opening one, finding one by its code.
//! Reads only; never rewrites a file.

use std::fs;
use std::path::{Path, PathBuf};

use super::record::{self, Record, Status, Stored, Unreadable};
use super::session::Sealing;
use super::{Listing, StaffIdentity, Store, StoreError, code, crypto};

/// A record found by its code, with what is needed to keep saving it.
pub(super) struct Found {
    pub path: PathBuf,
    pub record: Record,
    pub sealing: Option<Sealing>,
}

/// The `*.json` files of the folder (temp files and hidden files skipped), sorted by name.
pub(super) fn record_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or(".");
            !name.starts_with('.') && name.ends_with(".json") && p.is_file()
        })
        .collect();
    files.sort();
    files
}

pub(super) fn read(path: &Path) -> Result<Stored, StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::Io {
        path: path.to_owned(),
        source: e,
    })?;
    record::parse(&bytes).map_err(|u| unreadable(path, u))
}

fn unreadable(path: &Path, u: Unreadable) -> StoreError {
    match u {
        Unreadable::Corrupt(why) => StoreError::Corrupt {
            path: path.to_owned(),
            why,
        },
        Unreadable::Newer(format) => StoreError::NewerFormat {
            path: path.to_owned(),
            format,
        },
    }
}

/// Opens a record file: plaintext as is, encrypted with the staff identity.
pub(super) fn open_file(
    path: &Path,
    identity: Option<&StaffIdentity>,
) -> Result<Record, StoreError> {
    match read(path)? {
        Stored::Plain(r) => Ok(r),
        Stored::Sealed(env) => {
            let id = identity.ok_or_else(|| StoreError::Locked {
                path: path.to_owned(),
            })?;
            let plain = crypto::open_with_staff(&env.record, id).map_err(|why| {
                StoreError::BadIdentity {
                    path: path.to_owned(),
                    why: format!("this identity does not open it ({why})"),
                }
            })?;
            record::parse_record(&plain).map_err(|u| unreadable(path, u))
        }
    }
}

pub(super) fn listing(
    path: &Path,
    identity: Option<&StaffIdentity>,
) -> Result<Listing, StoreError> {
    match read(path)? {
        Stored::Plain(r) => Ok(Listing {
            path: path.to_owned(),
            code: Some(r.code.clone()),
            meta: r.meta(),
            encrypted: false,
        }),
        Stored::Sealed(env) => {
            let opened = identity
                .and_then(|id| crypto::open_with_staff(&env.record, id).ok())
                .and_then(|plain| record::parse_record(&plain).ok());
            Ok(Listing {
                path: path.to_owned(),
                code: opened.as_ref().map(|r| r.code.clone()),
                meta: match opened {
                    Some(r) => r.meta(),
                    None => env.meta.into(),
                },
                encrypted: true,
            })
        }
    }
}

/// Finds the unfinished intake with this code. A plaintext `CODE.json` that is damaged is an
/// error (the applicant's own record); other damaged files are skipped here and shown by `list`.
pub(super) fn by_code(store: &Store, code: &str) -> Result<Option<Found>, StoreError> {
    let plain = store.dir.join(format!("{code}.json"));
    if plain.is_file() {
        if let Stored::Plain(record) = read(&plain)? {
            if record.code == code {
                if record.status == Status::Complete {
                    return Err(StoreError::Finished {
                        code: code.to_owned(),
                    });
                }
                return Ok(Some(Found {
                    path: plain,
                    record,
                    sealing: None,
                }));
            }
        }
    }
    // A new code's locator names its file; a first-version code's tag sits in its envelope.
    let legacy_tag = (code.len() == 7).then(|| code::legacy_tag(code));
    let prefix = format!("{}-", code::locator(code));
    for path in record_files(&store.dir) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let named = name.starts_with(&prefix);
        if legacy_tag.is_none() && !named {
            continue;
        }
        let Ok(Stored::Sealed(env)) = read(&path) else {
            continue;
        };
        let Some(sealed_key) = &env.resume_key else {
            continue;
        };
        if !named && env.tag != legacy_tag {
            continue;
        }
        // Never more than our own work factor: a planted envelope asking for more must not
        // make resume run for hours or take gigabytes; it is refused before any work.
        let Some(key) = crypto::unwrap_key(sealed_key, code, super::CODE_WORK_FACTOR) else {
            continue;
        };
        let plain =
            crypto::open_with_intake(&env.record, &key).map_err(|why| StoreError::Corrupt {
                path: path.clone(),
                why: format!("cannot decrypt: {why}"),
            })?;
        let record = record::parse_record(&plain).map_err(|u| unreadable(&path, u))?;
        if record.code != code {
            continue;
        }
        let sealing = Sealing {
            key,
            resume_key: sealed_key.clone(),
        };
        return Ok(Some(Found {
            path,
            record,
            sealing: Some(sealing),
        }));
    }
    Ok(None)
}
