//! Finding the source of a cue in a sentence's tokens: who is `said` attached to.
//!
//! The source sits next to its cue: on the left (`Peskov also said`, `Dmitry Peskov, the
//! Kremlin spokesman, said`), or on the right after an inverted cue (`..., said Peskov`) or
//! `according to`. Only that adjacent phrase is read, so a name earlier in the sentence
//! (`Kirill Dmitriev ... continues contacts ..., Peskov also said`) is never taken for the
//! speaker. A capitalised chunk is split into role (`Russian President`) and name (`Vladimir
//! Putin`) at its last title word; chunks with an organisation head are organisations.
//!
//! [`left`] reads sources before the cue ([`between`] the words it may skip), [`apposition`]
//! the appositions between commas, [`right`] sources after an inverted cue, [`subject`] the
//! subject a participle clause speaks for, [`chunk`] splits capitalised chunks into role and
//! name.

mod apposition;
mod between;
mod chunk;
mod left;
mod right;
mod subject;

use std::ops::Range;

pub use left::{coordinated, left};
pub use right::right;
pub use subject::subject;

use super::lexicon::{
    self, is_affiliation, is_determiner, is_function_word, is_org_noun, is_org_word, is_role_noun,
    is_title,
};
use super::tokens::{Tok, TokKind};

/// True when the one-word name at tokens `r` stands right after a quotation, or after a
/// speech verb right after one (`"...," Hale said`, `"...," said Hale`): there a capital is
/// no sentence start, and a bare word that is no lexicon word (`Officials`, `Republicans`,
/// `Kremlin`) may name the person who spoke even when the story never gives a first name
/// (resolution also asks that the story repeat it at most three times: companies come back
/// again and again).
///
/// At a sentence's start (`Tuttle added, "..."`, or `Cruz said.` after a quotation that closed
/// its own sentence) the capital proves nothing, so the word must also never occur in lower
/// case in the story (`Critics said, "..."` has `critics` elsewhere as often as not).
pub fn next_to_quotation(body: &str, toks: &[Tok], r: &Range<usize>) -> bool {
    if r.len() != 1 {
        return false;
    }
    let t = &toks[r.start];
    let w = t.text(body);
    let is_quote = |k: usize| {
        matches!(toks[k].kind, TokKind::Quote(_))
            || toks[k].kind == TokKind::Comma
                && k > 0
                && matches!(toks[k - 1].kind, TokKind::Quote(_))
    };
    let placed = if r.start == 0 {
        opens_quoted_sentence(body, toks)
            && super::mentions::occurs_at_most(body, &w.to_ascii_lowercase(), 0)
    } else {
        let mut b = r.start - 1;
        if is_speech(body, &toks[b]) && b > 0 {
            b -= 1;
        }
        is_quote(b)
    };
    if !placed || !t.cap || t.poss || w.len() < 3 {
        return false;
    }
    // `wrote Banc of America Securities analyst ...`: a name governing `of` is an
    // organisation's.
    if toks
        .get(r.end)
        .is_some_and(|n| n.is_word() && n.text(body) == "of")
    {
        return false;
    }
    let l = lower(w);
    // Acronyms and dotted or digit-bearing words are organisations or handles.
    w.bytes().skip(1).any(|c| c.is_ascii_lowercase())
        && w.bytes()
            .all(|c| c.is_ascii_alphabetic() || c == b'-' || c == b'\'')
        && !is_function_word(w)
        && !is_determiner(&l)
        && &*l != "another"
        && !is_affiliation(w)
        && !is_org_word(&l)
        && !is_org_noun(&l)
        && !is_role_noun(&l)
        && !is_title(&l)
        && !lexicon::is_place(w)
        && lexicon::month(w).is_none()
        && lexicon::weekday(w).is_none()
}

/// Speech verbs that may stand between a quotation and a bare name.
fn is_speech(body: &str, t: &Tok) -> bool {
    t.is_word()
        && matches!(
            t.text(body),
            "said" | "says" | "stated" | "added" | "wrote" | "asked" | "tweeted" | "continued"
        )
}

