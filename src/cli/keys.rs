//! `pd-intake keygen -o FILE` (owned by the encryption work).

use std::path::PathBuf;
use std::process::ExitCode;

use super::Cli;

#[derive(Debug, clap::Args)]
pub struct KeygenArgs {
    /// Where to write the clinic identity (keep it off the shared laptop)
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

pub fn run(_cli: &Cli, _args: &KeygenArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("encryption is not available in this build yet")
}
