//! Starting or resuming an interview: full-screen when there is a terminal, plain otherwise
//! (screen readers, pipes, TERM=dumb, ACCESSIBLE=1). Both drive the same engine and store.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use std::sync::Arc;

use anyhow::Context;

use super::{Cli, Theme};
use crate::autosave::Autosave;
use crate::i18n::endings::words;
use crate::i18n::{self, strings};
use crate::interview::{Interview, Position};
use crate::model::Questionnaire;
use crate::setup::Setup;
use crate::store::{Resumed, Session, Store};
use crate::{load, plain, report, tui};

pub fn run(cli: &Cli, resume: Option<&str>) -> anyhow::Result<ExitCode> {
    let plain_mode = plain::wants_plain(
        cli.plain,
        std::env::var("TERM").ok().as_deref(),
        std::env::var("ACCESSIBLE").ok().as_deref(),
        io::stdin().is_terminal(),
        io::stdout().is_terminal(),
    );
    // A new full-screen intake on the built-in questionnaire starts on the welcome screen,
    // which shows only the questionnaire's header: draw it at once from the header, then load
    // the whole file before the first key is read (keys typed meanwhile wait in the terminal).
    // No thread: on a busy laptop a loading thread would compete with the first frame. A
    // question file of the clinic's own is loaded first, so that its problems are printed
    // before the screen changes.
    let early = cli.questions.is_none() && resume.is_none() && !plain_mode;
    let custom = cli
        .questions
        .as_ref()
        .map(|_| cli.questionnaire())
        .transpose()?;
    let custom = custom.as_ref();
    let full = move || custom.unwrap_or_else(|| load::builtin_shared());
    let store = super::stored::open_store(cli)?;
    let first = if early {
        load::builtin_header()
    } else {
        full()
    };
    let wanted_lang = cli.language(first)?;
    let (mut iv, mut lang, mut session, mut note) = match resume {
        Some(code) => {
            let r = store
                .resume(code, full(), cli.today())
                .context("cannot continue this intake")?;
            resumed(full(), cli, r, wanted_lang.clone())
        }
        None => {
            let session = store.new_session().context("cannot start a new intake")?;
            (
                Interview::new(first, cli.today()),
                wanted_lang.clone().unwrap_or_default(),
                session,
                None,
            )
        }
    };
    let setup = setup(cli, session.encrypted())?;
    let data_dir = Some(store.dir().display().to_string());
    if plain_mode {
        if let Some(tui::Message::Info(n) | tui::Message::Error(n)) = &note {
            println!("{n}");
        }
        let tty = io::stdin().is_terminal() && io::stdout().is_terminal();
        let watch = plain::Watch::new(tty, &lang);
        watch.saved(session.code(), &lang);
        watch.start(setup.idle_lock())?;
        let opts = plain::Options {
            setup,
            watch: Some(Arc::clone(&watch)),
            data_dir,
            read_aloud: cli.ui.read_aloud,
            speech_command: cli.ui.speech_command.clone(),
        };
        // Stdout unlocked: the watch's threads write to it while a line is awaited.
        let outcome = plain::run_with(
            full(),
            &mut iv,
            &mut lang,
            io::stdin().lock(),
            io::stdout(),
            &mut session,
            &opts,
        )?;
        let answered = iv.answers().iter().any(Option::is_some);
        return Ok(plain_ending(
            &outcome,
            &lang,
            session.code(),
            answered,
            &watch,
        ));
    }
    if lang.is_empty() {
        lang = first.default_language().to_owned();
    }
    let clinic = cli.clinic_info();
    let whole = || Interview::new(full(), cli.today());
    let mut rest: Option<tui::Rest<'_, '_>> = early.then_some(&whole);
    loop {
        // What this intake's record is (a resumed encrypted one stays encrypted even when
        // this command line has no key): the privacy sentence and the summary's reports
        // follow it, never the settings alone.
        let encrypted = session.encrypted();
        let writer = |iv: &Interview<'_>, lang: &str, take_home: bool, code: Option<&str>| {
            write_report(&store, encrypted, iv, lang, take_home, code, clinic.clone())
        };
        let opts = tui::Options {
            high_contrast: cli.ui.theme == Theme::HighContrast,
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            mouse: cli.ui.mouse,
            staff_note: crate::report::words::join_notes([
                (!encrypted).then(|| strings(&lang).unencrypted_note.to_owned()),
                crate::report::words::content_age_note(first, cli.today(), &lang),
            ]),
            welcome_message: note.take(),
            read_aloud: cli.ui.read_aloud,
            speech_command: cli.ui.speech_command.clone(),
            setup: Setup { encrypted, ..setup },
            data_dir: data_dir.clone(),
        };
        let outcome = tui::run(iv, rest.take(), &lang, &mut session, &opts, Some(&writer))?;
        lang.clone_from(&outcome.lang);
        if let Some(code) = outcome.resume {
            // "I have a code to continue" on the welcome screen. The intake keeps its own
            // language (the welcome screen's language was only the one to read it in).
            match store.resume(&code, full(), cli.today()) {
                Ok(r) => (iv, lang, session, note) = resumed(full(), cli, r, None),
                Err(e) => {
                    eprintln!("pd-intake: {e}");
                    iv = Interview::new(full(), cli.today());
                    note = Some(tui::Message::Error(
                        strings(&lang).code_did_not_work.to_owned(),
                    ));
                }
            }
            continue;
        }
        // The code was on the leaving screen; the terminal keeps only how to continue.
        let w = words(&outcome.lang);
        if !outcome.saved {
            eprintln!("pd-intake: {}", strings(&outcome.lang).could_not_save);
            println!("{}", w.after_exit_unsaved);
            return Ok(ExitCode::FAILURE);
        }
        if outcome.locked {
            println!("{}", w.after_exit_locked);
        } else if outcome.complete {
            println!("{}", w.after_exit_finished);
        } else if outcome.code.is_some() {
            println!("{}", w.after_exit);
        }
        return Ok(ExitCode::SUCCESS);
    }
}

