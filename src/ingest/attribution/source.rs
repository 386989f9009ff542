//! Finding the source of a cue in a sentence's tokens: who is `said` attached to.
//!
//! The source sits next to its cue: on the left (`Peskov also said`, `Dmitry Peskov, the
//! Kremlin spokesman, said`), or on the right after an inverted cue (`..., said Peskov`) or
//! `according to`. Only that adjacent phrase is read, so a name earlier in the sentence
//! (`Kirill Dmitriev ... continues contacts ..., Peskov also said`) is never taken for the
//! speaker. A capitalised chunk is split into role (`Russian President`) and name (`Vladimir
//! Putin`) at its last title word; chunks with an organisation head are organisations.

use std::ops::Range;

use super::lexicon::{
    is_cue_modifier, is_determiner, is_function_word, is_org_noun, is_org_word, is_particle,
    is_portfolio_word, is_role_noun, is_title,
};
use super::tokens::{Tok, TokKind};

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

/// True for a token that can be part of a capitalised name chunk.
fn is_name_word(t: &Tok, body: &str) -> bool {
    if !t.is_word() {
        return false;
    }
    let w = t.text(body);
    // `Dublin-based`, `Chicago-area`: adjectives, not names (`Ocasio-Cortez` is one).
    if let Some((_, after)) = w.split_once('-') {
        if after.starts_with(|c: char| c.is_ascii_lowercase()) {
            return false;
        }
    }
    if t.cap {
        return !is_function_word(w) || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr");
    }
    false
}

/// A month name used as a surname (`Theresa May`, `Ai Jun`): a name word only right after a
/// capitalised name word.
fn is_month_surname(toks: &[Tok], k: usize, body: &str) -> bool {
    let t = &toks[k];
    t.is_word()
        && t.cap
        && super::lexicon::month(t.text(body)).is_some()
        && k > 0
        && is_name_word(&toks[k - 1], body)
        && super::lexicon::month(toks[k - 1].text(body)).is_none()
        && !toks[k - 1].poss
}

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
        TokKind::Comma => apposition_before(body, toks, j - 1),
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
fn left_chunk(body: &str, toks: &[Tok], j: usize) -> Option<Found> {
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
            let mut f = left_chunk(body, toks, p - 1)?;
            f.span.end = j;
            return Some(f);
        }
        if is_preposition(w) {
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

/// Prepositions: a name right after one is not the subject of the next verb.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "of"
            | "from"
            | "for"
            | "to"
            | "with"
            | "on"
            | "by"
            | "across"
            | "near"
            | "outside"
            | "inside"
            | "throughout"
            | "along"
            | "into"
            | "about"
            | "against"
            | "like"
            | "than"
            | "over"
            | "under"
            | "toward"
            | "towards"
            | "between"
            | "among"
            | "behind"
            | "beyond"
            | "via"
            | "per"
    )
}

/// True when token `k` may be part of a name chunk being read backwards.
fn name_part(body: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if is_month_surname(toks, k, body) {
        return true;
    }
    if is_name_word(t, body) {
        // A possessive only at the chunk's end is the speaker (`Peskov's` is never followed by
        // the cue directly), so possessives stop the chunk.
        return !t.poss;
    }
    // Lower-case particles between capitalised words (`Ursula von der Leyen`).
    t.is_word() && is_particle(t.text(body)) && k > 0 && toks[k - 1].cap && toks[k + 1].cap
}

