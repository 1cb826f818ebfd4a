//! Errors with a place: line, column and element path.

use std::fmt;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not well-formed XML (quick-xml's message).
    Syntax(String),
    /// The input is not UTF-8.
    NotUtf8,
    /// A document needs exactly one root element.
    NoRoot,
    /// The root element is not the one this document type has.
    WrongRoot {
        /// The element the document type expects, e.g. `domain`.
        expected: &'static str,
        /// The element found.
        found: String,
    },
    /// A modelled value does not parse as its type.
    InvalidValue {
        /// The text found.
        value: String,
        /// What was expected, e.g. `an unsigned integer`.
        expected: &'static str,
    },
    /// The element breaks a rule of libvirt's schema (a required attribute
    /// or element is missing, or two settings exclude each other).
    Constraint(String),
    /// Strict mode: libvirt's schema allows no attribute of this name on
    /// this element.
    AttributeNotAllowed {
        /// The attribute's name as written.
        name: String,
    },
    /// Strict mode: libvirt's schema allows no element of this name here.
    ElementNotAllowed {
        /// The element's name as written.
        name: String,
    },
    /// Strict mode: the value is not one of the closed list libvirt's
    /// schema gives for this attribute or element text.
    ValueNotAllowed {
        /// The value found.
        value: String,
        /// The values the schema allows here.
        allowed: Vec<&'static str>,
    },
    /// Strict mode: libvirt's schema requires this attribute on this
    /// element, whichever way the element is read.
    MissingAttribute {
        /// The attribute's name (`{uri}local` when in a namespace).
        name: String,
    },
    /// Strict mode: libvirt's schema requires a child element of this name
    /// here, whichever way the element is read.
    MissingElement {
        /// The element's name (`{uri}local` when in a namespace).
        name: String,
    },
    /// Strict mode: libvirt's schema allows no text in this element.
    TextNotAllowed {
        /// The text found (trimmed).
        text: String,
    },
    /// Strict mode: no libvirt schema has an element of this name, so there
    /// is nothing to check the document against.
    NoSchema {
        /// The root element.
        root: String,
    },
}

/// An error with where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// 1-based line, 0 when unknown (an element built in code).
    pub line: u32,
    /// 1-based column in characters, 0 when unknown.
    pub column: u32,
    /// Element path like `/domain/devices/disk[2]/source/@file`.
    pub path: String,
}

impl Error {
    /// An error at byte `offset` of `src` (clamped to its length).
    pub(crate) fn at(kind: ErrorKind, src: &str, offset: Option<usize>, path: String) -> Self {
        let (line, column) = offset.map_or((0, 0), |o| line_col(src, o));
        Error {
            kind,
            line,
            column,
            path,
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` in `src`.
pub(crate) fn line_col(src: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(src.len());
    // An offset inside a multi-byte character counts as that character.
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}: ", self.line, self.column)?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        match &self.kind {
            ErrorKind::Syntax(m) => write!(f, "malformed XML: {m}"),
            ErrorKind::NotUtf8 => write!(f, "input is not UTF-8"),
            ErrorKind::NoRoot => write!(f, "no root element"),
            ErrorKind::WrongRoot { expected, found } => {
                write!(f, "root element is <{found}>, expected <{expected}>")
            }
            ErrorKind::InvalidValue { value, expected } => {
                write!(f, "invalid value {value:?}: expected {expected}")
            }
            ErrorKind::Constraint(m) => write!(f, "{m}"),
            ErrorKind::AttributeNotAllowed { name } => {
                write!(
                    f,
                    "attribute {name:?} is not allowed here by libvirt's schema"
                )
            }
            ErrorKind::ElementNotAllowed { name } => {
                write!(
                    f,
                    "element <{name}> is not allowed here by libvirt's schema"
                )
            }
            ErrorKind::ValueNotAllowed { value, allowed } => {
                write!(f, "value {value:?} is not allowed: expected ")?;
                const SHOWN: usize = 12;
                for (i, v) in allowed.iter().take(SHOWN).enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    write!(f, "{sep}{v:?}")?;
                }
                if allowed.len() > SHOWN {
                    write!(f, " or one of {} more", allowed.len() - SHOWN)?;
                }
                Ok(())
            }
            ErrorKind::MissingAttribute { name } => {
                write!(f, "attribute {name:?} is required by libvirt's schema")
            }
            ErrorKind::MissingElement { name } => {
                write!(f, "element <{name}> is required here by libvirt's schema")
            }
            ErrorKind::TextNotAllowed { text } => {
                write!(f, "text {text:?} is not allowed here by libvirt's schema")
            }
            ErrorKind::NoSchema { root } => {
                write!(f, "no libvirt schema has an element <{root}>")
            }
        }
    }
}

impl std::error::Error for Error {}

/// Every place a document breaks libvirt's schema, in document order
/// (strict mode: [`crate::Document::validate`]). Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors {
    /// The errors, at least one.
    pub errors: Vec<Error>,
}

impl ValidationErrors {
    /// The first error.
    pub fn first(&self) -> Option<&Error> {
        self.errors.first()
    }
}

impl From<Error> for ValidationErrors {
    fn from(e: Error) -> Self {
        ValidationErrors { errors: vec![e] }
    }
}

impl IntoIterator for ValidationErrors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.as_slice() {
            [] => write!(f, "invalid document"),
            [one] => write!(f, "{one}"),
            [first, rest @ ..] => write!(f, "{first} (and {} more)", rest.len()),
        }
    }
}

impl std::error::Error for ValidationErrors {}
