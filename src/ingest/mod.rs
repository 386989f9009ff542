//! Ingest: bytes on disk -> [`Article`]s. Pure parsing apart from [`parse_path`] (one read)
//! and [`walk`] (the folder walk); attribution and name folding live in their submodules.
//!
//! # Pipeline
//!
//! [`parse_path`] refuses files over [`MAX_FILE_BYTES`] before reading them, then
//! [`parse_bytes`] decodes (UTF-8 with or without BOM, UTF-16 with BOM, otherwise
//! Windows-1252; CRLF and CR become LF; NUL bytes mean binary and are refused), detects the
//! format, parses it, finds the dateline, cleans the body, and runs attribution.
//!
//! # Formats
//!
//! Detected in this order:
//!
//! 1. **SGML** (Reuters-21578): `.sgm`/`.sgml`, or text opening with `<!DOCTYPE lewis` or
//!    `<REUTERS`. Many stories per file; see [`sgml`].
//! 2. **JSON**: `.json`/`.ndjson`/`.jsonl`, or a first line that is a JSON object. One object,
//!    an array of objects, or one object per line; see [`json`].
//! 3. **Archive**: a first line ` date YYYY-MM-DD Title[ - Source hint]`:
//!    ```text
//!     date 2026-02-26 Pipeline talks continue - Kremlin
//!    11:12 GMT 26.02.2026 (Updated: 11:13 GMT 26.02.2026)
//!    © Sputnik / Photographer NameA photo caption.
//!    Subscribe
//!    MOSCOW (Sputnik) - Story text ...
//!    ```
//! 4. **Plain text**: anything else. Title on the first non-empty line (or `-- Title`), then
//!    optional `-- By Name`, `-- Mon Oct 23, 2006 1:48pm EDT`, `-- http://...` header lines or a
//!    date line, then the story:
//!    ```text
//!    Acme buys Widget
//!    -- By Jane Doe
//!    -- Mon Oct 23, 2006 1:48pm EDT
//!
//!    NEW YORK (Reuters) - Acme Corp said on Monday ...
//!    ```
//!
//! # Dates
//!
//! `published` comes from the header (archive line, timestamp line, `-- ` stamp, date line,
//! JSON `date`, SGML `<DATE>`), with time and offset when the text gives both. A dateline's
//! day (`KYIV, Feb 26`) only checks it: a day more than one day away gives a warning. With no
//! other date, a dateline date that carries a year (`Aug. 8, 2006`) is used, with a warning; a
//! dateline day without a year is not (that would invent a year). No date at all keeps the
//! article with `published: null` and a warning.

pub mod attribution;
mod body;
mod date_text;
mod dateline;
mod dates;
mod decode;
mod json;
pub mod names;
mod plain;
mod sgml;
pub mod walk;

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use memchr::memmem;

pub use body::{BodyParts, extract_body};
pub use dateline::{Dateline, normalise_agency, parse_dateline};
pub use dates::parse_stamp;
pub use walk::walk;

use crate::article::{Article, Format, Published};
use crate::error::{Error, Result};

/// Files larger than this are refused before they are read (64 MiB: the largest Reuters-21578
/// file is 1.4 MB, and a story archive this big should be split).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What one file gave: its articles, and per-record failures of multi-story files (an NDJSON
/// line that is not an object, an SGML story without text).
#[derive(Debug, Default)]
pub struct Parsed {
    /// Articles in file order.
    pub articles: Vec<Article>,
    /// Records that could not be used; each names its `line N` or `record N`.
    pub errors: Vec<Error>,
}

/// A story as a format parser reads it, before the shared steps of [`finish`].
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub title: String,
    pub title_source: Option<String>,
    pub published: Option<Published>,
    pub updated: Option<Published>,
    pub byline: Option<String>,
    pub url: Option<String>,
    pub parts: BodyParts,
    pub warnings: Vec<String>,
}

/// Reads and parses one file. Refuses files over [`MAX_FILE_BYTES`] without reading them.
pub fn parse_path(path: &Path) -> Result<Parsed> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::bad_article(path, None, "not a regular file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    // The file may grow between stat and read: never read more than the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    parse_bytes(path, &bytes)
}

