//! Helpers shared by the corpus tests: parsing one corpus file and the invariants every
//! article must satisfy whatever its format (offsets inside the body, speakers and quotes
//! agreeing, no decoding debris).

use std::path::Path;

use chrono::NaiveDate;
use dateline::ingest::names::speaker_key;
use dateline::{Article, Format, Quote, QuoteKind, Speaker};

/// Parses `corpus/NAME` and returns its articles, failing on any per-record error.
pub fn parse_all(name: &str) -> Vec<Article> {
    let path = Path::new("corpus").join(name);
    let parsed = match dateline::ingest::parse_path(&path) {
        Ok(parsed) => parsed,
        Err(e) => panic!("{name}: parse_path failed: {e}"),
    };
    assert!(
        parsed.errors.is_empty(),
        "{name}: unexpected errors {:?}",
        parsed.errors
    );
    for article in &parsed.articles {
        check_invariants(name, article);
    }
    parsed.articles
}

/// Parses a single-story corpus file and returns its one article.
pub fn parse_one(name: &str) -> Article {
    let mut articles = parse_all(name);
    assert_eq!(articles.len(), 1, "{name}: expected exactly one article");
    articles.remove(0)
}

/// Fields every single-story plain-text file shares.
pub fn assert_plain_single(name: &str, a: &Article) {
    assert_eq!(a.format, Format::Plain, "{name}: format");
    assert_eq!(a.record, None, "{name}: record");
    assert!(a.path.ends_with(name), "{name}: path {:?}", a.path);
    assert_eq!(a.title_source, None, "{name}: title_source");
    assert_eq!(a.updated, None, "{name}: updated");
}

/// A calendar day (test data only, so an invalid literal is a bug in the test).
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `published` (or `updated`) as `Article` serialises it.
pub fn rfc3339(p: &Option<dateline::Published>) -> Option<String> {
    p.as_ref().map(|p| p.to_string())
}

/// The speaker (person) called `name`, with a helpful failure listing who was found.
pub fn person<'a>(a: &'a Article, name: &str) -> &'a Speaker {
    match a.speakers.iter().find(|s| s.name == name) {
        Some(s) => s,
        None => panic!("no speaker {name:?}; speakers: {:?}", names(&a.speakers)),
    }
}

/// The organisation speaker called `name`.
pub fn organisation<'a>(a: &'a Article, name: &str) -> &'a Speaker {
    match a.organisations.iter().find(|s| s.name == name) {
        Some(s) => s,
        None => panic!(
            "no organisation {name:?}; organisations: {:?}",
            names(&a.organisations)
        ),
    }
}

/// Canonical names of `speakers`, in order.
pub fn names(speakers: &[Speaker]) -> Vec<&str> {
    speakers.iter().map(|s| s.name.as_str()).collect()
}

/// Numbers of direct and indirect quotes.
pub fn kinds(a: &Article) -> (usize, usize) {
    let direct = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .count();
    (direct, a.quotes.len() - direct)
}

/// The quotes of `kind`, in body order.
pub fn quotes_of(a: &Article, kind: QuoteKind) -> Vec<&Quote> {
    a.quotes.iter().filter(|q| q.kind == kind).collect()
}

/// Asserts a quote's speaker, kind and text. Direct quotes compare exactly; indirect ones
/// ignore trailing punctuation, which belongs to the attribution rather than the clause.
pub fn assert_quote(q: &Quote, speaker: &str, kind: QuoteKind, text: &str) {
    assert_eq!(q.speaker, speaker, "speaker of {:?}", q.text);
    assert_eq!(q.kind, kind, "kind of {:?}", q.text);
    match kind {
        // The comma before a closing mark ("...," he said) belongs to the attribution.
        QuoteKind::Direct => assert_eq!(q.text, text),
        QuoteKind::Indirect => assert_eq!(clause(&q.text), clause(text)),
    }
}

fn clause(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ',', ';', ':']).trim_end()
}

/// Body starts and ends as expected (first and last ~40 characters).
pub fn assert_body_edges(a: &Article, start: &str, end: &str) {
    assert!(
        a.body.starts_with(start),
        "body starts {:?}",
        a.body.chars().take(60).collect::<String>()
    );
    assert!(a.body.ends_with(end), "body ends {:?}", tail(&a.body, 60));
}

fn tail(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// Number of paragraphs (separated by one blank line).
pub fn paragraphs(a: &Article) -> usize {
    a.body.split("\n\n").count()
}

/// Invariants every parsed article must satisfy, whatever the file.
fn check_invariants(name: &str, a: &Article) {
    assert_eq!(a.id.len(), 16, "{name}: id {:?} is not 16 hex chars", a.id);
    assert!(
        a.id.chars().all(|c| c.is_ascii_hexdigit()),
        "{name}: id {:?} not hex",
        a.id
    );
    for (what, text) in [("title", &a.title), ("body", &a.body)] {
        assert!(!text.is_empty(), "{name}: empty {what}");
        assert_eq!(text.trim(), text.as_str(), "{name}: {what} not trimmed");
        assert!(!text.contains('\r'), "{name}: {what} keeps a CR");
        assert!(!text.contains('\u{feff}'), "{name}: {what} keeps a BOM");
        assert!(
            !text.contains('\u{fffd}'),
            "{name}: {what} lost characters in decoding"
        );
    }
    assert!(
        !a.body.contains("\n\n\n"),
        "{name}: paragraphs not separated by one blank line"
    );
    for para in a.body.split("\n\n") {
        assert_eq!(para.trim(), para, "{name}: paragraph not trimmed: {para:?}");
    }
    let chars: Vec<char> = a.body.chars().collect();
    let mut last_start = 0;
    for q in &a.quotes {
        assert!(
            q.start < q.end && q.end <= chars.len(),
            "{name}: quote offsets {q:?}"
        );
        let span: String = chars[q.start..q.end].iter().collect();
        assert_eq!(
            span, q.text,
            "{name}: body[start..end] differs from the quote text"
        );
        assert!(q.start >= last_start, "{name}: quotes not in body order");
        last_start = q.start;
        let owner = a
            .speakers
            .iter()
            .chain(&a.organisations)
            .find(|s| s.name == q.speaker);
        let Some(owner) = owner else {
            panic!("{name}: quote by unknown speaker {:?}", q.speaker)
        };
        assert_eq!(
            q.speaker_key, owner.key,
            "{name}: speaker_key of {:?}",
            q.text
        );
    }
    for s in a.speakers.iter().chain(&a.organisations) {
        assert_eq!(s.key, speaker_key(&s.name), "{name}: key of {}", s.name);
        let held = a.quotes.iter().filter(|q| q.speaker == s.name).count();
        assert_eq!(s.quotes, held, "{name}: quote count of {}", s.name);
        assert!(held > 0, "{name}: {} is a speaker without a quote", s.name);
    }
}
