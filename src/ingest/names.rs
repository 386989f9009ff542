//! Speaker-name keys: the one normaliser used at ingest (every [`Speaker`](crate::Speaker) and
//! [`Quote`](crate::Quote) carries a key) and at query time (`--speaker`). Never write a second
//! one: a filter only matches when both sides fold the same way.
//!
//! Rules, applied in this order to a name such as `"Sen. Dmitri Peskov Jr."`:
//!
//! 1. ASCII folding: accented Latin letters lose their marks (`é` -> `e`, `ł` -> `l`,
//!    `ß` -> `ss`, `æ` -> `ae`); letters with no ASCII form (Cyrillic, CJK) are kept, lower-cased.
//! 2. Lower case; apostrophes and dots vanish inside a word (`O'Brien` -> `obrien`, `U.S.` ->
//!    `us`), hyphens join (`Ocasio-Cortez` -> `ocasiocortez`), other punctuation splits words.
//!    A possessive `'s` at the end of the name is dropped (`Peskov's` -> `peskov`).
//! 3. Titles at the front (`Mr.`, `Mrs.`, `Ms.`, `Dr.`, `Sen.`, `Rep.`, `Gov.`, `Gen.`,
//!    `Prof.`, `Rev.`, `Sir`, `President`...) and suffixes at the end (`Jr.`, `Sr.`, `II`,
//!    `III`, `IV`, `PhD`) are dropped, unless nothing else would be left.
//! 4. Transliteration variants fold per word: a final `iy`, `yy`, `ii` or `yi` becomes `y`
//!    (`Dmitriy`, `Dmitrii` -> `dmitry`; `Zelenskyy`, `Zelenskiy` -> `zelensky`); a final `ey`
//!    becomes `ei` (`Sergey` -> `sergei`, `Alexey` -> `alexei`); a short table maps the forms
//!    these rules cannot reach (`dmitri` -> `dmitry`, `sergej` -> `sergei`, `aleksei` ->
//!    `alexei`, `yury` -> `yuri`, `evgeny` -> `yevgeny`...). Feminine forms are never folded
//!    into masculine ones: `Peskova` and `Peskov` keep different keys.
//!
//! The full key is the folded words joined by one space; the surname key is its last word, so
//! `surname_key("Dmitri Peskov") == surname_key("Peskov") == "peskov"`.

/// Folded key of a full name: ASCII, lower case, titles and suffixes dropped, transliteration
/// variants merged (see the module documentation for the exact rules).
pub fn speaker_key(name: &str) -> String {
    // Names are almost always ASCII: fold those without a `String` per word.
    ascii_key(name).unwrap_or_else(|| folded_words(name).join(" "))
}

/// [`speaker_key`] for an ASCII name of up to [`MAX_WORDS`] words, in one output buffer;
/// `None` for any other name (the general path handles it, with the same rules).
fn ascii_key(name: &str) -> Option<String> {
    if !name.is_ascii() {
        return None;
    }
    // Lower-cased letters and digits of every word, back to back; `words` holds their ranges.
    let mut letters = String::with_capacity(name.len());
    let mut words = [(0usize, 0usize); MAX_WORDS];
    let mut n = 0;
    let mut start = 0;
    for c in name.bytes() {
        match c {
            // Inside-word punctuation: joins the word's parts.
            b'\'' | b'`' | b'.' | b'-' => {}
            c if c.is_ascii_alphanumeric() => letters.push(char::from(c.to_ascii_lowercase())),
            _ => {
                if letters.len() > start {
                    *words.get_mut(n)? = (start, letters.len());
                    n += 1;
                    start = letters.len();
                }
            }
        }
    }
    if letters.len() > start {
        *words.get_mut(n)? = (start, letters.len());
        n += 1;
    }
    let words = &mut words[..n];
    if has_possessive(name) {
        if let Some(last) = words.last_mut() {
            last.1 -= 1;
        }
    }
    let word = |k: usize| &letters[words[k].0..words[k].1];
    let mut first = 0;
    while first + 1 < n && is_title(word(first)) {
        first += 1;
    }
    let mut end = n;
    while end > first + 1 && is_suffix(word(end - 1)) {
        end -= 1;
    }
    let mut key = String::with_capacity(letters.len() + n);
    for k in first..end {
        if k > first {
            key.push(' ');
        }
        transliterate_into(word(k), &mut key);
    }
    Some(key)
}

