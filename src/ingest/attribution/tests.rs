//! Behaviour of [`attribute`] on whole bodies: the seed article's acceptance criteria, each
//! attribution pattern of issue 3, and safety on hostile input.

use chrono::NaiveDate;

use super::*;
use crate::article::QuoteKind;

/// The seed story's body (`corpus/000_c6af6150e0f5301f.txt` after the dateline), as the
/// ingester hands it over: one paragraph per line, joined by blank lines.
const SEED: &str = concat!(
    "The United States still prefers to fully link the negotiation track on the settlement in Ukraine with the one on economic cooperation with Russia, Kremlin spokesman Dmitry Peskov said on Thursday.\n\n",
    "\"No, it does not mean that. As before, the American side prefers to fully link these two [tracks],\" Peskov told reporters, commenting on whether contacts on economic issues with the United States mean that this track has been separated from the issue of settlement in Ukraine.\n\n",
    "The summit between Russia and Ukraine should finalize all the work, Peskov said.\n\n",
    "\"Listen, if we talk about the summit, it should finalize the results of the work. It should finalize all the work and put an end to it,\" Peskov told reporters, adding that Russia's position on Ukraine is consistent and does not change.\n\n",
    "The working process on the Ukrainian settlement continues, and Moscow hears very mixed statements from Ukrainian representatives, the official said.\n\n",
    "When asked if the nuclear rhetoric will be discussed at a new round of negotiations on Ukraine, the official said that such an issue cannot be ignored.\n\n",
    "\"Everyone is continuing their work, including the American negotiators, the American side, to whom we are very grateful for continuing these efforts,\" Peskov said.\n\n",
    "Additionally, the spokesman said that trying to determine the stage of a settlement in Ukraine now or making predictions would be the biggest mistake.\n\n",
    "Kirill Dmitriev, head of the Russian Direct Investment Fund (RDIF) and Russian special presidential envoy for economic cooperation with foreign countries, continues contacts with Washington in the framework of the working group on economic issues, Peskov also said.\n\n",
    "\"Dmitriev continues to work on the economic track. He has various contacts,\" Prskov told reporters, adding that he cannot say for sure now whether he is currently in Geneva.\n\n",
    "Unfriendly countries provoke tensions around Belarus, but measures are being taken within the framework of the Union State to ensure security, Peskov said.\n\n",
    "\"Belarus has an obviously unfriendly environment and there are actions aimed at provoking tension around Belarus ... Our Belarusian friends and allies are taking appropriate measures to ensure their own security, as well as these measures are being taken within the framework of the Union State,\" Peskov told reporters.\n\n",
    "Ukraine's actions towards the Druzhba oil pipeline are an example of sabotage, Kremlin spokesman Dmitry Peskov said on Thursday.\n\n",
    "\"We can all see a completely understandable and consistent position of Budapest and Bratislava, which defend their economic interests. And we see sabotage by the Kiev regime,\" Peskov told reporters, commenting on the situation around the Druzhba oil pipeline.",
);

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Checks the invariants every result must hold: offsets inside the body, `text` equal to
/// the body's characters at those offsets, quote counts matching.
fn check_invariants(body: &str, a: &Attribution) {
    let chars: Vec<char> = body.chars().collect();
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= chars.len(), "{q:?}");
        let s: String = chars[q.start..q.end].iter().collect();
        assert_eq!(s, q.text);
        assert!(
            a.speakers
                .iter()
                .chain(&a.organisations)
                .any(|s| s.name == q.speaker),
            "{q:?}"
        );
    }
    for s in a.speakers.iter().chain(&a.organisations) {
        assert_eq!(
            a.quotes.iter().filter(|q| q.speaker == s.name).count(),
            s.quotes,
            "{s:?}"
        );
        assert_eq!(s.key, crate::ingest::names::speaker_key(&s.name));
    }
}

