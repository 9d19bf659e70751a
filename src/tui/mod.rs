//! The full-screen front end (ratatui). `App` holds state, `input` maps keys to actions,
//! `draw` renders. This module owns the terminal and gives it back in every case:
//! normal exit, error, panic, Ctrl-C, SIGINT, SIGTERM, SIGQUIT and SIGHUP. Every ending with
//! a terminal shows the code (and how to continue) on a screen the person leaves with Enter;
//! then the screen and the scrollback are erased.

pub mod app;
pub mod draw;
mod hidden;
pub mod input;
mod lifecycle;
pub mod paste;
pub mod speak;
pub mod text_input;
pub mod theme;
pub mod wrap;

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::autosave::Autosave;
use crate::i18n::strings;
use crate::interview::Interview;
use crate::setup::Setup;

pub use app::App;
pub use app::Message;
use app::{Effect, Screen};
pub use hidden::read_hidden;
use input::Action;
pub use lifecycle::panic_lines;
use lifecycle::{
    RestoreGuard, Signals, clear_panic_note, init_terminal, panic_note, register_signals, watchdog,
};
use theme::Theme;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub high_contrast: bool,
    pub no_color: bool,
    pub mouse: bool,
    pub staff_note: Option<String>,
    /// A message shown on the welcome screen (e.g. a code that did not work).
    pub welcome_message: Option<Message>,
    /// Read each new screen aloud from the start (`--read-aloud`).
    pub read_aloud: bool,
    /// `--speech-command`: the voice to use instead of the system's.
    pub speech_command: Option<String>,
    /// Encryption and the idle lock (contract 7).
    pub setup: Setup,
    /// The data folder, named for staff when a save fails.
    pub data_dir: Option<String>,
}

/// Writes the staff report (`false`) or the take-home sheet (`true`) for the summary screen:
/// `(interview, language, take_home, code)` to a message for the screen (where it went, or why not).
pub type ReportWriter<'a> =
    dyn Fn(&Interview<'_>, &str, bool, Option<&str>) -> Result<String, String> + 'a;

/// How the interview ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub complete: bool,
    pub lang: String,
    pub code: Option<String>,
    pub saved: bool,
    /// The applicant typed a code on the welcome screen: the caller opens that intake.
    pub resume: Option<String>,
    /// It ended from the lock screen: the caller must not show the code.
    pub locked: bool,
}

/// The full questionnaire, when the interview given to `run` is built on its header only
/// (`load::builtin_header`): called once the first frame is on screen.
pub type Rest<'a, 'q> = &'a dyn Fn() -> Interview<'q>;

