//! Timestamps for records: the store's only use of the clock, passed in so tests can fix it.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Returns "now" as ISO-8601 UTC (`2026-03-04T15:09:26Z`).
pub type Clock = Arc<dyn Fn() -> String + Send + Sync>;

pub fn system() -> Clock {
    Arc::new(|| {
        iso8601(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        )
    })
}

/// A clock that always says `at` (tests).
pub fn fixed(at: &str) -> Clock {
    let at = at.to_owned();
    Arc::new(move || at.clone())
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (civil-from-days, proleptic Gregorian).
pub fn iso8601(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_instants() {
        assert_eq!(super::iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(super::iso8601(1_772_636_966), "2026-03-04T15:09:26Z");
    }
}
