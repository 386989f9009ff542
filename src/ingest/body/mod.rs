//! Story text -> body: paragraphs, dateline, bylines, editorial notes and trailers.
//!
//! [`extract_body`] takes the text after a file's headers and returns the body with paragraphs
//! joined by `"\n\n"`, plus the dateline and byline it found. Paragraphs come from blank lines;
//! inside a block of lines, lines that end sentences are one paragraph each, while
//! hard-wrapped text (lines broken mid-sentence) is joined with spaces and split again where a
//! line is indented or a short line ends a sentence. It removes, and only removes: the
//! dateline prefix, `By ...` bylines, editorial notes (`(Corrects ...)`), credit trailers
//! (`Reporting by ...; Editing by ...`, `(Editing by ...)`), the closing `Reuter`/`REUTER`, and a
//! `Related:` link list. It does one pass over the lines and runs the dateline regex on the
//! first few paragraphs only.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;

use super::dateline::{Dateline, parse_dateline};
use trailers::strip_trailers;

mod trailers;

/// Hard-wrapped text has no line wider than this (in bytes); wire copy wraps at 60-80.
const WRAPPED_WIDTH: usize = 110;

/// How many leading paragraphs may hold the dateline (deck lines and notes come first).
const DATELINE_WINDOW: usize = 4;

/// What [`extract_body`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BodyParts {
    /// The cleaned body.
    pub body: String,
    /// The dateline, when there is one.
    pub dateline: Option<Dateline>,
    /// A byline line or a byline glued to the dateline.
    pub byline: Option<String>,
}

/// Splits `text` into paragraphs and cleans them (see the module doc). `find_dateline` is false
/// where the dateline comes from elsewhere (the SGML `<DATELINE>` field).
pub fn extract_body(text: &str, find_dateline: bool) -> BodyParts {
    let Paragraphs {
        text: all,
        mut spans,
    } = paragraph_spans(text);
    let mut parts = BodyParts::default();

    // Editorial notes and bylines only ever sit at the top; datelines within the first few.
    let mut i = 0;
    let mut seen = 0;
    while i < spans.len() && seen < DATELINE_WINDOW {
        let p = &all[spans[i].clone()];
        if is_editorial_note(p) {
            spans.remove(i);
            continue;
        }
        if parts.byline.is_none() && parts.dateline.is_none() {
            if let Some(name) = byline(p) {
                parts.byline = Some(name);
                spans.remove(i);
                continue;
            }
        }
        if let Some(d) = find_dateline.then(|| parse_dateline(p, false)).flatten() {
            let rest = p[d.end..].trim_start().len();
            if d.byline.is_some() {
                parts.byline = d.byline.clone();
            }
            parts.dateline = Some(d);
            if rest == 0 {
                spans.remove(i);
            } else {
                // The rest is the paragraph's tail: move its start.
                spans[i].start = spans[i].end - rest;
            }
            break;
        }
        seen += 1;
        i += 1;
    }

    strip_trailers(&all, &mut spans);
    parts.body = join_spans(all, &spans);
    parts
}

/// Paragraphs of `text` with each paragraph's whitespace collapsed (see the module doc).
#[cfg(test)]
pub fn paragraphs(text: &str) -> Vec<String> {
    let p = paragraph_spans(text);
    p.spans
        .iter()
        .map(|r| p.text[r.clone()].to_string())
        .collect()
}

/// Cleaned paragraphs written back to back into one buffer, separated by `"\n\n"` as the body
/// joins them: one allocation for all of them, and when nothing in the middle is dropped the
/// body is the buffer itself.
struct Paragraphs {
    text: String,
    /// Each paragraph's byte range in `text`, in order.
    spans: Vec<Range<usize>>,
}

