//! Reuters-21578 SGML: many `<REUTERS>` stories per file.
//!
//! Each story gives `<DATE>26-FEB-1987 15:01:01.79</DATE>` (the day only: the collection names
//! no time zone), `<TITLE>`, `<DATELINE>` (parsed with the dateline grammar, capitalised cities
//! allowed) and `<BODY>` (hard-wrapped, paragraphs indented, closing `Reuter` removed).
//! Entities `&#N;`, `&lt;`, `&gt;`, `&amp;`, `&quot;` are decoded and control characters dropped.
//!
//! The agency is `Reuters`: the collection is Reuters' own copy. Stories without a `<BODY>`:
//! an unprocessed `<TEXT TYPE="UNPROC">` becomes the body as is, and
//! a title-only brief is kept as an article with an empty body and a warning, so nothing in the
//! collection is lost. A story with neither title nor text is a per-record error. Tags are found
//! with memchr's substring search; there is no general SGML parser here.

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use memchr::memmem;

use super::body::extract_body;
use super::dateline::{Dateline, parse_dateline};
use super::dates::parse_sgml_date;
use super::{Draft, Parsed, finish};
use crate::article::Format;
use crate::error::Error;

/// True when `text` looks like Reuters-21578 SGML.
pub fn is_sgml(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(512)];
    // Every file not named `.sgm` comes through here: look for a `<` before building a
    // substring searcher (most text has none in its first lines).
    memchr::memchr(b'<', head)
        .is_some_and(|lt| memmem::find(&head[lt..], b"<!DOCTYPE lewis").is_some())
        || text.trim_start().starts_with("<REUTERS")
}

/// Parses every `<REUTERS>` story in `text`.
pub fn parse_sgml(path: &Path, text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let open = memmem::Finder::new(b"<REUTERS");
    let close = memmem::Finder::new(b"</REUTERS>");
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut record: u32 = 0;
    while let Some(start) = open.find(&bytes[pos..]).map(|s| pos + s) {
        record += 1;
        let Some(end) = close.find(&bytes[start..]).map(|e| start + e) else {
            parsed.errors.push(Error::bad_article(
                path,
                Some(format!("record {record}")),
                "story has no closing </REUTERS> tag",
            ));
            break;
        };
        let story = &text[start..end];
        match parse_story(story) {
            Ok(draft) => parsed
                .articles
                .push(finish(path, Format::Sgml, Some(record), draft)),
            Err(reason) => parsed.errors.push(Error::bad_article(
                path,
                Some(format!("record {record}")),
                reason,
            )),
        }
        pos = end + "</REUTERS>".len();
    }
    parsed
}

fn parse_story(story: &str) -> Result<Draft, String> {
    let mut draft = Draft::default();
    if let Some(date) = element(story, "DATE") {
        draft.published = parse_sgml_date(date);
        if draft.published.is_none() {
            draft
                .warnings
                .push(format!("unreadable <DATE> {:?}", date.trim()));
        }
    }
    draft.title = element(story, "TITLE")
        .map(|t| collapse(&entities(t)))
        .unwrap_or_default();
    if let Some(raw) = element(story, "DATELINE") {
        let decoded = entities(raw);
        // Some fields carry a `****` marker before the city.
        let line = decoded.trim().trim_start_matches('*').trim_start();
        match parse_dateline(line, true).or_else(|| loose_dateline(line)) {
            Some(d) => draft.parts.dateline = Some(d),
            None if line.is_empty() => {}
            None => draft
                .warnings
                .push(format!("unrecognised dateline {:?}", line.trim())),
        }
    }
    let body = element(story, "BODY").or_else(|| unproc_text(story));
    let dateline = draft.parts.dateline.take();
    match body {
        Some(b) => draft.parts = extract_body(&entities(b), false),
        None if draft.title.is_empty() => return Err("story has neither <TITLE> nor <BODY>".into()),
        None => draft.warnings.push("no <BODY>: title-only story".into()),
    }
    // Every story of the collection is Reuters copy (its `Reuter` sign-off says so); its
    // datelines never name the agency.
    let mut dateline = dateline.unwrap_or_default();
    dateline.agency.get_or_insert_with(|| "Reuters".to_string());
    draft.parts.dateline = Some(dateline);
    Ok(draft)
}

