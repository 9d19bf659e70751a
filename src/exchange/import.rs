//! `import`: a checked bundle into a data folder, all or nothing. Every decision is made
//! before the first write; every new file is first written beside its place as a temp file,
//! and only when all of them are on disk are they renamed into place.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::ExchangeError;
use super::bundle::Verified;
use crate::store::record::{self, Meta, Stored};
use crate::store::{Status, atomic};

/// What happened to one intake of the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not in the folder before.
    Added,
    /// A newer copy of an unfinished intake replaced the older one.
    Replaced,
    /// The same copy was already here.
    AlreadyHere,
    /// The folder's copy is newer, or finished: it was kept.
    KeptOurs,
}

#[derive(Debug)]
pub struct Imported {
    /// (file name, its clear metadata, what happened), in the bundle's order.
    pub intakes: Vec<(String, Meta, Outcome)>,
}

impl Imported {
    pub fn count(&self, o: Outcome) -> usize {
        self.intakes.iter().filter(|(_, _, x)| *x == o).count()
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExchangeError + '_ {
    move |source| ExchangeError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The folder copy's metadata, or None when there is none. A damaged copy is not replaced
/// (it may be the only trace of something): the import stops with its error.
fn ours(path: &Path) -> Result<Option<Meta>, ExchangeError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(path)(e)),
    };
    match record::parse(&bytes) {
        Ok(Stored::Plain(r)) => Ok(Some(r.meta())),
        Ok(Stored::Sealed(env)) => Ok(Some(env.meta.into())),
        Err(u) => Err(ExchangeError::Store(crate::store::StoreError::Corrupt {
            path: path.to_owned(),
            why: format!("{}; nothing was imported", super::why(&u)),
        })),
    }
}

fn decide(theirs: &Meta, ours: Option<&Meta>, name: &str) -> Result<Outcome, ExchangeError> {
    let Some(ours) = ours else {
        return Ok(Outcome::Added);
    };
    if ours.created != theirs.created {
        return Err(ExchangeError::Clash {
            name: name.to_owned(),
            theirs: theirs.created.clone(),
            ours: ours.created.clone(),
        });
    }
    Ok(if theirs.updated == ours.updated {
        Outcome::AlreadyHere
    } else if theirs.updated > ours.updated && ours.status == Status::InProgress {
        Outcome::Replaced
    } else {
        Outcome::KeptOurs
    })
}

/// Imports `bundle` into `dir` (made 0700 if missing).
pub fn import(dir: &Path, bundle: Verified) -> Result<Imported, ExchangeError> {
    let mut plan = Vec::new();
    let mut intakes = Vec::new();
    for (entry, text, meta) in bundle.entries {
        let target = dir.join(&entry.file);
        let outcome = decide(&meta, ours(&target)?.as_ref(), &entry.file)?;
        if matches!(outcome, Outcome::Added | Outcome::Replaced) {
            plan.push((target, text));
        }
        intakes.push((entry.file, meta, outcome));
    }
    if !plan.is_empty() {
        atomic::ensure_private_dir(dir).map_err(io(dir))?;
        let staged = stage(dir, &plan)?;
        for (tmp, (target, _)) in staged.iter().zip(&plan) {
            fs::rename(tmp, target).map_err(io(target))?;
        }
        atomic::sync_dir(dir).map_err(io(dir))?;
    }
    Ok(Imported { intakes })
}

/// Writes every file as a temp file; on any failure removes those written and fails.
fn stage(dir: &Path, plan: &[(PathBuf, String)]) -> Result<Vec<PathBuf>, ExchangeError> {
    let mut staged: Vec<PathBuf> = Vec::with_capacity(plan.len());
    for (i, (target, text)) in plan.iter().enumerate() {
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
        let tmp = dir.join(format!(
            "{}import-{i}-{}",
            atomic::TEMP_PREFIX,
            name.unwrap_or_default()
        ));
        // A leftover of an import that crashed has this very name: it is ours to replace.
        let _ = fs::remove_file(&tmp);
        let written = (|| {
            let mut f = atomic::create_private(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            for t in &staged {
                let _ = fs::remove_file(t);
            }
            return Err(io(&tmp)(e));
        }
        staged.push(tmp);
    }
    Ok(staged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::record::MetaQuestionnaire;

    fn meta(status: Status, created: &str, updated: &str) -> Meta {
        Meta {
            status,
            answered: Some(1),
            created: created.into(),
            updated: updated.into(),
            language: Some("en".into()),
            questionnaire: MetaQuestionnaire {
                id: "q".into(),
                version: "1".into(),
            },
        }
    }

    #[test]
    fn newer_copies_replace_unfinished_ones_and_nothing_replaces_a_finished_one() {
        let (c, t1, t2) = (
            "2026-01-01T00:00:00Z",
            "2026-01-02T00:00:00Z",
            "2026-01-03T00:00:00Z",
        );
        let open = |t| meta(Status::InProgress, c, t);
        let done = |t| meta(Status::Complete, c, t);
        let d = |theirs: &Meta, ours: Option<&Meta>| decide(theirs, ours, "x.json").unwrap();
        assert_eq!(d(&open(t1), None), Outcome::Added);
        assert_eq!(d(&open(t2), Some(&open(t1))), Outcome::Replaced);
        assert_eq!(d(&done(t2), Some(&open(t1))), Outcome::Replaced);
        assert_eq!(d(&open(t1), Some(&open(t2))), Outcome::KeptOurs);
        assert_eq!(d(&open(t2), Some(&done(t1))), Outcome::KeptOurs);
        assert_eq!(d(&done(t2), Some(&done(t1))), Outcome::KeptOurs);
        assert_eq!(d(&open(t1), Some(&open(t1))), Outcome::AlreadyHere);
        let other = meta(Status::InProgress, t1, t2);
        assert!(matches!(
            decide(&other, Some(&open(t1)), "x.json"),
            Err(ExchangeError::Clash { .. })
        ));
    }
}
