//! Starting or resuming an interview: full-screen when there is a terminal, plain otherwise
//! (screen readers, pipes, TERM=dumb, ACCESSIBLE=1). Both drive the same engine and store.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use anyhow::Context;

use super::{Cli, Theme};
use crate::autosave::Autosave;
use crate::i18n::{self, strings};
use crate::interview::{Interview, Position};
use crate::model::Questionnaire;
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
    let wanted_lang = cli.lang.clone().filter(|l| first.has_language(l));
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
    if plain_mode {
        if let Some(tui::Message::Info(n) | tui::Message::Error(n)) = &note {
            println!("{n}");
        }
        let mut speaker = cli
            .ui
            .read_aloud
            .then(|| crate::speech::Speaker::new(cli.ui.speech_command.clone()));
        let outcome = plain::run_with_voice(
            full(),
            &mut iv,
            &mut lang,
            io::stdin().lock(),
            io::stdout().lock(),
            &mut session,
            speaker.as_mut(),
        )?;
        if !outcome.finished {
            if let Some(code) = session.code() {
                println!("{}: {code}", strings(&lang).resume_code);
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if lang.is_empty() {
        lang = first.default_language().to_owned();
    }
    let writer = |iv: &Interview<'_>, lang: &str, take_home: bool, code: Option<&str>| {
        write_report(&store, iv, lang, take_home, code)
    };
    let whole = || Interview::new(full(), cli.today());
    let mut rest: Option<tui::Rest<'_, '_>> = early.then_some(&whole);
    loop {
        let opts = tui::Options {
            high_contrast: cli.ui.theme == Theme::HighContrast,
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            mouse: cli.ui.mouse,
            staff_note: crate::report::words::join_notes([
                (!store.encrypted()).then(|| strings(&lang).unencrypted_note.to_owned()),
                crate::report::words::content_age_note(first, cli.today(), &lang),
            ]),
            welcome_message: note.take(),
            read_aloud: cli.ui.read_aloud,
            speech_command: cli.ui.speech_command.clone(),
        };
        let outcome = tui::run(iv, rest.take(), &lang, &mut session, &opts, Some(&writer))?;
        lang.clone_from(&outcome.lang);
        if let Some(code) = outcome.resume {
            // "I have a code to continue" on the welcome screen.
            match store.resume(&code, full(), cli.today()) {
                Ok(r) => (iv, lang, session, note) = resumed(full(), cli, r, Some(lang.clone())),
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
        let s = strings(&outcome.lang);
        if !outcome.saved {
            eprintln!("{}", s.could_not_save);
            return Ok(ExitCode::FAILURE);
        }
        if let (false, Some(code)) = (outcome.complete, &outcome.code) {
            println!("{}: {code}", s.resume_code);
        }
        return Ok(ExitCode::SUCCESS);
    }
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
    iv: &Interview<'_>,
    lang: &str,
    take_home: bool,
    code: Option<&str>,
) -> Result<String, String> {
    let s = strings(lang);
    let code = code.unwrap_or("intake");
    if store.encrypted() {
        return Err(i18n::fill(s.report_encrypted, &[("code", code.to_owned())]));
    }
    let meta = report::IntakeMeta {
        code: Some(code.to_owned()),
        ..Default::default()
    };
    let input = report::ReportInput::from_interview(iv, lang, meta);
    let html =
        report::render(&input, report::Format::Html, lang, take_home).map_err(|e| e.to_string())?;
    let name = format!(
        "{code}-{}.html",
        if take_home { "take-home" } else { "staff" }
    );
    match store.write_report(&name, &html, !take_home) {
        Ok(path) => Ok(i18n::fill(
            s.report_saved,
            &[("path", path.display().to_string())],
        )),
        Err(_) => Err(s.could_not_save.to_owned()),
    }
}
