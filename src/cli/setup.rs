//! `pd-intake setup` and `pd-intake encrypt-existing`: turning encryption on is one step for
//! staff. Setup makes (or reuses) the clinic identity where staff say (their removable drive),
//! writes this laptop's settings with the public key and the clinic's details, says where
//! everything is, and seals the plaintext intakes already here when asked.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::Cli;
use crate::config::{self, Config};
use crate::store::{self, Converted};

#[derive(Debug, clap::Args)]
pub struct SetupArgs {
    /// Where the clinic identity is (or is to be made): a removable drive staff keep, never
    /// this laptop's disk. An existing identity there is reused, never overwritten.
    #[arg(long, value_name = "FILE")]
    pub identity: PathBuf,
    /// The clinic's name, for the take-home sheet and reports
    #[arg(long, value_name = "TEXT")]
    pub clinic_name: Option<String>,
    /// The clinic's phone number
    #[arg(long, value_name = "TEXT")]
    pub clinic_phone: Option<String>,
    /// The clinic's address
    #[arg(long, value_name = "TEXT")]
    pub clinic_address: Option<String>,
    /// Minutes without a key press before an interview locks itself (0: never)
    #[arg(long, value_name = "N")]
    pub idle_lock_minutes: Option<u32>,
    /// Also encrypt the unencrypted intakes already on this laptop, without asking
    #[arg(long)]
    pub encrypt_existing: bool,
}

pub fn setup(cli: &Cli, args: &SetupArgs) -> anyhow::Result<ExitCode> {
    let public = if args.identity.exists() {
        let id = store::read_identity(&args.identity)?;
        println!(
            "Using the clinic identity already at {}.",
            args.identity.display()
        );
        id.public()
    } else {
        let public = store::write_identity(&args.identity)
            .with_context(|| format!("writing {}", args.identity.display()))?;
        println!("Made a new clinic identity at {}.", args.identity.display());
        public
    };
    let path = match &cli.config {
        Some(p) => p.clone(),
        None => {
            config::default_path().context("no config folder on this system: pass --config FILE")?
        }
    };
    let mut settings = if path.exists() {
        config::load(Some(&path))?
    } else {
        Config::default()
    };
    if !settings.recipients.contains(&public) {
        settings.recipients.push(public.clone());
    }
    let set = |slot: &mut Option<String>, v: &Option<String>| {
        if let Some(v) = v {
            *slot = Some(v.clone());
        }
    };
    set(&mut settings.clinic.name, &args.clinic_name);
    set(&mut settings.clinic.phone, &args.clinic_phone);
    set(&mut settings.clinic.address, &args.clinic_address);
    if let Some(m) = args.idle_lock_minutes {
        anyhow::ensure!(m <= 240, "--idle-lock-minutes must be 0 to 240");
        settings.idle_lock_minutes = m;
    }
    write_settings(&path, &config::render(&settings))?;
    let store = store::open_store_to(cli.data_dir.as_deref(), &settings.recipients)?;
    println!("Wrote this laptop's settings to {}.", path.display());
    println!(
        "Intakes are saved in {}, encrypted to {public}.",
        store.dir().display()
    );
    println!(
        "Keep {} OFF this laptop: it opens every intake. Staff use it with --identity.",
        args.identity.display()
    );
    let plain = store.plaintext_records();
    if plain.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} intake(s) saved here before are NOT encrypted.",
        plain.len()
    );
    let go = args.encrypt_existing
        || (std::io::stdin().is_terminal() && ask_yes("Encrypt them now? [y/N] "));
    if go {
        return report_conversion(&store);
    }
    println!("Run `pd-intake encrypt-existing` to encrypt them.");
    Ok(ExitCode::SUCCESS)
}

pub fn encrypt_existing(cli: &Cli) -> anyhow::Result<ExitCode> {
    let store = super::stored::open_store(cli)?;
    anyhow::ensure!(
        store.encrypted(),
        "no clinic key is set up: run `pd-intake setup --identity FILE` first"
    );
    report_conversion(&store)
}

fn report_conversion(store: &store::Store) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for c in store.encrypt_existing()? {
        match c {
            Converted::Sealed { from, to } => {
                println!("encrypted {} -> {}", name(&from), name(&to));
            }
            Converted::InUse(p) => {
                failed = true;
                println!(
                    "skipped {}: it is open in an interview now; run this again later",
                    name(&p)
                );
            }
            Converted::Failed(p, e) => {
                failed = true;
                println!("could not encrypt {}: {e}", name(&p));
            }
        }
    }
    let reports = store.dir().join("reports");
    if reports.is_dir() {
        println!(
            "Saved reports in {} are not encrypted: move them to the case file and delete them here.",
            reports.display()
        );
    }
    println!(
        "Deleting a file does not wipe the disk: copies of the old plaintext may remain in free space until it is overwritten."
    );
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn ask_yes(prompt: &str) -> bool {
    use std::io::Write;
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).is_ok()
        && matches!(
            line.trim().to_lowercase().as_str(),
            "y" | "yes" | "s" | "si" | "sí"
        )
}

fn write_settings(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    store::write_private_file(path, text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))
}
