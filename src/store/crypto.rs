//! age encryption of intakes (feature `encryption`).
//!
//! Each intake gets its own X25519 key. Every save encrypts the record to the clinic's key and
//! to the intake key (two X25519 recipients: cheap enough for every answer). The intake key is
//! sealed once with the resume code through age's scrypt (slow on purpose: it is what a guessed
//! code has to pay), so the applicant can open their own unfinished intake and nobody else can.
//! age refuses scrypt mixed with other recipients, hence this wrapped-key design.

use std::path::Path;

use super::StoreError;

#[cfg(feature = "encryption")]
mod imp {
    use std::io::{Read, Write};
    use std::iter;
    use std::path::Path;
    use std::str::FromStr;

    use age::armor::{ArmoredReader, ArmoredWriter, Format};
    use age::secrecy::{ExposeSecret, SecretString};
    use age::{Decryptor, Encryptor, Identity, Recipient, scrypt, x25519};

    use super::StoreError;

    /// The clinic's public key (`age1…`).
    #[derive(Clone)]
    pub struct ClinicKey(pub(super) x25519::Recipient);

    /// The clinic's secret identity, for staff commands.
    pub struct StaffIdentity(pub(super) x25519::Identity);

    /// One intake's own key, in memory only (on disk only sealed with the resume code).
    #[derive(Clone)]
    pub struct IntakeKey(pub(super) x25519::Identity);

    impl std::fmt::Debug for ClinicKey {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "ClinicKey({})", self.0)
        }
    }

    impl std::fmt::Debug for IntakeKey {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("IntakeKey(..)")
        }
    }

    impl ClinicKey {
        /// The public key as staff write it (`age1…`).
        pub fn public(&self) -> String {
            self.0.to_string()
        }
    }

    pub fn parse_recipient(s: &str) -> Result<ClinicKey, StoreError> {
        x25519::Recipient::from_str(s.trim())
            .map(ClinicKey)
            .map_err(|e| StoreError::BadRecipient(format!("{}: {e}", s.trim())))
    }

    impl StaffIdentity {
        /// The public key that encrypts to this identity (`age1…`).
        pub fn public(&self) -> String {
            self.0.to_public().to_string()
        }
    }

    pub fn read_identity(path: &Path) -> Result<StaffIdentity, StoreError> {
        let bad = |why: String| StoreError::BadIdentity {
            path: path.to_owned(),
            why,
        };
        let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
        let line = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .ok_or_else(|| bad("no AGE-SECRET-KEY line".into()))?;
        x25519::Identity::from_str(line)
            .map(StaffIdentity)
            .map_err(|e| bad(e.to_string()))
    }

    /// A new clinic identity: (file text with comments, public key).
    pub fn keygen(created: &str) -> (String, String) {
        let id = x25519::Identity::generate();
        let public = id.to_public().to_string();
        let text = format!(
            "# created: {created}\n# public key: {public}\n{}\n",
            id.to_string().expose_secret()
        );
        (text, public)
    }

    /// A fresh intake key (the clinic key argument only proves encryption is on).
    pub fn new_intake_key(_: &ClinicKey) -> IntakeKey {
        IntakeKey(x25519::Identity::generate())
    }

    /// Encrypts a record to the clinic keys and, while unfinished, the intake key (armored
    /// text). Refuses to write with no clinic key at all.
    pub fn seal(
        clinic: &[ClinicKey],
        intake: Option<&IntakeKey>,
        plain: &[u8],
    ) -> Result<String, StoreError> {
        if clinic.is_empty() {
            return Err(StoreError::Crypto("no clinic key to encrypt to".into()));
        }
        let intake_public = intake.map(|k| k.0.to_public());
        let mut recipients: Vec<&dyn Recipient> =
            clinic.iter().map(|k| &k.0 as &dyn Recipient).collect();
        if let Some(p) = &intake_public {
            recipients.push(p);
        }
        let enc = Encryptor::with_recipients(recipients.into_iter())
            .map_err(|e| StoreError::Crypto(e.to_string()))?;
        armored(enc, plain)
    }

    /// Seals the intake key with the resume code (scrypt at `2^work_factor`).
    pub fn wrap_key(key: &IntakeKey, code: &str, work_factor: u8) -> Result<String, StoreError> {
        let mut r = scrypt::Recipient::new(SecretString::from(code.to_owned()));
        r.set_work_factor(work_factor);
        let enc = Encryptor::with_recipients(iter::once(&r as &dyn Recipient))
            .map_err(|e| StoreError::Crypto(e.to_string()))?;
        armored(enc, key.0.to_string().expose_secret().as_bytes())
    }

    /// Opens a sealed intake key with a code; None when the code is not this one.
    pub fn unwrap_key(sealed: &str, code: &str, max_work_factor: u8) -> Option<IntakeKey> {
        let mut id = scrypt::Identity::new(SecretString::from(code.to_owned()));
        id.set_max_work_factor(max_work_factor);
        let plain = open(sealed, &id).ok()?;
        let text = String::from_utf8(plain).ok()?;
        x25519::Identity::from_str(text.trim()).ok().map(IntakeKey)
    }

    pub fn open_with_intake(sealed: &str, key: &IntakeKey) -> Result<Vec<u8>, String> {
        open(sealed, &key.0)
    }

    pub fn open_with_staff(sealed: &str, id: &StaffIdentity) -> Result<Vec<u8>, String> {
        open(sealed, &id.0)
    }

    fn armored(enc: Encryptor, plain: &[u8]) -> Result<String, StoreError> {
        let crypto = |e: std::io::Error| StoreError::Crypto(e.to_string());
        let mut out = Vec::with_capacity(plain.len() * 4 / 3 + 512);
        let armor = ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).map_err(crypto)?;
        let mut w = enc.wrap_output(armor).map_err(crypto)?;
        w.write_all(plain).map_err(crypto)?;
        w.finish().and_then(ArmoredWriter::finish).map_err(crypto)?;
        String::from_utf8(out).map_err(|e| StoreError::Crypto(e.to_string()))
    }

    fn open(sealed: &str, identity: &dyn Identity) -> Result<Vec<u8>, String> {
        let dec = Decryptor::new_buffered(ArmoredReader::new(sealed.as_bytes()))
            .map_err(|e| e.to_string())?;
        let mut r = dec.decrypt(iter::once(identity)).map_err(|e| match e {
            // age's own message for this one does arithmetic that can overflow.
            age::DecryptError::ExcessiveWork { required, .. } => {
                format!("refused: it asks for scrypt work factor {required}")
            }
            e => e.to_string(),
        })?;
        let mut plain = Vec::new();
        r.read_to_end(&mut plain).map_err(|e| e.to_string())?;
        Ok(plain)
    }
}

