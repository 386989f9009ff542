//! One sentence -> its attributed statements ([`Finding`]s), before speakers are resolved.
//!
//! The first cue with a source wins (`"...," Peskov told reporters, adding that ...`: `told`).
//! A quotation right before the source (`"...," Peskov said`) or right after the cue and a
//! colon or comma (`Peskov said: "..."`) makes a direct quote; otherwise the statement is the
//! reported clause: the words before `, Peskov said`, or after `Peskov said (that)`. An
//! `adding that ...` clause adds an indirect statement for the same source. A sentence that is
//! only a quotation continues the previous sentence's speaker in the same paragraph.

use std::ops::Range;

use chrono::NaiveDate;

use super::lexicon::{Cue, cue, is_function_word, is_negation};
use super::said_on;
use super::source::{self, Found, Source, coordinated, left, right, subject};
use super::text::QuoteSpan;
use super::tokens::{Tok, TokKind};
use crate::article::QuoteKind;

/// Who a finding is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// A source found next to a cue.
    Source(Source),
    /// The speaker of the previous finding (a bare quotation continuing it).
    Previous,
}

/// One attributed statement before resolution.
#[derive(Clone, Debug)]
pub struct Finding {
    /// Global sentence number.
    pub sentence: usize,
    /// Who.
    pub who: Who,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// Byte range of the statement in the body.
    pub text: Range<usize>,
    /// When it was said.
    pub said_on: Option<NaiveDate>,
}

/// Per-sentence context the analysis needs from its neighbours.
pub struct Ctx<'a> {
    /// The body.
    pub body: &'a str,
    /// All quote spans.
    pub quotes: &'a [QuoteSpan],
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Global number of this sentence.
    pub sentence: usize,
    /// The previous sentence (same paragraph) had a finding, or the previous paragraph ended
    /// with `Peskov said:`.
    pub continues: bool,
}

