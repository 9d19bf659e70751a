//! `pd-intake score --answers FILE`: score an answers file without a terminal.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::{Cli, Format};
use crate::answers_file;
use crate::interview::Interview;
use crate::scoring::summarize;

pub fn run(cli: &Cli, path: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let qn = cli.questionnaire()?;
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
    let today = cli.today();
    let file = answers_file::parse(&text, &["name", "today", "expect"])
        .map_err(|d| anyhow::anyhow!("{name} has problems:\n{}", d.render(&name)))?;
    let matched = answers_file::apply(&qn, &file, today)
        .map_err(|d| anyhow::anyhow!("{name} has problems:\n{}", d.render(&name)))?;
    for w in &matched.warnings.0 {
        eprintln!("{}", w.render(&name));
    }
    let lang = cli
        .language(&qn)?
        .or(file.language.clone())
        .unwrap_or_else(|| qn.default_language().to_owned());
    let iv = Interview::with_answers(&qn, today, matched.answers);
    let summary = summarize(&iv, &lang);
    match format {
        Format::Json => println!("{}", summary.to_json()),
        Format::Txt => print!(
            "{}",
            crate::visible::escape_controls(&crate::report::text::summary(&qn, &summary, &lang))
        ),
    }
    Ok(ExitCode::SUCCESS)
}
