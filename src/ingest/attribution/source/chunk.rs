//! Capitalised name chunks: which tokens may belong to one, and how a chunk splits into role
//! and name or reads as an organisation.

use std::ops::Range;

use super::super::lexicon::{
    self, is_determiner, is_function_word, is_org_noun, is_org_word, is_particle,
    is_portfolio_word, is_role_noun, is_title,
};
use super::super::tokens::Tok;
use super::{Found, Source, lower, lower_eq};

/// True for a token that can be part of a capitalised name chunk.
pub(super) fn is_name_word(t: &Tok, body: &str) -> bool {
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
        // `James A. Lewis`: an initial, not the article `A`.
        return !is_function_word(w)
            || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr")
            || t.dot && w.len() == 1;
    }
    false
}

/// A month name used as a surname (`Theresa May`, `Ai Jun`): a name word only right after a
/// capitalised name word.
pub(super) fn is_month_surname(toks: &[Tok], k: usize, body: &str) -> bool {
    let t = &toks[k];
    t.is_word()
        && t.cap
        && lexicon::month(t.text(body)).is_some()
        && k > 0
        && is_name_word(&toks[k - 1], body)
        && lexicon::month(toks[k - 1].text(body)).is_none()
        && !toks[k - 1].poss
}

/// Prepositions: a name right after one is not the subject of the next verb.
pub(super) fn is_preposition(w: &str) -> bool {
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
pub(super) fn name_part(body: &str, toks: &[Tok], k: usize) -> bool {
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
pub(super) fn classify(body: &str, toks: &[Tok], chunk: Range<usize>) -> Option<Found> {
    let span = chunk.clone();
    let words = &toks[chunk.clone()];
    // Organisation words count only after the last title: `Committee Chairman Rep. Jason
    // Chaffetz` is a person, `State Department` is not.
    let last_title = words
        .iter()
        .take(words.len().saturating_sub(1))
        .rposition(|t| {
            let l = lower(t.text(body));
            title_word(&l) && !is_org_word(&l)
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
    // `Mayor Don Guardian`, `Rep. Steve Bank`: after a title, a surname that is also an
    // organisation word ends a personal name; organisations put their own words first.
    let titled_name = last_title.is_some()
        && tail.len() >= 2
        && tail[..tail.len() - 1]
            .iter()
            .all(|t| !is_org_word(&lower(t.text(body))));
    let org_word = if titled_name {
        false
    } else {
        tail.iter().any(|t| is_org_word(&lower(t.text(body))))
    };
    if org_word || org_noun_before || caps_word {
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
        if title_word(&lower(t.text(body))) {
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
    let last = words[words.len() - 1];
    // `Charlie King`, `Matthew Prince`: a title word that is also a surname ends a name when
    // a name word, not a title, comes before it.
    let surname_title = words.len() >= 2
        && is_surname_title(last.text(body))
        && !is_title(&lower(words[words.len() - 2].text(body)));
    if chunk.end - name_from > 4 || is_title(&lower(last.text(body))) && !surname_title {
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

/// A title, or titles joined by hyphens (`Secretary-Treasurer`), in lower case.
fn title_word(l: &str) -> bool {
    is_title(l) || l.contains('-') && l.split('-').all(is_title)
}

/// Capitalised titles that are common surnames too (`Billie Jean King`, `Matthew Prince`).
fn is_surname_title(w: &str) -> bool {
    matches!(w, "King" | "Prince" | "Judge" | "Dean" | "Marshal")
}

pub(super) fn is_acronym(w: &str) -> bool {
    w.len() >= 2
        && w.bytes()
            .all(|c| c.is_ascii_uppercase() || c == b'.' || c == b'&')
}

/// A role written before a name chunk starting at token `k` (`Kremlin spokesman` in `Kremlin
/// spokesman Dmitry Peskov`), with its first token. Needs a role noun next to the name.
pub(super) fn role_before(body: &str, toks: &[Tok], k: usize) -> Option<(usize, Range<usize>)> {
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
