//! The terminal's lifecycle around the interview loop: raw mode and the alternate screen, giving
//! them back on every ending (a panic too, which then says how to continue), and the signals
//! and hangups that end an interview.

use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use ratatui::crossterm::{cursor, execute, terminal};

use super::App;
use crate::i18n::{self, strings};

/// Signals seen by the loop: a stop (SIGTERM, SIGINT, SIGQUIT) shows the leaving screen, a
/// second one leaves at once; a hangup (the window closed) leaves at once.
pub(super) struct Signals {
    pub(super) stop: Arc<AtomicBool>,
    pub(super) hangup: Arc<AtomicBool>,
    pub(super) finished: Arc<AtomicBool>,
}

/// Raw mode, the alternate screen and bracketed paste, with a terminal whose frames go out in
/// one write each (stdout alone flushes every 1 KiB, so a slow terminal would show a frame
/// half drawn). A panic gives the terminal back before its message is printed, then says
/// how to continue (the record is saved after every answer).
pub(super) fn init_terminal() -> io::Result<Terminal<CrosstermBackend<BufWriter<io::Stdout>>>> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableBracketedPaste, cursor::Show);
            ratatui::restore();
            previous(info);
            after_panic();
        }));
    });
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        1 << 16,
        io::stdout(),
    )))
}

/// What a panic prints: the language and the code of the intake on screen, once saved.
pub(super) static PANIC_NOTE: Mutex<Option<(String, String)>> = Mutex::new(None);

pub(super) fn panic_note(app: &App<'_>) {
    if let Ok(mut n) = PANIC_NOTE.lock() {
        *n = app.code.clone().map(|c| (app.lang.clone(), c));
    }
}

pub(super) fn clear_panic_note() {
    if let Ok(mut n) = PANIC_NOTE.lock() {
        *n = None;
    }
}

/// The lines a panic prints for the applicant, when a record was saved.
pub fn panic_lines(lang: &str, code: &str) -> Vec<String> {
    let w = i18n::endings::words(lang);
    vec![
        String::new(),
        w.crashed.to_owned(),
        format!("{}: {code}", strings(lang).resume_code),
        w.continue_how.to_owned(),
    ]
}

/// After a panic: the code and how to continue, then (on a terminal the person can answer)
/// wait for Enter and erase it, as every other ending does.
pub(super) fn after_panic() {
    let note = PANIC_NOTE.lock().ok().and_then(|mut n| n.take());
    let Some((lang, code)) = note else { return };
    let mut out = io::stdout();
    for l in panic_lines(&lang, &code) {
        let _ = writeln!(out, "{l}");
    }
    let _ = out.flush();
    // The person's terminal itself, not stdin: the panicking thread may hold stdin's lock.
    #[cfg(unix)]
    if let Ok(tty) = std::fs::File::open("/dev/tty") {
        use std::io::BufRead;
        let w = i18n::endings::words(&lang);
        let _ = writeln!(out, "{}", w.plain_written);
        let _ = out.flush();
        let mut line = String::new();
        let _ = io::BufReader::new(tty).read_line(&mut line);
        let _ = out.write_all(super::CLEAR_ALL);
        let _ = writeln!(out, "{}", w.after_exit);
        let _ = out.flush();
    }
}

/// Gives the terminal back even when the loop exits by `?` or a panic unwinds.
pub(super) struct RestoreGuard {
    pub(super) mouse: bool,
}

impl Drop for RestoreGuard {
    fn drop(&mut self) {
        let mut out = io::stdout();
        if self.mouse {
            let _ = execute!(out, DisableMouseCapture);
        }
        let _ = execute!(out, DisableBracketedPaste);
        ratatui::restore();
        // ratatui::restore leaves the cursor hidden.
        let _ = execute!(out, cursor::Show);
        let _ = out.flush();
    }
}

/// When the window is closed, crossterm can spin forever reading a hung-up terminal (its
/// reader loops on end of file), so the main loop never sees the signal. Every answer is
/// already saved, so if the loop has not taken a signal a second after it came, leave from
/// here (the loop takes a stop by clearing its flag).
pub(super) fn watchdog(sig: &Signals) {
    let (stop, hangup, finished) = (
        Arc::clone(&sig.stop),
        Arc::clone(&sig.hangup),
        Arc::clone(&sig.finished),
    );
    std::thread::spawn(move || {
        loop {
            while !stop.load(Ordering::Relaxed) && !hangup.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
            }
            std::thread::sleep(Duration::from_secs(1));
            let taken = !stop.load(Ordering::Relaxed) && !hangup.load(Ordering::Relaxed);
            if finished.load(Ordering::Relaxed) {
                return;
            }
            if !taken {
                // Best effort: the terminal may be gone, and that is fine.
                let _ = execute!(io::stdout(), DisableBracketedPaste, cursor::Show);
                ratatui::restore();
                std::process::exit(0);
            }
        }
    });
}

#[cfg(unix)]
pub(super) fn register_signals(sig: &Signals) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    // SIGQUIT too: left to its default it would leave the terminal raw.
    for s in [SIGTERM, SIGINT, SIGQUIT] {
        signal_hook::flag::register(s, Arc::clone(&sig.stop))?;
    }
    signal_hook::flag::register(SIGHUP, Arc::clone(&sig.hangup))?;
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn register_signals(sig: &Signals) -> io::Result<()> {
    crate::platform::watch_console(&sig.stop)
}