/// Analyses one sentence's tokens and pushes its findings. Returns (attributed anything,
/// ended with a colon after a cue).
pub fn analyze(cx: &Ctx, toks: &[Tok], out: &mut Vec<Finding>) -> (bool, bool) {
    let body = cx.body;
    let before = out.len();
    let mut primary: Option<(usize, Found, Cue)> = None;
    for (i, t) in toks.iter().enumerate() {
        // Flags first: most tokens are settled without slicing their text.
        if !t.is_word() {
            continue;
        }
        let w = t.text(body);
        // `According` is the only cue that opens sentences capitalised.
        let c = if t.cap {
            if w != "According" {
                continue;
            }
            Cue::According
        } else {
            // The cue filter's test inline first: it turns away most words without a call.
            let b = w.as_bytes();
            if !(3..=15).contains(&b.len())
                || !b[0].is_ascii_lowercase()
                || !b[b.len() - 1].is_ascii_lowercase()
                || !super::lexicon::may_be_cue(b.len(), b[0], b[b.len() - 1])
            {
                continue;
            }
            match cue(w) {
                Some(c) => c,
                None => continue,
            }
        };
        // `negated`, and the wire trailer `Lerer reported from Los Angeles`; `calls` and
        // `calling` report speech only when they name something with a quotation.
        if negated(body, toks, i)
            || (matches!(w, "calls" | "calling") && source::naming_quote(body, toks, i).is_none())
            || (t.text(body) == "reported"
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.is_word() && n.text(body) == "from"))
        {
            continue;
        }
        let found = match c {
            Cue::According => {
                if toks
                    .get(i + 1)
                    .is_some_and(|n| n.is_word() && n.text(body) == "to")
                {
                    right(body, toks, i + 2)
                } else {
                    None
                }
            }
            // `adding to her lead`, `writing for the Post`: no statement follows.
            Cue::Participle
                if i >= 2
                    && toks[i - 1].kind == TokKind::Comma
                    && !toks.get(i + 1).is_some_and(|n| {
                        n.is_word() && matches!(n.text(body), "to" | "for" | "on" | "in" | "of")
                    }) =>
            {
                subject(body, toks, i - 1)
            }
            Cue::Participle => None,
            Cue::Verb | Cue::Told => left(body, toks, i).or_else(|| {
                let inverted_ok = c == Cue::Verb
                    && (i == 0
                        || matches!(
                            toks[i - 1].kind,
                            TokKind::Comma | TokKind::Quote(_) | TokKind::Colon
                        ));
                if inverted_ok {
                    right(body, toks, i + 1)
                } else {
                    None
                }
            }),
        };
        if let Some(mut f) = found {
            if let (Cue::According, Source::Name { weak, .. }) = (c, &mut f.source) {
                *weak = true;
            }
            // Speech proper (`said`, `told`, `according to`) outranks judgement verbs
            // (`agreed`, `urged`) earlier in the sentence: `China and Kazakhstan have agreed
            // ..., Vice Premier Liu Guoqiang said`.
            let strong = matches!(
                t.text(body),
                "said"
                    | "says"
                    | "say"
                    | "told"
                    | "tells"
                    | "According"
                    | "according"
                    | "added"
                    | "adds"
                    | "wrote"
                    | "writes"
                    | "stated"
                    | "tweeted"
                    | "asked"
                    | "replied"
                    | "noted"
                    | "explained"
            );
            if strong {
                primary = Some((i, f, c));
                break;
            }
            // `Albright urged women to vote, saying ...`: the participle carries the statement
            // of the same subject.
            let restates = c == Cue::Participle
                && primary
                    .as_ref()
                    .is_some_and(|(_, p, _)| p.span.start == f.span.start);
            if primary.is_none() || restates {
                primary = Some((i, f, c));
            }
        }
    }
    let Some((ci, found, c)) = primary else {
        if label(cx, toks, out) {
            return (true, false);
        }
        // A bare quotation continuing the previous speaker.
        if cx.continues {
            // The frame (tokens but the full stop) must be that one quotation.
            let mut frame = toks.iter().filter(|t| t.kind != TokKind::Stop);
            if let (Some(q), None) = (frame.next(), frame.next()) {
                if let TokKind::Quote(qi) = q.kind {
                    push_direct(cx, qi, Who::Previous, None, out);
                }
            }
        }
        return (out.len() > before, false);
    };
    let who = Who::Source(found.source.clone());
    let src = found.span.clone();
    // `Edward-Isaac Dovere and Gabriel Debenedetti wrote`: both conjuncts speak.
    let partner = match found.source {
        Source::Name { .. } if src.start >= 2 && src.start <= ci => {
            coordinated(body, toks, src.start - 1)
        }
        _ => None,
    };
    // The clause around the cue: [lo, hi) covers source and cue.
    let lo = src.start.min(ci);
    let mut hi = src.end.max(ci + 1);
    if c == Cue::According {
        hi = hi.max(ci + 2);
    }
    // Words after the cue that belong to it: `told reporters`, `on Thursday`, `in a statement`.
    let named = source::naming_quote(body, toks, ci);
    let obj = if c == Cue::Told || toks[ci].text(body) == "telling" {
        skip_object(body, toks, hi)
    } else {
        // `called Trump "unhinged"`: the quotation is the statement.
        named.unwrap_or(hi)
    };
    let after = skip_cue_tail(body, toks, obj);
    let said_on = said_on::read(body, toks, obj, after.min(obj + 6), cx.published)
        .or_else(|| opening_date(cx, toks, lo));

    let mut direct = false;
    // `"...," Peskov said` / `"...," said Peskov`.
    // Words between the quotation and the source are its description (`"...," the Zionist
    // Union Party's Nachman Shai told`, `"...," his friend Oumar told`).
    let mut q = lo;
    while q > 0 && lo - q < 6 && toks[q - 1].is_word() && !toks[q - 1].text(body).ends_with("ly") {
        q -= 1;
    }
    while q > 0 && matches!(toks[q - 1].kind, TokKind::Comma) {
        q -= 1;
    }
    if q > 0 {
        if let TokKind::Quote(qi) = toks[q - 1].kind {
            push_direct(cx, qi, who.clone(), said_on, out);
            direct = true;
        }
    }
    // `Peskov said: "..."`, and `"...," he said, "..."`.
    let mut k = after;
    let mut ends_with_colon = false;
    // `told the Associated Press (AP), "..."`: skip a parenthesis.
    if toks.get(k).is_some_and(|t| t.kind == TokKind::Open) {
        if let Some(close) = toks[k..].iter().position(|t| t.kind == TokKind::Close) {
            k += close + 1;
        }
    }
    while k < toks.len() {
        match toks[k].kind {
            TokKind::Colon | TokKind::Comma => {
                if let Some(TokKind::Quote(qi)) = toks.get(k + 1).map(|t| t.kind) {
                    push_direct(cx, qi, who.clone(), said_on, out);
                    direct = true;
                    k += 2;
                    continue;
                }
                if toks[k].kind == TokKind::Colon && k + 1 == toks.len() {
                    ends_with_colon = true;
                }
                break;
            }
            TokKind::Quote(qi) if k == after && (ends_sentence(toks, k) || named.is_some()) => {
                push_direct(cx, qi, who.clone(), said_on, out);
                direct = true;
                k += 1;
            }
            _ => break,
        }
    }
    if ends_with_colon || (k == toks.len() - 1 && toks[k].kind == TokKind::Colon) {
        ends_with_colon = true;
    }
    // `"... didn't he?" Mrs. Clinton said.`: the quotation closed its own sentence, so the
    // source stands alone in the next one.
    if !direct && lo == 0 && toks[after..].iter().all(|t| t.kind == TokKind::Stop) {
        if let Some(qi) = quote_before(cx, toks[0].start) {
            push_direct(cx, qi, who.clone(), said_on, out);
            direct = true;
        }
    }
    if !direct && !ends_with_colon {
        if let Some(r) = indirect_text(cx, toks, lo, after, c) {
            out.push(Finding {
                sentence: cx.sentence,
                who: who.clone(),
                kind: QuoteKind::Indirect,
                text: r,
                said_on,
            });
        }
    }
    // `..., adding that ...`
    for a in after..toks.len().saturating_sub(1) {
        let w = &toks[a];
        if w.is_word()
            && matches!(
                w.text(body),
                "adding"
                    | "noting"
                    | "saying"
                    | "stressing"
                    | "insisting"
                    | "explaining"
                    | "arguing"
                    | "warning"
            )
            && toks[a + 1].is_word()
            && toks[a + 1].text(body) == "that"
        {
            if let Some(r) = clause(body, toks, a + 2, toks.len()) {
                out.push(Finding {
                    sentence: cx.sentence,
                    who: who.clone(),
                    kind: QuoteKind::Indirect,
                    text: r,
                    said_on,
                });
            }
            break;
        }
    }
    if let Some(p) = partner {
        let mine = out.len();
        for n in before..mine {
            let f = Finding {
                who: Who::Source(p.clone()),
                ..out[n].clone()
            };
            out.push(f);
        }
    }
    if ends_with_colon && out.len() == before {
        // `Peskov said:` ending the paragraph: an empty marker carries the source so the
        // quotation in the next paragraph can continue it.
        out.push(Finding {
            sentence: cx.sentence,
            who,
            kind: QuoteKind::Direct,
            text: 0..0,
            said_on,
        });
    }
    (out.len() > before, ends_with_colon)
}

