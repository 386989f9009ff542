//! Attribution: who said what in a story body.
//!
//! [`attribute`] runs in three passes over the body. [`text`] finds paragraphs, quotations
//! (joined over paragraphs) and sentences as byte ranges; each sentence that can attribute
//! something (a cue word found by [`cues`], a colon, or a quotation continuing the previous
//! speaker) is tokenised once ([`tokens`], quotations folded into one token) and scanned for
//! speech cues and their adjacent source ([`source`], [`sentence`]).
//! Then [`resolve`] maps every source, in body order, to a distinct person or organisation
//! (surname -> earliest full name, typos, `the official`, `he`). Finally byte ranges become the
//! character offsets of [`Quote`]. It does not guess unnamed sources (`a spokesman said`,
//! `officials say`): those statements are left out.

mod cues;
mod lexicon;
mod mentions;
mod resolve;
mod said_on;
mod sentence;
mod source;
mod text;
mod tokens;

use std::cell::RefCell;
use std::ops::Range;

use chrono::NaiveDate;

use crate::article::{Quote, Speaker};
use crate::ingest::names::speaker_key;
use cues::CueScan;
use resolve::Registry;
use sentence::{Ctx, Finding, Who, analyze};
use source::Source;
use text::{QuoteSpan, Sentence};
use tokens::{Tok, tokenize};

/// The speakers, organisations and quotes found in one body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    /// People quoted, canonical name first seen order.
    pub speakers: Vec<Speaker>,
    /// Organisations quoted.
    pub organisations: Vec<Speaker>,
    /// Every attributed statement in body order.
    pub quotes: Vec<Quote>,
}

/// Finds every attributed statement in `body`. `published` resolves "said on Thursday".
pub fn attribute(body: &str, published: Option<NaiveDate>) -> Attribution {
    // Taken out of the thread's slot for the call (a nested call would find it empty and
    // still work), and put back for the next article.
    let mut scratch = SCRATCH.with(RefCell::take);
    let found = attribute_with(body, published, &mut scratch);
    scratch.release();
    SCRATCH.with(|s| s.replace(scratch));
    found
}

/// The buffers [`attribute`] fills for every body, kept per thread between calls: ingest
/// calls it once per article, and allocating and growing them afresh each time was a good
/// share of parsing's allocations.
#[derive(Default)]
struct Scratch {
    paras: Vec<Range<usize>>,
    quotes: Vec<QuoteSpan>,
    sents: Vec<Sentence>,
    findings: Vec<Finding>,
    toks: Vec<Tok>,
    sources: Vec<Resolved>,
    owner: Vec<Option<usize>>,
}

