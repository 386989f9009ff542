//! The index schema: the only place field names and field options are spelled.
//!
//! One index holds three kinds of document, told apart by `kind` (see DESIGN.md):
//! `article` (the story), `quote` (one attributed statement, with its article's date,
//! location and agency copied in so quote queries filter without a join) and `source` (one
//! input file: the incremental-indexing manifest, committed atomically with its articles).
//!
//! Article text is indexed twice: a stemmed form (`*_stem`, English stemmer, frequencies
//! only, not stored) for word queries and an exact form (lower-cased and ASCII-folded, with
//! positions, stored) for quoted phrases, proximity and the stored text itself; quote text
//! only in the stemmed form. Filters are raw keys (`FAST`, without fieldnorms).

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, IndexRecordOption, STORED, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

use crate::index::stem_cache::CachedStemmer;

/// Tokenizer name of the stemmed analyzer.
pub const STEM_TOKENIZER: &str = "dateline_stem";
/// Tokenizer name of the exact (lower-cased, folded, unstemmed) analyzer.
pub const EXACT_TOKENIZER: &str = "dateline_exact";

/// `kind` value of article documents.
pub const KIND_ARTICLE: &str = "article";
/// `kind` value of quote documents.
pub const KIND_QUOTE: &str = "quote";
/// `kind` value of source-file (manifest) documents.
pub const KIND_SOURCE: &str = "source";

/// Typed handles to every field. Build with [`Fields::new`]; get the schema from `.schema`.
#[derive(Clone, Debug)]
pub struct Fields {
    /// The schema these handles belong to.
    pub schema: Schema,
    /// `article` | `quote` | `source`.
    pub kind: Field,
    /// Article id (on quote docs: the article's id; on source docs: one value per article).
    /// Stored and fast, not indexed: lookups by id go through `doc_key`, and a second random
    /// 16-character term per article was an eighth of the term dictionary.
    pub id: Field,
    /// Source path (article: first path seen; source: the file). Stored only: lookups by path
    /// go through `doc_key`, and indexing ~19k unique paths per 17 MB cost FST build time.
    pub path: Field,
    /// Title, exact analyzer, stored.
    pub title: Field,
    /// Title, stemmed, index only.
    pub title_stem: Field,
    /// Article body, exact analyzer, stored.
    pub body: Field,
    /// Article body, stemmed, index only.
    pub body_stem: Field,
    /// Quote docs: the statement, stemmed, documents only (no frequencies), index only (the text is cut back
    /// out of the stored article body by its offsets, so it is never stored twice). One form
    /// without positions: quotes are searched by their words ("what Peskov said about
    /// pipelines"); an exact form with positions as well cost a tenth of the index and of the
    /// indexing time, for phrase search inside quotes that nothing offers.
    pub quote_stem: Field,
    /// Speaker display names, for `speaker:` word queries (exact analyzer, index only).
    pub speaker: Field,
    /// Folded speaker keys (full-name keys and surname keys), for `--speaker`.
    pub speaker_key: Field,
    /// Dateline location and region as text, for `location:` queries.
    pub location: Field,
    /// Folded location key, for `--location`.
    pub location_key: Field,
    /// Folded agency key, for `--agency` and `agency:`.
    pub agency_key: Field,
    /// Publication instant (UTC seconds); indexed and fast for ranges and date sort.
    pub published: Field,
    /// Quote docs: the day the statement was made.
    pub said_on: Field,
    /// Everything else about the article (or quote/source) as JSON: dateline, speakers, quotes
    /// without their text, warnings. Stored only.
    pub meta: Field,
    /// Source docs: file size in bytes (fast: the manifest loads without the doc store).
    pub size: Field,
    /// Source docs: modification time, nanoseconds since the epoch.
    pub mtime: Field,
    /// Source docs: [`path_key`] of the path (fast only): the manifest loads the size and
    /// mtime of 400,000 files from three fast fields instead of walking their path terms.
    pub path_key: Field,
    /// Source docs: blake3 hash of the file's bytes. Stored only: it is read back from the
    /// entry, never searched, and random hex terms are the costliest for the term dictionary.
    pub hash: Field,
    /// The key of a document for deletes and exact lookups: `a:ID` on an article and on each
    /// of its quotes (they are stored and deleted together, and one random term per article
    /// is cheaper than two), `s:PATH` on a source. See [`doc_key`].
    pub doc_key: Field,
    /// Canonical speaker and organisation names as written (`Dmitry Peskov`), raw keys for
    /// facets (`stats`, filter suggestions); index and fast only.
    pub speaker_name: Field,
}

