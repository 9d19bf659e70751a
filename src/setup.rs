//! What the front ends are told about the setup they run in (contract 7), so that their words
//! never promise more than the setup gives and the interview locks itself when left alone.

use std::time::Duration;

/// The default minutes without a key before an interview locks itself (the settings file's
/// default too).
pub use crate::config::DEFAULT_IDLE_LOCK_MINUTES;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    /// Intakes are encrypted to a clinic key: only then may a screen say that only the
    /// clinic's staff will see an answer, and the summary never writes the staff report in
    /// the clear.
    pub encrypted: bool,
    /// Minutes without a key before the interview locks (0: never).
    pub idle_lock_minutes: u32,
    /// Seconds instead of minutes, for tests of the idle lock (not a setting for clinics).
    #[doc(hidden)]
    pub idle_lock_seconds: Option<u32>,
}

impl Default for Setup {
    /// Unencrypted (the screens then say so) and the default idle lock.
    fn default() -> Self {
        Setup {
            encrypted: false,
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
            idle_lock_seconds: None,
        }
    }
}

impl Setup {
    /// How long without a key before the interview locks, if it ever does.
    pub fn idle_lock(&self) -> Option<Duration> {
        let secs = match self.idle_lock_seconds {
            Some(s) => u64::from(s),
            None => u64::from(self.idle_lock_minutes) * 60,
        };
        (secs > 0).then(|| Duration::from_secs(secs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_lock_is_five_minutes_by_default_and_zero_turns_it_off() {
        assert_eq!(Setup::default().idle_lock(), Some(Duration::from_secs(300)));
        let off = Setup {
            idle_lock_minutes: 0,
            ..Setup::default()
        };
        assert_eq!(off.idle_lock(), None);
        let test = Setup {
            idle_lock_seconds: Some(2),
            ..Setup::default()
        };
        assert_eq!(test.idle_lock(), Some(Duration::from_secs(2)));
    }
}
