//! Article <-> tantivy documents: what one [`Article`] becomes in the index (one `article`
//! document plus one `quote` document per quote) and how `show` and search results rebuild the
//! full `Article` from stored fields.
//!
//! Only the title and body are stored as text; everything else an `Article` holds goes into
//! the stored `meta` JSON. Quote texts are not repeated in `meta`: they are cut back out of the
//! body by their character offsets, so a body stored once serves both.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use crate::article::{Article, Format, Published, Quote, QuoteKind, Speaker};
use crate::error::{Error, Result};
use crate::index::schema::{self, Fields, KIND_ARTICLE, KIND_QUOTE};
use crate::ingest::names;

/// Everything of an article that is not its own stored field, as kept in `meta`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct ArticleMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    record: Option<u32>,
    format: Format,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title_source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<Published>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    updated: Option<Published>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    byline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    speakers: Vec<Speaker>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    organisations: Vec<Speaker>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<QuoteMeta>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

/// A quote as kept in an article's `meta`: its text is `body[start..end]` unless `text` says otherwise.
#[derive(Debug, Default, Serialize, Deserialize)]
struct QuoteMeta {
    speaker: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    speaker_key: String,
    kind: QuoteKind,
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    said_on: Option<NaiveDate>,
    /// Only when the ingester's text is not exactly the body slice (kept so nothing is lost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

/// The stored `meta` of a quote document: which of its article's quotes it is. Everything
/// else about the quote (speaker, kind, offsets, day) is in the article's `meta`, and its text
/// is cut from the article's body, so showing a quote reads the article anyway; storing it
/// all twice made a quarter of the stored metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteDocMeta {
    /// Position of the quote in its article's `quotes`.
    #[serde(rename = "n")]
    pub index: usize,
}

/// The characters `start..end` of `text` (offsets count code points), or `None` when out of range.
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut indices = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let from = indices.nth(start)?;
    let to = if end == start {
        from
    } else {
        indices.nth(end - start - 1)?
    };
    text.get(from..to)
}

/// True for an alias that is a name (`Peskov`, `Prskov`), not a description (`the official`, `he`).
fn is_name_alias(alias: &str) -> bool {
    const NOT_NAMES: [&str; 8] = ["the", "he", "she", "they", "it", "his", "her", "a"];
    let first = alias.split_whitespace().next().unwrap_or_default();
    first.chars().next().is_some_and(char::is_uppercase)
        && !NOT_NAMES.contains(&first.to_lowercase().as_str())
}

/// Every filter key of a speaker: full-name and surname keys of its name and of its name aliases.
fn speaker_keys(speaker: &Speaker, keys: &mut BTreeSet<String>) {
    let names = std::iter::once(speaker.name.as_str()).chain(
        speaker
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| is_name_alias(a)),
    );
    for name in names {
        keys.insert(names::speaker_key(name));
        keys.insert(names::surname_key(name));
    }
    if !speaker.key.is_empty() {
        keys.insert(speaker.key.clone());
    }
    keys.remove("");
}

fn to_date(ts: i64) -> DateTime {
    DateTime::from_timestamp_secs(ts)
}

