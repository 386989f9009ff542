//! Date and time stamps as wire services write them.
//!
//! One tolerant parser, [`parse_stamp`], reads a whole line made only of date parts:
//! `Mon Oct 23, 2006 1:48pm EDT`, `11:12 GMT 26.02.2026`, `February 26, 2026`, `26 Feb 2026`,
//! `2026-02-26`, RFC 3339. Every token must be understood, so an ordinary sentence never parses
//! as a date. A time without a zone gives only the day: we never invent a zone.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::article::Published;

/// Month number (1-12) of an English month name or abbreviation (`Feb`, `Feb.`, `Sept`,
/// `FEBRUARY`), case-insensitive.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // Lower-cased on the stack and compared as bytes: this runs on many words of every
    // dateline and date line.
    let mut buf = [0u8; 9];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    let lower = &*lower;
    let index = NAMES.iter().position(|name| {
        // Full name, three-letter abbreviation, or `sept`.
        name.as_bytes() == lower
            || (lower.len() == 3 && name.as_bytes().starts_with(lower))
            || (lower == b"sept" && *name == "september")
    })?;
    u32::try_from(index + 1).ok()
}

/// UTC offset in seconds of a time-zone abbreviation used on the wires.
pub fn zone_offset(abbr: &str) -> Option<i32> {
    // Every abbreviation has at most four letters: upper-case on the stack, no allocation.
    if abbr.len() > 4 {
        return None;
    }
    let mut buf = [0u8; 4];
    let upper = &mut buf[..abbr.len()];
    upper.copy_from_slice(abbr.as_bytes());
    upper.make_ascii_uppercase();
    let hours = match &*upper {
        b"GMT" | b"UTC" | b"Z" | b"UT" => 0,
        b"BST" | b"CET" | b"WAT" => 1,
        b"CEST" | b"EET" | b"SAST" => 2,
        b"EEST" | b"MSK" => 3,
        b"IST" => return Some(19_800),
        b"HKT" | b"SGT" | b"AWST" => 8,
        b"JST" | b"KST" => 9,
        b"AEST" => 10,
        b"AEDT" => 11,
        b"EDT" => -4,
        b"EST" | b"CDT" => -5,
        b"CST" | b"MDT" => -6,
        b"MST" | b"PDT" => -7,
        b"PST" => -8,
        _ => return None,
    };
    Some(hours * 3600)
}

#[derive(Default)]
struct Parts {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    time: Option<NaiveTime>,
    offset: Option<i32>,
}

/// Parses a line that consists only of a date stamp; `None` when any token is not part of one.
pub fn parse_stamp(line: &str) -> Option<Published> {
    let line = line.trim();
    if line.is_empty() || line.len() > 60 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(line) {
        return Some(Published::DateTime(t));
    }
    let mut p = Parts::default();
    let mut pending_pm: Option<bool> = None;
    for token in line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        if !take_token(token, &mut p, &mut pending_pm) {
            return None;
        }
    }
    let date = NaiveDate::from_ymd_opt(p.year?, p.month?, p.day?)?;
    match (p.time, p.offset) {
        (Some(time), Some(offset)) => {
            let tz = FixedOffset::east_opt(offset)?;
            let t = tz.from_local_datetime(&date.and_time(time)).single()?;
            Some(Published::DateTime(t))
        }
        _ => Some(Published::Date(date)),
    }
}

