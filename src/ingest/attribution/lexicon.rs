//! Small fixed word lists: speech cues (a sorted slice behind a one-bit pre-filter, since
//! every word of a body is checked against them), and `match` statements for titles and
//! roles, organisation heads, capitalised function words, places and calendar words, which are
//! only consulted next to a cue.

/// How a speech verb takes its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// `said`, `says`, `added`...: source on the left (`Peskov said`) or, inverted, on the
    /// right (`, said Peskov`).
    Verb,
    /// `told`: like `Verb`, but never inverted (`told Peskov` names the listener).
    Told,
    /// `according` (followed by `to`): source on the right.
    According,
}

/// Speech cues, sorted for binary search.
const CUES: &[(&str, Cue)] = &[
    ("according", Cue::According),
    ("accused", Cue::Verb),
    ("acknowledged", Cue::Verb),
    ("acknowledges", Cue::Verb),
    ("added", Cue::Verb),
    ("adds", Cue::Verb),
    ("admitted", Cue::Verb),
    ("agreed", Cue::Verb),
    ("alleged", Cue::Verb),
    ("announced", Cue::Verb),
    ("announces", Cue::Verb),
    ("answered", Cue::Verb),
    ("argued", Cue::Verb),
    ("argues", Cue::Verb),
    ("asked", Cue::Verb),
    ("asserted", Cue::Verb),
    ("asserts", Cue::Verb),
    ("boasted", Cue::Verb),
    ("called", Cue::Verb),
    ("cautioned", Cue::Verb),
    ("claimed", Cue::Verb),
    ("claims", Cue::Verb),
    ("clarified", Cue::Verb),
    ("commented", Cue::Verb),
    ("complained", Cue::Verb),
    ("conceded", Cue::Verb),
    ("concedes", Cue::Verb),
    ("concluded", Cue::Verb),
    ("confirmed", Cue::Verb),
    ("contended", Cue::Verb),
    ("continued", Cue::Verb),
    ("countered", Cue::Verb),
    ("criticised", Cue::Verb),
    ("criticized", Cue::Verb),
    ("declared", Cue::Verb),
    ("declares", Cue::Verb),
    ("demanded", Cue::Verb),
    ("denied", Cue::Verb),
    ("disclosed", Cue::Verb),
    ("elaborated", Cue::Verb),
    ("emphasised", Cue::Verb),
    ("emphasized", Cue::Verb),
    ("exclaimed", Cue::Verb),
    ("explained", Cue::Verb),
    ("explains", Cue::Verb),
    ("hinted", Cue::Verb),
    ("indicated", Cue::Verb),
    ("insisted", Cue::Verb),
    ("insists", Cue::Verb),
    ("joked", Cue::Verb),
    ("lamented", Cue::Verb),
    ("maintained", Cue::Verb),
    ("mused", Cue::Verb),
    ("noted", Cue::Verb),
    ("notes", Cue::Verb),
    ("objected", Cue::Verb),
    ("observed", Cue::Verb),
    ("pledged", Cue::Verb),
    ("pointed", Cue::Verb),
    ("posted", Cue::Verb),
    ("predicted", Cue::Verb),
    ("predicts", Cue::Verb),
    ("promised", Cue::Verb),
    ("proposed", Cue::Verb),
    ("questioned", Cue::Verb),
    ("quipped", Cue::Verb),
    ("recalled", Cue::Verb),
    ("recommended", Cue::Verb),
    ("recounted", Cue::Verb),
    ("reiterated", Cue::Verb),
    ("remarked", Cue::Verb),
    ("repeated", Cue::Verb),
    ("replied", Cue::Verb),
    ("replies", Cue::Verb),
    ("reported", Cue::Verb),
    ("responded", Cue::Verb),
    ("retorted", Cue::Verb),
    ("revealed", Cue::Verb),
    ("said", Cue::Verb),
    ("say", Cue::Verb),
    ("says", Cue::Verb),
    ("shouted", Cue::Verb),
    ("signaled", Cue::Verb),
    ("signalled", Cue::Verb),
    ("stated", Cue::Verb),
    ("states", Cue::Verb),
    ("stressed", Cue::Verb),
    ("stresses", Cue::Verb),
    ("suggested", Cue::Verb),
    ("suggests", Cue::Verb),
    ("tells", Cue::Told),
    ("testified", Cue::Verb),
    ("told", Cue::Told),
    ("tweeted", Cue::Verb),
    ("tweets", Cue::Verb),
    ("underlined", Cue::Verb),
    ("underscored", Cue::Verb),
    ("urged", Cue::Verb),
    ("urges", Cue::Verb),
    ("vowed", Cue::Verb),
    ("warned", Cue::Verb),
    ("warns", Cue::Verb),
    ("wondered", Cue::Verb),
    ("writes", Cue::Verb),
    ("wrote", Cue::Verb),
];

