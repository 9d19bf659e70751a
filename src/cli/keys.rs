//! `pd-intake keygen -o FILE`: a clinic identity for encrypting intakes.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::Cli;
use crate::store;

#[derive(Debug, clap::Args)]
pub struct KeygenArgs {
    /// Where to write the clinic identity (keep it off the shared laptop)
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

pub fn run(_cli: &Cli, args: &KeygenArgs) -> anyhow::Result<ExitCode> {
    if args.output.exists() {
        anyhow::bail!(
            "{} already exists; pd-intake never overwrites an identity (intakes encrypted to it would be lost)",
            args.output.display()
        );
    }
    let public = store::write_identity(&args.output)
        .with_context(|| format!("writing {}", args.output.display()))?;
    println!("{public}");
    let config = store::recipient_config_file().map_or_else(
        || "the config folder".to_owned(),
        |p| p.display().to_string(),
    );
    eprintln!(
        "Wrote the clinic identity to {} (keep it off the shared laptop).",
        args.output.display()
    );
    eprintln!("To encrypt every intake on a laptop, put the public key above in {config}");
    eprintln!(
        "or pass --recipient {public}. Staff open intakes with --identity {}.",
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}
