//! Small fixed word lists: speech cues (a sorted slice behind a one-bit pre-filter, since
//! every word of a body is checked against them), and `match` statements for titles and
//! roles, organisation heads, capitalised function words, places and calendar words, which are
//! only consulted next to a cue.
//!
//! This file holds the cues and the words around them; [`titles`] the titles and role nouns,
//! [`orgs`] the organisation heads, [`words`] function words, particles, determiners and
//! calendar words, [`places`] the place names.

mod orgs;
mod places;
mod titles;
mod words;

pub use orgs::{is_org_noun, is_org_word};
pub use places::is_place;
pub use titles::{is_portfolio_word, is_role_noun, is_title};
pub use words::{is_affiliation, is_determiner, is_function_word, is_particle, month, weekday};

/// How a speech verb takes its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// `said`, `says`, `added`...: source on the left (`Peskov said`) or, inverted, on the
    /// right (`, said Peskov`).
    Verb,
    /// `told`: like `Verb`, but never inverted (`told Peskov` names the listener).
    Told,
    /// `according` (followed by `to`): source on the right.
    According,
    /// `saying`, `telling`...: after a comma, the source is the sentence's subject
    /// (`Albright urged women to vote, saying ...`).
    Participle,
}

/// Speech cues, sorted for binary search.
const CUES: &[(&str, Cue)] = &[
    ("according", Cue::According),
    ("accused", Cue::Verb),
    ("acknowledged", Cue::Verb),
    ("acknowledges", Cue::Verb),
    ("added", Cue::Verb),
    ("adding", Cue::Participle),
    ("adds", Cue::Verb),
    ("admitted", Cue::Verb),
    ("agreed", Cue::Verb),
    ("alleged", Cue::Verb),
    ("announced", Cue::Verb),
    ("announces", Cue::Verb),
    ("answered", Cue::Verb),
    ("argued", Cue::Verb),
    ("argues", Cue::Verb),
    ("arguing", Cue::Participle),
    ("asked", Cue::Verb),
    ("asserted", Cue::Verb),
    ("asserting", Cue::Participle),
    ("asserts", Cue::Verb),
    ("boasted", Cue::Verb),
    ("called", Cue::Verb),
    ("calling", Cue::Participle),
    ("calls", Cue::Verb),
    ("cautioned", Cue::Verb),
    ("claimed", Cue::Verb),
    ("claiming", Cue::Participle),
    ("claims", Cue::Verb),
    ("clarified", Cue::Verb),
    ("commented", Cue::Verb),
    ("complained", Cue::Verb),
    ("conceded", Cue::Verb),
    ("concedes", Cue::Verb),
    ("concluded", Cue::Verb),
    ("confirmed", Cue::Verb),
    ("contended", Cue::Verb),
    ("continued", Cue::Verb),
    ("countered", Cue::Verb),
    ("criticised", Cue::Verb),
    ("criticized", Cue::Verb),
    ("declared", Cue::Verb),
    ("declares", Cue::Verb),
    ("declaring", Cue::Participle),
    ("demanded", Cue::Verb),
    ("denied", Cue::Verb),
    ("disclosed", Cue::Verb),
    ("elaborated", Cue::Verb),
    ("emphasised", Cue::Verb),
    ("emphasized", Cue::Verb),
    ("exclaimed", Cue::Verb),
    ("explained", Cue::Verb),
    ("explains", Cue::Verb),
    ("hinted", Cue::Verb),
    ("indicated", Cue::Verb),
    ("insisted", Cue::Verb),
    ("insisting", Cue::Participle),
    ("insists", Cue::Verb),
    ("joked", Cue::Verb),
    ("lamented", Cue::Verb),
    ("maintained", Cue::Verb),
    ("mused", Cue::Verb),
    ("noted", Cue::Verb),
    ("notes", Cue::Verb),
    ("noting", Cue::Participle),
    ("objected", Cue::Verb),
    ("observed", Cue::Verb),
    ("pledged", Cue::Verb),
    ("pointed", Cue::Verb),
    ("posted", Cue::Verb),
    ("predicted", Cue::Verb),
    ("predicts", Cue::Verb),
    ("promised", Cue::Verb),
    ("proposed", Cue::Verb),
    ("questioned", Cue::Verb),
    ("quipped", Cue::Verb),
    ("recalled", Cue::Verb),
    ("recommended", Cue::Verb),
    ("recounted", Cue::Verb),
    ("reiterated", Cue::Verb),
    ("remarked", Cue::Verb),
    ("repeated", Cue::Verb),
    ("replied", Cue::Verb),
    ("replies", Cue::Verb),
    ("reported", Cue::Verb),
    ("responded", Cue::Verb),
    ("retorted", Cue::Verb),
    ("revealed", Cue::Verb),
    ("said", Cue::Verb),
    ("say", Cue::Verb),
    ("saying", Cue::Participle),
    ("says", Cue::Verb),
    ("shouted", Cue::Verb),
    ("signaled", Cue::Verb),
    ("signalled", Cue::Verb),
    ("stated", Cue::Verb),
    ("states", Cue::Verb),
    ("stressed", Cue::Verb),
    ("stresses", Cue::Verb),
    ("suggested", Cue::Verb),
    ("suggests", Cue::Verb),
    ("telling", Cue::Participle),
    ("tells", Cue::Told),
    ("testified", Cue::Verb),
    ("told", Cue::Told),
    ("tweeted", Cue::Verb),
    ("tweeting", Cue::Participle),
    ("tweets", Cue::Verb),
    ("underlined", Cue::Verb),
    ("underscored", Cue::Verb),
    ("urged", Cue::Verb),
    ("urges", Cue::Verb),
    ("vowed", Cue::Verb),
    ("warned", Cue::Verb),
    ("warning", Cue::Participle),
    ("warns", Cue::Verb),
    ("wondered", Cue::Verb),
    ("writes", Cue::Verb),
    ("wrote", Cue::Verb),
];

