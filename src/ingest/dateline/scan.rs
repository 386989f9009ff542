//! The dateline grammar as a hand-written scanner (see the parent module for the grammar).
//!
//! It was a regex first; the regex's backtracking cost about 13,000 instructions per line
//! and was the hottest code in the parser, because optional groups and a lazy byline make it
//! try many splits. This scanner tries at most two city readings (capitals, then capitalised
//! words) and each byline split once, and returns the raw pieces; the parent checks them.

use super::super::dates::month_number;

/// The pieces of a dateline, as written.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Raw<'a> {
    pub by: Option<&'a str>,
    pub city: Option<&'a str>,
    pub region: Option<&'a str>,
    /// A parenthesis right after the city: an agency or a region (`KIEL (Germany)`).
    pub paren: Option<&'a str>,
    pub date: Option<&'a str>,
    /// The parenthesis before the dash.
    pub agency: Option<&'a str>,
    /// `TASS` or `ITAR-TASS` from `/TASS/`.
    pub tass: Option<&'a str>,
    /// Byte offset where the story text starts.
    pub end: usize,
}

fn is_sp(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

fn at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

fn skip_sp(s: &str, mut i: usize) -> usize {
    while let Some(c) = at(s, i).filter(|c| is_sp(*c)) {
        i += c.len_utf8();
    }
    i
}

fn is_word_char(c: char, caps_only: bool) -> bool {
    (c.is_alphabetic() && (!caps_only || !c.is_lowercase())) || matches!(c, '\'' | '’' | '.' | '-')
}

/// End of a word starting with a capital at `i` (`caps_only`: no lower-case letters).
fn word(s: &str, i: usize, caps_only: bool) -> Option<usize> {
    let first = at(s, i).filter(|c| c.is_uppercase())?;
    let mut j = i + first.len_utf8();
    while let Some(c) = at(s, j).filter(|c| is_word_char(*c, caps_only)) {
        j += c.len_utf8();
    }
    // `MINSK. July`: a capitals word ends at a separator, not inside `July`.
    (!at(s, j).is_some_and(char::is_alphabetic)).then_some(j)
}

/// A city of up to `max` words joined by one space (or `/` for capitals) from `i`.
fn city(s: &str, i: usize, caps_only: bool) -> Option<usize> {
    let mut end = word(s, i, caps_only)?;
    let max = if caps_only { 5 } else { 4 };
    for _ in 1..max {
        let sep = at(s, end)?;
        let ok_sep = is_sp(sep) || (caps_only && sep == '/');
        let Some(next) = ok_sep
            .then(|| word(s, end + sep.len_utf8(), caps_only))
            .flatten()
        else {
            break;
        };
        end = next;
    }
    Some(end)
}

/// A region: up to three capitalised words.
fn region(s: &str, i: usize) -> Option<usize> {
    let mut end = word(s, i, false)?;
    for _ in 1..3 {
        let Some(sep) = at(s, end).filter(|c| is_sp(*c)) else {
            break;
        };
        let Some(next) = word(s, end + sep.len_utf8(), false) else {
            break;
        };
        end = next;
    }
    Some(end)
}

/// `Feb. 26`, `February 26, 2026`, `26 Feb 2026`: returns the end.
fn date(s: &str, i: usize) -> Option<usize> {
    let digits = |j: usize| -> Option<usize> {
        let n = s.get(j..)?.bytes().take_while(u8::is_ascii_digit).count();
        Some(j + n).filter(|_| n > 0)
    };
    let month = |j: usize| -> Option<usize> {
        let n = s
            .get(j..)?
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        month_number(&s[j..j + n])?;
        Some(if s[j + n..].starts_with('.') {
            j + n + 1
        } else {
            j + n
        })
    };
    let sp1 = |j: usize| Some(skip_sp(s, j)).filter(|&k| k > j);
    let end = if let Some(m) = month(i) {
        let d = digits(sp1(m)?)?;
        (d - m <= 4).then_some(d)?
    } else {
        let d = digits(i)?;
        (d - i <= 2).then_some(())?;
        month(sp1(d)?)?
    };
    // An optional year: `, 2026` or ` 2026`.
    let after_comma = if s[end..].starts_with(',') {
        end + 1
    } else {
        end
    };
    let year = sp1(after_comma)
        .and_then(digits)
        .filter(|&y| y - skip_sp(s, after_comma) == 4);
    Some(year.unwrap_or(end))
}

/// `(text)` at `i`: (inner text trimmed, end after `)`).
fn paren(s: &str, i: usize) -> Option<(&str, usize)> {
    let rest = s.get(i..)?.strip_prefix('(')?;
    let close = rest.find(')')?;
    let inner = &rest[..close];
    if inner.is_empty() || inner.len() > 40 || inner.contains(['(', '\n']) {
        return None;
    }
    Some((
        inner.trim_matches(|c: char| is_sp(c) || c == ','),
        i + close + 2,
    ))
}

/// A dash at `i` followed by a space or the end: returns the end of the dash.
fn dash(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?;
    let len = ["--", ".-", "-", "—", "–", "―"]
        .iter()
        .find(|d| rest.starts_with(*d))?
        .len();
    Some(i + len)
}

/// End of the dateline: the separator at `i` (agency + dash, `/TASS/`, or a dash), then
/// spaces; `None` if there is none.
fn terminal<'a>(s: &'a str, i: usize, raw: &mut Raw<'a>) -> Option<usize> {
    let end = if let Some((agency, after)) = paren(s, i) {
        raw.agency = Some(agency);
        dash(s, skip_sp(s, after))?
    } else if let Some(t) = ["/ITAR-TASS/", "/TASS/"]
        .iter()
        .find(|t| s[i..].starts_with(*t))
    {
        raw.tass = Some(t.trim_matches('/'));
        let after = i + t.len();
        if s[after..].starts_with('.') {
            after + 1
        } else {
            after
        }
    } else {
        dash(s, i)?
    };
    match at(s, end) {
        None => Some(end),
        Some(c) if is_sp(c) => Some(skip_sp(s, end)),
        Some(_) => None,
    }
}

