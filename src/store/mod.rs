//! Intake records on disk: autosave after every answer, resume codes, staff listing, and age
//! encryption to the clinic's key. Plain Rust, no terminal; the clock is passed in.
//!
//! Layout: one JSON file per intake in the data folder (0700; files 0600). Without a clinic
//! key a record is plaintext `CODE.json`; with one it is `<random>.json`, an envelope whose
//! name and clear fields reveal neither the code nor any answer.

mod atomic;
pub mod clock;
pub mod code;
pub mod crypto;
mod find;
pub mod migrate;
pub mod record;
mod session;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use crypto::{ClinicKey, StaffIdentity};
pub use migrate::{Changes, Restored};
pub use record::{Meta, QuestionnaireRef, Record, Status};
pub use session::Session;

use crate::answer::Answer;
use crate::date::Date;
use crate::model::{QIdx, Questionnaire};

/// scrypt work factor (2^16, 64 MiB) sealing each intake key with its resume code: paid once
/// when an intake starts and once per `resume` attempt, and by anyone guessing codes offline.
pub const CODE_WORK_FACTOR: u8 = 16;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is damaged and was left untouched: {why}")]
    Corrupt { path: PathBuf, why: String },
    #[error(
        "{path} was saved by a newer pd-intake (record format {format}); it was left untouched — update pd-intake to open it"
    )]
    NewerFormat { path: PathBuf, format: u64 },
    #[error("`{0}` is not a resume code (codes look like K7P-2QX)")]
    BadCode(String),
    #[error("no unfinished intake has the code {code}")]
    NoSuchCode { code: String, failures: u32 },
    #[error("the intake {code} is finished; staff can open it")]
    Finished { code: String },
    #[error("{path} is encrypted; staff can open it with --identity FILE")]
    Locked { path: PathBuf },
    #[error("no saved intake matches `{0}` (encrypted intakes need --identity FILE)")]
    NotFound(String),
    #[error("the intake {code} was answered with the questionnaire `{found}`, not `{expected}`")]
    OtherQuestionnaire {
        code: String,
        expected: String,
        found: String,
    },
    #[error("not an age public key (age1…): {0}")]
    BadRecipient(String),
    #[error("cannot read the identity {path}: {why}")]
    BadIdentity { path: PathBuf, why: String },
    #[error("encryption failed: {0}")]
    Crypto(String),
    #[error("this pd-intake was built without encryption (cargo feature `encryption`)")]
    NoEncryption,
    #[error("no data folder: pass --data-dir DIR")]
    NoDataDir,
    #[error("the operating system's randomness is unavailable: {0}")]
    Random(String),
}

/// The folder of intakes and how to write them.
#[derive(Clone)]
pub struct Store {
    dir: PathBuf,
    key: Option<ClinicKey>,
    clock: clock::Clock,
    work_factor: u8,
    delay_unit: Duration,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .field("encrypted", &self.key.is_some())
            .finish()
    }
}

/// What `resume` hands back to a front end.
#[derive(Debug)]
pub struct Resumed {
    /// One slot per question of the questionnaire given (for `Interview::with_answers`).
    pub answers: Vec<Option<Answer>>,
    pub language: String,
    /// Where the applicant stood (if that question still exists).
    pub position: Option<QIdx>,
    /// Some when the questionnaire file changed since the record was saved.
    pub changes: Option<Changes>,
    /// Keeps saving to the same record.
    pub session: Session,
}

/// One line of `list`.
#[derive(Debug)]
pub struct Listing {
    pub path: PathBuf,
    /// None for an encrypted intake opened without (the right) identity.
    pub code: Option<String>,
    pub meta: Meta,
    pub encrypted: bool,
}

