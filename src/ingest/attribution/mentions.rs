//! Full forms of bare surnames: `Peskov said` resolves to the earliest `Dmitry Peskov` in the
//! body. Searched on demand (once per new surname) with `memmem`, so sentences without a cue
//! are never tokenised just to collect names.

use super::lexicon::{is_function_word, is_org_word, is_particle, is_role_noun, is_title};

/// The earliest occurrence of `surname` in `body` preceded by one to three capitalised given
/// names or initials (`Dmitry Peskov`, `Alan B. Krueger`), as written.
pub fn full_name(body: &str, surname: &str) -> Option<String> {
    let b = body.as_bytes();
    if surname.trim_end_matches('.').len() < 2 {
        return None; // an initial is no surname
    }
    for pos in memchr::memmem::find_iter(b, surname.as_bytes()) {
        let end = pos + surname.len();
        if pos > 0 && is_word_byte(b[pos - 1]) || continues_word(b, end) {
            continue; // part of a longer word (`Peskova` is not `Peskov`)
        }
        let mut start = pos;
        let mut words = 0;
        while words < 3 && start > 1 {
            // Words are parted by a space or a no-break space (`nominee\u{a0}Donald Trump`).
            let we = if b[start - 1] == b' ' {
                start - 1
            } else if b[..start].ends_with(NBSP) {
                start - NBSP.len()
            } else {
                break;
            };
            let mut ws = we;
            while ws > 0
                && (is_word_byte(b[ws - 1]) || b[ws - 1] == b'.')
                && !b[..ws].ends_with(NBSP)
            {
                ws -= 1;
            }
            let Some(w) = body.get(ws..we) else { break };
            if w.ends_with('.') && w.len() > 2 {
                break; // `of Trump. Someone`: a sentence end, not an initial
            }
            let bare = w.trim_end_matches('.');
            let cap = bare.chars().next().is_some_and(char::is_uppercase);
            if bare.is_empty() || !(cap || is_particle(bare) && words == 0) {
                break;
            }
            let lower = bare.to_ascii_lowercase();
            if is_function_word(bare)
                || is_title(&lower)
                || is_role_noun(&lower)
                || is_org_word(&lower)
            {
                break;
            }
            start = ws;
            words += 1;
        }
        // A particle alone (`von Peskov`) is not a given name.
        if words > 0
            && body[start..pos]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            return Some(body[start..end].to_string());
        }
    }
    None
}

/// True when `surname` appears somewhere after an honorific or a personal title (`Mr.
/// Zucker`, `Ms. Lerer`, `President Obama`, `Sen. Sanders`): evidence that a bare word used
/// as a source is a person.
pub fn has_honorific(body: &str, surname: &str) -> bool {
    let b = body.as_bytes();
    memchr::memmem::find_iter(b, surname.as_bytes()).any(|pos| {
        let end = pos + surname.len();
        if continues_word(b, end) {
            return false;
        }
        let before = &b[..pos];
        [
            &b"Mr. "[..],
            b"Ms. ",
            b"Mrs. ",
            b"Dr. ",
            b"Mr ",
            b"Ms ",
            b"Mrs ",
            b"President ",
            b"Sen. ",
            b"Senator ",
            b"Rep. ",
            b"Gov. ",
            b"Governor ",
            b"Secretary ",
            b"Gen. ",
            b"Mayor ",
            b"Judge ",
            b"Justice ",
            b"Speaker ",
            b"Sheriff ",
            b"Pope ",
        ]
        .iter()
        .any(|h| before.ends_with(h))
    })
}

/// True when `word` occurs as a whole word in `body` at most `n` times. A company or a country
/// that a story is about comes back again and again (`Samsung said`, `Samsung's royalty
/// demands`); a person the story names by surname alone is quoted a few times.
pub fn occurs_at_most(body: &str, word: &str, n: usize) -> bool {
    let b = body.as_bytes();
    memchr::memmem::find_iter(b, word.as_bytes())
        .filter(|&pos| {
            !continues_word(b, pos + word.len()) && (pos == 0 || !is_word_byte(b[pos - 1]))
        })
        .nth(n)
        .is_none()
}

/// A no-break space in UTF-8.
const NBSP: &[u8] = "\u{a0}".as_bytes();

/// True when the byte at `end` continues the word before it; a curly apostrophe does not
/// (`Donald Trump’s claim`).
fn continues_word(b: &[u8], end: usize) -> bool {
    end < b.len() && is_word_byte(b[end]) && !b[end..].starts_with("\u{2019}".as_bytes())
}

/// Bytes that continue a word: ASCII letters, digits, apostrophe-less; any non-ASCII byte
/// (letters such as `é`, and the continuation bytes of any character).
#[inline]
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_whole_words_only() {
        let body = "Hale said. Haley said. Hales said. Hale's view. Hale-Bopp. Hale.";
        // `Hale`, `Hale's` (apostrophe ends the word) and the last `Hale`: three.
        assert!(occurs_at_most(body, "Hale", 3));
        assert!(!occurs_at_most(body, "Hale", 2));
    }

    #[test]
    fn finds_earliest_full_form() {
        let body = "Peskov spoke. Kremlin spokesman Dmitry Peskov said. Later Dmitri Peskov added.";
        assert_eq!(full_name(body, "Peskov").as_deref(), Some("Dmitry Peskov"));
    }

    #[test]
    fn honorifics_mark_people() {
        assert!(has_honorific("Later Mr. Zucker left.", "Zucker"));
        assert!(!has_honorific(
            "Zucker said. Mr. Zuckerberg left.",
            "Zucker"
        ));
        assert!(!has_honorific("Caterpillar said.", "Caterpillar"));
    }

    #[test]
    fn feminine_form_and_titles_are_not_full_forms() {
        assert_eq!(
            full_name("Anna Peskova and Mr. Peskov met.", "Peskov"),
            None
        );
        assert_eq!(full_name("The Peskov case.", "Peskov"), None);
        assert_eq!(
            full_name("Alan B. Krueger said.", "Krueger").as_deref(),
            Some("Alan B. Krueger")
        );
        assert_eq!(full_name("Ursula von der Leyen said.", "Leyen"), None);
        assert_eq!(full_name("", ""), None);
    }
}
