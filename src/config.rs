//! The clinic's settings for this laptop: who intakes are encrypted to, the clinic's name and
//! phone for the take-home sheet, and how soon an idle interview locks itself. A small YAML
//! file that `pd-intake setup` writes and staff may edit; a mistake in it is reported with its
//! line and column, never guessed around (a missing key must not turn encryption off quietly).

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::yaml::{self, Node, Value};

/// Minutes of no key press before an interview locks itself, unless the file says otherwise.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clinic {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Clinic public keys (`age1…`); empty: intakes are saved unencrypted.
    pub recipients: Vec<String>,
    pub clinic: Clinic,
    /// 0 turns the idle lock off.
    pub idle_lock_minutes: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            recipients: Vec::new(),
            clinic: Clinic::default(),
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

/// The settings file in the platform config folder (`~/.config/pd-intake/config.yaml`).
pub fn default_path() -> Option<PathBuf> {
    crate::platform::dirs::locate().map(|d| d.config_file("config.yaml"))
}

/// Reads `path` (`--config FILE`) or the default file; no file at the default place means the
/// defaults (no encryption), but a named file that is missing is an error. The first
/// version's one-line `recipient` file beside it still counts.
pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
    let (file, named) = match path {
        Some(p) => (Some(p.to_owned()), true),
        None => (default_path(), false),
    };
    let mut config = match &file {
        Some(f) => match std::fs::read_to_string(f) {
            Ok(text) => parse(&text)
                .map_err(|d| ConfigError::Invalid(d.render(&f.display().to_string())))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => Config::default(),
            Err(source) => {
                return Err(ConfigError::Io {
                    path: f.clone(),
                    source,
                });
            }
        },
        None => Config::default(),
    };
    if !named && config.recipients.is_empty() {
        if let Some(legacy) = crate::store::recipient_config_file() {
            if let Ok(Some(r)) = crate::store::crypto::configured_recipient(&legacy) {
                config.recipients.push(r);
            }
        }
    }
    Ok(config)
}

/// Parses the settings text; every problem at once, located.
pub fn parse(text: &str) -> Result<Config, Diagnostics> {
    let root = yaml::parse(text)?;
    let mut diags = Diagnostics::default();
    let mut config = Config::default();
    let entries = match &root.value {
        Value::Map(e) => e.as_slice(),
        Value::Null => &[],
        _ => {
            diags.push(Diagnostic::error(
                root.pos,
                "the settings must be a mapping",
            ));
            return Err(diags);
        }
    };
    for (key, node) in entries {
        match key.name.as_str() {
            "recipients" => match &node.value {
                Value::Null => {}
                Value::Seq(items) => {
                    for item in items {
                        match &item.value {
                            Value::Str(s) if s.trim().starts_with("age1") => {
                                config.recipients.push(s.trim().to_owned());
                            }
                            _ => diags.push(
                                Diagnostic::error(item.pos, "not an age public key")
                                    .with_hint("a clinic key starts with age1 (from pd-intake keygen or setup)"),
                            ),
                        }
                    }
                }
                _ => diags.push(Diagnostic::error(node.pos, "`recipients` must be a list of age1… keys")),
            },
            "clinic" => read_clinic(node, &mut config.clinic, &mut diags),
            "idle_lock_minutes" => match node.value {
                Value::Int(n) if (0..=240).contains(&n) => config.idle_lock_minutes = n as u32,
                _ => diags.push(
                    Diagnostic::error(node.pos, "`idle_lock_minutes` must be a whole number from 0 to 240")
                        .with_hint("0 turns the lock off; 5 is the default"),
                ),
            },
            other => diags.push(
                Diagnostic::error(key.pos, format!("unknown setting `{other}`"))
                    .with_hint("the settings are recipients, clinic (name, phone, address) and idle_lock_minutes"),
            ),
        }
    }
    if diags.0.is_empty() {
        Ok(config)
    } else {
        Err(diags)
    }
}

fn read_clinic(node: &Node, clinic: &mut Clinic, diags: &mut Diagnostics) {
    if node.value == Value::Null {
        return; // `clinic:` with nothing under it yet
    }
    let Value::Map(entries) = &node.value else {
        diags.push(Diagnostic::error(
            node.pos,
            "`clinic` must hold name, phone and address",
        ));
        return;
    };
    for (key, value) in entries {
        let slot = match key.name.as_str() {
            "name" => &mut clinic.name,
            "phone" => &mut clinic.phone,
            "address" => &mut clinic.address,
            other => {
                diags.push(Diagnostic::error(
                    key.pos,
                    format!("unknown clinic setting `{other}`"),
                ));
                continue;
            }
        };
        match &value.value {
            Value::Str(s) => *slot = Some(s.clone()),
            Value::Int(i) => *slot = Some(i.to_string()),
            Value::Null => {}
            _ => diags.push(Diagnostic::error(value.pos, "write this as text")),
        }
    }
}

/// The settings as YAML, for `setup` to write (quoted, so any name or phone stays text).
pub fn render(config: &Config) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = String::from(
        "# pd-intake settings for this laptop (written by `pd-intake setup`).\n\
         # recipients: clinic keys every intake is encrypted to. Keep the identity that opens\n\
         # them OFF this laptop.\n",
    );
    out.push_str("recipients:\n");
    for r in &config.recipients {
        out.push_str(&format!("  - {}\n", q(r)));
    }
    out.push_str("clinic:\n");
    for (k, v) in [
        ("name", &config.clinic.name),
        ("phone", &config.clinic.phone),
        ("address", &config.clinic.address),
    ] {
        if let Some(v) = v {
            out.push_str(&format!("  {k}: {}\n", q(v)));
        }
    }
    out.push_str(&format!(
        "# Minutes without a key press before an interview locks itself (0: never).\nidle_lock_minutes: {}\n",
        config.idle_lock_minutes
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_mistakes_are_located() {
        let c = Config {
            recipients: vec!["age1qqqq".into()],
            clinic: Clinic {
                name: Some("Clínica \"Esperanza\"".into()),
                phone: Some("555-0100".into()),
                address: None,
            },
            idle_lock_minutes: 3,
        };
        assert_eq!(parse(&render(&c)).unwrap(), c);
        let bare = Config::default();
        assert_eq!(parse(&render(&bare)).unwrap(), bare, "{}", render(&bare));
        let d = parse("recipients: [nope]\nidle_lock_minutes: 999\ncolour: red\n").unwrap_err();
        let text = d.render("config.yaml");
        assert!(text.contains("config.yaml:1:"), "{text}");
        assert!(text.contains("idle_lock_minutes"), "{text}");
        assert!(text.contains("unknown setting `colour`"), "{text}");
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn a_named_settings_file_that_is_missing_is_an_error_not_plaintext() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(Some(&dir.path().join("missing.yaml"))).is_err());
    }
}
