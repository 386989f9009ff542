//! Appositions before a cue: `Dmitry Peskov, the Kremlin spokesman, said`.

use super::super::lexicon::{self, is_determiner, is_org_noun, is_role_noun, is_title};
use super::super::tokens::{Tok, TokKind};
use super::chunk::{classify, is_name_word, is_preposition};
use super::left::{left, left_name_only};
use super::{Found, Source, lower, lower_eq};

/// `Dmitry Peskov, the Kremlin spokesman, said`: the comma at `c` closes an apposition. Up to
/// three earlier commas are tried, for appositions holding commas of their own (`Mr.
/// Daniloff, now 81 and retired in Cambridge, Mass., said`). Also reads `A JNF official,
/// Howard Ingram, said` (the name between the commas) and skips interjections (`Will Rogers,
/// for example, said`).
pub(super) fn apposition_before(body: &str, toks: &[Tok], c: usize) -> Option<Found> {
    let mut k = c;
    for round in 0..4 {
        let mut m = k;
        while m > 0 && c - m < 40 && toks[m - 1].kind != TokKind::Comma {
            let inner_quote = matches!(toks[m - 1].kind, TokKind::Quote(_)) && m < c;
            if !matches!(
                toks[m - 1].kind,
                TokKind::Word | TokKind::Open | TokKind::Close | TokKind::Other
            ) && !inner_quote
            {
                return None;
            }
            m -= 1;
        }
        if m == 0 || m == k || toks[m - 1].kind != TokKind::Comma {
            return None;
        }
        let seg = &toks[m..c];
        if round == 0 {
            if is_interjection(body, seg) {
                // `Brian Murphy, the chairman of ..., for example, said`: the interjection may
                // follow an apposition.
                let mut f =
                    apposition_before(body, toks, m - 1).or_else(|| left(body, toks, m - 1))?;
                f.span.end = c + 1;
                return Some(f);
            }
            // `A longtime JNF official, Howard Ingram, said`, `One delegate not on the slate,
            // Kelly Schmdit, told`: a name alone between the commas, after a lower-case
            // description (a role noun, or two words or more for a full name).
            // `The Podesta Group's CEO, Kimberley Fritts, said`: a capitalised title owned by
            // an organisation.
            let owned_title = seg.len() >= 2
                && m >= 3
                && toks[m - 3].poss
                && toks[m - 2].cap
                && is_title(&lower(toks[m - 2].text(body)));
            let role_before_comma = m >= 2
                && toks[m - 2].is_word()
                && (!toks[m - 2].cap
                    && !is_org_noun(toks[m - 2].text(body))
                    && (is_role_noun(toks[m - 2].text(body)) || seg.len() >= 2)
                    || seg.len() >= 2 && role_of_organisation(body, toks, m - 1)
                    // `The Podesta Group's CEO, Kimberley Fritts, said`: a capitalised title
                    // owned by an organisation.
                    || owned_title);
            // `Another pollster, David Woodard of Clemson University, said`: the name ends at
            // `of`.
            let cut = seg
                .iter()
                .position(|t| t.is_word() && matches!(t.text(body), "of" | "from"))
                .filter(|&n| n >= 2)
                .unwrap_or(seg.len());
            if role_before_comma
                && cut <= 5
                && seg[..cut].iter().all(|t| is_name_word(t, body) && !t.poss)
            {
                let mut f = classify(body, toks, m..m + cut)?;
                if matches!(f.source, Source::Name { .. }) {
                    f.span.end = c + 1;
                    if owned_title {
                        // The title phrase is part of the source, not a statement before it.
                        f.span.start = toks[..m - 1]
                            .iter()
                            .rposition(|t| t.kind == TokKind::Comma)
                            .map_or(0, |p| p + 1);
                    }
                    return Some(f);
                }
                return None;
            }
        }
        if opens_apposition(body, seg) {
            let found = left_name_only(body, toks, m - 1).filter(|f| match &f.source {
                // `a truck driver from Ava, Mo., who ...`: an abbreviated place, read on.
                Source::Name { toks: r, .. } => r.len() > 1 || !toks[r.start].dot,
                _ => true,
            });
            if let Some(mut f) = found {
                // `Matthew Prince, chief executive of CloudFlare, a San Francisco company,
                // said`, `Alixandria Lapp, executive director of the House Majority PAC, a
                // Democratic super PAC, said`: the object of a preposition is governed; the
                // head of the earlier apposition speaks.
                let mut s = f.span.start;
                if s > 0 && toks[s - 1].is_word() && lower_eq(toks[s - 1].text(body), "the") {
                    s -= 1;
                }
                if round == 0
                    && s > 0
                    && toks[s - 1].is_word()
                    && is_preposition(toks[s - 1].text(body))
                {
                    k = m - 1;
                    continue;
                }
                // `Teck, the Canadian mining company, says`: the apposition names a company.
                let head_at = seg
                    .iter()
                    .position(|t| t.is_word() && is_preposition(t.text(body)))
                    .unwrap_or(seg.len());
                let head = seg[head_at.max(1) - 1];
                let relative = matches!(seg[0].text(body), "who" | "whose");
                if round == 0
                    && !relative
                    && head.is_word()
                    && !head.cap
                    && is_org_noun(head.text(body))
                {
                    if let Source::Name { toks: r, .. } = &f.source {
                        let name = toks[r.start].start..toks[r.end - 1].end;
                        return Some(Found {
                            source: Source::Org {
                                name,
                                generic: false,
                            },
                            span: f.span.start..c + 1,
                        });
                    }
                }
                if let Source::Name { role, .. } = &mut f.source {
                    let fw = seg[0].text(body);
                    let is_age = seg.len() == 1 && fw.bytes().all(|b| b.is_ascii_digit());
                    let describes = seg
                        .iter()
                        .any(|t| is_role_noun(t.text(body)) || is_title(&lower(t.text(body))));
                    if !is_age && describes && round == 0 && seg.len() <= 8 && !lower_eq(fw, "who")
                    {
                        let s = if is_determiner(fw) && seg.len() > 1 {
                            m + 1
                        } else {
                            m
                        };
                        *role = Some(toks[s].start..toks[c - 1].end);
                    }
                }
                f.span.end = c + 1;
                return Some(f);
            }
        }
        k = m - 1;
    }
    None
}

