//! [`CachedStemmer`]: lower-casing, accent folding and tantivy's English [`Stemmer`] behind a
//! per-analyzer cache of the words (as the tokenizer cut them) already turned into stems.
//!
//! News text repeats the same few tens of thousands of words, and normalising and stemming one
//! is several times dearer than looking it up, so the cache turns most of that work into one
//! hash lookup. Each clone of an analyzer (tantivy gives every indexing thread its own) keeps
//! its own cache, so nothing is locked. Misses run tantivy's own filters, so a cached stem is
//! always the one the uncached filter chain would produce.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, Stemmer, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer,
};

/// Words cached per analyzer before the cache starts over (bounds memory on odd inputs such
/// as tables of codes; a news archive's vocabulary stays well below it).
const MAX_CACHED: usize = 200_000;

/// Token filter lower-casing, folding and stemming English words, with a cache. Equivalent to
/// `LowerCaser`, then `AsciiFoldingFilter`, then `Stemmer::new(Language::English)`.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            cache: Cache::default(),
        }
    }
}

/// FxHash (rustc's hasher): a multiply per 8 bytes, several times faster than the default
/// SipHash on short words. Not resistant to crafted collisions, which could only slow down the
/// indexing of the archive that contains them (and the cache is bounded).
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &byte in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The words stemmed so far and the filter chain for new ones.
struct Cache {
    stems: HashMap<String, String, BuildHasherDefault<WordHasher>>,
    stemmer: TextAnalyzer,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            stems: HashMap::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

// A clone starts with an empty cache: clones go to other threads, and copying a large
// cache would cost more than refilling it.
impl Clone for Cache {
    fn clone(&self) -> Self {
        Cache::default()
    }
}

impl Cache {
    /// Replaces `word` by its lower-cased, folded stem.
    fn stem(&mut self, word: &mut String) {
        if let Some(stem) = self.stems.get(word.as_str()) {
            word.clear();
            word.push_str(stem);
            return;
        }
        let mut stem = None;
        self.stemmer
            .token_stream(word)
            .process(&mut |t| stem = Some(t.text.clone()));
        // The raw tokenizer yields exactly one token, even for "" (kept as is if not).
        let Some(stem) = stem else { return };
        if self.stems.len() >= MAX_CACHED {
            self.stems.clear();
        }
        self.stems.insert(std::mem::take(word), stem.clone());
        *word = stem;
    }
}

/// The tokenizer [`CachedStemmer`] makes of its inner tokenizer.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    cache: Cache,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
        }
    }
}

/// Token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, S> {
    tail: S,
    cache: &'a mut Cache,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.cache.stem(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::SimpleTokenizer;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |t| out.push(t.text.clone()));
        out
    }

    #[test]
    fn cached_stems_equal_tantivys_stems_on_first_and_repeated_words() {
        let text = "Pipelines PIPELINES running ran agreed happy happiness Peskov said said 1987 \
                    Zürich ZÜRICH Éclairs Straße İstanbul";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(CachedStemmer)
            .build();
        let expected = tokens(&mut plain, text);
        assert_eq!(expected[..4], ["pipelin", "pipelin", "run", "ran"]);
        assert_eq!(expected[11..14], ["zurich", "zurich", "eclair"]);
        assert_eq!(tokens(&mut cached, text), expected);
        // Second pass: every word comes from the cache now.
        assert_eq!(tokens(&mut cached, text), expected);
    }

    #[test]
    fn cache_starts_over_when_full() {
        let mut cache = Cache::default();
        for i in 0..MAX_CACHED + 5 {
            let mut word = format!("Pipelines{i}");
            cache.stem(&mut word);
        }
        assert_eq!(cache.stems.len(), 5);
        let mut word = "pipelines".to_string();
        cache.stem(&mut word);
        assert_eq!(word, "pipelin");
        assert_eq!(
            cache.stems.get("pipelines").map(String::as_str),
            Some("pipelin")
        );
    }
}