/// Splits a capitalised chunk into role and name, or recognises an organisation.
fn classify(body: &str, toks: &[Tok], chunk: Range<usize>) -> Option<Found> {
    let span = chunk.clone();
    let words = &toks[chunk.clone()];
    // Organisation words count only after the last title: `Committee Chairman Rep. Jason
    // Chaffetz` is a person, `State Department` is not.
    let last_title = words
        .iter()
        .take(words.len().saturating_sub(1))
        .rposition(|t| {
            let l = lower(t.text(body));
            is_title(&l) && !is_org_word(&l)
        });
    let tail = &words[last_title.map_or(0, |n| n + 1)..];
    // `the Israeli newspaper Haaretz`, `USA TODAY`, `Alongside BLM`: organisations.
    let org_noun_before = chunk.start > 0
        && toks[chunk.start - 1].is_word()
        && !toks[chunk.start - 1].cap
        && is_org_noun(toks[chunk.start - 1].text(body));
    let caps_word = tail.iter().any(|t| {
        is_acronym(t.text(body))
            && !matches!(t.text(body), "II" | "III" | "IV" | "JR" | "SR")
            && !t.text(body).contains('.')
    });
    if tail.iter().any(|t| is_org_word(&lower(t.text(body)))) || org_noun_before || caps_word {
        let mut start = chunk.start;
        // Drop a leading nationality-less determiner; keep the organisation's own words.
        // Portfolio words (`Economy`, `Foreign`) are part of a ministry's name, not a title.
        while start < chunk.end
            && is_title(&lower(toks[start].text(body)))
            && start + 1 < chunk.end
            && !is_org_word(&lower(toks[start].text(body)))
            && !is_portfolio_word(&lower(toks[start].text(body)))
        {
            start += 1;
        }
        let name = toks[start].start..toks[chunk.end - 1].end;
        return Some(Found {
            source: Source::Org {
                name,
                generic: false,
            },
            span,
        });
    }
    // The last title word with a name after it splits role from name.
    let mut split = None;
    for (n, t) in words.iter().enumerate().take(words.len().saturating_sub(1)) {
        if is_title(&lower(t.text(body))) {
            split = Some(n);
        }
    }
    let name_from = split.map_or(chunk.start, |n| chunk.start + n + 1);
    if words.iter().all(|t| is_title(&lower(t.text(body)))) {
        let last = &toks[chunk.end - 1];
        // Only `the President`, `the Foreign Minister` point back at someone; `Officials`,
        // `Senator` alone do not.
        let det = chunk.start > 0 && lower_eq(toks[chunk.start - 1].text(body), "the");
        if !det || !is_role_noun(&lower(last.text(body))) {
            return None;
        }
        return Some(Found {
            source: Source::Description {
                phrase: toks[chunk.start].start..last.end,
                head: last.start..last.end,
            },
            span,
        });
    }
    if chunk.end - name_from > 4 || is_title(&lower(words[words.len() - 1].text(body))) {
        // `Pennsylvania Gov.`: a role without its name.
        return None;
    }
    let female = words[..name_from - chunk.start]
        .iter()
        .rev()
        .find_map(|t| match t.text(body) {
            "Mr" => Some(false),
            "Mrs" | "Ms" | "Miss" => Some(true),
            _ => None,
        });
    let role = split.and_then(|n| {
        // Honorifics are not roles.
        let first = (chunk.start..=chunk.start + n)
            .find(|&m| !matches!(toks[m].text(body), "Mr" | "Mrs" | "Ms" | "Miss" | "Dr"))?;
        Some(toks[first].start..toks[chunk.start + n].end)
    });
    Some(Found {
        source: Source::Name {
            toks: name_from..chunk.end,
            role,
            female,
            weak: false,
        },
        span,
    })
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2
        && w.bytes()
            .all(|c| c.is_ascii_uppercase() || c == b'.' || c == b'&')
}

/// A role written before a name chunk starting at token `k` (`Kremlin spokesman` in `Kremlin
/// spokesman Dmitry Peskov`), with its first token. Needs a role noun next to the name.
fn role_before(body: &str, toks: &[Tok], k: usize) -> Option<(usize, Range<usize>)> {
    if k == 0 || !toks[k - 1].is_word() || toks[k - 1].cap {
        return None;
    }
    if !is_role_noun(toks[k - 1].text(body)) && !is_title(toks[k - 1].text(body)) {
        return None;
    }
    let mut s = k - 1;
    while s > 0 && k - s < 6 {
        let t = &toks[s - 1];
        if !t.is_word() || is_determiner(t.text(body)) {
            break;
        }
        let w = t.text(body);
        // A lower-case word may open a role when a role noun follows (`election lawyer
        // Charlie Spies`, `chapter president Luis Osuna`).
        let before_role = !t.cap && is_role_noun(&lower(toks[s].text(body))) && !is_preposition(w);
        let ok = before_role
            || (t.cap && !is_function_word(w))
            || is_title(&lower(w))
            || is_role_noun(w)
            || w == "of"
            || t.poss;
        if !ok {
            break;
        }
        s -= 1;
    }
    while toks[s].text(body) == "of" {
        s += 1;
    }
    Some((s, toks[s].start..toks[k - 1].end))
}