/// Stand-ins when built without `encryption`: every key is refused with a clear message.
#[cfg(not(feature = "encryption"))]
mod imp {
    use std::path::Path;

    use super::StoreError;

    #[derive(Debug, Clone)]
    pub enum ClinicKey {}
    pub enum StaffIdentity {}
    #[derive(Debug, Clone)]
    pub enum IntakeKey {}

    impl ClinicKey {
        pub fn public(&self) -> String {
            match *self {}
        }
    }
    pub fn parse_recipient(_: &str) -> Result<ClinicKey, StoreError> {
        Err(StoreError::NoEncryption)
    }
    impl StaffIdentity {
        pub fn public(&self) -> String {
            match *self {}
        }
    }
    pub fn read_identity(_: &Path) -> Result<StaffIdentity, StoreError> {
        Err(StoreError::NoEncryption)
    }
    pub fn keygen(_: &str) -> (String, String) {
        (String::new(), String::new())
    }
    pub fn new_intake_key(k: &ClinicKey) -> IntakeKey {
        match *k {}
    }
    pub fn seal(_: &[ClinicKey], _: Option<&IntakeKey>, _: &[u8]) -> Result<String, StoreError> {
        Err(StoreError::NoEncryption)
    }
    pub fn wrap_key(k: &IntakeKey, _: &str, _: u8) -> Result<String, StoreError> {
        match *k {}
    }
    pub fn unwrap_key(_: &str, _: &str, _: u8) -> Option<IntakeKey> {
        None
    }
    pub fn open_with_intake(_: &str, k: &IntakeKey) -> Result<Vec<u8>, String> {
        match *k {}
    }
    pub fn open_with_staff(_: &str, k: &StaffIdentity) -> Result<Vec<u8>, String> {
        match *k {}
    }
}

pub use imp::*;

/// Whether this build can encrypt.
pub const AVAILABLE: bool = cfg!(feature = "encryption");

/// The clinic key from the config folder: a file `recipient` holding one `age1…` line
/// (lines starting with `#` are comments). None when there is no such file.
pub fn configured_recipient(config_file: &Path) -> Result<Option<String>, StoreError> {
    match std::fs::read_to_string(config_file) {
        Ok(text) => Ok(text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::Io {
            path: config_file.to_owned(),
            source: e,
        }),
    }
}
