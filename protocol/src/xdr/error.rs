use std::fmt;

/// Why bytes could not be decoded as the expected XDR type.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// The input ended before the value did.
    UnexpectedEnd {
        /// Bytes the next item needs.
        needed: usize,
        /// Bytes that were left.
        remaining: usize,
    },
    /// A length or count is larger than the `.x` bound allows.
    OverBound {
        /// The length read.
        len: u32,
        /// The declared bound.
        max: u32,
    },
    /// A string is not valid UTF-8.
    InvalidUtf8,
    /// A `bool` or optional-data flag is neither 0 nor 1.
    InvalidBool {
        /// The word read.
        value: u32,
    },
    /// An enum value or union discriminant the `.x` file does not declare.
    UnknownDiscriminant {
        /// The XDR type being decoded.
        type_name: &'static str,
        /// The value read.
        value: i32,
    },
    /// Bytes were left after the whole value was read.
    TrailingBytes {
        /// How many.
        count: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnexpectedEnd { needed, remaining } => {
                write!(
                    f,
                    "input ends early: {needed} bytes needed, {remaining} left"
                )
            }
            Self::OverBound { len, max } => write!(f, "length {len} exceeds the bound {max}"),
            Self::InvalidUtf8 => f.write_str("string is not valid UTF-8"),
            Self::InvalidBool { value } => write!(f, "boolean word is {value}, not 0 or 1"),
            Self::UnknownDiscriminant { type_name, value } => {
                write!(f, "unknown value {value} for {type_name}")
            }
            Self::TrailingBytes { count } => write!(f, "{count} bytes left after the value"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Why a value could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeError {
    /// A string, opaque or array holds more than its `.x` bound.
    OverBound {
        /// Its length.
        len: usize,
        /// The declared bound.
        max: u32,
    },
    /// The encoded message would exceed libvirt's maximum message size.
    MessageTooLarge {
        /// The size it would have.
        len: usize,
        /// The maximum.
        max: usize,
    },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OverBound { len, max } => {
                write!(f, "length {len} exceeds the protocol's bound {max}")
            }
            Self::MessageTooLarge { len, max } => {
                write!(
                    f,
                    "message of {len} bytes exceeds libvirt's maximum of {max}"
                )
            }
        }
    }
}

impl std::error::Error for EncodeError {}
