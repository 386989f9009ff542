//! Speaker-name keys: the one normaliser used at ingest and at query time. (Being refined.)

/// Folded key of a full name: ASCII, lower case, transliteration variants merged.
pub fn speaker_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Folded key of the surname (last word) of a name.
pub fn surname_key(name: &str) -> String {
    speaker_key(name)
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string()
}
