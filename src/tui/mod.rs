//! The full-screen front end (ratatui). `App` holds state, `input` maps keys to actions,
//! `draw` renders. This module owns the terminal and gives it back in every case:
//! normal exit, error, panic, Ctrl-C, SIGINT, SIGTERM and SIGHUP.

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
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::{cursor, execute, terminal};

use crate::autosave::Autosave;
use crate::i18n::strings;
use crate::interview::Interview;

pub use app::App;
pub use app::Message;
use app::{Effect, Screen};
pub use hidden::read_hidden;
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
    let stop = Arc::new(AtomicBool::new(false));
    register_signals(&stop)?;
    let finished = Arc::new(AtomicBool::new(false));
    watchdog(&stop, &finished);
    let mut terminal = init_terminal()?;
    let guard = RestoreGuard { mouse: opts.mouse };
    if opts.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let theme = Theme::new(opts.high_contrast, opts.no_color);
    let mut app = App::new(iv, lang);
    app.staff_note = opts.staff_note.clone();
    app.code = saver.code().map(str::to_owned);
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
        if stop.load(Ordering::Relaxed) {
            saved = save(&mut app, saver);
            break;
        }
        if queue.is_empty() {
            if !event::poll(Duration::from_millis(250))? {
                // A pause: a lone first digit is decided, typed text is saved as a draft.
                dirty |= app.tick(Instant::now());
                if std::mem::take(&mut app.draft_unsaved) {
                    save(&mut app, saver);
                }
                continue;
            }
            // A closed window (hangup) leaves stdin at end of file: crossterm would then spin
            // in `read` forever. Check the terminal is still there before reading from it.
            if stop.load(Ordering::Relaxed) || !io::stdin().is_terminal() {
                saved = save(&mut app, saver);
                break;
            }
            queue.extend(paste::read_events()?);
        }
        let Some(ev) = queue.pop_front() else {
            continue;
        };
        dirty = true; // a key, a paste or a resized window
        let Some(action) = input::map(&ev) else {
            continue;
        };
        reader.heard(&action);
        match app.handle(action) {
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
                // 1, 2, 4 … 30 seconds: guessing someone's code at the laptop is slow.
                let wait = Duration::from_secs(1u64 << n.saturating_sub(1).min(5))
                    .min(Duration::from_secs(30));
                std::thread::sleep(wait);
                while event::poll(Duration::ZERO)? {
                    let _ = event::read()?; // keys typed while waiting do not count
                }
            }
            Effect::Resume(code) => {
                resume = Some(code);
                saved = true;
                break;
            }
            Effect::Quit => {
                saved = save(&mut app, saver);
                break;
            }
        }
    }
    // Finished intakes leave nothing on screen or in the scrollback for the next person (below,
    // once the alternate screen is left). No `terminal.clear()`: it asks the terminal for the
    // cursor position, and a terminal that does not answer would turn a good exit into an error.
    let complete = app.iv.is_complete() && app.screen == Screen::Summary;
    finished.store(true, Ordering::Relaxed);
    drop(terminal);
    drop(guard);
    if complete {
        // Erase the visible screen and the scrollback (ESC [3J), so the next person at the
        // laptop cannot scroll up to this intake.
        let mut out = io::stdout();
        let _ = out.write_all(b"\x1b[H\x1b[2J\x1b[3J");
        let _ = out.flush();
    }
    Ok(Outcome {
        complete,
        lang: app.lang.clone(),
        code: app.code.clone(),
        saved,
        resume,
    })
}

/// Raw mode, the alternate screen and bracketed paste, with a terminal whose frames go out in
/// one write each (stdout alone flushes every 1 KiB, so a slow terminal would show a frame
/// half drawn). A panic gives the terminal back before its message is printed.
fn init_terminal() -> io::Result<Terminal<CrosstermBackend<BufWriter<io::Stdout>>>> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableBracketedPaste, cursor::Show);
            ratatui::restore();
            previous(info);
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

/// Saves; on failure keeps the answers in memory and tells the applicant to call staff.
fn save(app: &mut App<'_>, saver: &mut dyn Autosave) -> bool {
    match saver.save(&app.iv, &app.lang) {
        Ok(()) => {
            if app.code.is_none() {
                app.code = saver.code().map(str::to_owned);
            }
            if matches!(&app.message, Some(Message::Error(m)) if m == strings(&app.lang).could_not_save)
            {
                app.message = None;
            }
            true
        }
        Err(_) => {
            app.message = Some(Message::Error(strings(&app.lang).could_not_save.to_owned()));
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
/// already saved, so if the loop has not ended a second after a signal, leave from here.
fn watchdog(stop: &Arc<AtomicBool>, finished: &Arc<AtomicBool>) {
    let (stop, finished) = (Arc::clone(stop), Arc::clone(finished));
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(200));
        }
        std::thread::sleep(Duration::from_secs(1));
        if !finished.load(Ordering::Relaxed) {
            // Best effort: the terminal may be gone, and that is fine.
            let _ = execute!(io::stdout(), DisableBracketedPaste, cursor::Show);
            ratatui::restore();
            std::process::exit(0);
        }
    });
}

#[cfg(unix)]
fn register_signals(stop: &Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for sig in [SIGTERM, SIGINT, SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(stop))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn register_signals(_stop: &Arc<AtomicBool>) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_promises;