/// Runs the interview until the applicant leaves. The terminal is restored before returning.
/// With `rest`, `iv` may be an interview over the questionnaire's header only: enough for the
/// welcome screen, which is drawn first; `rest` then gives the real interview before any key
/// is read.
pub fn run<'q>(
    iv: Interview<'q>,
    mut rest: Option<Rest<'_, 'q>>,
    lang: &str,
    saver: &mut dyn Autosave,
    opts: &Options,
    reports: Option<&ReportWriter<'_>>,
) -> io::Result<Outcome> {
    let sig = Signals {
        stop: Arc::new(AtomicBool::new(false)),
        hangup: Arc::new(AtomicBool::new(false)),
        finished: Arc::new(AtomicBool::new(false)),
    };
    register_signals(&sig)?;
    watchdog(&sig);
    let mut terminal = init_terminal()?;
    let guard = RestoreGuard { mouse: opts.mouse };
    if opts.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let theme = Theme::new(opts.high_contrast, opts.no_color);
    let mut app = App::new(iv, lang);
    app.staff_note = opts.staff_note.clone();
    app.encrypted = opts.setup.encrypted;
    app.data_dir.clone_from(&opts.data_dir);
    app.code = saver.code().map(str::to_owned);
    panic_note(&app);
    let idle = opts.setup.idle_lock();
    let mut last_key = Instant::now();
    let mut signalled = false;
    let saved;
    let mut resume = None;
    if opts.welcome_message.is_some() {
        // (otherwise keep what the first screen says, e.g. that a draft came back)
        app.message.clone_from(&opts.welcome_message);
    }
    if let Ok(size) = terminal.size() {
        app.handle(input::Action::Resize(size.width, size.height));
    }
    app.read_aloud = opts.read_aloud;
    let mut reader = speak::Reader::new(crate::speech::Speaker::new(opts.speech_command.clone()));
    let mut dirty = true;
    let mut queue: VecDeque<event::Event> = VecDeque::new();
    // Windows consoles send AltGr and Alt-code characters as chords and releases.
    let mut keys = input::Keys::default();
    loop {
        if dirty {
            terminal.draw(|f| draw::draw(f, &app, &theme))?;
            // Speech starts once the frame is out, and never waits for the voice.
            dirty = reader.after_frame(&mut app);
        }
        if let Some(load) = rest.take() {
            // The first frame came from the header; now the whole questionnaire. The welcome
            // screen is the same from both (tested), so nothing needs redrawing.
            app.iv = load();
        }
        let mut effect = None;
        if sig.hangup.load(Ordering::Relaxed) {
            saved = save(&mut app, saver);
            break;
        }
        if sig.stop.swap(false, Ordering::Relaxed) {
            // The first signal is an ending like Ctrl-C: save, then show the code. A second
            // one (or a terminal that is gone) leaves at once: every answer is saved.
            if signalled || !io::stdin().is_terminal() {
                saved = save(&mut app, saver);
                break;
            }
            signalled = true;
            effect = Some(app.handle(Action::Quit));
        } else if idle.is_some_and(|d| last_key.elapsed() >= d) {
            last_key = Instant::now();
            effect = Some(app.idle());
        } else {
            if queue.is_empty() {
                if !event::poll(Duration::from_millis(250))? {
                    // A pause: a lone first digit is decided, typed text is saved as a draft.
                    dirty |= app.tick(Instant::now());
                    if std::mem::take(&mut app.draft_unsaved) {
                        save(&mut app, saver);
                    }
                    continue;
                }
                // A closed window (hangup) leaves stdin at end of file: crossterm would then
                // spin in `read` forever. Check the terminal is still there before reading.
                if !io::stdin().is_terminal() {
                    saved = save(&mut app, saver);
                    break;
                }
                queue.extend(paste::read_events()?);
            }
            if let Some(ev) = queue.pop_front() {
                last_key = Instant::now();
                dirty = true; // a key, a paste or a resized window
                effect = keys.map(&ev).map(|a| {
                    reader.heard(&a); // any key silences the voice at once
                    app.handle(a)
                });
            }
        }
        let Some(effect) = effect else { continue };
        dirty = true;
        match effect {
            Effect::None => {}
            Effect::Save => {
                app.draft_unsaved = false;
                save(&mut app, saver);
            }
            Effect::WriteReport(take_home) => {
                let msg = match reports {
                    Some(write) => write(&app.iv, &app.lang, take_home, app.code.as_deref()),
                    None => Err(strings(&app.lang).report_unavailable.to_owned()),
                };
                app.message = Some(match msg {
                    Ok(m) => Message::Info(m),
                    Err(m) => Message::Error(m),
                });
            }
            Effect::WrongCode(n) => {
                // Say so first, then wait: 1, 2, 4 … 30 seconds, counted in this process
                // only (a stranger's guesses elsewhere never slow the applicant down).
                terminal.draw(|f| draw::draw(f, &app, &theme))?;
                std::thread::sleep(wrong_code_wait(n));
                while event::poll(Duration::ZERO)? {
                    let _ = event::read()?; // keys typed while waiting do not count
                }
            }
            Effect::Resume(code) => {
                resume = Some(code);
                saved = true;
                break;
            }
            Effect::Quit if app.screen == Screen::SaveFailed => {
                // Leaving on the failure screen: the answers since the last save are lost,
                // and the caller says so (exit status not 0).
                saved = false;
                break;
            }
            Effect::Quit => {
                if save(&mut app, saver) {
                    saved = true;
                    break;
                }
                // The failure screen is up now; leaving needs a second Ctrl-C there.
            }
        }
        panic_note(&app);
    }
    let complete = app.iv.is_complete() && app.iv.position() == crate::interview::Position::End;
    sig.finished.store(true, Ordering::Relaxed);
    clear_panic_note();
    drop(terminal);
    drop(guard);
    // Every ending leaves nothing on screen or in the scrollback for the next person: erase
    // both (ESC [3J) once the alternate screen is left. No `terminal.clear()`: it asks the
    // terminal for the cursor position, and a terminal that does not answer would turn a
    // good exit into an error.
    let mut out = io::stdout();
    let _ = out.write_all(CLEAR_ALL);
    let _ = out.flush();
    Ok(Outcome {
        complete,
        lang: app.lang.clone(),
        code: app.code.clone(),
        saved,
        resume,
        locked: app.ended_locked,
    })
}

/// Erases the visible screen and the scrollback, cursor home.
pub const CLEAR_ALL: &[u8] = b"\x1b[H\x1b[2J\x1b[3J";

/// The wait after the n-th wrong code on the lock screen.
pub fn wrong_code_wait(n: u32) -> Duration {
    Duration::from_secs(1u64 << n.saturating_sub(1).min(5)).min(Duration::from_secs(30))
}

/// Saves; on failure the interview stops on the failure screen (answers stay in memory) until
/// a save works.
fn save(app: &mut App<'_>, saver: &mut dyn Autosave) -> bool {
    match saver.save(&app.iv, &app.lang) {
        Ok(()) => {
            if app.code.is_none() {
                app.code = saver.code().map(str::to_owned);
            }
            app.saved();
            true
        }
        Err(e) => {
            app.save_failed(e.to_string());
            false
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_endings;
#[cfg(test)]
mod tests_promises;
