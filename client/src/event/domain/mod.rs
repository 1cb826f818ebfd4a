//! Domain events (`virConnectDomainEventRegisterAny`), in their
//! callback-style form.

mod decode;
mod id;
mod kind;

pub use id::DomainEventId;
pub use kind::{DomainEventKind, DomainLifecycle};

use super::decode::DecodeEvent;
use super::family::{Family, Registration};
use bytes::Bytes;
use virtwire_protocol::Procedure as _;
use virtwire_protocol::remote::{NonnullDomain, procs};
use virtwire_protocol::xdr::DecodeError;

/// An event about one domain.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainEvent {
    /// The registration it was sent for.
    pub callback_id: i32,
    /// The domain.
    pub domain: NonnullDomain,
    /// What happened.
    pub kind: DomainEventKind,
}

impl DomainEvent {
    /// Decodes the body of a callback-style domain event MESSAGE of
    /// `procedure` (one of [`DomainEventId::callback_procedure`]).
    pub fn decode(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        decode::decode(procedure, body)
    }
}

impl DecodeEvent for DomainEvent {
    fn decode_event(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        Self::decode(procedure, body)
    }
}

/// `CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY` `{eventID; optional dom}`.
pub(crate) static FAMILY: Family = Family {
    name: "domain",
    register: procs::ConnectDomainEventCallbackRegisterAny::INFO,
    deregister: procs::ConnectDomainEventCallbackDeregisterAny::INFO,
    events: &id::CALLBACK_PROCEDURES,
    registration: Registration::EventId,
};