fn take_token(token: &str, p: &mut Parts, pending_pm: &mut Option<bool>) -> bool {
    // Lower-cased on the stack: [`parse_stamp`] reads lines of at most 60 bytes, and runs on
    // the first lines of every article, most of them not dates.
    let mut buf = [0u8; 64];
    let Some(lower) = buf.get_mut(..token.len()) else {
        return false;
    };
    lower.copy_from_slice(token.as_bytes());
    lower.make_ascii_lowercase();
    // ASCII case changes keep UTF-8 valid.
    let Ok(lower) = std::str::from_utf8(lower) else {
        return false;
    };
    // A bare `am`/`pm` after a time (`1:48 pm`).
    if lower == "am" || lower == "pm" || lower == "a.m." || lower == "p.m." {
        return apply_meridiem(p, lower.starts_with('p')) && pending_pm.replace(true).is_none();
    }
    if is_weekday(lower) {
        return true;
    }
    if let Some(m) = month_number(token) {
        return p.month.replace(m).is_none();
    }
    if let Some(offset) = zone_offset(token) {
        return p.offset.replace(offset).is_none();
    }
    if let Some(offset) = numeric_offset(token) {
        return p.offset.replace(offset).is_none();
    }
    if let Some((y, m, d)) = iso_date(token).or_else(|| dotted_date(token)) {
        return p.year.replace(y).is_none()
            && p.month.replace(m).is_none()
            && p.day.replace(d).is_none();
    }
    if let Some(time) = clock_time(lower) {
        return p.time.replace(time).is_none();
    }
    let digits = token.trim_end_matches('.');
    if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let n: u32 = digits.parse().unwrap_or(0);
        if digits.len() == 4 {
            return p.year.replace(n as i32).is_none();
        }
        return (1..=31).contains(&n) && p.day.replace(n).is_none();
    }
    false
}

fn apply_meridiem(p: &mut Parts, pm: bool) -> bool {
    let Some(t) = p.time else { return false };
    let h = chrono::Timelike::hour(&t);
    if !(1..=12).contains(&h) {
        return false;
    }
    let h24 = match (pm, h) {
        (false, 12) => 0,
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, h) => h,
    };
    p.time = NaiveTime::from_hms_opt(
        h24,
        chrono::Timelike::minute(&t),
        chrono::Timelike::second(&t),
    );
    p.time.is_some()
}

fn is_weekday(lower: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let w = lower.trim_end_matches('.');
    w.len() >= 3
        && DAYS
            .iter()
            .any(|d| *d == w || (w.len() <= 4 && d.starts_with(w)))
}