/// `for example`, `however`, `in a statement`: words between commas that do not describe.
pub(super) fn is_interjection(body: &str, seg: &[Tok]) -> bool {
    let Some(first) = seg.first() else {
        return false;
    };
    if seg.len() == 2 && first.text(body) == "of" && seg[1].text(body) == "course" {
        return true;
    }
    seg.len() <= 14
        && (lexicon::weekday(first.text(body)).is_some()
            || matches!(
                first.text(body),
                "for"
                    | "however"
                    | "though"
                    | "too"
                    | "meanwhile"
                    | "in"
                    | "on"
                    | "by"
                    | "last"
                    | "this"
                    | "earlier"
                    | "later"
                    | "then"
                    | "again"
                    | "instead"
                    | "also"
                    | "separately"
                    | "moreover"
                    | "nonetheless"
                    | "nevertheless"
                    | "speaking"
                    | "asked"
                    | "when"
                    | "after"
                    | "at"
            ))
}

/// True when `seg` (the words after a comma) reads as an apposition describing a person.
pub(super) fn opens_apposition(body: &str, seg: &[Tok]) -> bool {
    let Some(first) = seg.first() else {
        return false;
    };
    let w = first.text(body);
    // `legal director for ...`, `South Carolina director for Sanders`: a lower-case role noun
    // among the first three words.
    let role_early = seg
        .iter()
        .take(3)
        .any(|t| t.is_word() && !t.cap && is_role_noun(t.text(body)));
    is_determiner(w)
        || role_early
        || first.poss
        || w.starts_with("R-")
        || w.starts_with("D-")
        || w.starts_with("I-")
        || w.bytes().all(|b| b.is_ascii_digit())
        // `John Archer, wearing a Canova T-shirt, said`: a participle clause.
        || (!first.cap
            && w.len() > 5
            && w.ends_with("ing")
            && !matches!(
                w,
                "during"
                    | "including"
                    | "following"
                    | "regarding"
                    | "concerning"
                    | "according"
                    | "excluding"
                    | "pending"
                    | "notwithstanding"
                    | "considering"
            ))
        || is_role_noun(&lower(w))
        || is_title(&lower(w))
        || matches!(
            w,
            "who"
                | "now"
                | "another"
                | "one"
                | "himself"
                | "herself"
                | "longtime"
                | "Republican"
                | "Democrat"
                | "R"
                | "D"
                | "whose"
                | "both"
                | "then"
                | "also"
                | "once"
                | "formerly"
                | "currently"
        )
}

/// `the director of the Federal Bureau of Investigation, James B. Comey, said`: a role noun
/// after `the`, then `of` and a capitalised organisation ending at the comma at `c`.
fn role_of_organisation(body: &str, toks: &[Tok], c: usize) -> bool {
    let mut k = c;
    while k > 0 && c - k < 10 {
        let t = &toks[k - 1];
        if !t.is_word() {
            return false;
        }
        let w = t.text(body);
        if w == "of" && !(k >= 2 && toks[k - 2].cap) {
            return k >= 3
                && is_role_noun(toks[k - 2].text(body))
                && !toks[k - 2].cap
                && lower_eq(toks[k - 3].text(body), "the");
        }
        if !(t.cap || matches!(w, "the" | "and" | "for" | "of")) {
            return false;
        }
        k -= 1;
    }
    false
}

/// True for a dash token (`—`, `–`, `--`).
fn is_dash(body: &str, t: &Tok) -> bool {
    t.kind == TokKind::Break && matches!(&body[t.start..t.end], "\u{2014}" | "\u{2013}" | "--")
}

/// `Joyce — who is listed as an attorney — told`, `A former candidate -- John McCain, who
/// lost in 2008 -- said`: an apposition between dashes, the dash at token `c` closing it.
pub(super) fn dash_apposition(body: &str, toks: &[Tok], c: usize) -> Option<Found> {
    if !is_dash(body, &toks[c]) {
        return None;
    }
    let mut m = c;
    while m > 0 && c - m < 40 && toks[m - 1].kind != TokKind::Break {
        if matches!(toks[m - 1].kind, TokKind::Stop | TokKind::Colon) {
            return None;
        }
        m -= 1;
    }
    if m < 2 || m == c || !is_dash(body, &toks[m - 1]) {
        return None;
    }
    let seg = &toks[m..c];
    let mut f = if opens_apposition(body, seg) {
        left_name_only(body, toks, m - 1)?
    } else {
        // The name opens the dashes, after a lower-case description.
        let n = seg
            .iter()
            .position(|t| !is_name_word(t, body) || t.poss)
            .unwrap_or(seg.len());
        let closed = n == seg.len() || seg[n].kind == TokKind::Comma;
        let described = toks[m - 2].is_word() && !toks[m - 2].cap;
        if !(2..=4).contains(&n) || !closed || !described {
            return None;
        }
        classify(body, toks, m..m + n)?
    };
    if !matches!(f.source, Source::Name { .. }) {
        return None;
    }
    f.span.end = c + 1;
    Some(f)
}
