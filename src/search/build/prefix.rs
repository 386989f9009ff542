//! `word*`: a prefix expanded on the segments' term dictionaries into a union of the words
//! it starts, bounded per prefix ([`MAX_EXPANSIONS`]) and per query ([`MAX_TOTAL_EXPANSIONS`]).

use std::collections::BTreeSet;

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, Query as TQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use super::{Builder, MAX_EXPANSIONS, MAX_TOTAL_EXPANSIONS, TITLE_BOOST};
use crate::error::{Error, Result};
use crate::index::schema::fold_key as fold;
use crate::search::lexer::QueryField;

impl Builder<'_> {
    /// `word*`: every dictionary word of the field(s) starting with the prefix.
    pub(super) fn prefix(
        &self,
        field: Option<QueryField>,
        text: &str,
        column: usize,
    ) -> Result<Box<dyn TQuery>> {
        let f = self.fields;
        let prefix = fold(text);
        if prefix.contains(' ') || prefix.is_empty() {
            return Err(Error::BadQuery {
                reason: format!("prefix {text}* must be a single word"),
                column: Some(column),
            });
        }
        let targets: &[(Field, f32)] = match field {
            None => &[(f.title, TITLE_BOOST), (f.body, 1.0)],
            Some(QueryField::Title) => &[(f.title, 1.0)],
            Some(QueryField::Body) => &[(f.body, 1.0)],
            Some(QueryField::Speaker) => &[(f.speaker, 1.0)],
            Some(QueryField::Location) => &[(f.location, 1.0)],
            Some(QueryField::Agency) => &[(f.agency_key, 1.0)],
        };
        let mut any: Vec<Box<dyn TQuery>> = Vec::new();
        let mut count = 0;
        for &(target, boost) in targets {
            let words = self
                .expand(target, &prefix)
                .map_err(|e| Error::tantivy("expanding a prefix", e))?;
            count += words.len();
            self.expanded.set(self.expanded.get() + words.len());
            if self.expanded.get() > MAX_TOTAL_EXPANSIONS {
                return Err(Error::BadQuery {
                    reason: format!(
                        "the query's prefixes match more than {MAX_TOTAL_EXPANSIONS} words in all; make them longer"
                    ),
                    column: Some(column),
                });
            }
            if count > MAX_EXPANSIONS {
                return Err(Error::BadQuery {
                    reason: format!(
                        "prefix {text}* matches more than {MAX_EXPANSIONS} words; make it longer"
                    ),
                    column: Some(column),
                });
            }
            for w in words {
                let q: Box<dyn TQuery> = Box::new(TermQuery::new(
                    Term::from_field_text(target, &w),
                    IndexRecordOption::WithFreqs,
                ));
                any.push(if boost == 1.0 {
                    q
                } else {
                    Box::new(BoostQuery::new(q, boost))
                });
            }
        }
        if any.is_empty() {
            return Ok(Box::new(EmptyQuery));
        }
        Ok(Box::new(BooleanQuery::union(any)))
    }

    /// Distinct dictionary words of `field` starting with `prefix`, across segments; stops
    /// one past [`MAX_EXPANSIONS`].
    fn expand(&self, field: Field, prefix: &str) -> tantivy::Result<BTreeSet<String>> {
        let mut words = BTreeSet::new();
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()?;
            while stream.advance() {
                let key = stream.key();
                if !key.starts_with(prefix.as_bytes()) {
                    break;
                }
                words.insert(String::from_utf8_lossy(key).into_owned());
                if words.len() > MAX_EXPANSIONS {
                    return Ok(words);
                }
            }
        }
        Ok(words)
    }
}
