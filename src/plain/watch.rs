//! Plain mode on a real terminal: what happens while the interview waits for a line. Ctrl-C
//! and SIGTERM show the code (the record is saved after every answer) and leave at the next
//! Enter; a second signal leaves at once. Left alone, the interview locks: the terminal is
//! erased and only the code opens it again. At the ending, left alone, it erases and leaves.
//! These threads write to the process's stdout, never through the interview's writer.

use std::io::{self, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::i18n::{endings::words, strings};

/// Erases the visible screen and the scrollback, cursor home.
pub const CLEAR_ALL: &[u8] = b"\x1b[H\x1b[2J\x1b[3J";

#[derive(Debug)]
struct State {
    /// The code of the saved record; None before the first save and after a failed one (a
    /// code is never shown when it does not open the latest answers).
    code: Option<String>,
    lang: String,
    last_input: Instant,
    locked: bool,
    /// A signal showed the code; the next line ends the interview.
    interrupted: bool,
    /// Set at the ending (the code or summary on screen, waiting for Enter): what to print
    /// after erasing when it is left alone, and the exit status.
    ending: Option<(&'static str, i32)>,
}

/// What the line just read means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Normal,
    /// The interview is locked: the line is a code attempt.
    Locked,
    /// A signal ended the interview.
    Interrupted,
}

#[derive(Debug)]
pub struct Watch {
    state: Mutex<State>,
    tty: bool,
}

impl Watch {
    /// `tty`: stdin and stdout are a terminal (a person, not a script).
    pub fn new(tty: bool, lang: &str) -> Arc<Watch> {
        Arc::new(Watch {
            state: Mutex::new(State {
                code: None,
                lang: lang.to_owned(),
                last_input: Instant::now(),
                locked: false,
                interrupted: false,
                ending: None,
            }),
            tty,
        })
    }

    pub fn tty(&self) -> bool {
        self.tty
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Starts the signal thread and, on a terminal, the idle lock.
    pub fn start(self: &Arc<Self>, idle: Option<Duration>) -> io::Result<()> {
        self.start_signals()?;
        if let (true, Some(idle)) = (self.tty, idle) {
            let w = Arc::clone(self);
            std::thread::spawn(move || w.idle_loop(idle));
        }
        Ok(())
    }

    pub fn saved(&self, code: Option<&str>, lang: &str) {
        let mut s = self.state();
        s.code = code.map(str::to_owned);
        s.lang = lang.to_owned();
    }

    pub(super) fn unsaved(&self) {
        self.state().code = None;
    }

    /// A line was read.
    pub(super) fn after_line(&self) -> After {
        let mut s = self.state();
        s.last_input = Instant::now();
        if s.interrupted {
            After::Interrupted
        } else if s.locked {
            After::Locked
        } else {
            After::Normal
        }
    }

    /// Whether `typed` is the code; unlocks if so.
    pub(super) fn try_unlock(&self, typed: &str) -> bool {
        let mut s = self.state();
        let norm = |c: &str| -> String {
            c.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .collect()
        };
        let ok = s.code.as_deref().is_some_and(|c| norm(c) == norm(typed));
        if ok {
            s.locked = false;
        }
        ok
    }

    /// The ending is on screen: left alone, erase it and leave with `status`.
    pub fn ending(&self, after: &'static str, status: i32) {
        let mut s = self.state();
        s.last_input = Instant::now();
        s.ending = Some((after, status));
    }

    fn idle_loop(&self, idle: Duration) {
        let tick = idle.min(Duration::from_secs(1));
        loop {
            std::thread::sleep(tick);
            let mut s = self.state();
            if s.last_input.elapsed() < idle || s.locked || s.interrupted {
                continue;
            }
            if let Some((after, status)) = s.ending {
                clear_and_say(after);
                std::process::exit(status);
            }
            if s.code.is_some() {
                s.locked = true;
                clear_and_say(words(&s.lang).plain_idle_locked);
            }
        }
    }

    /// A signal: leave, or show the code and leave at the next Enter.
    fn on_signal(&self, hangup: bool) {
        let mut s = self.state();
        if hangup {
            // The terminal is gone: nobody to show anything to, and every answer is saved.
            std::process::exit(129);
        }
        let w = words(&s.lang);
        if s.interrupted || s.ending.is_some() {
            if self.tty {
                clear_and_say("");
            }
            std::process::exit(130);
        }
        if s.locked {
            clear_and_say(w.after_exit_locked);
            std::process::exit(130);
        }
        let Some(code) = s.code.clone() else {
            say(&["", w.nothing_saved]);
            std::process::exit(130);
        };
        let st = strings(&s.lang);
        let code_line = format!("{}: {code}", st.resume_code);
        say(&["", &format!("{}.", st.saved), w.continue_how, &code_line]);
        if !self.tty {
            std::process::exit(130);
        }
        say(&[w.plain_written]);
        s.interrupted = true;
        s.ending = Some((w.after_exit, 130));
        s.last_input = Instant::now();
    }

    #[cfg(unix)]
    fn start_signals(self: &Arc<Self>) -> io::Result<()> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGQUIT, SIGHUP])?;
        let w = Arc::clone(self);
        std::thread::spawn(move || {
            for sig in signals.forever() {
                w.on_signal(sig == SIGHUP);
            }
        });
        Ok(())
    }

    /// Windows: Ctrl-C, Ctrl-Break, closing the console and logging off set a flag (the
    /// console handler runs on its own thread); this one acts on it as on a Unix signal.
    #[cfg(not(unix))]
    fn start_signals(self: &Arc<Self>) -> io::Result<()> {
        use std::sync::atomic::{AtomicBool, Ordering};
        let stop = Arc::new(AtomicBool::new(false));
        crate::platform::watch_console(&stop)?;
        let w = Arc::clone(self);
        std::thread::spawn(move || {
            loop {
                if stop.swap(false, Ordering::Relaxed) {
                    w.on_signal(false);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        Ok(())
    }
}

fn say(lines: &[&str]) {
    let mut out = io::stdout();
    for l in lines {
        let _ = writeln!(out, "{l}");
    }
    let _ = out.flush();
}

/// Erases the terminal, then says `text` (if any).
pub fn clear_and_say(text: &str) {
    let mut out = io::stdout();
    let _ = out.write_all(CLEAR_ALL);
    if !text.is_empty() {
        let _ = writeln!(out, "{text}");
    }
    let _ = out.flush();
}
