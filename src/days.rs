//! Day numbers for dates (days since 1970-01-01, proleptic Gregorian): what "days until" a
//! court date and "days since" a content check are counted with.

use crate::date::Date;

/// Days since 1970-01-01 (negative before).
pub fn day_number(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month), i64::from(d.day));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after 1970-01-01.
pub fn from_day_number(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: i32::try_from(year).unwrap_or(2000),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

/// Days from `today` to `d`: positive in the future, negative in the past.
pub fn days_until(d: Date, today: Date) -> i64 {
    day_number(d) - day_number(today)
}

/// `d` moved by `n` days.
pub fn add_days(d: Date, n: i64) -> Date {
    from_day_number(day_number(d) + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years() {
        assert_eq!(day_number(d("1970-01-01")), 0);
        assert_eq!(day_number(d("2000-03-01")) - day_number(d("2000-02-28")), 2);
        assert_eq!(day_number(d("1900-03-01")) - day_number(d("1900-02-28")), 1);
        for n in [-800_000, -1, 0, 59, 10_957, 20_000, 2_000_000] {
            assert_eq!(day_number(from_day_number(n)), n);
        }
    }

    #[test]
    fn days_until_is_signed() {
        let today = d("2026-12-01");
        assert_eq!(days_until(d("2026-12-03"), today), 2);
        assert_eq!(days_until(d("2026-11-30"), today), -1);
        assert_eq!(days_until(today, today), 0);
        assert_eq!(add_days(today, 31), d("2027-01-01"));
    }
}
