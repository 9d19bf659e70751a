//! `pd-intake list` and `pd-intake resume CODE`.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::Cli;
use crate::exchange::select::{Item, select};
use crate::store::{self, Store, StoreError};

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print JSON (design.md §6) instead of a table
    #[arg(long)]
    pub json: bool,
    /// Clinic identity file to open encrypted intakes
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,
    #[command(flatten)]
    pub filter: super::export::FilterArgs,
}

#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// The code shown during the interview, like K7P-2QX
    pub code: String,
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
    let chosen = select(&store, identity.as_ref(), &args.filter.filter(&[]))?;
    let waiting = chosen.waiting;
    let damaged = chosen.damaged;
    let items = chosen.items;
    if args.json {
        let rows: Vec<_> = items
            .iter()
            .map(|Item { listing: l, .. }| {
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
        if args.filter.any() {
            println!("No saved intake matches.");
        } else {
            println!("No saved intakes in {}.", store.dir().display());
        }
    } else {
        print_table(&items);
    }
    // Counted over every readable intake, not only the ones shown, and without the identity.
    let line = format!(
        "{waiting} intake{} waiting to be exported.",
        if waiting == 1 { "" } else { "s" }
    );
    if args.json {
        eprintln!("{line}");
    } else {
        println!("{line}");
    }
    for e in &damaged {
        eprintln!("pd-intake: {e}");
    }
    if items.iter().any(|i| i.listing.code.is_none()) {
        eprintln!("Encrypted intakes show no code or answers; open them with --identity FILE.");
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(items: &[Item]) {
    println!(
        "{:<9} {:<11} {:>8}  {:<20}  {:<4} {:<8} QUESTIONNAIRE",
        "CODE", "STATUS", "ANSWERED", "UPDATED", "LANG", "EXPORTED"
    );
    for Item {
        listing: l,
        exported,
    } in items
    {
        let code = l.code.as_deref().unwrap_or("(locked)");
        let m = &l.meta;
        println!(
            "{code:<9} {:<11} {:>8}  {:<20}  {:<4} {:<8} {} {}",
            m.status.name(),
            m.answered,
            m.updated,
            m.language,
            if *exported { "yes" } else { "no" },
            m.questionnaire.id,
            m.questionnaire.version
        );
    }
}

pub fn resume(cli: &Cli, args: &ResumeArgs) -> anyhow::Result<ExitCode> {
    // Only the shape is checked here: the interview front end opens the record (and pays the
    // delay and the scrypt cost) exactly once.
    let code = store::code::normalize(&args.code)
        .ok_or_else(|| StoreError::BadCode(args.code.trim().to_owned()))?;
    super::start::run(cli, Some(&code))
}