/// A speaker label opening a sentence: `JAKE TAPPER: Donald Trump released ...` (a
/// transcript), `- Carl Bialik: "One of the biggest lessons ..."`. The label must be the whole
/// opening (after an optional dash), two words or more, or one all-capitals word.
fn label(cx: &Ctx, toks: &[Tok], out: &mut Vec<Finding>) -> bool {
    let body = cx.body;
    let Some(c) = toks.iter().take(14).position(|t| t.kind == TokKind::Colon) else {
        return false;
    };
    // The label runs back from the colon to the sentence start or a dash.
    let mut s = c;
    while s > 0 && toks[s - 1].is_word() && c - s < 4 {
        s -= 1;
    }
    if s > 0 && !matches!(toks[s - 1].kind, TokKind::Break | TokKind::Other)
        || c == s
        || c + 1 >= toks.len()
    {
        return false;
    }
    let words = &toks[s..c];
    let caps = words.iter().all(|t| {
        t.is_word()
            && t.text(body).len() > 1
            && t.text(body).bytes().all(|b| b.is_ascii_uppercase())
    });
    let named = words.len() >= 2
        && words
            .iter()
            .all(|t| t.is_word() && t.cap && !t.poss && !is_function_word(t.text(body)));
    if !(caps || named)
        || words
            .iter()
            .any(|t| super::lexicon::is_org_word(&t.text(body).to_ascii_lowercase()))
    {
        return false;
    }
    let who = Who::Source(Source::Name {
        toks: s..c,
        role: None,
        female: None,
        weak: !caps && words.len() < 2,
    });
    if let TokKind::Quote(qi) = toks[c + 1].kind {
        push_direct(cx, qi, who, None, out);
    } else if let Some(r) = clause(body, toks, c + 1, toks.len()) {
        out.push(Finding {
            sentence: cx.sentence,
            who,
            kind: QuoteKind::Indirect,
            text: r,
            said_on: None,
        });
    }
    true
}

