//! `--since` / `--until` values: what people type -> a span of time.
//!
//! Accepted: `2026` (the year), `2026-02` (the month), `2026-02-26` (the day), an RFC 3339
//! date-time (that instant), and `7d` / `6m` / `1y` (that day, counted back from today in UTC).
//! A calendar value covers whole days in UTC, so `--until 2026-02` includes 29 February in a
//! leap year up to its last second. Nothing here touches the index; [`build`](super::build)
//! turns the bounds into a range clause.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};

use crate::error::{Error, Result};

/// The accepted forms, for error messages.
pub const ACCEPTED_FORMS: &str =
    "expected YYYY, YYYY-MM, YYYY-MM-DD, an RFC 3339 date-time, or a relative 7d, 6m, 1y";

/// Earliest and latest years accepted: wide enough for any archive, narrow enough that every
/// value converts to a timestamp without overflow.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// A span of time: the first instant it covers and the instant just after its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First instant covered.
    pub start: DateTime<Utc>,
    /// First instant no longer covered (exclusive end).
    pub end: DateTime<Utc>,
}

/// The validated date filter: publication time `>= since` and `< until`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    /// Inclusive lower bound.
    pub since: Option<DateTime<Utc>>,
    /// Exclusive upper bound.
    pub until: Option<DateTime<Utc>>,
}

impl DateRange {
    /// Reads `--since` and `--until` as typed; `today` anchors relative values.
    pub fn from_args(
        since: Option<&str>,
        until: Option<&str>,
        today: NaiveDate,
    ) -> Result<DateRange> {
        let since_span = since.map(|s| parse_span(s, today)).transpose()?;
        let until_span = until.map(|s| parse_span(s, today)).transpose()?;
        if let (Some(s), Some(u), Some(st), Some(ut)) = (since_span, until_span, since, until) {
            if s.start >= u.end {
                return Err(Error::BadArgument(format!(
                    "--since {st} is after --until {ut}: nothing can match; swap them?"
                )));
            }
        }
        Ok(DateRange {
            since: since_span.map(|s| s.start),
            until: until_span.map(|s| s.end),
        })
    }

    /// True when neither bound is set.
    pub fn is_empty(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }
}

fn bad(input: &str, reason: impl Into<String>) -> Error {
    Error::BadDate {
        input: input.to_string(),
        reason: reason.into(),
    }
}

fn day_start(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// Parses one value into the span of time it names.
pub fn parse_span(input: &str, today: NaiveDate) -> Result<Span> {
    let text = input.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        let t = t.with_timezone(&Utc);
        if !YEARS.contains(&t.year()) {
            return Err(bad(
                input,
                format!(
                    "year {} is out of range {}..={}",
                    t.year(),
                    YEARS.start(),
                    YEARS.end()
                ),
            ));
        }
        return Ok(Span {
            start: t,
            end: t + chrono::Duration::seconds(1),
        });
    }
    if let Some(span) = parse_relative(input, text, today)? {
        return Ok(span);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| digits(p)).collect();
    let (Some(numbers), true) = (numbers, parts[0].len() == 4) else {
        return Err(bad(input, ACCEPTED_FORMS));
    };
    let year = numbers[0] as i32;
    if !YEARS.contains(&year) {
        return Err(bad(
            input,
            format!(
                "year {year} is out of range {}..={}",
                YEARS.start(),
                YEARS.end()
            ),
        ));
    }
    let invalid = || bad(input, format!("no such day; {ACCEPTED_FORMS}"));
    let (first, last) = match numbers[..] {
        [_] => (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ),
        [_, month] if parts[1].len() == 2 => {
            let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(invalid)?;
            (
                Some(first),
                first
                    .checked_add_months(Months::new(1))
                    .and_then(|d| d.pred_opt()),
            )
        }
        [_, month, day] if parts[1].len() == 2 && parts[2].len() == 2 => {
            let d = NaiveDate::from_ymd_opt(year, month, day);
            (d, d)
        }
        _ => return Err(bad(input, ACCEPTED_FORMS)),
    };
    let (Some(first), Some(last)) = (first, last) else {
        return Err(invalid());
    };
    let end = last.succ_opt().ok_or_else(invalid)?;
    Ok(Span {
        start: day_start(first),
        end: day_start(end),
    })
}

