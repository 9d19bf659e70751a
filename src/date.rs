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

    /// Whole years elapsed from `self` to `today` (negative if `self` is later).
    pub fn whole_years_until(self, today: Date) -> i64 {
        let mut years = i64::from(today.year) - i64::from(self.year);
        if (today.month, today.day) < (self.month, self.day) {
            years -= 1;
        }
        years
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
