//! Sources on the left of a cue: `Peskov said`, `the official said`, `Dovere and Debenedetti
//! wrote`.

use super::super::lexicon::{
    is_cue_modifier, is_determiner, is_org_noun, is_portfolio_word, is_role_noun,
};
use super::super::tokens::{Tok, TokKind};
use super::apposition::{apposition_before, dash_apposition};
use super::between::{before_day, before_medium};
use super::chunk::{classify, is_preposition, name_part, role_before};
use super::{Found, Source, lower_eq};

/// Source on the left of the cue at token `i`.
pub fn left(body: &str, toks: &[Tok], i: usize) -> Option<Found> {
    let mut j = i;
    while j > 0
        && toks[j - 1].is_word()
        && !toks[j - 1].cap
        && is_cue_modifier(toks[j - 1].text(body))
    {
        j -= 1;
    }
    if j > 0 && toks[j - 1].is_word() && matches!(toks[j - 1].text(body), "did" | "does" | "do") {
        j -= 1;
    }
    // Only for speech proper: `Exxon Mobil on Sunday continued cleanup` is no statement.
    if matches!(
        toks[i].text(body),
        "said"
            | "says"
            | "told"
            | "tells"
            | "added"
            | "wrote"
            | "stated"
            | "tweeted"
            | "announced"
            | "warned"
            | "argued"
            | "insisted"
            | "explained"
            | "acknowledged"
    ) {
        j = before_day(body, toks, j);
        j = before_medium(body, toks, j);
    }
    if j == 0 {
        return None;
    }
    let t = toks[j - 1];
    match t.kind {
        TokKind::Word => {
            let w = t.text(body);
            match w {
                "he" | "He" => {
                    return Some(Found {
                        source: Source::Pronoun { female: false },
                        span: j - 1..j,
                    });
                }
                "she" | "She" => {
                    return Some(Found {
                        source: Source::Pronoun { female: true },
                        span: j - 1..j,
                    });
                }
                _ => {}
            }
            if t.cap {
                left_chunk(body, toks, j)
            } else {
                description_before(body, toks, j)
            }
        }
        TokKind::Close => {
            // `Sen. Bernie Sanders (I-Vt.) said`: skip the parenthesis.
            let mut k = j - 1;
            while k > 0 && toks[k].kind != TokKind::Open && j - k < 10 {
                k -= 1;
            }
            if toks[k].kind != TokKind::Open || k == 0 || !toks[k - 1].cap {
                return None;
            }
            let mut f = left(body, toks, k)?;
            f.span.end = j;
            Some(f)
        }
        // `Gov. John Kasich (R-OH), said`: a stray comma after a party label.
        TokKind::Comma if j >= 2 && party_label_before(body, toks, j - 1) => {
            let mut f = left(body, toks, j - 1)?;
            f.span.end = j;
            Some(f)
        }
        TokKind::Comma => apposition_before(body, toks, j - 1),
        TokKind::Break => dash_apposition(body, toks, j - 1),
        // `the hacker known as “Guccifer,” stated`: a short quotation ending in a comma
        // closes the apposition.
        TokKind::Quote(_) if t.end - t.start < 40 && body[t.start..t.end].contains(',') => {
            apposition_before(body, toks, j - 1)
        }
        _ => None,
    }
}

/// A capitalised chunk ending before token `j`, with the role written before it. A chunk
/// governed by a preposition is no subject (`voters in New Hampshire said`), and `Paul Ryan
/// of Wisconsin said` reads the chunk before `of`.
pub(super) fn left_chunk(body: &str, toks: &[Tok], j: usize) -> Option<Found> {
    let mut k = j;
    while k > 0 && j - k < 7 && name_part(body, toks, k - 1) {
        k -= 1;
    }
    if k == j {
        return None;
    }
    let mut p = k;
    if p > 0 && toks[p - 1].is_word() && lower_eq(toks[p - 1].text(body), "the") {
        p -= 1;
    }
    if p > 0 && toks[p - 1].is_word() && !toks[p - 1].cap {
        let w = toks[p - 1].text(body);
        if matches!(w, "and" | "or") {
            // `voters in Ohio and New Hampshire said`: a conjunct of a prepositional object.
            let mut q = p - 1;
            while q > 0 && p - q < 10 && (toks[q - 1].cap || toks[q - 1].kind == TokKind::Comma) {
                q -= 1;
            }
            if q > 0 && toks[q - 1].is_word() && is_preposition(toks[q - 1].text(body)) {
                return None;
            }
        }
        if matches!(w, "of" | "from") && p >= 2 && toks[p - 2].is_word() && toks[p - 2].cap {
            // `Secretary of State John Kerry said`: when no source stands before `of`, the
            // chunk after it is the source.
            if let Some(mut f) = left_chunk(body, toks, p - 1) {
                f.span.end = j;
                return Some(f);
            }
            if p != k {
                return None;
            }
            while k + 1 < j && is_portfolio_word(&toks[k].text(body).to_ascii_lowercase()) {
                k += 1;
            }
            p = k;
        } else if is_preposition(w) {
            // `Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote`:
            // walk back over the organisation to an `of` that follows a person.
            let mut q = p - 1;
            while q > 0 && p - q < 12 {
                let t = &toks[q - 1];
                if !t.is_word()
                    || !(t.cap
                        || matches!(
                            t.text(body),
                            "the" | "of" | "for" | "and" | "at" | "on" | "in"
                        ))
                {
                    break;
                }
                if t.text(body) == "of" && q >= 2 && toks[q - 2].is_word() && toks[q - 2].cap {
                    let mut f = left_chunk(body, toks, q - 1)?;
                    f.span.end = j;
                    return matches!(f.source, Source::Name { .. }).then_some(f);
                }
                q -= 1;
            }
            return None;
        }
    }
    let mut f = classify(body, toks, k..j)?;
    if matches!(f.source, Source::Org { .. }) {
        // `..., the Petroleum Ministry said`: the article belongs to the source phrase.
        f.span.start = p;
    }
    if let Source::Name { role, .. } = &mut f.source {
        if p < k {
            // `the Smiths said`: a family or a team, not one person.
            return None;
        }
        if let Some((first, r)) = role_before(body, toks, k) {
            if role.is_none() {
                *role = Some(r);
            }
            f.span.start = first;
        }
    }
    Some(f)
}