fn speakers(a: &Attribution) -> Vec<&str> {
    a.speakers.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn seed_has_one_speaker_holding_every_quote() {
    let a = attribute(SEED, Some(ymd(2026, 2, 26)));
    check_invariants(SEED, &a);
    assert_eq!(speakers(&a), ["Dmitry Peskov"]);
    assert!(a.organisations.is_empty());
    let p = &a.speakers[0];
    assert_eq!(p.role.as_deref(), Some("Kremlin spokesman"));
    for alias in ["Peskov", "Prskov", "the official", "the spokesman"] {
        assert!(
            p.aliases.iter().any(|a| a == alias),
            "missing alias {alias}: {:?}",
            p.aliases
        );
    }
    // 14 attributing sentences, 6 of them direct, plus the two `adding that` clauses.
    let direct = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .count();
    assert_eq!(direct, 6);
    assert_eq!(a.quotes.len(), 16);
    assert_eq!(p.quotes, 16);
    assert!(
        a.quotes
            .iter()
            .all(|q| q.speaker == "Dmitry Peskov" && q.speaker_key == "dmitry peskov")
    );
}

#[test]
fn seed_kirill_dmitriev_is_not_a_speaker() {
    let a = attribute(SEED, Some(ymd(2026, 2, 26)));
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Kirill Dmitriev"))
        .expect("the Dmitriev sentence is a quote");
    assert_eq!(q.speaker, "Dmitry Peskov");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert!(q.text.ends_with("economic issues"), "{}", q.text);
}

#[test]
fn seed_quotes_have_exact_text_and_dates() {
    let a = attribute(SEED, Some(ymd(2026, 2, 26)));
    let first = &a.quotes[0];
    assert_eq!(first.kind, QuoteKind::Indirect);
    assert_eq!(first.start, 0);
    assert!(first.text.ends_with("economic cooperation with Russia"));
    assert_eq!(first.said_on, Some(ymd(2026, 2, 26)));
    let second = &a.quotes[1];
    assert_eq!(second.kind, QuoteKind::Direct);
    assert_eq!(
        second.text,
        "No, it does not mean that. As before, the American side prefers to fully link these two [tracks]"
    );
    assert_eq!(second.said_on, None);
    let asked = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("such an issue"))
        .expect("`said that` clause");
    assert_eq!(asked.text, "such an issue cannot be ignored");
    let adding = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Russia's position"))
        .expect("`adding that` clause");
    assert_eq!(
        adding.text,
        "Russia's position on Ukraine is consistent and does not change"
    );
}

#[test]
fn surname_resolves_to_full_name() {
    let body = "Talks will go on, Foreign Minister Sergei Lavrov said.\n\nThe West is to blame, Lavrov added.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Sergei Lavrov"]);
    assert_eq!(a.speakers[0].role.as_deref(), Some("Foreign Minister"));
    assert_eq!(a.speakers[0].aliases, ["Lavrov"]);
    assert_eq!(a.quotes[1].text, "The West is to blame");
}

#[test]
fn surname_reaches_full_name_only_mentioned() {
    let body =
        "Maria Zakharova met the press in Moscow on Monday.\n\nThe talks failed, Zakharova said.";
    let a = attribute(body, None);
    assert_eq!(speakers(&a), ["Maria Zakharova"]);
}

#[test]
fn typo_joins_speaker_one_edit_away() {
    let body = "Prices will rise, Dmitry Peskov said.\n\n\"We are ready,\" Prskov told reporters.";
    let a = attribute(body, None);
    assert_eq!(speakers(&a), ["Dmitry Peskov"]);
    assert_eq!(a.speakers[0].aliases, ["Prskov"]);
    assert_eq!(a.speakers[0].quotes, 2);
}

