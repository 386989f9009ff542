//! Resolution: sources -> the article's distinct speakers and organisations.
//!
//! - A full name joins the speaker with the same [`speaker_key`]; a bare surname joins the most
//!   recent speaker with that surname, else the earliest full name with that surname mentioned
//!   anywhere in the article, else a speaker whose surname is one edit away (at least five
//!   letters, unique, and never a feminine form: `Peskova` is not `Peskov`).
//! - `he`/`she`, `the official`, `the spokesman` join the latest fitting speaker of the last
//!   few sentences, or nothing.
//! - Organisations are kept apart from people; `the ministry` joins the latest organisation
//!   whose name contains `ministry`.

use crate::ingest::names::speaker_key;

/// How far back (in sentences) `he`, `she` and `the official` may reach.
const PRONOUN_REACH: usize = 3;

/// A resolved speaker being built.
#[derive(Clone, Debug)]
pub struct Entity {
    /// Canonical name (fullest form).
    pub name: String,
    /// Key of the canonical name.
    pub key: String,
    /// Surname key.
    pub surname: String,
    /// Other forms seen.
    pub aliases: Vec<String>,
    /// Role, from the first apposition or pre-modifier.
    pub role: Option<String>,
    /// Words in the canonical name.
    pub words: usize,
    /// Last sentence attributed to it.
    pub last: usize,
    /// Known gender (`Some(true)` = female).
    pub female: Option<bool>,
    /// An organisation.
    pub org: bool,
}

/// The speakers of one article.
pub struct Registry<'a> {
    /// The body, searched for full forms of bare surnames.
    body: &'a str,
    /// People and organisations, in order of first statement.
    pub entities: Vec<Entity>,
}

impl<'a> Registry<'a> {
    /// An empty registry for `body`.
    pub fn new(body: &'a str) -> Self {
        Registry {
            body,
            entities: Vec::new(),
        }
    }

    /// Resolves a personal name; returns the entity index. When `new_ok` answers false
    /// (asked only then), a bare word that matches no person named in the article gives
    /// `None`.
    pub fn person(
        &mut self,
        name: &str,
        words: usize,
        role: Option<&str>,
        female: Option<bool>,
        sentence: usize,
        new_ok: impl FnOnce() -> bool,
    ) -> Option<usize> {
        let key = speaker_key(name);
        // The surname key is the full key's last word: no second fold.
        let surname = key.rsplit(' ').next().unwrap_or_default();
        if key.is_empty() {
            return None;
        }
        let idx = if words >= 2 {
            self.find(|e| !e.org && e.key == key)
                .or_else(|| self.find_latest(|e| !e.org && e.surname == surname && e.words == 1))
        } else {
            self.find_latest(|e| !e.org && e.surname == surname)
                .or_else(|| {
                    let full = super::mentions::full_name(self.body, name)?;
                    let full_key = speaker_key(&full);
                    Some(
                        self.find(|e| !e.org && e.key == full_key)
                            .unwrap_or_else(|| {
                                self.push(
                                    &full,
                                    full.split_whitespace().count(),
                                    &full_key,
                                    surname,
                                    female,
                                )
                            }),
                    )
                })
                .or_else(|| self.typo_of(surname))
                .or_else(|| self.by_first_word(&key))
        };
        let idx = match idx {
            Some(i) => i,
            None if words < 2 && !new_ok() => return None,
            None => self.push(name, words, &key, surname, female),
        };
        let e = &mut self.entities[idx];
        if words > e.words && !e.org {
            // A fuller form becomes canonical; the shorter one an alias.
            let old = std::mem::replace(&mut e.name, name.to_string());
            push_alias(&mut e.aliases, &old, &e.name);
            e.key = key;
            e.words = words;
        } else {
            push_alias(&mut e.aliases, name, &e.name);
        }
        if e.role.is_none() {
            e.role = role.map(str::to_string);
        }
        if e.female.is_none() {
            e.female = female;
        }
        e.last = sentence;
        Some(idx)
    }

    /// `he`/`she`: the latest person of fitting gender in the last few sentences.
    pub fn pronoun(&mut self, female: bool, sentence: usize) -> Option<usize> {
        let idx = self.find_latest(|e| {
            !e.org && e.last + PRONOUN_REACH >= sentence && e.female != Some(!female)
        })?;
        self.entities[idx].last = sentence;
        Some(idx)
    }

    /// `the official`: the latest person in the last few sentences, preferring one whose role
    /// names the head noun.
    pub fn description(&mut self, phrase: &str, head: &str, sentence: usize) -> Option<usize> {
        let recent = |e: &Entity| !e.org && e.last + PRONOUN_REACH >= sentence;
        let idx = self
            .find_latest(|e| {
                recent(e)
                    && e.role.as_deref().is_some_and(|r| {
                        r.to_ascii_lowercase().contains(&head.to_ascii_lowercase())
                    })
            })
            .or_else(|| self.find_latest(recent))?;
        let e = &mut self.entities[idx];
        push_alias(&mut e.aliases, &phrase.to_ascii_lowercase(), &e.name);
        e.last = sentence;
        Some(idx)
    }

