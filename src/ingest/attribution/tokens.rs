//! Tokens of one sentence, with quotations folded into single tokens.
//!
//! Attribution reads the *frame* of a sentence (the words outside quotation marks), so each
//! quotation becomes one [`TokKind::Quote`] token and its words are never looked at. Words keep
//! byte ranges into the body plus the few flags the rules need (capital, trailing full stop,
//! possessive). The token buffer is reused across sentences: no allocation per token.

use super::text::QuoteSpan;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// A word (letters, digits, inner apostrophes, hyphens and dots).
    Word,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `;`, a dash, or another clause break.
    Break,
    /// `(`
    Open,
    /// `)`
    Close,
    /// `.`, `!` or `?` (sentence end).
    Stop,
    /// A quotation (index into the quote spans).
    Quote(usize),
    /// Anything else.
    Other,
}

/// One token: kind, byte range, flags.
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    /// Kind.
    pub kind: TokKind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte (a trailing abbreviation dot included).
    pub end: usize,
    /// First letter is upper case.
    pub cap: bool,
    /// Ends with an abbreviation or initial dot (`Mr.`, `J.`).
    pub dot: bool,
    /// Ends with `'s` / `’s`.
    pub poss: bool,
    /// Byte offset after the word without its trailing dot or possessive: [`Tok::text`] runs
    /// on every word the rules look at, so the cut is made once, here.
    text_end: usize,
}

impl Tok {
    /// True for a word token.
    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word)
    }
    /// The word without a trailing dot or possessive.
    #[inline]
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.text_end]
    }
}

/// Where [`Tok::text`] ends for a word `body[start..end]` with the given flags.
fn text_end(body: &str, start: usize, end: usize, dot: bool, poss: bool) -> usize {
    let e = if dot { end - 1 } else { end };
    if !poss {
        return e;
    }
    let s = &body.as_bytes()[start..e];
    let cut = if s.ends_with("’s".as_bytes()) {
        4
    } else if s.ends_with(b"'s") || s.ends_with(b"'S") {
        2
    } else if s.ends_with("’".as_bytes()) {
        3
    } else {
        1
    };
    e - cut
}

/// Tokenises `range` of `body` into `out` (cleared first). `quotes` are all the body's quote
/// spans; `qi` is a cursor into them that only moves forward across calls.
pub fn tokenize(
    body: &str,
    range: std::ops::Range<usize>,
    quotes: &[QuoteSpan],
    qi: &mut usize,
    out: &mut Vec<Tok>,
) {
    out.clear();
    let b = body.as_bytes();
    let end = range.end;
    let mut i = range.start;
    while *qi < quotes.len() && quotes[*qi].end <= i {
        *qi += 1;
    }
    while i < end {
        let quote_start = quotes.get(*qi).map_or(usize::MAX, |q| q.start);
        // A quotation (or the rest of one that started in an earlier sentence or paragraph).
        if quote_start <= i {
            let q = &quotes[*qi];
            let e = q.end.min(end);
            out.push(Tok {
                kind: TokKind::Quote(*qi),
                start: i,
                end: e,
                cap: false,
                dot: false,
                poss: false,
                text_end: e,
            });
            i = e;
            if q.end <= e {
                *qi += 1;
            }
            continue;
        }
        // The frame up to the next quotation: no quote test per byte in here.
        let next_quote = quote_start.min(end);
        while i < next_quote {
            let c = b[i];
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if super::text::is_nbsp(b, i) && i + 2 <= end {
                i += 2;
                continue;
            }
            if c.is_ascii_alphanumeric() || (c >= 0xC0 && starts_alpha(body, i)) {
                let (tok, ni) = word(body, i, next_quote);
                out.push(tok);
                i = ni;
                continue;
            }
            let (kind, len) = match c {
                b',' => (TokKind::Comma, 1),
                b':' => (TokKind::Colon, 1),
                b';' => (TokKind::Break, 1),
                b'(' | b'[' => (TokKind::Open, 1),
                b')' | b']' => (TokKind::Close, 1),
                // A stop with words after it (`D.C.-based`, `Mo.,`, `...`) is no sentence end.
                b'.' | b'!' | b'?' if !at_end(b, i + 1, end) => (TokKind::Other, 1),
                b'.' | b'!' | b'?' => (TokKind::Stop, 1),
                b'-' if i + 1 < end && b[i + 1] == b'-' => (TokKind::Break, 2),
                0xE2 if i + 2 < b.len() && b[i + 1] == 0x80 && matches!(b[i + 2], 0x93 | 0x94) => {
                    (TokKind::Break, 3)
                }
                _ => (TokKind::Other, utf8_len(c)),
            };
            let len = len.min(end - i).max(1);
            out.push(Tok {
                kind,
                start: i,
                end: i + len,
                cap: false,
                dot: false,
                poss: false,
                text_end: i + len,
            });
            i += len;
            while i < end && !body.is_char_boundary(i) {
                i += 1;
            }
        }
    }
}

