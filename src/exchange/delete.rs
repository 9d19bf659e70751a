//! `delete`: every file of the chosen intakes — the record (its drafts travel inside it),
//! saved reports, lock files, temp files of an interrupted save — and its line in the
//! export log. Found by name: the record's file name and, when known, the resume code.

use std::fs;
use std::path::{Path, PathBuf};

use super::ExchangeError;
use super::exported::{self, ExportLog};
use super::select::Item;
use crate::store::atomic::TEMP_PREFIX;

/// The files of one intake, the record first.
#[derive(Debug)]
pub struct Doomed {
    pub code: Option<String>,
    pub encrypted: bool,
    pub files: Vec<PathBuf>,
}

/// For each item, every file under `dir` that belongs to it (the folder is read once).
pub fn plan(dir: &Path, items: &[Item]) -> Vec<Doomed> {
    let all = walk(dir);
    items.iter().map(|i| files_of(dir, &all, i)).collect()
}

fn files_of(dir: &Path, all: &[PathBuf], item: &Item) -> Doomed {
    let record = item.listing.path.clone();
    let name = exported::key(&item.listing);
    let stem = name.trim_end_matches(".json").to_owned();
    let code = item.listing.code.clone();
    // A code read from a damaged or planted record could be a prefix of anything ("" or
    // "KP"): only a real resume code is used to find files by name.
    let by_code = code
        .as_deref()
        .filter(|c| crate::store::code::normalize(c).as_deref() == Some(*c));
    let belongs = |file: &str| {
        let starts = |p: &str| {
            file.strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '-', '_']))
        };
        starts(&stem)
            || starts(&format!(".{stem}"))
            || file.starts_with(&format!("{TEMP_PREFIX}{name}"))
            || file.starts_with(&format!("{TEMP_PREFIX}{stem}"))
            || by_code.is_some_and(|c| starts(c) || starts(&format!(".{c}")))
    };
    // Never another intake's record, nor the export log, whatever their names.
    let reserved = |f: &Path, n: &str| {
        f.parent() == Some(dir)
            && ((n.ends_with(".json") && !n.starts_with('.')) || n == exported::FILE_NAME)
    };
    let mut files = vec![record.clone()];
    for f in all {
        let n = f.file_name().map(|n| n.to_string_lossy().into_owned());
        if *f != record && n.as_deref().is_some_and(|n| belongs(n) && !reserved(f, n)) {
            files.push(f.clone());
        }
    }
    Doomed {
        code,
        encrypted: item.listing.encrypted,
        files,
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(p),
                Ok(_) => out.push(p),
                Err(_) => {}
            }
        }
    }
    out.sort();
    out
}

/// Removes the files (the record last, so a failure leaves the intake listed and the
/// command can simply be run again) and forgets the intakes in the export log.
/// Returns the files removed.
pub fn delete(dir: &Path, doomed: &[Doomed]) -> Result<Vec<PathBuf>, ExchangeError> {
    let mut removed = Vec::new();
    let mut log = ExportLog::load(dir);
    for d in doomed {
        for f in d.files.iter().skip(1).chain(d.files.first()) {
            match fs::remove_file(f) {
                Ok(()) => removed.push(f.clone()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(ExchangeError::Io {
                        path: f.clone(),
                        source,
                    });
                }
            }
        }
        if let Some(name) = d.files.first().and_then(|f| f.file_name()) {
            log.forget(&name.to_string_lossy());
        }
    }
    if dir.join(exported::FILE_NAME).exists() {
        log.save(dir)?;
    }
    Ok(removed)
}