/// Bloom-style filter over (length, first letter, last letter) of the cues: rejects almost
/// every ordinary word with one bit test before any string comparison.
const CUE_FILTER: [u64; 138] = {
    let mut bits = [0u64; 138];
    let mut i = 0;
    while i < CUES.len() {
        let w = CUES[i].0.as_bytes();
        let k = filter_key(w.len(), w[0], w[w.len() - 1]);
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

#[inline]
const fn filter_key(len: usize, first: u8, last: u8) -> usize {
    (len - 3) * 676 + (first - b'a') as usize * 26 + (last - b'a') as usize
}

/// The filter's verdict for a lower-case word of `len` bytes from `first` to `last`: false
/// means certainly not a cue.
#[inline]
pub fn may_be_cue(len: usize, first: u8, last: u8) -> bool {
    let k = filter_key(len, first, last);
    k / 64 < CUE_FILTER.len() && CUE_FILTER[k / 64] & (1 << (k % 64)) != 0
}

/// The cue a lower-case word is, if any.
#[inline]
pub fn cue(w: &str) -> Option<Cue> {
    let b = w.as_bytes();
    if !(3..=15).contains(&b.len())
        || !b[0].is_ascii_lowercase()
        || !b[b.len() - 1].is_ascii_lowercase()
    {
        return None;
    }
    let k = filter_key(b.len(), b[0], b[b.len() - 1]);
    if k / 64 >= CUE_FILTER.len() || CUE_FILTER[k / 64] & (1 << (k % 64)) == 0 {
        return None;
    }
    // Cues sharing the filter key are few (one or two): find them by the integer key, then
    // compare those strings only, instead of a string binary search over every cue.
    let by_key = cues_by_key();
    let from = by_key.partition_point(|&(kk, _, _)| (kk as usize) < k);
    by_key[from..]
        .iter()
        .take_while(|&&(kk, _, _)| kk as usize == k)
        .find(|&&(_, c, _)| c == w)
        .map(|&(_, _, cue)| cue)
}

/// [`CUES`] ordered by filter key, built once.
fn cues_by_key() -> &'static [(u16, &'static str, Cue)] {
    static BY_KEY: std::sync::OnceLock<Vec<(u16, &'static str, Cue)>> = std::sync::OnceLock::new();
    BY_KEY.get_or_init(|| {
        let mut v: Vec<(u16, &'static str, Cue)> = CUES
            .iter()
            .map(|&(w, c)| {
                let b = w.as_bytes();
                // Keys stay below 138 * 64 (the filter's size), so they fit in a u16.
                (filter_key(b.len(), b[0], b[b.len() - 1]) as u16, w, c)
            })
            .collect();
        v.sort_by_key(|&(k, w, _)| (k, w));
        v
    })
}

/// Words between a subject and its cue that do not change who speaks (`Peskov also said`).
pub fn is_cue_modifier(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "earlier"
            | "then"
            | "previously"
            | "further"
            | "again"
            | "repeatedly"
            | "recently"
            | "once"
            | "has"
            | "have"
            | "had"
            | "would"
            | "will"
            | "reportedly"
            | "publicly"
            | "privately"
            | "separately"
            | "finally"
            | "simply"
            | "flatly"
            | "just"
            | "quickly"
            | "bluntly"
            | "frankly"
            | "firmly"
            | "angrily"
            | "openly"
            | "subsequently"
            | "himself"
            | "herself"
            | "first"
            | "last"
            | "often"
            | "frequently"
            | "already"
            | "initially"
            | "originally"
            | "additionally"
            | "similarly"
            | "likewise"
            | "even"
    )
}

/// Negations: `Peskov did not say` attributes nothing.
pub fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "never" | "n't" | "didn't" | "won't" | "wouldn't" | "declined" | "refused"
    )
}

