//! `pd-intake check [FILE]`: every error and warning located, the logic report (`--explain`)
//! and scenario runs (`--scenarios DIR`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use super::Cli;
use crate::check::{self, Options};
use crate::diag::Severity;
use crate::{load, scenario};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The file to check (default: --questions, else the built-in questionnaire)
    pub file: Option<PathBuf>,
    /// Write the logic report (Markdown) of the whole tree, in --lang
    #[arg(long)]
    pub explain: bool,
    /// Write the logic report to FILE instead of the screen
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        requires = "explain"
    )]
    pub output: Option<PathBuf>,
    /// Run every scenario (*.yaml) in DIR and print the outcomes that differ
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// Highest Flesch-Kincaid grade accepted for English question texts
    #[arg(long, value_name = "GRADE", default_value_t = 8.0)]
    pub max_grade: f64,
}

pub fn run(cli: &Cli, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let file = args.file.as_deref().or(cli.questions.as_deref());
    let (name, text) = match file {
        Some(p) => match std::fs::read(p) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => (p.display().to_string(), t),
                Err(_) => {
                    println!(
                        "{}:1:1: error: the file is not UTF-8 text\n    hint: save it as UTF-8 in your editor",
                        p.display()
                    );
                    return Ok(ExitCode::FAILURE);
                }
            },
            Err(e) => anyhow::bail!("cannot read {}: {e}", p.display()),
        },
        None => (load::BUILTIN_NAME.to_owned(), load::BUILTIN_TEXT.to_owned()),
    };
    let opts = Options {
        max_grade: args.max_grade,
        today: Some(cli.today()),
        ..Options::default()
    };
    let (qn, mut diags) = check::check_and_load(&text, &opts);
    if let (Some(q), Some(p)) = (&qn, file) {
        // Recorded audio named in the file must be there (read aloud, issue 21).
        let dir = p.parent().unwrap_or(Path::new(""));
        diags.0.extend(load::audio::problems(q, dir));
    }
    let report_to_stdout = args.explain && args.output.is_none();
    let rendered = diags.render(&name);
    if !rendered.is_empty() {
        // The report owns stdout when it is printed there; problems then go to stderr.
        if report_to_stdout {
            eprintln!("{rendered}")
        } else {
            println!("{rendered}")
        }
    }
    let errors = diags
        .0
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.0.len() - errors;
    let Some(qn) = qn.filter(|_| errors == 0) else {
        eprintln!(
            "{name}: {errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        );
        return Ok(ExitCode::FAILURE);
    };
    let lang = cli.language(&qn)?;
    let summary = format!(
        "{name}: ok — {} sections, {} questions, {} factors, {} flags, {} notices, {warnings} warning{}",
        qn.sections.len(),
        qn.questions.len(),
        qn.factors.len(),
        qn.flags.len(),
        qn.notices.len(),
        plural(warnings)
    );
    if report_to_stdout {
        eprintln!("{summary}")
    } else {
        println!("{summary}")
    }
    if args.explain {
        let lang = lang.unwrap_or_else(|| qn.default_language().to_owned());
        let report = check::explain::explain(&qn, &lang);
        match &args.output {
            Some(out) => std::fs::write(out, report)
                .with_context(|| format!("cannot write {}", out.display()))?,
            None => print!("{report}"),
        }
    }
    if let Some(dir) = &args.scenarios {
        return run_scenarios(&qn, dir);
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Runs every `*.yaml` in `dir` (sorted) and prints each difference located in its file.
fn run_scenarios(qn: &crate::model::Questionnaire, dir: &Path) -> anyhow::Result<ExitCode> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    if files.is_empty() {
        anyhow::bail!("no scenario files (*.yaml) in {}", dir.display());
    }
    let mut failed = 0;
    for f in &files {
        let text =
            std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?;
        let d = scenario::run_str(qn, &text);
        if !d.0.is_empty() {
            failed += 1;
            println!("{}", d.render(&f.display().to_string()));
        }
    }
    println!(
        "scenarios: {} passed, {failed} failed",
        files.len() - failed
    );
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
