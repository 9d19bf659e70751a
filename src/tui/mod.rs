//! The full-screen front end (ratatui). `App` holds state, `input` maps keys to actions,
//! `draw` renders. This module owns the terminal and gives it back in every case:
//! normal exit, error, panic, Ctrl-C, SIGINT, SIGTERM, SIGQUIT and SIGHUP. Every ending with
//! a terminal shows the code (and how to continue) on a screen the person leaves with Enter;
//! then the screen and the scrollback are erased.

pub mod app;
pub mod draw;
mod hidden;
pub mod input;
pub mod paste;
pub mod speak;
pub mod text_input;
pub mod theme;
pub mod wrap;

use std::collections::VecDeque;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::{cursor, execute, terminal};

use crate::autosave::Autosave;
use crate::i18n::{self, strings};
use crate::interview::Interview;
use crate::setup::Setup;

pub use app::App;
pub use app::Message;
use app::{Effect, Screen};
pub use hidden::read_hidden;
use input::Action;
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

/// Signals seen by the loop: a stop (SIGTERM, SIGINT, SIGQUIT) shows the leaving screen, a
/// second one leaves at once; a hangup (the window closed) leaves at once.
struct Signals {
    stop: Arc<AtomicBool>,
    hangup: Arc<AtomicBool>,
    finished: Arc<AtomicBool>,
}

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

/// Raw mode, the alternate screen and bracketed paste, with a terminal whose frames go out in
/// one write each (stdout alone flushes every 1 KiB, so a slow terminal would show a frame
/// half drawn). A panic gives the terminal back before its message is printed, then says
/// how to continue (the record is saved after every answer).
fn init_terminal() -> io::Result<Terminal<CrosstermBackend<BufWriter<io::Stdout>>>> {
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
static PANIC_NOTE: Mutex<Option<(String, String)>> = Mutex::new(None);

fn panic_note(app: &App<'_>) {
    if let Ok(mut n) = PANIC_NOTE.lock() {
        *n = app.code.clone().map(|c| (app.lang.clone(), c));
    }
}

fn clear_panic_note() {
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
fn after_panic() {
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
        let _ = out.write_all(CLEAR_ALL);
        let _ = writeln!(out, "{}", w.after_exit);
        let _ = out.flush();
    }
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

/// Gives the terminal back even when the loop exits by `?` or a panic unwinds.
struct RestoreGuard {
    mouse: bool,
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
fn watchdog(sig: &Signals) {
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
fn register_signals(sig: &Signals) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    // SIGQUIT too: left to its default it would leave the terminal raw.
    for s in [SIGTERM, SIGINT, SIGQUIT] {
        signal_hook::flag::register(s, Arc::clone(&sig.stop))?;
    }
    signal_hook::flag::register(SIGHUP, Arc::clone(&sig.hangup))?;
    Ok(())
}

#[cfg(not(unix))]
fn register_signals(sig: &Signals) -> io::Result<()> {
    crate::platform::watch_console(&sig.stop)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_endings;
#[cfg(test)]
mod tests_promises;
