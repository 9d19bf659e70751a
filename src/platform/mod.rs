//! What differs between operating systems outside the terminal library: where files live
//! (`dirs`, with the portable mode) and the Windows console (`windows`). No printing here
//! except the one line `hold_window` shows before it waits.

pub mod dirs;
#[cfg(windows)]
mod windows;

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Notes what the console looked like before anything was printed (Windows: whether the
/// console is the program's own, opened by a double click). Call first thing in `main`.
pub fn note_start() {
    #[cfg(windows)]
    windows::note_start();
}

/// Sets `stop` when the console is closed, Ctrl-Break is pressed, or the user logs off
/// (Windows). Unix signals are registered by the front end itself.
pub fn watch_console(stop: &Arc<AtomicBool>) -> io::Result<()> {
    #[cfg(windows)]
    return windows::watch_console(stop);
    #[cfg(not(windows))]
    {
        let _ = stop;
        Ok(())
    }
}

/// At the end of an interview in a console window of its own (double-clicked), waits for a
/// key so that the printed code stays on screen. Anywhere else it returns at once.
pub fn hold_window() {
    #[cfg(windows)]
    windows::hold_window();
}