#[test]
fn feminine_form_stays_apart() {
    let body = "The deal is off, Dmitry Peskov said.\n\nThe deal is on, Yelizaveta Peskova said.\n\nShe is right about everything, Peskova added.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Dmitry Peskov", "Yelizaveta Peskova"]);
    assert_eq!(a.speakers[1].quotes, 2);
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let body = "The talks failed, Maria Zakharova said.\n\nThe talks went well, Anna Zakharova said.\n\nNothing else is new here, Zakharova added.";
    let a = attribute(body, None);
    assert_eq!(speakers(&a), ["Maria Zakharova", "Anna Zakharova"]);
    assert_eq!(a.quotes[2].speaker, "Anna Zakharova");
}

#[test]
fn according_to_is_indirect() {
    let body = "According to Kremlin spokesman Dmitry Peskov, the summit is off.\n\nPrices will rise sharply, according to Peskov.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Dmitry Peskov"]);
    assert_eq!(a.speakers[0].role.as_deref(), Some("Kremlin spokesman"));
    let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["the summit is off", "Prices will rise sharply"]);
    assert!(a.quotes.iter().all(|q| q.kind == QuoteKind::Indirect));
}

#[test]
fn inverted_said_peskov() {
    let body = "“The summit is off,” said Dmitry Peskov, the Kremlin spokesman.\n\nThe talks will resume next week, said Peskov.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Dmitry Peskov"]);
    assert_eq!(a.speakers[0].role.as_deref(), Some("Kremlin spokesman"));
    assert_eq!(a.quotes[0].kind, QuoteKind::Direct);
    assert_eq!(a.quotes[0].text, "The summit is off");
    assert_eq!(a.quotes[1].kind, QuoteKind::Indirect);
    assert_eq!(a.quotes[1].text, "The talks will resume next week");
}

#[test]
fn quote_over_two_paragraphs() {
    let body =
        "Peskov’s colleague Sergei Ryabkov said: “We will not wait.\n\n“Nobody will,” he said.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Sergei Ryabkov"]);
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].text, "We will not wait.\n\n“Nobody will");
    assert_eq!(a.quotes[0].kind, QuoteKind::Direct);
}

#[test]
fn colon_paragraph_introduces_next_quote() {
    let body = "Sergei Ryabkov told reporters:\n\n«Nobody will wait for them.»";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].speaker, "Sergei Ryabkov");
    assert_eq!(a.quotes[0].text, "Nobody will wait for them.");
}

#[test]
fn organisation_speaker() {
    let body = "The Kremlin said the talks were over.\n\nGazprom Neft Group said in a statement that supplies would stop.\n\nThe ministry said nothing would change soon.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert!(a.speakers.is_empty(), "{:?}", a.speakers);
    let orgs: Vec<&str> = a.organisations.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(orgs, ["Kremlin", "Gazprom Neft Group", "ministry"]);
    assert_eq!(a.quotes[1].text, "supplies would stop");
}

#[test]
fn portfolio_word_stays_in_the_ministry_name() {
    let body = "Flows were cut, the Economy Ministry said.\n\nThe Foreign Ministry said talks would go on.\n\nThe supply is safe, Energy Minister Anna Kovacs said.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    let orgs: Vec<&str> = a.organisations.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(orgs, ["Economy Ministry", "Foreign Ministry"]);
    assert_eq!(a.speakers.len(), 1);
    assert_eq!(a.speakers[0].name, "Anna Kovacs");
    assert_eq!(a.speakers[0].role.as_deref(), Some("Energy Minister"));
}

#[test]
fn pronoun_resolves_to_recent_speaker() {
    let body =
        "\"We are ready,\" Sergei Lavrov said. He said the West was to blame for the crisis.";
    let a = attribute(body, None);
    assert_eq!(speakers(&a), ["Sergei Lavrov"]);
    assert_eq!(a.quotes.len(), 2);
    assert_eq!(a.quotes[1].text, "the West was to blame for the crisis");
}