/// A `not`/`never` right before the cue (`did not say`).
fn negated(body: &str, toks: &[Tok], i: usize) -> bool {
    toks[i.saturating_sub(2)..i]
        .iter()
        .any(|t| t.is_word() && is_negation(t.text(body)))
}

fn ends_sentence(toks: &[Tok], k: usize) -> bool {
    toks[k + 1..].iter().all(|t| t.kind == TokKind::Stop)
}

/// `On Thursday, Peskov said ...`: a date opening the sentence before the source.
fn opening_date(cx: &Ctx, toks: &[Tok], lo: usize) -> Option<NaiveDate> {
    if lo == 0 || !toks[0].is_word() || toks[0].text(cx.body) != "On" {
        return None;
    }
    said_on::read(cx.body, toks, 0, lo.min(4), cx.published)
}

/// The quotation ending a sentence right before byte `pos` in the same paragraph, when it
/// ends with its own full stop, question or exclamation mark.
fn quote_before(cx: &Ctx, pos: usize) -> Option<usize> {
    let qi = cx.quotes.partition_point(|q| q.end <= pos).checked_sub(1)?;
    let q = &cx.quotes[qi];
    let gap = cx.body.get(q.end..pos)?;
    let inner = cx.body.get(q.inner_start..q.inner_end)?.trim_end();
    (gap.bytes().all(|b| b.is_ascii_whitespace())
        && !gap.contains("\n\n")
        && inner.ends_with(['.', '?', '!']))
    .then_some(qi)
}

fn push_direct(cx: &Ctx, qi: usize, who: Who, said_on: Option<NaiveDate>, out: &mut Vec<Finding>) {
    let q = &cx.quotes[qi];
    let r = trim_text(cx.body, q.inner_start..q.inner_end);
    if r.is_empty() || out.iter().any(|f| f.text == r) {
        return;
    }
    out.push(Finding {
        sentence: cx.sentence,
        who,
        kind: QuoteKind::Direct,
        text: r,
        said_on,
    });
}

/// Index of the first token after the object of `told`: `told reporters`, `told The
/// Associated Press`, `told the BBC`.
fn skip_object(body: &str, toks: &[Tok], mut i: usize) -> usize {
    if let Some(t) = toks.get(i).filter(|t| t.is_word()) {
        let w = t.text(body);
        if matches!(w, "the" | "The") || t.cap {
            i += 1;
            while toks
                .get(i)
                .is_some_and(|t| t.is_word() && t.cap && !is_function_word(t.text(body)))
            {
                i += 1;
            }
        } else if !matches!(w, "that" | "on" | "in" | "at") {
            i += 1;
        }
    }
    i
}

/// Index of the first token after the cue's own words: `on Thursday`, `in a statement`,
/// `that`.
fn skip_cue_tail(body: &str, toks: &[Tok], mut i: usize) -> usize {
    loop {
        let Some(t) = toks.get(i).filter(|t| t.is_word()) else {
            return i;
        };
        match t.text(body) {
            "on" | "late" | "early" | "earlier" | "last" => {
                let n = toks
                    .get(i + 1)
                    .filter(|t| t.is_word())
                    .map(|t| t.text(body))
                    .unwrap_or("");
                if super::lexicon::weekday(n).is_some()
                    || matches!(n, "Thursday's" | "late" | "early")
                {
                    i += 2;
                } else if super::lexicon::month(n).is_some() {
                    i += 3;
                } else {
                    return i;
                }
            }
            "yesterday" | "today" | "here" | "there" | "Monday" | "Tuesday" | "Wednesday"
            | "Thursday" | "Friday" | "Saturday" | "Sunday" => i += 1,
            "in" => {
                // `in a statement`, `in an interview`, `in a written statement`
                let mut j = i + 1;
                if toks.get(j).is_some_and(|t| {
                    t.is_word()
                        && matches!(t.text(body), "a" | "an" | "the" | "its" | "his" | "her")
                }) {
                    j += 1;
                }
                while toks.get(j).is_some_and(|t| {
                    t.is_word()
                        && matches!(
                            t.text(body),
                            "written"
                                | "joint"
                                | "televised"
                                | "radio"
                                | "TV"
                                | "television"
                                | "separate"
                                | "brief"
                                | "short"
                                | "phone"
                                | "telephone"
                                | "exclusive"
                                | "recent"
                        )
                }) {
                    j += 1;
                }
                if toks.get(j).is_some_and(|t| {
                    t.is_word()
                        && matches!(
                            t.text(body),
                            "statement"
                                | "interview"
                                | "speech"
                                | "release"
                                | "post"
                                | "tweet"
                                | "letter"
                                | "email"
                                | "e-mail"
                                | "briefing"
                                | "comments"
                                | "remarks"
                                | "address"
                        )
                }) {
                    i = j + 1;
                } else {
                    return i;
                }
            }
            "that" => return i + 1,
            _ => return i,
        }
    }
}

