//! Finding the source of a cue in a sentence's tokens: who is `said` attached to.
//!
//! The source sits next to its cue: on the left (`Peskov also said`, `Dmitry Peskov, the
//! Kremlin spokesman, said`), or on the right after an inverted cue (`..., said Peskov`) or
//! `according to`. Only that adjacent phrase is read, so a name earlier in the sentence
//! (`Kirill Dmitriev ... continues contacts ..., Peskov also said`) is never taken for the
//! speaker. A capitalised chunk is split into role (`Russian President`) and name (`Vladimir
//! Putin`) at its last title word; chunks with an organisation head are organisations.
//!
//! [`left`] reads sources before the cue, [`apposition`] the appositions between commas,
//! [`right`] sources after an inverted cue, [`chunk`] splits capitalised chunks into role and
//! name.

mod apposition;
mod chunk;
mod left;
mod right;

use std::ops::Range;

pub use left::{coordinated, left, subject};
pub use right::right;

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

fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}
