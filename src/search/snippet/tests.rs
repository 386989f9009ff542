use super::*;
use crate::{Quote, QuoteKind};

const BODY: &str = "The pipeline talks stalled. Officials said the pipeline was fine.\n\n\
Ukraine's actions towards the Druzhba oil pipeline are an example of sabotage, Kremlin spokesman Dmitry Peskov said.\n\n\
Budapest defends its interests. Pipelines matter to Druzhba, he said.";

fn char_offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

fn article(body: &str) -> Article {
    if !body.contains("Ukraine's") {
        return Article {
            body: body.to_string(),
            ..Article::default()
        };
    }
    let start = char_offset(body, "Ukraine's");
    let end = char_offset(body, ", Kremlin spokesman");
    Article {
        body: body.to_string(),
        quotes: vec![Quote {
            speaker: "Dmitry Peskov".into(),
            speaker_key: "dmitry peskov".into(),
            kind: QuoteKind::Indirect,
            text: "Ukraine's actions towards the Druzhba oil pipeline are an example of sabotage"
                .into(),
            start,
            end,
            said_on: None,
        }],
        ..Article::default()
    }
}

fn passages(query: &str, body: &str) -> Vec<Passage> {
    Highlighter::new(&Query::parse(query).unwrap()).passages(&article(body))
}

/// The highlighted strings of a passage, cut from the body by character offsets.
fn marked(body: &str, p: &Passage) -> Vec<String> {
    p.highlights
        .iter()
        .map(|h| body.chars().skip(h.start).take(h.end - h.start).collect())
        .collect()
}

#[test]
fn phrase_is_highlighted_not_lone_words() {
    let ps = passages("\"Druzhba oil pipeline\"", BODY);
    assert_eq!(ps.len(), 1);
    assert_eq!(marked(BODY, &ps[0]), ["Druzhba oil pipeline"]);
    assert!(ps[0].text.starts_with("Ukraine's actions"));
    assert_eq!(ps[0].speaker.as_deref(), Some("Dmitry Peskov"));
}

#[test]
fn words_match_stemmed_forms_and_best_sentence_comes_first_in_choice() {
    let ps = passages("Druzhba pipeline", BODY);
    // The two sentences holding both words, plus the best single-word one, in body order.
    let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The pipeline talks stalled.",
            "Ukraine's actions towards the Druzhba oil pipeline are an example of sabotage, Kremlin spokesman Dmitry Peskov said.",
            "Pipelines matter to Druzhba, he said.",
        ]
    );
    assert_eq!(marked(BODY, &ps[1]), ["Druzhba", "pipeline"]);
    assert_eq!(marked(BODY, &ps[2]), ["Pipelines", "Druzhba"]);
    assert_eq!(ps[0].speaker, None);
}

#[test]
fn at_most_three_passages() {
    let body = "Oil one. Oil two. Oil three. Oil four. Oil five.";
    let ps = passages("oil", body);
    assert_eq!(ps.len(), MAX_PASSAGES);
    assert_eq!(
        ps.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
        ["Oil one.", "Oil two.", "Oil three."]
    );
}

#[test]
fn negated_terms_are_never_highlighted() {
    let ps = passages("pipeline -Druzhba", BODY);
    for p in &ps {
        assert!(
            marked(BODY, p)
                .iter()
                .all(|m| m.to_lowercase().starts_with("pipeline")),
            "{p:?}"
        );
    }
}

#[test]
fn offsets_are_characters_with_non_ascii_text() {
    let body = "«Зеленский» said the Дружба pipeline is fine. Ёж.";
    let ps = passages("pipeline", body);
    assert_eq!(ps.len(), 1);
    let h = ps[0].highlights[0];
    assert_eq!((h.start, h.end), (28, 36));
    assert_eq!(
        body.chars()
            .skip(h.start)
            .take(h.end - h.start)
            .collect::<String>(),
        "pipeline"
    );
    assert_eq!((ps[0].start, ps[0].end), (0, 45));
    assert_eq!(ps[0].text, "«Зеленский» said the Дружба pipeline is fine.");
}