/// The reported clause of an indirect statement.
fn indirect_text(cx: &Ctx, toks: &[Tok], lo: usize, after: usize, c: Cue) -> Option<Range<usize>> {
    let body = cx.body;
    // `Peskov said that X` (whatever precedes the source).
    if after > 0 && toks[after - 1].is_word() && toks[after - 1].text(body) == "that" {
        if let Some(r) = clause(body, toks, after, end_before_adding(body, toks, after)) {
            return Some(r);
        }
    }
    // `X, Peskov said` / `X, according to Peskov`; not `Reached on Tuesday, Joyce told the
    // Post he ...`, where the statement follows the listener.
    let statement_follows = c == Cue::Told
        && toks.get(after).is_some_and(|t| {
            t.is_word()
                && !matches!(
                    t.text(body),
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "from"
                        | "by"
                        | "via"
                        | "while"
                        | "when"
                        | "as"
                        | "last"
                        | "this"
                        | "earlier"
                        | "later"
                )
        });
    if lo > 0 && toks[lo - 1].kind == TokKind::Comma && !statement_follows {
        let r = clause(body, toks, 0, lo - 1);
        if r.is_some() {
            return r;
        }
    }
    // `According to Peskov, X`.
    let mut s = after;
    if c == Cue::According || (s < toks.len() && toks[s].kind == TokKind::Comma) {
        while s < toks.len() && toks[s].kind != TokKind::Comma {
            s += 1;
        }
        s += 1;
    }
    clause(body, toks, s, end_before_adding(body, toks, s))
}

/// The end of a clause starting at `s`: before a trailing `, adding that` clause.
fn end_before_adding(body: &str, toks: &[Tok], s: usize) -> usize {
    for a in s..toks.len() {
        if toks[a].kind == TokKind::Comma
            && toks.get(a + 1).is_some_and(|t| {
                t.is_word()
                    && matches!(
                        t.text(body),
                        "adding"
                            | "noting"
                            | "saying"
                            | "stressing"
                            | "insisting"
                            | "explaining"
                            | "arguing"
                            | "warning"
                            | "commenting"
                    )
            })
        {
            return a;
        }
    }
    toks.len()
}

/// Byte range of tokens `s..e`, without trailing stops and commas, when it holds at least
/// three words (or a quotation).
fn clause(body: &str, toks: &[Tok], s: usize, mut e: usize) -> Option<Range<usize>> {
    while e > s
        && matches!(
            toks[e - 1].kind,
            TokKind::Stop | TokKind::Comma | TokKind::Colon | TokKind::Break
        )
    {
        e -= 1;
    }
    if e <= s {
        return None;
    }
    let words = toks[s..e]
        .iter()
        .filter(|t| matches!(t.kind, TokKind::Word | TokKind::Quote(_)))
        .count();
    if words < 3 {
        return None;
    }
    let r = trim_text(body, toks[s].start..toks[e - 1].end);
    (!r.is_empty()).then_some(r)
}

/// Trims whitespace and trailing commas from a statement's byte range.
fn trim_text(body: &str, mut r: Range<usize>) -> Range<usize> {
    let b = body.as_bytes();
    loop {
        let before = r.clone();
        while r.start < r.end && b[r.start].is_ascii_whitespace() {
            r.start += 1;
        }
        while r.end > r.start && (b[r.end - 1].is_ascii_whitespace() || b[r.end - 1] == b',') {
            r.end -= 1;
        }
        if r == before {
            return r;
        }
    }
}
