//! Query tree + filters -> one tantivy `BooleanQuery`.
//!
//! Words search the stemmed title (boosted) and body; phrases the exact fields; `field:`
//! restricts to one field. Filters (kind, dates, speakers, places, agencies) are clauses of the
//! same query with a zero score, so ranking is the text's BM25 and no top-k list is ever
//! filtered afterwards. When the query's plain words can stand together, a SHOULD clause (the
//! words as typed, a sloppy phrase on the exact fields) lifts documents where they do, so `Druzhba pipeline` ranks "the
//! Druzhba oil pipeline" first. Prefixes expand on the segments' term dictionaries, bounded by
//! [`MAX_EXPANSIONS`].

use std::collections::BTreeSet;
use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query as TQuery,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, Searcher, Term};

use super::dates::DateRange;
use super::lexer::QueryField;
use super::query::{Node, Query};
use super::rank::{Ranking, Word};
use crate::error::{Error, Result};
use crate::index::schema::{Fields, KIND_ARTICLE, exact_analyzer, fold_key as fold, stem_analyzer};
use either::EitherQuery;

/// Most dictionary words one `word*` may expand to.
pub const MAX_EXPANSIONS: usize = 256;
/// Most dictionary words all the prefixes of one query may expand to together.
pub const MAX_TOTAL_EXPANSIONS: usize = 1024;
/// Boost of title matches over body matches.
const TITLE_BOOST: f32 = 2.0;
/// How far apart the query's words may stand to earn the proximity boost.
const PROXIMITY_SLOP: u32 = 8;
/// Weight of the proximity clause.
const PROXIMITY_BOOST: f32 = 3.0;

/// Validated filters, already folded to the index's keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Publication time bounds.
    pub dates: DateRange,
    /// Speaker keys; an article matches if it has ANY of them.
    pub speakers: Vec<String>,
    /// Location keys (any).
    pub locations: Vec<String>,
    /// Agency keys (any).
    pub agencies: Vec<String>,
}

/// A built query in the parts ranking needs (see `rank::page`).
pub struct Built {
    /// Text and filters, scored by BM25 alone.
    pub base: Box<dyn TQuery>,
    /// `base` plus the proximity clause as a SHOULD: the full score, the same matches.
    pub full: Box<dyn TQuery>,
    /// The proximity clause's phrases, each with the boost it has inside `full` (empty when
    /// the query's plain words cannot stand together): their scores at a document sum to
    /// what the clause adds there.
    pub proximity: Vec<(Box<dyn TQuery>, f32)>,
    /// The words, when `base` is nothing but an AND of plain words (no filters, no `field:`,
    /// each one stem): ranking then scores them without tantivy's query tree (see
    /// `rank::words`), with the same scores.
    pub words: Option<Vec<Word>>,
}

impl Built {
    /// The parts borrowed for ranking.
    pub fn ranking(&self) -> Ranking<'_> {
        Ranking {
            base: self.base.as_ref(),
            full: self.full.as_ref(),
            proximity: &self.proximity,
            words: self.words.as_deref(),
        }
    }
}

/// Builds the one query for `query` and `filters` over article documents (the full score).
pub fn build_query(
    query: &Query,
    filters: &Filters,
    fields: &Fields,
    searcher: &Searcher,
) -> Result<Box<dyn TQuery>> {
    Ok(build(query, filters, fields, searcher)?.full)
}

