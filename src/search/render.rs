//! Writing search results: human text (bold highlights when colour is on), pretty JSON, or
//! NDJSON. The only module that prints hits; it decides nothing about what matched, it only
//! consumes the passages and highlight offsets it is given. Hits are written one at a time,
//! so `--all` streams; I/O errors (a closed pipe) are returned, never swallowed.

use crate::display::Relative;
use std::io::{self, Write};

use serde::Serialize;

use super::Hit;
use super::snippet::{Highlight, Passage};
use crate::cli::OutputFormat;

const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// What the whole result list is about, written before the hits.
#[derive(Clone, Debug, Serialize)]
pub struct Header {
    /// The query as typed.
    pub query: String,
    /// Number of matching articles.
    pub total_hits: usize,
    /// True when an exact phrase found nothing and these are its near matches.
    pub relaxed: bool,
}

/// A hit as JSON: every field a user needs to cite and check it.
#[derive(Serialize)]
struct HitJson<'a> {
    rank: usize,
    score: f32,
    id: &'a str,
    path: &'a str,
    title: &'a str,
    published: Option<String>,
    location: Option<&'a str>,
    region: Option<&'a str>,
    agency: Option<&'a str>,
    speakers: Vec<&'a str>,
    passages: &'a [Passage],
}

impl<'a> HitJson<'a> {
    fn new(hit: &'a Hit) -> Self {
        let a = &hit.article;
        HitJson {
            rank: hit.rank,
            score: hit.score,
            id: &a.id,
            path: &a.path,
            title: &a.title,
            published: a.published.map(|p| p.to_string()),
            location: a.location.as_deref(),
            region: a.region.as_deref(),
            agency: a.agency.as_deref(),
            speakers: a.speakers.iter().map(|s| s.name.as_str()).collect(),
            passages: &hit.passages,
        }
    }
}

/// Writes hits in one format.
pub struct Renderer<W: Write> {
    out: W,
    format: OutputFormat,
    color: bool,
    written: usize,
    first_rank: usize,
    /// Text output shows paths under the working directory relative to it.
    relative: Relative,
}

fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

impl<W: Write> Renderer<W> {
    /// A renderer writing `format` to `out`; `color` turns on ANSI bold (text only).
    pub fn new(out: W, format: OutputFormat, color: bool) -> Self {
        Renderer {
            out,
            format,
            color,
            written: 0,
            first_rank: 0,
            relative: Relative::new(),
        }
    }

    /// Writes what comes before the hits (the JSON object's opening).
    pub fn begin(&mut self, header: &Header) -> io::Result<()> {
        if self.format == OutputFormat::Json {
            let query = serde_json::to_string(&header.query).map_err(to_io)?;
            write!(
                self.out,
                "{{\n  \"query\": {query},\n  \"total_hits\": {},\n  \"relaxed\": {},\n  \"hits\": [",
                header.total_hits, header.relaxed
            )?;
        }
        Ok(())
    }

    /// Writes one hit.
    pub fn hit(&mut self, hit: &Hit) -> io::Result<()> {
        if self.written == 0 {
            self.first_rank = hit.rank;
        }
        match self.format {
            OutputFormat::Text => self.text_hit(hit)?,
            OutputFormat::Json => {
                let pretty = serde_json::to_string_pretty(&HitJson::new(hit)).map_err(to_io)?;
                let sep = if self.written == 0 { "" } else { "," };
                write!(self.out, "{sep}\n    {}", pretty.replace('\n', "\n    "))?;
            }
            OutputFormat::Ndjson => {
                serde_json::to_writer(&mut self.out, &HitJson::new(hit)).map_err(to_io)?;
                self.out.write_all(b"\n")?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Writes what comes after the hits (the JSON closing, the text footer) and flushes.
    pub fn finish(&mut self, header: &Header) -> io::Result<()> {
        match self.format {
            OutputFormat::Json => {
                let indent = if self.written == 0 { "" } else { "\n  " };
                writeln!(self.out, "{indent}]\n}}")?;
            }
            OutputFormat::Ndjson => {}
            OutputFormat::Text => {
                let noun = if header.total_hits == 1 {
                    "hit"
                } else {
                    "hits"
                };
                if self.written == 0 {
                    writeln!(self.out, "{} {noun}", header.total_hits)?;
                } else {
                    let last = self.first_rank + self.written - 1;
                    writeln!(
                        self.out,
                        "{}-{last} of {} {noun}",
                        self.first_rank, header.total_hits
                    )?;
                }
            }
        }
        self.out.flush()
    }

    fn text_hit(&mut self, hit: &Hit) -> io::Result<()> {
        let a = &hit.article;
        let date = a.published.map_or_else(
            || "undated".to_string(),
            |p| p.date().format("%Y-%m-%d").to_string(),
        );
        let mut meta = vec![format!("score {:.2}", hit.score), date];
        let place: Vec<&str> = [a.location.as_deref(), a.region.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let place = match (place.is_empty(), a.agency.as_deref()) {
            (false, Some(agency)) => format!("{} ({agency})", place.join(", ")),
            (false, None) => place.join(", "),
            (true, Some(agency)) => format!("({agency})"),
            (true, None) => String::new(),
        };
        if !place.is_empty() {
            meta.push(place);
        }
        let title = if self.color {
            format!("{BOLD}{}{RESET}", a.title)
        } else {
            a.title.clone()
        };
        writeln!(self.out, "{}. {title}", hit.rank)?;
        writeln!(self.out, "   {}", meta.join(" | "))?;
        writeln!(self.out, "   {}  {}", a.id, self.relative.apply(&a.path))?;
        for (i, p) in hit.passages.iter().enumerate() {
            if i > 0 {
                writeln!(self.out, "   …")?;
            }
            let speaker = p
                .speaker
                .as_deref()
                .map(|s| format!(" — {s}"))
                .unwrap_or_default();
            writeln!(self.out, "   {}{speaker}", marked(p, self.color))?;
        }
        writeln!(self.out)
    }
}

/// The passage text on one line, highlights in bold (or plain without colour).
fn marked(p: &Passage, color: bool) -> String {
    let mut out = String::with_capacity(p.text.len() + 16);
    let mut highlights = p.highlights.iter().peekable();
    let mut open: Option<&Highlight> = None;
    for (i, c) in p.text.chars().enumerate() {
        let at = p.start + i;
        if color {
            if open.is_some_and(|h| at >= h.end) {
                out.push_str(RESET);
                open = None;
            }
            while highlights.peek().is_some_and(|h| h.end <= at) {
                highlights.next();
            }
            if open.is_none() && highlights.peek().is_some_and(|h| h.start <= at) {
                out.push_str(BOLD);
                open = highlights.next();
            }
        }
        // One line per passage: paragraph breaks and tabs become spaces.
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
    if open.is_some() {
        out.push_str(RESET);
    }
    out
}

#[cfg(test)]
mod tests;
