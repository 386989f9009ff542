//! The query lexer: query text -> tokens with 1-based character columns.
//!
//! It knows quotes (`"phrase"`, `"phrase"~N`), parentheses, the operators `OR`, `AND`, `NOT`
//! and a leading `-`, `field:` prefixes and trailing `*`. It rejects what can never be a valid
//! query (control characters, an unclosed quote, an unknown field, a bare `*`) with a column, so
//! the parser only deals with structure. It does not analyse words: that is the index's
//! analyzers' job, applied when the query is built.

use crate::error::{Error, Result};

/// A field a query term can be restricted to with `field:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QueryField {
    /// `title:` (stemmed words, exact phrases).
    Title,
    /// `body:` (stemmed words, exact phrases).
    Body,
    /// `speaker:` (names and folded speaker keys).
    Speaker,
    /// `location:` (dateline place).
    Location,
    /// `agency:` (news agency).
    Agency,
}

impl QueryField {
    /// The name the user types.
    pub fn name(self) -> &'static str {
        match self {
            QueryField::Title => "title",
            QueryField::Body => "body",
            QueryField::Speaker => "speaker",
            QueryField::Location => "location",
            QueryField::Agency => "agency",
        }
    }

    fn from_name(name: &str) -> Option<QueryField> {
        match name {
            "title" => Some(QueryField::Title),
            "body" => Some(QueryField::Body),
            "speaker" => Some(QueryField::Speaker),
            "location" => Some(QueryField::Location),
            "agency" => Some(QueryField::Agency),
            _ => None,
        }
    }
}

/// Largest slop `"..."~N` accepts; more is a different query (words anywhere), not a phrase.
pub const MAX_SLOP: u32 = 64;
/// Shortest prefix `word*` accepts, so one letter cannot expand to a dictionary's worth.
pub const MIN_PREFIX_CHARS: usize = 2;

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// A bare word.
    Word(String),
    /// `word*` (the text without the star).
    Prefix(String),
    /// `"words"` or `"words"~N`.
    Phrase {
        /// The text between the quotes.
        text: String,
        /// N of `~N`, 0 without.
        slop: u32,
    },
    /// `field:` directly before a word, prefix or phrase.
    Field(QueryField),
    /// `(`.
    LParen,
    /// `)`.
    RParen,
    /// `OR`.
    Or,
    /// `AND` (the default between words; accepted and ignored).
    And,
    /// `NOT`, or `-` glued to what it negates.
    Not,
}

/// A token and the 1-based character column where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// 1-based character column.
    pub column: usize,
}

fn bad(reason: impl Into<String>, column: usize) -> Error {
    Error::BadQuery {
        reason: reason.into(),
        column: Some(column),
    }
}

/// True for characters that end a bare word.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || c == '"'
}

/// Splits `text` into tokens.
pub fn lex(text: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    if let Some(i) = chars
        .iter()
        .position(|c| c.is_control() && !c.is_whitespace())
    {
        return Err(bad(
            format!("control character U+{:04X} is not allowed", chars[i] as u32),
            i + 1,
        ));
    }
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let push = |tokens: &mut Vec<Token>, tok| tokens.push(Token { tok, column });
        match c {
            '(' => {
                push(&mut tokens, Tok::LParen);
                i += 1;
            }
            ')' => {
                push(&mut tokens, Tok::RParen);
                i += 1;
            }
            '"' => {
                let (tok, next) = lex_phrase(&chars, i)?;
                push(&mut tokens, tok);
                i = next;
            }
            '-' => {
                if chars
                    .get(i + 1)
                    .is_none_or(|n| n.is_whitespace() || *n == ')')
                {
                    return Err(bad(
                        "lone operator -: put it right before a word, as in -word",
                        column,
                    ));
                }
                push(&mut tokens, Tok::Not);
                i += 1;
            }
            _ => i = lex_word(&chars, i, &mut tokens)?,
        }
    }
    Ok(tokens)
}

