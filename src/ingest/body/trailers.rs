//! The end of a story: closing credits (`Reporting by ...; Editing by ...`), the `Reuter`
//! sign-off and `Related:` link lists, removed from the last paragraphs. Paragraphs are byte
//! ranges into one buffer (see the parent module); removing text moves or drops ranges.

use std::ops::Range;

/// Removes closing credits and link lists from the end of the story (paragraph `spans` of
/// `all`).
pub(super) fn strip_trailers(all: &str, spans: &mut Vec<Range<usize>>) {
    if let Some(i) = spans.iter().position(|r| {
        let p = &all[r.clone()];
        p == "Related:" || p == "RELATED:" || p == "Related Coverage"
    }) {
        // A link list runs to the end: headlines only, no sentences.
        if spans[i + 1..].iter().all(|r| r.len() < 200) {
            spans.truncate(i);
        }
    }
    while let Some(last) = spans.last_mut() {
        let p = &all[last.clone()];
        let trimmed = trim_trailer(p);
        if trimmed.is_empty() {
            spans.pop();
            continue;
        }
        if trimmed.len() == p.len() {
            break;
        }
        // The trimmed text is a prefix of the paragraph.
        last.end = last.start + trimmed.len();
    }
}

/// `last` without a trailing credit or `Reuter` sign-off; empty when it is only that.
fn trim_trailer(last: &str) -> &str {
    let t = last.trim_end();
    for sign_off in ["Reuter", "REUTER", "Reuters", "REUTERS"] {
        if t == sign_off {
            return "";
        }
        if let Some(before) = t.strip_suffix(sign_off) {
            if before.ends_with([' ', '\t']) && before.trim_end().ends_with(['.', '"', '”', ')'])
            {
                return before.trim_end();
            }
        }
    }
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            if is_credit(&t[open + 1..]) {
                return t[..open].trim_end();
            }
        }
    }
    if is_credit(t) && t.len() < 400 {
        return "";
    }
    t
}

fn is_credit(s: &str) -> bool {
    const CREDITS: &[&str] = &[
        "Reporting by",
        "Additional reporting by",
        "Reporting and writing by",
        "Writing by",
        "Editing by",
        "Compiled by",
        "Reported by",
        "Reporting By",
        "Editing By",
    ];
    CREDITS.iter().any(|c| s.trim_start().starts_with(c))
}