/// Titles and roles that may sit inside a capitalised name chunk (`Foreign Minister Sergei
/// Lavrov`, `Sen. Bernie Sanders`) or before it in lower case (`Kremlin spokesman`). Compared
/// in lower case.
pub fn is_title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "gov"
            | "governor"
            | "gen"
            | "prof"
            | "professor"
            | "rev"
            | "reverend"
            | "sir"
            | "dame"
            | "lord"
            | "president"
            | "vice"
            | "minister"
            | "premier"
            | "chancellor"
            | "secretary"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "spokesmen"
            | "mayor"
            | "judge"
            | "justice"
            | "col"
            | "colonel"
            | "lt"
            | "lieutenant"
            | "capt"
            | "captain"
            | "sgt"
            | "sergeant"
            | "adm"
            | "admiral"
            | "ambassador"
            | "envoy"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "chief"
            | "director"
            | "head"
            | "leader"
            | "speaker"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "emir"
            | "sheikh"
            | "ayatollah"
            | "attorney"
            | "commissioner"
            | "deputy"
            | "executive"
            | "officer"
            | "ceo"
            | "cfo"
            | "coo"
            | "founder"
            | "candidate"
            | "nominee"
            | "congressman"
            | "congresswoman"
            | "councilman"
            | "councilwoman"
            | "assemblyman"
            | "assemblywoman"
            | "lawmaker"
            | "economist"
            | "analyst"
            | "strategist"
            | "adviser"
            | "advisor"
            | "aide"
            | "manager"
            | "official"
            | "officials"
            | "diplomat"
            | "correspondent"
            | "reporter"
            | "editor"
            | "columnist"
            | "host"
            | "anchor"
            | "commander"
            | "marshal"
            | "maj"
            | "gens"
            | "sens"
            | "reps"
            | "messrs"
            | "treasurer"
            | "governor-elect"
            | "president-elect"
            | "mp"
            | "mep"
            | "legislator"
            | "lawyer"
            | "attorney-general"
            | "prosecutor"
            | "professor-emeritus"
            | "dean"
            | "partner"
            | "trader"
            | "strategists"
            | "analysts"
            | "economists"
            | "coach"
            | "senior"
            | "press"
            | "communications"
            | "campaign"
            | "ex"
            | "former"
            | "acting"
            | "interim"
            | "then"
            | "first"
            | "lady"
            | "prime"
            | "justice-minister"
            | "presidential"
            | "deputy-head"
    ) || is_portfolio_word(w)
}

