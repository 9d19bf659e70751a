//! `pd-intake list` and `pd-intake resume CODE`.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::Cli;
use crate::exchange::select::{Item, select};
use crate::store::{self, Store, StoreError};
use crate::visible::escape_line;

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
    /// The code given when the interview stopped, like KP7M-2QXT-9RW4. Leave it out to be
    /// asked for it without it showing on screen (and without it landing in shell history).
    pub code: Option<String>,
}

/// The store the command line asks for: `--data-dir`, and `--recipient` or the config file.
/// Used by `start` (the interview) to create and resume sessions.
pub fn open_store(cli: &Cli) -> anyhow::Result<Store> {
    let recipients = match &cli.ui.recipient {
        Some(k) => vec![k.trim().to_owned()],
        None => cli.settings()?.recipients,
    };
    Ok(store::open_store_to(cli.data_dir.as_deref(), &recipients)?)
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
        "{:<14} {:<11} {:>8}  {:<20}  {:<4} {:<8} QUESTIONNAIRE",
        "CODE", "STATUS", "ANSWERED", "UPDATED", "LANG", "EXPORTED"
    );
    // Every field comes from a file on disk, which may be hostile: shown, never obeyed.
    let line = |s: &str| escape_line(s).into_owned();
    for Item {
        listing: l,
        exported,
    } in items
    {
        let code = l.code.as_deref().map_or("(locked)".into(), line);
        let m = &l.meta;
        println!(
            "{code:<14} {:<11} {:>8}  {:<20}  {:<4} {:<8} {} {}",
            m.status.name(),
            m.answered.map_or("-".into(), |n| n.to_string()),
            line(&m.updated),
            m.language.as_deref().map_or("-".into(), line),
            if *exported { "yes" } else { "no" },
            line(&m.questionnaire.id),
            line(&m.questionnaire.version)
        );
    }
}

pub fn resume(cli: &Cli, args: &ResumeArgs) -> anyhow::Result<ExitCode> {
    let typed = match &args.code {
        Some(c) => c.clone(),
        None => ask_code()?,
    };
    // Only the shape is checked here: the interview front end opens the record (and pays the
    // delay and the scrypt cost) exactly once.
    let code = match store::code::read(&typed) {
        store::code::Typed::Code(c) | store::code::Typed::Legacy(c) => c,
        store::code::Typed::Typo => return Err(StoreError::Typo.into()),
        store::code::Typed::NotACode => {
            return Err(StoreError::BadCode(escape_line(typed.trim()).into_owned()).into());
        }
    };
    super::start::run(cli, Some(&code))
}

/// Asks for the code without echoing it (a dot per symbol); a line from stdin when it is not
/// a terminal.
fn ask_code() -> anyhow::Result<String> {
    use std::io::{IsTerminal, Write};
    eprint!("Code to continue / Código para continuar: ");
    if !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        eprintln!();
        return Ok(line);
    }
    let typed = crate::tui::read_hidden(|shown| {
        eprint!("\r\x1b[2KCode to continue / Código para continuar: {shown}");
        let _ = std::io::stderr().flush();
    })?;
    eprintln!();
    typed.ok_or_else(|| anyhow::anyhow!("stopped; nothing was opened"))
}
