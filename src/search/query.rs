//! The query front end: query text -> [`Query`] (an AST), with the limits of issue 6 checked
//! before tantivy sees anything.
//!
//! Grammar (words are ANDed; `AND` may be written; `OR` binds looser than juxtaposition):
//!
//! ```text
//! query   := or
//! or      := and ("OR" and)*
//! and     := unary ("AND"? unary)*
//! unary   := ("NOT" | "-") unary | primary
//! primary := "(" or ")" | field? (WORD | WORD* | "PHRASE" | "PHRASE"~N)
//! field   := title: | body: | speaker: | location: | agency:
//! ```
//!
//! Limits: the text is at most [`MAX_QUERY_BYTES`], nesting (parentheses and negations) at
//! most [`MAX_DEPTH`], and at most [`MAX_TERMS`] words in all. Every error is an
//! [`Error::BadQuery`] with a 1-based column. Analysis (stemming, folding) happens later, with
//! the index's own analyzers, in `build` and `snippet`.

use super::lexer::{QueryField, Tok, Token, lex};
use crate::error::{Error, Result};

/// Longest query text accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 1024;
/// Deepest nesting of parentheses and negations accepted.
pub const MAX_DEPTH: usize = 32;
/// Most words (phrase words included) a query may hold.
pub const MAX_TERMS: usize = 64;

/// A node of the query tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// A word: stemmed, on title and body unless a field is given.
    Word {
        /// `field:` restriction.
        field: Option<QueryField>,
        /// The word as typed.
        text: String,
        /// 1-based column.
        column: usize,
    },
    /// `word*`: any word of the field's dictionary starting with `text` (unstemmed).
    Prefix {
        /// `field:` restriction.
        field: Option<QueryField>,
        /// The prefix as typed, without the star.
        text: String,
        /// 1-based column.
        column: usize,
    },
    /// `"words"~slop`: an exact (unstemmed) phrase.
    Phrase {
        /// `field:` restriction.
        field: Option<QueryField>,
        /// The words as typed.
        text: String,
        /// How many words may stand between (tantivy's slop).
        slop: u32,
        /// 1-based column.
        column: usize,
    },
    /// Every child must match.
    And(Vec<Node>),
    /// At least one child must match.
    Or(Vec<Node>),
    /// The child must not match.
    Not(Box<Node>),
}

/// A parsed query: the text as typed and its tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// The text as typed.
    pub text: String,
    /// The tree.
    pub root: Node,
}

fn bad(reason: impl Into<String>, column: usize) -> Error {
    Error::BadQuery {
        reason: reason.into(),
        column: Some(column),
    }
}

impl Query {
    /// Parses query text, enforcing the limits.
    pub fn parse(text: &str) -> Result<Query> {
        if text.len() > MAX_QUERY_BYTES {
            let column = text
                .char_indices()
                .take_while(|(i, _)| *i < MAX_QUERY_BYTES)
                .count()
                + 1;
            return Err(bad(
                format!(
                    "query is {} bytes long; the limit is {MAX_QUERY_BYTES}",
                    text.len()
                ),
                column,
            ));
        }
        let tokens = lex(text)?;
        if tokens.is_empty() {
            return Err(Error::BadQuery {
                reason: "empty query".into(),
                column: None,
            });
        }
        let mut parser = Parser {
            tokens: &tokens,
            pos: 0,
            end_column: text.chars().count() + 1,
        };
        let root = parser.parse_or(0)?;
        if let Some(t) = parser.peek() {
            // parse_or only stops early at a `)` that no `(` opened.
            return Err(bad(
                "unbalanced parenthesis: this ) has no matching (",
                t.column,
            ));
        }
        check_term_count(&root)?;
        Ok(Query {
            text: text.to_string(),
            root,
        })
    }

    /// True when the query holds an exact phrase (slop 0) outside a negation.
    pub fn has_exact_phrase(&self) -> bool {
        self.positive_leaves()
            .iter()
            .any(|n| matches!(n, Node::Phrase { slop: 0, .. }))
    }

    /// The same query with every exact phrase given `slop`: the "near matches" shown when an
    /// exact phrase finds nothing.
    pub fn relaxed(&self, slop: u32) -> Query {
        fn relax(node: &Node, slop: u32) -> Node {
            match node {
                Node::Phrase {
                    field,
                    text,
                    slop: 0,
                    column,
                } => Node::Phrase {
                    field: *field,
                    text: text.clone(),
                    slop,
                    column: *column,
                },
                Node::And(children) => Node::And(children.iter().map(|c| relax(c, slop)).collect()),
                Node::Or(children) => Node::Or(children.iter().map(|c| relax(c, slop)).collect()),
                other => other.clone(),
            }
        }
        Query {
            text: self.text.clone(),
            root: relax(&self.root, slop),
        }
    }

    /// The leaves (words, prefixes, phrases) outside any negation, in query order: what a hit
    /// can be shown to match.
    pub fn positive_leaves(&self) -> Vec<&Node> {
        fn walk<'a>(node: &'a Node, out: &mut Vec<&'a Node>) {
            match node {
                Node::And(children) | Node::Or(children) => {
                    children.iter().for_each(|c| walk(c, out))
                }
                Node::Not(_) => {}
                leaf => out.push(leaf),
            }
        }
        let mut out = Vec::new();
        walk(&self.root, &mut out);
        out
    }
}

