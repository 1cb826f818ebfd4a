//! Network events (`virConnectNetworkEventRegisterAny`).

use super::decode::{DecodeEvent, message, unknown_procedure};
use super::family::{Family, Registration};
use super::raw_enum::raw_enum;
use bytes::Bytes;
use virtwire_protocol::remote::{NonnullNetwork, ProcedureNumber, procs};
use virtwire_protocol::xdr::{DecodeError, XdrString};
use virtwire_protocol::{Event as _, Procedure as _};

raw_enum! {
    /// The `event` of a network lifecycle event (`virNetworkEventLifecycleType`).
    pub enum NetworkLifecycle {
        /// `VIR_NETWORK_EVENT_DEFINED`.
        Defined = 0,
        /// `VIR_NETWORK_EVENT_UNDEFINED`.
        Undefined = 1,
        /// `VIR_NETWORK_EVENT_STARTED`.
        Started = 2,
        /// `VIR_NETWORK_EVENT_STOPPED`.
        Stopped = 3,
    }
}

/// An event about one network.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkEvent {
    /// The registration it was sent for.
    pub callback_id: i32,
    /// The network.
    pub network: NonnullNetwork,
    /// What happened.
    pub kind: NetworkEventKind,
}

/// The body of a network event, by event ID (`virNetworkEventID`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum NetworkEventKind {
    /// `VIR_NETWORK_EVENT_ID_LIFECYCLE` (0).
    Lifecycle {
        /// `virNetworkEventLifecycleType`; see [`NetworkLifecycle`].
        event: i32,
        /// Reserved (0).
        detail: i32,
    },
    /// `VIR_NETWORK_EVENT_ID_METADATA_CHANGE` (1).
    MetadataChange {
        /// `virNetworkMetadataType`.
        metadata_type: i32,
        /// The namespace URI, for element metadata.
        nsuri: Option<XdrString>,
    },
}

impl NetworkEventKind {
    /// The lifecycle event, for a [`Lifecycle`](Self::Lifecycle) event.
    pub fn lifecycle(&self) -> Option<NetworkLifecycle> {
        match self {
            Self::Lifecycle { event, .. } => Some(NetworkLifecycle::from(*event)),
            _ => None,
        }
    }
}

impl NetworkEvent {
    /// Decodes the body of a network event MESSAGE of `procedure`.
    pub fn decode(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        match ProcedureNumber::try_from(procedure) {
            Ok(ProcedureNumber::NetworkEventLifecycle) => {
                let m = message::<procs::NetworkEventLifecycle>(body)?;
                Ok(Self {
                    callback_id: m.callback_id,
                    network: m.net,
                    kind: NetworkEventKind::Lifecycle {
                        event: m.event,
                        detail: m.detail,
                    },
                })
            }
            Ok(ProcedureNumber::NetworkEventCallbackMetadataChange) => {
                let m = message::<procs::NetworkEventCallbackMetadataChange>(body)?;
                Ok(Self {
                    callback_id: m.callback_id,
                    network: m.net,
                    kind: NetworkEventKind::MetadataChange {
                        metadata_type: m.r#type,
                        nsuri: m.nsuri,
                    },
                })
            }
            _ => Err(unknown_procedure("network event procedure", procedure)),
        }
    }
}

impl DecodeEvent for NetworkEvent {
    fn decode_event(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        Self::decode(procedure, body)
    }
}

/// `CONNECT_NETWORK_EVENT_REGISTER_ANY` `{eventID; optional net}`.
pub(crate) static FAMILY: Family = Family {
    name: "network",
    register: procs::ConnectNetworkEventRegisterAny::INFO,
    deregister: procs::ConnectNetworkEventDeregisterAny::INFO,
    events: &[
        procs::NetworkEventLifecycle::INFO,
        procs::NetworkEventCallbackMetadataChange::INFO,
    ],
    registration: Registration::EventId,
};