/// Builds the `article` document and the `quote` documents of one article.
pub fn article_documents(fields: &Fields, article: &Article) -> Vec<TantivyDocument> {
    let mut docs = Vec::with_capacity(1 + article.quotes.len());
    let people = || article.speakers.iter().chain(&article.organisations);
    let location_text = [article.location.as_deref(), article.region.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let location_key = article
        .location
        .as_deref()
        .map(schema::fold_key)
        .filter(|k| !k.is_empty());
    let agency_key = article
        .agency
        .as_deref()
        .map(schema::fold_key)
        .filter(|k| !k.is_empty());
    let published = article.published.map(|p| to_date(p.timestamp()));

    let mut doc = TantivyDocument::new();
    doc.add_text(fields.kind, KIND_ARTICLE);
    doc.add_text(fields.doc_key, schema::doc_key(KIND_ARTICLE, &article.id));
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.title_stem, &article.title);
    doc.add_text(fields.body, &article.body);
    doc.add_text(fields.body_stem, &article.body);
    let mut all_keys = BTreeSet::new();
    for speaker in people() {
        doc.add_text(fields.speaker, &speaker.name);
        doc.add_text(fields.speaker_name, &speaker.name);
        speaker_keys(speaker, &mut all_keys);
    }
    for key in &all_keys {
        doc.add_text(fields.speaker_key, key);
    }
    if !location_text.is_empty() {
        doc.add_text(fields.location, &location_text);
    }
    if let Some(key) = &location_key {
        doc.add_text(fields.location_key, key);
    }
    if let Some(key) = &agency_key {
        doc.add_text(fields.agency_key, key);
    }
    if let Some(date) = published {
        doc.add_date(fields.published, date);
    }
    let meta = ArticleMeta {
        record: article.record,
        format: article.format,
        title_source: article.title_source.clone(),
        published: article.published,
        updated: article.updated,
        location: article.location.clone(),
        region: article.region.clone(),
        agency: article.agency.clone(),
        byline: article.byline.clone(),
        url: article.url.clone(),
        speakers: article.speakers.clone(),
        organisations: article.organisations.clone(),
        quotes: article
            .quotes
            .iter()
            .map(|q| QuoteMeta {
                speaker: q.speaker.clone(),
                speaker_key: q.speaker_key.clone(),
                kind: q.kind,
                start: q.start,
                end: q.end,
                said_on: q.said_on,
                text: (char_slice(&article.body, q.start, q.end) != Some(q.text.as_str()))
                    .then(|| q.text.clone()),
            })
            .collect(),
        warnings: article.warnings.clone(),
    };
    doc.add_text(fields.meta, json(&meta));
    docs.push(doc);

    for (index, quote) in article.quotes.iter().enumerate() {
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.kind, KIND_QUOTE);
        doc.add_text(fields.doc_key, schema::doc_key(KIND_QUOTE, &article.id));
        doc.add_text(fields.id, &article.id);
        doc.add_text(fields.quote_stem, &quote.text);
        doc.add_text(fields.speaker, &quote.speaker);
        doc.add_text(fields.speaker_name, &quote.speaker);
        let mut keys = BTreeSet::new();
        match people().find(|s| s.name == quote.speaker) {
            Some(speaker) => speaker_keys(speaker, &mut keys),
            None => {
                keys.insert(names::speaker_key(&quote.speaker));
                keys.insert(names::surname_key(&quote.speaker));
            }
        }
        if !quote.speaker_key.is_empty() {
            keys.insert(quote.speaker_key.clone());
        }
        keys.remove("");
        for key in &keys {
            doc.add_text(fields.speaker_key, key);
        }
        if let Some(key) = &location_key {
            doc.add_text(fields.location_key, key);
        }
        if let Some(key) = &agency_key {
            doc.add_text(fields.agency_key, key);
        }
        if let Some(date) = published {
            doc.add_date(fields.published, date);
        }
        if let Some(day) = quote.said_on {
            doc.add_date(fields.said_on, to_date(Published::Date(day).timestamp()));
        }
        let meta = QuoteDocMeta { index };
        doc.add_text(fields.meta, json(&meta));
        docs.push(doc);
    }
    docs
}

fn json<T: Serialize>(value: &T) -> String {
    // Serialising plain structs of strings and numbers cannot fail; an empty object keeps the
    // document readable if it ever did.
    serde_json::to_string(value).unwrap_or_else(|_| "{}".to_string())
}

/// The first stored text of `field` in `doc`, or "".
pub fn stored_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

/// Rebuilds the full [`Article`] from a stored `article` document.
pub fn article_from_doc(fields: &Fields, doc: &TantivyDocument) -> Result<Article> {
    let id = stored_text(doc, fields.id);
    let meta_text = stored_text(doc, fields.meta);
    let meta: ArticleMeta = serde_json::from_str(&meta_text).map_err(|e| {
        Error::Internal(format!("stored metadata of article {id} is not valid: {e}"))
    })?;
    let body = stored_text(doc, fields.body);
    let mut quotes = Vec::with_capacity(meta.quotes.len());
    for q in meta.quotes {
        let text = match q.text {
            Some(text) => text,
            None => char_slice(&body, q.start, q.end)
                .ok_or_else(|| {
                    Error::Internal(format!(
                        "quote offsets {}..{} outside the body of article {id}",
                        q.start, q.end
                    ))
                })?
                .to_string(),
        };
        quotes.push(Quote {
            speaker: q.speaker,
            speaker_key: q.speaker_key,
            kind: q.kind,
            text,
            start: q.start,
            end: q.end,
            said_on: q.said_on,
        });
    }
    Ok(Article {
        id,
        path: stored_text(doc, fields.path),
        record: meta.record,
        format: meta.format,
        title: stored_text(doc, fields.title),
        title_source: meta.title_source,
        published: meta.published,
        updated: meta.updated,
        location: meta.location,
        region: meta.region,
        agency: meta.agency,
        byline: meta.byline,
        url: meta.url,
        body,
        speakers: meta.speakers,
        organisations: meta.organisations,
        quotes,
        warnings: meta.warnings,
    })
}

/// Reads the `meta` of a stored `quote` document.
pub fn quote_meta_from_doc(fields: &Fields, doc: &TantivyDocument) -> Result<QuoteDocMeta> {
    serde_json::from_str(&stored_text(doc, fields.meta))
        .map_err(|e| Error::Internal(format!("stored metadata of a quote is not valid: {e}")))
}

#[cfg(test)]
pub(crate) mod tests;
