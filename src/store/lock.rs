//! One writer per intake: a session holds an OS file lock beside its record while it may
//! save, so a second window on the same intake is refused instead of silently overwriting
//! answers. The operating system drops the lock when the process ends in any way (kill -9,
//! power loss), so a stale lock never blocks anyone.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::StoreError;

#[derive(Debug)]
pub struct Lock {
    // Holding the open file holds the lock; closing it releases it. (Read on Unix only, to
    // check the path still names it.)
    #[cfg_attr(not(unix), allow(dead_code))]
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Takes the lock of the record at `record` (`.NAME.lock` in the same folder, hidden from
    /// listings). The holder removes the file when it is done; a process that opened the old
    /// file just before that notices (the path no longer names its file) and tries again.
    pub fn take(record: &Path) -> Result<Lock, StoreError> {
        for _ in 0..5 {
            let lock = Self::try_take(record)?;
            if lock.still_named() {
                return Ok(lock);
            }
        }
        Err(StoreError::InUse)
    }

    fn try_take(record: &Path) -> Result<Lock, StoreError> {
        let path = lock_path(record);
        let io = |source| StoreError::Io {
            path: path.clone(),
            source,
        };
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let file = opts.open(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(Lock { file, path }),
            Err(TryLockError::WouldBlock) => Err(StoreError::InUse),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }
}

impl Lock {
    #[cfg(unix)]
    fn still_named(&self) -> bool {
        use std::os::unix::fs::MetadataExt;
        match (self.file.metadata(), std::fs::metadata(&self.path)) {
            (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
            _ => false,
        }
    }

    #[cfg(not(unix))]
    fn still_named(&self) -> bool {
        self.path.exists()
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, so nobody can take a lock on a file about to vanish
        // without noticing. Best effort: a leftover empty file blocks nobody.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The lock file of a record file.
pub fn lock_path(record: &Path) -> PathBuf {
    let name = record
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or("record");
    record.with_file_name(format!(".{name}.lock"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_record_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("AB-1234.json");
        let first = Lock::take(&record).unwrap();
        assert!(matches!(Lock::take(&record), Err(StoreError::InUse)));
        drop(first);
        let again = Lock::take(&record).expect("released when the holder is gone");
        assert!(lock_path(&record).exists());
        drop(again);
        assert!(!lock_path(&record).exists(), "no file left behind");
        assert_eq!(lock_path(&record), dir.path().join(".AB-1234.lock"));
    }
}
