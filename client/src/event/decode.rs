//! The decoding step an [`EventStream`](super::EventStream) runs on its
//! consumer's task.

use bytes::Bytes;
use virtwire_protocol::Event;
use virtwire_protocol::xdr::{DecodeError, from_bytes};

/// An event type that can be decoded from a MESSAGE body, given the
/// procedure number in the message header.
///
/// Implemented by every event type of this module, so that an
/// [`EventStream`](super::EventStream) can yield it.
pub trait DecodeEvent: Sized {
    /// Decodes `body`, the payload of a MESSAGE of procedure `procedure`.
    /// Fails for a procedure the type does not cover and for a body that is
    /// not that procedure's message.
    fn decode_event(procedure: i32, body: Bytes) -> Result<Self, DecodeError>;
}

/// The error for a procedure number that an event type does not cover.
pub(crate) fn unknown_procedure(type_name: &'static str, procedure: i32) -> DecodeError {
    DecodeError::UnknownDiscriminant {
        type_name,
        value: procedure,
    }
}

/// Decodes `body` as the whole MESSAGE payload of the generated event `E`.
pub(crate) fn message<E: Event>(body: Bytes) -> Result<E::Message, DecodeError> {
    from_bytes::<E::Message>(body)
}
