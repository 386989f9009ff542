//! Plain-text articles and the ` date YYYY-MM-DD` archive format.
//!
//! Plain text: the title is the first non-empty line (or a `-- Title` header line); `-- `
//! header lines after it give the byline (`-- By Name`), the publication time
//! (`-- Mon Oct 23, 2006 1:48pm EDT`) and the URL (`-- http://...`); a line holding only a date
//! just below the title is the publication date. Archive format: ` date 2026-02-26 Title - Hint`,
//! then `11:12 GMT 26.02.2026 (Updated: 11:13 GMT 26.02.2026)`, then photo credits (`© ...`),
//! captions and `Subscribe`, which are dropped. The rest of both goes to [`extract_body`].

use std::borrow::Cow;

use chrono::NaiveDate;

use super::Draft;
use super::body::extract_body;
use super::dateline::parse_dateline;
use super::dates::parse_stamp;
use crate::article::Published;

/// How many leading lines are split off to look for the title and header lines.
const HEAD_LINES: usize = 48;

/// How many lines after the title may hold a date line.
const DATE_LINE_WINDOW: usize = 3;

/// True when `text` opens with the archive header ` date YYYY-MM-DD `.
pub fn is_archive(text: &str) -> bool {
    archive_header(
        text.lines()
            .find(|l| !crate::ingest::is_blank(l))
            .unwrap_or(""),
    )
    .is_some()
}

/// (date, rest of the line) of ` date 2026-02-26 Title`.
fn archive_header(line: &str) -> Option<(NaiveDate, &str)> {
    let rest = line.trim_start().strip_prefix("date ")?;
    let date = NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()?;
    Some((date, rest[10..].trim()))
}

/// Parses an archive-format article.
pub fn parse_archive(text: &str) -> Draft {
    let mut lines = text.lines().skip_while(|l| crate::ingest::is_blank(l));
    let mut draft = Draft::default();
    if let Some((date, title)) = lines.next().and_then(archive_header) {
        let (title, source) = split_title_source(title);
        draft.title = title.to_string();
        draft.title_source = source.map(str::to_string);
        draft.published = Some(Published::Date(date));
    }
    let rest: Vec<&str> = lines.collect();
    let mut start = 0;
    if let Some(i) = rest.iter().position(|l| !crate::ingest::is_blank(l)) {
        if let Some((published, updated)) = parse_archive_stamp(rest[i]) {
            if draft
                .published
                .is_some_and(|p| p.date() != published.date())
            {
                draft.warnings.push(format!(
                    "header date differs from the timestamp line ({published})"
                ));
            }
            draft.published = Some(published);
            draft.updated = updated;
            start = i + 1;
        }
    }
    // Everything up to `Subscribe` is photo credits and captions; without one, drop © lines.
    let header_end = rest
        .iter()
        .skip(start)
        .take(12)
        .position(|l| l.trim() == "Subscribe")
        .map(|p| start + p + 1);
    let body_lines = rest[header_end.unwrap_or(start)..]
        .iter()
        .filter(|l| !is_credit_line(l))
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    let parts = extract_body(&body_lines, true);
    draft.parts = parts;
    draft
}

fn is_credit_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('©') || t == "Subscribe"
}

/// `11:12 GMT 26.02.2026 (Updated: 11:13 GMT 26.02.2026)`.
fn parse_archive_stamp(line: &str) -> Option<(Published, Option<Published>)> {
    let line = line.trim();
    match line.split_once("(Updated:") {
        Some((first, updated)) => {
            let published = parse_stamp(first)?;
            Some((published, parse_stamp(updated.trim_end_matches(')'))))
        }
        None => parse_stamp(line).map(|p| (p, None)),
    }
}

/// `Title - Kremlin` -> (`Title`, `Kremlin`) when the tail is a short capitalised name.
pub fn split_title_source(title: &str) -> (&str, Option<&str>) {
    if let Some((head, tail)) = title.rsplit_once(" - ") {
        let tail = tail.trim();
        let words = tail.split_whitespace().count();
        if !head.trim().is_empty()
            && (1..=4).contains(&words)
            && tail.len() <= 40
            && tail.chars().next().is_some_and(char::is_uppercase)
            && !tail.ends_with(['.', '?', '!'])
        {
            return (head.trim(), Some(tail));
        }
    }
    (title.trim(), None)
}

