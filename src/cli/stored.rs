//! `pd-intake list` and `pd-intake resume CODE`.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::Cli;
use crate::store::{self, Listing, Store, StoreError};

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print JSON (design.md §6) instead of a table
    #[arg(long)]
    pub json: bool,
    /// Clinic identity file to open encrypted intakes
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// The code shown when the interview stopped, like K7P-2QX. Leave it out to be asked for
    /// it without it showing (nor staying in the shell's history).
    pub code: Option<String>,
}

/// The store the command line asks for: `--data-dir`, and `--recipient` or the config file.
/// Used by `start` (the interview) to create and resume sessions.
pub fn open_store(cli: &Cli) -> anyhow::Result<Store> {
    let recipient = store::resolve_recipient(cli.ui.recipient.as_deref())?;
    Ok(store::open_store(
        cli.data_dir.as_deref(),
        recipient.as_deref(),
    )?)
}

pub fn list(cli: &Cli, args: &ListArgs) -> anyhow::Result<ExitCode> {
    let store = store::open_store(cli.data_dir.as_deref(), None)?;
    let identity = args
        .identity
        .as_deref()
        .map(store::read_identity)
        .transpose()?;
    let (items, damaged): (Vec<_>, Vec<_>) = store
        .list(identity.as_ref())
        .into_iter()
        .partition(Result::is_ok);
    let items: Vec<Listing> = items.into_iter().filter_map(Result::ok).collect();
    let damaged: Vec<StoreError> = damaged.into_iter().filter_map(Result::err).collect();
    if args.json {
        let rows: Vec<_> = items
            .iter()
            .map(|l| {
                json!({
                    "code": l.code,
                    "status": l.meta.status.name(),
                    "answered": l.meta.answered,
                    "created": l.meta.created,
                    "updated": l.meta.updated,
                    "language": l.meta.language,
                    "questionnaire": {"id": l.meta.questionnaire.id, "version": l.meta.questionnaire.version},
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else if items.is_empty() && damaged.is_empty() {
        println!("No saved intakes in {}.", store.dir().display());
    } else {
        print_table(&items);
    }
    for e in &damaged {
        eprintln!("pd-intake: {e}");
    }
    if items.iter().any(|l| l.code.is_none()) {
        eprintln!("Encrypted intakes show no code or answers; open them with --identity FILE.");
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(items: &[Listing]) {
    println!(
        "{:<9} {:<11} {:>8}  {:<20}  {:<4} QUESTIONNAIRE",
        "CODE", "STATUS", "ANSWERED", "UPDATED", "LANG"
    );
    for l in items {
        let code = l.code.as_deref().unwrap_or("(locked)");
        let m = &l.meta;
        println!(
            "{code:<9} {:<11} {:>8}  {:<20}  {:<4} {} {}",
            m.status.name(),
            m.answered,
            m.updated,
            m.language,
            m.questionnaire.id,
            m.questionnaire.version
        );
    }
}

pub fn resume(cli: &Cli, args: &ResumeArgs) -> anyhow::Result<ExitCode> {
    // Only the shape is checked here: the interview front end opens the record (and pays the
    // delay and the scrypt cost) exactly once.
    let code = match &args.code {
        Some(c) => store::code::normalize(c)
            .ok_or_else(|| StoreError::BadCode(c.trim().chars().take(20).collect()))?,
        // A code typed unseen is not printed back, even when mistyped.
        None => store::code::normalize(&super::start::ask_code(cli)?).ok_or_else(|| {
            anyhow::anyhow!("that is not a resume code (codes look like K7P-2QX)")
        })?,
    };
    super::start::run(cli, Some(&code))
}