/// Words a name may have for the ASCII fast path of [`speaker_key`].
const MAX_WORDS: usize = 16;

/// Folded key of the surname (last word after folding) of a name: `"peskov"` for
/// `"Dmitry Peskov"`, `"Peskov"` and `"Mr. Peskov's"`.
pub fn surname_key(name: &str) -> String {
    folded_words(name).pop().unwrap_or_default()
}

/// The name's words after rules 1-4, titles and suffixes removed.
fn folded_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in name.chars() {
        match c {
            '\'' | '’' | '‘' | '`' | '.' | '-' | '‐' | '‑' => {
                // Inside-word punctuation: joins the word's parts.
            }
            c if c.is_alphanumeric() => push_folded(&mut cur, c),
            _ => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    // A possessive: "Peskov's" folds to "peskovs"; drop the "s" only when the text had "'s".
    if has_possessive(name) {
        if let Some(last) = words.last_mut() {
            last.pop();
        }
    }
    let mut start = 0;
    while start + 1 < words.len() && is_title(&words[start]) {
        start += 1;
    }
    let mut end = words.len();
    while end > start + 1 && is_suffix(&words[end - 1]) {
        end -= 1;
    }
    words[start..end].iter().map(|w| transliterate(w)).collect()
}

fn has_possessive(name: &str) -> bool {
    let t = name.trim_end();
    t.ends_with("'s") || t.ends_with("’s")
}

fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let s: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'ð' | 'Ď' | 'Đ' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ğ' | 'ģ' | 'Ğ' | 'Ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => {
            "i"
        }
        'ķ' | 'Ķ' => "k",
        'ł' | 'ľ' | 'ĺ' | 'ļ' | 'Ł' | 'Ľ' | 'Ĺ' | 'Ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' | 'Ñ' | 'Ń' | 'Ň' | 'Ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'ŕ' | 'Ř' | 'Ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű'
        | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(s);
}

fn is_title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "sen"
            | "senator"
            | "rep"
            | "gov"
            | "governor"
            | "gen"
            | "general"
            | "prof"
            | "professor"
            | "rev"
            | "sir"
            | "dame"
            | "lord"
            | "president"
            | "pres"
            | "sec"
            | "secretary"
            | "minister"
            | "mayor"
            | "judge"
            | "justice"
            | "col"
            | "lt"
            | "capt"
            | "sgt"
            | "adm"
            | "amb"
            | "ambassador"
            | "atty"
            | "supt"
            | "hon"
            | "the"
    )
}

fn is_suffix(w: &str) -> bool {
    matches!(
        w,
        "jr" | "sr" | "ii" | "iii" | "iv" | "phd" | "md" | "esq" | "qc" | "mp"
    )
}

/// Folds one lower-case ASCII-ish word's transliteration variants.
fn transliterate(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    transliterate_into(w, &mut s);
    s
}

