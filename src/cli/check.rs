//! `pd-intake check [FILE]`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::Cli;
use crate::load;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The file to check (default: --questions, else the built-in questionnaire)
    pub file: Option<PathBuf>,
}

pub fn run(cli: &Cli, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let file = args.file.as_deref().or(cli.questions.as_deref());
    let (name, result) = match file {
        Some(p) => (p.display().to_string(), load::load_file(p)),
        None => (load::BUILTIN_NAME.to_owned(), load::load_str(load::BUILTIN_TEXT)),
    };
    match result {
        Ok(q) => {
            println!(
                "{name}: ok — {} sections, {} questions, {} factors, {} flags, {} notices",
                q.sections.len(),
                q.questions.len(),
                q.factors.len(),
                q.flags.len(),
                q.notices.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(d) => {
            println!("{}", d.render(&name));
            let n = d.0.len();
            eprintln!("{name}: {n} problem{}", if n == 1 { "" } else { "s" });
            Ok(ExitCode::FAILURE)
        }
    }
}
