//! Which of the global options each command takes. The options stay global, so that
//! `pd-intake score --lang es` and `pd-intake --lang es score` both work, but a command shows
//! only its own in `--help` (and the man pages), and refuses the others when given.

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches};

use super::Cli;

/// The global options (clap ids: the field names).
const GLOBAL: [&str; 8] = [
    "data_dir",
    "questions",
    "today",
    "lang",
    "plain",
    "theme",
    "mouse",
    "recipient",
];

/// The global options a command takes. A command not listed takes them all.
fn takes(command: &str) -> Option<&'static [&'static str]> {
    Some(match command {
        "check" => &["questions", "lang"],
        "score" => &["questions", "today", "lang"],
        "list" => &["data_dir"],
        "report" => &["data_dir", "questions", "today", "lang"],
        "keygen" | "schema" => &[],
        _ => return None,
    })
}

/// The command line definition, with each command's foreign global options hidden.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| GLOBAL.contains(&a.get_id().as_str()))
        .cloned()
        .collect();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let Some(own) = takes(&name) else { continue };
        // A command's own argument of the same name keeps the global one out of it: a hidden
        // stand-in, so the option is not shown there and `parse` can refuse it by name.
        cmd = cmd.mut_subcommand(&name, |mut sub| {
            for g in globals
                .iter()
                .filter(|g| !own.contains(&g.get_id().as_str()))
            {
                sub = sub.arg(g.clone().global(false).hide(true));
            }
            sub
        });
    }
    cmd
}

/// Parses the command line; a global option given to a command that does not take it is a
/// usage error (exit code 2), like any unknown option.
pub fn parse() -> Cli {
    parse_from(std::env::args_os()).unwrap_or_else(|e| e.exit())
}

pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(args)?;
    if let Some((name, sub)) = matches.subcommand() {
        if let Some(own) = takes(name) {
            if let Some(id) = foreign(sub, own) {
                let flag = format!("--{}", id.replace('_', "-"));
                let mut sub_cmd = cmd.find_subcommand_mut(name).cloned().unwrap_or_default();
                return Err(sub_cmd.error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!("`{flag}` is not an option of `pd-intake {name}`"),
                ));
            }
        }
    }
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// The first global option given on the command line that the command does not take.
fn foreign(sub: &ArgMatches, own: &[&str]) -> Option<&'static str> {
    GLOBAL
        .into_iter()
        .find(|id| !own.contains(id) && sub.value_source(id) == Some(ValueSource::CommandLine))
}

#[cfg(test)]
mod tests;