#[test]
fn unnamed_and_mentioned_people_are_not_speakers() {
    let body = "A spokesman for Donald Trump said the rally was cancelled.\n\nOfficials say Joe Biden will visit Kyiv soon. Trump's campaign said it would appeal the ruling.";
    let a = attribute(body, None);
    assert!(a.speakers.is_empty(), "{:?}", a.speakers);
}

#[test]
fn negated_cue_attributes_nothing() {
    let body = "Dmitry Peskov did not say whether the summit would take place.";
    assert!(attribute(body, None).quotes.is_empty());
}

#[test]
fn said_on_thursday_resolves_from_publication() {
    let body = "The talks are over, Dmitry Peskov said on Tuesday.\n\nThe deal is done, Peskov told reporters on Feb. 20.";
    let a = attribute(body, Some(ymd(2026, 2, 26)));
    assert_eq!(a.quotes[0].said_on, Some(ymd(2026, 2, 24)));
    assert_eq!(a.quotes[1].said_on, Some(ymd(2026, 2, 20)));
    let none = attribute(body, None);
    assert_eq!(none.quotes[0].said_on, None);
}

#[test]
fn offsets_count_characters_not_bytes() {
    let body = "Ёлки — «Всё хорошо», said José Müller. “Ça va,” Müller said.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["José Müller"]);
    assert_eq!(a.quotes[1].text, "Ça va");
}

#[test]
fn hostile_input_never_panics() {
    let nasty = [
        "",
        "\"",
        "\"\"\"\"",
        "“",
        "”,” said",
        "said",
        "according to",
        "\n\n\n\n",
        "😀😀 said 😀. “😀,” Peskov said.",
        "\"Unbalanced, Peskov said.\n\n\"Still open",
        "«»«»«",
        ", said Peskov",
        "Mr. said: \"",
        "He said. She said. They said: \"",
        "\u{0}\u{1}said\u{7f} Peskov’s",
        "A. B. C. D. said E. F.",
        "(((( said )))) Peskov (",
        "é",
        "said the",
        "according to the",
    ];
    for s in nasty {
        let a = attribute(s, Some(ymd(2026, 2, 26)));
        check_invariants(s, &a);
    }
}

#[test]
fn apposition_with_its_own_commas() {
    let body = "Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said he had enough work.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Paul Porter"]);
    assert_eq!(a.quotes[0].text, "he had enough work");
}

#[test]
fn name_between_commas_after_a_role() {
    let body = "A longtime JNF official, Howard Ingram, said the group gave Trump its award.";
    let a = attribute(body, None);
    assert_eq!(speakers(&a), ["Howard Ingram"]);
}

#[test]
fn interjection_after_apposition() {
    let body =
        "Brian Murphy, the chairman of the county party, for example, said Trump hurt his cause.";
    let a = attribute(body, None);
    assert_eq!(speakers(&a), ["Brian Murphy"]);
    assert_eq!(
        a.speakers[0].role.as_deref(),
        Some("chairman of the county party")
    );
}

#[test]
fn places_groups_and_publications_are_not_people() {
    let body = "Russia said the talks had failed.\n\nCritics said the plan was far too weak.\n\nVoters in New Hampshire said they were still undecided.\n\nTrust is falling fast, according to Gallup.\n\nThe Israeli newspaper Haaretz noted that the meeting was cancelled.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert!(a.speakers.is_empty(), "{:?}", a.speakers);
    let orgs: Vec<&str> = a.organisations.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(orgs, ["Russia", "Gallup", "Haaretz"]);
}

#[test]
fn doubled_apostrophes_quote_directly() {
    let body = "''I cannot support him,'' said Senator Mark S. Kirk, Republican of Illinois.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Mark S. Kirk"]);
    assert_eq!(a.quotes[0].kind, QuoteKind::Direct);
    assert_eq!(a.quotes[0].text, "I cannot support him");
}

