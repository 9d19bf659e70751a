//! Where intakes, reports and the clinic's settings live.
//!
//! - Portable mode: a file named `pd-intake.portable` beside the executable puts the data in
//!   `pd-intake-data` and the settings in `pd-intake-config` beside it (a USB stick).
//! - Otherwise the platform's folders: `~/.local/share/pd-intake` and `~/.config/pd-intake` on
//!   Linux; `%LOCALAPPDATA%\pd-intake\data` and `%APPDATA%\pd-intake\config` on Windows.
//!   Versions before 0.2 used `%LOCALAPPDATA%\pd-intake\pd-intake\data` (the name twice): its
//!   records are moved once, and settings there are still read.
//!
//! `--data-dir` wins over all of these (the caller decides).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The file that turns portable mode on, beside the executable.
pub const PORTABLE_MARKER: &str = "pd-intake.portable";
/// The folders portable mode uses, beside the executable.
pub const PORTABLE_DATA: &str = "pd-intake-data";
pub const PORTABLE_CONFIG: &str = "pd-intake-config";

/// The folders in use, and the ones older versions used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    pub data: PathBuf,
    pub config: PathBuf,
    /// Where an older version kept the data (Windows), if elsewhere.
    pub old_data: Option<PathBuf>,
    pub old_config: Option<PathBuf>,
    pub portable: bool,
}

/// The folders for this run: portable beside the executable, else the platform's.
pub fn locate() -> Option<Dirs> {
    let exe = std::env::current_exe().ok();
    let exe_dir = exe.as_deref().and_then(Path::parent);
    portable(exe_dir).or_else(platform)
}

/// Portable mode, when the marker file is beside the executable in `exe_dir`.
pub fn portable(exe_dir: Option<&Path>) -> Option<Dirs> {
    let dir = exe_dir?;
    dir.join(PORTABLE_MARKER).is_file().then(|| Dirs {
        data: dir.join(PORTABLE_DATA),
        config: dir.join(PORTABLE_CONFIG),
        old_data: None,
        old_config: None,
        portable: true,
    })
}

#[cfg(windows)]
fn platform() -> Option<Dirs> {
    let base = directories::BaseDirs::new()?;
    Some(windows_layout(base.data_local_dir(), base.config_dir()))
}

#[cfg(not(windows))]
fn platform() -> Option<Dirs> {
    let p = directories::ProjectDirs::from("org", "pd-intake", "pd-intake")?;
    Some(Dirs {
        data: p.data_local_dir().to_owned(),
        config: p.config_dir().to_owned(),
        old_data: None,
        old_config: None,
        portable: false,
    })
}

/// The Windows folders under `%LOCALAPPDATA%` (`local`) and `%APPDATA%` (`roaming`).
pub fn windows_layout(local: &Path, roaming: &Path) -> Dirs {
    Dirs {
        data: local.join("pd-intake").join("data"),
        config: roaming.join("pd-intake").join("config"),
        old_data: Some(local.join("pd-intake").join("pd-intake").join("data")),
        old_config: Some(roaming.join("pd-intake").join("pd-intake").join("config")),
        portable: false,
    }
}

impl Dirs {
    /// The data folder, after moving an older version's records into it. A record that
    /// cannot be moved now (open in another window) stays, and is moved on a later start.
    pub fn data_dir(&self) -> PathBuf {
        if let Some(old) = &self.old_data {
            let _ = move_records(old, &self.data);
        }
        self.data.clone()
    }

    /// A settings file: in the current folder, else where an older version kept it.
    pub fn config_file(&self, name: &str) -> PathBuf {
        let new = self.config.join(name);
        match &self.old_config {
            Some(old) if !new.exists() && old.join(name).is_file() => old.join(name),
            _ => new,
        }
    }
}

/// Moves every entry of `old` into `new` (same disk: renames, nothing copied), folders such
/// as `reports` merged, and removes `old` once it is empty. A file whose name already exists
/// in `new` stays where it is.
pub fn move_records(old: &Path, new: &Path) -> io::Result<()> {
    if !old.is_dir() {
        return Ok(());
    }
    if !new.exists() {
        if let Some(parent) = new.parent() {
            fs::create_dir_all(parent)?;
        }
        if fs::rename(old, new).is_ok() {
            remove_if_empty(old.parent());
            return Ok(());
        }
    }
    fs::create_dir_all(new)?;
    for entry in fs::read_dir(old)? {
        let from = entry?.path();
        let to = new.join(from.file_name().unwrap_or_default());
        if from.is_dir() && to.is_dir() {
            move_records(&from, &to)?;
        } else if !to.exists() {
            let _ = fs::rename(&from, &to);
        }
    }
    remove_if_empty(Some(old));
    remove_if_empty(old.parent());
    Ok(())
}

fn remove_if_empty(dir: Option<&Path>) {
    if let Some(d) = dir {
        // Fails, as it should, while anything is left inside.
        let _ = fs::remove_dir(d);
    }
}

#[cfg(test)]
mod tests;
