//! Datelines: the `MOSCOW (Sputnik) - ` that opens a wire story.
//!
//! Grammar (a hand-written scanner in [`scan`], tried only on the first lines of a body, never
//! on the whole text), then checks in code:
//!
//! ```text
//! [By NAMES ]  CITY [, REGION | (REGION)] [, or . DATE[, YEAR]] [(AGENCY)] DASH
//!                                                               | /TASS/.
//! (AGENCY) DASH                                     -- bare `(Reuters) - `, no location
//! ```
//!
//! CITY is either all capitals (`NEW YORK`, `ST. LOUIS`, `LONDON/SYDNEY`) or, only when an
//! agency follows, capitalised words (`Paris (AFP) – `). DASH is `-`, `--`, `–`, `—`, `―` or
//! `.-`, followed by a space or the end of the line. A parenthesised word that is not an agency
//! (`Sen. Bernie Sanders (I-Vt.) said`) and a capitals heading without a dash never match. The
//! dateline's day is returned as written; the caller resolves it against the publication date.

mod scan;

use super::dates::month_number;

/// What a dateline says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dateline {
    /// City as written (`MOSCOW`, `Mexico City`, `LONDON/SYDNEY`).
    pub location: Option<String>,
    /// Region or country after the city (`Mass.`, `Tibet`).
    pub region: Option<String>,
    /// Normalised agency name (`AP`, `Reuters`, `TASS`).
    pub agency: Option<String>,
    /// Month and day, when written.
    pub month_day: Option<(u32, u32)>,
    /// Year, when written.
    pub year: Option<i32>,
    /// A byline glued before the city (`By Jane Doe MADRID (Reuters) - `).
    pub byline: Option<String>,
    /// Byte length of the dateline in the line (the story text starts here).
    pub end: usize,
}

/// Capitals words that open a line with a dash but are headings, not places.
const NOT_PLACES: &[&str] = &[
    "UPDATE",
    "EXCLUSIVE",
    "FACTBOX",
    "ANALYSIS",
    "REFILE",
    "CORRECTED",
    "CORRECTION",
    "BREAKING",
    "WRAPUP",
    "INTERVIEW",
    "COLUMN",
    "PREVIEW",
    "TIMELINE",
    "URGENT",
    "FLASH",
    "ALERT",
    "NOTE",
    "EDITORS",
    "RPT",
    "SPECIAL",
    "REPORT",
    "PHOTO",
    "VIDEO",
    "WATCH",
    "READ",
    "MORE",
    "UPDATED",
    "OPINION",
    "EDITORIAL",
    "I",
    "A",
];

/// Finds a dateline at the start of `line`. `relaxed` accepts a capitalised city without an
/// agency (for the SGML `<DATELINE>` field, which is known to hold one).
pub fn parse_dateline(line: &str, relaxed: bool) -> Option<Dateline> {
    // Only the text up to the first dash followed by a space (or `/TASS/`) can hold a
    // dateline; a line without one is refused before any scanning.
    let head = dateline_head(truncate(line, 240))?;
    let raw = scan::scan(head)?;
    let city = raw.city.map(|c| strip_final_dot(c.trim()));
    let mut region = raw.region.map(|r| r.trim().to_string());
    let mut agency_raw = raw.agency;
    if let Some(paren) = raw.paren {
        if agency_raw.is_none() && normalise_agency(paren).is_some() {
            agency_raw = Some(paren);
        } else if region.is_none() && looks_like_region(paren) {
            region = Some(paren.to_string());
        } else {
            return None;
        }
    }
    let agency = match (agency_raw, raw.tass) {
        (_, Some(t)) => normalise_agency(t),
        (Some(raw), None) => Some(normalise_agency(raw).or_else(|| unknown_agency(raw, city))?),
        (None, None) => None,
    };
    let city = match city {
        Some(c) => Some(check_city(c, agency.is_some(), relaxed)?),
        None if agency.is_some() => None,
        None => return None,
    };
    // A month name is a date, not a region (`XIGAZE, April 29` matched both ways).
    if region.as_deref().is_some_and(|r| month_number(r).is_some()) {
        return None;
    }
    let (month_day, year) = raw.date.map(split_date).unwrap_or((None, None));
    let byline = raw.by.map(|b| b.trim().to_string());
    if byline.is_some() && city.is_none() {
        return None;
    }
    Some(Dateline {
        location: city,
        region,
        agency,
        month_day,
        year,
        byline,
        end: raw.end,
    })
}

