//! When a statement was made: `said on Thursday`, `told reporters on Feb. 26`, `said
//! yesterday`, resolved against the publication date.
//!
//! A weekday means the latest such day on or before publication (reports are past tense); a
//! month and day without a year take the publication's year, or the year before when that
//! would put the day more than a week after publication. Without a publication date only
//! dates that carry their own year resolve.

use chrono::{Datelike, Duration, NaiveDate};

use super::lexicon::{month, weekday};
use super::tokens::{Tok, TokKind};

/// Reads a date expression in the tokens `toks[from..to]` (the words right after a cue, or a
/// sentence opening), skipping an optional `on`, `late`, `early`.
pub fn read(
    body: &str,
    toks: &[Tok],
    from: usize,
    to: usize,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let mut i = from;
    let to = to.min(toks.len());
    while i < to {
        let t = &toks[i];
        if !t.is_word() {
            return None;
        }
        let w = t.text(body);
        match w {
            // Words of the cue's own tail (`said here on Thursday`, `said in a statement on
            // Wednesday`) are passed over; the caller bounds the range to that tail.
            "on" | "On" | "late" | "early" | "earlier" | "last" | "this" | "here" | "there"
            | "in" | "a" | "an" | "the" | "statement" | "interview" | "written" | "briefing"
            | "speech" | "release" | "remarks" | "comments" | "at" => {
                i += 1;
                continue;
            }
            "yesterday" | "Yesterday" => {
                return published.and_then(|p| p.checked_sub_signed(Duration::days(1)));
            }
            "today" | "Today" => return published,
            _ => {}
        }
        if let Some(wd) = weekday(w) {
            let p = published?;
            let back = (p.weekday().num_days_from_monday() + 7 - wd) % 7;
            return p.checked_sub_signed(Duration::days(i64::from(back)));
        }
        if let Some(m) = month(w) {
            // `Feb. 26` / `February 26, 2026`
            let day = toks
                .get(i + 1)
                .filter(|t| t.is_word())
                .and_then(|t| t.text(body).parse::<u32>().ok())?;
            let year = explicit_year(body, toks, i + 2);
            return resolve(published, year, m, day);
        }
        if let Ok(day) = w.parse::<u32>() {
            // `26 February`
            let m = toks
                .get(i + 1)
                .filter(|t| t.is_word())
                .and_then(|t| month(t.text(body)))?;
            let year = explicit_year(body, toks, i + 2);
            return resolve(published, year, m, day);
        }
        return None;
    }
    None
}

fn explicit_year(body: &str, toks: &[Tok], mut i: usize) -> Option<i32> {
    if toks.get(i).is_some_and(|t| t.kind == TokKind::Comma) {
        i += 1;
    }
    let t = toks.get(i).filter(|t| t.is_word())?;
    let y: i32 = t.text(body).parse().ok()?;
    (1900..=2200).contains(&y).then_some(y)
}

fn resolve(published: Option<NaiveDate>, year: Option<i32>, m: u32, d: u32) -> Option<NaiveDate> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let p = published?;
    let this = NaiveDate::from_ymd_opt(p.year(), m, d)?;
    if this > p + Duration::days(7) {
        NaiveDate::from_ymd_opt(p.year() - 1, m, d)
    } else {
        Some(this)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::attribution::tokens::tokenize;

    fn date(s: &str, p: Option<NaiveDate>) -> Option<NaiveDate> {
        let mut toks = Vec::new();
        let mut qi = 0;
        tokenize(s, 0..s.len(), &[], &mut qi, &mut toks);
        read(s, &toks, 0, toks.len(), p)
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn said_on_thursday_is_latest_thursday_on_or_before_publication() {
        // 2026-02-26 is a Thursday.
        assert_eq!(
            date("on Thursday", Some(ymd(2026, 2, 26))),
            Some(ymd(2026, 2, 26))
        );
        assert_eq!(
            date("on Thursday", Some(ymd(2026, 2, 27))),
            Some(ymd(2026, 2, 26))
        );
        assert_eq!(
            date("Wednesday", Some(ymd(2026, 2, 26))),
            Some(ymd(2026, 2, 25))
        );
        assert_eq!(
            date("on Friday", Some(ymd(2026, 2, 26))),
            Some(ymd(2026, 2, 20))
        );
        assert_eq!(date("on Thursday", None), None);
    }

    #[test]
    fn month_day_takes_publication_year() {
        assert_eq!(
            date("on Feb. 26", Some(ymd(2026, 2, 27))),
            Some(ymd(2026, 2, 26))
        );
        assert_eq!(
            date("on Dec. 30", Some(ymd(2026, 1, 2))),
            Some(ymd(2025, 12, 30))
        );
        assert_eq!(
            date("on 3 March", Some(ymd(2026, 3, 4))),
            Some(ymd(2026, 3, 3))
        );
        assert_eq!(date("on Feb. 26, 2024", None), Some(ymd(2024, 2, 26)));
        assert_eq!(date("on Feb. 30", Some(ymd(2026, 3, 1))), None);
    }

    #[test]
    fn yesterday_and_today() {
        assert_eq!(
            date("yesterday", Some(ymd(2026, 3, 1))),
            Some(ymd(2026, 2, 28))
        );
        assert_eq!(date("today", Some(ymd(2026, 3, 1))), Some(ymd(2026, 3, 1)));
        assert_eq!(date("the summit", Some(ymd(2026, 3, 1))), None);
    }
}