/// `the official said`, `the ministry said`, `the Kremlin spokesman said`: a lower-case head
/// ending at token `j` (exclusive), opened by a determiner.
pub(super) fn description_before(body: &str, toks: &[Tok], j: usize) -> Option<Found> {
    let head = toks[j - 1];
    let hw = head.text(body);
    let role = is_role_noun(hw);
    let org = is_org_noun(hw);
    if !role && !org {
        return None;
    }
    let mut s = j - 1;
    while s > 0 && j - s < 5 {
        let t = &toks[s - 1];
        if !t.is_word() {
            return None;
        }
        let w = t.text(body);
        if is_determiner(w) {
            // Only "the" points back at someone named before; "a spokesman", "his aide" are
            // unnamed people.
            if !lower_eq(w, "the") {
                return None;
            }
            let phrase = t.start..head.end;
            let source = if role {
                Source::Description {
                    phrase,
                    head: head.start..head.end,
                }
            } else if toks[s..j - 1].iter().any(|t| t.cap) {
                Source::Org {
                    name: toks[s].start..head.end,
                    generic: false,
                }
            } else {
                Source::Org {
                    name: head.start..head.end,
                    generic: true,
                }
            };
            return Some(Found {
                source,
                span: s - 1..j,
            });
        }
        if t.poss {
            return None; // `Trump's campaign said`: the campaign, unnamed.
        }
        s -= 1;
    }
    None
}

/// The first conjunct of a coordinated source: a person's name ending before the `and` at
/// token `a` (`Dovere and Debenedetti wrote`), not governed by a preposition.
pub fn coordinated(body: &str, toks: &[Tok], a: usize) -> Option<Source> {
    if !(toks[a].is_word() && toks[a].text(body) == "and") || a == 0 {
        return None;
    }
    let f = left_name_only(body, toks, a)?;
    let Source::Name { toks: r, .. } = &f.source else {
        return None;
    };
    let start = f.span.start;
    if r.len() < 2
        || start > 0
            && toks[start - 1].is_word()
            && (is_preposition(toks[start - 1].text(body)) || toks[start - 1].text(body) == "and")
    {
        return None;
    }
    Some(f.source)
}

/// A capitalised name chunk ending right before token `j`, no description or pronoun.
pub(super) fn left_name_only(body: &str, toks: &[Tok], j: usize) -> Option<Found> {
    if party_label_before(body, toks, j) {
        // `Rep. Elijah Cummings (D-Md.), chair of ...`: skip the party label.
        let mut k = j - 1;
        while k > 0 && toks[k].kind != TokKind::Open && j - k < 10 {
            k -= 1;
        }
        if toks[k].kind != TokKind::Open || k == 0 || !toks[k - 1].cap {
            return None;
        }
        let mut f = left_name_only(body, toks, k)?;
        f.span.end = j;
        return Some(f);
    }
    let mut k = j;
    while k > 0 && j - k < 7 && name_part(body, toks, k - 1) {
        k -= 1;
    }
    if k == j {
        return None;
    }
    if k >= 2
        && toks[k - 1].is_word()
        && matches!(toks[k - 1].text(body), "of" | "from")
        && toks[k - 2].cap
        && toks[k - 2].is_word()
    {
        // `Rep. Lee Zeldin of New York, a Trump supporter, said`: the person stands before
        // `of`; a place or an organisation after it.
        if let Some(mut f) = left_name_only(body, toks, k - 1) {
            if matches!(f.source, Source::Name { .. }) {
                f.span.end = j;
                return Some(f);
            }
        }
    }
    let mut f = classify(body, toks, k..j)?;
    if let Source::Name {
        role: role @ None, ..
    } = &mut f.source
    {
        // `Moscow City Duma deputy Irina Peskova, who ...`
        if let Some((first, r)) = role_before(body, toks, k) {
            *role = Some(r);
            f.span.start = first;
        }
    }
    if matches!(f.source, Source::Name { .. })
        && k > 0
        && toks[k - 1].is_word()
        && lower_eq(toks[k - 1].text(body), "the")
    {
        // `the Independent, a British newspaper, revealed`: `the` marks a title, not a person.
        return Some(Found {
            source: Source::Org {
                name: toks[k].start..toks[j - 1].end,
                generic: false,
            },
            span: f.span,
        });
    }
    Some(f)
}

/// True when the tokens before `j` close a party or state label (`(R-OH)`, `(D-Md.)`, `(R)`,
/// `(Mich.)`).
pub(super) fn party_label_before(body: &str, toks: &[Tok], j: usize) -> bool {
    if j < 2 || toks[j - 1].kind != TokKind::Close {
        return false;
    }
    let open = toks[..j - 1]
        .iter()
        .rposition(|t| t.kind == TokKind::Open)
        .filter(|&o| j - 1 - o <= 4);
    let Some(o) = open else { return false };
    let inner = body[toks[o].end..toks[j - 1].start].trim();
    inner.len() <= 12 && inner.starts_with(|c: char| c.is_ascii_uppercase()) && !inner.contains(' ')
}
