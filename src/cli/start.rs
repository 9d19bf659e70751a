//! Starting an interview: full-screen when there is a terminal, plain otherwise.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::{Cli, Theme};
use crate::autosave::{Autosave, NoSave};
use crate::interview::Interview;
use crate::tui;

pub fn run(cli: &Cli, _resume: Option<&str>) -> anyhow::Result<ExitCode> {
    let qn = cli.questionnaire()?;
    let today = cli.today();
    let lang = cli
        .lang
        .clone()
        .filter(|l| qn.has_language(l))
        .unwrap_or_else(|| qn.default_language().to_owned());
    let iv = Interview::new(&qn, today);
    let mut saver: Box<dyn Autosave> = Box::new(NoSave);
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() || cli.plain {
        anyhow::bail!("plain mode is not available in this build yet");
    }
    let opts = tui::Options {
        high_contrast: cli.ui.theme == Theme::HighContrast,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        mouse: cli.ui.mouse,
        staff_note: None,
    };
    let outcome = tui::run(iv, &lang, saver.as_mut(), &opts)?;
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
