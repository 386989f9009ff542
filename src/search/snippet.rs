//! Passages: the few sentences of a hit's body that best show why it matched, with highlight
//! offsets.
//!
//! The body is tokenised with the index's own analyzers (stemmed for words, exact for
//! phrases and prefixes), so a highlight marks exactly what the query matched: the phrase
//! `"Druzhba oil pipeline"` and not every lone `pipeline`; never a negated word. Sentences are
//! scored by the number of distinct query terms they hold plus their phrase matches; up to
//! [`MAX_PASSAGES`] are kept, in body order. Offsets are Unicode character offsets into the
//! body, like [`Quote`](crate::Quote) offsets, so `body[start:end]` checks them. A passage that
//! overlaps a quote names its speaker.

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use super::lexer::QueryField;
use super::query::{Node, Query};
use super::sentences::sentence_spans;
use crate::Article;
use crate::index::schema::{exact_analyzer, stem_analyzer};
use cut::{CharCounter, cut, truncate};

/// Most passages shown per hit.
pub const MAX_PASSAGES: usize = 3;
/// Longest passage, in bytes of body text; longer sentences are cut around their matches.
pub const MAX_PASSAGE_BYTES: usize = 360;
/// Only this much of a body is scanned for passages, so one huge article cannot stall a search.
const MAX_SCAN_BYTES: usize = 512 * 1024;

/// A highlighted range, in characters of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Highlight {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// One passage of a hit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// First character of the passage in the body.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// The passage text (`body[start..end]` in characters).
    pub text: String,
    /// Speaker of the quote the passage overlaps, if any.
    pub speaker: Option<String>,
    /// Highlighted ranges, in body characters, sorted and disjoint.
    pub highlights: Vec<Highlight>,
}

/// What to look for in a body: one pattern per positive query leaf that can match body text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pattern {
    /// Consecutive stemmed tokens (a word; several when the word splits, as `U.S.`).
    Stem(Vec<String>),
    /// Exact tokens, at most `slop` extra positions in all between them.
    Exact { tokens: Vec<String>, slop: u32 },
    /// An exact token starting with this.
    Prefix(String),
}

impl Pattern {
    fn is_phrase(&self) -> bool {
        match self {
            Pattern::Stem(t) | Pattern::Exact { tokens: t, .. } => t.len() > 1,
            Pattern::Prefix(_) => false,
        }
    }
}

/// A token of the body: text, byte range, position.
struct Tok {
    text: String,
    from: usize,
    to: usize,
    position: usize,
}

fn tokens(analyzer: &TextAnalyzer, text: &str) -> Vec<Tok> {
    tokens_with(&mut analyzer.clone(), text)
}

/// [`tokens`] with an analyzer the caller keeps (one clone serves many short texts).
fn tokens_with(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Tok> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    stream.process(&mut |t| {
        out.push(Tok {
            text: t.text.clone(),
            from: t.offset_from,
            to: t.offset_to,
            position: t.position,
        })
    });
    out
}

/// One match: which pattern, byte ranges to highlight.
struct Match {
    pattern: usize,
    ranges: Vec<(usize, usize)>,
}

/// Finds passages for hits of one query. Build once per query, use for every hit.
#[derive(Clone)]
pub struct Highlighter {
    patterns: Vec<Pattern>,
    stem: TextAnalyzer,
    exact: TextAnalyzer,
}

impl Highlighter {
    /// Prepares the patterns of `query`'s positive leaves that search body text.
    pub fn new(query: &Query) -> Highlighter {
        let stem = stem_analyzer();
        let exact = exact_analyzer();
        let mut patterns = Vec::new();
        for leaf in query.positive_leaves() {
            let pattern = match leaf {
                Node::Word {
                    field: None | Some(QueryField::Body),
                    text,
                    ..
                } => Pattern::Stem(tokens(&stem, text).into_iter().map(|t| t.text).collect()),
                Node::Phrase {
                    field: None | Some(QueryField::Body),
                    text,
                    slop,
                    ..
                } => Pattern::Exact {
                    tokens: tokens(&exact, text).into_iter().map(|t| t.text).collect(),
                    slop: *slop,
                },
                Node::Prefix {
                    field: None | Some(QueryField::Body),
                    text,
                    ..
                } => match tokens(&exact, text).into_iter().next() {
                    Some(t) => Pattern::Prefix(t.text),
                    None => continue,
                },
                _ => continue,
            };
            let empty = matches!(&pattern, Pattern::Stem(t) | Pattern::Exact { tokens: t, .. } if t.is_empty());
            if !empty && !patterns.contains(&pattern) {
                patterns.push(pattern);
            }
        }
        Highlighter {
            patterns,
            stem,
            exact,
        }
    }

