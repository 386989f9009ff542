//! Body layout for attribution: paragraphs, quotation spans and sentences, as byte ranges.
//!
//! Quotation marks: straight `"`, curly `“ ”`, `„` and guillemets `« »`. Single quotes are left
//! alone because `’` is far more often an apostrophe than a mark. A quote left open at the end
//! of a paragraph continues when the next paragraph opens with a mark (the wire convention for
//! a quote running over paragraphs); otherwise it is closed at the paragraph end. Sentences
//! never end inside a quote, so `"A. B," Peskov said.` is one sentence. Nothing here allocates
//! per byte; everything is a scan over the bytes.

use std::ops::Range;

/// One quotation: the marks and the text between them, as byte offsets into the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub start: usize,
    /// Byte offset just after the opening mark.
    pub inner_start: usize,
    /// Byte offset of the closing mark (or the paragraph end when the quote is never closed).
    pub inner_end: usize,
    /// Byte offset just after the closing mark.
    pub end: usize,
}

/// A sentence: its byte range and the paragraph it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the body, trimmed of surrounding whitespace.
    pub range: Range<usize>,
    /// Index of the paragraph.
    pub paragraph: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Straight,
    Open,
    Close,
    /// `„`: opens; closed by `“` or `”`.
    Low,
}

/// The quotation mark starting at byte `i`, and its length in bytes.
#[inline]
fn mark_at(b: &[u8], i: usize) -> Option<(Mark, usize)> {
    match b[i] {
        b'"' => Some((Mark::Straight, 1)),
        // Two apostrophes stand for a double quote in some archives (`''Yes,'' he said`).
        b'\'' if i + 1 < b.len() && b[i + 1] == b'\'' => Some((Mark::Straight, 2)),
        0xE2 if i + 2 < b.len() && b[i + 1] == 0x80 => match b[i + 2] {
            0x9C => Some((Mark::Open, 3)),  // “
            0x9D => Some((Mark::Close, 3)), // ”
            0x9E => Some((Mark::Low, 3)),   // „
            _ => None,
        },
        0xC2 if i + 1 < b.len() => match b[i + 1] {
            0xAB => Some((Mark::Open, 2)),  // «
            0xBB => Some((Mark::Close, 2)), // »
            _ => None,
        },
        _ => None,
    }
}

/// Paragraph byte ranges (separated by blank lines), trimmed, empty ones skipped.
#[cfg(test)]
pub fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    paragraphs_into(body, &mut out);
    out
}

/// [`paragraphs`] into `out` (cleared first), so a caller can reuse one buffer across bodies.
pub fn paragraphs_into(body: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let b = body.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'\n', &b[i..]) {
        let nl = i + off;
        // A paragraph ends at a line break followed by an (optionally blank-ish) empty line.
        let mut j = nl + 1;
        while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\r') {
            j += 1;
        }
        if j < b.len() && b[j] == b'\n' {
            push_trimmed(b, start..nl, out);
            start = j + 1;
            i = j + 1;
        } else {
            i = nl + 1;
        }
        if i >= b.len() {
            break;
        }
    }
    push_trimmed(b, start..b.len(), out);
}

fn push_trimmed(b: &[u8], r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let r = trim(b, r);
    if !r.is_empty() {
        out.push(r);
    }
}

/// Trims ASCII whitespace from both ends of a byte range.
pub fn trim(b: &[u8], mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && b[r.start].is_ascii_whitespace() {
        r.start += 1;
    }
    while r.end > r.start && b[r.end - 1].is_ascii_whitespace() {
        r.end -= 1;
    }
    r
}

/// Finds the quotations of the body, in order, joining quotes that run over paragraphs.
#[cfg(test)]
pub fn quote_spans(body: &str, paras: &[Range<usize>]) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    quote_spans_into(body, paras, &mut out);
    out
}

