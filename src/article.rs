//! The data model every stage shares: an [`Article`] with its dateline, [`Speaker`]s and
//! [`Quote`]s.
//!
//! The ingester produces these, the index stores them, `dateline parse` and `dateline show`
//! print them. Field names here are the JSON field names users see, so renaming one is a
//! breaking change. Offsets (`start`, `end`) are counted in Unicode characters (code points)
//! into `body`, the way Python, JavaScript and most annotation tools count, so a user can check
//! a quote with `body[start:end]`.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One story, as the index will hold it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: 16 hex chars of a hash of the normalised title, date and body, so a renamed or
    /// copied file is recognised as the same story.
    pub id: String,
    /// The file the story was read from (first one seen, for copies).
    pub path: String,
    /// 1-based record number inside a multi-story file (SGML, NDJSON, JSON array).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<u32>,
    /// Which input format the story came from.
    pub format: Format,
    /// Headline, without a trailing source hint.
    pub title: String,
    /// A trailing source hint of the headline (`... - Kremlin` gives `Kremlin`).
    pub title_source: Option<String>,
    /// Publication time, as precise as the text gives it.
    pub published: Option<Published>,
    /// Last update time, when the text gives one.
    pub updated: Option<Published>,
    /// Dateline city as written (`MOSCOW`, `NEW YORK`, `Paris`).
    pub location: Option<String>,
    /// Region or country after the city (`Calif.`, `Tibet`, `Turkey`).
    pub region: Option<String>,
    /// News agency named in the dateline (`Sputnik`, `Reuters`, `AP`, `TASS`...).
    pub agency: Option<String>,
    /// Author line (`By ...`), when present.
    pub byline: Option<String>,
    /// Source URL, when present.
    pub url: Option<String>,
    /// Story text without dateline, credits, boilerplate, bylines and trailers. Paragraphs are
    /// separated by one blank line (`"\n\n"`).
    pub body: String,
    /// People to whom statements are attributed.
    pub speakers: Vec<Speaker>,
    /// Organisations to whom statements are attributed ("the Kremlin said").
    pub organisations: Vec<Speaker>,
    /// Every attributed statement, in body order.
    pub quotes: Vec<Quote>,
    /// Problems that did not stop the article from being kept (no date found, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The input format a story was read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// ` date YYYY-MM-DD title` archive header (the Sputnik scrape format).
    Archive,
    /// Plain text, optionally with `-- ` header lines.
    #[default]
    Plain,
    /// Reuters-21578 SGML.
    Sgml,
    /// JSON or NDJSON records.
    Json,
}

/// A person or organisation to whom statements are attributed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name: the fullest form seen in the article (`Dmitry Peskov`).
    pub name: String,
    /// Folded key shared by transliteration variants (see `ingest::names::speaker_key`).
    pub key: String,
    /// Other forms seen in the text (`Peskov`, `Prskov`, `the official`).
    pub aliases: Vec<String>,
    /// Role from an apposition (`Kremlin spokesman`), when given.
    pub role: Option<String>,
    /// Number of quotes attributed to this speaker.
    pub quotes: usize,
}

/// Whether a statement is quoted verbatim or reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Verbatim, inside quotation marks.
    Direct,
    /// Reported speech ("X, Peskov said").
    #[default]
    Indirect,
}

/// One attributed statement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Canonical name of the speaker (a [`Speaker::name`] of this article).
    pub speaker: String,
    /// The speaker's folded key.
    pub speaker_key: String,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// What was said (for direct quotes, the text inside the marks).
    pub text: String,
    /// Character offset of `text` in the body.
    pub start: usize,
    /// Character offset one past the end of `text` in the body.
    pub end: usize,
    /// The day the statement was made, when the text says ("said on Thursday").
    pub said_on: Option<NaiveDate>,
}

/// A point in time as precise as the source gives it: a calendar day, or a date-time with its
/// UTC offset. Serialised as RFC 3339 (`2026-02-26T11:12:00Z`) or a bare date (`2026-02-26`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Published {
    /// Only the day is known.
    Date(NaiveDate),
    /// Day, time and offset are known.
    DateTime(DateTime<FixedOffset>),
}

impl Published {
    /// The calendar day in the source's own time zone.
    pub fn date(&self) -> NaiveDate {
        match self {
            Published::Date(d) => *d,
            Published::DateTime(t) => t.date_naive(),
        }
    }

    /// Seconds since the Unix epoch (midnight UTC for a bare date), for the index.
    pub fn timestamp(&self) -> i64 {
        match self {
            Published::Date(d) => d
                .and_hms_opt(0, 0, 0)
                .map(|t| t.and_utc().timestamp())
                .unwrap_or(0),
            Published::DateTime(t) => t.timestamp(),
        }
    }

    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time.
    pub fn parse(s: &str) -> Option<Published> {
        let s = s.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(Published::DateTime(t));
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(Published::Date)
    }
}

impl std::fmt::Display for Published {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Published::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Published::DateTime(t) => f.write_str(&t.to_rfc3339_opts(SecondsFormat::Secs, true)),
        }
    }
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Published::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_round_trips_as_rfc3339() {
        let p = Published::parse("2026-02-26T11:12:00+00:00").unwrap();
        assert_eq!(p.to_string(), "2026-02-26T11:12:00Z");
        let d = Published::parse("2026-02-26").unwrap();
        assert_eq!(d.to_string(), "2026-02-26");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-02-26\"");
        assert_eq!(Published::parse("26.02.2026"), None);
    }

    #[test]
    fn date_is_local_day_of_the_source() {
        let p = Published::parse("2012-10-11T20:36:00-04:00").unwrap();
        assert_eq!(p.date(), NaiveDate::from_ymd_opt(2012, 10, 11).unwrap());
        assert_eq!(p.timestamp(), 1350002160);
    }
}
