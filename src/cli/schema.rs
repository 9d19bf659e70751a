//! `pd-intake schema` (owned by the authoring-tools work).

use std::process::ExitCode;

use super::Cli;

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {}

pub fn run(_cli: &Cli, _args: &SchemaArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the schema is not available in this build yet")
}
