//! Recursive-descent parser for the XDR language (RFC 4506 section 6) as
//! libvirt's `.x` files use it: `const`, `typedef`, `enum`, `struct` and
//! `union` definitions. `program` blocks and inline (anonymous) type
//! definitions are refused with an error.

use crate::ast::*;
use crate::error::{Error, Location};
use crate::lexer::{Tok, Token};

/// Words that cannot name anything.
const KEYWORDS: &[&str] = &[
    "bool",
    "case",
    "char",
    "const",
    "default",
    "double",
    "enum",
    "float",
    "hyper",
    "int",
    "long",
    "opaque",
    "program",
    "quadruple",
    "short",
    "string",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "version",
    "void",
];

/// Parses the tokens of `file`.
pub fn parse(file: &str, tokens: &[Token]) -> Result<File, Error> {
    let mut parser = Parser {
        file,
        tokens,
        pos: 0,
    };
    let mut definitions = Vec::new();
    while parser.peek().is_some() {
        definitions.push(parser.definition()?);
    }
    Ok(File { definitions })
}

struct Parser<'a> {
    file: &'a str,
    tokens: &'a [Token],
    pos: usize,
}

impl Parser<'_> {
    /// Skips doc comments and returns the text of the last one skipped.
    fn take_doc(&mut self) -> Option<String> {
        let mut doc = None;
        while let Some(Token {
            tok: Tok::Doc(text),
            ..
        }) = self.tokens.get(self.pos)
        {
            doc = Some(text.clone());
            self.pos += 1;
        }
        doc
    }

    /// The next token that is not a doc comment.
    fn peek(&mut self) -> Option<&Token> {
        self.take_doc();
        self.tokens.get(self.pos)
    }

    /// The line of the next token, or of the last one at the end of input.
    fn line(&mut self) -> u32 {
        match self.peek() {
            Some(t) => t.line,
            None => self.tokens.last().map_or(1, |t| t.line),
        }
    }

    fn error(&mut self, message: impl Into<String>) -> Error {
        let line = self.line();
        Error::syntax(Location::new(self.file, line), message)
    }

    fn unexpected(&mut self, expected: &str) -> Error {
        let found = match self.peek() {
            Some(t) => t.tok.describe(),
            None => "the end of the file".to_owned(),
        };
        self.error(format!("expected {expected}, found {found}"))
    }

    fn at_punct(&mut self, c: char) -> bool {
        matches!(self.peek(), Some(Token { tok: Tok::Punct(p), .. }) if *p == c)
    }

    fn at_word(&mut self, word: &str) -> bool {
        matches!(self.peek(), Some(Token { tok: Tok::Ident(w), .. }) if w == word)
    }

    fn eat_punct(&mut self, c: char) -> bool {
        let found = self.at_punct(c);
        if found {
            self.pos += 1;
        }
        found
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let found = self.at_word(word);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect_punct(&mut self, c: char) -> Result<(), Error> {
        if self.eat_punct(c) {
            Ok(())
        } else {
            Err(self.unexpected(&format!("`{c}`")))
        }
    }

    fn expect_word(&mut self, word: &str) -> Result<(), Error> {
        if self.eat_word(word) {
            Ok(())
        } else {
            Err(self.unexpected(&format!("`{word}`")))
        }
    }

    /// An identifier that is not a keyword.
    fn name(&mut self) -> Result<String, Error> {
        match self.peek() {
            Some(Token {
                tok: Tok::Ident(w), ..
            }) if !KEYWORDS.contains(&w.as_str()) => {
                let w = w.clone();
                self.pos += 1;
                Ok(w)
            }
            _ => Err(self.unexpected("a name")),
        }
    }

    /// A number (optionally negative) or a constant name.
    fn value(&mut self) -> Result<Value, Error> {
        let negative = self.eat_punct('-');
        match self.peek().map(|t| t.tok.clone()) {
            Some(Tok::Number(value, text)) => {
                self.pos += 1;
                Ok(if negative {
                    Value::Literal {
                        value: -value,
                        text: format!("-{text}"),
                    }
                } else {
                    Value::Literal { value, text }
                })
            }
            Some(Tok::Ident(_)) if !negative => Ok(Value::Name(self.name()?)),
            _ => Err(self.unexpected("a number or a constant name")),
        }
    }

    fn definition(&mut self) -> Result<Definition, Error> {
        let line = self.line();
        let definition = if self.eat_word("const") {
            let name = self.name()?;
            self.expect_punct('=')?;
            let value = self.value()?;
            Definition::Const(ConstDef { name, value, line })
        } else if self.eat_word("typedef") {
            let decl = self.declaration()?;
            if decl.kind == DeclKind::Void {
                return Err(Error::syntax(
                    Location::new(self.file, line),
                    "a typedef cannot be void",
                ));
            }
            Definition::Typedef(TypedefDef { decl, line })
        } else if self.eat_word("enum") {
            Definition::Enum(self.enum_body(line)?)
        } else if self.eat_word("struct") {
            Definition::Struct(self.struct_body(line)?)
        } else if self.eat_word("union") {
            Definition::Union(self.union_body(line)?)
        } else if self.at_word("program") {
            return Err(self.error("`program` definitions are not supported"));
        } else {
            return Err(self.unexpected("`const`, `typedef`, `enum`, `struct` or `union`"));
        };
        self.expect_punct(';')?;
        Ok(definition)
    }

    fn enum_body(&mut self, line: u32) -> Result<EnumDef, Error> {
        let name = self.name()?;
        self.expect_punct('{')?;
        let mut members = Vec::new();
        loop {
            let doc = self.take_doc();
            if self.at_punct('}') && !members.is_empty() {
                break;
            }
            let line = self.line();
            let name = self.name()?;
            let value = if self.eat_punct('=') {
                Some(self.value()?)
            } else {
                None
            };
            members.push(EnumMember {
                name,
                value,
                doc,
                line,
            });
            if !self.eat_punct(',') {
                break;
            }
        }
        self.expect_punct('}')?;
        Ok(EnumDef {
            name,
            members,
            line,
        })
    }

    fn struct_body(&mut self, line: u32) -> Result<StructDef, Error> {
        let name = self.name()?;
        self.expect_punct('{')?;
        let mut fields = Vec::new();
        while !self.at_punct('}') {
            let decl = self.declaration()?;
            if decl.kind == DeclKind::Void {
                return Err(Error::syntax(
                    Location::new(self.file, decl.line),
                    "a struct field cannot be void",
                ));
            }
            fields.push(decl);
            self.expect_punct(';')?;
        }
        if fields.is_empty() {
            return Err(self.error(format!("struct {name} has no fields")));
        }
        self.expect_punct('}')?;
        Ok(StructDef { name, fields, line })
    }

    fn union_body(&mut self, line: u32) -> Result<UnionDef, Error> {
        let name = self.name()?;
        self.expect_word("switch")?;
        self.expect_punct('(')?;
        let discriminant = self.declaration()?;
        self.expect_punct(')')?;
        self.expect_punct('{')?;
        let mut arms = Vec::new();
        let mut default = None;
        loop {
            if self.at_word("case") {
                let mut labels = Vec::new();
                while self.eat_word("case") {
                    let line = self.line();
                    let value = self.value()?;
                    labels.push(CaseLabel { value, line });
                    self.expect_punct(':')?;
                }
                let decl = self.declaration()?;
                self.expect_punct(';')?;
                arms.push(UnionArm { labels, decl });
            } else if self.at_word("default") {
                if default.is_some() {
                    return Err(self.error(format!("union {name} has two `default` arms")));
                }
                self.pos += 1;
                self.expect_punct(':')?;
                default = Some(self.declaration()?);
                self.expect_punct(';')?;
            } else {
                break;
            }
        }
        if arms.is_empty() {
            return Err(self.unexpected("`case`"));
        }
        self.expect_punct('}')?;
        Ok(UnionDef {
            name,
            discriminant,
            arms,
            default,
            line,
        })
    }

    fn declaration(&mut self) -> Result<Decl, Error> {
        let line = self.line();
        if self.eat_word("void") {
            return Ok(Decl {
                kind: DeclKind::Void,
                line,
            });
        }
        let ty = self.type_spec()?;
        let optional = self.eat_punct('*');
        let name = self.name()?;
        let form = if optional {
            Form::Optional
        } else if self.eat_punct('[') {
            let n = self.value()?;
            self.expect_punct(']')?;
            Form::Fixed(n)
        } else if self.eat_punct('<') {
            let n = if self.at_punct('>') {
                None
            } else {
                Some(self.value()?)
            };
            self.expect_punct('>')?;
            Form::Variable(n)
        } else {
            Form::Scalar
        };
        let at = |file: &str| Location::new(file, line);
        match (&ty, &form) {
            (TypeSpec::String, Form::Variable(_)) => {}
            (TypeSpec::String, _) => {
                return Err(Error::syntax(
                    at(self.file),
                    format!("string {name} needs a bound: `<N>` or `<>`"),
                ));
            }
            (TypeSpec::Opaque, Form::Fixed(_) | Form::Variable(_)) => {}
            (TypeSpec::Opaque, _) => {
                return Err(Error::syntax(
                    at(self.file),
                    format!("opaque {name} needs a size: `[N]`, `<N>` or `<>`"),
                ));
            }
            _ => {}
        }
        Ok(Decl {
            kind: DeclKind::Named { ty, name, form },
            line,
        })
    }

    fn type_spec(&mut self) -> Result<TypeSpec, Error> {
        let word = match self.peek() {
            Some(Token {
                tok: Tok::Ident(w), ..
            }) => w.clone(),
            _ => return Err(self.unexpected("a type")),
        };
        let builtin = |w: &str| match w {
            "int" | "long" => Some(TypeSpec::Int),
            "hyper" => Some(TypeSpec::Hyper),
            "float" => Some(TypeSpec::Float),
            "double" => Some(TypeSpec::Double),
            "bool" => Some(TypeSpec::Bool),
            "char" => Some(TypeSpec::Char),
            "short" => Some(TypeSpec::Short),
            "opaque" => Some(TypeSpec::Opaque),
            "string" => Some(TypeSpec::String),
            _ => None,
        };
        if word == "unsigned" {
            self.pos += 1;
            let next = match self.peek() {
                Some(Token {
                    tok: Tok::Ident(w), ..
                }) => w.clone(),
                _ => String::new(),
            };
            let ty = match next.as_str() {
                "int" | "long" => TypeSpec::UnsignedInt,
                "hyper" => TypeSpec::UnsignedHyper,
                "char" => TypeSpec::UnsignedChar,
                "short" => TypeSpec::UnsignedShort,
                // Bare `unsigned` is `unsigned int`.
                _ => return Ok(TypeSpec::UnsignedInt),
            };
            self.pos += 1;
            return Ok(ty);
        }
        if let Some(ty) = builtin(&word) {
            self.pos += 1;
            return Ok(ty);
        }
        match word.as_str() {
            "quadruple" => return Err(self.error("`quadruple` is not supported")),
            "struct" | "enum" | "union" => {
                // `struct name x;` refers to a named type; an inline body is not supported.
                self.pos += 1;
                if self.at_punct('{') || self.at_word("switch") {
                    return Err(
                        self.error(format!("inline `{word}` definitions are not supported"))
                    );
                }
            }
            _ => {}
        }
        Ok(TypeSpec::Named(self.name()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex;

    fn parse_str(src: &str) -> Result<File, Error> {
        parse("t.x", &lex("t.x", src)?)
    }

    #[test]
    fn declarations_of_every_form() {
        let file = parse_str(
            "struct s { unsigned u; unsigned char c; opaque o[4]; opaque v<>; string n<10>; \
             x *p; int a[N]; unsigned hyper h<2>; struct t r; };",
        )
        .unwrap();
        let Definition::Struct(s) = &file.definitions[0] else {
            panic!()
        };
        let text: Vec<String> = s.fields.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            text,
            [
                "unsigned int u",
                "unsigned char c",
                "opaque o[4]",
                "opaque v<>",
                "string n<10>",
                "x *p",
                "int a[N]",
                "unsigned hyper h<2>",
                "t r",
            ]
        );
    }

    #[test]
    fn enum_members_keep_their_doc_comment() {
        let file = parse_str("enum e {\n /** @x: 1 */\n A = 1,\n B = -2,\n C };").unwrap();
        let Definition::Enum(e) = &file.definitions[0] else {
            panic!()
        };
        assert_eq!(e.members[0].doc.as_deref(), Some(" @x: 1 "));
        assert_eq!(e.members[0].line, 3);
        assert_eq!(
            e.members[1].value,
            Some(Value::Literal {
                value: -2,
                text: "-2".into()
            })
        );
        assert_eq!(e.members[2].value, None);
        assert_eq!(e.members[2].doc, None);
    }

    #[test]
    fn unions_with_shared_labels_and_default() {
        let file = parse_str(
            "union u switch (int k) { case 1: case 2: int a; case X: void; default: hyper d; };",
        )
        .unwrap();
        let Definition::Union(u) = &file.definitions[0] else {
            panic!()
        };
        assert_eq!(u.arms.len(), 2);
        assert_eq!(u.arms[0].labels.len(), 2);
        assert_eq!(u.arms[1].decl.kind, DeclKind::Void);
        assert!(u.default.is_some());
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let e = parse_str("const A = 1;\nstruct s {\n int a\n};").unwrap_err();
        assert_eq!(e.to_string(), "t.x:4: expected `;`, found `}`");
        let e = parse_str("typedef string s;").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.x:1: string s needs a bound: `<N>` or `<>`"
        );
        let e = parse_str("program P { } = 1;").unwrap_err();
        assert!(e.to_string().contains("not supported"));
        let e = parse_str("struct s { int int; };").unwrap_err();
        assert_eq!(e.to_string(), "t.x:1: expected a name, found `int`");
        let e = parse_str("const A = 1").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.x:1: expected `;`, found the end of the file"
        );
    }
}
