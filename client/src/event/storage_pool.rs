//! Storage pool events (`virConnectStoragePoolEventRegisterAny`).

use super::decode::{DecodeEvent, message, unknown_procedure};
use super::family::{Family, Registration};
use super::raw_enum::raw_enum;
use bytes::Bytes;
use virtwire_protocol::remote::{NonnullStoragePool, ProcedureNumber, procs};
use virtwire_protocol::xdr::DecodeError;
use virtwire_protocol::{Event as _, Procedure as _};

raw_enum! {
    /// The `event` of a storage pool lifecycle event
    /// (`virStoragePoolEventLifecycleType`).
    pub enum StoragePoolLifecycle {
        /// `VIR_STORAGE_POOL_EVENT_DEFINED`.
        Defined = 0,
        /// `VIR_STORAGE_POOL_EVENT_UNDEFINED`.
        Undefined = 1,
        /// `VIR_STORAGE_POOL_EVENT_STARTED`.
        Started = 2,
        /// `VIR_STORAGE_POOL_EVENT_STOPPED`.
        Stopped = 3,
        /// `VIR_STORAGE_POOL_EVENT_CREATED`.
        Created = 4,
        /// `VIR_STORAGE_POOL_EVENT_DELETED`.
        Deleted = 5,
    }
}

/// An event about one storage pool.
#[derive(Debug, Clone, PartialEq)]
pub struct StoragePoolEvent {
    /// The registration it was sent for.
    pub callback_id: i32,
    /// The pool.
    pub pool: NonnullStoragePool,
    /// What happened.
    pub kind: StoragePoolEventKind,
}

/// The body of a storage pool event, by event ID (`virStoragePoolEventID`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum StoragePoolEventKind {
    /// `VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE` (0).
    Lifecycle {
        /// `virStoragePoolEventLifecycleType`; see [`StoragePoolLifecycle`].
        event: i32,
        /// Reserved (0).
        detail: i32,
    },
    /// `VIR_STORAGE_POOL_EVENT_ID_REFRESH` (1): the pool was refreshed.
    Refresh,
}

impl StoragePoolEventKind {
    /// The lifecycle event, for a [`Lifecycle`](Self::Lifecycle) event.
    pub fn lifecycle(&self) -> Option<StoragePoolLifecycle> {
        match self {
            Self::Lifecycle { event, .. } => Some(StoragePoolLifecycle::from(*event)),
            _ => None,
        }
    }
}

impl StoragePoolEvent {
    /// Decodes the body of a storage pool event MESSAGE of `procedure`.
    pub fn decode(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        match ProcedureNumber::try_from(procedure) {
            Ok(ProcedureNumber::StoragePoolEventLifecycle) => {
                let m = message::<procs::StoragePoolEventLifecycle>(body)?;
                Ok(Self {
                    callback_id: m.callback_id,
                    pool: m.pool,
                    kind: StoragePoolEventKind::Lifecycle {
                        event: m.event,
                        detail: m.detail,
                    },
                })
            }
            Ok(ProcedureNumber::StoragePoolEventRefresh) => {
                let m = message::<procs::StoragePoolEventRefresh>(body)?;
                Ok(Self {
                    callback_id: m.callback_id,
                    pool: m.pool,
                    kind: StoragePoolEventKind::Refresh,
                })
            }
            _ => Err(unknown_procedure("storage pool event procedure", procedure)),
        }
    }
}

impl DecodeEvent for StoragePoolEvent {
    fn decode_event(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        Self::decode(procedure, body)
    }
}

/// `CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY` `{eventID; optional pool}`.
pub(crate) static FAMILY: Family = Family {
    name: "storage pool",
    register: procs::ConnectStoragePoolEventRegisterAny::INFO,
    deregister: procs::ConnectStoragePoolEventDeregisterAny::INFO,
    events: &[
        procs::StoragePoolEventLifecycle::INFO,
        procs::StoragePoolEventRefresh::INFO,
    ],
    registration: Registration::EventId,
};