/// A `<DATELINE>` the grammar refuses because of a typo or case (`NEW YORK, Narch 2 -`,
/// `Mexico city, april 1 -`, `omaha, april 7 -`): the field is known to be a dateline, so
/// the part before the first comma is the place when it is made of words, and a middle part
/// is the region.
fn loose_dateline(line: &str) -> Option<Dateline> {
    let head = line.trim_end_matches(['-', ' ']).trim();
    let parts: Vec<&str> = head.split(',').map(str::trim).collect();
    let is_words = |s: &str| {
        !s.is_empty()
            && s.split_whitespace().count() <= 4
            && s.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
    };
    let city = parts
        .first()
        .copied()
        // Lower case too (`omaha, april 7 -`): the field is known to hold a dateline.
        .filter(|c| is_words(c) && c.chars().next().is_some_and(char::is_alphabetic))?;
    let region = (parts.len() > 2)
        .then(|| parts[1])
        .filter(|r| is_words(r))
        .map(str::to_string);
    Some(Dateline {
        location: Some(city.to_string()),
        region,
        ..Dateline::default()
    })
}

/// The text of `<NAME>...</NAME>` (first occurrence).
fn element<'a>(story: &'a str, name: &str) -> Option<&'a str> {
    // Tag finders are built once: building one per story showed in profiles.
    static TAGS: LazyLock<
        Vec<(
            &'static str,
            memmem::Finder<'static>,
            memmem::Finder<'static>,
        )>,
    > = LazyLock::new(|| {
        [
            ("DATE", "<DATE>", "</DATE>"),
            ("TITLE", "<TITLE>", "</TITLE>"),
            ("DATELINE", "<DATELINE>", "</DATELINE>"),
            ("BODY", "<BODY>", "</BODY>"),
        ]
        .into_iter()
        .map(|(n, o, c)| {
            (
                n,
                memmem::Finder::new(o.as_bytes()),
                memmem::Finder::new(c.as_bytes()),
            )
        })
        .collect()
    });
    let (_, open, close) = TAGS.iter().find(|(n, _, _)| *n == name)?;
    let start = open.find(story.as_bytes())? + open.needle().len();
    let len = close.find(&story.as_bytes()[start..])?;
    Some(&story[start..start + len])
}

/// The body of `<TEXT TYPE="UNPROC">`, which has no `<BODY>` element.
fn unproc_text(story: &str) -> Option<&str> {
    let tag = memmem::find(story.as_bytes(), b"<TEXT TYPE=\"UNPROC\"")?;
    let start = tag + story[tag..].find('>')? + 1;
    let len = memmem::find(&story.as_bytes()[start..], b"</TEXT>")?;
    Some(&story[start..start + len])
}

