//! Sentence bounds in an article body, as byte ranges, for passage selection.
//!
//! A sentence ends at a blank line, or at `.`, `!`, `?` or `…` (plus any closing quotes or
//! brackets) followed by white space and a character that is not a lower-case letter, unless
//! the word before the full stop is a common abbreviation or an initial (`Mr.`, `U.S.`, `J.`),
//! or the stop is inside a double-quoted statement (the quote stays with its attribution).
//! It is a heuristic for choosing readable passages, not a linguistic tool.

/// Words that end in a full stop without ending a sentence (compared case-sensitively, without
/// the stop).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Prof",
    "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs",
    "etc", "Inc", "Corp", "Co", "Ltd", "U.S", "U.K", "U.N", "E.U",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// Whether a double quote is open after `c`: straight quotes toggle, curly and angle quotes
/// open and close.
fn quote_state(c: char, open: bool) -> bool {
    match c {
        '"' => !open,
        '“' | '«' => true,
        '”' | '»' => false,
        _ => open,
    }
}

/// True when the full stop at byte `dot` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let word_start = text[..dot]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |i| i + 1);
    let word = &text[word_start..dot];
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || ABBREVIATIONS.contains(&word)
}

/// Byte ranges of the sentences of `text`, in order, trimmed of surrounding white space.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = text.char_indices().peekable();
    // Inside a double-quoted statement, stops do not end the sentence: a passage then holds
    // the whole quote with its attribution.
    let mut in_quote = false;
    while let Some((i, c)) = iter.next() {
        // A blank line ends a paragraph; a single line break is only wrapping (Reuters SGML
        // bodies are wrapped at 70 columns).
        if c == '\n'
            && text[i + 1..]
                .trim_start_matches([' ', '\t', '\r'])
                .starts_with('\n')
        {
            if let Some(s) = start.take() {
                spans.push((s, text[..i].trim_end().len()));
            }
            in_quote = false;
            continue;
        }
        in_quote = quote_state(c, in_quote);
        if start.is_none() {
            if c.is_whitespace() {
                continue;
            }
            start = Some(i);
        }
        if !is_terminator(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = iter.peek() {
            if !is_closer(n) && !is_terminator(n) {
                break;
            }
            end = j + n.len_utf8();
            in_quote = quote_state(n, in_quote);
            iter.next();
        }
        if in_quote {
            continue;
        }
        let rest = &text[end..];
        let next_visible = rest.trim_start_matches([' ', '\t']).chars().next();
        let ends = match next_visible {
            None => true,
            Some(n) if n == '\n' || n == '\r' => true,
            Some(n) => rest.starts_with([' ', '\t']) && !n.is_lowercase(),
        };
        if ends && !(c == '.' && is_abbreviation(text, i)) {
            if let Some(s) = start.take() {
                spans.push((s, end));
            }
        }
    }
    if let Some(s) = start {
        spans.push((s, text.trim_end().len()));
    }
    spans.retain(|(s, e)| e > s);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_spans(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn single_line_breaks_are_wrapping_but_end_a_sentence_after_a_stop() {
        assert_eq!(
            sentences("Repair work on the Iraq-\nTurkey oil pipeline began.\nIt ended\non Friday."),
            [
                "Repair work on the Iraq-\nTurkey oil pipeline began.",
                "It ended\non Friday."
            ]
        );
        assert_eq!(
            sentences("Headline without stop\n\nBody."),
            ["Headline without stop", "Body."]
        );
    }

    #[test]
    fn a_quoted_statement_stays_with_its_attribution() {
        assert_eq!(
            sentences("\"No. As before, we link them,\" Peskov said. Next. «Да. Нет.» Он сказал."),
            [
                "\"No. As before, we link them,\" Peskov said.",
                "Next.",
                "«Да. Нет.»",
                "Он сказал."
            ]
        );
        // An unclosed quote ends at the paragraph.
        assert_eq!(
            sentences("\"Open. Still.\n\nNew one. Two."),
            ["\"Open. Still.", "New one.", "Two."]
        );
    }

    #[test]
    fn splits_at_stops_and_paragraphs() {
        assert_eq!(
            sentences("Talks go on. Peskov said so!\n\n\"Listen,\" he said. \"It ends.\" Next one"),
            [
                "Talks go on.",
                "Peskov said so!",
                "\"Listen,\" he said.",
                "\"It ends.\"",
                "Next one"
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            sentences(
                "Mr. Peskov met U.S. envoy J. Smith on Feb. 26 in Moscow. The talks ... went on."
            ),
            [
                "Mr. Peskov met U.S. envoy J. Smith on Feb. 26 in Moscow.",
                "The talks ... went on."
            ]
        );
        assert_eq!(
            sentences("It rose 3.5 pct. Shares fell."),
            ["It rose 3.5 pct.", "Shares fell."]
        );
    }

    #[test]
    fn spans_are_byte_ranges_with_non_ascii_text() {
        let text = "Зеленский said «no». Kyiv’s answer…  Next.";
        assert_eq!(
            sentences(text),
            ["Зеленский said «no».", "Kyiv’s answer…", "Next."]
        );
        assert_eq!(sentence_spans("  \n \n"), Vec::<(usize, usize)>::new());
    }
}
