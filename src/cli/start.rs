//! Starting or resuming an interview: full-screen when there is a terminal, plain otherwise
//! (screen readers, pipes, TERM=dumb, ACCESSIBLE=1). Both drive the same engine and store.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use anyhow::Context;

use super::{Cli, Theme};
use crate::autosave::Autosave;
use crate::interview::Interview;
use crate::{plain, tui};

pub fn run(cli: &Cli, resume: Option<&str>) -> anyhow::Result<ExitCode> {
    let qn = cli.questionnaire()?;
    let today = cli.today();
    let store = super::stored::open_store(cli)?;
    let wanted_lang = cli.lang.clone().filter(|l| qn.has_language(l));
    let (iv, mut lang, mut session, note) = match resume {
        Some(code) => {
            let r = store
                .resume(code, &qn, today)
                .context("cannot continue this intake")?;
            let mut iv = Interview::with_answers(&qn, today, r.answers);
            if let Some(q) = r.position {
                if iv.first_open() != crate::interview::Position::End {
                    iv.go_to(q);
                }
            }
            let note = r.changes.filter(|c| !c.is_empty()).map(|c| c.to_string());
            (iv, wanted_lang.unwrap_or(r.language), r.session, note)
        }
        None => {
            let session = store.new_session().context("cannot start a new intake")?;
            (
                Interview::new(&qn, today),
                wanted_lang.unwrap_or_default(),
                session,
                None,
            )
        }
    };
    let plain_mode = plain::wants_plain(
        cli.plain,
        std::env::var("TERM").ok().as_deref(),
        std::env::var("ACCESSIBLE").ok().as_deref(),
        io::stdin().is_terminal(),
        io::stdout().is_terminal(),
    );
    if plain_mode {
        if let Some(n) = &note {
            println!("{n}");
        }
        let mut iv = iv;
        let outcome = plain::run(
            &qn,
            &mut iv,
            &mut lang,
            io::stdin().lock(),
            io::stdout().lock(),
            &mut session,
        )?;
        if !outcome.finished {
            if let Some(code) = session.code() {
                println!("{}: {code}", crate::i18n::strings(&lang).resume_code);
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if lang.is_empty() {
        lang = qn.default_language().to_owned();
    }
    let unencrypted = if store.encrypted() {
        None
    } else {
        Some(crate::i18n::strings(&lang).unencrypted_note.to_owned())
    };
    let opts = tui::Options {
        high_contrast: cli.ui.theme == Theme::HighContrast,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        mouse: cli.ui.mouse,
        staff_note: [unencrypted, note]
            .into_iter()
            .flatten()
            .reduce(|a, b| format!("{a}\n{b}")),
    };
    let outcome = tui::run(iv, &lang, &mut session, &opts)?;
    let s = crate::i18n::strings(&outcome.lang);
    if !outcome.saved {
        eprintln!("{}", s.could_not_save);
        return Ok(ExitCode::FAILURE);
    }
    if let (false, Some(code)) = (outcome.complete, &outcome.code) {
        println!("{}: {code}", s.resume_code);
    }
    Ok(ExitCode::SUCCESS)
}
