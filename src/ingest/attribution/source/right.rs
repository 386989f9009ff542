//! Sources on the right of a cue: `, said Peskov`, `according to the ministry`.

use super::super::lexicon::{
    self, is_affiliation, is_determiner, is_function_word, is_org_noun, is_particle, is_role_noun,
    is_title,
};
use super::super::tokens::{Tok, TokKind};
use super::chunk::{classify, is_preposition};
use super::{Found, Source, lower, lower_eq};

/// True when the source read up to token `e` is complete: a clause boundary or a word that
/// cannot continue a noun phrase follows (`said Peskov.`, `said Peskov on Monday`), not a noun
/// (`added Latin hits`, `according to Census data`).
pub(super) fn ends_source(body: &str, toks: &[Tok], e: usize) -> bool {
    let Some(t) = toks.get(e) else { return true };
    if !t.is_word() {
        return !matches!(t.kind, TokKind::Other);
    }
    let w = t.text(body);
    lexicon::weekday(w).is_some()
        || matches!(
            w,
            "who"
                | "of"
                | "in"
                | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "when"
                | "while"
                | "as"
                | "told"
                | "to"
                | "from"
                | "with"
                | "last"
                | "this"
                | "yesterday"
                | "today"
                | "earlier"
                | "later"
                | "late"
                | "recently"
                | "afterward"
                | "afterwards"
                | "by"
                | "about"
                | "whose"
                | "adding"
                | "noting"
                | "saying"
                | "said"
                | "says"
                | "wrote"
                | "that"
                | "because"
                | "since"
                | "in an"
                | "for"
                | "speaking"
                | "referring"
                | "explaining"
                | "according"
                | "citing"
        )
}

/// Source on the right of token `i` (after an inverted cue or `according to`).
pub fn right(body: &str, toks: &[Tok], i: usize) -> Option<Found> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let w = t.text(body);
    match w {
        // `..., said he.`; `said he would` is no inversion.
        "he" | "she"
            if toks
                .get(i + 1)
                .is_none_or(|n| matches!(n.kind, TokKind::Stop | TokKind::Comma)) =>
        {
            return Some(Found {
                source: Source::Pronoun { female: w == "she" },
                span: i..i + 1,
            });
        }
        _ => {}
    }
    let mut s = i;
    let det = is_determiner(w);
    if det || w == "another" {
        if !lower_eq(w, "the") {
            return named_after_description(body, toks, i)
                .or_else(|| work_by(body, toks, i))
                .or_else(|| role_then_name(body, toks, i));
        }
        s += 1;
    }
    // Read the run of capitalised words and lower-case titles.
    let mut e = s;
    while e < toks.len() && e - s < 8 {
        let t = &toks[e];
        if !t.is_word() {
            break;
        }
        let w = t.text(body);
        // A lower-case word may open a role when a role noun follows (`election lawyer
        // Charlie Spies`, `chapter president Luis Osuna`).
        // Up to three such words (`top foreign policy aide Jake Sullivan`).
        let before_role = !t.cap
            && !is_determiner(w)
            && !is_preposition(w)
            && toks[e + 1..toks.len().min(e + 4)]
                .iter()
                .take_while(|n| n.is_word() && !n.cap && !is_preposition(n.text(body)))
                .any(|n| is_role_noun(&lower(n.text(body))));
        // `Republican party boss Reince Priebus`: a party or nationality opens a role when
        // more of the run follows.
        let affiliation =
            t.cap && is_affiliation(w) && toks.get(e + 1).is_some_and(|n| n.is_word() && !t.poss);
        let ok = before_role
            || affiliation
            || (t.cap && !is_function_word(w))
            || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr")
            || is_title(&lower(w))
            || is_role_noun(w)
            || is_org_noun(w)
            || (is_particle(w)
                && e > s
                && toks[e - 1].cap
                && toks.get(e + 1).is_some_and(|n| n.cap));
        if !ok {
            break;
        }
        e += 1;
        // `Ronald Reagan's former education secretary William J. Bennett`: read on past a
        // possessive; the name is what ends the run.
        if t.poss && !toks.get(e).is_some_and(|n| n.is_word()) {
            return None;
        }
    }
    if e == s && det {
        return work_by(body, toks, i);
    }
    if e == s || !ends_source(body, toks, e) {
        return None;
    }
    // Trailing lower-case words: a description (`the official`) or generic organisation.
    let last = toks[e - 1];
    if !last.cap {
        let head = last.start..last.end;
        let lw = last.text(body);
        if !det {
            return None;
        }
        let source = if is_role_noun(lw) {
            Source::Description {
                phrase: toks[i].start..last.end,
                head,
            }
        } else if is_org_noun(lw) {
            let generic = !toks[s..e].iter().any(|t| t.cap);
            Source::Org {
                name: if generic {
                    head
                } else {
                    toks[s].start..last.end
                },
                generic,
            }
        } else {
            return None;
        };
        return Some(Found { source, span: i..e });
    }
    // Capitalised tail: the name after the last lower-case title word.
    let mut c = e;
    while c > s && toks[c - 1].cap && !toks[c - 1].poss && !is_affiliation(toks[c - 1].text(body)) {
        c -= 1;
    }
    let mut f = classify(body, toks, c..e)?;
    if let Source::Name { role, .. } = &mut f.source {
        if role.is_none() && c > s {
            *role = Some(toks[s].start..toks[c - 1].end);
        }
        // `said Peskov, the Kremlin spokesman`: a trailing apposition gives the role.
        if e + 1 < toks.len() && toks[e].kind == TokKind::Comma && role.is_none() {
            let a = e + 1;
            let mut b = a;
            while b < toks.len() && toks[b].is_word() && b - a < 8 {
                b += 1;
            }
            if b > a + 1
                && is_determiner(toks[a].text(body))
                && is_role_noun(toks[b - 1].text(body))
            {
                *role = Some(toks[a + 1].start..toks[b - 1].end);
                f.span.end = b;
            } else if b > a
                && !toks[a].cap
                && (is_role_noun(toks[a].text(body)) || is_title(&lower(toks[a].text(body))))
            {
                // `said Mark Ridley, head of commodity strategy at Fenwick Capital.`
                *role = Some(toks[a].start..toks[b - 1].end);
                f.span.end = b;
            }
        }
    } else if det {
        if let Source::Org { .. } = f.source {
            f.span.start = i;
        }
    }
    f.span.start = f.span.start.min(i);
    if det && matches!(f.source, Source::Name { .. }) {
        // `the Peskov` is not a person.
        return None;
    }
    f.span.end = f.span.end.max(e);
    Some(f)
}

