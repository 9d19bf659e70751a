//! `pd-intake import FILE`: a bundle from an intake laptop into this data folder.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::Cli;
use crate::exchange::bundle;
use crate::exchange::import::{self, Outcome};
use crate::store;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The bundle written by `pd-intake export --format bundle`
    pub file: PathBuf,
}

pub fn run(cli: &Cli, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let store = store::open_store(cli.data_dir.as_deref(), None)?;
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {name}"))?;
    let verified = bundle::open(&name, &bytes)?;
    let done = import::import(store.dir(), verified)?;
    for (file, meta, outcome) in &done.intakes {
        let what = match outcome {
            Outcome::Added => "added",
            Outcome::Replaced => "replaced the older copy here",
            Outcome::AlreadyHere => "already here",
            Outcome::KeptOurs => "kept the copy here (it is newer, or finished)",
        };
        println!("{file}  {}  {}  {what}", meta.status.name(), meta.updated);
    }
    println!(
        "Imported {name} into {}: {} added, {} replaced by a newer copy, {} already here, {} kept as they were.",
        store.dir().display(),
        done.count(Outcome::Added),
        done.count(Outcome::Replaced),
        done.count(Outcome::AlreadyHere),
        done.count(Outcome::KeptOurs),
    );
    Ok(ExitCode::SUCCESS)
}