/// Lexes `"..."` (and a following `~N`) starting at the quote `start`; returns the token and
/// the index after it.
fn lex_phrase(chars: &[char], start: usize) -> Result<(Tok, usize)> {
    let close = chars[start + 1..]
        .iter()
        .position(|&c| c == '"')
        .map(|p| start + 1 + p)
        .ok_or_else(|| bad("unbalanced quote: this \" is never closed", start + 1))?;
    let text: String = chars[start + 1..close].iter().collect();
    if text.trim().is_empty() {
        return Err(bad("empty phrase \"\"", start + 1));
    }
    let mut next = close + 1;
    let mut slop = 0;
    if chars.get(next) == Some(&'~') {
        let digits: String = chars[next + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if digits.is_empty() {
            return Err(bad(
                "expected a number after ~, as in \"oil pipeline\"~3",
                next + 1,
            ));
        }
        slop = match digits.parse::<u32>() {
            Ok(n) if n <= MAX_SLOP => n,
            _ => {
                return Err(bad(
                    format!("slop ~{digits} is too large; the limit is {MAX_SLOP}"),
                    next + 1,
                ));
            }
        };
        next += 1 + digits.chars().count();
    }
    if chars.get(next).is_some_and(|c| !ends_word(*c)) {
        return Err(bad("expected a space after the closing quote", next + 1));
    }
    Ok((Tok::Phrase { text, slop }, next))
}

/// Lexes a bare word (or `field:`, `word*`, `OR`, `AND`, `NOT`) starting at `start`; pushes
/// its token(s) and returns the index after it.
fn lex_word(chars: &[char], start: usize, tokens: &mut Vec<Token>) -> Result<usize> {
    let mut end = start;
    while end < chars.len() && !ends_word(chars[end]) {
        if chars[end] == ':'
            && end > start
            && chars[start..end].iter().all(|c| c.is_ascii_alphabetic())
        {
            let name: String = chars[start..end].iter().collect();
            let Some(field) = QueryField::from_name(&name) else {
                return Err(bad(
                    format!(
                        "unknown field {name}; fields are title, body, speaker, location, agency"
                    ),
                    start + 1,
                ));
            };
            let after = end + 1;
            match chars.get(after) {
                Some(c) if !c.is_whitespace() && *c != '(' && *c != ')' && *c != '-' => {}
                _ => {
                    return Err(bad(
                        format!("expected a word or \"phrase\" after {name}:"),
                        start + 1,
                    ));
                }
            }
            tokens.push(Token {
                tok: Tok::Field(field),
                column: start + 1,
            });
            return Ok(after);
        }
        end += 1;
    }
    let word: String = chars[start..end].iter().collect();
    let column = start + 1;
    let tok = match word.as_str() {
        "OR" => Tok::Or,
        "AND" => Tok::And,
        "NOT" => Tok::Not,
        _ => match word.find('*') {
            None => Tok::Word(word),
            Some(star) if star + 1 == word.len() => {
                let stem = &word[..star];
                if stem.chars().count() < MIN_PREFIX_CHARS {
                    return Err(bad(
                        format!(
                            "prefix {word} is too short: give at least {MIN_PREFIX_CHARS} letters before *"
                        ),
                        column,
                    ));
                }
                Tok::Prefix(stem.to_string())
            }
            Some(star) => {
                return Err(bad(
                    "* is only allowed at the end of a word",
                    column + word[..star].chars().count(),
                ));
            }
        },
    };
    tokens.push(Token { tok, column });
    Ok(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        lex(text).unwrap().into_iter().map(|t| t.tok).collect()
    }

    fn err(text: &str) -> String {
        lex(text).unwrap_err().to_string()
    }

    #[test]
    fn lexes_words_phrases_operators_and_fields() {
        assert_eq!(
            toks(r#"title:"oil pipeline"~2 OR -gas NOT (Peskov* AND x)"#),
            vec![
                Tok::Field(QueryField::Title),
                Tok::Phrase {
                    text: "oil pipeline".into(),
                    slop: 2
                },
                Tok::Or,
                Tok::Not,
                Tok::Word("gas".into()),
                Tok::Not,
                Tok::LParen,
                Tok::Prefix("Peskov".into()),
                Tok::And,
                Tok::Word("x".into()),
                Tok::RParen,
            ]
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let tokens = lex("Zelenskyy’s «Kyiv» foo").unwrap();
        assert_eq!(
            tokens.iter().map(|t| t.column).collect::<Vec<_>>(),
            [1, 13, 20]
        );
    }

    #[test]
    fn hyphen_inside_a_word_is_not_an_operator() {
        assert_eq!(toks("Itar-Tass"), vec![Tok::Word("Itar-Tass".into())]);
        assert_eq!(toks("10:30"), vec![Tok::Word("10:30".into())]);
    }

    #[test]
    fn rejects_bad_input_with_columns() {
        assert_eq!(
            err("oil \"pipe"),
            "bad query: unbalanced quote: this \" is never closed (at column 5)"
        );
        assert_eq!(
            err("foo:bar"),
            "bad query: unknown field foo; fields are title, body, speaker, location, agency (at column 1)"
        );
        assert_eq!(
            err("title:*"),
            "bad query: prefix * is too short: give at least 2 letters before * (at column 7)"
        );
        assert_eq!(
            err("a*b"),
            "bad query: * is only allowed at the end of a word (at column 2)"
        );
        assert_eq!(
            err("oil \u{7}"),
            "bad query: control character U+0007 is not allowed (at column 5)"
        );
        assert_eq!(
            err("oil - gas"),
            "bad query: lone operator -: put it right before a word, as in -word (at column 5)"
        );
        assert_eq!(
            err("title: oil"),
            "bad query: expected a word or \"phrase\" after title: (at column 1)"
        );
        assert_eq!(err("\"\""), "bad query: empty phrase \"\" (at column 1)");
        assert_eq!(
            err("\"a b\"~"),
            "bad query: expected a number after ~, as in \"oil pipeline\"~3 (at column 6)"
        );
        assert_eq!(
            err("\"a b\"~999"),
            "bad query: slop ~999 is too large; the limit is 64 (at column 6)"
        );
        assert_eq!(
            err("\"a b\"x"),
            "bad query: expected a space after the closing quote (at column 6)"
        );
    }
}