#[test]
fn no_break_space_ends_a_sentence() {
    let body = "It was over.\u{a0}On Monday, Cruz constituent\u{a0}Dan Golvach told reporters the matter was closed.";
    let a = attribute(body, Some(ymd(2026, 2, 26)));
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Dan Golvach"]);
    assert_eq!(a.quotes[0].text, "the matter was closed");
    assert_eq!(a.quotes[0].said_on, Some(ymd(2026, 2, 23)));
}

#[test]
fn inverted_pronoun_needs_the_sentence_end() {
    // `said he would` is reported speech of someone else, never `he` as an inverted source.
    let body = "\"We are ready,\" Sergei Lavrov said.\n\nOfficials, when asked, said he would go.";
    let a = attribute(body, None);
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
}

#[test]
fn description_between_quote_and_source() {
    let body = "“Values should trump interests,” the Zionist Union Party’s Nachman Shai told the AP.\n\n\"It is far from heartwarming,\" columnist Ai Jun wrote in the Global Times.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Nachman Shai", "Ai Jun"]);
    assert!(a.quotes.iter().all(|q| q.kind == QuoteKind::Direct));
}

#[test]
fn person_of_an_organisation() {
    let body = "\"It is a stretch,\" Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote in December.\n\nThe ruling was wrong, House Speaker Paul Ryan of Wisconsin said.";
    let a = attribute(body, None);
    assert_eq!(speakers(&a), ["Jeffrey Lewis", "Paul Ryan"]);
    assert_eq!(a.speakers[1].role.as_deref(), Some("House Speaker"));
}

#[test]
fn month_names_can_be_surnames() {
    let body = "The talks have failed, Theresa May said.";
    assert_eq!(speakers(&attribute(body, None)), ["Theresa May"]);
}

#[test]
fn plural_possessive_apposition() {
    let body =
        "Tad Devine, Sanders' senior media adviser, said Republicans are engaged in mischief.";
    let a = attribute(body, None);
    assert_eq!(speakers(&a), ["Tad Devine"]);
    assert_eq!(
        a.speakers[0].role.as_deref(),
        Some("Sanders' senior media adviser")
    );
}

#[test]
fn coordinated_sources_both_speak() {
    let body = "\"Clinton may be indicted,\" Edward-Isaac Dovere and Gabriel Debenedetti wrote.\n\nVoters in Ohio and New Hampshire said the race was close.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Gabriel Debenedetti", "Edward-Isaac Dovere"]);
    assert_eq!(a.quotes.len(), 2);
    assert!(a.quotes.iter().all(|q| q.text == "Clinton may be indicted"));
}

#[test]
fn speaker_labels_attribute_what_follows() {
    let body = "JAKE TAPPER: Donald Trump released a video on Friday.\n\nPollsters agree - Carl Bialik: “Keep on contacting voters.”\n\nNote: the figures are rounded.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Jake Tapper", "Carl Bialik"]);
    assert_eq!(a.quotes[0].text, "Donald Trump released a video on Friday");
    assert_eq!(a.quotes[1].kind, QuoteKind::Direct);
}

#[test]
fn bare_word_needs_a_full_name_or_an_honorific() {
    let body = "Sales rose sharply in the quarter, Caterpillar said.\n\n\"We do not pay candidates,\" Zucker said. Mr. Zucker left early.";
    let a = attribute(body, None);
    check_invariants(body, &a);
    assert_eq!(speakers(&a), ["Zucker"]);
    assert_eq!(a.quotes.len(), 1);
}

#[test]
fn honorific_answers_are_remembered_per_name() {
    let body = "Zucker said no. Mr. Zucker left. Acme said yes.";
    let mut h = super::Honorifics::default();
    assert!(h.check(body, "Zucker"));
    assert!(!h.check(body, "Acme"));
    assert!(h.check(body, "Zucker"));
    assert_eq!(h.0.len(), 2);
}

mod recall;
mod recall_bare;
mod recall_clauses;
mod recall_naming;
mod recall_subject;