/// `the official said`, `the ministry said`, `the Kremlin spokesman said`: a lower-case head
/// ending at token `j` (exclusive), opened by a determiner.
fn description_before(body: &str, toks: &[Tok], j: usize) -> Option<Found> {
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

/// `Dmitry Peskov, the Kremlin spokesman, said`: the comma at `c` closes an apposition. Up to
/// three earlier commas are tried, for appositions holding commas of their own (`Mr.
/// Daniloff, now 81 and retired in Cambridge, Mass., said`). Also reads `A JNF official,
/// Howard Ingram, said` (the name between the commas) and skips interjections (`Will Rogers,
/// for example, said`).
fn apposition_before(body: &str, toks: &[Tok], c: usize) -> Option<Found> {
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
            let role_before_comma = m >= 2
                && toks[m - 2].is_word()
                && !toks[m - 2].cap
                && !is_org_noun(toks[m - 2].text(body))
                && (is_role_noun(toks[m - 2].text(body)) || seg.len() >= 2);
            if role_before_comma
                && seg.len() <= 5
                && seg.iter().all(|t| is_name_word(t, body) && !t.poss)
            {
                let mut f = classify(body, toks, m..c)?;
                if matches!(f.source, Source::Name { .. }) {
                    f.span.end = c + 1;
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
                // `Teck, the Canadian mining company, says`: the apposition names a company.
                let head_at = seg
                    .iter()
                    .position(|t| t.is_word() && is_preposition(t.text(body)))
                    .unwrap_or(seg.len());
                let head = seg[head_at.max(1) - 1];
                if round == 0 && head.is_word() && !head.cap && is_org_noun(head.text(body)) {
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
fn is_interjection(body: &str, seg: &[Tok]) -> bool {
    let Some(first) = seg.first() else {
        return false;
    };
    seg.len() <= 10
        && (super::lexicon::weekday(first.text(body)).is_some()
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
fn opens_apposition(body: &str, seg: &[Tok]) -> bool {
    let Some(first) = seg.first() else {
        return false;
    };
    let w = first.text(body);
    is_determiner(w)
        || first.poss
        || w.starts_with("R-")
        || w.starts_with("D-")
        || w.starts_with("I-")
        || w.bytes().all(|b| b.is_ascii_digit())
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
fn left_name_only(body: &str, toks: &[Tok], j: usize) -> Option<Found> {
    let mut k = j;
    while k > 0 && j - k < 7 && name_part(body, toks, k - 1) {
        k -= 1;
    }
    if k == j {
        return None;
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

/// True when the source read up to token `e` is complete: a clause boundary or a word that
/// cannot continue a noun phrase follows (`said Peskov.`, `said Peskov on Monday`), not a noun
/// (`added Latin hits`, `according to Census data`).
fn ends_source(body: &str, toks: &[Tok], e: usize) -> bool {
    let Some(t) = toks.get(e) else { return true };
    if !t.is_word() {
        return !matches!(t.kind, TokKind::Other);
    }
    let w = t.text(body);
    super::lexicon::weekday(w).is_some()
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
    if det {
        if !lower_eq(w, "the") {
            return None;
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
        let before_role = !t.cap
            && e + 1 < toks.len()
            && toks[e + 1].is_word()
            && is_role_noun(&lower(toks[e + 1].text(body)))
            && !is_determiner(w)
            && !is_preposition(w);
        let ok = before_role
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
    while c > s && toks[c - 1].cap && !toks[c - 1].poss {
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