/// Builds `query` and `filters` over article documents, in the parts ranking needs.
pub fn build(
    query: &Query,
    filters: &Filters,
    fields: &Fields,
    searcher: &Searcher,
) -> Result<Built> {
    let builder = Builder {
        expanded: std::cell::Cell::new(0),
        fields,
        searcher,
        stem: stem_analyzer(),
        exact: exact_analyzer(),
    };
    let text = builder.node(&query.root)?.ok_or_else(|| Error::BadQuery {
        reason: "query has no searchable words (only punctuation?)".into(),
        column: None,
    })?;
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![(Occur::Must, text)];
    // Only article documents carry title and body tokens (see `index::schema`), so a query on
    // those fields alone needs no `kind` clause; intersecting with it costs a seek per hit.
    if !articles_only(&query.root) {
        let kind = TermQuery::new(
            Term::from_field_text(fields.kind, KIND_ARTICLE),
            IndexRecordOption::Basic,
        );
        clauses.push((Occur::Must, filter(Box::new(kind))));
    }
    if !filters.dates.is_empty() {
        let bound = |t: Option<chrono::DateTime<chrono::Utc>>, inclusive: bool| match t {
            None => Bound::Unbounded,
            Some(t) => {
                let term = Term::from_field_date_for_search(
                    fields.published,
                    DateTime::from_timestamp_secs(t.timestamp()),
                );
                if inclusive {
                    Bound::Included(term)
                } else {
                    Bound::Excluded(term)
                }
            }
        };
        let range = RangeQuery::new(
            bound(filters.dates.since, true),
            bound(filters.dates.until, false),
        );
        clauses.push((Occur::Must, filter(Box::new(range))));
    }
    for (field, keys) in [
        (fields.speaker_key, &filters.speakers),
        (fields.location_key, &filters.locations),
        (fields.agency_key, &filters.agencies),
    ] {
        if !keys.is_empty() {
            let any = keys
                .iter()
                .map(|k| Box::new(key_term(field, k)) as Box<dyn TQuery>)
                .collect();
            clauses.push((Occur::Must, filter(Box::new(BooleanQuery::union(any)))));
        }
    }
    let proximity = builder.proximity(&query.root);
    let words = if clauses.len() == 1 {
        builder.plain_words(&query.root)
    } else {
        None
    };
    let base_clauses = clauses.iter().map(|(o, q)| (*o, q.box_clone())).collect();
    if let Some(near) = proximity_clause(&proximity) {
        clauses.push((Occur::Should, near));
    }
    Ok(Built {
        base: Box::new(BooleanQuery::new(base_clauses)),
        full: Box::new(BooleanQuery::new(clauses)),
        proximity,
        words,
    })
}

/// True when every document `node` matches has a title or body term, i.e. is an article: it
/// searches only the title and body fields, and a `NOT` only takes away from such a match
/// (a lone `NOT` starts from every document).
fn articles_only(node: &Node) -> bool {
    match node {
        Node::Word { field, .. } | Node::Phrase { field, .. } | Node::Prefix { field, .. } => {
            matches!(field, None | Some(QueryField::Title | QueryField::Body))
        }
        Node::Not(_) => false,
        Node::Or(children) => children.iter().all(articles_only),
        Node::And(children) => {
            let mut positive = children.iter().filter(|c| !matches!(c, Node::Not(_)));
            let mut any = false;
            positive.all(|c| {
                any = true;
                articles_only(c)
            }) && any
        }
    }
}

/// The proximity SHOULD clause made of its phrases: the title phrase boosted over the body
/// one, both by the proximity weight.
fn proximity_clause(phrases: &[(Box<dyn TQuery>, f32)]) -> Option<Box<dyn TQuery>> {
    let any: Vec<Box<dyn TQuery>> = phrases
        .iter()
        .map(|(q, boost)| {
            let inner = boost / PROXIMITY_BOOST;
            if inner == 1.0 {
                q.box_clone()
            } else {
                Box::new(BoostQuery::new(q.box_clone(), inner)) as Box<dyn TQuery>
            }
        })
        .collect();
    (!any.is_empty()).then(|| {
        Box::new(BoostQuery::new(
            Box::new(BooleanQuery::union(any)),
            PROXIMITY_BOOST,
        )) as Box<dyn TQuery>
    })
}

/// A clause that filters without adding to the score.
fn filter(query: Box<dyn TQuery>) -> Box<dyn TQuery> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

fn key_term(field: Field, key: &str) -> TermQuery {
    TermQuery::new(Term::from_field_text(field, key), IndexRecordOption::Basic)
}

