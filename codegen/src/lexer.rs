//! Splits `.x` text into tokens.
//!
//! `/** ... */` comments are kept as [`Tok::Doc`] tokens because libvirt puts
//! procedure annotations in them. Other comments (`/* */`, `//`) and `%`
//! pass-through lines (C code for rpcgen's output) are skipped.

use crate::error::{Error, Location};

/// One token and the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub line: u32,
}

/// The kinds of token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// An identifier or keyword.
    Ident(String),
    /// An unsigned integer literal: its value and its text as written.
    Number(i128, String),
    /// One of `{ } ( ) [ ] < > ; , = * : -`.
    Punct(char),
    /// The text between `/**` and `*/`.
    Doc(String),
}

impl Tok {
    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Number(_, text) => format!("`{text}`"),
            Tok::Punct(c) => format!("`{c}`"),
            Tok::Doc(_) => "a doc comment".to_owned(),
        }
    }
}

const PUNCT: &[u8] = b"{}()[]<>;,=*:-";

/// Tokenizes `src`; `file` names it in errors.
pub fn lex(file: &str, src: &str) -> Result<Vec<Token>, Error> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut line = 1u32;
    let mut at_line_start = true;
    let err = |line: u32, message: String| Error::syntax(Location::new(file, line), message);

    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\n' {
            line += 1;
            i += 1;
            at_line_start = true;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b'%' && at_line_start {
            // A pass-through line: everything up to the newline.
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        at_line_start = false;
        if bytes[i..].starts_with(b"//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if bytes[i..].starts_with(b"/*") {
            let start_line = line;
            let Some(len) = src[i + 2..].find("*/") else {
                return Err(err(start_line, "unterminated comment".to_owned()));
            };
            let body = &src[i + 2..i + 2 + len];
            line += body.matches('\n').count() as u32;
            i += 2 + len + 2;
            // `/**/` is an empty ordinary comment, not a doc comment.
            if let Some(doc) = body.strip_prefix('*').filter(|_| body != "*") {
                tokens.push(Token {
                    tok: Tok::Doc(doc.to_owned()),
                    line: start_line,
                });
            }
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            tokens.push(Token {
                tok: Tok::Ident(src[start..i].to_owned()),
                line,
            });
            continue;
        }
        if c.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let text = &src[start..i];
            let value =
                parse_number(text).ok_or_else(|| err(line, format!("invalid number `{text}`")))?;
            tokens.push(Token {
                tok: Tok::Number(value, text.to_owned()),
                line,
            });
            continue;
        }
        if PUNCT.contains(&c) {
            tokens.push(Token {
                tok: Tok::Punct(c as char),
                line,
            });
            i += 1;
            continue;
        }
        let ch = src[i..].chars().next().unwrap_or('?');
        return Err(err(line, format!("unexpected character `{ch}`")));
    }
    Ok(tokens)
}

/// Decimal, `0x` hexadecimal or `0`-prefixed octal, as in C.
fn parse_number(text: &str) -> Option<i128> {
    let (digits, radix) =
        if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            (hex, 16)
        } else if text.len() > 1 && text.starts_with('0') {
            (&text[1..], 8)
        } else {
            (text, 10)
        };
    if digits.is_empty() || digits.len() > 20 {
        return None;
    }
    i128::from_str_radix(digits, radix).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        lex("t.x", src)
            .unwrap()
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn numbers_in_all_bases() {
        assert_eq!(
            toks("10 0x1F 010 0"),
            vec![
                Tok::Number(10, "10".into()),
                Tok::Number(31, "0x1F".into()),
                Tok::Number(8, "010".into()),
                Tok::Number(0, "0".into()),
            ]
        );
        assert!(lex("t.x", "09").is_err());
        assert!(lex("t.x", "0x").is_err());
    }

    #[test]
    fn comments_and_passthrough() {
        let src = "%#include <x.h>\n/* plain */ a /** doc\n * @x: 1 */ b /**/ c // tail\n%d\n";
        let tokens = lex("t.x", src).unwrap();
        let kinds: Vec<_> = tokens.iter().map(|t| (t.tok.clone(), t.line)).collect();
        assert_eq!(
            kinds,
            vec![
                (Tok::Ident("a".into()), 2),
                (Tok::Doc(" doc\n * @x: 1 ".into()), 2),
                (Tok::Ident("b".into()), 3),
                (Tok::Ident("c".into()), 3),
            ]
        );
    }

    #[test]
    fn errors_carry_the_line() {
        let e = lex("t.x", "a\nb\n  $").unwrap_err();
        assert_eq!(e.to_string(), "t.x:3: unexpected character `$`");
        let e = lex("t.x", "a\n/* open").unwrap_err();
        assert_eq!(e.to_string(), "t.x:2: unterminated comment");
    }
}