fn too_large(path: &Path, len: u64) -> Error {
    Error::bad_article(
        path,
        None,
        format!(
            "file is {len} bytes, over the {} MiB limit; split it into smaller files",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// Decodes `bytes`, detects the format and parses every story (see the module doc). `path`
/// names the articles and picks the format by extension.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Parsed> {
    if bytes.is_empty() {
        return Err(Error::bad_article(path, None, "empty file"));
    }
    let (text, encoding) =
        decode::decode(bytes).map_err(|reason| Error::bad_article(path, None, reason))?;
    if text.trim().is_empty() {
        return Err(Error::bad_article(path, None, "no text (only whitespace)"));
    }
    let ext = extension(path);
    let mut parsed = if matches!(ext.as_str(), "sgm" | "sgml") || sgml::is_sgml(&text) {
        let parsed = sgml::parse_sgml(path, &text);
        if parsed.articles.is_empty() && parsed.errors.is_empty() {
            return Err(Error::bad_article(
                path,
                None,
                "no <REUTERS> story in this SGML file",
            ));
        }
        parsed
    } else if matches!(ext.as_str(), "json" | "ndjson" | "jsonl")
        || first_line_is_json_object(&text)
    {
        json::parse_json(path, &text)?
    } else {
        let (format, draft) = if plain::is_archive(&text) {
            (Format::Archive, plain::parse_archive(&text))
        } else {
            (Format::Plain, plain::parse_plain(&text))
        };
        Parsed {
            articles: vec![finish(path, format, None, draft)],
            errors: Vec::new(),
        }
    };
    if encoding == decode::Encoding::Windows1252 {
        for a in &mut parsed.articles {
            a.warnings
                .push("not valid UTF-8; read as Windows-1252".into());
        }
    }
    Ok(parsed)
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn first_line_is_json_object(text: &str) -> bool {
    let first = text.trim_start().split('\n').next().unwrap_or("");
    first.starts_with('{')
        && serde_json::from_str::<serde_json::Value>(first).is_ok_and(|v| v.is_object())
}

/// True for files a folder walk should parse: `.txt`, `.text`, `.sgm`, `.sgml`, `.json`,
/// `.ndjson`, `.jsonl`, and files without an extension (many archives name stories by id).
pub fn is_article_path(path: &Path) -> bool {
    match path.extension() {
        None => path.file_name().is_some(),
        Some(ext) => {
            let ext = ext.to_string_lossy().to_ascii_lowercase();
            matches!(
                ext.as_str(),
                "txt" | "text" | "sgm" | "sgml" | "json" | "ndjson" | "jsonl"
            )
        }
    }
}

/// Stable article id: 16 hex chars of blake3 over the title, date and body, each lower-cased
/// with whitespace runs collapsed, so re-wrapped or copied files give the same id.
pub fn article_id(title: &str, published: Option<&Published>, body: &str) -> String {
    let mut date_buf = date_text::DateBuf::default();
    let date = published.map_or(Cow::Borrowed(""), |p| {
        date_text::date_text(p, &mut date_buf)
    });
    let mut buf = Vec::with_capacity(title.len() + date.len() + body.len() + 3);
    for part in [title, &*date, body] {
        push_normalised(&mut buf, part);
        // Separates the parts so text cannot move between title and body unnoticed.
        buf.push(0x1f);
    }
    // One large update: blake3 is fast on big inputs and slow on many tiny ones.
    blake3::hash(&buf).to_hex()[..16].to_string()
}

/// Appends `s` lower-cased, with whitespace runs collapsed to one space and trimmed.
///
/// This runs over every byte of every article, so it is two passes that vectorise: a map
/// (lower-case, whitespace to a space) over ASCII runs, with non-ASCII characters lowered one
/// by one, then closing up the runs of spaces (few: paragraph breaks).
fn push_normalised(buf: &mut Vec<u8>, s: &str) {
    static DOUBLE_SPACE: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"  "));
    let start = buf.len();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run_end = first_non_ascii(&bytes[i..]).map_or(bytes.len(), |p| i + p);
        let from = buf.len();
        buf.resize(from + (run_end - i), 0);
        for (o, &b) in buf[from..].iter_mut().zip(&bytes[i..run_end]) {
            // Branch-free, so the loop vectorises: space, tab, LF, VT, FF, CR become a space.
            let space = (b == b' ') | (b.wrapping_sub(9) < 5);
            let lower = b | (u8::from(b.wrapping_sub(b'A') < 26) << 5);
            *o = if space { b' ' } else { lower };
        }
        i = run_end;
        if let Some(c) = s.get(i..).and_then(|t| t.chars().next()) {
            if c.is_whitespace() {
                buf.push(b' ');
            } else {
                let mut tmp = [0u8; 4];
                for lower in c.to_lowercase() {
                    buf.extend_from_slice(lower.encode_utf8(&mut tmp).as_bytes());
                }
            }
            i += c.len_utf8();
        }
    }
    // Close up runs of spaces, then trim the ends.
    let end = buf.len();
    let (mut read, mut write) = (start, start);
    while let Some(i) = DOUBLE_SPACE.find(&buf[read..end]) {
        let keep_to = read + i + 1;
        buf.copy_within(read..keep_to, write);
        write += keep_to - read;
        read = keep_to;
        while read < end && buf[read] == b' ' {
            read += 1;
        }
    }
    buf.copy_within(read..end, write);
    buf.truncate(write + (end - read));
    if buf.len() > start && buf[start] == b' ' {
        buf.remove(start);
    }
    if buf.len() > start && buf.last() == Some(&b' ') {
        buf.pop();
    }
}

