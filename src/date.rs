//! A calendar date without time zones: the engine's only notion of time.
//! `today` is always passed in, never read from the clock inside the engine.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly; no times, no other separators).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Parses a date as a person types it in `lang`: always `YYYY-MM-DD`; in Spanish also
    /// day/month/year (`15/03/2027`, `15-3-2027`, `15.03.2027`); in English also
    /// month/day/year (`03/15/2027`), as US forms are written. The year has 4 digits: a
    /// two-digit year would make the century a guess.
    pub fn parse_typed(s: &str, lang: &str) -> Option<Date> {
        let s = s.trim();
        if let Some(d) = Date::parse(s) {
            return Some(d);
        }
        let seps: &[char] = if lang == "es" {
            &['/', '-', '.']
        } else {
            &['/']
        };
        let parts: Vec<&str> = s.split(seps).map(str::trim).collect();
        let [a, b, y] = parts.as_slice() else {
            return None;
        };
        let small = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
        if !(small(a) && small(b) && y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit())) {
            return None;
        }
        let (a, b): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
        let (day, month) = if lang == "es" { (a, b) } else { (b, a) };
        Date::new(y.parse().ok()?, month, day)
    }

    /// Whole years elapsed from `self` to `today` (negative if `self` is later).
    pub fn whole_years_until(self, today: Date) -> i64 {
        let mut years = i64::from(today.year) - i64::from(self.year);
        if (today.month, today.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }
}

/// Today in the computer's own time zone (the clinic's), as the interview's `today`.
/// If the zone cannot be read, jiff falls back to UTC, the best remaining guess.
pub fn local_today() -> Date {
    let now = jiff::ZonedDateTime::now().date();
    Date {
        year: i32::from(now.year()),
        month: u8::try_from(now.month()).unwrap_or(1),
        day: u8::try_from(now.day()).unwrap_or(1),
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_and_rejects_invalid() {
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2023-13-01").is_none());
        assert!(Date::parse("2023-1-01").is_none());
        assert!(Date::parse("20230101").is_none());
        assert!(Date::parse("2023-01-01T00:00").is_none());
        assert!(Date::parse("").is_none());
        assert_eq!(Date::parse("2009-06-15").unwrap().to_string(), "2009-06-15");
    }

    #[test]
    fn typed_dates_follow_the_interview_language() {
        let march_15 = Date::new(2027, 3, 15);
        assert_eq!(Date::parse_typed("15/03/2027", "es"), march_15);
        assert_eq!(Date::parse_typed("15-3-2027", "es"), march_15);
        assert_eq!(Date::parse_typed("15.03.2027", "es"), march_15);
        assert_eq!(Date::parse_typed("03/15/2027", "en"), march_15);
        assert_eq!(Date::parse_typed("3/15/2027", "en"), march_15);
        assert_eq!(Date::parse_typed("2027-03-15", "en"), march_15);
        assert_eq!(Date::parse_typed("2027-03-15", "es"), march_15);
        // Day first in Spanish, month first in English: the same digits, another day.
        assert_eq!(Date::parse_typed("04/03/2027", "es"), Date::new(2027, 3, 4));
        assert_eq!(Date::parse_typed("04/03/2027", "en"), Date::new(2027, 4, 3));
        // Impossible or ambiguous forms are refused, never guessed.
        assert_eq!(Date::parse_typed("15/03/2027", "en"), None, "no month 15");
        assert_eq!(Date::parse_typed("31/02/2027", "es"), None);
        assert_eq!(Date::parse_typed("15/03/27", "es"), None, "2-digit year");
        assert_eq!(Date::parse_typed("15-03-2027", "en"), None);
        assert_eq!(Date::parse_typed("", "es"), None);
    }

    #[test]
    fn local_today_is_a_real_date() {
        let d = local_today();
        assert!(
            Date::new(d.year, d.month, d.day).is_some() && d.year >= 2024,
            "{d}"
        );
    }

    #[test]
    fn whole_years_count_birthdays() {
        let today = Date::parse("2026-11-27").unwrap();
        assert_eq!(
            Date::parse("2016-11-27").unwrap().whole_years_until(today),
            10
        );
        assert_eq!(
            Date::parse("2016-11-28").unwrap().whole_years_until(today),
            9
        );
        assert_eq!(
            Date::parse("2027-01-01").unwrap().whole_years_until(today),
            -1
        );
    }
}
