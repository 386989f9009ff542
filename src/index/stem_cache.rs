//! A caching English stemmer, the last filter of the stemmed analyzer.
//!
//! Wire copy repeats its vocabulary: running tantivy's Snowball stemmer on every token cost
//! four times the rest of the analyzer (x1 of Reuters-21578: 460 ms against 92 ms for the
//! bodies), about 11% of all indexing CPU. Stems are computed by tantivy's own [`Stemmer`], so
//! the cached and uncached analyzers can never disagree; the cache only remembers them. Every
//! clone of the analyzer (tantivy clones one per segment writer and per query) has its own
//! fixed-size cache.

use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Token filter: replaces each (lower-cased) token by its English stem, from a cache.
#[derive(Clone, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            cache: StemCache::new(),
        }
    }
}

/// The tokenizer [`CachedStemmer`] wraps around the previous ones.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    cache: StemCache,
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
pub struct CachedStemmerStream<'a, T> {
    tail: T,
    cache: &'a mut StemCache,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.cache.stem_in_place(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Words of at most this many bytes are cached (longer ones are rare and stemmed each time).
const MAX_CACHED_LEN: usize = 15;
/// Slots in a full cache: 4,096 x 32 bytes = 128 KiB, small enough to stay in the core's cache
/// beside tantivy's postings tables.
const SLOTS: usize = 4096;
/// Slots a cache starts with: a query or a snippet stems a few dozen words, and zeroing 128 KiB
/// for them cost more than their stemming.
const FIRST_SLOTS: usize = 64;

/// A word of up to [`MAX_CACHED_LEN`] bytes packed with its length into 16 bytes, so a slot
/// is compared in one integer comparison.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Packed(u128);

impl Packed {
    fn new(word: &str) -> Option<Packed> {
        let bytes = word.as_bytes();
        if bytes.len() > MAX_CACHED_LEN {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[15] = bytes.len() as u8;
        Some(Packed(u128::from_le_bytes(buf)))
    }

    fn as_bytes(&self) -> [u8; 16] {
        self.0.to_le_bytes()
    }

    /// Slot of this word in a table of `slots` (a power of two) slots.
    fn slot(&self, slots: usize) -> usize {
        // Multiply-shift hashing of both halves: cheap, and words differ in every byte.
        let mixed = ((self.0 as u64) ^ ((self.0 >> 64) as u64).rotate_left(29))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - slots.trailing_zeros())) as usize
    }
}

/// A direct-mapped word -> stem cache in front of tantivy's stemmer.
///
/// Direct-mapped and small on purpose: a hash map of every word seen (46,000 on x1) was
/// measured as slow as stemming itself inside the indexer, because each probe missed the CPU
/// cache that tantivy's own tables keep busy. Wire copy's most frequent few thousand words make
/// most of its tokens, and they stay in these 128 KiB.
struct StemCache {
    /// (word, stem) per slot; a zero word is an empty slot (no word has length 0). Empty
    /// until the first word is stemmed, then [`FIRST_SLOTS`], then [`SLOTS`] once as many
    /// words as slots were stemmed.
    slots: Vec<(Packed, Packed)>,
    /// Words stemmed (cache misses) since the table was last sized.
    misses: usize,
    stemmer: TextAnalyzer,
}

/// A clone starts empty: the search side clones the analyzer for every snippet, and copying
/// 128 KiB each time cost a fifth of a whole search process.
impl Clone for StemCache {
    fn clone(&self) -> Self {
        StemCache {
            slots: Vec::new(),
            misses: 0,
            stemmer: self.stemmer.clone(),
        }
    }
}

