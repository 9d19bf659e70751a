//! The one thing front ends know about saving: after every answer they hand the interview to
//! an `Autosave`. The store implements it; tests and `--no-save` runs use `NoSave`.

use crate::interview::Interview;

/// Why saving failed, in words for staff (the applicant sees a fixed "please tell the staff").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError(pub String);

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SaveError {}

pub trait Autosave {
    /// Writes the whole intake (answers, language, position) durably. Called after every
    /// answer, language switch and at the end; must be cheap enough to call per key press.
    fn save(&mut self, iv: &Interview<'_>, lang: &str) -> Result<(), SaveError>;
    /// The short code the applicant can use to continue later, once one exists.
    fn code(&self) -> Option<&str>;
}

/// Keeps nothing (tests, dry runs).
#[derive(Debug, Default)]
pub struct NoSave;

impl Autosave for NoSave {
    fn save(&mut self, _: &Interview<'_>, _: &str) -> Result<(), SaveError> {
        Ok(())
    }
    fn code(&self) -> Option<&str> {
        None
    }
}