/// [`quote_spans`] into `out` (cleared first), so a caller can reuse one buffer across bodies.
pub fn quote_spans_into(body: &str, paras: &[Range<usize>], out: &mut Vec<QuoteSpan>) {
    out.clear();
    let b = body.as_bytes();
    // An open quote: (start, inner_start, opening mark).
    let mut open: Option<(usize, usize, Mark)> = None;
    // A quotation in the other kind of marks is open inside `open`.
    let mut nested = false;
    for (pi, p) in paras.iter().enumerate() {
        let mut i = p.start;
        if let Some((_, _, m)) = open {
            // Continuation: the paragraph must open with a mark; anything else closes the quote
            // at the end of the previous paragraph.
            match mark_at(b, i) {
                Some((m2, len)) if m2 != Mark::Close || m == Mark::Straight => i += len,
                _ => close_open(&mut open, out, paras[pi - 1].end),
            }
        }
        // `''` marks are rare: only paragraphs holding one pay for looking at apostrophes.
        let doubled = memchr::memchr_iter(b'\'', &b[p.start..p.end])
            .any(|k| b.get(p.start + k + 1) == Some(&b'\''));
        while i < p.end {
            let Some(off) = find_mark_byte(&b[i..p.end], doubled) else {
                break;
            };
            i += off;
            let Some((m, len)) = mark_at(b, i) else {
                i += 1;
                continue;
            };
            match open {
                None => {
                    // `”` opening a quote (a common typo) when a letter follows it.
                    let reversed =
                        m == Mark::Close && b.get(i + len).is_some_and(|c| c.is_ascii_alphabetic());
                    if m != Mark::Close || reversed {
                        open = Some((i, i + len, if reversed { Mark::Open } else { m }));
                        nested = false;
                    }
                }
                Some((s, is, om)) => {
                    // `“It's unusual,“ said ...`: an opening mark followed by a space closes.
                    let next_is_gap =
                        b.get(i + len).is_none_or(|c| c.is_ascii_whitespace()) || i + len >= p.end;
                    // Mixed marks (`"... won,” he said`, `“... won," he said`), common in
                    // edited copy, close when a gap follows, unless the other kind of mark
                    // opened a quotation inside this one (`“called it "fake news" today,”`).
                    let other_kind = match om {
                        Mark::Straight => m == Mark::Open || m == Mark::Close,
                        Mark::Open => m == Mark::Straight,
                        _ => false,
                    };
                    if other_kind && !next_is_gap && m != Mark::Close {
                        nested = true;
                        i += len;
                        continue;
                    }
                    if other_kind && nested {
                        nested = false;
                        i += len;
                        continue;
                    }
                    let closes = match om {
                        Mark::Straight => m == Mark::Straight || (m == Mark::Close && next_is_gap),
                        Mark::Open => {
                            m == Mark::Close
                                || ((m == Mark::Open || m == Mark::Straight) && next_is_gap)
                        }
                        Mark::Low => m == Mark::Open || m == Mark::Close,
                        Mark::Close => false,
                    };
                    if closes {
                        out.push(QuoteSpan {
                            start: s,
                            inner_start: is,
                            inner_end: i,
                            end: i + len,
                        });
                        open = None;
                        nested = false;
                    }
                }
            }
            i += len;
        }
        if open.is_some() {
            let next_opens = paras
                .get(pi + 1)
                .and_then(|n| mark_at(b, n.start))
                .is_some();
            if !next_opens {
                close_open(&mut open, out, p.end);
            }
        }
    }
    if let Some(last) = paras.last() {
        close_open(&mut open, out, last.end);
    }
}

fn close_open(open: &mut Option<(usize, usize, Mark)>, out: &mut Vec<QuoteSpan>, at: usize) {
    if let Some((s, is, _)) = open.take() {
        out.push(QuoteSpan {
            start: s,
            inner_start: is.min(at),
            inner_end: at,
            end: at,
        });
    }
}

/// Position of the next byte that may start a quotation mark.
#[inline]
fn find_mark_byte(h: &[u8], apostrophes: bool) -> Option<usize> {
    let m = memchr::memchr3(b'"', 0xE2, 0xC2, h);
    if !apostrophes {
        return m;
    }
    let end = m.unwrap_or(h.len());
    memchr::memchr(b'\'', &h[..end]).or(m)
}

