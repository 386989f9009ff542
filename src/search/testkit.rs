//! Test support: small in-RAM indexes laid out as the index side writes them (article docs
//! with stemmed and exact text, name keys, dates; a quote doc to prove `kind` filtering), so
//! the search side is tested without a real ingest.

use tantivy::schema::Value;
use tantivy::{DateTime, DocAddress, Index, IndexReader, TantivyDocument, doc};

use crate::index::schema::{Fields, KIND_ARTICLE, KIND_QUOTE, register_tokenizers};
use crate::ingest::names::{speaker_key, surname_key};
use crate::{Article, Published, Quote, QuoteKind, Speaker};

/// A RAM index and its reader.
pub struct TestIndex {
    pub fields: Fields,
    #[allow(dead_code)] // kept alive beside its reader
    pub index: Index,
    pub reader: IndexReader,
}

/// The seed-like article: Peskov on the Druzhba oil pipeline, Moscow, Sputnik, 2026-02-26.
pub fn seed() -> Article {
    let body = "The United States still prefers to link the negotiation tracks, Kremlin spokesman Dmitry Peskov said on Thursday.\n\n\
Kirill Dmitriev continues contacts with Washington, Peskov also said.\n\n\
Ukraine's actions towards the Druzhba oil pipeline are an example of sabotage, Kremlin spokesman Dmitry Peskov said on Thursday.";
    let quote = "Ukraine's actions towards the Druzhba oil pipeline are an example of sabotage";
    let start = body.find(quote).map(|b| body[..b].chars().count()).unwrap_or(0);
    Article {
        id: "c6af6150e0f5301f".into(),
        path: "corpus/000_c6af6150e0f5301f.txt".into(),
        title: "US Prefers to Link Negotiation Tracks on Settlement With Economic Cooperation".into(),
        title_source: Some("Kremlin".into()),
        published: Published::parse("2026-02-26T11:12:00Z"),
        location: Some("MOSCOW".into()),
        agency: Some("Sputnik".into()),
        body: body.into(),
        speakers: vec![Speaker { name: "Dmitry Peskov".into(), key: speaker_key("Dmitry Peskov"), ..Speaker::default() }],
        quotes: vec![Quote {
            speaker: "Dmitry Peskov".into(),
            speaker_key: speaker_key("Dmitry Peskov"),
            kind: QuoteKind::Indirect,
            text: quote.into(),
            start,
            end: start + quote.chars().count(),
            said_on: None,
        }],
        ..Article::default()
    }
}

/// A plain article with no speakers.
pub fn plain(id: &str, title: &str, body: &str, published: &str, location: &str, agency: &str) -> Article {
    Article {
        id: id.into(),
        path: format!("corpus/{id}.txt"),
        title: title.into(),
        published: Published::parse(published),
        location: Some(location.into()),
        agency: Some(agency.into()),
        body: body.into(),
        ..Article::default()
    }
}

impl TestIndex {
    /// An index holding `articles` (and, for each, a quote doc repeating its first quote).
    pub fn new(articles: &[Article]) -> TestIndex {
        let fields = Fields::new();
        let index = Index::create_in_ram(fields.schema.clone());
        register_tokenizers(&index);
        let mut writer = index.writer_with_num_threads(1, 15_000_000).expect("writer");
        for a in articles {
            let mut d = doc!(
                fields.kind => KIND_ARTICLE,
                fields.id => a.id.as_str(),
                fields.path => a.path.as_str(),
                fields.title => a.title.as_str(),
                fields.title_stem => a.title.as_str(),
                fields.body => a.body.as_str(),
                fields.body_stem => a.body.as_str(),
                fields.meta => serde_json::to_string(a).expect("json"),
            );
            for s in &a.speakers {
                d.add_text(fields.speaker, &s.name);
                d.add_text(fields.speaker_key, speaker_key(&s.name));
                d.add_text(fields.speaker_key, surname_key(&s.name));
            }
            if let Some(l) = &a.location {
                d.add_text(fields.location, l);
                d.add_text(fields.location_key, super::build::fold(l));
            }
            if let Some(g) = &a.agency {
                d.add_text(fields.agency_key, super::build::fold(g));
            }
            if let Some(p) = &a.published {
                d.add_date(fields.published, DateTime::from_timestamp_secs(p.timestamp()));
            }
            writer.add_document(d).expect("add");
            if let Some(q) = a.quotes.first() {
                writer
                    .add_document(doc!(
                        fields.kind => KIND_QUOTE,
                        fields.id => a.id.as_str(),
                        fields.body => q.text.as_str(),
                        fields.body_stem => q.text.as_str(),
                        fields.speaker_key => q.speaker_key.as_str(),
                    ))
                    .expect("add quote");
            }
        }
        writer.commit().expect("commit");
        let reader = index.reader().expect("reader");
        TestIndex { fields, index, reader }
    }

    /// The article stored at `address`.
    pub fn article(&self, address: DocAddress) -> crate::Result<Article> {
        let doc: TantivyDocument =
            self.reader.searcher().doc(address).map_err(|e| crate::Error::tantivy("reading a hit", e))?;
        self.article_of(&doc)
    }

    /// The article stored in `doc` (test layout: the whole article in `meta`).
    pub fn article_of(&self, doc: &TantivyDocument) -> crate::Result<Article> {
        let meta = doc.get_first(self.fields.meta).and_then(|v| v.as_str()).unwrap_or_default();
        serde_json::from_str(meta).map_err(|e| crate::Error::Internal(e.to_string()))
    }
}
