//! Message framing: the length word, the 24-byte header, and the body.
//!
//! The length word counts itself (`len = 4 + 24 + payload`), and the largest
//! header-plus-payload libvirt accepts is [`MESSAGE_MAX`]
//! (`src/rpc/virnetprotocol.x`, `src/rpc/virnetmessage.c`). Both limits are
//! checked from the first four bytes, before any buffer grows.

use crate::virnet::{MessageHeader, MessageStatus, MessageType};
use crate::xdr::{Decode, DecodeError, Encode, EncodeError};
use bytes::{Buf, BufMut, Bytes, BytesMut};
use std::fmt;

/// Largest header plus payload, excluding the length word (`VIR_NET_MESSAGE_MAX`).
pub const MESSAGE_MAX: usize = 33_554_432;
/// Size of the encoded header (`VIR_NET_MESSAGE_HEADER_MAX`).
pub const HEADER_LEN: usize = 24;
/// Size of the length word (`VIR_NET_MESSAGE_LEN_MAX`).
pub const LEN_WORD: usize = 4;
/// Largest payload (`VIR_NET_MESSAGE_PAYLOAD_MAX`).
pub const PAYLOAD_MAX: usize = MESSAGE_MAX - HEADER_LEN;
/// The stream chunk size both libvirt peers use (`VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX`).
pub const STREAM_CHUNK: usize = 262_120;
/// Most file descriptors one message may carry (`VIR_NET_MESSAGE_NUM_FDS_MAX`).
pub const NUM_FDS_MAX: u32 = 32;
/// Byte offset of the serial within an encoded frame (after len, prog, vers, proc, type).
pub const SERIAL_OFFSET: usize = LEN_WORD + 16;

/// A received message: its header and undecoded payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The header.
    pub header: MessageHeader,
    /// Number of file descriptors announced by a `*_WITH_FDS` message.
    pub num_fds: u32,
    /// The payload, sharing the receive buffer.
    pub body: Bytes,
}

/// Why received bytes are not a valid frame. The connection cannot continue.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FrameError {
    /// The length word is smaller than a header.
    TooShort {
        /// The length word.
        len: u32,
    },
    /// The length word exceeds libvirt's maximum message size.
    TooLarge {
        /// The length word.
        len: u32,
    },
    /// The header could not be decoded (for example an unknown message type).
    Header(DecodeError),
    /// A `*_WITH_FDS` message announces more descriptors than allowed or than fit.
    BadFdCount {
        /// The announced count.
        count: u32,
    },
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooShort { len } => {
                write!(
                    f,
                    "frame length {len} is shorter than the {} byte header",
                    LEN_WORD + HEADER_LEN
                )
            }
            Self::TooLarge { len } => {
                write!(
                    f,
                    "frame length {len} exceeds libvirt's maximum of {}",
                    MESSAGE_MAX + LEN_WORD
                )
            }
            Self::Header(e) => write!(f, "malformed message header: {e}"),
            Self::BadFdCount { count } => {
                write!(
                    f,
                    "message announces {count} file descriptors (at most {NUM_FDS_MAX})"
                )
            }
        }
    }
}

impl std::error::Error for FrameError {}

/// Whether a message type carries a descriptor count before its payload.
pub fn has_fds(message_type: MessageType) -> bool {
    matches!(
        message_type,
        MessageType::CallWithFds | MessageType::ReplyWithFds
    )
}

/// Checks a length word: returns the total frame size it announces.
pub fn check_len(len: u32) -> Result<usize, FrameError> {
    let total = len as usize;
    if total < LEN_WORD + HEADER_LEN {
        Err(FrameError::TooShort { len })
    } else if total - LEN_WORD > MESSAGE_MAX {
        Err(FrameError::TooLarge { len })
    } else {
        Ok(total)
    }
}

/// Splits one complete frame off the front of `buf`.
///
/// Returns `Ok(None)` when more bytes are needed; in that case `buf` has
/// reserved room for the rest of the announced frame (never beyond the
/// maximum message size). For `*_WITH_FDS` messages the one-byte descriptor
/// carriers that follow the frame outside its length are consumed too.
pub fn decode_frame(buf: &mut BytesMut) -> Result<Option<Frame>, FrameError> {
    if buf.len() < LEN_WORD {
        return Ok(None);
    }
    let len = u32::from_be_bytes([buf[0], buf[1], buf[2], buf[3]]);
    let total = check_len(len)?;
    if buf.len() < total {
        buf.reserve(total - buf.len());
        return Ok(None);
    }
    // The type word decides whether a descriptor count follows the header;
    // read it raw so the carriers can be waited for before splitting.
    let at = LEN_WORD + 12;
    let raw_type = i32::from_be_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]]);
    // An unknown type fails in the header decode below.
    let with_fds = MessageType::try_from(raw_type).is_ok_and(has_fds);
    let mut num_fds = 0;
    if with_fds {
        if total < LEN_WORD + HEADER_LEN + 4 {
            return Err(FrameError::TooShort { len });
        }
        let at = LEN_WORD + HEADER_LEN;
        num_fds = u32::from_be_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]]);
        if num_fds > NUM_FDS_MAX {
            return Err(FrameError::BadFdCount { count: num_fds });
        }
        if buf.len() < total + num_fds as usize {
            return Ok(None);
        }
    }
    let mut frame = buf.split_to(total).freeze();
    buf.advance(num_fds as usize);
    frame.advance(LEN_WORD);
    // Decoding from the shared frame costs no allocation.
    let header = MessageHeader::decode(&mut frame).map_err(FrameError::Header)?;
    if with_fds {
        frame.advance(4);
    }
    Ok(Some(Frame {
        header,
        num_fds,
        body: frame,
    }))
}

/// Appends a whole message (length word, header, `body`) to `out`.
pub fn encode_message<T: Encode + ?Sized>(
    header: &MessageHeader,
    body: &T,
    out: &mut BytesMut,
) -> Result<(), EncodeError> {
    let body_len = body.encoded_len();
    let total = LEN_WORD + HEADER_LEN + body_len;
    if total - LEN_WORD > MESSAGE_MAX {
        return Err(EncodeError::MessageTooLarge {
            len: total - LEN_WORD,
            max: MESSAGE_MAX,
        });
    }
    out.reserve(total);
    out.put_u32(total as u32);
    header.encode(out)?;
    body.encode(out)?;
    Ok(())
}

/// A header for a message of the given kind.
pub fn header(
    program: u32,
    version: u32,
    procedure: i32,
    message_type: MessageType,
    serial: u32,
    status: MessageStatus,
) -> MessageHeader {
    MessageHeader {
        prog: program,
        vers: version,
        proc: procedure,
        r#type: message_type,
        serial,
        status,
    }
}

/// Raw bytes as a message payload (stream data): encoded verbatim, no XDR framing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPayload(pub Bytes);

impl Encode for RawPayload {
    fn encoded_len(&self) -> usize {
        self.0.len()
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_slice(&self.0);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
