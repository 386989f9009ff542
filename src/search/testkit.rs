//! Test support: small in-RAM indexes written with the index side's own document layout
//! (article and quote documents), so the search side is tested without a real ingest.

use tantivy::{DocAddress, Index, IndexReader, TantivyDocument};

use crate::index::document::{article_documents, article_from_doc};
use crate::index::schema::{Fields, register_tokenizers};
use crate::ingest::names::speaker_key;
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
    let start = body
        .find(quote)
        .map(|b| body[..b].chars().count())
        .unwrap_or(0);
    Article {
        id: "c6af6150e0f5301f".into(),
        path: "corpus/000_c6af6150e0f5301f.txt".into(),
        title: "US Prefers to Link Negotiation Tracks on Settlement With Economic Cooperation"
            .into(),
        title_source: Some("Kremlin".into()),
        published: Published::parse("2026-02-26T11:12:00Z"),
        location: Some("MOSCOW".into()),
        agency: Some("Sputnik".into()),
        body: body.into(),
        speakers: vec![Speaker {
            name: "Dmitry Peskov".into(),
            key: speaker_key("Dmitry Peskov"),
            ..Speaker::default()
        }],
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
pub fn plain(
    id: &str,
    title: &str,
    body: &str,
    published: &str,
    location: &str,
    agency: &str,
) -> Article {
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
        let mut writer = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        for a in articles {
            for d in article_documents(&fields, a) {
                writer.add_document(d).expect("add");
            }
        }
        writer.commit().expect("commit");
        let reader = index.reader().expect("reader");
        TestIndex {
            fields,
            index,
            reader,
        }
    }

    /// The article stored at `address`.
    pub fn article(&self, address: DocAddress) -> crate::Result<Article> {
        let doc: TantivyDocument = self
            .reader
            .searcher()
            .doc(address)
            .map_err(|e| crate::Error::tantivy("reading a hit", e))?;
        self.article_of(&doc)
    }

    /// The article stored in `doc`.
    pub fn article_of(&self, doc: &TantivyDocument) -> crate::Result<Article> {
        article_from_doc(&self.fields, doc)
    }
}