/// ASCII digits only (no sign, no spaces), as a number.
fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `7d`, `6m`, `1y` -> the day that long before `today`, as a one-day span.
fn parse_relative(input: &str, text: &str, today: NaiveDate) -> Result<Option<Span>> {
    let Some(unit) = text
        .chars()
        .last()
        .filter(|c| matches!(c, 'd' | 'm' | 'y' | 'w'))
    else {
        return Ok(None);
    };
    let count = &text[..text.len() - 1];
    if count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let too_far = || bad(input, "that is further back than the year 1000");
    let n: u32 = count.parse().map_err(|_| too_far())?;
    let day = match unit {
        'd' => today.checked_sub_days(Days::new(n.into())),
        'w' => today.checked_sub_days(Days::new(u64::from(n) * 7)),
        'm' => today.checked_sub_months(Months::new(n)),
        _ => n
            .checked_mul(12)
            .and_then(|m| today.checked_sub_months(Months::new(m))),
    }
    .filter(|d| YEARS.contains(&d.year()))
    .ok_or_else(too_far)?;
    let end = day.succ_opt().ok_or_else(too_far)?;
    Ok(Some(Span {
        start: day_start(day),
        end: day_start(end),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();

    fn span(s: &str) -> Span {
        parse_span(s, TODAY).unwrap()
    }

    #[test]
    fn year_month_and_day_cover_whole_days() {
        assert_eq!(
            span("2026"),
            Span {
                start: at("2026-01-01T00:00:00Z"),
                end: at("2027-01-01T00:00:00Z")
            }
        );
        assert_eq!(
            span("2026-02"),
            Span {
                start: at("2026-02-01T00:00:00Z"),
                end: at("2026-03-01T00:00:00Z")
            }
        );
        assert_eq!(
            span("2026-02-26"),
            Span {
                start: at("2026-02-26T00:00:00Z"),
                end: at("2026-02-27T00:00:00Z")
            }
        );
        assert_eq!(span(" 2026-12 ").end, at("2027-01-01T00:00:00Z"));
    }

    #[test]
    fn leap_years_end_february_on_the_29th() {
        assert_eq!(span("2024-02").end, at("2024-03-01T00:00:00Z"));
        assert_eq!(span("2024-02-29").start, at("2024-02-29T00:00:00Z"));
        assert_eq!(
            parse_span("2026-02-29", TODAY).unwrap_err().to_string(),
            format!("bad date \"2026-02-29\": no such day; {ACCEPTED_FORMS}")
        );
    }

    #[test]
    fn rfc3339_is_an_instant_in_utc() {
        let s = span("2026-02-26T14:12:00+03:00");
        assert_eq!(s.start, at("2026-02-26T11:12:00Z"));
        assert_eq!(s.end, at("2026-02-26T11:12:01Z"));
    }

    #[test]
    fn relative_values_count_back_from_today() {
        assert_eq!(span("7d").start, day_start(day(2026, 3, 24)));
        assert_eq!(span("2w").start, day_start(day(2026, 3, 17)));
        // 31 March minus one month clamps to the end of February.
        assert_eq!(span("1m").start, day_start(day(2026, 2, 28)));
        assert_eq!(span("1y").start, day_start(day(2025, 3, 31)));
        assert_eq!(
            span("0d"),
            Span {
                start: day_start(TODAY),
                end: day_start(day(2026, 4, 1))
            }
        );
    }

    #[test]
    fn until_includes_the_whole_last_day_and_since_excludes_earlier_ones() {
        let r = DateRange::from_args(Some("2026-02"), Some("2026-02-26"), TODAY).unwrap();
        assert_eq!(r.since, Some(at("2026-02-01T00:00:00Z")));
        assert_eq!(r.until, Some(at("2026-02-27T00:00:00Z")));
        assert!(DateRange::from_args(None, None, TODAY).unwrap().is_empty());
        // The same day on both sides is one whole day, not an empty range.
        assert!(DateRange::from_args(Some("2026-02-26"), Some("2026-02-26"), TODAY).is_ok());
    }

    #[test]
    fn since_after_until_is_an_error() {
        let err = DateRange::from_args(Some("2026-03"), Some("2026-02"), TODAY).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--since 2026-03 is after --until 2026-02: nothing can match; swap them?"
        );
        assert!(matches!(err, Error::BadArgument(_)));
    }

    #[test]
    fn bad_values_name_the_input_and_the_accepted_forms() {
        for input in [
            "yesterday",
            "26.02.2026",
            "2026-2",
            "2026-02-1",
            "20260226",
            "-7d",
            "7x",
            "",
            "2026-13",
            "2026-02-30",
            "d",
        ] {
            let err = parse_span(input, TODAY).unwrap_err();
            assert!(
                matches!(&err, Error::BadDate { input: i, .. } if i == input),
                "{input:?}: {err}"
            );
            assert!(err.to_string().contains(ACCEPTED_FORMS), "{input:?}: {err}");
        }
        assert_eq!(
            parse_span("99999", TODAY).unwrap_err().to_string(),
            format!("bad date \"99999\": {ACCEPTED_FORMS}")
        );
        assert_eq!(
            parse_span("0999", TODAY).unwrap_err().to_string(),
            "bad date \"0999\": year 999 is out of range 1000..=9999"
        );
        assert_eq!(
            parse_span("99999999999y", TODAY).unwrap_err().to_string(),
            "bad date \"99999999999y\": that is further back than the year 1000"
        );
        assert_eq!(
            parse_span("5000y", TODAY).unwrap_err().to_string(),
            "bad date \"5000y\": that is further back than the year 1000"
        );
    }
}