fn analyze(analyzer: &TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut analyzer = analyzer.clone();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    stream.process(&mut |t| out.push((t.position, t.text.clone())));
    out
}

struct Builder<'a> {
    fields: &'a Fields,
    searcher: &'a Searcher,
    stem: TextAnalyzer,
    exact: TextAnalyzer,
    /// Prefix expansions so far, across the whole query.
    expanded: std::cell::Cell<usize>,
}

impl Builder<'_> {
    /// The query for one node; `None` when it holds nothing searchable (punctuation only).
    fn node(&self, node: &Node) -> Result<Option<Box<dyn TQuery>>> {
        match node {
            Node::Word { field, text, .. } => Ok(self.word(*field, text)),
            Node::Phrase {
                field, text, slop, ..
            } => Ok(self.phrase(*field, text, *slop)),
            Node::Prefix {
                field,
                text,
                column,
            } => self.prefix(*field, text, *column).map(Some),
            Node::Not(child) => Ok(self.node(child)?.map(|q| {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery)),
                    (Occur::MustNot, q),
                ])) as Box<dyn TQuery>
            })),
            Node::And(children) => {
                let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
                for child in children {
                    let (occur, inner) = match child {
                        Node::Not(inner) => (Occur::MustNot, inner.as_ref()),
                        other => (Occur::Must, other),
                    };
                    if let Some(q) = self.node(inner)? {
                        clauses.push((occur, q));
                    }
                }
                if clauses.is_empty() {
                    return Ok(None);
                }
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Ok(Some(Box::new(BooleanQuery::new(clauses))))
            }
            Node::Or(children) => {
                let mut any = Vec::new();
                for child in children {
                    if let Some(q) = self.node(child)? {
                        any.push(q);
                    }
                }
                Ok(
                    (!any.is_empty())
                        .then(|| Box::new(BooleanQuery::union(any)) as Box<dyn TQuery>),
                )
            }
        }
    }

    /// Terms at their positions as one query on `field`: a term, or a phrase with `slop`.
    fn terms(field: Field, tokens: &[(usize, String)], slop: u32) -> Option<Box<dyn TQuery>> {
        match tokens {
            [] => None,
            [(_, one)] => Some(Box::new(TermQuery::new(
                Term::from_field_text(field, one),
                IndexRecordOption::WithFreqs,
            ))),
            many => {
                let terms = many
                    .iter()
                    .map(|(p, t)| (*p, Term::from_field_text(field, t)))
                    .collect();
                Some(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)))
            }
        }
    }

    /// Title (boosted) or body.
    fn title_or_body(
        title: Option<Box<dyn TQuery>>,
        body: Option<Box<dyn TQuery>>,
    ) -> Option<Box<dyn TQuery>> {
        let title = title.map(|q| Box::new(BoostQuery::new(q, TITLE_BOOST)) as Box<dyn TQuery>);
        match (title, body) {
            (Some(title), Some(body)) => Some(Box::new(EitherQuery::new(title, body))),
            (one, other) => one.or(other),
        }
    }

    fn word(&self, field: Option<QueryField>, text: &str) -> Option<Box<dyn TQuery>> {
        let f = self.fields;
        let stems = analyze(&self.stem, text);
        // A word the analyzer splits ("U.S.") is its parts in a row, and only the exact
        // fields keep the positions a phrase needs.
        if stems.len() > 1 && matches!(field, None | Some(QueryField::Title | QueryField::Body)) {
            return self.phrase(field, text, 0);
        }
        match field {
            None => Self::title_or_body(
                Self::terms(f.title_stem, &stems, 0),
                Self::terms(f.body_stem, &stems, 0),
            ),
            Some(QueryField::Title) => Self::terms(f.title_stem, &stems, 0),
            Some(QueryField::Body) => Self::terms(f.body_stem, &stems, 0),
            Some(other) => self.name_field(other, text, 0),
        }
    }

    fn phrase(&self, field: Option<QueryField>, text: &str, slop: u32) -> Option<Box<dyn TQuery>> {
        let f = self.fields;
        let exact = analyze(&self.exact, text);
        match field {
            None => Self::title_or_body(
                Self::terms(f.title, &exact, slop),
                Self::terms(f.body, &exact, slop),
            ),
            Some(QueryField::Title) => Self::terms(f.title, &exact, slop),
            Some(QueryField::Body) => Self::terms(f.body, &exact, slop),
            Some(other) => self.name_field(other, text, slop),
        }
    }

    /// `speaker:`, `location:`, `agency:`: the name's words on the text field, or its folded
    /// key (so `speaker:Dmitri` style variants and whole keys match too).
    fn name_field(&self, field: QueryField, text: &str, slop: u32) -> Option<Box<dyn TQuery>> {
        let f = self.fields;
        let key = fold(text);
        if key.is_empty() {
            return None;
        }
        let (words_field, key_field) = match field {
            QueryField::Speaker => (Some(f.speaker), f.speaker_key),
            QueryField::Location => (Some(f.location), f.location_key),
            _ => (None, f.agency_key),
        };
        let by_key: Box<dyn TQuery> = Box::new(key_term(key_field, &key));
        let by_key = if field == QueryField::Speaker {
            let folded = crate::ingest::names::speaker_key(text);
            let surname = crate::ingest::names::surname_key(text);
            let keys: BTreeSet<String> = [key, folded, surname]
                .into_iter()
                .filter(|k| !k.is_empty())
                .collect();
            Box::new(BooleanQuery::union(
                keys.iter()
                    .map(|k| Box::new(key_term(key_field, k)) as Box<dyn TQuery>)
                    .collect(),
            ))
        } else {
            by_key
        };
        let words = words_field.and_then(|wf| Self::terms(wf, &analyze(&self.exact, text), slop));
        Some(Box::new(BooleanQuery::union(
            words.into_iter().chain([by_key]).collect(),
        )))
    }

    /// The stems of `root` when it is an AND of two or more plain words (no `field:`), each
    /// with one stem: the text clause is then exactly their title-or-body terms' AND.
    fn plain_words(&self, root: &Node) -> Option<Vec<Word>> {
        let Node::And(children) = root else {
            return None;
        };
        if children.len() < 2 {
            return None;
        }
        let f = self.fields;
        children
            .iter()
            .map(|child| match child {
                Node::Word {
                    field: None, text, ..
                } => match analyze(&self.stem, text).as_slice() {
                    [(_, stem)] => Some(Word {
                        title: Term::from_field_text(f.title_stem, stem),
                        body: Term::from_field_text(f.body_stem, stem),
                        title_boost: TITLE_BOOST,
                    }),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }

    /// The phrases of the SHOULD clause rewarding the query's plain words standing close
    /// together, with their boosts (see [`proximity_clause`]). It runs on the exact fields,
    /// the only ones with positions, so it lifts the words as typed (`pipeline` near
    /// `Druzhba`); inflected forms still match through the stemmed clauses.
    fn proximity(&self, root: &Node) -> Vec<(Box<dyn TQuery>, f32)> {
        let children = match root {
            Node::And(children) => children.as_slice(),
            _ => return Vec::new(),
        };
        let mut tokens = Vec::new();
        for child in children {
            if let Node::Word {
                field: None, text, ..
            } = child
            {
                tokens.extend(analyze(&self.exact, text).into_iter().map(|(_, t)| t));
            }
        }
        if tokens.len() < 2 {
            return Vec::new();
        }
        let positioned: Vec<(usize, String)> = tokens.into_iter().enumerate().collect();
        let f = self.fields;
        [
            (f.title, TITLE_BOOST * PROXIMITY_BOOST),
            (f.body, PROXIMITY_BOOST),
        ]
        .into_iter()
        .filter_map(|(field, boost)| {
            Self::terms(field, &positioned, PROXIMITY_SLOP).map(|q| (q, boost))
        })
        .collect()
    }
}

mod either;
mod prefix;
#[cfg(test)]
mod tests;
