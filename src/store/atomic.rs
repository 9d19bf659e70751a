//! Crash-safe file writes: a record on disk is always either the old one or the new one, whole.
//! Temp file in the same folder, fsync, rename over the record, fsync the folder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Prefix of temp files: list/resume skip them, `clean_temps` removes stale ones.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Creates `dir` (and parents) readable only by its owner (0700 on Unix).
pub fn ensure_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if !dir.is_dir() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)?;
        }
        // An existing folder may have been made by hand with looser rights; tighten it. A
        // filesystem without Unix rights (a FAT USB stick) refuses, which is not fatal.
        let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Opens a new file that only its owner can read (0600 on Unix); fails if it exists.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

/// Replaces `path` with `bytes` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("a record path needs a folder"))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("record");
    let tmp = dir.join(format!("{TEMP_PREFIX}{name}-{}", random_suffix()));
    let result = (|| {
        let mut f = create_private(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        // A half-written temp file must not linger (it may hold a draft); ignore failures
        // here, the original error is what the caller needs.
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Makes a rename in `dir` durable (Unix needs the folder itself synced).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Removes temp files left by a crash between write and rename. Young ones are kept: another
/// pd-intake on the same folder may be in the middle of a save.
pub fn clean_temps(dir: &Path, older_than: Duration) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for e in entries.flatten() {
        let is_temp = e
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(TEMP_PREFIX));
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).unwrap_or_default() >= older_than);
        if is_temp && old {
            let _ = fs::remove_file(e.path());
        }
    }
}

fn random_suffix() -> String {
    let mut b = [0u8; 6];
    // Uniqueness only (create_new catches a clash); a clock fallback is fine if the OS
    // randomness is unavailable.
    if getrandom::fill(&mut b).is_err() {
        let n = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        b.copy_from_slice(&n.to_le_bytes()[..6]);
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}