fn paragraph_spans(text: &str) -> Paragraphs {
    // Sized for wire copy, so the vectors seldom regrow: a paragraph per few hundred bytes,
    // a block of a few dozen lines.
    let mut out = Paragraphs {
        text: String::with_capacity(text.len() + 16),
        spans: Vec::with_capacity(text.len() / 256 + 4),
    };
    let mut block: Vec<&str> = Vec::with_capacity(32);
    // memchr's SIMD search for line ends (str::split's fallback is byte-wise).
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let line = &text[start..end];
        start = end + 1;
        if crate::ingest::is_blank(line) {
            flush_block(&block, &mut out);
            block.clear();
        } else {
            block.push(line);
        }
    }
    flush_block(&block, &mut out);
    out
}

/// The paragraphs `spans` of `all`, joined by `"\n\n"`. Usually they still lie back to back
/// with their separators in `all`, and the body is a slice of it (or `all` itself).
fn join_spans(mut all: String, spans: &[Range<usize>]) -> String {
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return String::new();
    };
    if spans.windows(2).all(|w| w[1].start == w[0].end + 2) {
        all.truncate(last.end);
        all.drain(..first.start);
        return all;
    }
    let len = spans.iter().map(|r| r.len() + 2).sum::<usize>() - 2;
    let mut body = String::with_capacity(len);
    for (k, r) in spans.iter().enumerate() {
        if k > 0 {
            body.push_str("\n\n");
        }
        body.push_str(&all[r.clone()]);
    }
    body
}

impl Paragraphs {
    /// Starts a paragraph: writes the separator and returns (separator start, text start).
    fn open(&mut self) -> (usize, usize) {
        let sep = self.text.len();
        if !self.spans.is_empty() {
            self.text.push_str("\n\n");
        }
        (sep, self.text.len())
    }

    /// Ends the paragraph opened at `(sep, from)`; an empty one is taken back whole.
    fn close(&mut self, (sep, from): (usize, usize)) {
        if self.text.len() > from {
            self.spans.push(from..self.text.len());
        } else {
            self.text.truncate(sep);
        }
    }
}

fn flush_block(block: &[&str], out: &mut Paragraphs) {
    if block.is_empty() {
        return;
    }
    // Indentation marks paragraphs when some lines are indented and others are not (SGML,
    // hard-wrapped Reuters text).
    let indented = |l: &str| l.starts_with([' ', '\t']);
    let widest = block.iter().map(|l| l.trim_end().len()).max().unwrap_or(0);
    let indent_marks = widest <= WRAPPED_WIDTH
        && block.iter().any(|l| indented(l))
        && block.iter().any(|l| !indented(l));
    // Otherwise one paragraph per line (the seed, most scrapes) when lines end sentences;
    // hard-wrapped text breaks lines mid-sentence.
    let inner = &block[..block.len() - 1];
    let ends = inner.iter().filter(|l| ends_sentence(l.trim_end())).count();
    if !indent_marks && !inner.is_empty() && ends * 10 >= inner.len() * 6 {
        for line in block {
            let at = out.open();
            push_collapsed(&mut out.text, line);
            out.close(at);
        }
        return;
    }
    let starts_new = |n: usize| {
        n > 0
            && if indent_marks {
                indented(block[n])
            } else {
                let prev = block[n - 1].trim_end();
                prev.len() * 10 < widest * 6 && ends_sentence(prev)
            }
    };
    let mut from = 0;
    for n in 1..=block.len() {
        if n < block.len() && !starts_new(n) {
            continue;
        }
        let at = out.open();
        for line in &block[from..n] {
            let before = out.text.len();
            if before > at.1 {
                out.text.push(' ');
            }
            push_collapsed(&mut out.text, line);
            // A line of control characters adds nothing: take back its separator.
            if before > at.1 && out.text.len() == before + 1 {
                out.text.truncate(before);
            }
        }
        out.close(at);
        from = n;
    }
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', '"', '”', '’', ')', ':'])
}

