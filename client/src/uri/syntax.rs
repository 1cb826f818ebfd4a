//! The generic URI grammar: what libvirt's `virURIParse` accepts
//! (`src/util/viruri.c:138-188`, a wrapper around libxml2's RFC 3986 parser).
//!
//! `scheme ":" [ "//" [ userinfo "@" ] host [ ":" port ] ] path [ "?" query ] [ "#" fragment ]`
//!
//! Behaviour kept from libxml2 2.9.14 + libvirt:
//! * user, host, path and fragment are percent-decoded; the query is kept
//!   raw and split into decoded [`UriParam`]s;
//! * `driver:`, `driver:/path` and `driver:path` parse (no host);
//! * an empty host is no host, and then the port is ignored (libvirt sets it
//!   to 0); port 0 also means "no port";
//! * IPv6 literals lose their brackets when they contain a `:`; anything but
//!   `]` may appear inside the brackets (`[fe80::1%25eth0]` → `fe80::1%eth0`);
//! * an empty port (`host:/`), a bad `%` escape or any character outside
//!   the RFC 3986 classes is an error.
//!
//! One deliberate difference: an empty userinfo (`x://@host/`) gives no
//! user; libxml2 2.9.14 returns the rest of the URI as the user there.

use super::error::UriError;
use super::params::{self, UriParam};
use super::percent::{self, is_sub_delim, is_unreserved, pchar_len};

/// A URI split into libvirt's `virURI` fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawUri {
    pub scheme: String,
    pub user: Option<String>,
    pub host: Option<String>,
    pub port: Option<u16>,
    pub path: Option<String>,
    pub query: Option<String>,
    pub fragment: Option<String>,
    pub params: Vec<UriParam>,
}

/// Parses `uri` into its components; the scheme is required.
pub(crate) fn parse(uri: &str) -> Result<RawUri, UriError> {
    Parser {
        uri,
        s: uri.as_bytes(),
        pos: 0,
    }
    .uri()
}