impl Fields {
    /// Builds the schema.
    pub fn new() -> Self {
        let mut b = Schema::builder();
        let exact_stored = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(EXACT_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        // Speaker names and locations are a few words each: BM25's length normalisation
        // has nothing to tell apart there, and a fieldnorm costs a byte on every document
        // of every kind (4.4 MB of an x20 index per field).
        let exact_short = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(EXACT_TOKENIZER)
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        // Positions serve phrases and proximity, and both run on the exact form: stemmed
        // postings without positions are about a third cheaper to build and to store.
        let stem = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(STEM_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        // Keys and dates only filter, sort and count, never score, so they carry no fieldnorms
        // (one byte per document per field otherwise, on every kind of document).
        let key = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::Basic),
        );
        // Dates are read from the fast column (sort, timeline) or from `meta` (which keeps the
        // precision and offset as written), never from a stored value.
        let date = DateOptions::default()
            .set_indexed()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds);
        let kind = b.add_text_field("kind", key.clone() | FAST);
        let id = b.add_text_field("id", FAST | STORED);
        let path = b.add_text_field("path", STORED);
        let title = b.add_text_field("title", exact_stored.clone());
        let title_stem = b.add_text_field("title_stem", stem.clone());
        let body = b.add_text_field("body", exact_stored);
        let body_stem = b.add_text_field("body_stem", stem);
        // A statement is a sentence or two: its words occur once, so frequencies would only
        // cost a byte per posting.
        let quote_stem = b.add_text_field(
            "quote_stem",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(STEM_TOKENIZER)
                    .set_fieldnorms(false)
                    .set_index_option(IndexRecordOption::Basic),
            ),
        );
        let speaker = b.add_text_field("speaker", exact_short.clone());
        let speaker_key = b.add_text_field("speaker_key", key.clone() | FAST);
        let location = b.add_text_field("location", exact_short);
        let location_key = b.add_text_field("location_key", key.clone() | FAST);
        let agency_key = b.add_text_field("agency_key", key.clone() | FAST);
        let published = b.add_date_field("published", date.clone());
        let said_on = b.add_date_field("said_on", date);
        let meta = b.add_text_field("meta", STORED);
        let size = b.add_u64_field("size", STORED | FAST);
        let mtime = b.add_u64_field("mtime", STORED | FAST);
        let path_key = b.add_u64_field("path_key", FAST);
        let hash = b.add_text_field("hash", STORED);
        let doc_key = b.add_text_field("doc_key", key.clone());
        let speaker_name = b.add_text_field("speaker_name", key | FAST);
        Fields {
            schema: b.build(),
            kind,
            id,
            path,
            title,
            title_stem,
            body,
            body_stem,
            quote_stem,
            speaker,
            speaker_key,
            location,
            location_key,
            agency_key,
            published,
            said_on,
            meta,
            size,
            mtime,
            path_key,
            hash,
            doc_key,
            speaker_name,
        }
    }
}

/// The `doc_key` value of a document of `kind` named by `name` (the article id, or the source
/// path). Quotes share their article's key.
pub fn doc_key(kind: &str, name: &str) -> String {
    let prefix = match kind {
        KIND_ARTICLE | KIND_QUOTE => "a",
        _ => "s",
    };
    format!("{prefix}:{name}")
}

/// The `path_key` of a source path: the first 8 bytes of its blake3 hash. Two of 400,000
/// paths share a key with odds of about 1 in 200 million, and then one file is re-read.
pub fn path_key(path: &str) -> u64 {
    let hash = blake3::hash(path.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_le_bytes(first)
}

/// Folds a location or agency as written into its filter key (`location_key`, `agency_key`):
/// the exact analyzer's words joined by one space (`NEW YORK` and `New  York` give
/// `new york`, `Itar-Tass` gives `itar tass`). Queries must fold with this same function.
pub fn fold_key(text: &str) -> String {
    let mut analyzer = exact_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut key = String::with_capacity(text.len());
    stream.process(&mut |token| {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&token.text);
    });
    key
}