/// Role nouns: a title word that can head a description (`the official said`).
pub fn is_role_noun(w: &str) -> bool {
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "minister"
            | "president"
            | "secretary"
            | "senator"
            | "governor"
            | "chancellor"
            | "premier"
            | "mayor"
            | "ambassador"
            | "envoy"
            | "chairman"
            | "chairwoman"
            | "chief"
            | "director"
            | "head"
            | "leader"
            | "diplomat"
            | "candidate"
            | "nominee"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "economist"
            | "analyst"
            | "strategist"
            | "adviser"
            | "advisor"
            | "aide"
            | "manager"
            | "executive"
            | "commander"
            | "general"
            | "judge"
            | "lawyer"
            | "attorney"
            | "prosecutor"
            | "businessman"
            | "businesswoman"
            | "billionaire"
            | "mogul"
            | "congressional"
            | "politician"
            | "representative"
            | "commissioner"
            | "founder"
            | "officer"
            | "ceo"
            | "activist"
            | "professor"
            | "expert"
            | "researcher"
            | "scientist"
            | "author"
            | "writer"
            | "host"
            | "pastor"
            | "priest"
            | "rabbi"
            | "imam"
            | "bishop"
            | "cardinal"
            | "king"
            | "queen"
            | "prince"
            | "emir"
            | "sheikh"
            | "speaker"
            | "deputy"
            | "negotiator"
            | "pollster"
            | "consultant"
            | "operative"
            | "surrogate"
            | "veteran"
            | "student"
            | "resident"
            | "witness"
            | "father"
            | "mother"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "friend"
            | "colleague"
            | "rival"
            | "challenger"
            | "incumbent"
            | "counterpart"
            | "opponent"
            | "founder-ceo"
            | "owner"
            | "partner"
            | "trader"
            | "broker"
            | "banker"
            | "investor"
            | "chair"
            | "boss"
            | "manager-general"
            | "star"
            | "actor"
            | "actress"
            | "singer"
            | "journalist"
            | "reporter"
            | "editor"
            | "columnist"
            | "anchor"
            | "correspondent"
            | "producer"
            | "organizer"
            | "organiser"
            | "volunteer"
            | "donor"
            | "fundraiser"
            | "treasurer"
            | "staffer"
            | "assistant"
            | "associate"
            | "fellow"
            | "member"
            | "legislator"
            | "mp"
            | "delegate"
            | "superdelegate"
            | "voter"
            | "supporter"
            | "president-elect"
            | "governor-elect"
            | "frontrunner"
            | "front-runner"
            | "hopeful"
            | "contender"
            | "protester"
            | "demonstrator"
            | "coach"
            | "player"
            | "attorney-general"
            | "co-founder"
            | "cofounder"
            | "co-host"
            | "co-chair"
            | "co-chairman"
            | "constituent"
            | "chairperson"
            | "secretary-general"
            | "undersecretary"
            | "vice-president"
            | "superintendent"
            | "sheriff"
            | "hacker"
            | "commentator"
            | "pundit"
            | "blogger"
    )
}

/// Heads that make a capitalised chunk an organisation (`White House`, `State Department`,
/// `Gazprom Neft`), compared in lower case.
pub fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "kremlin"
            | "house"
            | "department"
            | "ministry"
            | "office"
            | "agency"
            | "council"
            | "committee"
            | "commission"
            | "party"
            | "government"
            | "administration"
            | "company"
            | "corporation"
            | "corp"
            | "inc"
            | "co"
            | "ltd"
            | "llc"
            | "plc"
            | "group"
            | "bank"
            | "fund"
            | "union"
            | "association"
            | "institute"
            | "foundation"
            | "university"
            | "college"
            | "school"
            | "center"
            | "centre"
            | "court"
            | "congress"
            | "senate"
            | "parliament"
            | "duma"
            | "assembly"
            | "cabinet"
            | "campaign"
            | "times"
            | "post"
            | "news"
            | "journal"
            | "press"
            | "network"
            | "media"
            | "tribune"
            | "herald"
            | "gazette"
            | "telegraph"
            | "guardian"
            | "reuters"
            | "bloomberg"
            | "xinhua"
            | "tass"
            | "sputnik"
            | "interfax"
            | "novosti"
            | "army"
            | "navy"
            | "police"
            | "service"
            | "services"
            | "board"
            | "bureau"
            | "authority"
            | "authorities"
            | "organization"
            | "organisation"
            | "federation"
            | "republic"
            | "kingdom"
            | "states"
            | "nations"
            | "airlines"
            | "airways"
            | "motors"
            | "holdings"
            | "holding"
            | "energy"
            | "oil"
            | "gas"
            | "capital"
            | "partners"
            | "securities"
            | "exchange"
            | "reserve"
            | "treasury"
            | "pentagon"
            | "embassy"
            | "consulate"
            | "mission"
            | "magazine"
            | "daily"
            | "weekly"
            | "radio"
            | "television"
            | "tv"
            | "channel"
            | "broadcasting"
            | "review"
            | "report"
            | "research"
            | "poll"
            | "survey"
            | "index"
            | "alliance"
            | "coalition"
            | "front"
            | "movement"
            | "forces"
            | "force"
            | "command"
            | "guard"
            | "club"
            | "league"
            | "team"
            | "church"
            | "council's"
            | "staff"
            | "brigade"
            | "regime"
            | "secretariat"
            | "ministries"
            | "court's"
            | "commission's"
            | "tribunal"
            | "directorate"
            | "inspectorate"
            | "prosecutor's"
            | "prosecutors"
            | "investigators"
            | "industries"
            | "technologies"
            | "systems"
            | "pharmaceuticals"
            | "international"
            | "global"
            | "worldwide"
            | "trust"
            | "community"
            | "republicans"
            | "democrats"
            | "gop"
            | "dnc"
            | "rnc"
            | "pac"
            | "caucus"
            | "chamber"
            | "cnn"
            | "msnbc"
            | "fox"
            | "nbc"
            | "abc"
            | "cbs"
            | "bbc"
            | "npr"
            | "pbs"
            | "politico"
            | "breitbart"
            | "huffpost"
            | "facebook"
            | "twitter"
            | "google"
            | "apple"
            | "microsoft"
            | "amazon"
            | "group's"
            | "website"
            | "site"
            | "blog"
            | "statement"
            | "spokesman's"
            | "website's"
            | "nato"
            | "un"
            | "eu"
            | "opec"
            | "imf"
            | "who"
            | "fbi"
            | "cia"
            | "isis"
            | "isil"
            | "taliban"
            | "hamas"
            | "hezbollah"
            | "state"
            | "city"
            | "county"
            | "town"
            | "region"
            | "province"
            | "district"
            | "village"
            | "airport"
            | "watch"
            | "journalism"
            | "insider"
            | "rising"
            | "world"
            | "united"
            | "promotions"
            | "belt"
            | "protection"
            | "central"
            | "today"
            | "sciences"
            | "publishing"
            | "books"
            | "records"
            | "pictures"
            | "studios"
            | "entertainment"
            | "labs"
            | "institution"
            | "prevention"
            | "control"
            | "development"
            | "economics"
            | "analytics"
            | "consulting"
            | "advisers"
            | "advisors"
            | "strategies"
            | "solutions"
    )
}

