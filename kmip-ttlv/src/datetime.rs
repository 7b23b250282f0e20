//! ISO 8601 date-times for the XML and JSON encodings: pure arithmetic on
//! the proleptic Gregorian calendar, no clock.
//!
//! KMIP Profiles (XML encoding): Date-Time values are ISO 8601 with a time
//! zone offset, e.g. `2001-01-01T10:00:00+10:00`; fractional seconds are
//! ignored for Date-Time and carry the microseconds of a Date-Time Extended.

use std::fmt::Write as _;

/// Seconds from 1970-01-01T00:00:00Z to 0000-01-01T00:00:00Z.
const MIN_SECONDS: i64 = -62_167_219_200;
/// Seconds from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
const MAX_SECONDS: i64 = 253_402_300_799;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (`civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// `YYYY-MM-DDTHH:MM:SS+00:00` for `seconds` since the epoch, or `None`
/// outside years 0000–9999.
pub(crate) fn format_seconds(seconds: i64) -> Option<String> {
    if !(MIN_SECONDS..=MAX_SECONDS).contains(&seconds) {
        return None;
    }
    let mut out = format_date_time(seconds);
    out.push_str("+00:00");
    Some(out)
}

/// `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` for `micros` since the epoch, or
/// `None` outside years 0000–9999.
pub(crate) fn format_micros(micros: i64) -> Option<String> {
    let seconds = micros.div_euclid(1_000_000);
    if !(MIN_SECONDS..=MAX_SECONDS).contains(&seconds) {
        return None;
    }
    let mut out = format_date_time(seconds);
    write!(out, ".{:06}+00:00", micros.rem_euclid(1_000_000)).ok()?;
    Some(out)
}

fn format_date_time(seconds: i64) -> String {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    let rest = seconds.rem_euclid(86_400);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}", rest / 3600, rest / 60 % 60, rest % 60)
}

/// A parsed ISO 8601 date-time: seconds since the epoch and the fraction of
/// a second in microseconds (digits beyond the sixth are dropped).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Instant {
    pub(crate) seconds: i64,
    pub(crate) micros: u32,
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`. A missing zone
/// is read as UTC. `None` if the text is not such a date-time or names an
/// impossible date or time.
pub(crate) fn parse(text: &str) -> Option<Instant> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(range)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        part.iter().try_fold(0i64, |acc, d| acc.checked_mul(10)?.checked_add(i64::from(d - b'0')))
    };
    let sep = |i: usize, c: u8| b.get(i).is_some_and(|&x| x == c);
    if !(sep(4, b'-') && sep(7, b'-') && (sep(10, b'T') || sep(10, b't')) && sep(13, b':') && sep(16, b':')) {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    let mut micros = 0u32;
    if sep(i, b'.') || sep(i, b',') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 6 {
                micros = micros * 10 + u32::from(b[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start)..6 {
            micros *= 10;
        }
    }
    let offset = match b.get(i) {
        None => 0,
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(&sign @ (b'+' | b'-')) if b.len() == i + 6 && sep(i + 3, b':') => {
            let (oh, om) = (digits(i + 1..i + 3)?, digits(i + 4..i + 6)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let minutes = oh * 60 + om;
            if sign == b'+' { minutes } else { -minutes }
        }
        _ => return None,
    };
    // A leap second (:60) is read as the next second: POSIX time has none.
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset * 60;
    Some(Instant { seconds, micros })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_spec_example() {
        assert_eq!(format_seconds(0).as_deref(), Some("1970-01-01T00:00:00+00:00"));
        // KMIP 1.4 §9.1.2: 0x47DA67F8 is Friday, March 14, 2008, 11:56:40 GMT.
        assert_eq!(format_seconds(0x47DA_67F8).as_deref(), Some("2008-03-14T11:56:40+00:00"));
        assert_eq!(parse("2008-03-14T11:56:40+00:00"), Some(Instant { seconds: 0x47DA_67F8, micros: 0 }));
    }

    #[test]
    fn offsets_and_zulu() {
        let utc = parse("2001-01-01T00:00:00Z").expect("valid").seconds;
        assert_eq!(parse("2001-01-01T10:00:00+10:00").map(|i| i.seconds), Some(utc));
        assert_eq!(parse("2000-12-31T14:30:00-09:30").map(|i| i.seconds), Some(utc));
        assert_eq!(parse("2001-01-01T00:00:00").map(|i| i.seconds), Some(utc));
    }

    #[test]
    fn before_the_epoch_and_leap_years() {
        assert_eq!(format_seconds(-1).as_deref(), Some("1969-12-31T23:59:59+00:00"));
        assert_eq!(parse("1969-12-31T23:59:59Z").map(|i| i.seconds), Some(-1));
        assert_eq!(parse("2000-02-29T00:00:00Z").map(|i| i.seconds), Some(951_782_400));
        assert_eq!(format_seconds(951_782_400).as_deref(), Some("2000-02-29T00:00:00+00:00"));
        assert_eq!(parse("1900-02-29T00:00:00Z"), None);
        assert_eq!(parse("2023-02-29T00:00:00Z"), None);
        assert_eq!(parse("2024-02-29T00:00:00Z").map(|i| i.seconds), Some(1_709_164_800));
    }

    #[test]
    fn range_limits() {
        assert_eq!(format_seconds(MIN_SECONDS).as_deref(), Some("0000-01-01T00:00:00+00:00"));
        assert_eq!(format_seconds(MAX_SECONDS).as_deref(), Some("9999-12-31T23:59:59+00:00"));
        assert_eq!(format_seconds(MAX_SECONDS + 1), None);
        assert_eq!(format_seconds(i64::MIN), None);
        assert_eq!(parse("0000-01-01T00:00:00Z").map(|i| i.seconds), Some(MIN_SECONDS));
        assert_eq!(parse("9999-12-31T23:59:59Z").map(|i| i.seconds), Some(MAX_SECONDS));
    }

    #[test]
    fn offsets_can_leave_the_range() {
        // Valid text whose instant falls outside years 0000–9999: read, but
        // written back by the encodings in hex (format returns None).
        let before = parse("0000-01-01T00:00:00+01:00").expect("valid").seconds;
        assert_eq!(before, MIN_SECONDS - 3600);
        assert_eq!(format_seconds(before), None);
        let after = parse("9999-12-31T23:59:59-01:00").expect("valid").seconds;
        assert_eq!(after, MAX_SECONDS + 3600);
        assert_eq!(format_seconds(after), None);
        assert_eq!(
            format_micros(MAX_SECONDS * 1_000_000 + 999_999).as_deref(),
            Some("9999-12-31T23:59:59.999999+00:00")
        );
        assert_eq!(format_micros((MAX_SECONDS + 1) * 1_000_000), None);
        assert_eq!(parse("10000-01-01T00:00:00Z"), None);
        assert_eq!(parse("-0001-01-01T00:00:00Z"), None);
    }

    #[test]
    fn leap_days_with_offsets() {
        // 2000 is a leap year (divisible by 400), 1900 and 2100 are not.
        let leap = parse("2000-02-29T10:00:00+10:00").expect("valid").seconds;
        assert_eq!(format_seconds(leap).as_deref(), Some("2000-02-29T00:00:00+00:00"));
        assert_eq!(format_seconds(leap - 1).as_deref(), Some("2000-02-28T23:59:59+00:00"));
        assert_eq!(format_seconds(leap + 86_400).as_deref(), Some("2000-03-01T00:00:00+00:00"));
        assert_eq!(parse("2100-02-29T00:00:00Z"), None);
        assert_eq!(parse("1600-02-29T00:00:00Z").map(|i| i.seconds), Some(days_from_civil(1600, 2, 29) * 86_400));
        assert_eq!(civil_from_days(days_from_civil(1600, 2, 29)), (1600, 2, 29));
        assert_eq!(parse("2000-03-01T00:00:00+10:00").map(|i| i.seconds), Some(951_868_800 - 36_000));
        assert_eq!(parse("2000-12-31T23:59:60Z").map(|i| i.seconds), parse("2001-01-01T00:00:00Z").map(|i| i.seconds));
    }

    #[test]
    fn every_day_round_trips() {
        let mut seconds = MIN_SECONDS;
        while seconds <= MAX_SECONDS {
            let text = format_seconds(seconds).expect("in range");
            assert_eq!(parse(&text).map(|i| i.seconds), Some(seconds), "{text}");
            seconds += 86_400 * 7 + 3_601;
        }
    }

    #[test]
    fn microseconds() {
        assert_eq!(format_micros(-1).as_deref(), Some("1969-12-31T23:59:59.999999+00:00"));
        assert_eq!(parse("1969-12-31T23:59:59.999999+00:00"), Some(Instant { seconds: -1, micros: 999_999 }));
        assert_eq!(parse("2020-01-01T00:00:00.5Z").map(|i| i.micros), Some(500_000));
        assert_eq!(parse("2020-01-01T00:00:00.1234567Z").map(|i| i.micros), Some(123_456));
    }

    #[test]
    fn malformed() {
        for bad in [
            "",
            "2001-01-01",
            "2001-13-01T00:00:00Z",
            "2001-01-32T00:00:00Z",
            "2001-01-01T24:00:00Z",
            "2001-01-01T00:60:00Z",
            "2001-01-01T00:00:00+1000",
            "2001-01-01T00:00:00.Z",
            "2001-01-01T00:00:00Zjunk",
            "２００１-01-01T00:00:00Z",
            "+2001-01-01T00:00:00Z",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