/// Parses a plain-text article.
pub fn parse_plain(text: &str) -> Draft {
    let mut draft = Draft::default();
    // Headers sit in the first lines: split only those; the last piece is the rest of the text.
    let lines = head_lines(text);
    let mut i = lines
        .iter()
        .position(|l| !crate::ingest::is_blank(l))
        .unwrap_or(lines.len());
    let mut extra_headers: Vec<&str> = Vec::new();

    // Title: a `-- Title` header line or the first non-empty line.
    if let Some(line) = lines.get(i) {
        if let Some(h) = header(line) {
            draft.title = h.to_string();
            i += 1;
        } else if parse_dateline(line.trim(), false).is_some() {
            // The story starts at once: name it after its first sentence, keep the line.
            draft.title = first_sentence(line);
            draft
                .warnings
                .push("no title line; title taken from the first sentence".into());
        } else {
            draft.title = collapse_spaces(line.trim());
            i += 1;
        }
    }

    // `-- ` header lines, possibly after blank lines.
    let mut j = i;
    while j < lines.len() {
        let line = lines[j];
        if crate::ingest::is_blank(line) {
            j += 1;
            continue;
        }
        let Some(h) = header(line) else { break };
        if h.is_empty() {
        } else if let Some(by) = h.strip_prefix("By ").or_else(|| h.strip_prefix("by ")) {
            draft.byline = Some(collapse_spaces(by.trim()));
        } else if h.starts_with("http://") || h.starts_with("https://") {
            draft.url = Some(h.to_string());
        } else if let Some(p) = parse_stamp(h) {
            draft.published = Some(p);
        } else {
            extra_headers.push(h);
        }
        j += 1;
        i = j;
    }

    // A date line just below the title.
    if draft.published.is_none() {
        let window = lines[i..]
            .iter()
            .enumerate()
            .filter(|(_, l)| !crate::ingest::is_blank(l))
            .take(DATE_LINE_WINDOW);
        let found = window
            .map(|(k, l)| (k, strip_all(strip_all(l.trim(), "Published:"), "Updated:")))
            .find_map(|(k, l)| parse_stamp(l).map(|p| (k, p)));
        if let Some((k, p)) = found {
            draft.published = Some(p);
            let mut rest: Vec<&str> = lines[i..].to_vec();
            rest.remove(k);
            draft.parts = extract_body(&join_headers(&extra_headers, &rest.join("\n")), true);
            return draft;
        }
    }
    // The body is a slice of the text from line `i` on: no copy.
    let rest = lines
        .get(i)
        .map(|l| &text[offset_in(text, l)..])
        .unwrap_or("");
    draft.parts = extract_body(&join_headers(&extra_headers, rest), true);
    draft
}

/// Byte offset of `part`, a slice of `text`, inside `text`.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

/// The first [`HEAD_LINES`] - 1 lines and then the rest of `text` (memchr's SIMD search).
fn head_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(HEAD_LINES);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).take(HEAD_LINES - 1) {
        lines.push(&text[start..end]);
        start = end + 1;
    }
    lines.push(&text[start..]);
    lines
}

/// Text of a `-- ` header line (`--` alone gives an empty header).
fn header(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("--")?;
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim())
}

/// Unknown header lines are kept as the first paragraphs: text is never dropped silently.
fn join_headers<'a>(extra: &[&str], rest: &'a str) -> Cow<'a, str> {
    if extra.is_empty() {
        return Cow::Borrowed(rest);
    }
    Cow::Owned(format!("{}\n\n{rest}", extra.join("\n\n")))
}

fn collapse_spaces(s: &str) -> String {
    crate::ingest::collapse_whitespace(s)
}

/// `s` without any leading repeats of `prefix`: `trim_start_matches`, without building a
/// substring searcher for each of the several lines of every article.
fn strip_all<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