/// Lower-case nouns that make `the X said` an organisation (`the ministry said`).
pub fn is_org_noun(w: &str) -> bool {
    matches!(
        w,
        "kremlin"
            | "ministry"
            | "department"
            | "government"
            | "administration"
            | "company"
            | "firm"
            | "bank"
            | "agency"
            | "committee"
            | "commission"
            | "council"
            | "office"
            | "embassy"
            | "campaign"
            | "party"
            | "court"
            | "group"
            | "organization"
            | "organisation"
            | "union"
            | "army"
            | "military"
            | "police"
            | "service"
            | "board"
            | "bureau"
            | "authority"
            | "regulator"
            | "watchdog"
            | "exchange"
            | "fund"
            | "alliance"
            | "coalition"
            | "cabinet"
            | "parliament"
            | "senate"
            | "legislature"
            | "statement"
            | "report"
            | "newspaper"
            | "broadcaster"
            | "network"
            | "channel"
            | "website"
            | "insurer"
            | "lender"
            | "carrier"
            | "airline"
            | "automaker"
            | "retailer"
            | "producer"
            | "operator"
            | "utility"
            | "mission"
            | "secretariat"
            | "prosecutor's"
            | "ministry's"
            | "team"
            | "club"
            | "movement"
            | "organizers"
            | "regime"
            | "white"
            | "pentagon"
            | "treasury"
            | "university"
            | "institute"
            | "foundation"
            | "association"
            | "federation"
    )
}