impl Scratch {
    /// Empties the buffers whose items own strings, keeping every buffer's capacity.
    fn release(&mut self) {
        self.findings.clear();
        self.sources.clear();
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn attribute_with(body: &str, published: Option<NaiveDate>, sc: &mut Scratch) -> Attribution {
    let Scratch {
        paras,
        quotes,
        sents,
        findings,
        toks,
        sources,
        owner,
    } = sc;
    text::paragraphs_into(body, paras);
    text::quote_spans_into(body, paras, quotes);
    sents.clear();
    text::sentences(body, paras, quotes, sents);

    let mut reg = Registry::new(body);
    findings.clear();
    // Sources are resolved after all mentions are known, so a surname can reach a full name
    // written later in the article too; their strings are copied out of the token buffer.
    toks.clear();
    sources.clear();
    let mut qi = 0;
    let mut prev_para = usize::MAX;
    let (mut prev_attr, mut prev_colon) = (false, false);
    let mut cues = CueScan::new(body, quotes);
    for (n, s) in sents.iter().enumerate() {
        // A bare quotation continues the speaker of the previous sentence in its paragraph,
        // or of a previous paragraph that ended with `Peskov said:`.
        let continues = if s.paragraph == prev_para {
            prev_attr
        } else {
            prev_colon
        };
        // A colon near the start may close a speaker label (`JAKE TAPPER: ...`). The cue
        // search goes last: it is the dearest test, and lazy.
        let head = &body.as_bytes()[s.range.start..s.range.end.min(s.range.start + 40)];
        let worth = continues
            || memchr::memchr(b':', head).is_some()
            || cues
                .first_from(s.range.start)
                .is_some_and(|p| p < s.range.end);
        prev_para = s.paragraph;
        if !worth {
            // Nothing here can attribute or continue a quote: skip tokenising it.
            (prev_attr, prev_colon) = (false, false);
            continue;
        }
        tokenize(body, s.range.clone(), quotes, &mut qi, toks);
        let cx = Ctx {
            body,
            quotes,
            published,
            sentence: n,
            continues,
        };
        let first = findings.len();
        (prev_attr, prev_colon) = analyze(&cx, toks, findings);
        for f in &findings[first..] {
            sources.push(prepare(body, toks, &f.who));
        }
    }

    // Resolve in body order.
    let mut honorifics = Honorifics::default();
    owner.clear();
    let mut last: Option<usize> = None;
    for (f, src) in findings.iter().zip(sources.iter()) {
        let who = match src {
            Resolved::Previous => last,
            Resolved::Name {
                name,
                words,
                role,
                female,
                policy,
            } => match policy {
                Single::Org => reg.org(name, false, f.sentence),
                Single::Person => {
                    reg.person(name, *words, role.as_deref(), *female, f.sentence, || true)
                }
                Single::KnownOnly | Single::Quoted => {
                    // A bare word that matches nobody is a person only when the text calls it
                    // `Mr.`/`Ms.` somewhere (`Zucker said`, `Mr. Zucker`), not a company, or
                    // when it stands by a quotation and the story does not keep repeating it.
                    // Asked only when the name resolves to no one: both searches read the body.
                    let quoted = *policy == Single::Quoted;
                    let new_ok = || {
                        *words == 1
                            && name.len() > 2
                            && (honorifics.check(body, name)
                                || quoted && mentions::occurs_at_most(body, name, 3))
                    };
                    reg.person(name, *words, role.as_deref(), *female, f.sentence, new_ok)
                }
                Single::KnownOrOrg => reg
                    .person(name, *words, role.as_deref(), *female, f.sentence, || false)
                    .or_else(|| reg.org(name, false, f.sentence)),
            },
            Resolved::Pronoun(female) => reg.pronoun(*female, f.sentence),
            Resolved::Description { phrase, head } => reg.description(phrase, head, f.sentence),
            Resolved::Org { name, generic } => reg.org(name, *generic, f.sentence),
        };
        if let Some(w) = who {
            reg.entities[w].last = f.sentence;
            last = Some(w);
        }
        owner.push(who);
    }
    build(body, reg, findings, owner)
}

/// [`mentions::has_honorific`] answers per name: each answer is a search of the whole body,
/// and a speaker's bare surname comes back sentence after sentence.
#[derive(Default)]
struct Honorifics(Vec<(String, bool)>);

impl Honorifics {
    fn check(&mut self, body: &str, name: &str) -> bool {
        if let Some(&(_, known)) = self.0.iter().find(|(n, _)| n == name) {
            return known;
        }
        let found = mentions::has_honorific(body, name);
        self.0.push((name.to_string(), found));
        found
    }
}

/// A source with its strings extracted (the tokens are gone by resolution time).
enum Resolved {
    Previous,
    Name {
        name: String,
        words: usize,
        role: Option<String>,
        female: Option<bool>,
        policy: Single,
    },
    Pronoun(bool),
    Description {
        phrase: String,
        head: String,
    },
    Org {
        name: String,
        generic: bool,
    },
}

fn prepare(body: &str, toks: &[Tok], who: &Who) -> Resolved {
    match who {
        Who::Previous => Resolved::Previous,
        Who::Source(Source::Name {
            toks: r,
            role,
            female,
            weak,
        }) => {
            let name = name_text(body, &toks[r.clone()]);
            let policy = single_policy(&name, r.len(), *weak || role.is_some() || female.is_some());
            let policy = match policy {
                Single::KnownOnly if *weak => Single::KnownOrOrg,
                Single::KnownOnly if source::next_to_quotation(body, toks, r) => Single::Quoted,
                Single::Person if *weak => Single::KnownOrOrg,
                p => p,
            };
            Resolved::Name {
                words: r.len(),
                name,
                role: role.clone().map(|r| squash(&body[r])),
                female: *female,
                policy,
            }
        }
        Who::Source(Source::Pronoun { female }) => Resolved::Pronoun(*female),
        Who::Source(Source::Description { phrase, head }) => Resolved::Description {
            phrase: squash(&body[phrase.clone()]),
            head: body[head.clone()].to_string(),
        },
        Who::Source(Source::Org { name, generic }) => Resolved::Org {
            name: squash(&body[name.clone()]),
            generic: *generic,
        },
    }
}

/// How far a name may create a new person when it matches none named before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Single {
    /// A full name, or a bare word nothing speaks against.
    Person,
    /// A place (`Russia said`) or a web-style name (`BuzzFeed`, `Factcheck.org`).
    Org,
    /// Only when it resolves to a person named in the article, or is called `Mr.`/`Ms.`
    /// somewhere (`Critics said`, `Caterpillar said` do not).
    KnownOnly,
    /// As [`Single::KnownOnly`], or a new person when it stands right by a quotation
    /// (`"...," Hale said`) and the story names it at most three times.
    Quoted,
    /// A person when it resolves, otherwise an organisation (`according to Gallup`).
    KnownOrOrg,
}

/// The policy for a name of `words` words; `backed` when a role, honorific or `according to`
/// already decided what it is.
fn single_policy(name: &str, words: usize, backed: bool) -> Single {
    if lexicon::is_place(name) {
        return Single::Org;
    }
    if words > 1 || backed {
        return Single::Person;
    }
    let b = name.as_bytes();
    let camel = b.windows(2).enumerate().any(|(i, w)| {
        w[0].is_ascii_lowercase()
            && w[1].is_ascii_uppercase()
            && !matches!(
                &b[..=i],
                b"Mc" | b"Mac" | b"De" | b"Di" | b"La" | b"Le" | b"Van" | b"Von" | b"Du"
            )
    });
    let dotted = name.contains('.') && name.bytes().filter(|c| c.is_ascii_lowercase()).count() > 1;
    if camel || dotted {
        return Single::Org;
    }
    // Bare words (`Critics`, `Caterpillar`, `Zucker`) must resolve to a person named in full,
    // or carry an honorific somewhere in the text.
    Single::KnownOnly
}

/// A name's words joined by single spaces, possessive dropped.
fn name_text(body: &str, toks: &[Tok]) -> String {
    // A transcript label in capitals (`JAKE TAPPER`) is written as a name (`Jake Tapper`).
    let caps = toks.iter().all(|t| {
        let w = t.text(body);
        w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase())
    });
    // Sized once: the name's span in the body is at least as long as the name written out.
    let span = toks
        .first()
        .zip(toks.last())
        .map_or(0, |(a, z)| z.end - a.start);
    let mut s = String::with_capacity(span);
    for t in toks {
        if !s.is_empty() {
            s.push(' ');
        }
        let w = if t.dot {
            &body[t.start..t.end]
        } else {
            t.text(body)
        };
        if caps {
            s.push_str(&w[..1]);
            s.push_str(&w[1..].to_ascii_lowercase());
        } else {
            s.push_str(w);
        }
    }
    s
}