impl Default for Fields {
    fn default() -> Self {
        Self::new()
    }
}

/// The exact analyzer: words, lower-cased, accents folded, over-long tokens dropped.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The stemmed analyzer: the exact analyzer plus the English stemmer, through a cache of the
/// words it has stemmed (see [`CachedStemmer`]).
pub fn stem_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build()
}

/// Registers both analyzers on an index (needed after every `Index::open`/`create`).
pub fn register_tokenizers(index: &tantivy::Index) {
    let manager = index.tokenizers();
    manager.register(EXACT_TOKENIZER, exact_analyzer());
    manager.register(STEM_TOKENIZER, stem_analyzer());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_has_every_field_once() {
        let fields = Fields::new();
        assert_eq!(fields.schema.fields().count(), 22);
        assert_eq!(
            fields.schema.get_field("speaker_key").ok(),
            Some(fields.speaker_key)
        );
    }

    #[test]
    fn path_key_is_stable_and_tells_paths_apart() {
        // Stored in every index: a change of function would make every file look changed.
        assert_eq!(path_key("/archive/a.txt"), path_key("/archive/a.txt"));
        assert_ne!(path_key("/archive/a.txt"), path_key("/archive/b.txt"));
        // blake3("") starts af 13 49 b9 f5 f9 a1 a6, read little-endian.
        assert_eq!(path_key(""), 0xa6a1_f9f5_b949_13af);
    }

    #[test]
    fn only_scored_text_fields_have_fieldnorms() {
        let fields = Fields::new();
        let with_norms: Vec<&str> = fields
            .schema
            .fields()
            .filter(|(_, e)| e.has_fieldnorms())
            .map(|(_, e)| e.name())
            .collect();
        assert_eq!(with_norms, ["title", "title_stem", "body", "body_stem"]);
    }

    #[test]
    fn only_exact_fields_carry_positions() {
        let fields = Fields::new();
        let with_positions: Vec<&str> = fields
            .schema
            .fields()
            .filter(|(_, e)| {
                matches!(e.field_type(), tantivy::schema::FieldType::Str(o)
                    if o.get_indexing_options().is_some_and(|i| i.index_option().has_positions()))
            })
            .map(|(_, e)| e.name())
            .collect();
        assert_eq!(with_positions, ["title", "body", "speaker", "location"]);
    }

    #[test]
    fn path_and_hash_are_stored_but_not_indexed() {
        let fields = Fields::new();
        for field in [fields.path, fields.hash] {
            let entry = fields.schema.get_field_entry(field);
            assert!(entry.is_stored(), "{}", entry.name());
            assert!(!entry.is_indexed(), "{}", entry.name());
        }
    }

    #[test]
    fn fold_key_joins_lowercased_folded_words() {
        assert_eq!(fold_key("NEW  YORK"), "new york");
        assert_eq!(fold_key("Itar-Tass"), "itar tass");
        assert_eq!(fold_key("São Paulo"), "sao paulo");
        assert_eq!(fold_key(""), "");
    }

    #[test]
    fn quotes_share_their_articles_doc_key_and_sources_have_their_own() {
        assert_eq!(doc_key(KIND_ARTICLE, "ab12"), "a:ab12");
        assert_eq!(doc_key(KIND_QUOTE, "ab12"), "a:ab12");
        assert_eq!(doc_key(KIND_SOURCE, "/x/y.txt"), "s:/x/y.txt");
    }

    #[test]
    fn stemmer_folds_plurals_but_exact_does_not() {
        let mut stem = stem_analyzer();
        let mut stream = stem.token_stream("Pipelines");
        let mut tokens = Vec::new();
        stream.process(&mut |t| tokens.push(t.text.clone()));
        assert_eq!(tokens, ["pipelin"]);
        let mut exact = exact_analyzer();
        let mut stream = exact.token_stream("Pipelines Zelenskyy");
        let mut tokens = Vec::new();
        stream.process(&mut |t| tokens.push(t.text.clone()));
        assert_eq!(tokens, ["pipelines", "zelenskyy"]);
    }
}
