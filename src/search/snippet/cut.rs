//! Byte-level helpers of passage picking: cutting a long sentence to a window at word
//! bounds, truncating at a character boundary, and turning byte offsets into the character
//! offsets users see.

use super::MAX_PASSAGE_BYTES;

/// `text` cut to at most `max` bytes, at a character boundary.
pub(super) fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A sentence longer than [`MAX_PASSAGE_BYTES`] cut to a window at word bounds, starting a
/// little before its first highlight.
pub(super) fn cut(body: &str, s: usize, e: usize, first: Option<(usize, usize)>) -> (usize, usize) {
    if e - s <= MAX_PASSAGE_BYTES {
        return (s, e);
    }
    let mut anchor = first.map_or(s, |(from, _)| {
        from.saturating_sub(MAX_PASSAGE_BYTES / 4).max(s)
    });
    while !body.is_char_boundary(anchor) {
        anchor -= 1;
    }
    let start = if anchor == s {
        s
    } else {
        // Begin at the next word.
        body[anchor..e]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(anchor, |(i, c)| anchor + i + c.len_utf8())
            // Never past the first highlight (a long run without spaces).
            .min(first.map_or(e, |(from, _)| from))
    };
    let mut end = (start + MAX_PASSAGE_BYTES).min(e);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    if end < e {
        // End after the last whole word.
        end = body[start..end]
            .rfind(char::is_whitespace)
            .map_or(end, |i| start + i);
    }
    (start, end)
}

/// Converts increasing byte offsets of one text into character offsets in one pass.
pub(super) struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    pub(super) fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            // Not expected (callers go forward), but stay correct.
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}