/// Decodes `&#N;` and the named entities SGML uses; drops control characters.
pub fn entities(s: &str) -> Cow<'_, str> {
    // Chunks without early exit vectorise; a byte-wise `any` does not.
    let has_control = || {
        s.as_bytes()
            .chunks(32)
            .any(|c| c.iter().fold(false, |acc, &b| acc | is_control_byte(b)))
    };
    // The memchr crate's SIMD search, not core's byte-wise one: this runs over every body.
    if memchr::memchr(b'&', s.as_bytes()).is_none() && !has_control() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        push_without_controls(&mut out, &rest[..amp]);
        rest = &rest[amp..];
        // Look for the `;` only within entity length: a search to the next `;` anywhere would
        // rescan the rest of the story at every `&`.
        let semi = rest.as_bytes().iter().take(10).position(|&b| b == b';');
        let decoded = semi.and_then(|i| decode_entity(&rest[1..i]).map(|c| (c, i)));
        match decoded {
            Some((c, i)) => {
                if !c.is_control() || c == '\n' || c == '\t' {
                    out.push(c);
                }
                rest = &rest[i + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    push_without_controls(&mut out, rest);
    Cow::Owned(out)
}

fn is_control_byte(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f
}

/// Copies `s` in spans, skipping ASCII control characters other than newline and tab.
fn push_without_controls(out: &mut String, mut s: &str) {
    // Scan 32-byte chunks without early exit (vectorised); look closer only at a hit.
    let hit = |c: &[u8]| c.iter().fold(false, |acc, &b| acc | is_control_byte(b));
    while let Some(chunk) = s.as_bytes().chunks(32).position(hit) {
        let from = chunk * 32;
        let Some(i) = s.as_bytes()[from..]
            .iter()
            .position(|&b| is_control_byte(b))
            .map(|i| from + i)
        else {
            break;
        };
        out.push_str(&s[..i]);
        s = &s[i + 1..];
    }
    out.push_str(s);
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

fn collapse(s: &str) -> String {
    crate::ingest::collapse_whitespace(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_STORIES: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<TITLE>BAHIA COCOA &lt;REVIEW></TITLE>\n<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in\nthe Bahia cocoa zone, Comissaria Smith said.\n    The dry period means the temporao will be late\nthis year.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"2\">\n<DATE> 2-MAR-1987 09:00:00.00</DATE>\n<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>SHORT BRIEF TITLE\n</TITLE>\n&#3;</TEXT>\n</REUTERS>\n";

    #[test]
    fn parses_every_story_with_title_dateline_and_body() {
        let parsed = parse_sgml(Path::new("r.sgm"), TWO_STORIES);
        assert!(parsed.errors.is_empty());
        assert_eq!(parsed.articles.len(), 2);
        let a = &parsed.articles[0];
        assert_eq!(a.record, Some(1));
        assert_eq!(a.title, "BAHIA COCOA <REVIEW>");
        assert_eq!(
            (a.location.as_deref(), a.agency.as_deref()),
            (Some("SALVADOR"), Some("Reuters"))
        );
        assert_eq!(a.published.unwrap().to_string(), "1987-02-26");
        assert_eq!(
            a.body,
            "Showers continued throughout the week in the Bahia cocoa zone, Comissaria Smith said.\n\nThe dry period means the temporao will be late this year."
        );
        let brief = &parsed.articles[1];
        assert_eq!(
            (brief.record, brief.title.as_str(), brief.body.as_str()),
            (Some(2), "SHORT BRIEF TITLE", "")
        );
        assert_eq!(
            brief.warnings,
            vec!["no <BODY>: title-only story".to_string()]
        );
    }

    #[test]
    fn story_without_title_or_body_is_a_record_error() {
        let parsed = parse_sgml(
            Path::new("r.sgm"),
            "<REUTERS>\n<DATE>26-FEB-1987</DATE></REUTERS><REUTERS><TITLE>T</TITLE></REUTERS>",
        );
        assert_eq!(parsed.articles.len(), 1);
        assert_eq!(
            parsed.errors[0].to_string(),
            "r.sgm:record 1: story has neither <TITLE> nor <BODY>"
        );
    }

    #[test]
    fn unclosed_story_is_reported() {
        let parsed = parse_sgml(Path::new("r.sgm"), "<REUTERS><TITLE>T</TITLE>");
        assert_eq!(
            parsed.errors[0].to_string(),
            "r.sgm:record 1: story has no closing </REUTERS> tag"
        );
    }

    #[test]
    fn starred_dateline_field_gives_the_place() {
        let story = "<REUTERS><TITLE>T</TITLE><DATELINE>****LONDON, March 5 - </DATELINE><BODY>Text.</BODY></REUTERS>";
        let parsed = parse_sgml(Path::new("r.sgm"), story);
        assert_eq!(parsed.articles[0].location.as_deref(), Some("LONDON"));
        assert!(
            parsed.articles[0]
                .warnings
                .iter()
                .all(|w| !w.starts_with("unrecognised"))
        );
    }

    #[test]
    fn misspelt_dateline_field_still_gives_the_place() {
        assert_eq!(
            loose_dateline("NEW YORK, Narch 2 -")
                .and_then(|d| d.location)
                .as_deref(),
            Some("NEW YORK")
        );
        let d = loose_dateline("HAILEY, Idaho, Calif., March 20 -").unwrap();
        assert_eq!(
            (d.location.as_deref(), d.region.as_deref()),
            (Some("HAILEY"), Some("Idaho"))
        );
        assert_eq!(loose_dateline("ME}LBOURNE, March 3 -"), None);
        assert_eq!(
            loose_dateline("omaha, april 7 -")
                .and_then(|d| d.location)
                .as_deref(),
            Some("omaha")
        );
        assert_eq!(loose_dateline("APRIL 7  -"), None);
    }

    #[test]
    fn entities_decode_and_controls_drop() {
        assert_eq!(
            entities("a &lt;b&gt; &amp; &#233;&#3; &bogus; & x"),
            "a <b> & \u{e9} &bogus; & x"
        );
    }
}
