//! Intake records on disk: autosave after every answer, resume codes, staff listing, and age
//! encryption to the clinic's key. Plain Rust, no terminal; the clock is passed in.
//!
//! Layout: one JSON file per intake in the data folder (0700; files 0600). Without a clinic
//! key a record is plaintext `CODE.json`; with one it is `<random>.json`, an envelope whose
//! name and clear fields reveal neither the code nor any answer.

pub mod atomic;
pub mod clock;
pub mod code;
pub mod crypto;
mod encrypt;
mod error;
mod find;
mod lock;
pub mod migrate;
pub mod record;
mod session;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

pub use crypto::{ClinicKey, StaffIdentity};
pub use encrypt::Converted;
pub use error::StoreError;
pub use migrate::{Changes, Restored};
pub use record::{Meta, QuestionnaireRef, Record, Status};
pub use session::Session;

use crate::answer::Answer;
use crate::date::Date;
use crate::model::{QIdx, Questionnaire};

/// scrypt work factor (2^17, 128 MiB) sealing each intake key with its resume code: paid once
/// when an intake starts and once per `resume` attempt, and by anyone guessing codes offline.
/// It is also the most `resume` accepts: a planted envelope asking for more is refused.
pub const CODE_WORK_FACTOR: u8 = 17;

/// The folder of intakes and how to write them.
#[derive(Clone)]
pub struct Store {
    dir: PathBuf,
    keys: Vec<ClinicKey>,
    clock: clock::Clock,
    work_factor: u8,
    delay_unit: Duration,
    /// Wrong codes typed in this process: the delay grows for whoever keeps guessing here, and
    /// a stranger's guesses earlier in the day never slow down the real applicant.
    failures: Arc<AtomicU32>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .field("encrypted", &self.encrypted())
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
    /// Unsubmitted texts of questions that still exist (for `Interview::set_draft`).
    pub drafts: Vec<(QIdx, String)>,
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
    let recipients: Vec<String> = recipient.map(str::to_owned).into_iter().collect();
    open_store_to(data_dir, &recipients)
}

/// `open_store` with any number of clinic keys (every one of them can open new intakes).
pub fn open_store_to(data_dir: Option<&Path>, recipients: &[String]) -> Result<Store, StoreError> {
    let dir = match data_dir {
        Some(d) => d.to_owned(),
        None => default_data_dir().ok_or(StoreError::NoDataDir)?,
    };
    let keys = recipients
        .iter()
        .map(|r| crypto::parse_recipient(r))
        .collect::<Result<Vec<_>, _>>()?;
    atomic::clean_temps(&dir, Duration::from_secs(60));
    Ok(Store {
        dir,
        keys,
        clock: clock::system(),
        work_factor: CODE_WORK_FACTOR,
        delay_unit: Duration::from_secs(1),
        failures: Arc::default(),
    })
}

/// The platform's folder for intakes.
pub fn default_data_dir() -> Option<PathBuf> {
    crate::platform::dirs::locate().map(|d| d.data_dir())
}

/// The first version's one-line clinic key file (`config.yaml` is read first).
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
        !self.keys.is_empty()
    }

    /// Writes a report for staff into `reports/` beside the intakes (0600 in a 0700 folder,
    /// atomically). A report with answers in it is refused when intakes are encrypted: it
    /// would be their plaintext. The take-home sheet (`sensitive: false`) is always allowed.
    pub fn write_report(
        &self,
        file_name: &str,
        text: &str,
        sensitive: bool,
    ) -> Result<PathBuf, StoreError> {
        if sensitive && self.encrypted() {
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
            let path = if self.encrypted() {
                self.sealed_path(&code)?
            } else {
                self.dir.join(format!("{code}.json"))
            };
            if !path.exists() {
                break (code, path);
            }
        };
        Ok(Session {
            store: self.clone(),
            recipients: self.keys.clone(),
            code,
            path,
            created: None,
            set_aside: Vec::new(),
            replaces: None,
            sealing: None,
            lock: None,
        })
    }

    /// A new encrypted record's file: the code's locator (public, independent of its secret
    /// part) and random letters.
    pub(super) fn sealed_path(&self, code: &str) -> Result<PathBuf, StoreError> {
        Ok(self
            .dir
            .join(format!("{}-{}.json", code::locator(code), random_name()?)))
    }

    /// Continues an unfinished intake. A typo in the code is caught at once; every real
    /// attempt first waits out the delay earned by wrong codes typed in this process.
    /// An intake open in another window is refused (its lock is held until that one ends;
    /// a killed process holds nothing).
    pub fn resume(
        &self,
        typed: &str,
        qn: &Questionnaire,
        today: Date,
    ) -> Result<Resumed, StoreError> {
        let code = match code::read(typed) {
            code::Typed::Code(c) | code::Typed::Legacy(c) => c,
            code::Typed::Typo => return Err(StoreError::Typo),
            code::Typed::NotACode => {
                return Err(StoreError::BadCode(typed.trim().chars().take(20).collect()));
            }
        };
        std::thread::sleep(self.delay_after(self.failures.load(Ordering::Relaxed)));
        let Some(found) = find::by_code(self, &code)? else {
            let failures = self.failures.fetch_add(1, Ordering::Relaxed) + 1;
            return Err(StoreError::NoSuchCode { code, failures });
        };
        self.failures.store(0, Ordering::Relaxed);
        let record = &found.record;
        if record.questionnaire.id != qn.id {
            return Err(StoreError::OtherQuestionnaire {
                code,
                expected: qn.id.clone(),
                found: record.questionnaire.id.clone(),
            });
        }
        let lock = lock::Lock::take(&found.path)?;
        // An encrypted intake stays encrypted to the keys it was sealed to, whatever this
        // command line says; a plaintext one moves into an envelope once a key is set up.
        let recipients = match (found.sealing.is_some(), record.recipients.is_empty()) {
            (true, false) => record
                .recipients
                .iter()
                .map(|r| crypto::parse_recipient(r))
                .collect::<Result<Vec<_>, _>>()?,
            // A first-version envelope does not say its keys: only this setup's can do.
            (true, true) if self.encrypted() => self.keys.clone(),
            (true, true) => return Err(StoreError::NeedsClinicKey),
            (false, _) => self.keys.clone(),
        };
        let restored = migrate::restore(qn, record, today);
        let path = if found.sealing.is_none() && !recipients.is_empty() {
            self.sealed_path(&code)?
        } else {
            found.path.clone()
        };
        let replaces = (path != found.path).then(|| found.path.clone());
        let session = Session {
            store: self.clone(),
            recipients,
            lock: Some(lock),
            code,
            path,
            created: Some(record.created.clone()),
            set_aside: restored.set_aside,
            replaces,
            sealing: found.sealing,
        };
        let drafts = record
            .drafts
            .iter()
            .filter_map(|(id, t)| qn.question_index(id).map(|q| (q, t.clone())))
            .collect();
        Ok(Resumed {
            answers: restored.answers,
            drafts,
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

/// Writes a file only its owner can read (0600), atomically (reports staff ask for).
pub fn write_private_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    atomic::write_atomic(path, bytes)
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