/// The first sentence of a dateline paragraph (after the dateline), cut at 120 bytes.
fn first_sentence(line: &str) -> String {
    let line = line.trim();
    let text = parse_dateline(line, false)
        .map(|d| line[d.end..].trim())
        .unwrap_or(line);
    let end = text.find(". ").map(|e| e + 1).unwrap_or(text.len());
    let mut s = &text[..end];
    if s.len() > 120 {
        let mut cut = 120;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s = &s[..cut];
        if let Some(space) = s.rfind(' ') {
            s = &s[..space];
        }
    }
    collapse_spaces(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REUTERS_2006_SHAPE: &str = "-- Acme buys Widget Co\n-- By  Jane Doe\n-- Tue Jul 29, 2008 7:23pm EDT\n-- http://example.com/a\n\n \n\n WASHINGTON  (Reuters) - Acme Corp said on Tuesday it would buy Widget Co. \n\n Shares rose. (Reporting by Jane Doe; Editing by John Roe)\n";

    #[test]
    fn reads_dash_header_lines() {
        let d = parse_plain(REUTERS_2006_SHAPE);
        assert_eq!(d.title, "Acme buys Widget Co");
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.url.as_deref(), Some("http://example.com/a"));
        assert_eq!(
            d.published.unwrap().to_string(),
            "2008-07-29T19:23:00-04:00"
        );
        assert_eq!(
            d.parts.dateline.unwrap().location.as_deref(),
            Some("WASHINGTON")
        );
        assert_eq!(
            d.parts.body,
            "Acme Corp said on Tuesday it would buy Widget Co.\n\nShares rose."
        );
    }

    #[test]
    fn title_is_first_line_and_date_line_below_it_is_read() {
        let d =
            parse_plain("\nTalks resume\nFebruary 26, 2026\n\nTOKYO, Feb 26 - Talks resumed.\n");
        assert_eq!(d.title, "Talks resume");
        assert_eq!(d.published.unwrap().to_string(), "2026-02-26");
        assert_eq!(d.parts.body, "Talks resumed.");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn story_without_title_line_is_named_after_its_first_sentence() {
        let d = parse_plain("MOSCOW (Sputnik) - Talks resumed. More followed.\n");
        assert_eq!(d.title, "Talks resumed.");
        assert_eq!(d.parts.body, "Talks resumed. More followed.");
    }

    #[test]
    fn archive_header_credits_and_subscribe_are_dropped() {
        let text = " date 2026-02-26 Pipeline talks - Kremlin\n11:12 GMT 26.02.2026 (Updated: 11:13 GMT 26.02.2026)\n© Sputnik / Jane DoeA caption of the photo.\n© Sputnik / Jane Doe\nSubscribe\nMOSCOW (Sputnik) - Talks go on.\nMore talks.\n";
        assert!(is_archive(text));
        let d = parse_archive(text);
        assert_eq!(d.title, "Pipeline talks");
        assert_eq!(d.title_source.as_deref(), Some("Kremlin"));
        assert_eq!(d.published.unwrap().to_string(), "2026-02-26T11:12:00Z");
        assert_eq!(d.updated.unwrap().to_string(), "2026-02-26T11:13:00Z");
        assert_eq!(d.parts.body, "Talks go on.\n\nMore talks.");
    }

    #[test]
    fn title_source_needs_a_short_capitalised_tail() {
        assert_eq!(
            split_title_source("Talks - Kremlin"),
            ("Talks", Some("Kremlin"))
        );
        assert_eq!(
            split_title_source("Russia - Ukraine talks end in a stalemate again"),
            ("Russia - Ukraine talks end in a stalemate again", None)
        );
        assert_eq!(split_title_source("Prices - up"), ("Prices - up", None));
    }

    #[test]
    fn strip_all_removes_every_leading_repeat_like_trim_start_matches() {
        for line in [
            "Published:Published: 2026",
            "Published: x Published:",
            "Updated:",
            "x",
        ] {
            assert_eq!(
                strip_all(line, "Published:"),
                line.trim_start_matches("Published:")
            );
        }
        assert_eq!(
            strip_all("Published:Published: 2026", "Published:"),
            " 2026"
        );
    }
}