/// Everything after the city at `i`.
fn after_city<'a>(s: &'a str, mut i: usize, raw: &mut Raw<'a>) -> Option<usize> {
    let k = skip_sp(s, i);
    if s[k..].starts_with(',') {
        let r = skip_sp(s, k + 1);
        if date(s, r).is_none() {
            if let Some(end) = region(s, r) {
                raw.region = Some(&s[r..end]);
                i = end;
            }
        }
    }
    let k = skip_sp(s, i);
    if let Some((inner, after)) = paren(s, k) {
        // Only a parenthesis followed by more dateline is a region; else it is the agency.
        let mut probe = Raw::default();
        if terminal(s, k, &mut probe).is_none() {
            raw.paren = Some(inner);
            i = after;
        }
    }
    let mut k = skip_sp(s, i);
    if s[k..].starts_with([',', '.']) {
        k = skip_sp(s, k + 1);
    }
    if let Some(end) = date(s, k) {
        raw.date = Some(&s[k..end]);
        i = if s[end..].starts_with('.') {
            end + 1
        } else {
            end
        };
    }
    terminal(s, skip_sp(s, i), raw)
}

/// Scans a dateline at the start of `s`.
pub fn scan(s: &str) -> Option<Raw<'_>> {
    let start = skip_sp(s, 0);
    let mut raw = Raw::default();
    if s[start..].starts_with('(') {
        raw.end = terminal(s, start, &mut raw)?;
        return Some(raw);
    }
    if let Some(raw) = scan_city(s, start, false) {
        return Some(raw);
    }
    // `By Jane Doe MADRID (Reuters) - `: the city is the first capitals word that works.
    let rest = s[start..].strip_prefix("By")?;
    let names_from = start + 2;
    if !rest.starts_with(is_sp) {
        return None;
    }
    let mut i = names_from;
    while let Some(p) = s[i..].find(is_sp).map(|p| i + p) {
        let cand = skip_sp(s, p);
        let by = s[names_from..p].trim_matches(is_sp);
        if by.len() > 100 || by.contains(['(', ')', '\n']) {
            return None;
        }
        if by.len() >= 2 {
            if let Some(mut raw) = scan_city(s, cand, true) {
                raw.by = Some(by);
                return Some(raw);
            }
        }
        if cand >= s.len() {
            break;
        }
        i = cand;
    }
    None
}

fn scan_city(s: &str, i: usize, caps_only: bool) -> Option<Raw<'_>> {
    let readings: &[bool] = if caps_only { &[true] } else { &[true, false] };
    for &caps in readings {
        let Some(end) = city(s, i, caps) else {
            continue;
        };
        let mut raw = Raw {
            city: Some(&s[i..end]),
            ..Raw::default()
        };
        if let Some(after) = after_city(s, end, &mut raw) {
            raw.end = after;
            return Some(raw);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_pieces() {
        let r = scan("CAMBRIDGE, Mass., Dec. 11 (UPI) — Text").unwrap();
        assert_eq!(
            (
                r.city,
                r.region,
                r.date,
                r.agency,
                &"CAMBRIDGE, Mass., Dec. 11 (UPI) — Text"[r.end..]
            ),
            (
                Some("CAMBRIDGE"),
                Some("Mass."),
                Some("Dec. 11"),
                Some("UPI"),
                "Text"
            )
        );
        let r = scan("MOSCOW, February 26. /TASS/. Text").unwrap();
        assert_eq!(
            (r.city, r.date, r.tass),
            (Some("MOSCOW"), Some("February 26"), Some("TASS"))
        );
        let r = scan("WASHINGTON, Aug. 8, 2006 (UPI) -- Text").unwrap();
        assert_eq!(r.date, Some("Aug. 8, 2006"));
        let r = scan("KIEL (Germany) (Reuters) - Text").unwrap();
        assert_eq!((r.paren, r.agency), (Some("Germany"), Some("Reuters")));
        assert_eq!(scan("(,Reuters) - X").unwrap().agency, Some("Reuters"));
    }

    #[test]
    fn rejects_lines_without_a_dash() {
        assert_eq!(scan("WASHINGTON Talks resumed"), None);
        assert_eq!(scan("Mr. Smith (R) said"), None);
        assert_eq!(scan("By winning Ohio, Kasich took all delegates"), None);
    }
}
