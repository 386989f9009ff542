//! "Did you mean": for a filter value that matches nothing in the index, the nearest values
//! that exist, by edit distance or shared prefix over the field's term dictionary.

use std::collections::BTreeSet;

use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::error::{Error, Result};

/// Suggestions offered per unknown value.
pub const MAX_SUGGESTIONS: usize = 3;
/// Dictionary terms examined at most, so a huge speaker list cannot stall the answer.
const MAX_SCANNED: usize = 200_000;

/// True when some document holds `key` in `field`.
pub fn exists(searcher: &Searcher, field: Field, key: &str) -> Result<bool> {
    let term = Term::from_field_text(field, key);
    Ok(searcher
        .doc_freq(&term)
        .map_err(|e| Error::tantivy("looking up a filter value", e))?
        > 0)
}

/// Up to [`MAX_SUGGESTIONS`] values of `field` near `key`: closest edit distance first, then
/// values sharing a prefix or a word with it; ties alphabetical. `fold` turns a stored value
/// into the form `key` is in (identity for key fields; the name folder for display names, so
/// `peskow` suggests `Dmitry Peskov`).
pub fn nearest(
    searcher: &Searcher,
    field: Field,
    key: &str,
    fold: &dyn Fn(&str) -> String,
) -> Result<Vec<String>> {
    let mut values = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment
            .inverted_index(field)
            .map_err(|e| Error::tantivy("reading filter values", e))?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(|e| Error::io("index term dictionary", e))?;
        while stream.advance() && values.len() < MAX_SCANNED {
            values.insert(String::from_utf8_lossy(stream.key()).into_owned());
        }
    }
    let limit = (key.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, String)> = values
        .into_iter()
        .filter_map(|shown| {
            let v = fold(&shown);
            let d = distance(key, &v);
            let related = v.starts_with(key)
                || key.starts_with(v.as_str())
                || v.split(' ')
                    .any(|w| w == key || distance(w, key) <= limit.min(2));
            if d <= limit {
                Some((d, shown))
            } else if related {
                Some((limit + 1, shown))
            } else {
                None
            }
        })
        .collect();
    scored.sort();
    Ok(scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, v)| v)
        .collect())
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::fold_key;
    use crate::search::testkit::{TestIndex, plain, seed};

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(distance("peskov", "peskov"), 0);
        assert_eq!(distance("prskov", "peskov"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("дружба", "друзба"), 1);
    }

    #[test]
    fn suggests_close_and_related_values() {
        let ix = TestIndex::new(&[
            seed(),
            plain("k", "t", "b", "2026-01-01", "KYIV", "Reuters"),
            plain("n", "t", "b", "2026-01-01", "NEW YORK", "AP"),
        ]);
        let s = ix.reader.searcher();
        let f = &ix.fields;
        assert!(exists(&s, f.speaker_key, "peskov").unwrap());
        assert!(!exists(&s, f.speaker_key, "peskow").unwrap());
        let same = |v: &str| v.to_string();
        assert_eq!(
            nearest(&s, f.speaker_key, "peskow", &same).unwrap(),
            ["peskov", "dmitry peskov"]
        );
        assert_eq!(
            nearest(&s, f.speaker_name, "peskow", &fold_key).unwrap(),
            ["Dmitry Peskov"]
        );
        assert_eq!(
            nearest(&s, f.location_key, "kiev", &same).unwrap(),
            ["kyiv"]
        );
        assert_eq!(
            nearest(&s, f.location_key, "york", &same).unwrap(),
            ["new york"]
        );
        assert_eq!(
            nearest(&s, f.agency_key, "reuter", &same).unwrap(),
            ["reuters"]
        );
        assert!(
            nearest(&s, f.agency_key, "xinhua", &same)
                .unwrap()
                .is_empty()
        );
    }
}