/// Splits each paragraph into sentences. A sentence ends at `.`, `!` or `?` (plus closing
/// marks and brackets) followed by a space and a capital, digit or opening mark, unless the
/// full stop closes an abbreviation or an initial, or sits inside a quotation.
pub fn sentences(
    body: &str,
    paras: &[Range<usize>],
    quotes: &[QuoteSpan],
    out: &mut Vec<Sentence>,
) {
    let b = body.as_bytes();
    let mut qi = 0;
    for (pi, p) in paras.iter().enumerate() {
        let mut start = p.start;
        let mut i = p.start;
        while i < p.end {
            let Some(off) = memchr::memchr3(b'.', b'!', b'?', &b[i..p.end]) else {
                break;
            };
            i += off;
            while qi < quotes.len() && quotes[qi].end <= i {
                qi += 1;
            }
            // Inside a quote: only a stop right before its closing mark may end a sentence.
            let mut j = i + 1;
            if qi < quotes.len() && quotes[qi].start < i {
                if quotes[qi].inner_end != j || quotes[qi].end > p.end {
                    i += 1;
                    continue;
                }
                j = quotes[qi].end;
            }
            while j < p.end && (b[j] == b')' || b[j] == b'\'' || b[j] == b'"') {
                j += 1;
            }
            if j < p.end && b[j] == 0xE2 && j + 2 < p.end && matches!(b[j + 2], 0x9D | 0x99) {
                j += 3; // ” or ’
            }
            if j >= p.end || !(b[j] == b' ' || is_nbsp(b, j)) {
                i += 1;
                continue;
            }
            let mut k = j;
            while k < p.end && (b[k] == b' ' || is_nbsp(b, k)) {
                k += if b[k] == b' ' { 1 } else { 2 };
            }
            let starts_new = k < p.end
                && (b[k].is_ascii_uppercase()
                    || b[k].is_ascii_digit()
                    || mark_at(b, k).is_some()
                    || b[k] >= 0xC3);
            if starts_new && (b[i] != b'.' || !is_abbreviation(b, p.start, i)) {
                out.push(Sentence {
                    range: trim(b, start..j),
                    paragraph: pi,
                });
                start = k;
            }
            i = k.max(i + 1);
        }
        let r = trim(b, start..p.end);
        if !r.is_empty() {
            out.push(Sentence {
                range: r,
                paragraph: pi,
            });
        }
    }
}

/// A no-break space (U+00A0) at byte `i`: web copy puts them after full stops.
#[inline]
pub fn is_nbsp(b: &[u8], i: usize) -> bool {
    b[i] == 0xC2 && b.get(i + 1) == Some(&0xA0)
}