    /// An organisation; `generic` heads (`ministry`) join a named one containing them.
    pub fn org(&mut self, name: &str, generic: bool, sentence: usize) -> Option<usize> {
        let key = speaker_key(name);
        if key.is_empty() {
            return None;
        }
        let idx = if generic {
            self.find_latest(|e| e.org && e.key.split(' ').any(|w| w == key))
        } else {
            self.find(|e| e.org && e.key == key)
        };
        let idx = idx.unwrap_or_else(|| {
            let surname = key.clone();
            let i = self.push(name, name.split_whitespace().count(), &key, &surname, None);
            self.entities[i].org = true;
            i
        });
        let e = &mut self.entities[idx];
        push_alias(&mut e.aliases, name, &e.name);
        e.last = sentence;
        Some(idx)
    }

    fn push(
        &mut self,
        name: &str,
        words: usize,
        key: &str,
        surname: &str,
        female: Option<bool>,
    ) -> usize {
        self.entities.push(Entity {
            name: name.to_string(),
            key: key.to_string(),
            surname: surname.to_string(),
            aliases: Vec::new(),
            role: None,
            words,
            last: 0,
            female,
            org: false,
        });
        self.entities.len() - 1
    }

    fn find(&self, f: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.entities.iter().position(f)
    }

    fn find_latest(&self, f: impl Fn(&Entity) -> bool) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, e) in self.entities.iter().enumerate() {
            if f(e) && best.is_none_or(|b| self.entities[b].last <= e.last) {
                best = Some(i);
            }
        }
        best
    }

    /// The one two-word speaker whose name starts with `word`: a surname written first
    /// (`Liu` for `Liu Guoqiang`) or a first name (`Hillary`).
    fn by_first_word(&self, word: &str) -> Option<usize> {
        let mut hit = None;
        for (i, e) in self.entities.iter().enumerate() {
            if !e.org && e.words == 2 && e.key.split(' ').next() == Some(word) {
                if hit.is_some() {
                    return None;
                }
                hit = Some(i);
            }
        }
        hit
    }

    /// A unique person whose surname is one edit from `surname` (both at least 5 letters).
    fn typo_of(&self, surname: &str) -> Option<usize> {
        if surname.chars().count() < 5 {
            return None;
        }
        let mut hit = None;
        for (i, e) in self.entities.iter().enumerate() {
            if e.org
                || e.surname.chars().count() < 5
                || !one_edit(&e.surname, surname)
                || feminine_pair(&e.surname, surname)
            {
                continue;
            }
            if hit.is_some() {
                return None;
            }
            hit = Some(i);
        }
        hit
    }
}

fn push_alias(aliases: &mut Vec<String>, alias: &str, canonical: &str) {
    if alias != canonical && !alias.is_empty() && !aliases.iter().any(|a| a == alias) {
        aliases.push(alias.to_string());
    }
}

/// Russian feminine and masculine forms (`peskova`/`peskov`) are different people.
fn feminine_pair(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_suffix('a') == Some(short)
}

/// True when `a` and `b` differ by exactly one insertion, deletion or substitution.
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (s, l) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if l.len() - s.len() > 1 || a == b {
        return false;
    }
    let p = s.iter().zip(l.iter()).take_while(|(x, y)| x == y).count();
    if s.len() == l.len() {
        s[p + 1..] == l[p + 1..]
    } else {
        s[p..] == l[p + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_distance() {
        assert!(one_edit("peskov", "prskov"));
        assert!(one_edit("peskov", "peskv"));
        assert!(one_edit("peskov", "peskovs"));
        assert!(!one_edit("peskov", "peskov"));
        assert!(!one_edit("peskov", "pezkof"));
    }

    #[test]
    fn surname_resolves_to_earliest_full_name() {
        let mut r = Registry::new("Dmitry Peskov met Dmitri Peskov.");
        let i = r.person("Peskov", 1, None, None, 3, || true).unwrap();
        assert_eq!(r.entities[i].name, "Dmitry Peskov");
        assert_eq!(r.entities[i].aliases, ["Peskov"]);
    }

    #[test]
    fn typo_joins_only_unique_non_feminine_speaker() {
        let mut r = Registry::new("");
        let p = r
            .person("Dmitry Peskov", 2, None, None, 0, || true)
            .unwrap();
        assert_eq!(r.person("Prskov", 1, None, None, 1, || true), Some(p));
        assert_eq!(r.person("Peskova", 1, None, None, 2, || false), None);
        let f = r.person("Anna Peskova", 2, None, None, 3, || true).unwrap();
        assert_ne!(f, p);
    }

    #[test]
    fn bare_surname_goes_to_most_recent_namesake() {
        let mut r = Registry::new("");
        let m = r
            .person("Maria Zakharova", 2, None, None, 0, || true)
            .unwrap();
        let a = r
            .person("Anna Zakharova", 2, None, None, 1, || true)
            .unwrap();
        assert_ne!(m, a);
        assert_eq!(r.person("Zakharova", 1, None, None, 2, || true), Some(a));
    }

    #[test]
    fn pronoun_reaches_only_recent_speakers() {
        let mut r = Registry::new("");
        let p = r
            .person("Dmitry Peskov", 2, None, Some(false), 0, || true)
            .unwrap();
        assert_eq!(r.pronoun(true, 1), None);
        assert_eq!(r.pronoun(false, 2), Some(p));
        assert_eq!(r.pronoun(false, 9), None);
    }
}