    /// Up to [`MAX_PASSAGES`] passages of `article`'s body, in body order. With no match in
    /// the body (a title-only or filter-only hit), the first sentence, unhighlighted.
    pub fn passages(&self, article: &Article) -> Vec<Passage> {
        let body = truncate(&article.body, MAX_SCAN_BYTES);
        let sentences = sentence_spans(body);
        let matches = self.find(body);
        // Score each sentence: distinct patterns + phrase matches.
        let mut scored: Vec<(usize, usize)> = Vec::new(); // (score, sentence index)
        for (index, &(s, e)) in sentences.iter().enumerate() {
            let inside: Vec<&Match> = matches
                .iter()
                .filter(|m| m.ranges[0].0 >= s && m.ranges[0].0 < e)
                .collect();
            let mut distinct: Vec<usize> = inside.iter().map(|m| m.pattern).collect();
            distinct.sort_unstable();
            distinct.dedup();
            let phrases = inside
                .iter()
                .filter(|m| self.patterns[m.pattern].is_phrase())
                .count();
            if !distinct.is_empty() {
                scored.push((distinct.len() + phrases, index));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut chosen: Vec<usize> = scored.iter().take(MAX_PASSAGES).map(|&(_, i)| i).collect();
        if chosen.is_empty() && !sentences.is_empty() {
            chosen.push(0);
        }
        chosen.sort_unstable();
        let mut counter = CharCounter::new(body);
        chosen
            .into_iter()
            .map(|i| {
                let (s, e) = sentences[i];
                let mut ranges: Vec<(usize, usize)> = matches
                    .iter()
                    .flat_map(|m| m.ranges.iter().copied())
                    .filter(|&(from, to)| from >= s && to <= e)
                    .collect();
                ranges.sort_unstable();
                let (s, e) = cut(body, s, e, ranges.first().copied());
                ranges.retain(|&(from, to)| from >= s && to <= e);
                self.passage(article, body, &mut counter, (s, e), &merge(ranges))
            })
            .collect()
    }

    fn passage(
        &self,
        article: &Article,
        body: &str,
        counter: &mut CharCounter<'_>,
        (s, e): (usize, usize),
        ranges: &[(usize, usize)],
    ) -> Passage {
        let start = counter.at(s);
        let highlights = ranges
            .iter()
            .map(|&(from, to)| Highlight {
                start: counter.at(from),
                end: counter.at(to),
            })
            .collect();
        let end = counter.at(e);
        let speaker = article
            .quotes
            .iter()
            .filter(|q| q.start < end && q.end > start)
            .max_by_key(|q| q.end.min(end) - q.start.max(start))
            .map(|q| q.speaker.clone());
        Passage {
            start,
            end,
            text: body[s..e].to_string(),
            speaker,
            highlights,
        }
    }

    /// `body`'s tokens as the stemmed analyzer gives them, except that words which cannot
    /// match a stem pattern keep their unstemmed form: stemming keeps a word's first letter,
    /// so only words starting as a pattern word does are stemmed. Stemming every word of the
    /// body was most of the cost of a page of hits.
    fn stemmed(&self, body: &str) -> Vec<Tok> {
        let firsts: Vec<char> = self
            .patterns
            .iter()
            .filter_map(|p| match p {
                Pattern::Stem(words) => Some(words),
                _ => None,
            })
            .flatten()
            .filter_map(|w| w.chars().next())
            .collect();
        let mut toks = tokens(&self.exact, body);
        let mut stem = self.stem.clone();
        for t in &mut toks {
            if !t.text.chars().next().is_some_and(|c| firsts.contains(&c)) {
                continue;
            }
            // The exact analyzer is the stemmed one without the stemmer, so the word comes
            // back as one token, stemmed; if folding made it split or too long, stem the
            // body the plain way.
            match tokens_with(&mut stem, &t.text).as_slice() {
                [one] => t.text.clone_from(&one.text),
                _ => return tokens(&self.stem, body),
            }
        }
        toks
    }

    /// Every match of every pattern in `body`.
    fn find(&self, body: &str) -> Vec<Match> {
        if self.patterns.is_empty() {
            return Vec::new();
        }
        let needs_stem = self.patterns.iter().any(|p| matches!(p, Pattern::Stem(_)));
        let stemmed = if needs_stem {
            self.stemmed(body)
        } else {
            Vec::new()
        };
        let needs_exact = self.patterns.iter().any(|p| !matches!(p, Pattern::Stem(_)));
        let exact = if needs_exact {
            tokens(&self.exact, body)
        } else {
            Vec::new()
        };
        let mut out = Vec::new();
        for (index, pattern) in self.patterns.iter().enumerate() {
            match pattern {
                Pattern::Stem(words) => find_sequence(&stemmed, words, 0, index, &mut out),
                Pattern::Exact {
                    tokens: words,
                    slop,
                } => find_sequence(&exact, words, *slop, index, &mut out),
                Pattern::Prefix(prefix) => out.extend(
                    exact
                        .iter()
                        .filter(|t| t.text.starts_with(prefix.as_str()))
                        .map(|t| Match {
                            pattern: index,
                            ranges: vec![(t.from, t.to)],
                        }),
                ),
            }
        }
        out
    }
}

/// Occurrences of `words` in order in `toks`, with at most `slop` extra positions in all. An
/// exact phrase is one highlight; a sloppy one highlights its words, not the words between.
fn find_sequence(toks: &[Tok], words: &[String], slop: u32, pattern: usize, out: &mut Vec<Match>) {
    let Some(first) = words.first() else { return };
    for (i, t) in toks.iter().enumerate() {
        if &t.text != first {
            continue;
        }
        let mut picked = vec![i];
        let mut budget = slop as usize;
        for word in &words[1..] {
            let last = picked[picked.len() - 1];
            let wanted = toks[last].position + 1;
            let found = toks[last + 1..]
                .iter()
                .enumerate()
                .take_while(|(_, n)| n.position <= wanted + budget)
                .find(|(_, n)| &n.text == word)
                .map(|(k, n)| (last + 1 + k, n.position - wanted));
            match found {
                Some((k, extra)) => {
                    budget -= extra;
                    picked.push(k);
                }
                None => break,
            }
        }
        if picked.len() == words.len() {
            let ranges = if slop == 0 {
                vec![(toks[i].from, toks[picked[picked.len() - 1]].to)]
            } else {
                picked.iter().map(|&k| (toks[k].from, toks[k].to)).collect()
            };
            out.push(Match { pattern, ranges });
        }
    }
}

/// Sorted ranges with overlaps merged.
fn merge(ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

mod cut;
#[cfg(test)]
mod tests;
