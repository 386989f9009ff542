//! Words between a subject and its speech verb that do not change who speaks: a day
//! (`Priebus later Thursday told`) or the medium (`Jeb Bush in a Medium post said`).

use super::super::lexicon::weekday;
use super::super::tokens::Tok;

/// `Priebus on Thursday said`, `Priebus later Thursday told`: a weekday (with `on`, `later`,
/// `earlier` or `late` before it, or `night`/`morning`... after it) between a subject and its
/// cue ending before token `j` is skipped; returns where the subject ends.
pub(super) fn before_day(body: &str, toks: &[Tok], j: usize) -> usize {
    let mut k = j;
    if k > 0
        && toks[k - 1].is_word()
        && matches!(
            toks[k - 1].text(body),
            "night" | "morning" | "afternoon" | "evening"
        )
    {
        k -= 1;
    }
    if k == 0 || !toks[k - 1].is_word() || weekday(toks[k - 1].text(body)).is_none() {
        return j;
    }
    k -= 1;
    if k > 1
        && toks[k - 1].is_word()
        && matches!(toks[k - 1].text(body), "on" | "later" | "earlier" | "late")
    {
        k -= 1;
    }
    // A day alone right after a name (`Smith Thursday said`) is rare; a day after `on`
    // always qualifies.
    if k > 0 && toks[k - 1].cap { k } else { j }
}

/// `Jeb Bush in a Medium post said`, `Trump in an interview told`: a phrase of `in`/`on`/
/// `during`, a determiner and up to four words between a name and its cue ending before token
/// `j` is skipped; returns where the subject ends. The determiner keeps `voters in New
/// Hampshire said` from reading `voters` as the subject of a place.
pub(super) fn before_medium(body: &str, toks: &[Tok], j: usize) -> usize {
    // Most cues follow the name itself (`Peskov said`): nothing to skip.
    if j < 4 || !toks[j - 1].is_word() || toks[j - 1].cap && toks[j - 2].cap {
        return j;
    }
    let lo = j.saturating_sub(7);
    let Some(p) = (lo..j)
        .rev()
        .find(|&k| toks[k].is_word() && matches!(toks[k].text(body), "in" | "on" | "during"))
    else {
        return j;
    };
    let det = p + 1 < j
        && toks[p + 1].is_word()
        && matches!(
            toks[p + 1].text(body),
            "a" | "an" | "the" | "his" | "her" | "their"
        );
    if !det
        || j - p < 3
        || toks[p..j].iter().any(|t| !t.is_word() || t.poss)
        || p == 0
        || !toks[p - 1].cap
    {
        return j;
    }
    p
}