/// Counts words (each word of a phrase counts) and fails past [`MAX_TERMS`].
fn check_term_count(root: &Node) -> Result<()> {
    fn walk(node: &Node, count: &mut usize) -> Result<()> {
        let (words, column) = match node {
            Node::Word { column, .. } | Node::Prefix { column, .. } => (1, *column),
            Node::Phrase { text, column, .. } => (text.split_whitespace().count().max(1), *column),
            Node::And(children) | Node::Or(children) => {
                return children.iter().try_for_each(|c| walk(c, count));
            }
            Node::Not(child) => return walk(child, count),
        };
        *count += words;
        if *count > MAX_TERMS {
            return Err(bad(
                format!("query has more than {MAX_TERMS} words"),
                column,
            ));
        }
        Ok(())
    }
    walk(root, &mut 0)
}

struct Parser<'a> {
    tokens: &'a [Token],
    pos: usize,
    /// Column just past the text, for errors at the end.
    end_column: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<&Token> {
        let t = self.tokens.get(self.pos);
        self.pos += 1;
        t
    }

    /// True when nothing that can start an operand follows (end, `)`, `OR`, `AND`).
    fn operand_missing(&self) -> bool {
        matches!(
            self.peek().map(|t| &t.tok),
            None | Some(Tok::RParen | Tok::Or | Tok::And)
        )
    }

    fn parse_or(&mut self, depth: usize) -> Result<Node> {
        let mut children = vec![self.parse_and(depth)?];
        while let Some(Token {
            tok: Tok::Or,
            column,
        }) = self.peek()
        {
            let column = *column;
            self.pos += 1;
            if self.operand_missing() {
                return Err(bad(
                    "lone operator OR: it needs a term on both sides",
                    column,
                ));
            }
            children.push(self.parse_and(depth)?);
        }
        Ok(if children.len() == 1 {
            children.remove(0)
        } else {
            Node::Or(children)
        })
    }

    fn parse_and(&mut self, depth: usize) -> Result<Node> {
        let mut children = Vec::new();
        loop {
            match self.peek() {
                None
                | Some(Token {
                    tok: Tok::RParen, ..
                }) => break,
                Some(Token {
                    tok: Tok::Or,
                    column,
                }) => {
                    if children.is_empty() {
                        return Err(bad(
                            "lone operator OR: it needs a term on both sides",
                            *column,
                        ));
                    }
                    break;
                }
                Some(Token {
                    tok: Tok::And,
                    column,
                }) => {
                    let column = *column;
                    self.pos += 1;
                    if children.is_empty() || self.operand_missing() {
                        return Err(bad(
                            "lone operator AND: it needs a term on both sides",
                            column,
                        ));
                    }
                }
                Some(_) => children.push(self.parse_unary(depth)?),
            }
        }
        match children.len() {
            0 => Err(match self.peek() {
                Some(t) if depth == 0 => {
                    bad("unbalanced parenthesis: this ) has no matching (", t.column)
                }
                Some(t) => bad("empty parentheses", t.column),
                None => bad("query has nothing to search for", self.end_column),
            }),
            1 => Ok(children.remove(0)),
            _ => Ok(Node::And(children)),
        }
    }

    fn parse_unary(&mut self, depth: usize) -> Result<Node> {
        let Some(token) = self.next().cloned() else {
            return Err(bad("query ends too early", self.end_column));
        };
        if depth >= MAX_DEPTH {
            return Err(bad(
                format!("query nests deeper than {MAX_DEPTH} levels"),
                token.column,
            ));
        }
        match token.tok {
            Tok::Not => {
                if self.operand_missing() {
                    return Err(bad("lone operator NOT: put a term after it", token.column));
                }
                Ok(Node::Not(Box::new(self.parse_unary(depth + 1)?)))
            }
            Tok::LParen => {
                if self.peek().is_none() {
                    return Err(bad(
                        "unbalanced parenthesis: this ( is never closed",
                        token.column,
                    ));
                }
                let inner = self.parse_or(depth + 1)?;
                match self.next() {
                    Some(Token {
                        tok: Tok::RParen, ..
                    }) => Ok(inner),
                    _ => Err(bad(
                        "unbalanced parenthesis: this ( is never closed",
                        token.column,
                    )),
                }
            }
            Tok::Field(field) => match self.next().cloned() {
                Some(t) => leaf(t, Some(field)),
                None => Err(bad(
                    format!("expected a word or \"phrase\" after {}:", field.name()),
                    token.column,
                )),
            },
            Tok::RParen => Err(bad(
                "unbalanced parenthesis: this ) has no matching (",
                token.column,
            )),
            _ => leaf(token, None),
        }
    }
}

fn leaf(token: Token, field: Option<QueryField>) -> Result<Node> {
    let column = token.column;
    match token.tok {
        Tok::Word(text) => Ok(Node::Word {
            field,
            text,
            column,
        }),
        Tok::Prefix(text) => Ok(Node::Prefix {
            field,
            text,
            column,
        }),
        Tok::Phrase { text, slop } => Ok(Node::Phrase {
            field,
            text,
            slop,
            column,
        }),
        Tok::Or | Tok::And | Tok::Not => Err(bad("lone operator: put a term after it", column)),
        _ => Err(bad("expected a word or \"phrase\"", column)),
    }
}

#[cfg(test)]
mod tests;
