//! `pd-intake delete CODE…` and `delete --finished --exported`: remove intakes for good,
//! after saying what will go and asking, unless `--yes`.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use super::Cli;
use super::export::{FilterArgs, report_damaged};
use crate::exchange::delete::{self, Doomed};
use crate::exchange::select::select;
use crate::store;
use crate::visible::escape_line;

#[derive(Debug, clap::Args)]
pub struct DeleteArgs {
    /// The intakes to delete (resume codes)
    #[arg(value_name = "CODE")]
    pub codes: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Clinic identity file: needed to find encrypted intakes by code
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,
    /// Do not ask before deleting
    #[arg(long)]
    pub yes: bool,
}

pub fn run(cli: &Cli, args: &DeleteArgs) -> anyhow::Result<ExitCode> {
    if args.codes.is_empty() && !args.filter.any() {
        anyhow::bail!(
            "say which intakes to delete: their codes, or flags such as --finished --exported"
        );
    }
    let store = store::open_store(cli.data_dir.as_deref(), None)?;
    let identity = args
        .identity
        .as_deref()
        .map(store::read_identity)
        .transpose()?;
    let chosen = select(&store, identity.as_ref(), &args.filter.filter(&args.codes))?;
    report_damaged(&chosen);
    if chosen.items.is_empty() {
        println!("No saved intake matches; nothing was deleted.");
        return Ok(ExitCode::SUCCESS);
    }
    let doomed: Vec<Doomed> = delete::plan(store.dir(), &chosen.items);
    // Codes, times and file names come from files on disk, which may be hostile: shown,
    // never obeyed.
    let shown = |s: &str| escape_line(s).into_owned();
    let path = |p: &std::path::Path| shown(&p.display().to_string());
    println!("To delete for good:");
    for (d, item) in doomed.iter().zip(&chosen.items) {
        let m = &item.listing.meta;
        println!(
            "  {}  {}  last saved {}{}",
            d.code.as_deref().map_or("(encrypted)".into(), shown),
            m.status.name(),
            shown(&m.updated),
            if item.exported { "" } else { "  NOT EXPORTED" }
        );
        for f in &d.files {
            println!("    {}", path(f));
        }
    }
    if !args.yes && !confirmed(doomed.len())? {
        println!("Nothing was deleted.");
        return Ok(ExitCode::FAILURE);
    }
    let removed = delete::delete(store.dir(), &doomed)?;
    println!(
        "Removed {} file{}:",
        removed.len(),
        if removed.len() == 1 { "" } else { "s" }
    );
    for f in &removed {
        println!("  {}", path(f));
    }
    println!(
        "Deleting a file does not wipe the disk: until the space is used again, recovery tools may find the old bytes."
    );
    let plain = doomed.iter().filter(|d| !d.encrypted).count();
    if plain < doomed.len() {
        println!(
            "Encrypted intakes stay unreadable there without the clinic identity (the clinic key file)."
        );
    }
    if plain > 0 {
        println!(
            "Not encrypted: {plain} of {}. Anyone with recovery tools could read their old copies; turn encryption on (pd-intake setup --identity FILE) so that future intakes are not.",
            doomed.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn confirmed(n: usize) -> anyhow::Result<bool> {
    use std::io::Write;
    print!(
        "Delete {n} intake{} for good? Type yes to go on: ",
        if n == 1 { "" } else { "s" }
    );
    std::io::stdout().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(matches!(
        line.trim().to_lowercase().as_str(),
        "yes" | "y" | "sí" | "si"
    ))
}