/// `said a campaign spokesman, Tom Smith`, `said another Twitter user, Johanna Bayer`: an
/// unnamed description at token `i` whose head noun is followed by a comma and a full name
/// that ends the source.
fn named_after_description(body: &str, toks: &[Tok], i: usize) -> Option<Found> {
    let mut r = i + 1;
    while r + 1 < toks.len() && r - i <= 5 && toks[r].is_word() && toks[r + 1].is_word() {
        r += 1;
    }
    // The description's head: a lower-case noun right before the comma.
    let role = toks
        .get(r)
        .filter(|t| t.is_word() && !t.cap && !is_preposition(t.text(body)) && r > i)?;
    if toks.get(r + 1)?.kind != TokKind::Comma {
        return None;
    }
    let a = r + 2;
    let (e, mut f) = full_name_from(body, toks, a)?;
    let Source::Name { role: r0, .. } = &mut f.source else {
        return None;
    };
    if r0.is_none() {
        *r0 = Some(toks[i + 1].start..role.end);
    }
    f.span = i..e;
    Some(f)
}

/// `according to an analysis by Lee Epstein, a law professor`: a work (one to three
/// lower-case words after the determiner at `i`) by a person named in full.
fn work_by(body: &str, toks: &[Tok], i: usize) -> Option<Found> {
    let mut b = i + 1;
    while b < toks.len()
        && b - i <= 3
        && toks[b].is_word()
        && !toks[b].cap
        && toks[b].text(body) != "by"
    {
        b += 1;
    }
    if b == i + 1
        || !toks
            .get(b)
            .is_some_and(|t| t.is_word() && t.text(body) == "by")
    {
        return None;
    }
    let a = b + 1;
    let (e, mut f) = full_name_from(body, toks, a)?;
    if !matches!(f.source, Source::Name { .. }) {
        return None;
    }
    f.span = i..e;
    Some(f)
}

/// `added his campaign manager Jeff Weaver`: a possessive determiner at `i`, one to three
/// lower-case words ending in a role noun, then a name in full.
fn role_then_name(body: &str, toks: &[Tok], i: usize) -> Option<Found> {
    if !matches!(toks[i].text(body), "his" | "her" | "their" | "its") {
        return None;
    }
    let mut b = i + 1;
    while b < toks.len() && b - i <= 3 && toks[b].is_word() && !toks[b].cap {
        b += 1;
    }
    if b == i + 1 || !is_role_noun(toks[b - 1].text(body)) {
        return None;
    }
    let (e, mut f) = full_name_from(body, toks, b)?;
    let Source::Name { role, .. } = &mut f.source else {
        return None;
    };
    *role = Some(toks[i + 1].start..toks[b - 1].end);
    f.span = i..e;
    Some(f)
}

/// A name in full at `a`: two to four capitalised words, none possessive or a function word,
/// ending the source; returns where it ends and what it names.
fn full_name_from(body: &str, toks: &[Tok], a: usize) -> Option<(usize, Found)> {
    let mut e = a;
    while e < toks.len() && e - a < 4 && toks[e].is_word() && toks[e].cap && !toks[e].poss {
        e += 1;
    }
    if e - a < 2
        || !ends_source(body, toks, e)
        || toks[a..e].iter().any(|t| is_function_word(t.text(body)))
    {
        return None;
    }
    Some((e, classify(body, toks, a..e)?))
}