/// Appends `line` trimmed, with runs of spaces and tabs made one space and ASCII control
/// characters dropped. Copies whole spans between changes, not characters.
fn push_collapsed(out: &mut String, line: &str) {
    static DOUBLE_SPACE: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"  "));
    let line = line.trim();
    let bytes = line.as_bytes();
    if has_control(bytes) {
        // Dropping controls can leave other whitespace at the ends (`\x01\u{a0}text`).
        let mut cleaned = String::with_capacity(line.len());
        push_cleaned(&mut cleaned, line);
        out.push_str(cleaned.trim());
        return;
    }
    // Most lines (hard-wrapped wire copy) have no run of spaces: one vectorised pass says
    // so, cheaper than starting a substring search on every short line.
    if !has_double_space(bytes) {
        out.push_str(line);
        return;
    }
    // Only runs of spaces to close up: jump between them with a SIMD search.
    let mut start = 0;
    while let Some(hit) = DOUBLE_SPACE.find(&bytes[start..]).map(|p| start + p) {
        out.push_str(&line[start..=hit]);
        start = hit + 2;
        while bytes.get(start) == Some(&b' ') {
            start += 1;
        }
    }
    out.push_str(&line[start..]);
}

/// [`push_collapsed`] for a line with tabs or control characters: byte by byte.
fn push_cleaned(out: &mut String, line: &str) {
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\t' {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                j += 1;
            }
            if j - i > 1 || b == b'\t' {
                out.push_str(&line[start..i]);
                out.push(' ');
                start = j;
            }
            i = j;
        } else if b < 0x20 || b == 0x7f {
            out.push_str(&line[start..i]);
            start = i + 1;
            i += 1;
        } else {
            i += 1;
        }
    }
    out.push_str(&line[start..]);
}

/// True when `bytes` holds an ASCII control character (tab included). Folds 32-byte chunks
/// without early exit inside a chunk, which the compiler vectorises.
/// True when two spaces follow each other somewhere in `bytes`.
fn has_double_space(bytes: &[u8]) -> bool {
    let Some(rest) = bytes.get(1..) else {
        return false;
    };
    // Two equal-length slices, so the fold vectorises.
    bytes[..rest.len()]
        .iter()
        .zip(rest)
        .fold(false, |acc, (&a, &b)| acc | ((a == b' ') & (b == b' ')))
}

fn has_control(bytes: &[u8]) -> bool {
    bytes.chunks(32).any(|c| {
        c.iter()
            .fold(false, |acc, &b| acc | (b < 0x20) | (b == 0x7f))
    })
}

/// `(Corrects paragraph 4 ...)`, `(Updates with ...)`: notes to editors, not story text.
fn is_editorial_note(p: &str) -> bool {
    const NOTES: &[&str] = &[
        "(Corrects",
        "(Corrected",
        "(Updates",
        "(Adds",
        "(Recasts",
        "(Refiles",
        "(Repeats",
        "(Changes",
    ];
    p.ends_with(')') && NOTES.iter().any(|n| p.starts_with(n)) && p.len() < 400
}

/// A paragraph that is only `By Name [and Name]`, as opposed to a sentence starting "By".
fn byline(p: &str) -> Option<String> {
    let rest = p
        .strip_prefix("By ")
        .or_else(|| p.strip_prefix("BY "))?
        .trim();
    if rest.is_empty()
        || rest.len() > 80
        || rest.ends_with(['.', '!', '?']) && !rest.ends_with(" Jr.")
    {
        return None;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    const GLUE: &[&str] = &[
        "and", "&", "in", "of", "de", "van", "von", "der", "la", "le", "da", "bin", "al", "el",
    ];
    let name_like = words.iter().all(|w| {
        let w = w.trim_end_matches(',');
        GLUE.contains(&w) || w.chars().next().is_some_and(char::is_uppercase)
    });
    (name_like && words.len() <= 10).then(|| rest.to_string())
}

#[cfg(test)]
mod tests;
