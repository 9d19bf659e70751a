//! `pd-intake report CODE|FILE`: a staff report (txt, md, html, json) or the applicant's
//! take-home sheet, from a saved intake (code or file) or an answers file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::Cli;
use crate::answers_file;
use crate::model::Questionnaire;
use crate::report::{self, Format, IntakeMeta, ReportInput};

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// A saved intake's code, a saved intake file (.json), or an answers file (YAML)
    pub target: String,
    /// txt, md, html or json (the take-home sheet: txt or html)
    #[arg(long, default_value = "txt", value_parser = parse_format)]
    pub format: Format,
    /// The short sheet for the applicant: documents and next steps only
    #[arg(long)]
    pub take_home: bool,
    /// Write to FILE instead of the screen
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Clinic identity file to open encrypted intakes
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s)
        .ok_or_else(|| format!("`{s}` is not a report format; use txt, md, html or json"))
}

pub fn run(cli: &Cli, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let qn = cli.questionnaire()?;
    let today = cli.today();
    let mut input = read_input(cli, args, &qn, today)?;
    input.meta.clinic = cli.clinic_info();
    let lang = cli.language(&qn)?.unwrap_or_else(|| input.language.clone());
    let out = report::render(&input, args.format, &lang, args.take_home)?;
    // Applicant-typed text may hold terminal control codes: shown, never obeyed by the staff
    // terminal or editor that opens a text report. JSON keeps every character exactly.
    let out = match args.format {
        Format::Json => out,
        _ => crate::visible::escape_controls(&out).into_owned(),
    };
    match &args.output {
        Some(path) => write_output(path, &out)?,
        None => print!("{out}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn read_input<'q>(
    cli: &Cli,
    args: &ReportArgs,
    qn: &'q Questionnaire,
    today: crate::date::Date,
) -> anyhow::Result<ReportInput<'q>> {
    let path = Path::new(&args.target);
    let name = path.display().to_string();
    let is_record = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !path.is_file() || is_record {
        let record = crate::store::load_record(
            cli.data_dir.as_deref(),
            &args.target,
            args.identity.as_deref(),
        )?;
        if record.questionnaire.id != qn.id {
            anyhow::bail!(
                "the intake {} was answered with the questionnaire `{}`; pass it with --questions FILE",
                record.code,
                record.questionnaire.id
            );
        }
        if record.questionnaire.sha256 != qn.sha256 {
            eprintln!(
                "pd-intake: note: the intake {} was answered with version {} of the questions; this report uses {}",
                record.code, record.questionnaire.version, qn.version
            );
        }
        return Ok(ReportInput::from_record(qn, &record, today));
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
    let file = answers_file::parse(&text, &["name", "today", "expect"])
        .map_err(|d| anyhow::anyhow!("{name} has problems:\n{}", d.render(&name)))?;
    let matched = answers_file::apply(qn, &file, today)
        .map_err(|d| anyhow::anyhow!("{name} has problems:\n{}", d.render(&name)))?;
    for w in &matched.warnings.0 {
        eprintln!("{}", w.render(&name));
    }
    Ok(ReportInput {
        questionnaire: qn,
        answers: matched.answers,
        language: file
            .language
            .unwrap_or_else(|| qn.default_language().to_owned()),
        today,
        meta: IntakeMeta::default(),
    })
}

/// Writes through the store's atomic writer: readable only by its owner (0600), through an
/// unpredictable temp name created exclusively (a planted symlink is never followed), so a
/// failed write never leaves half a report.
fn write_output(path: &Path, text: &str) -> anyhow::Result<()> {
    let path = if path.parent().is_some_and(|p| p.as_os_str().is_empty()) {
        Path::new(".").join(path)
    } else {
        path.to_owned()
    };
    crate::store::write_private_file(&path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}