/// Appends `w` to `out` with its transliteration variants folded (see [`transliterate`]).
fn transliterate_into(w: &str, out: &mut String) {
    let start = out.len();
    out.push_str(w);
    if w.len() >= 4 {
        for end in ["iy", "yy", "ii", "yi"] {
            if out.ends_with(end) {
                out.truncate(out.len() - 2);
                out.push('y');
                break;
            }
        }
        if out.ends_with("ey") {
            out.truncate(out.len() - 1);
            out.push('i');
        }
    }
    let mapped = match &out[start..] {
        "dmitri" => "dmitry",
        "sergej" | "serguei" => "sergei",
        "aleksei" | "alexej" | "aleksej" => "alexei",
        "andrej" => "andrei",
        "yury" | "iury" | "jurij" => "yuri",
        "evgeny" | "evgeni" | "yevgeni" | "jevgeni" => "yevgeny",
        "aleksandr" | "alexandr" | "aleksander" => "alexander",
        "maksim" => "maxim",
        "nikolay" => "nikolai",
        "elena" => "yelena",
        "ekaterina" => "yekaterina",
        "vasily" | "vassily" | "vassili" | "vasili" => "vasily",
        "vitali" => "vitaly",
        "valeri" => "valery",
        "anatoli" => "anatoly",
        "gennadi" => "gennady",
        "grigori" => "grigory",
        "georgi" => "georgy",
        "zelenski" => "zelensky",
        _ => return,
    };
    out.truncate(start);
    out.push_str(mapped);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fast_path_folds_as_the_general_path() {
        let long = "a b c d e f g h i j k l m n o p q r";
        for n in [
            "Dmitriy Peskov's",
            "Mr. Peskov",
            "Mr.",
            "'s",
            "Sen. Dr. Martin Luther King Jr. III",
            "Conan O'Brien",
            "Alexandria Ocasio-Cortez",
            "  Angela   Merkel, ",
            "JAKE TAPPER",
            "Sergey Lavrov",
            "Aleksandr Dmitrii Vassili",
            "Factcheck.org",
            "Trump`s aide",
            "x",
            "",
            long,
        ] {
            assert_eq!(speaker_key(n), folded_words(n).join(" "), "{n}");
        }
        assert_eq!(ascii_key("Zoë Ball"), None);
        assert_eq!(ascii_key(long), None);
        assert_eq!(ascii_key("Sergey Lavrov").as_deref(), Some("sergei lavrov"));
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        for n in [
            "Dmitry Peskov",
            "Dmitri Peskov",
            "Dmitriy Peskov",
            "Dmitrii Peskov",
        ] {
            assert_eq!(speaker_key(n), "dmitry peskov", "{n}");
        }
        assert_eq!(speaker_key("Sergey Lavrov"), speaker_key("Sergei Lavrov"));
        for n in ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi"] {
            assert_eq!(surname_key(n), "zelensky", "{n}");
        }
        assert_eq!(speaker_key("Volodymyr Zelenskyy"), "volodymyr zelensky");
    }

    #[test]
    fn feminine_form_keeps_its_own_key() {
        assert_ne!(surname_key("Maria Zakharova"), surname_key("Zakharov"));
        assert_ne!(speaker_key("Peskova"), speaker_key("Peskov"));
        assert_eq!(surname_key("Elizaveta Peskova"), "peskova");
    }

    #[test]
    fn accents_case_and_punctuation_fold() {
        assert_eq!(speaker_key("José  Ángel GURRÍA"), "jose angel gurria");
        assert_eq!(speaker_key("Lech Wałęsa"), "lech walesa");
        assert_eq!(speaker_key("Conan O'Brien"), "conan obrien");
        assert_eq!(
            speaker_key("Alexandria Ocasio-Cortez"),
            "alexandria ocasiocortez"
        );
        assert_eq!(speaker_key("Angela Merkel, "), "angela merkel");
    }

    #[test]
    fn titles_and_suffixes_are_dropped() {
        assert_eq!(speaker_key("Mr. Peskov"), "peskov");
        assert_eq!(speaker_key("Sen. Bernie Sanders"), "bernie sanders");
        assert_eq!(
            speaker_key("Dr. Martin Luther King Jr."),
            "martin luther king"
        );
        assert_eq!(speaker_key("Donald Trump Sr"), "donald trump");
        // A title alone is kept rather than folding a name to nothing.
        assert_eq!(speaker_key("Mr."), "mr");
    }

    #[test]
    fn surname_key_is_last_folded_word() {
        assert_eq!(surname_key("Dmitri Peskov"), surname_key("Peskov"));
        assert_eq!(surname_key("Mr. Peskov's"), "peskov");
        assert_eq!(surname_key("Peskov’s"), "peskov");
        assert_eq!(surname_key(""), "");
        assert_eq!(speaker_key("  "), "");
    }

    #[test]
    fn non_latin_letters_survive_in_lower_case() {
        assert_eq!(speaker_key("Дмитрий Песков"), "дмитрий песков");
    }
}
