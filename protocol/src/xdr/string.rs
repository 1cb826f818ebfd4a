//! A UTF-8 string that shares the received buffer instead of copying it.

use super::DecodeError;
use bytes::Bytes;
use std::{borrow::Borrow, fmt, ops::Deref};

/// An immutable UTF-8 string backed by [`Bytes`].
///
/// Decoding a string from a received frame slices the frame's buffer, so a
/// multi-megabyte domain XML is never copied. It dereferences to `&str`.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct XdrString(Bytes);

impl XdrString {
    /// An empty string.
    pub const fn new() -> Self {
        Self(Bytes::new())
    }

    /// A string from a `'static` literal, without copying.
    pub const fn from_static(s: &'static str) -> Self {
        Self(Bytes::from_static(s.as_bytes()))
    }

    /// Checks that `bytes` is UTF-8 and wraps it without copying.
    pub fn from_utf8(bytes: Bytes) -> Result<Self, DecodeError> {
        std::str::from_utf8(&bytes).map_err(|_| DecodeError::InvalidUtf8)?;
        Ok(Self(bytes))
    }

    /// The string.
    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: every constructor checks UTF-8 or starts from a `str`.
        unsafe { std::str::from_utf8_unchecked(&self.0) }
    }

    /// The underlying bytes, shared.
    pub fn into_bytes(self) -> Bytes {
        self.0
    }
}

impl Deref for XdrString {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for XdrString {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for XdrString {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl Borrow<str> for XdrString {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for XdrString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for XdrString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<String> for XdrString {
    fn from(s: String) -> Self {
        Self(Bytes::from(s.into_bytes()))
    }
}

impl From<&str> for XdrString {
    fn from(s: &str) -> Self {
        Self(Bytes::copy_from_slice(s.as_bytes()))
    }
}

impl From<&String> for XdrString {
    fn from(s: &String) -> Self {
        Self::from(s.as_str())
    }
}

impl From<XdrString> for String {
    fn from(s: XdrString) -> Self {
        s.as_str().to_owned()
    }
}

impl PartialEq<str> for XdrString {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for XdrString {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<XdrString> for str {
    fn eq(&self, other: &XdrString) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<XdrString> for &str {
    fn eq(&self, other: &XdrString) -> bool {
        *self == other.as_str()
    }
}