/// True when the word ending at the full stop `dot` is an abbreviation or an initial.
fn is_abbreviation(b: &[u8], floor: usize, dot: usize) -> bool {
    let mut s = dot;
    while s > floor && (b[s - 1].is_ascii_alphabetic() || b[s - 1] == b'.') {
        s -= 1;
    }
    let w = &b[s..dot];
    if w.is_empty() {
        return false;
    }
    // Initials (`J.`) and dotted acronyms (`U.S.`, `p.m.`).
    if w.len() == 1 && w[0].is_ascii_uppercase() || w.contains(&b'.') {
        return true;
    }
    matches!(
        w,
        b"Mr"
            | b"Mrs"
            | b"Ms"
            | b"Dr"
            | b"Sen"
            | b"Rep"
            | b"Gov"
            | b"Gen"
            | b"Lt"
            | b"Col"
            | b"Capt"
            | b"Sgt"
            | b"St"
            | b"Jr"
            | b"Sr"
            | b"Prof"
            | b"Rev"
            | b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"Jun"
            | b"Jul"
            | b"Aug"
            | b"Sep"
            | b"Sept"
            | b"Oct"
            | b"Nov"
            | b"Dec"
            | b"No"
            | b"Inc"
            | b"Corp"
            | b"Co"
            | b"Ltd"
            | b"vs"
            | b"Mt"
            | b"Ft"
            | b"Adm"
            | b"Maj"
            | b"Cmdr"
            | b"Calif"
            | b"Fla"
            | b"Mass"
            | b"Wash"
            | b"Va"
            | b"Ga"
            | b"Pa"
            | b"Ill"
            | b"Mich"
            | b"Minn"
            | b"Conn"
            | b"Ariz"
            | b"Colo"
            | b"Tenn"
            | b"Ky"
            | b"Md"
            | b"Mo"
            | b"Nev"
            | b"Okla"
            | b"Ore"
            | b"Wis"
            | b"Ind"
            | b"Kan"
            | b"Neb"
            | b"Gens"
            | b"Reps"
            | b"Sens"
            | b"Messrs"
            | b"Mmes"
            | b"Gov't"
            | b"approx"
            | b"Nos"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text inside each quotation of `body`.
    fn quoted(body: &str) -> Vec<&str> {
        let paras = paragraphs(body);
        quote_spans(body, &paras)
            .iter()
            .map(|q| &body[q.inner_start..q.inner_end])
            .collect()
    }

    fn split(body: &str) -> Vec<&str> {
        let paras = paragraphs(body);
        let q = quote_spans(body, &paras);
        let mut s = Vec::new();
        sentences(body, &paras, &q, &mut s);
        s.iter().map(|s| &body[s.range.clone()]).collect()
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let body = "One.\n\nTwo\nstill two.\n \nThree.";
        let p: Vec<&str> = paragraphs(body).into_iter().map(|r| &body[r]).collect();
        assert_eq!(p, ["One.", "Two\nstill two.", "Three."]);
    }

    #[test]
    fn sentence_does_not_end_inside_quote_or_after_abbreviation() {
        let s = split(
            "\"No. As before, yes,\" Peskov said. Mr. Smith and U.S. officials met. Next one!",
        );
        assert_eq!(
            s,
            [
                "\"No. As before, yes,\" Peskov said.",
                "Mr. Smith and U.S. officials met.",
                "Next one!"
            ]
        );
    }

    #[test]
    fn sentence_ends_at_closing_mark() {
        let s = split("He said: “It is over.” Then he left.");
        assert_eq!(s, ["He said: “It is over.”", "Then he left."]);
    }

    #[test]
    fn quote_over_two_paragraphs_is_one_span() {
        let body = "“First part.\n\n“Second part,” he said.";
        assert_eq!(quoted(body), ["First part.\n\n“Second part,"]);
    }

    #[test]
    fn unclosed_quote_closes_at_paragraph_end() {
        let body = "\"Open and never closed.\n\nNext paragraph \"quoted\".";
        assert_eq!(quoted(body), ["Open and never closed.", "quoted"]);
    }

    #[test]
    fn doubled_apostrophes_are_quotes() {
        let body = "''It's over,'' said O'Brien.";
        assert_eq!(quoted(body), ["It's over,"]);
    }

    #[test]
    fn misdirected_curly_marks_still_pair() {
        let body = "“It's unusual,“ said Larry Noble. ”Yes,” he said.";
        assert_eq!(quoted(body), ["It's unusual,", "Yes,"]);
    }

    #[test]
    fn mixed_straight_and_curly_marks_pair() {
        let body = "\"We won,” Axelrod said. “They lost,\" he added.";
        assert_eq!(quoted(body), ["We won,", "They lost,"]);
    }

    #[test]
    fn a_quotation_in_the_other_marks_stays_inside() {
        // The inner pair must not close the outer quotation at `news"`.
        let body =
            "“He called it \"fake news\" today,” she said. \"A “witch hunt” again,\" he said.";
        assert_eq!(
            quoted(body),
            ["He called it \"fake news\" today,", "A “witch hunt” again,"]
        );
    }

    #[test]
    fn guillemets_are_quotes() {
        let body = "«Да,» said Ivanov.";
        assert_eq!(quoted(body), ["Да,"]);
    }
}
