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
                let end = p + if bytes[p + 1] == b'T' { 6 } else { 11 };
                return Some(&line[..(end + 2).min(line.len())]);
            }
            _ => {
                i = p + 1;
                continue;
            }
        };
        let after = p + dash_len;
        let after = if bytes.get(after) == Some(&b'-') {
            after + 1
        } else {
            after
        };
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
mod tests {
    use super::*;

    fn loc(
        line: &str,
    ) -> (
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    ) {
        let d = parse_dateline(line, false).unwrap_or_else(|| panic!("no dateline in {line:?}"));
        let leak = |s: Option<String>| s.map(|s| &*Box::leak(s.into_boxed_str()));
        (leak(d.location), leak(d.region), leak(d.agency))
    }

    #[test]
    fn parses_sputnik_dateline() {
        let line = "MOSCOW (Sputnik) - The United States";
        assert_eq!(loc(line), (Some("MOSCOW"), None, Some("Sputnik")));
        let d = parse_dateline(line, false).unwrap();
        assert_eq!(&line[d.end..], "The United States");
    }

    #[test]
    fn parses_every_listed_agency_style() {
        assert_eq!(
            loc("KYIV, Feb 26 (Reuters) - Text"),
            (Some("KYIV"), None, Some("Reuters"))
        );
        assert_eq!(loc("TOKYO, March 17 - Text"), (Some("TOKYO"), None, None));
        assert_eq!(
            loc("MOSCOW, February 26. /TASS/. Text"),
            (Some("MOSCOW"), None, Some("TASS"))
        );
        assert_eq!(
            loc("BEIJING, Feb. 26 (Xinhua) -- Text"),
            (Some("BEIJING"), None, Some("Xinhua"))
        );
        assert_eq!(
            loc("XIGAZE, Tibet, April 29 (Xinhua) --"),
            (Some("XIGAZE"), Some("Tibet"), Some("Xinhua"))
        );
        assert_eq!(
            loc("ANKARA, Turkey (AP) — Text"),
            (Some("ANKARA"), Some("Turkey"), Some("AP"))
        );
        assert_eq!(
            loc("Paris (AFP) – Text"),
            (Some("Paris"), None, Some("AFP"))
        );
        assert_eq!(
            loc("MINSK. July 26 (Interfax) - Text"),
            (Some("MINSK"), None, Some("Interfax"))
        );
        assert_eq!(
            loc("WASHINGTON, Aug. 8 (UPI) -- Text"),
            (Some("WASHINGTON"), None, Some("UPI"))
        );
        assert_eq!(
            loc("CAMBRIDGE, Mass., Dec. 11 (UPI) —"),
            (Some("CAMBRIDGE"), Some("Mass."), Some("UPI"))
        );
        assert_eq!(
            loc("LONDON/SYDNEY (Reuters) - Text"),
            (Some("LONDON/SYDNEY"), None, Some("Reuters"))
        );
        assert_eq!(
            loc("FOSHAN, China  (Reuters) - Text"),
            (Some("FOSHAN"), Some("China"), Some("Reuters"))
        );
        assert_eq!(loc("(Reuters) - Text"), (None, None, Some("Reuters")));
        assert_eq!(
            loc("SEOUL (Yonhap) .- Text"),
            (Some("SEOUL"), None, Some("Yonhap"))
        );
        assert_eq!(
            loc("LONDON (Associated Press) - Text"),
            (Some("LONDON"), None, Some("AP"))
        );
        assert_eq!(
            loc("NEW YORK (Reuters Legal) - Text"),
            (Some("NEW YORK"), None, Some("Reuters"))
        );
        assert_eq!(loc("ST. LOUIS — Text"), (Some("ST. LOUIS"), None, None));
        assert_eq!(loc("THE HAGUE - Text"), (Some("THE HAGUE"), None, None));
        assert_eq!(
            loc("SÃO PAULO (Reuters) - Text"),
            (Some("SÃO PAULO"), None, Some("Reuters"))
        );
        assert_eq!(
            loc("Zürich (dpa) - Text"),
            (Some("Zürich"), None, Some("dpa"))
        );
        assert_eq!(
            loc("NEWPORT NEWS, Va., March 2 - Text"),
            (Some("NEWPORT NEWS"), Some("Va."), None)
        );
        assert_eq!(
            loc("CHARLESTON, S.C.\u{a0}— Text"),
            (Some("CHARLESTON"), Some("S.C."), None)
        );
        assert_eq!(
            loc("KIEL (Germany) (Reuters) - Text"),
            (Some("KIEL"), Some("Germany"), Some("Reuters"))
        );
        assert_eq!(
            loc("MOSCOW, February 26 /ITAR-TASS/. Text"),
            (Some("MOSCOW"), None, Some("Itar-Tass"))
        );
    }

    #[test]
    fn byline_before_city_is_split_off() {
        let d = parse_dateline(
            "By Stanley Carvalho & Mahmoud Habboush ABU DHABI  (Reuters) - Global",
            false,
        )
        .unwrap();
        assert_eq!(
            d.byline.as_deref(),
            Some("Stanley Carvalho & Mahmoud Habboush")
        );
        assert_eq!(d.location.as_deref(), Some("ABU DHABI"));
    }

    #[test]
    fn dateline_date_and_year_are_read() {
        let d = parse_dateline("WASHINGTON, Aug. 8, 2006 (UPI) -- Text", false).unwrap();
        assert_eq!((d.month_day, d.year), (Some((8, 8)), Some(2006)));
        let d = parse_dateline("RIO DE JANEIRO, APRIL 7 - ", true).unwrap();
        assert_eq!(
            (d.location.as_deref(), d.month_day),
            (Some("RIO DE JANEIRO"), Some((4, 7)))
        );
    }

    #[test]
    fn ordinary_sentences_and_headings_are_not_datelines() {
        for line in [
            "Sen. Bernie Sanders (I-Vt.) said on Monday that",
            "Washington - the capital city is busy",
            "ORGANIC GROCERY MARKET Whole Foods first announced",
            "UPDATE 2 - Oil rises",
            "EXCLUSIVE - Talks stall",
            "The Latest: Trump rallies (AP) in Ohio",
            "Mr. Trump (R) - who spoke",
            "NATO-led forces said",
            "WASHINGTON",
            "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal said",
            "WHY IT MATTERS - The vote",
            "BREAKING NEWS - The vote",
        ] {
            assert_eq!(parse_dateline(line, false), None, "{line}");
        }
    }

    #[test]
    fn sgml_field_accepts_a_capitalised_city() {
        let d = parse_dateline("    New York, April 9 - ", true).unwrap();
        assert_eq!(d.location.as_deref(), Some("New York"));
        assert_eq!(parse_dateline("    New York, April 9 - ", false), None);
    }
}
