//! `pd-intake export --format csv|bundle` and the filters shared with `list` and `delete`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Cli;
use crate::date::Date;
use crate::exchange::bundle::{self, Part, Plain};
use crate::exchange::exported::ExportLog;
use crate::exchange::select::{Filter, Selected, select};
use crate::exchange::{ExchangeError, csv};
use crate::store::{self, Status, atomic, clock, crypto};

/// Which intakes: the same flags for `list`, `export` and `delete`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only finished intakes
    #[arg(long, conflicts_with = "unfinished")]
    pub finished: bool,
    /// Only unfinished intakes
    #[arg(long)]
    pub unfinished: bool,
    /// Only intakes last saved on or after DATE (YYYY-MM-DD, UTC)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub since: Option<Date>,
    /// Only intakes last saved on or before DATE (YYYY-MM-DD, UTC)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub until: Option<Date>,
    /// Only intakes already exported (their latest save is in a bundle or CSV that was written)
    #[arg(long, conflicts_with = "not_exported")]
    pub exported: bool,
    /// Only intakes waiting to be exported
    #[arg(long)]
    pub not_exported: bool,
}

impl FilterArgs {
    pub fn filter(&self, codes: &[String]) -> Filter {
        Filter {
            status: match (self.finished, self.unfinished) {
                (true, _) => Some(Status::Complete),
                (_, true) => Some(Status::InProgress),
                _ => None,
            },
            since: self.since,
            until: self.until,
            exported: match (self.exported, self.not_exported) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            codes: codes.to_vec(),
        }
    }

    /// Whether any flag narrows the choice.
    pub fn any(&self) -> bool {
        self.filter(&[]) != Filter::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One row per intake, for a case-management import (needs the clinic identity)
    Csv,
    /// One file to carry to the staff machine, still encrypted to the clinic key
    Bundle,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Only these intakes (resume codes); default: every intake the flags keep
    #[arg(value_name = "CODE")]
    pub codes: Vec<String>,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Clinic identity file: needed for a CSV of encrypted intakes, and to choose them by code
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,
    /// Where to write (`-` for the screen); default: pd-intake-DATE.csv or .bundle here
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Bundle: carry intakes that are not encrypted as they are (anyone with the file can read them)
    #[arg(long)]
    pub plaintext: bool,
}

pub fn run(cli: &Cli, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = store::open_store(cli.data_dir.as_deref(), None)?;
    let identity = args
        .identity
        .as_deref()
        .map(store::read_identity)
        .transpose()?;
    let chosen = select(&store, identity.as_ref(), &args.filter.filter(&args.codes))?;
    report_damaged(&chosen);
    if chosen.items.is_empty() {
        eprintln!("No saved intake matches; nothing was written.");
        return Ok(ExitCode::SUCCESS);
    }
    let now = (clock::system())();
    let (bytes, how) = match args.format {
        ExportFormat::Csv => {
            let encrypted = chosen.items.iter().filter(|i| i.listing.encrypted).count();
            if encrypted > 0 && identity.is_none() {
                return Err(ExchangeError::NeedIdentity { count: encrypted }.into());
            }
            let qn = cli.questionnaire()?;
            let mut records = Vec::with_capacity(chosen.items.len());
            for i in &chosen.items {
                let path = i.listing.path.to_string_lossy();
                records.push(store.load_record(&path, identity.as_ref())?);
            }
            if encrypted > 0 {
                eprintln!(
                    "Note: a CSV is not encrypted. It holds these intakes in the clear: keep it on the staff machine and delete it once imported."
                );
            }
            (csv::write(&qn, &records, cli.today())?, "csv")
        }
        ExportFormat::Bundle => (bundle_bytes(cli, args, &chosen, &now)?, "bundle"),
    };
    let written = write_output(args, &bytes, &now)?;
    let mut log = ExportLog::load(store.dir());
    for i in &chosen.items {
        log.mark(&i.listing, how, &now);
    }
    if let Err(e) = log.save(store.dir()) {
        eprintln!("pd-intake: the export was written, but not noted as done: {e}");
    }
    if let Some(path) = written {
        eprintln!(
            "Wrote {} intake{} to {}.",
            chosen.items.len(),
            if chosen.items.len() == 1 { "" } else { "s" },
            path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn bundle_bytes(
    cli: &Cli,
    args: &ExportArgs,
    chosen: &Selected,
    now: &str,
) -> anyhow::Result<Vec<u8>> {
    // The same clinic keys a new intake here would be encrypted to.
    let recipients = match &cli.ui.recipient {
        Some(k) => vec![k.trim().to_owned()],
        None => cli.settings()?.recipients,
    };
    let keys = recipients
        .iter()
        .map(|r| crypto::parse_recipient(r))
        .collect::<Result<Vec<_>, _>>()?;
    let plain = match (keys.is_empty(), args.plaintext) {
        (_, true) => Plain::AsTheyAre,
        (false, false) => Plain::EncryptTo(&keys),
        (true, false) => Plain::Refuse,
    };
    let mut parts = Vec::with_capacity(chosen.items.len());
    for i in &chosen.items {
        let bytes = std::fs::read(&i.listing.path).map_err(|source| ExchangeError::Io {
            path: i.listing.path.clone(),
            source,
        })?;
        parts.push(Part {
            listing: &i.listing,
            bytes,
        });
    }
    if args.plaintext && parts.iter().any(|p| !p.listing.encrypted) {
        eprintln!(
            "Note: some intakes in this bundle are not encrypted: anyone who has the file can read them."
        );
    }
    Ok(bundle::build(parts, plain, now)?)
}

pub(super) fn report_damaged(chosen: &Selected) {
    for e in &chosen.damaged {
        eprintln!("pd-intake: {e}");
    }
}

/// Writes the export (0600, atomically); None when it went to the screen.
fn write_output(args: &ExportArgs, bytes: &[u8], now: &str) -> anyhow::Result<Option<PathBuf>> {
    let path = match &args.output {
        Some(p) if p.as_os_str() == "-" => {
            use std::io::Write;
            std::io::stdout().write_all(bytes)?;
            return Ok(None);
        }
        Some(p) => p.clone(),
        None => default_name(args.format, crate::exchange::day_of(now)),
    };
    // The atomic writer needs a folder to put its temp file in and to sync.
    let target = if path.parent().is_some_and(|p| p.as_os_str().is_empty()) {
        Path::new(".").join(&path)
    } else {
        path.clone()
    };
    atomic::write_atomic(&target, bytes).map_err(|source| ExchangeError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(Some(path))
}

/// `pd-intake-DATE.csv` (or `.bundle`) in the current folder, numbered if it exists.
fn default_name(format: ExportFormat, day: &str) -> PathBuf {
    let ext = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Bundle => "bundle",
    };
    (1..)
        .map(|n| match n {
            1 => PathBuf::from(format!("pd-intake-{day}.{ext}")),
            n => PathBuf::from(format!("pd-intake-{day}-{n}.{ext}")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| PathBuf::from(format!("pd-intake-{day}.{ext}")))
}
