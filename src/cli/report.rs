//! `pd-intake report CODE|FILE` (owned by the reports work).

use std::path::PathBuf;
use std::process::ExitCode;

use super::Cli;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// A saved intake's code, a saved intake file, or an answers file
    pub target: String,
    #[arg(long, default_value = "txt")]
    pub format: String,
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

pub fn run(_cli: &Cli, _args: &ReportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("reports are not available in this build yet")
}