/// `Tuttle added, "..."`, `Tuttle said: "..."`, or `Cruz said.` right after a quotation that
/// closed its own sentence: a sentence of a name, a speech verb and a quotation.
fn opens_quoted_sentence(body: &str, toks: &[Tok]) -> bool {
    if toks.len() < 3 || !is_speech(body, &toks[1]) {
        return false;
    }
    if matches!(toks[2].kind, TokKind::Comma | TokKind::Colon) {
        return toks
            .get(3)
            .is_some_and(|q| matches!(q.kind, TokKind::Quote(_)));
    }
    toks[2..].iter().all(|t| t.kind == TokKind::Stop)
        && body[..toks[0].start]
            .trim_end()
            .ends_with(['\u{201d}', '"', '\''])
}

/// `called Trump "unhinged"`, `calls her record a "blueprint"`: after a naming verb at token
/// `i` (`called`, `calls`, `calling`), the quotation that its object (up to five words, no
/// punctuation) is given; its token index. `called for a ban` names nothing.
pub fn naming_quote(body: &str, toks: &[Tok], i: usize) -> Option<usize> {
    if !matches!(toks[i].text(body), "called" | "calls" | "calling") {
        return None;
    }
    let first = toks.get(i + 1)?;
    if !first.is_word() || matches!(first.text(body), "for" | "on" | "off" | "in" | "up" | "out") {
        return None;
    }
    (i + 1..toks.len().min(i + 7))
        .take_while(|&k| toks[k].is_word() || matches!(toks[k].kind, TokKind::Quote(_)))
        .find(|&k| matches!(toks[k].kind, TokKind::Quote(_)) && k > i + 1)
}

/// Who a cue points at, before resolution against the article's other mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A personal name (`Dmitry Peskov`, `Peskov`), its tokens' byte range, an optional role.
    Name {
        /// Token range of the name (no titles or honorifics).
        toks: Range<usize>,
        /// Byte range of the role phrase, when an apposition or pre-modifier gives one.
        role: Option<Range<usize>>,
        /// `Some(true)` for Mrs./Ms./Miss, `Some(false)` for Mr.
        female: Option<bool>,
        /// Read after `according to`, where a bare word is more often a publication or a
        /// pollster (`according to Gallup`) than a person.
        weak: bool,
    },
    /// `he` / `she`.
    Pronoun {
        /// `she`.
        female: bool,
    },
    /// `the official`, `the spokesman`: byte range of the phrase and of its head noun.
    Description {
        /// The whole phrase (`the official`).
        phrase: Range<usize>,
        /// The head noun (`official`).
        head: Range<usize>,
    },
    /// An organisation, capitalised (`the Kremlin`, `Gazprom`) or a lower-case head (`the
    /// ministry`): byte range of the name without a determiner.
    Org {
        /// The organisation's words.
        name: Range<usize>,
        /// Written in lower case (`ministry`): resolves to an organisation named before.
        generic: bool,
    },
}

/// A found source and the tokens it spans.
#[derive(Clone, Debug)]
pub struct Found {
    /// The source.
    pub source: Source,
    /// Token range covered by the source phrase (apposition included).
    pub span: Range<usize>,
}

#[inline]
fn lower_eq(t: &str, w: &str) -> bool {
    t.eq_ignore_ascii_case(w)
}

/// `s` ASCII-lower-cased, on the stack when it is word-sized: classifying a chunk lowers each
/// word for the lexicon look-ups, thousands of times per file.
fn lower(s: &str) -> Lower {
    let mut buf = [0u8; LOWER_INLINE];
    match buf.get_mut(..s.len()) {
        Some(head) => {
            head.copy_from_slice(s.as_bytes());
            head.make_ascii_lowercase();
            Lower::Inline(buf, s.len())
        }
        None => Lower::Heap(s.to_ascii_lowercase()),
    }
}

/// Longest word [`lower`] keeps on the stack.
const LOWER_INLINE: usize = 32;

/// A lower-cased word from [`lower`]; dereferences to `str`.
enum Lower {
    /// The bytes and their length.
    Inline([u8; LOWER_INLINE], usize),
    /// Longer than [`LOWER_INLINE`].
    Heap(String),
}

impl std::ops::Deref for Lower {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            // ASCII lower-casing keeps UTF-8 valid and the length came from the source string;
            // the empty fallback is unreachable.
            Lower::Inline(buf, len) => buf
                .get(..*len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Lower::Heap(s) => s,
        }
    }
}
