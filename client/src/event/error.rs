//! What an event subscription yields instead of an event.

use std::fmt;
use virtwire_protocol::conn::ConnectionError;
use virtwire_protocol::xdr::DecodeError;

/// Why an [`EventStream`](super::EventStream) yields no event this time.
///
/// [`Lagged`](Self::Lagged) and [`Decode`](Self::Decode) are not fatal: the
/// stream goes on. After [`Closed`](Self::Closed) it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventError {
    /// The subscriber fell behind and this many events were dropped, the
    /// oldest first; the stream continues with the newer ones.
    Lagged(u64),
    /// An event arrived whose body does not decode as its procedure's
    /// message (for example from a daemon that changed the message).
    Decode {
        /// The event's procedure number.
        procedure: i32,
        /// What was wrong with the body.
        error: DecodeError,
    },
    /// The connection ended; no more events follow.
    Closed(ConnectionError),
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Lagged(missed) => {
                write!(f, "the subscriber fell behind and missed {missed} events")
            }
            Self::Decode { procedure, error } => {
                write!(f, "event of procedure {procedure} does not decode: {error}")
            }
            Self::Closed(reason) => write!(f, "no more events: {reason}"),
        }
    }
}

impl std::error::Error for EventError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Lagged(_) => None,
            Self::Decode { error, .. } => Some(error),
            Self::Closed(reason) => Some(reason),
        }
    }
}
