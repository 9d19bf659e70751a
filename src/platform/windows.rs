//! The Windows console: Ctrl-Break, closing the window and logging off; and keeping a window
//! of our own open at the end.
//!
//! Closing the window or logging off ends the process as soon as the console's handler
//! returns, so only what is already saved survives (every answer is saved when given); the
//! code was on screen throughout. Ctrl-Break leaves the console in place: the interview saves,
//! restores the screen and prints the code as when the applicant leaves with Ctrl-C.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once, OnceLock};

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::{cursor, terminal};

/// The interview's stop flag while one runs.
static STOP: Mutex<Option<Arc<AtomicBool>>> = Mutex::new(None);
static HANDLER: Once = Once::new();
static OWN_CONSOLE: OnceLock<bool> = OnceLock::new();

pub fn note_start() {
    // A console opened for this program (a double click in Explorer, a shortcut, a script
    // without `pause`) is empty, with the cursor at its top left; one a shell started us in
    // shows at least the prompt and the command line above us.
    let own = io::stdout().is_terminal() && cursor::position().is_ok_and(|p| p == (0, 0));
    let _ = OWN_CONSOLE.set(own);
}

pub fn watch_console(stop: &Arc<AtomicBool>) -> io::Result<()> {
    *STOP.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::clone(stop));
    let mut result = Ok(());
    HANDLER.call_once(|| {
        // ctrlc (with `termination`) takes Ctrl-C, Ctrl-Break, close, logoff and shutdown.
        // Ctrl-C itself arrives as a key in raw mode, so this sees the others.
        result = ctrlc::set_handler(|| {
            let current = STOP.lock().unwrap_or_else(|e| e.into_inner()).clone();
            match current {
                Some(stop) => stop.store(true, Ordering::Relaxed),
                // Between interviews nothing is unsaved: leave as Windows would.
                None => std::process::exit(0xC000_013A_u32 as i32),
            }
        })
        .map_err(io::Error::other);
    });
    result
}

pub fn hold_window() {
    if !OWN_CONSOLE.get().copied().unwrap_or(false) || !io::stdin().is_terminal() {
        return;
    }
    *STOP.lock().unwrap_or_else(|e| e.into_inner()) = None;
    let mut out = io::stdout();
    let _ = writeln!(
        out,
        "\nPress any key to close this window. / Pulse cualquier tecla para cerrar esta ventana."
    );
    let _ = out.flush();
    if terminal::enable_raw_mode().is_err() {
        return;
    }
    // Only a press: the release of the key that ended the interview arrives first.
    while let Ok(ev) = event::read() {
        if matches!(ev, Event::Key(k) if k.kind == KeyEventKind::Press) {
            break;
        }
    }
    let _ = terminal::disable_raw_mode();
}