/// Capitalised words that start sentences or clauses but never names.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "For"
            | "Of"
            | "To"
            | "From"
            | "With"
            | "By"
            | "As"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "Because"
            | "Although"
            | "Though"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "Its"
            | "However"
            | "Meanwhile"
            | "Also"
            | "Still"
            | "Now"
            | "Then"
            | "Asked"
            | "Speaking"
            | "Earlier"
            | "Later"
            | "Last"
            | "Next"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Additionally"
            | "Moreover"
            | "Furthermore"
            | "Instead"
            | "Indeed"
            | "Even"
            | "Just"
            | "Only"
            | "Both"
            | "Each"
            | "Every"
            | "All"
            | "Some"
            | "Many"
            | "Most"
            | "Several"
            | "No"
            | "Not"
            | "Nor"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Which"
            | "Whether"
            | "Under"
            | "Over"
            | "About"
            | "Against"
            | "During"
            | "Despite"
            | "Until"
            | "Unlike"
            | "Like"
            | "Among"
            | "Between"
            | "Through"
            | "Without"
            | "Within"
            | "Amid"
            | "Regarding"
            | "According"
            | "Citing"
            | "Commenting"
            | "Responding"
            | "Referring"
            | "Answering"
            | "Separately"
            | "Similarly"
            | "Likewise"
            | "Overall"
            | "Again"
            | "Once"
            | "Thus"
            | "Otherwise"
            | "Nevertheless"
            | "Nonetheless"
            | "Finally"
            | "First"
            | "Second"
            | "Third"
            | "Please"
            | "Yes"
            | "Well"
            | "Oh"
            | "Sure"
            | "Please,"
            | "Ms"
            | "Mr"
            | "Mrs"
            | "Dr"
            | "Said"
            | "Says"
            | "Told"
            | "Added"
            | "Democrat"
            | "Republican"
            | "Democrats"
            | "Republicans"
            | "Americans"
            | "Russians"
            | "Ukrainians"
            | "Chinese"
            | "God"
            | "OK"
            | "Okay"
            | "Thanks"
            | "Having"
            | "Whenever"
            | "Outside"
            | "Being"
            | "Given"
            | "Following"
            | "Upon"
            | "Inside"
            | "Beyond"
            | "Democratic"
            | "Soviet"
            | "Southern"
            | "Northern"
            | "Eastern"
            | "Western"
            | "Southeastern"
            | "Southwestern"
            | "Northeastern"
            | "Northwestern"
            | "Midwestern"
            | "Federal"
            | "Conservative"
            | "Liberal"
            | "Progressive"
            | "Socialist"
            | "Communist"
            | "Muslim"
            | "Christian"
            | "Jewish"
            | "Catholic"
            | "Islamic"
            | "Arab"
            | "European"
            | "Asian"
            | "African"
            | "Latino"
            | "Hispanic"
            | "Thank"
    )
}

/// Name particles allowed in lower case between capitalised words (`Ursula von der Leyen`).
pub fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "al"
            | "la"
            | "le"
            | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "dos"
            | "das"
            | "do"
            | "ibn"
            | "ter"
            | "ten"
            | "el"
            | "y"
    )
}

/// Determiners that open a description (`the official`, `a spokesman`).
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "a"
            | "A"
            | "an"
            | "An"
            | "its"
            | "Its"
            | "their"
            | "Their"
            | "his"
            | "His"
            | "her"
            | "Her"
    )
}

/// Weekday number (Monday = 0) of a capitalised weekday name.
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "Monday" => 0,
        "Tuesday" => 1,
        "Wednesday" => 2,
        "Thursday" => 3,
        "Friday" => 4,
        "Saturday" => 5,
        "Sunday" => 6,
        _ => return None,
    })
}

/// Month number of a capitalised month name or abbreviation.
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "January" | "Jan" => 1,
        "February" | "Feb" => 2,
        "March" | "Mar" => 3,
        "April" | "Apr" => 4,
        "May" => 5,
        "June" | "Jun" => 6,
        "July" | "Jul" => 7,
        "August" | "Aug" => 8,
        "September" | "Sept" | "Sep" => 9,
        "October" | "Oct" => 10,
        "November" | "Nov" => 11,
        "December" | "Dec" => 12,
        _ => return None,
    })
}

