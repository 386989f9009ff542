//! `Published` written into a stack buffer, byte-identical to its `Display` form.
//!
//! [`super::article_id`] hashes the date of every article; chrono's formatter and the `String`
//! it fills cost about 2% of SGML parse time, so the common shapes (years 0-9999, whole-minute
//! offsets, no leap second) are written by hand and anything else falls back to `Display`.

use std::borrow::Cow;

use chrono::{Datelike, Offset, Timelike};

use crate::article::Published;

/// Longest hand-written form: `YYYY-MM-DDTHH:MM:SS+HH:MM`.
pub(super) type DateBuf = [u8; 25];

/// The `Display` text of `p`, written into `buf` when it has a common shape.
pub(super) fn date_text<'b>(p: &Published, buf: &'b mut DateBuf) -> Cow<'b, str> {
    let len = match p {
        Published::Date(d) => {
            if !(0..=9999).contains(&d.year()) {
                return Cow::Owned(p.to_string());
            }
            put_date(buf, d.year(), d.month(), d.day());
            10
        }
        Published::DateTime(t) => {
            let local = t.naive_local();
            let offset = t.offset().fix().local_minus_utc();
            // chrono rounds sub-minute offsets and writes leap seconds as :60; leave those to it.
            if !(0..=9999).contains(&local.year())
                || offset % 60 != 0
                || local.nanosecond() >= 1_000_000_000
            {
                return Cow::Owned(p.to_string());
            }
            put_date(buf, local.year(), local.month(), local.day());
            buf[10] = b'T';
            put2(buf, 11, local.hour());
            buf[13] = b':';
            put2(buf, 14, local.minute());
            buf[16] = b':';
            put2(buf, 17, local.second());
            if offset == 0 {
                buf[19] = b'Z';
                20
            } else {
                buf[19] = if offset < 0 { b'-' } else { b'+' };
                let minutes = offset.unsigned_abs() / 60;
                put2(buf, 20, minutes / 60);
                buf[22] = b':';
                put2(buf, 23, minutes % 60);
                25
            }
        }
    };
    // Only ASCII digits and punctuation were written.
    match std::str::from_utf8(&buf[..len]) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(p.to_string()),
    }
}

/// Writes `YYYY-MM-DD` at the start of `buf`; `year` is in 0..=9999.
fn put_date(buf: &mut DateBuf, year: i32, month: u32, day: u32) {
    let y = year.unsigned_abs();
    put2(buf, 0, y / 100);
    put2(buf, 2, y % 100);
    buf[4] = b'-';
    put2(buf, 5, month);
    buf[7] = b'-';
    put2(buf, 8, day);
}

/// Writes `n` (below 100) as two digits at `at`.
fn put2(buf: &mut DateBuf, at: usize, n: u32) {
    // Both digits are below 10, so the casts cannot truncate.
    buf[at] = b'0' + (n / 10 % 10) as u8;
    buf[at + 1] = b'0' + (n % 10) as u8;
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDate, TimeZone};

    fn same_as_display(p: Published) {
        let mut buf = DateBuf::default();
        assert_eq!(date_text(&p, &mut buf), p.to_string());
    }

    #[test]
    fn dates_match_display() {
        for (y, m, d) in [(2026, 2, 26), (1987, 10, 19), (5, 1, 1), (9999, 12, 31)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).map(Published::Date);
            same_as_display(date.unwrap());
        }
    }

    #[test]
    fn datetimes_match_display_for_each_offset_shape() {
        for offset in [
            0,
            3 * 3600,
            -(4 * 3600),
            5 * 3600 + 30 * 60,
            -(9 * 3600 + 45 * 60),
            61,
        ] {
            let tz = FixedOffset::east_opt(offset).unwrap();
            let t = tz.with_ymd_and_hms(2006, 10, 23, 1, 48, 7).unwrap();
            same_as_display(Published::DateTime(t));
        }
    }

    #[test]
    fn unusual_shapes_fall_back_to_display() {
        let far = NaiveDate::from_ymd_opt(12_345, 1, 2).unwrap();
        let mut buf = DateBuf::default();
        let text = date_text(&Published::Date(far), &mut buf);
        assert!(matches!(text, Cow::Owned(_)));
        assert_eq!(text, "+12345-01-02");
        let before = NaiveDate::from_ymd_opt(-44, 3, 15).unwrap();
        same_as_display(Published::Date(before));
    }
}