#[test]
fn sloppy_phrase_highlights_its_words_only() {
    let ps = passages("\"Druzhba pipeline\"~2", BODY);
    assert_eq!(ps.len(), 1);
    assert_eq!(marked(BODY, &ps[0]), ["Druzhba", "pipeline"]);
    // Too far apart for slop 0.
    let none = passages("\"Druzhba pipeline\"", BODY);
    assert_eq!(none.len(), 1);
    assert!(none[0].highlights.is_empty());
    assert_eq!(none[0].text, "The pipeline talks stalled.");
}

#[test]
fn prefix_highlights_words_that_start_with_it() {
    let ps = passages("pipel*", BODY);
    let all: Vec<String> = ps.iter().flat_map(|p| marked(BODY, p)).collect();
    assert_eq!(all, ["pipeline", "pipeline", "pipeline"]);
}

#[test]
fn title_only_and_filter_fields_fall_back_to_the_lead() {
    let ps = passages("title:Druzhba speaker:Peskov", BODY);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].text, "The pipeline talks stalled.");
    assert!(ps[0].highlights.is_empty());
    assert!(passages("oil", "").is_empty());
}

#[test]
fn long_sentences_are_cut_around_the_match_at_word_bounds() {
    let body = format!("{} Druzhba {}.", "word ".repeat(200), "more ".repeat(200));
    let ps = passages("Druzhba", &body);
    assert_eq!(ps.len(), 1);
    let p = &ps[0];
    assert!(p.text.len() <= MAX_PASSAGE_BYTES, "{}", p.text.len());
    assert!(
        p.text.starts_with("word ") && p.text.ends_with("more"),
        "{:?}",
        p.text
    );
    assert_eq!(marked(&body, p), ["Druzhba"]);
    assert_eq!(
        body.chars()
            .skip(p.start)
            .take(p.end - p.start)
            .collect::<String>(),
        p.text
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the body, passages are slices of it at their character offsets, in body
        /// order, and highlights lie inside their passage.
        #[test]
        fn passages_are_checkable_slices(
            body in "([A-Za-zÉé«» ,.!?\n]|oil|pipeline|Дружба){0,120}",
            query in prop::sample::select(vec!["oil", "\"oil pipeline\"", "pipel*", "oil -pipeline", "\"oil pipeline\"~2", "дружба"]),
        ) {
            let chars: Vec<char> = body.chars().collect();
            let ps = Highlighter::new(&Query::parse(query).unwrap()).passages(&Article { body: body.clone(), ..Article::default() });
            prop_assert!(ps.len() <= MAX_PASSAGES);
            let mut last_end = 0;
            for p in &ps {
                prop_assert!(p.start >= last_end && p.start <= p.end && p.end <= chars.len());
                prop_assert_eq!(chars[p.start..p.end].iter().collect::<String>(), p.text.clone());
                for h in &p.highlights {
                    prop_assert!(h.start >= p.start && h.start < h.end && h.end <= p.end);
                }
                last_end = p.end;
            }
        }
    }
}

#[test]
fn stemming_only_likely_words_finds_what_stemming_every_word_finds() {
    let seed = std::fs::read_to_string("corpus/000_c6af6150e0f5301f.txt").unwrap_or_default();
    // Words whose stems differ from them in odd ways (Porter2's exceptions, folding that
    // lengthens or splits a word), beside a real article.
    let odd = "Dying skies lying tying idly gently ugly early only singly news Ærø œuvre \
               straße ǀxam café naïve generously happiness ponies agreed feed";
    let body = format!("{BODY}\n\n{odd}\n\n{seed}");
    let stem = stem_analyzer();
    let every = tokens(&stem, &body);
    let mut words: Vec<String> = tokens(&exact_analyzer(), &body)
        .into_iter()
        .map(|t| t.text)
        .collect();
    words.sort();
    words.dedup();
    assert!(words.len() > 60, "{} distinct words", words.len());
    for word in &words {
        let h = Highlighter::new(&Query::parse(word).unwrap());
        let ours: Vec<_> = h.find(&body).into_iter().map(|m| m.ranges).collect();
        let Some(Pattern::Stem(stems)) = h.patterns.first() else {
            panic!("{word}: not a stem pattern");
        };
        let mut reference = Vec::new();
        find_sequence(&every, stems, 0, 0, &mut reference);
        let reference: Vec<_> = reference.into_iter().map(|m| m.ranges).collect();
        assert!(!ours.is_empty(), "{word}: no match");
        assert_eq!(ours, reference, "{word}");
    }
}