/// Places that stand for their governments or people (`Russia said`, `Ohio voted`): never a
/// person, an organisation when quoted.
pub fn is_place(name: &str) -> bool {
    matches!(
        name,
        "Alabama"
            | "Alaska"
            | "Arizona"
            | "Arkansas"
            | "California"
            | "Colorado"
            | "Connecticut"
            | "Delaware"
            | "Florida"
            | "Georgia"
            | "Hawaii"
            | "Idaho"
            | "Illinois"
            | "Indiana"
            | "Iowa"
            | "Kansas"
            | "Kentucky"
            | "Louisiana"
            | "Maine"
            | "Maryland"
            | "Massachusetts"
            | "Michigan"
            | "Minnesota"
            | "Mississippi"
            | "Missouri"
            | "Montana"
            | "Nebraska"
            | "Nevada"
            | "New Hampshire"
            | "New Jersey"
            | "New Mexico"
            | "New York"
            | "North Carolina"
            | "North Dakota"
            | "Ohio"
            | "Oklahoma"
            | "Oregon"
            | "Pennsylvania"
            | "Rhode Island"
            | "South Carolina"
            | "South Dakota"
            | "Tennessee"
            | "Texas"
            | "Utah"
            | "Vermont"
            | "Virginia"
            | "Washington"
            | "West Virginia"
            | "Wisconsin"
            | "Wyoming"
            | "America"
            | "Russia"
            | "China"
            | "Ukraine"
            | "Moscow"
            | "Beijing"
            | "Kyiv"
            | "Kiev"
            | "Iran"
            | "Israel"
            | "Turkey"
            | "Germany"
            | "France"
            | "Britain"
            | "Japan"
            | "India"
            | "Mexico"
            | "Canada"
            | "Syria"
            | "Iraq"
            | "Egypt"
            | "Brussels"
            | "London"
            | "Paris"
            | "Berlin"
            | "Tokyo"
            | "Tehran"
            | "Ankara"
            | "Minsk"
            | "Belarus"
            | "Poland"
            | "Hungary"
            | "Slovakia"
            | "Budapest"
            | "Bratislava"
            | "Warsaw"
            | "Seoul"
            | "Pyongyang"
            | "Taiwan"
            | "Taipei"
            | "Europe"
            | "Asia"
            | "Africa"
            | "Cuba"
            | "Venezuela"
            | "Brazil"
            | "Italy"
            | "Spain"
            | "Greece"
            | "Saudi Arabia"
            | "Riyadh"
            | "Qatar"
            | "Pakistan"
            | "Afghanistan"
            | "Kabul"
            | "Libya"
            | "Lebanon"
            | "Jordan"
            | "Yemen"
            | "Sudan"
            | "Nigeria"
            | "Kenya"
            | "Ethiopia"
            | "Australia"
            | "Indonesia"
            | "Vietnam"
            | "Thailand"
            | "Philippines"
            | "Malaysia"
            | "Singapore"
            | "Georgia's"
            | "Armenia"
            | "Azerbaijan"
            | "Kazakhstan"
            | "Uzbekistan"
            | "Serbia"
            | "Kosovo"
            | "Hollywood"
            | "Wall Street"
            | "Silicon Valley"
            | "Capitol Hill"
            | "Baghdad"
            | "Damascus"
            | "Jerusalem"
            | "Gaza"
            | "Crimea"
            | "Donbas"
            | "Donbass"
            | "Tbilisi"
            | "Havana"
            | "Caracas"
            | "Chicago"
            | "Los Angeles"
            | "Boston"
            | "Miami"
            | "Philadelphia"
            | "Cleveland"
            | "Detroit"
            | "Houston"
            | "Dallas"
            | "Atlanta"
            | "Denver"
            | "Seattle"
            | "Phoenix"
            | "Sacramento"
            | "Columbus"
    )
}

/// Words naming a government portfolio: titles before a person (`Economy Minister X`) but part
/// of the name before an organisation word (`the Economy Ministry`, `the State Department`).
pub fn is_portfolio_word(w: &str) -> bool {
    matches!(
        w,
        "foreign"
            | "defense"
            | "defence"
            | "finance"
            | "interior"
            | "state"
            | "trade"
            | "economy"
            | "energy"
            | "health"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_table_is_sorted_and_every_cue_passes_the_filter() {
        assert!(CUES.windows(2).all(|w| w[0].0 < w[1].0));
        for (w, c) in CUES {
            assert_eq!(cue(w), Some(*c), "{w}");
        }
        for w in [
            "the",
            "sai",
            "saidx",
            // Same length and end letters as `said` and `wrote`: the key alone is not enough.
            "sand",
            "write",
            "Said",
            "",
            "x",
            "according-to",
            "élan",
        ] {
            assert_eq!(cue(w), None, "{w}");
        }
        assert_eq!(cue("told"), Some(Cue::Told));
        assert_eq!(cue("according"), Some(Cue::According));
    }
}
