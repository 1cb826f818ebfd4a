use crate::frame::FrameError;
use crate::virnet::MessageError;
use crate::xdr::DecodeError;
use std::fmt;

/// Why a connection ended. Cloned into the result of every call it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConnectionError {
    /// The daemon closed the socket.
    Eof,
    /// Reading or writing the socket failed.
    Io {
        /// The kind of I/O error.
        kind: std::io::ErrorKind,
        /// Its message.
        message: String,
    },
    /// The daemon sent bytes that are not a valid message.
    Frame(FrameError),
    /// The daemon stopped answering keepalive pings.
    KeepaliveTimeout,
    /// The client closed the connection.
    Shutdown,
    /// A message announced file descriptors that did not arrive with it.
    MissingFds {
        /// Descriptors announced.
        expected: u32,
        /// Descriptors received.
        received: usize,
    },
    /// More file descriptors arrived than any message announced.
    UnexpectedFds {
        /// How many are waiting unclaimed.
        count: usize,
    },
}

impl ConnectionError {
    /// An I/O failure.
    pub fn io(error: &std::io::Error) -> Self {
        Self::Io {
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

impl fmt::Display for ConnectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Eof => f.write_str("the daemon closed the connection"),
            Self::Io { message, .. } => write!(f, "connection I/O failed: {message}"),
            Self::Frame(e) => write!(f, "the daemon sent a malformed message: {e}"),
            Self::KeepaliveTimeout => f.write_str("the daemon stopped answering keepalive pings"),
            Self::Shutdown => f.write_str("the connection was closed by the client"),
            Self::MissingFds { expected, received } => write!(
                f,
                "the daemon announced {expected} file descriptors but {received} arrived with the message"
            ),
            Self::UnexpectedFds { count } => {
                write!(
                    f,
                    "{count} file descriptors arrived that no message announced"
                )
            }
        }
    }
}

impl std::error::Error for ConnectionError {}

/// Why a call has no successful reply.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum CallError {
    /// The daemon answered with an error.
    Remote(Box<MessageError>),
    /// The error reply could not be decoded.
    Decode(DecodeError),
    /// The reply names another procedure than the call.
    ProcedureMismatch {
        /// The call's procedure.
        expected: i32,
        /// The reply's.
        got: i32,
    },
    /// The reply carries a status a reply may not have.
    UnexpectedStatus,
    /// The connection closed before the reply arrived.
    Closed(ConnectionError),
    /// The daemon broke the stream protocol (for example a hole on a stream
    /// opened without the sparse flag); the stream is over, the connection
    /// stays up.
    StreamProtocol(&'static str),
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Remote(e) => match &e.message {
                Some(m) => f.write_str(m),
                None => write!(f, "the daemon reported error code {}", e.code),
            },
            Self::Decode(e) => write!(f, "malformed error reply: {e}"),
            Self::ProcedureMismatch { expected, got } => {
                write!(
                    f,
                    "reply for procedure {got} answers a call of procedure {expected}"
                )
            }
            Self::UnexpectedStatus => f.write_str("reply has status CONTINUE"),
            Self::Closed(e) => e.fmt(f),
            Self::StreamProtocol(what) => f.write_str(what),
        }
    }
}

impl std::error::Error for CallError {}