/// `s` with whitespace runs made one space and the ends trimmed: the same string as
/// `s.split_whitespace().collect::<Vec<_>>().join(" ")`, built in one allocation. Titles,
/// bylines and speaker roles of every article pass through here.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if !s.is_ascii() {
        // Unicode whitespace (no-break spaces, U+2009...) counts too: the general path.
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        return out;
    }
    // ASCII: whitespace is space, tab, LF, VT, FF, CR. Most strings (titles, names) are
    // already clean: single spaces between words, none at the ends. One pass says so.
    let b = s.as_bytes();
    let clean = b.first().is_some_and(|&c| c != b' ')
        && b.last().is_some_and(|&c| c != b' ')
        && b.iter().all(|&c| c == b' ' || !is_ascii_space(c))
        && !b.windows(2).any(|w| w == b"  ");
    if clean {
        out.push_str(s);
        return out;
    }
    // Otherwise copy the runs between whitespace whole.
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && is_ascii_space(b[i]) {
            i += 1;
        }
        let start = i;
        while i < b.len() && !is_ascii_space(b[i]) {
            i += 1;
        }
        if start < i {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[start..i]);
        }
    }
    out
}

/// `s.trim().is_empty()`, deciding most lines at their first byte: a line of text ends the
/// test at once, and only a line with non-ASCII bytes before any other byte takes the
/// general path.
pub(crate) fn is_blank(s: &str) -> bool {
    for &b in s.as_bytes() {
        if b >= 0x80 {
            return s.trim().is_empty();
        }
        if !is_ascii_space(b) {
            return false;
        }
    }
    true
}

/// ASCII whitespace as `char::is_whitespace` sees it (vertical tab included, unlike
/// `u8::is_ascii_whitespace`).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (9..=13).contains(&b)
}

/// Position of the first byte >= 0x80: 32-byte chunks are tested without early exit
/// (vectorised), then the hit chunk byte by byte.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let chunk = bytes
        .chunks(32)
        .position(|c| c.iter().fold(0u8, |acc, &b| acc | b) >= 0x80)?;
    let from = chunk * 32;
    bytes[from..]
        .iter()
        .position(|&b| b >= 0x80)
        .map(|p| from + p)
}

/// `path` as [`Path::display`] writes it, without the formatting machinery for the usual
/// UTF-8 path (it was a tenth of the per-article cost outside attribution).
fn path_text(path: &Path) -> String {
    path.to_str()
        .map_or_else(|| path.display().to_string(), str::to_string)
}

/// The shared last steps: dateline fields, date reconciliation, id, attribution.
pub(crate) fn finish(path: &Path, format: Format, record: Option<u32>, draft: Draft) -> Article {
    let Draft {
        title,
        title_source,
        mut published,
        updated,
        byline,
        url,
        parts,
        mut warnings,
    } = draft;
    let BodyParts {
        body,
        dateline,
        byline: body_byline,
    } = parts;
    let dateline = dateline.unwrap_or_default();
    if let Some((month, day)) = dateline.month_day {
        match published {
            Some(p) => {
                let resolved = dates::resolve_month_day(month, day, p.date());
                if resolved.is_none_or(|d| (d - p.date()).num_days().abs() > 1) {
                    warnings.push(format!("dateline day {month:02}-{day:02} is more than a day from the publication date"));
                }
            }
            None => {
                if let Some(d) = dateline
                    .year
                    .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
                {
                    published = Some(Published::Date(d));
                    warnings.push("publication date taken from the dateline".into());
                }
            }
        }
    }
    if published.is_none() {
        warnings.push("no publication date found".into());
    }
    if title.is_empty() {
        warnings.push("no title".into());
    }
    let id = article_id(&title, published.as_ref(), &body);
    let found = attribution::attribute(&body, published.map(|p| p.date()));
    Article {
        id,
        path: path_text(path),
        record,
        format,
        title,
        title_source,
        published,
        updated,
        location: dateline.location,
        region: dateline.region,
        agency: dateline.agency,
        byline: byline.or(body_byline),
        url,
        body,
        speakers: found.speakers,
        organisations: found.organisations,
        quotes: found.quotes,
        warnings,
    }
}

#[cfg(test)]
mod tests;