struct Parser<'a> {
    uri: &'a str,
    s: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn uri(mut self) -> Result<RawUri, UriError> {
        let scheme = self.scheme()?;
        let mut user = None;
        let mut host = None;
        let mut port = None;
        let authority = self.s[self.pos..].starts_with(b"//");
        if authority {
            self.pos += 2;
            user = self.userinfo()?;
            host = self.host()?;
            port = self.port(host.is_some())?;
        }
        let path = self.path(authority)?;
        let mut query = None;
        let mut params = Vec::new();
        if self.peek() == Some(b'?') {
            self.pos += 1;
            let raw = self.scan(|s, i| match s[i] {
                b'/' | b'?' => 1,
                _ => pchar_len(s, i),
            });
            params = params::parse_query(raw).map_err(|()| self.utf8_error("parameter"))?;
            query = Some(raw.to_owned());
        }
        let mut fragment = None;
        if self.peek() == Some(b'#') {
            self.pos += 1;
            let raw = self.scan(|s, i| match s[i] {
                b'/' | b'?' | b'[' | b']' => 1,
                _ => pchar_len(s, i),
            });
            fragment = Some(self.decode(raw, "fragment")?);
        }
        if self.pos < self.s.len() {
            return Err(self.unexpected());
        }
        Ok(RawUri {
            scheme,
            user,
            host,
            port,
            path,
            query,
            fragment,
            params,
        })
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`
    fn scheme(&mut self) -> Result<String, UriError> {
        let end = self.s.iter().position(|b| b":/?#".contains(b));
        let Some(colon) = end.filter(|&i| self.s[i] == b':') else {
            return Err(UriError::MissingScheme {
                uri: self.uri.to_owned(),
            });
        };
        let scheme = &self.uri[..colon];
        let valid = scheme
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
        if !valid {
            return Err(UriError::BadScheme {
                scheme: scheme.to_owned(),
            });
        }
        self.pos = colon + 1;
        Ok(scheme.to_owned())
    }

    /// `[ userinfo "@" ]`: only taken when the userinfo run ends at `@`.
    fn userinfo(&mut self) -> Result<Option<String>, UriError> {
        let start = self.pos;
        let mut i = start;
        loop {
            let len = match self.s.get(i) {
                Some(&b) if is_unreserved(b) || is_sub_delim(b) || b == b':' => 1,
                Some(b'%') if percent::is_pct_encoded(self.s, i) => 3,
                _ => break,
            };
            i += len;
        }
        if self.s.get(i) != Some(&b'@') {
            return Ok(None);
        }
        self.pos = i + 1;
        if i == start {
            return Ok(None);
        }
        self.decode(&self.uri[start..i], "user").map(Some)
    }

    /// `IP-literal / reg-name`; empty means no host.
    fn host(&mut self) -> Result<Option<String>, UriError> {
        let start = self.pos;
        if self.peek() == Some(b'[') {
            let Some(close) = self.s[start..].iter().position(|&b| b == b']') else {
                return Err(UriError::UnterminatedIpv6Host {
                    uri: self.uri.to_owned(),
                });
            };
            self.pos = start + close + 1;
        } else {
            self.scan(|s, i| match s[i] {
                b if is_unreserved(b) || is_sub_delim(b) => 1,
                b'%' if percent::is_pct_encoded(s, i) => 3,
                _ => 0,
            });
        }
        let raw = &self.uri[start..self.pos];
        if raw.is_empty() {
            return Ok(None);
        }
        let host = self.decode(raw, "host")?;
        // virStringStripIPv6Brackets: only when the host holds a ':'.
        let bracketed =
            host.len() >= 2 && host.starts_with('[') && host.ends_with(']') && host.contains(':');
        Ok(Some(if bracketed {
            host[1..host.len() - 1].to_owned()
        } else {
            host
        }))
    }

    /// `[ ":" 1*DIGIT ]`. libxml2 rejects an empty port and values above
    /// `INT_MAX`; values above 65535 are rejected here too, because no
    /// socket can use them. libvirt ignores the port of an empty host.
    fn port(&mut self, has_host: bool) -> Result<Option<u16>, UriError> {
        if self.peek() != Some(b':') {
            return Ok(None);
        }
        self.pos += 1;
        let start = self.pos;
        let digits = self.scan(|s, i| usize::from(s[i].is_ascii_digit()));
        let junk_end = self.s[self.pos..]
            .iter()
            .position(|b| b"/?#".contains(b))
            .map_or(self.s.len(), |n| self.pos + n);
        let bad = || UriError::BadPort {
            uri: self.uri.to_owned(),
            port: self.uri[start..junk_end].to_owned(),
        };
        if digits.is_empty() || junk_end != self.pos {
            return Err(bad());
        }
        let value: u64 = digits.parse().unwrap_or(u64::MAX);
        if value > i32::MAX as u64 {
            return Err(bad());
        }
        if !has_host {
            return Ok(None);
        }
        match u16::try_from(value) {
            Ok(0) => Ok(None),
            Ok(port) => Ok(Some(port)),
            Err(_) => Err(bad()),
        }
    }

    /// `path-abempty` after an authority (empty, or starting with `/`),
    /// otherwise `path-absolute / path-rootless / path-empty`: runs of
    /// `pchar` and `/`.
    fn path(&mut self, after_authority: bool) -> Result<Option<String>, UriError> {
        if after_authority && self.peek() != Some(b'/') {
            return Ok(None);
        }
        let raw = self.scan(|s, i| match s[i] {
            b'/' => 1,
            _ => pchar_len(s, i),
        });
        if raw.is_empty() {
            return Ok(None);
        }
        self.decode(raw, "path").map(Some)
    }

    /// Advances over the run accepted by `step` (the length of the token at
    /// an index, 0 to stop) and returns it.
    fn scan(&mut self, step: impl Fn(&[u8], usize) -> usize) -> &'a str {
        let start = self.pos;
        while self.pos < self.s.len() {
            let len = step(self.s, self.pos);
            if len == 0 {
                break;
            }
            self.pos += len;
        }
        &self.uri[start..self.pos]
    }

    fn decode(&self, raw: &str, component: &'static str) -> Result<String, UriError> {
        percent::decode(raw).map_err(|_| self.utf8_error(component))
    }

    fn utf8_error(&self, component: &'static str) -> UriError {
        UriError::InvalidUtf8 {
            uri: self.uri.to_owned(),
            component,
        }
    }

    fn unexpected(&self) -> UriError {
        let uri = self.uri.to_owned();
        if self.s[self.pos] == b'%' {
            return UriError::BadPercentEscape {
                uri,
                position: self.pos,
            };
        }
        // The parser only stops on ASCII bytes or at the start of a
        // multi-byte character, so `pos` is a char boundary.
        let character = self.uri[self.pos..].chars().next().unwrap_or('\u{fffd}');
        UriError::InvalidCharacter {
            uri,
            position: self.pos,
            character,
        }
    }
}
