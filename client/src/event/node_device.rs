//! Node device events (`virConnectNodeDeviceEventRegisterAny`).

use super::decode::{DecodeEvent, message, unknown_procedure};
use super::family::{Family, Registration};
use super::raw_enum::raw_enum;
use bytes::Bytes;
use virtwire_protocol::remote::{NonnullNodeDevice, ProcedureNumber, procs};
use virtwire_protocol::xdr::DecodeError;
use virtwire_protocol::{Event as _, Procedure as _};

raw_enum! {
    /// The `event` of a node device lifecycle event
    /// (`virNodeDeviceEventLifecycleType`).
    pub enum NodeDeviceLifecycle {
        /// `VIR_NODE_DEVICE_EVENT_CREATED`.
        Created = 0,
        /// `VIR_NODE_DEVICE_EVENT_DELETED`.
        Deleted = 1,
        /// `VIR_NODE_DEVICE_EVENT_DEFINED`.
        Defined = 2,
        /// `VIR_NODE_DEVICE_EVENT_UNDEFINED`.
        Undefined = 3,
    }
}

/// An event about one node device.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeDeviceEvent {
    /// The registration it was sent for.
    pub callback_id: i32,
    /// The device.
    pub device: NonnullNodeDevice,
    /// What happened.
    pub kind: NodeDeviceEventKind,
}

/// The body of a node device event, by event ID (`virNodeDeviceEventID`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum NodeDeviceEventKind {
    /// `VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE` (0).
    Lifecycle {
        /// `virNodeDeviceEventLifecycleType`; see [`NodeDeviceLifecycle`].
        event: i32,
        /// Reserved (0).
        detail: i32,
    },
    /// `VIR_NODE_DEVICE_EVENT_ID_UPDATE` (1): the device changed.
    Update,
}

impl NodeDeviceEventKind {
    /// The lifecycle event, for a [`Lifecycle`](Self::Lifecycle) event.
    pub fn lifecycle(&self) -> Option<NodeDeviceLifecycle> {
        match self {
            Self::Lifecycle { event, .. } => Some(NodeDeviceLifecycle::from(*event)),
            _ => None,
        }
    }
}

impl NodeDeviceEvent {
    /// Decodes the body of a node device event MESSAGE of `procedure`.
    pub fn decode(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        match ProcedureNumber::try_from(procedure) {
            Ok(ProcedureNumber::NodeDeviceEventLifecycle) => {
                let m = message::<procs::NodeDeviceEventLifecycle>(body)?;
                Ok(Self {
                    callback_id: m.callback_id,
                    device: m.dev,
                    kind: NodeDeviceEventKind::Lifecycle {
                        event: m.event,
                        detail: m.detail,
                    },
                })
            }
            Ok(ProcedureNumber::NodeDeviceEventUpdate) => {
                let m = message::<procs::NodeDeviceEventUpdate>(body)?;
                Ok(Self {
                    callback_id: m.callback_id,
                    device: m.dev,
                    kind: NodeDeviceEventKind::Update,
                })
            }
            _ => Err(unknown_procedure("node device event procedure", procedure)),
        }
    }
}

impl DecodeEvent for NodeDeviceEvent {
    fn decode_event(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        Self::decode(procedure, body)
    }
}

/// `CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY` `{eventID; optional dev}`.
pub(crate) static FAMILY: Family = Family {
    name: "node device",
    register: procs::ConnectNodeDeviceEventRegisterAny::INFO,
    deregister: procs::ConnectNodeDeviceEventDeregisterAny::INFO,
    events: &[
        procs::NodeDeviceEventLifecycle::INFO,
        procs::NodeDeviceEventUpdate::INFO,
    ],
    registration: Registration::EventId,
};