/// What the front ends are told about this setup (contract 7): whether the intake is
/// encrypted (from its session), the idle lock from the clinic's settings. Debug builds let
/// tests shorten the idle lock to seconds.
fn setup(cli: &Cli, encrypted: bool) -> anyhow::Result<Setup> {
    #[cfg_attr(not(debug_assertions), allow(unused_mut))]
    let mut setup = Setup {
        encrypted,
        idle_lock_minutes: cli.settings()?.idle_lock_minutes,
        ..Setup::default()
    };
    #[cfg(debug_assertions)]
    if let Some(secs) = std::env::var("PD_INTAKE_TEST_IDLE_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        setup.idle_lock_seconds = Some(secs);
    }
    Ok(setup)
}

/// The end of a plain-mode interview. Scripts get the code as a line. On a terminal the code
/// (or the summary) stays until the person presses Enter (or leaves it alone for the idle
/// time), then the screen and the scrollback are erased, as after the full-screen mode.
fn plain_ending(
    o: &plain::Outcome,
    lang: &str,
    code: Option<&str>,
    answered: bool,
    watch: &plain::Watch,
) -> ExitCode {
    let (s, w) = (strings(lang), words(lang));
    let tty = watch.tty();
    let end = |text: &str| {
        if tty {
            plain::watch::clear_and_say(text);
        } else {
            println!("{text}");
        }
    };
    if o.interrupted {
        // A signal showed the code; this is the Enter after it.
        end(w.after_exit);
        return ExitCode::from(130);
    }
    if o.locked {
        end(w.after_exit_locked);
        return ExitCode::SUCCESS;
    }
    if answered && !o.saved {
        // Never a code that does not open the answers given.
        eprintln!("pd-intake: {}", s.could_not_save);
        println!("{}", w.after_exit_unsaved);
        return ExitCode::FAILURE;
    }
    let (wait, after) = match (o.finished, code) {
        (true, _) => (w.plain_read, w.after_exit_finished),
        (false, Some(code)) => {
            println!("{}", w.continue_how);
            println!("{}: {code}", s.resume_code);
            (w.plain_written, w.after_exit)
        }
        (false, None) => return ExitCode::SUCCESS,
    };
    if tty {
        println!("{wait}");
        watch.ending(after, 0);
        let mut line = String::new();
        let _ = io::stdin().read_line(&mut line);
        plain::watch::clear_and_say(after);
    }
    ExitCode::SUCCESS
}

/// The interview, language, session and a one-line note for a resumed intake.
fn resumed<'q>(
    qn: &'q Questionnaire,
    cli: &Cli,
    r: Resumed,
    lang: Option<String>,
) -> (Interview<'q>, String, Session, Option<tui::Message>) {
    let mut iv = Interview::with_answers(qn, cli.today(), r.answers);
    for (q, text) in r.drafts {
        iv.set_draft(q, Some(text));
    }
    if let Some(q) = r.position {
        if iv.first_open() != Position::End {
            iv.go_to(q);
        }
    }
    let lang = lang.unwrap_or(r.language);
    let note = r.changes.filter(|c| !c.is_empty()).map(|c| {
        eprintln!("pd-intake: {c}");
        let asked = c.asked_again.len() + c.added.len();
        tui::Message::Info(i18n::count(
            &lang,
            &strings(&lang).questionnaire_changed,
            asked,
        ))
    });
    (iv, lang, r.session, note)
}

/// The summary screen's "save the staff report / take-home sheet": HTML files for printing,
/// beside the intakes. Returns the line to show the applicant or staff.
fn write_report(
    store: &Store,
    encrypted: bool,
    iv: &Interview<'_>,
    lang: &str,
    take_home: bool,
    code: Option<&str>,
    clinic: Option<report::ClinicInfo>,
) -> Result<String, String> {
    let s = strings(lang);
    let code = code.unwrap_or("intake");
    // With a clinic key the staff report (every answer) is never written in the clear; the
    // take-home sheet (papers to bring) is, but without the code and under a name that does
    // not carry it, so the file opens nothing for the next person at the laptop.
    if encrypted && !take_home {
        return Err(i18n::fill(s.report_encrypted, &[("code", code.to_owned())]));
    }
    let meta = report::IntakeMeta {
        code: (!encrypted).then(|| code.to_owned()),
        clinic,
        ..Default::default()
    };
    let input = report::ReportInput::from_interview(iv, lang, meta);
    let html =
        report::render(&input, report::Format::Html, lang, take_home).map_err(|e| e.to_string())?;
    let written = if encrypted {
        let mut b = [0u8; 6];
        getrandom::fill(&mut b).map_err(|_| s.could_not_save.to_owned())?;
        let tag: String = b.iter().map(|x| format!("{x:02x}")).collect();
        store.write_report(&format!("take-home-{tag}.html"), &html, false)
    } else {
        let kind = if take_home { "take-home" } else { "staff" };
        store.write_report(&format!("{code}-{kind}.html"), &html, !take_home)
    };
    match written {
        Ok(path) => Ok(i18n::fill(
            s.report_saved,
            &[("path", path.display().to_string())],
        )),
        Err(_) => Err(s.could_not_save.to_owned()),
    }
}