/// Collapses whitespace runs (line breaks inside a paragraph) to one space.
fn squash(s: &str) -> String {
    crate::ingest::collapse_whitespace(s)
}

/// Turns resolved findings into the article's speakers, organisations and quotes.
/// Takes the registry by value so each speaker's strings move out instead of being copied.
fn build(body: &str, reg: Registry, findings: &[Finding], owner: &[Option<usize>]) -> Attribution {
    let mut counts = vec![0usize; reg.entities.len()];
    let mut conv = CharOffsets::new(body);
    let mut quotes = Vec::with_capacity(findings.len());
    for (f, o) in findings.iter().zip(owner) {
        let Some(o) = *o else { continue };
        if f.text.is_empty() {
            continue;
        }
        let e = &reg.entities[o];
        counts[o] += 1;
        let start = conv.chars(f.text.start);
        let end = conv.chars(f.text.end);
        quotes.push(Quote {
            speaker: e.name.clone(),
            speaker_key: e.key.clone(),
            kind: f.kind,
            text: body[f.text.clone()].to_string(),
            start,
            end,
            said_on: f.said_on,
        });
    }
    quotes.sort_by_key(|q| (q.start, q.end));
    let mut out = Attribution {
        quotes,
        ..Default::default()
    };
    for (e, &n) in reg.entities.into_iter().zip(&counts) {
        if n == 0 {
            continue;
        }
        // The registry keeps every entity's key in step with its name.
        debug_assert_eq!(e.key, speaker_key(&e.name));
        let sp = Speaker {
            name: e.name,
            key: e.key,
            aliases: e.aliases,
            role: e.role,
            quotes: n,
        };
        if e.org {
            out.organisations.push(sp)
        } else {
            out.speakers.push(sp)
        }
    }
    out
}

/// Byte -> character offsets, counting forward from the last answer (offsets arrive roughly in
/// order) and restarting from 0 when asked for an earlier one. ASCII bodies skip counting.
struct CharOffsets<'a> {
    body: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(body: &'a str) -> Self {
        CharOffsets {
            body,
            ascii: body.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    fn chars(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let seg = &self.body.as_bytes()[self.byte..byte];
        self.chars += seg.iter().filter(|&&b| (b as i8) >= -0x40).count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests;