/// Bloom-style filter over (length, first letter, last letter) of the cues: rejects almost
/// every ordinary word with one bit test before any string comparison.
const CUE_FILTER: [u64; 138] = {
    let mut bits = [0u64; 138];
    let mut i = 0;
    while i < CUES.len() {
        let w = CUES[i].0.as_bytes();
        let k = filter_key(w.len(), w[0], w[w.len() - 1]);
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

#[inline]
const fn filter_key(len: usize, first: u8, last: u8) -> usize {
    (len - 3) * 676 + (first - b'a') as usize * 26 + (last - b'a') as usize
}

/// The filter's verdict for a lower-case word of `len` bytes from `first` to `last`: false
/// means certainly not a cue.
#[inline]
pub fn may_be_cue(len: usize, first: u8, last: u8) -> bool {
    let k = filter_key(len, first, last);
    k / 64 < CUE_FILTER.len() && CUE_FILTER[k / 64] & (1 << (k % 64)) != 0
}

/// The cue a lower-case word is, if any.
#[inline]
pub fn cue(w: &str) -> Option<Cue> {
    let b = w.as_bytes();
    if !(3..=15).contains(&b.len())
        || !b[0].is_ascii_lowercase()
        || !b[b.len() - 1].is_ascii_lowercase()
    {
        return None;
    }
    let k = filter_key(b.len(), b[0], b[b.len() - 1]);
    if k / 64 >= CUE_FILTER.len() || CUE_FILTER[k / 64] & (1 << (k % 64)) == 0 {
        return None;
    }
    // Cues sharing the filter key are few (one or two): the key indexes where they start in
    // the key order, then only those strings are compared.
    let (by_key, starts) = cues_by_key();
    let (from, to) = (starts[k] as usize, starts[k + 1] as usize);
    by_key[from..to]
        .iter()
        .find(|&&(_, c, _)| c == w)
        .map(|&(_, _, cue)| cue)
}

/// [`CUES`] ordered by filter key, and for each key where its cues start in that order (one
/// entry per key plus the end), built once.
type CuesByKey = (Vec<(u16, &'static str, Cue)>, Vec<u16>);

fn cues_by_key() -> &'static CuesByKey {
    static BY_KEY: std::sync::OnceLock<CuesByKey> = std::sync::OnceLock::new();
    BY_KEY.get_or_init(|| {
        let mut v: Vec<(u16, &'static str, Cue)> = CUES
            .iter()
            .map(|&(w, c)| {
                let b = w.as_bytes();
                // Keys stay below 138 * 64 (the filter's size), so they fit in a u16.
                (filter_key(b.len(), b[0], b[b.len() - 1]) as u16, w, c)
            })
            .collect();
        v.sort_by_key(|&(k, w, _)| (k, w));
        let keys = CUE_FILTER.len() * 64;
        // Counts per key, then running sums: `starts[k]` is the number of cues keyed below k.
        let mut starts = vec![0u16; keys + 1];
        for &(k, _, _) in &v {
            starts[k as usize + 1] += 1;
        }
        for k in 0..keys {
            starts[k + 1] += starts[k];
        }
        (v, starts)
    })
}

/// Words between a subject and its cue that do not change who speaks (`Peskov also said`).
pub fn is_cue_modifier(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "earlier"
            | "then"
            | "previously"
            | "further"
            | "again"
            | "repeatedly"
            | "recently"
            | "once"
            | "has"
            | "have"
            | "had"
            | "would"
            | "will"
            | "reportedly"
            | "publicly"
            | "privately"
            | "separately"
            | "finally"
            | "simply"
            | "flatly"
            | "just"
            | "quickly"
            | "bluntly"
            | "frankly"
            | "firmly"
            | "angrily"
            | "openly"
            | "subsequently"
            | "himself"
            | "herself"
            | "first"
            | "last"
            | "often"
            | "frequently"
            | "already"
            | "initially"
            | "originally"
            | "additionally"
            | "similarly"
            | "likewise"
            | "even"
    )
}

/// Negations: `Peskov did not say` attributes nothing.
pub fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "never" | "n't" | "didn't" | "won't" | "wouldn't" | "declined" | "refused"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_table_is_sorted_and_every_cue_passes_the_filter() {
        assert!(CUES.windows(2).all(|w| w[0].0 < w[1].0));
        for (w, c) in CUES {
            assert_eq!(cue(w), Some(*c), "{w}");
        }
        for w in [
            "the",
            "sai",
            "saidx",
            // Same length and end letters as `said` and `wrote`: the key alone is not enough.
            "sand",
            "write",
            "Said",
            "",
            "x",
            "according-to",
            "élan",
        ] {
            assert_eq!(cue(w), None, "{w}");
        }
        assert_eq!(cue("told"), Some(Cue::Told));
        assert_eq!(cue("according"), Some(Cue::According));
    }
}
