//! Secret events (`virConnectSecretEventRegisterAny`).

use super::decode::{DecodeEvent, message, unknown_procedure};
use super::family::{Family, Registration};
use super::raw_enum::raw_enum;
use bytes::Bytes;
use virtwire_protocol::remote::{NonnullSecret, ProcedureNumber, procs};
use virtwire_protocol::xdr::DecodeError;
use virtwire_protocol::{Event as _, Procedure as _};

raw_enum! {
    /// The `event` of a secret lifecycle event (`virSecretEventLifecycleType`).
    pub enum SecretLifecycle {
        /// `VIR_SECRET_EVENT_DEFINED`.
        Defined = 0,
        /// `VIR_SECRET_EVENT_UNDEFINED`.
        Undefined = 1,
    }
}

/// An event about one secret.
#[derive(Debug, Clone, PartialEq)]
pub struct SecretEvent {
    /// The registration it was sent for.
    pub callback_id: i32,
    /// The secret.
    pub secret: NonnullSecret,
    /// What happened.
    pub kind: SecretEventKind,
}

/// The body of a secret event, by event ID (`virSecretEventID`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SecretEventKind {
    /// `VIR_SECRET_EVENT_ID_LIFECYCLE` (0).
    Lifecycle {
        /// `virSecretEventLifecycleType`; see [`SecretLifecycle`].
        event: i32,
        /// Reserved (0).
        detail: i32,
    },
    /// `VIR_SECRET_EVENT_ID_VALUE_CHANGED` (1): the secret's value was set.
    ValueChanged,
}

impl SecretEventKind {
    /// The lifecycle event, for a [`Lifecycle`](Self::Lifecycle) event.
    pub fn lifecycle(&self) -> Option<SecretLifecycle> {
        match self {
            Self::Lifecycle { event, .. } => Some(SecretLifecycle::from(*event)),
            _ => None,
        }
    }
}

impl SecretEvent {
    /// Decodes the body of a secret event MESSAGE of `procedure`.
    pub fn decode(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        match ProcedureNumber::try_from(procedure) {
            Ok(ProcedureNumber::SecretEventLifecycle) => {
                let m = message::<procs::SecretEventLifecycle>(body)?;
                Ok(Self {
                    callback_id: m.callback_id,
                    secret: m.secret,
                    kind: SecretEventKind::Lifecycle {
                        event: m.event,
                        detail: m.detail,
                    },
                })
            }
            Ok(ProcedureNumber::SecretEventValueChanged) => {
                let m = message::<procs::SecretEventValueChanged>(body)?;
                Ok(Self {
                    callback_id: m.callback_id,
                    secret: m.secret,
                    kind: SecretEventKind::ValueChanged,
                })
            }
            _ => Err(unknown_procedure("secret event procedure", procedure)),
        }
    }
}

impl DecodeEvent for SecretEvent {
    fn decode_event(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        Self::decode(procedure, body)
    }
}

/// `CONNECT_SECRET_EVENT_REGISTER_ANY` `{eventID; optional secret}`.
pub(crate) static FAMILY: Family = Family {
    name: "secret",
    register: procs::ConnectSecretEventRegisterAny::INFO,
    deregister: procs::ConnectSecretEventDeregisterAny::INFO,
    events: &[
        procs::SecretEventLifecycle::INFO,
        procs::SecretEventValueChanged::INFO,
    ],
    registration: Registration::EventId,
};
