//! `pd-intake schema`: the JSON Schema (draft-07) of the question file format, for editors.

use std::process::ExitCode;

use super::Cli;

/// The committed schema (questions/questionnaire.schema.json), compiled in.
pub const SCHEMA: &str = include_str!("../../questions/questionnaire.schema.json");

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {}

pub fn run(_cli: &Cli, _args: &SchemaArgs) -> anyhow::Result<ExitCode> {
    print!("{SCHEMA}");
    Ok(ExitCode::SUCCESS)
}
