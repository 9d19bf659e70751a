//! `pd-intake list` and `pd-intake resume CODE` (owned by the store work).

use std::process::ExitCode;

use super::Cli;

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print JSON (design.md §6) instead of a table
    #[arg(long)]
    pub json: bool,
    /// Clinic identity file to open encrypted intakes
    #[arg(long, value_name = "FILE")]
    pub identity: Option<std::path::PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// The code shown during the interview, like K7P-2QX
    pub code: String,
}

pub fn list(_cli: &Cli, _args: &ListArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("saved intakes are not available in this build yet")
}

pub fn resume(_cli: &Cli, _args: &ResumeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("saved intakes are not available in this build yet")
}