/// Opens the store in `data_dir` (default: the platform's local data folder), encrypting to
/// `recipient` (`age1…`) when given. Touches nothing on disk but stale temp files.
pub fn open_store(data_dir: Option<&Path>, recipient: Option<&str>) -> Result<Store, StoreError> {
    let dir = match data_dir {
        Some(d) => d.to_owned(),
        None => crate::platform::dirs::locate()
            .map(|d| d.data_dir())
            .ok_or(StoreError::NoDataDir)?,
    };
    let key = recipient.map(crypto::parse_recipient).transpose()?;
    atomic::clean_temps(&dir, Duration::from_secs(60));
    Ok(Store {
        dir,
        key,
        clock: clock::system(),
        work_factor: CODE_WORK_FACTOR,
        delay_unit: Duration::from_secs(1),
    })
}

/// The clinic key to use: `--recipient` if given, else the `recipient` file in the platform
/// config folder (`~/.config/pd-intake/recipient` on Linux), else none (plaintext).
pub fn resolve_recipient(flag: Option<&str>) -> Result<Option<String>, StoreError> {
    match flag {
        Some(k) => Ok(Some(k.trim().to_owned())),
        None => match recipient_config_file() {
            Some(path) => crypto::configured_recipient(&path),
            None => Ok(None),
        },
    }
}

/// Where the clinic's public key is configured.
pub fn recipient_config_file() -> Option<PathBuf> {
    crate::platform::dirs::locate().map(|d| d.config_file("recipient"))
}

/// Reads a clinic identity file (from `keygen`).
pub fn read_identity(path: &Path) -> Result<StaffIdentity, StoreError> {
    crypto::read_identity(path)
}

/// A saved intake for staff (reports): `what` is a record file or a resume code.
pub fn load_record(
    data_dir: Option<&Path>,
    what: &str,
    identity: Option<&Path>,
) -> Result<Record, StoreError> {
    let store = open_store(data_dir, None)?;
    let identity = identity.map(read_identity).transpose()?;
    store.load_record(what, identity.as_ref())
}

