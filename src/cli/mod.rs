//! Command line: parsing, exit codes, and the only place (with the front ends) that prints.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

pub use flags::command;

use crate::date::Date;
use crate::load;
use crate::model::Questionnaire;

mod check;
mod delete;
mod export;
mod flags;
mod import;
mod keys;
mod report;
mod schema;
mod score;
mod setup;
mod start;
mod stored;

#[derive(Debug, Parser)]
#[command(name = "pd-intake", version, about = "Offline intake questionnaire for prosecutorial-discretion screening", long_about = None)]
pub struct Cli {
    /// The settings, read once per run (store, idle lock and reports all ask for them).
    #[arg(skip)]
    settings_read: std::sync::OnceLock<Result<crate::config::Config, String>>,
    /// Folder for saved intakes (default: the platform's local data folder)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Question file to use instead of the built-in questionnaire
    #[arg(long, global = true, value_name = "FILE")]
    pub questions: Option<PathBuf>,
    /// The date to score against, YYYY-MM-DD (default: today)
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<Date>,
    /// Language code for the interview or report (en, es)
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,
    /// Settings file (clinic keys, name, phone, idle lock); default: config.yaml in the
    /// platform config folder
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Line-by-line mode for screen readers and scripts (also when TERM=dumb or no terminal)
    #[arg(long, global = true)]
    pub plain: bool,
    #[command(flatten)]
    pub ui: UiArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a question file and print every problem as FILE:LINE:COL
    Check(check::CheckArgs),
    /// Score an answers file without a terminal
    Score {
        /// The answers file (YAML)
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// List saved intakes (for staff)
    List(stored::ListArgs),
    /// Continue an unfinished intake with its code
    Resume(stored::ResumeArgs),
    /// Write a report of a saved intake or an answers file
    Report(report::ReportArgs),
    /// Create a clinic key pair for encrypting intakes
    Keygen(keys::KeygenArgs),
    /// Print the JSON Schema of the question file format
    Schema(schema::SchemaArgs),
    /// Write chosen intakes as a CSV (case management) or a bundle (to the staff machine)
    Export(export::ExportArgs),
    /// Add the intakes of a bundle to this data folder
    Import(import::ImportArgs),
    /// Remove intakes for good (asks first unless --yes)
    Delete(delete::DeleteArgs),
    /// Staff: turn encryption on for this laptop (clinic identity, settings, existing intakes)
    Setup(setup::SetupArgs),
    /// Staff: encrypt the unencrypted intakes already saved here to the clinic key
    EncryptExisting,
}

/// Options of the interactive interview (no subcommand, or `resume`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct UiArgs {
    /// Colour theme of the full-screen interview
    #[arg(long, value_enum, default_value_t = Theme::Default, global = true)]
    pub theme: Theme,
    /// Let the mouse click and scroll (it stops copy and paste in most terminals)
    #[arg(long, global = true)]
    pub mouse: bool,
    /// Age public key (age1…) to encrypt intakes to; overrides the config file
    #[arg(long, value_name = "KEY", global = true)]
    pub recipient: Option<String>,
    /// Read each question aloud with the computer's voice (F5 reads the screen at any time)
    #[arg(long, global = true)]
    pub read_aloud: bool,
    /// Voice command to use instead of the system's (run by the shell; the text comes on
    /// stdin, the language code in PD_INTAKE_LANG)
    #[arg(long, value_name = "CMD", global = true)]
    pub speech_command: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Theme {
    #[default]
    Default,
    HighContrast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Txt,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date; write YYYY-MM-DD"))
}

/// Exit codes: 0 success, 1 a problem in the input (check errors, bad answers), 2 usage.
pub fn main() -> ExitCode {
    crate::harden::no_core_dumps();
    crate::platform::note_start();
    let cli = flags::parse();
    let code = match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pd-intake: {e:#}");
            ExitCode::FAILURE
        }
    };
    if matches!(cli.command, None | Some(Command::Resume(_))) {
        crate::platform::hold_window();
    }
    code
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Some(Command::Check(args)) => check::run(cli, args),
        Some(Command::Score { answers, format }) => score::run(cli, answers, *format),
        Some(Command::List(args)) => stored::list(cli, args),
        Some(Command::Resume(args)) => stored::resume(cli, args),
        Some(Command::Report(args)) => report::run(cli, args),
        Some(Command::Keygen(args)) => keys::run(cli, args),
        Some(Command::Schema(args)) => schema::run(cli, args),
        Some(Command::Export(args)) => export::run(cli, args),
        Some(Command::Import(args)) => import::run(cli, args),
        Some(Command::Delete(args)) => delete::run(cli, args),
        Some(Command::Setup(args)) => setup::setup(cli, args),
        Some(Command::EncryptExisting) => setup::encrypt_existing(cli),
        None => start::run(cli, None),
    }
}

impl Cli {
    /// The clinic's name, phone and address for reports, from the settings; a settings file
    /// that cannot be read is reported and the report goes on without them.
    pub fn clinic_info(&self) -> Option<crate::report::ClinicInfo> {
        match self.settings() {
            Ok(c) if c.clinic.name.is_some() || c.clinic.phone.is_some() => {
                Some(crate::report::ClinicInfo {
                    name: c.clinic.name.unwrap_or_default(),
                    phone: c.clinic.phone.unwrap_or_default(),
                    address: c.clinic.address,
                })
            }
            Ok(_) => None,
            Err(e) => {
                eprintln!("pd-intake: note: no clinic details on this report: {e:#}");
                None
            }
        }
    }

    /// This laptop's settings (`--config FILE`, or the platform's config file).
    pub fn settings(&self) -> anyhow::Result<crate::config::Config> {
        self.settings_read
            .get_or_init(|| crate::config::load(self.config.as_deref()).map_err(|e| e.to_string()))
            .clone()
            .map_err(anyhow::Error::msg)
    }

    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(crate::scoring::today_from_clock)
    }

    /// `--lang`, refused alike by every command when the questionnaire has no such language.
    pub fn language(&self, qn: &Questionnaire) -> anyhow::Result<Option<String>> {
        if let Some(lang) = &self.lang {
            crate::report::staff::check_language(qn, lang)?;
        }
        Ok(self.lang.clone())
    }

    /// Loads `--questions` or the built-in questionnaire; errors are printed located.
    pub fn questionnaire(&self) -> anyhow::Result<Questionnaire> {
        match &self.questions {
            None => Ok(load::builtin()),
            Some(path) => load::load_file(path).map_err(|d| {
                anyhow::anyhow!(
                    "{} has problems:\n{}",
                    path.display(),
                    d.render(&path.display().to_string())
                )
            }),
        }
    }
}