/// True when only spaces, closing marks and brackets remain from `j` to `end`.
fn at_end(b: &[u8], mut j: usize, end: usize) -> bool {
    while j < end {
        match b[j] {
            b' ' | b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?' | b'\n' => j += 1,
            0xE2 if j + 2 < end && b[j + 1] == 0x80 && matches!(b[j + 2], 0x9D | 0x99) => j += 3,
            0xC2 if j + 1 < end && b[j + 1] == 0xBB => j += 2,
            _ => return false,
        }
    }
    true
}

/// ASCII letters and digits, as a table: the word loop's test without compares and branches.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

#[inline]
fn utf8_len(c: u8) -> usize {
    match c {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[inline]
fn starts_alpha(body: &str, i: usize) -> bool {
    body.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphabetic)
}

/// Reads one word starting at `i` (a letter or digit), stopping before `limit`.
fn word(body: &str, i: usize, limit: usize) -> (Tok, usize) {
    let b = body.as_bytes();
    let cap = if b[i] < 0x80 {
        b[i].is_ascii_uppercase()
    } else {
        body[i..].chars().next().is_some_and(char::is_uppercase)
    };
    let mut j = i;
    let lim = &b[..limit.min(b.len())];
    loop {
        // The common case first: a run of ASCII letters and digits, one table load a byte.
        while lim.get(j).is_some_and(|&c| ALNUM[c as usize]) {
            j += 1;
        }
        let Some(&c) = lim.get(j) else { break };
        if (c == b'\'' || c == b'-' || c == b'.')
            && j + 1 < limit
            && b[j + 1].is_ascii_alphanumeric()
        {
            // Inner apostrophe, hyphen or dot (O'Brien, Al-Assad, U.S).
            j += 1;
        } else if c == 0xE2
            && j + 3 < limit
            && b[j + 1] == 0x80
            && b[j + 2] == 0x99
            && b[j + 3].is_ascii_alphabetic()
        {
            j += 3; // ’ inside a word
        } else if c >= 0xC0 && starts_alpha(body, j) {
            j += utf8_len(c);
        } else {
            break;
        }
    }
    let j = j.min(limit);
    let w = &b[i..j];
    let mut poss =
        w.len() > 2 && (w.ends_with(b"'s") || w.ends_with(b"'S") || w.ends_with("’s".as_bytes()));
    let mut j = j;
    // `Sanders’ campaign manager`: a plural possessive keeps its apostrophe.
    if !poss && w.len() > 2 && w.ends_with(b"s") {
        let apos = if b.get(j) == Some(&b'\'') {
            1
        } else if b[j..limit.min(b.len())].starts_with("’".as_bytes()) {
            3
        } else {
            0
        };
        if apos > 0
            && !b.get(j + apos).is_some_and(|c| c.is_ascii_alphanumeric())
            && j + apos <= limit
        {
            poss = true;
            j += apos;
        }
    }
    // A dot right after the word belongs to it when the word is an abbreviation or initial,
    // or when the sentence goes on (`U.S. officials`, `Comey Jr., the director`):
    // sentence-final dots stay separate.
    let mut dot = false;
    let mut end = j;
    if j < limit && b[j] == b'.' && !poss {
        let next = b.get(j + 1).copied();
        let rest_is_space_then_more = j + 2 < limit && next == Some(b' ');
        let short = w.len() <= 4 || w.contains(&b'.');
        let mid_clause = matches!(next, Some(b',' | b')' | b';')) && w.len() <= 3;
        if (rest_is_space_then_more && short) || mid_clause {
            dot = true;
            end = j + 1;
        }
    }
    (
        Tok {
            kind: TokKind::Word,
            start: i,
            end,
            cap,
            dot,
            poss,
            text_end: text_end(body, i, end, dot, poss),
        },
        end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::attribution::text::{paragraphs, quote_spans};

    fn toks(body: &str) -> Vec<(TokKind, String)> {
        let paras = paragraphs(body);
        let q = quote_spans(body, &paras);
        let mut out = Vec::new();
        let mut qi = 0;
        tokenize(body, 0..body.len(), &q, &mut qi, &mut out);
        out.iter()
            .map(|t| (t.kind, t.text(body).to_string()))
            .collect()
    }

    #[test]
    fn quote_is_one_token() {
        let t = toks("\"A, b.\" Mr. O'Brien’s aide said.");
        let kinds: Vec<TokKind> = t.iter().map(|x| x.0).collect();
        assert_eq!(
            kinds,
            [
                TokKind::Quote(0),
                TokKind::Word,
                TokKind::Word,
                TokKind::Word,
                TokKind::Word,
                TokKind::Stop
            ]
        );
        assert_eq!(t[1].1, "Mr");
        assert_eq!(t[2].1, "O'Brien");
    }

    #[test]
    fn non_ascii_words_and_dashes() {
        let t = toks("Zoë — Łukasz said 😀.");
        assert_eq!(t[0].1, "Zoë");
        assert_eq!(t[1].0, TokKind::Break);
        assert_eq!(t[2].1, "Łukasz");
        assert_eq!(t[4].0, TokKind::Other);
    }
}
