//! Shell completions and man pages from the command-line definitions, for `scripts/dist.sh`:
//!
//!     cargo run --example dist_docs -- OUT_DIR
//!
//! writes OUT_DIR/completions/{pd-intake.bash, _pd-intake, pd-intake.fish, _pd-intake.ps1}
//! and OUT_DIR/man/pd-intake.1 with one page per command (pd-intake-check.1, …).

use std::path::{Path, PathBuf};

use clap_complete::Shell;

fn main() -> std::io::Result<()> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("dist/docs"));
    // The definition `pd-intake` parses with, each command showing only its own options.
    let mut cmd = pd_intake::cli::command();
    cmd.build();
    let completions = out.join("completions");
    std::fs::create_dir_all(&completions)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
        clap_complete::generate_to(shell, &mut cmd, "pd-intake", &completions)?;
    }
    let man = out.join("man");
    std::fs::create_dir_all(&man)?;
    page(&man, "pd-intake", cmd.clone())?;
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        // clap names are &'static str without its `string` feature; this program runs once.
        let name: &'static str = format!("pd-intake-{}", sub.get_name()).leak();
        page(&man, name, sub.clone().name(name))?;
    }
    println!("{}", out.display());
    Ok(())
}

fn page(dir: &Path, name: &str, cmd: clap::Command) -> std::io::Result<()> {
    let mut text = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut text)?;
    std::fs::write(dir.join(format!("{name}.1")), text)
}