/// `+0300`, `-04:00`.
fn numeric_offset(token: &str) -> Option<i32> {
    let (sign, rest) = match token.as_bytes().first()? {
        b'+' => (1, &token[1..]),
        b'-' => (-1, &token[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    (h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// `2026-02-26`.
fn iso_date(token: &str) -> Option<(i32, u32, u32)> {
    let mut it = token.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

/// `26.02.2026` (day first, as the archive format writes it).
fn dotted_date(token: &str) -> Option<(i32, u32, u32)> {
    let mut it = token.split('.');
    let (d, m, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some()
        || y.len() != 4
        || d.is_empty()
        || d.len() > 2
        || m.is_empty()
        || m.len() > 2
    {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

/// `13:48`, `1:48pm`, `15:01:01.79`, `1:48a.m.`.
fn clock_time(lower: &str) -> Option<NaiveTime> {
    let (clock, pm) = if let Some(c) = lower
        .strip_suffix("pm")
        .or_else(|| lower.strip_suffix("p.m."))
    {
        (c, Some(true))
    } else if let Some(c) = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("a.m."))
    {
        (c, Some(false))
    } else {
        (lower, None)
    };
    let mut it = clock.split(':');
    let h: u32 = it.next()?.parse().ok()?;
    let m_str = it.next()?;
    if m_str.len() != 2 {
        return None;
    }
    let m: u32 = m_str.parse().ok()?;
    let s: u32 = match it.next() {
        Some(sec) => sec.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if it.next().is_some() {
        return None;
    }
    let h = match pm {
        Some(pm) if (1..=12).contains(&h) => (h % 12) + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => h,
    };
    NaiveTime::from_hms_opt(h, m, s)
}

/// Reuters-21578 `<DATE>`: `26-FEB-1987 15:01:01.79`. The collection names no zone, so only
/// the day is kept.
pub fn parse_sgml_date(s: &str) -> Option<Published> {
    let day_part = s.split_whitespace().next()?;
    let mut it = day_part.split('-');
    let d: u32 = it.next()?.trim().parse().ok()?;
    let m = month_number(it.next()?)?;
    let y: i32 = it.next()?.trim().parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d).map(Published::Date)
}

/// The day a dateline's month and day (no year) denote, given the publication day: the same
/// year, unless that puts it more than six months away (a story filed on 31 December and
/// published on 1 January).
pub fn resolve_month_day(month: u32, day: u32, published: NaiveDate) -> Option<NaiveDate> {
    let y = published.year();
    let candidates = [y - 1, y, y + 1];
    candidates
        .iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(*y, month, day))
        .min_by_key(|d| (*d - published).num_days().abs())
        .filter(|d| (*d - published).abs() <= Duration::days(183))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(s: &str) -> String {
        parse_stamp(s)
            .map(|p| p.to_string())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn reads_reuters_header_stamps_with_us_zones() {
        assert_eq!(
            stamp("Mon Oct 23, 2006 1:48pm EDT"),
            "2006-10-23T13:48:00-04:00"
        );
        assert_eq!(
            stamp("Sat Nov 17, 2012 3:22am EST"),
            "2012-11-17T03:22:00-05:00"
        );
        assert_eq!(
            stamp("Thu Oct 11, 2012 12:05am EDT"),
            "2012-10-11T00:05:00-04:00"
        );
        assert_eq!(
            stamp("Thu Oct 11, 2012 12:05pm EDT"),
            "2012-10-11T12:05:00-04:00"
        );
    }

    #[test]
    fn reads_archive_and_plain_date_lines() {
        assert_eq!(stamp("11:12 GMT 26.02.2026"), "2026-02-26T11:12:00Z");
        assert_eq!(stamp("February 26, 2026"), "2026-02-26");
        assert_eq!(stamp("26 Feb. 2026"), "2026-02-26");
        assert_eq!(stamp("2026-02-26"), "2026-02-26");
        assert_eq!(
            stamp("2026-02-26T11:12:00+03:00"),
            "2026-02-26T11:12:00+03:00"
        );
        assert_eq!(
            stamp("Thu, 26 Feb 2026 11:12:00 +0300"),
            "2026-02-26T11:12:00+03:00"
        );
    }

    #[test]
    fn time_without_zone_keeps_only_the_day() {
        assert_eq!(stamp("February 26, 2026 1:48pm"), "2026-02-26");
    }

    #[test]
    fn sentences_and_partial_dates_are_not_stamps() {
        assert_eq!(stamp("May 5"), "none");
        assert_eq!(stamp("Talks resumed on February 26, 2026"), "none");
        assert_eq!(stamp("31 February 2026"), "none");
        assert_eq!(stamp("13:61 GMT 26.02.2026"), "none");
        assert_eq!(stamp("Feb 26, 2026 Feb"), "none");
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("Feb."), Some(2));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("APRIL"), Some(4));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number("Ma"), None);
    }

    #[test]
    fn sgml_date_gives_the_day() {
        assert_eq!(
            parse_sgml_date("26-FEB-1987 15:01:01.79")
                .unwrap()
                .to_string(),
            "1987-02-26"
        );
        assert_eq!(
            parse_sgml_date(" 5-MAR-1987 09:00:00.00")
                .unwrap()
                .to_string(),
            "1987-03-05"
        );
        assert_eq!(parse_sgml_date("garbage"), None);
    }

    #[test]
    fn dateline_day_resolves_across_new_year() {
        let jan1 = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(
            resolve_month_day(12, 31, jan1),
            NaiveDate::from_ymd_opt(2026, 12, 31)
        );
        assert_eq!(
            resolve_month_day(1, 2, jan1),
            NaiveDate::from_ymd_opt(2027, 1, 2)
        );
        assert_eq!(resolve_month_day(2, 30, jan1), None);
    }
}
