//! The subject of a sentence that a participle clause (`..., saying ...`) speaks for: the
//! name opening the sentence, possibly followed by a home state, a party label or an
//! apposition before its verb.

use super::super::lexicon::{is_cue_modifier, is_org_noun, is_role_noun, is_title};
use super::super::tokens::{Tok, TokKind};
use super::chunk::{classify, is_name_word, name_part};
use super::left::{left, party_label_before};
use super::{Found, Source};

/// The subject of a sentence whose participle clause starts after the comma at token `c`
/// (`Madeleine Albright urged women to vote, saying ...`): a name opening the sentence and
/// followed by a lower-case word (its verb), not a possessive (`Trump's campaign`) or a
/// coordination (`Trump and Cruz`).
pub fn subject(body: &str, toks: &[Tok], c: usize) -> Option<Found> {
    let mut k = 0;
    while k < c && k < 7 && (name_part(body, toks, k) || is_name_word(&toks[k], body)) {
        if toks[k].poss {
            return None;
        }
        k += 1;
    }
    if k > 0 && k + 1 < c {
        if let Some(f) = subject_past_modifier(body, toks, k, c) {
            return Some(f);
        }
    }
    let verb = toks.get(k).filter(|t| t.is_word() && !t.cap)?.text(body);
    // `Trump campaign manager Corey Lewandowski rejected ...`: a role word is no verb.
    if k == 0
        || k + 1 >= c
        || matches!(
            verb,
            "and" | "or" | "who" | "of" | "from" | "for" | "at" | "with"
        )
        || is_title(verb) && !is_cue_modifier(verb)
        || is_role_noun(verb)
        || is_org_noun(verb)
    {
        return None;
    }
    let f = classify(body, toks, 0..k)?;
    matches!(f.source, Source::Name { .. } | Source::Org { .. }).then_some(f)
}

/// `Senator Bernie Sanders of Vermont endorsed ...`, `Sen. Ted Cruz (R-TX) blasted ...`,
/// `Gary Emineth, a former state party chairman, became ...`: the opening name `0..k` is
/// followed by a home state, a party label or an apposition before its verb. The verb is
/// found past that modifier and the source read leftwards from it, as for `said`; it must
/// reach back to the sentence's first token.
fn subject_past_modifier(body: &str, toks: &[Tok], k: usize, c: usize) -> Option<Found> {
    let t = toks[k];
    let v = match t.kind {
        TokKind::Word if t.text(body) == "of" => {
            // One or two capitalised words: a state or a city, not an organisation's name.
            let mut e = k + 1;
            while e < c && e - k <= 2 && toks[e].is_word() && toks[e].cap {
                e += 1;
            }
            (e > k + 1).then_some(e)?
        }
        TokKind::Open => {
            let close = (k + 1..c.min(k + 6)).find(|&m| toks[m].kind == TokKind::Close)?;
            party_label_before(body, toks, close + 1).then_some(close + 1)?
        }
        TokKind::Comma => {
            let close = (k + 1..c.min(k + 14)).find(|&m| toks[m].kind == TokKind::Comma)?;
            close + 1
        }
        _ => return None,
    };
    let verb = toks.get(v).filter(|t| t.is_word() && !t.cap)?.text(body);
    if v + 1 >= c
        || matches!(
            verb,
            "and" | "or" | "who" | "which" | "of" | "from" | "for" | "at" | "with" | "in" | "on"
        )
        || is_title(verb) && !is_cue_modifier(verb)
        || is_role_noun(verb)
        || is_org_noun(verb)
    {
        return None;
    }
    let f = left(body, toks, v)?;
    (f.span.start == 0 && matches!(f.source, Source::Name { .. })).then_some(f)
}
