//! Starting an interview: full-screen when there is a terminal, plain otherwise.

use std::process::ExitCode;

use super::Cli;

pub fn run(_cli: &Cli, _resume: Option<&str>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the interview is not available in this build yet")
}
