//! The one error type of the generator.

use std::fmt;
use std::path::Path;

/// Where in a `.x` or API XML file something is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file, as the [`ProgramSpec`](crate::ProgramSpec) named it.
    pub file: String,
    /// The 1-based line.
    pub line: u32,
}

impl Location {
    pub(crate) fn new(file: &str, line: u32) -> Self {
        Self {
            file: file.to_owned(),
            line,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read or written.
    Io,
    /// The text is not valid XDR (a lexical or grammatical error), or not
    /// well-formed API XML.
    Syntax,
    /// The input is well-formed but cannot be turned into Rust: an unknown
    /// constant or type, a bound out of range, a name collision, ...
    Semantic,
    /// The [`Config`](crate::Config) asks for something the files do not have.
    Config,
}

/// A generator error: a kind, an optional `file:line`, and a message.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    location: Option<Location>,
    message: String,
    source: Option<std::io::Error>,
}

impl Error {
    pub(crate) fn syntax(location: Location, message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Syntax,
            location: Some(location),
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn semantic(location: Location, message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Semantic,
            location: Some(location),
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn config(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Config,
            location: None,
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn io(path: &Path, what: &str, source: std::io::Error) -> Self {
        Self {
            kind: ErrorKind::Io,
            location: None,
            message: format!("cannot {what} {}: {source}", path.display()),
            source: Some(source),
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file and line the error is about, when there is one.
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }

    /// The message, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(location) => write!(f, "{location}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as _)
    }
}