impl StemCache {
    fn new() -> Self {
        StemCache {
            slots: Vec::new(),
            misses: 0,
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }

    /// Rewrites `word` as its stem, reusing the token's buffer.
    fn stem_in_place(&mut self, word: &mut String) {
        let Some(packed) = Packed::new(word) else {
            self.stem_uncached(word);
            return;
        };
        if self.slots.is_empty() {
            self.slots = vec![(Packed::default(), Packed::default()); FIRST_SLOTS];
        }
        let slot = packed.slot(self.slots.len());
        let (cached_word, cached_stem) = self.slots[slot];
        if cached_word == packed {
            if cached_stem != packed {
                let bytes = cached_stem.as_bytes();
                let len = usize::from(bytes[15]);
                // The stem was a whole `str` when stored, so this cannot fail.
                if let Ok(stem) = std::str::from_utf8(&bytes[..len]) {
                    word.clear();
                    word.push_str(stem);
                }
            }
            return;
        }
        self.stem_uncached(word);
        self.misses += 1;
        if self.misses >= self.slots.len() && self.slots.len() < SLOTS {
            // A long text: the full table (its contents are dropped; they come back).
            self.slots = vec![(Packed::default(), Packed::default()); SLOTS];
            self.misses = 0;
        } else if let Some(stem) = Packed::new(word) {
            self.slots[slot] = (packed, stem);
        }
    }

    fn stem_uncached(&mut self, word: &mut String) {
        let mut stream = self.stemmer.token_stream(word);
        if stream.advance() {
            let stem = std::mem::take(&mut stream.token_mut().text);
            drop(stream);
            *word = stem;
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    use super::*;

    fn words(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    fn cached() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build()
    }

    #[test]
    fn stems_like_the_uncached_stemmer_on_first_and_repeated_words() {
        let text = "Prices rose; prices fell, the ministries said, running and running. Price";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut cached = cached();
        let expected = words(&mut plain, text);
        assert_eq!(
            expected,
            [
                "price", "rose", "price", "fell", "the", "ministri", "said", "run", "and", "run",
                "price"
            ]
        );
        // Twice: the second pass is served from the cache.
        assert_eq!(words(&mut cached, text), expected);
        assert_eq!(words(&mut cached, text), expected);
    }

    #[test]
    fn a_clone_starts_empty_and_stems_alike() {
        let mut cache = StemCache::new();
        assert!(
            cache.slots.is_empty(),
            "nothing is allocated before the first word"
        );
        let mut word = "pipelines".to_string();
        cache.stem_in_place(&mut word);
        assert_eq!(cache.slots.len(), FIRST_SLOTS);
        let mut clone = cache.clone();
        assert!(clone.slots.is_empty());
        let mut word = "pipelines".to_string();
        clone.stem_in_place(&mut word);
        assert_eq!(word, "pipelin");
        // As many words as the first table holds: the cache takes its full size.
        for n in 0..FIRST_SLOTS {
            clone.stem_in_place(&mut format!("x{n}ings"));
        }
        assert_eq!(clone.slots.len(), SLOTS);
        let mut word = "ministries".to_string();
        clone.stem_in_place(&mut word);
        assert_eq!(word, "ministri");
    }

    #[test]
    fn colliding_long_and_non_ascii_words_stem_like_the_stemmer() {
        let mut cache = StemCache::new();
        let mut plain = TextAnalyzer::builder(RawTokenizer::default())
            .filter(Stemmer::new(Language::English))
            .build();
        // Enough words that many share a slot, one over the cached length, one not ASCII.
        let mut words: Vec<String> = (0..3 * SLOTS).map(|n| format!("w{n}ings")).collect();
        words.push("internationalisations".to_string());
        words.push("cafés".to_string());
        for round in 0..2 {
            for word in &words {
                let expected = {
                    let mut stream = plain.token_stream(word);
                    assert!(stream.advance());
                    stream.token().text.clone()
                };
                let mut got = word.clone();
                cache.stem_in_place(&mut got);
                assert_eq!(got, expected, "{word} in round {round}");
            }
        }
        let mut word = "pipelines".to_string();
        cache.stem_in_place(&mut word);
        assert_eq!(word, "pipelin");
    }
}
