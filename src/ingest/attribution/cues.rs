//! Where the speech cues are: the cheap pre-pass that lets attribution tokenise only the
//! sentences that can attribute something.
//!
//! Cues are words between spaces, line breaks or no-break spaces (trailing punctuation aside),
//! outside quotation interiors. [`CueScan`] answers one question per sentence, "the first cue
//! at or after this offset", and scans lazily: once a sentence is known to hold a cue, the rest
//! of it is never read. Words are cut eight bytes at a time, and each costs one bit test on
//! (length, first letter, last letter) before any string comparison. It does not tokenise or
//! decide who speaks; [`super::sentence`] does, over the sentences this lets through.

use super::text::QuoteSpan;

/// Lazy, in-order search for cue words in one body.
pub struct CueScan<'a> {
    body: &'a str,
    /// The byte ranges outside quotation interiors, in order.
    segs: Vec<(usize, usize)>,
    /// The last answer: (asked offset, first cue at or after it). No cue lies between them,
    /// so a later question that the answer still covers costs nothing.
    last: Option<(usize, Option<usize>)>,
}

impl<'a> CueScan<'a> {
    /// A scan of `body` skipping the interiors of `quotes` (words quoted never attribute).
    pub fn new(body: &'a str, quotes: &[QuoteSpan]) -> Self {
        let mut segs = Vec::with_capacity(quotes.len() + 1);
        let mut from = 0;
        for q in quotes {
            if q.inner_start > from {
                segs.push((from, q.inner_start));
            }
            from = from.max(q.inner_end);
        }
        segs.push((from, body.len()));
        CueScan {
            body,
            segs,
            last: None,
        }
    }

    /// Byte offset of the first cue word starting at or after `at`.
    pub fn first_from(&mut self, at: usize) -> Option<usize> {
        if let Some((asked, found)) = self.last {
            if at >= asked && found.is_none_or(|p| p >= at) {
                return found;
            }
        }
        let found = self.scan(at);
        self.last = Some((at, found));
        found
    }

    fn scan(&self, at: usize) -> Option<usize> {
        let b = self.body.as_bytes();
        let first = self.segs.partition_point(|&(_, hi)| hi <= at);
        for &(lo, hi) in &self.segs[first..] {
            // Words start at the segment start or after a separator: begin at the first word
            // start at or after `at` (a word running through `at` started before it).
            let start = if at <= lo {
                lo
            } else if is_sep(b[at - 1]) {
                at
            } else {
                match b[at..hi].iter().position(|&c| is_sep(c)) {
                    Some(k) => at + k + 1,
                    None => continue,
                }
            };
            if let Some(p) = first_in(self.body, start, hi) {
                return Some(p);
            }
        }
        None
    }
}

#[inline]
fn is_sep(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | 0xA0)
}

/// The first cue among the words of `body[start..hi]`, a word starting at `start`.
fn first_in(body: &str, start: usize, hi: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // High bit set in each byte of `x` that is zero (exact: no borrow between bytes).
    #[inline]
    fn zero_bytes(x: u64) -> u64 {
        !(((x & !HI).wrapping_add(!HI)) | x) & HI
    }
    let b = &body.as_bytes()[..hi];
    let mut start = start;
    let mut i = start;
    // Eight bytes at a time: the separators (space, line feed, and 0xA0, the end of a
    // no-break space) of a word, without a call per word.
    while i + 8 <= hi {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(chunk);
        let mut m =
            zero_bytes(x ^ (0x20 * LO)) | zero_bytes(x ^ (0x0A * LO)) | zero_bytes(x ^ (0xA0 * LO));
        while m != 0 {
            let k = i + (m.trailing_zeros() / 8) as usize;
            if may_start_cue(b, start, k) && is_cue_word(body, start, k) {
                return Some(start);
            }
            start = k + 1;
            m &= m - 1;
        }
        i += 8;
    }
    for (k, &c) in b.iter().enumerate().skip(i) {
        if is_sep(c) {
            if is_cue_word(body, start, k) {
                return Some(start);
            }
            start = k + 1;
        }
    }
    is_cue_word(body, start, hi).then_some(start)
}

/// The inline pre-test of a word `b[s..e]`: three bytes or more, starting with a lower-case
/// letter or the `A` of `According`. It turns away most words (short ones, capitalised
/// names, numbers) without a call.
#[inline(always)]
fn may_start_cue(b: &[u8], s: usize, e: usize) -> bool {
    e >= s + 3 && (b[s].is_ascii_lowercase() || b[s] == b'A')
}

/// True when `body[s..e]`, trailing punctuation aside, is a cue.
#[inline]
fn is_cue_word(body: &str, s: usize, mut e: usize) -> bool {
    let b = body.as_bytes();
    if e < s + 3 {
        return false;
    }
    while e > s
        && matches!(
            b[e - 1],
            b',' | b'.' | b';' | b':' | b'"' | b'\'' | b')' | b'?' | b'!' | 0xC2
        )
    {
        e -= 1;
    }
    let len = e - s;
    if !(3..=15).contains(&len) {
        return false;
    }
    let (first, last) = (b[s], b[e - 1]);
    if first == b'A' {
        return &b[s..e] == b"According";
    }
    if !first.is_ascii_lowercase()
        || !last.is_ascii_lowercase()
        || !super::lexicon::may_be_cue(len, first, last)
    {
        return false;
    }
    let w = &b[s..e];
    // All ASCII lower case: a valid `str` on its own.
    w.iter().all(u8::is_ascii_lowercase) && super::lexicon::cue(&body[s..e]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::attribution::text::{paragraphs, quote_spans};

    /// Every cue, by asking again just past each answer.
    fn all(body: &str, quotes: &[QuoteSpan]) -> Vec<usize> {
        let mut scan = CueScan::new(body, quotes);
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(p) = scan.first_from(at) {
            out.push(p);
            at = p + 1;
        }
        out
    }

    #[test]
    fn finds_whole_words_only() {
        let body = "According to him, Peskov said; unsaid saidx tells. Ça said\nadded s4id";
        assert_eq!(all(body, &[]), [0, 25, 44, 55, 60]);
    }

    #[test]
    fn skips_quotations() {
        let body = "\"They said no,\" he said.";
        let q = quote_spans(body, &paragraphs(body));
        assert_eq!(all(body, &q), [19]);
    }

    #[test]
    fn a_question_inside_a_word_starts_at_the_next_word() {
        let body = "unsaid said xsaid";
        let mut scan = CueScan::new(body, &[]);
        assert_eq!(scan.first_from(2), Some(7));
        assert_eq!(scan.first_from(7), Some(7));
        assert_eq!(scan.first_from(8), None);
        // An earlier question than the last one is answered afresh.
        assert_eq!(scan.first_from(0), Some(7));
    }

    #[test]
    fn answers_match_a_full_scan_at_every_offset() {
        let body = "\"We said it,\" Peskov said. He added: \"no.\" Lavrov told\u{a0}reporters, \
                    according to TASS.\n\nShe says so";
        let q = quote_spans(body, &paragraphs(body));
        let every = all(body, &q);
        assert_eq!(every.len(), 5);
        for at in 0..=body.len() {
            let want = every.iter().copied().find(|&p| p >= at);
            // A fresh scan, and one that answered the offset before.
            assert_eq!(CueScan::new(body, &q).first_from(at), want, "{at}");
        }
        let mut scan = CueScan::new(body, &q);
        for at in 0..=body.len() {
            let want = every.iter().copied().find(|&p| p >= at);
            assert_eq!(scan.first_from(at), want, "{at}");
        }
    }
}