impl Store {
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether intakes are encrypted (the welcome screen warns staff when not).
    pub fn encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Writes a report for staff into `reports/` beside the intakes (0600 in a 0700 folder,
    /// atomically). Refused when intakes are encrypted: a report would be their plaintext.
    pub fn write_report(&self, file_name: &str, text: &str) -> Result<PathBuf, StoreError> {
        if self.encrypted() {
            return Err(StoreError::Crypto(
                "reports are not written in the clear when intakes are encrypted".into(),
            ));
        }
        let dir = self.dir.join("reports");
        let io_err = |source| StoreError::Io {
            path: dir.clone(),
            source,
        };
        atomic::ensure_private_dir(&self.dir).map_err(io_err)?;
        atomic::ensure_private_dir(&dir).map_err(io_err)?;
        let path = dir.join(file_name);
        atomic::write_atomic(&path, text.as_bytes()).map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(path)
    }

    /// Replaces the clock (tests).
    pub fn with_clock(mut self, clock: clock::Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Replaces the scrypt work factor of new resume envelopes (tests, benchmarks).
    pub fn with_work_factor(mut self, log_n: u8) -> Self {
        self.work_factor = log_n.clamp(1, 30);
        self
    }

    /// Replaces the unit of the growing delay after wrong codes (tests).
    pub fn with_delay_unit(mut self, unit: Duration) -> Self {
        self.delay_unit = unit;
        self
    }

    /// A new intake; its record and code come into being at the first answer.
    pub fn new_session(&self) -> Result<Session, StoreError> {
        let (code, path) = loop {
            let code = code::generate().map_err(|e| StoreError::Random(e.to_string()))?;
            let name = if self.key.is_some() {
                random_name()?
            } else {
                code.clone()
            };
            let path = self.dir.join(format!("{name}.json"));
            if !path.exists() {
                break (code, path);
            }
        };
        Ok(Session {
            store: self.clone(),
            code,
            path,
            created: None,
            set_aside: Vec::new(),
            replaces: None,
            sealing: None,
        })
    }

    /// Continues an unfinished intake. Every attempt first waits out the delay earned by
    /// earlier wrong codes (growing, so guessing is slow even across restarts).
    pub fn resume(
        &self,
        typed: &str,
        qn: &Questionnaire,
        today: Date,
    ) -> Result<Resumed, StoreError> {
        let code = code::normalize(typed)
            .ok_or_else(|| StoreError::BadCode(typed.trim().chars().take(20).collect()))?;
        std::thread::sleep(self.delay_after(find::failures(&self.dir)));
        let Some(found) = find::by_code(self, &code)? else {
            let failures = find::note_failure(&self.dir);
            return Err(StoreError::NoSuchCode { code, failures });
        };
        find::clear_failures(&self.dir);
        let record = &found.record;
        if record.questionnaire.id != qn.id {
            return Err(StoreError::OtherQuestionnaire {
                code,
                expected: qn.id.clone(),
                found: record.questionnaire.id.clone(),
            });
        }
        let restored = migrate::restore(qn, record, today);
        let path = match (&self.key, found.sealing.is_some()) {
            // A plaintext intake resumed after a clinic key was configured moves into an envelope.
            (Some(_), false) => self.dir.join(format!("{}.json", random_name()?)),
            _ => found.path.clone(),
        };
        let replaces = (path != found.path).then(|| found.path.clone());
        let session = Session {
            store: self.clone(),
            code,
            path,
            created: Some(record.created.clone()),
            set_aside: restored.set_aside,
            replaces,
            sealing: found.sealing,
        };
        Ok(Resumed {
            answers: restored.answers,
            language: record.language.clone(),
            position: restored.position,
            changes: restored.changes,
            session,
        })
    }

    /// The wait before an attempt after `failures` wrong codes: 0, 1, 2, 4 … 60 seconds.
    pub fn delay_after(&self, failures: u32) -> Duration {
        match failures {
            0 => Duration::ZERO,
            n => (self.delay_unit * 2u32.saturating_pow(n - 1)).min(self.delay_unit * 60),
        }
    }

    /// Every intake file, newest first; damaged ones are listed with their error, never
    /// touched. Without `identity`, encrypted intakes show only their clear metadata.
    pub fn list(&self, identity: Option<&StaffIdentity>) -> Vec<Result<Listing, StoreError>> {
        let mut out: Vec<Result<Listing, StoreError>> = find::record_files(&self.dir)
            .into_iter()
            .map(|p| find::listing(&p, identity))
            .collect();
        out.sort_by(|a, b| match (a, b) {
            (Ok(a), Ok(b)) => b.meta.updated.cmp(&a.meta.updated),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(a), Err(b)) => a.to_string().cmp(&b.to_string()),
        });
        out
    }

    /// A saved intake for staff: `what` is a record file or a resume code.
    pub fn load_record(
        &self,
        what: &str,
        identity: Option<&StaffIdentity>,
    ) -> Result<Record, StoreError> {
        let as_path = Path::new(what);
        if as_path.is_file() {
            return find::open_file(as_path, identity);
        }
        let code = code::normalize(what).ok_or_else(|| StoreError::NotFound(what.to_owned()))?;
        let plain = self.dir.join(format!("{code}.json"));
        if plain.is_file() {
            return find::open_file(&plain, identity);
        }
        if let Some(id) = identity {
            for path in find::record_files(&self.dir) {
                if let Ok(r) = find::open_file(&path, Some(id)) {
                    if r.code == code {
                        return Ok(r);
                    }
                }
            }
        }
        Err(StoreError::NotFound(what.to_owned()))
    }
}

fn random_name() -> Result<String, StoreError> {
    let mut b = [0u8; 8];
    getrandom::fill(&mut b).map_err(|e| StoreError::Random(e.to_string()))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// Writes a new clinic identity to `path` (0600; never over an existing file) and returns its
/// public key (`age1…`).
pub fn write_identity(path: &Path) -> Result<String, StoreError> {
    if !crypto::AVAILABLE {
        return Err(StoreError::NoEncryption);
    }
    let (text, public) = crypto::keygen(&(clock::system())());
    let io = |e| StoreError::Io {
        path: path.to_owned(),
        source: e,
    };
    let mut f = atomic::create_private(path).map_err(io)?;
    std::io::Write::write_all(&mut f, text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(io)?;
    Ok(public)
}