/// `line` up to and including its first dash followed by a space or the end (or `/TASS/.`).
fn dateline_head(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while let Some(p) = memchr::memchr3(b'-', 0xE2, b'/', &bytes[i..]).map(|p| i + p) {
        let dash_len = match bytes[p] {
            b'-' => 1,
            // U+2013 en dash, U+2014 em dash, U+2015 horizontal bar: E2 80 93/94/95.
            0xE2 if bytes.get(p + 1) == Some(&0x80)
                && matches!(bytes.get(p + 2), Some(0x93..=0x95)) =>
            {
                3
            }
            b'/' if bytes[p..].starts_with(b"/TASS/") || bytes[p..].starts_with(b"/ITAR-TASS/") => {
                let mut end = p + if bytes[p + 1] == b'T' { 6 } else { 11 };
                // Take the `. ` after the tag, but never cut into a multi-byte character
                // (found by the parse_bytes fuzz target).
                for _ in 0..2 {
                    if bytes.get(end).is_some_and(u8::is_ascii) {
                        end += 1;
                    }
                }
                return Some(&line[..end]);
            }
            _ => {
                i = p + 1;
                continue;
            }
        };
        let after = p + dash_len;
        let double = bytes.get(after) == Some(&b'-');
        let after = if double { after + 1 } else { after };
        // `(Xinhua) --Farmers`: a double dash after a parenthesis may touch the text.
        if double && line[..p].trim_end().ends_with(')') {
            return Some(&line[..after]);
        }
        match bytes.get(after) {
            None | Some(b' ' | b'\t') => return Some(&line[..(after + 1).min(line.len())]),
            // A no-break space after the dash (U+00A0 is C2 A0).
            Some(0xC2) if bytes.get(after + 1) == Some(&0xA0) => return Some(&line[..after + 2]),
            _ => i = after,
        }
    }
    None
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `MINSK.` (before the date) is `MINSK`; `WASHINGTON D.C.` keeps its abbreviation.
fn strip_final_dot(city: &str) -> &str {
    match city.strip_suffix('.') {
        Some(head)
            if !head.rsplit([' ', '/']).next().unwrap_or("").contains('.') && head.len() > 3 =>
        {
            head
        }
        _ => city,
    }
}

/// Words of capitals headings (`IOWA POLLS NOT NECESSARILY WRONG - `) that place names lack.
const NOT_IN_PLACES: &[&str] = &[
    "NOT", "IS", "ARE", "WAS", "WERE", "BE", "JUST", "TOO", "WILL", "CAN", "HAS", "HAVE", "HAD",
    "WHY", "HOW", "WHAT", "WHO", "WHEN", "AND", "OR", "FOR", "TO", "WITH", "ON", "AT", "BY", "IT",
    "ITS", "THIS", "THAT", "NO", "VS", "LATEST",
];

fn check_city(city: &str, has_agency: bool, relaxed: bool) -> Option<String> {
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return None;
    }
    let all_caps = !city.chars().any(|c| c.is_lowercase());
    if !(all_caps || has_agency || relaxed) {
        return None;
    }
    let words = || {
        city.split([' ', '/'])
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches(['.', ':']))
    };
    if all_caps && words().any(|w| NOT_PLACES.contains(&w)) {
        return None;
    }
    // Without an agency to vouch for it, a capitals phrase must look like a place name.
    if !has_agency && !relaxed {
        let longest_part = city
            .split('/')
            .map(|p| p.split_whitespace().count())
            .max()
            .unwrap_or(0);
        if longest_part > 3 || words().any(|w| NOT_IN_PLACES.contains(&w)) {
            return None;
        }
    }
    Some(city.to_string())
}

fn looks_like_region(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
        && s.split_whitespace().count() <= 3
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''))
}

/// An agency we do not know by name, kept as written when it looks like one (capitalised,
/// short) and the city is in capitals.
fn unknown_agency(raw: &str, city: Option<&str>) -> Option<String> {
    let caps_city = city.is_some_and(|c| !c.chars().any(char::is_lowercase));
    (caps_city && looks_like_region(raw) && raw.split_whitespace().count() <= 2)
        .then(|| raw.to_string())
}

/// The canonical name of a news agency as datelines write it (`Associated Press` -> `AP`,
/// `Reuters Legal` -> `Reuters`, `/TASS/` -> `TASS`), or `None` for an unknown name.
pub fn normalise_agency(raw: &str) -> Option<String> {
    let cleaned = raw
        .trim()
        .trim_matches(|c: char| c == '/' || c == ',' || c.is_whitespace());
    let lower = cleaned.to_lowercase();
    const KNOWN: &[(&str, &str)] = &[
        ("associated press", "AP"),
        ("ap", "AP"),
        ("agence france-presse", "AFP"),
        ("afp", "AFP"),
        ("sputnik", "Sputnik"),
        ("reuters", "Reuters"),
        ("reuter", "Reuter"),
        ("itar-tass", "Itar-Tass"),
        ("tass", "TASS"),
        ("xinhua", "Xinhua"),
        ("ria novosti", "RIA Novosti"),
        ("interfax", "Interfax"),
        ("upi", "UPI"),
        ("dpa", "dpa"),
        ("kyodo", "Kyodo"),
        ("jiji", "Jiji"),
        ("yonhap", "Yonhap"),
        ("pti", "PTI"),
        ("efe", "EFE"),
        ("bloomberg", "Bloomberg"),
        ("ians", "IANS"),
        ("anadolu", "Anadolu"),
        ("ani", "ANI"),
    ];
    KNOWN.iter().find_map(|(key, name)| {
        // `Reuters Legal`, `Reuters.com`, `Kyodo News` count as the agency itself.
        let rest = lower.strip_prefix(key)?;
        (rest.is_empty() || rest.starts_with([' ', '.', '-'])).then(|| name.to_string())
    })
}

fn split_date(s: &str) -> (Option<(u32, u32)>, Option<i32>) {
    let mut month = None;
    let mut day = None;
    let mut year = None;
    for tok in s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '\u{a0}')
        .filter(|t| !t.is_empty())
    {
        if let Some(m) = month_number(tok) {
            month = Some(m);
        } else if let Ok(n) = tok.trim_end_matches('.').parse::<u32>() {
            if n > 31 {
                year = i32::try_from(n).ok();
            } else {
                day = Some(n);
            }
        }
    }
    (
        month
            .zip(day)
            .filter(|(m, d)| chrono::NaiveDate::from_ymd_opt(2000, *m, *d).is_some()),
        year,
    )
}

#[cfg(test)]
mod tests;
