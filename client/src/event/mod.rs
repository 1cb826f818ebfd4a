//! Events the daemon sends unprompted: domain, network, storage pool, node
//! device, secret, QEMU monitor and connection-closed events.
//!
//! A subscription is an [`EventStream`] of one family's typed events. The
//! connection's reader task only routes raw MESSAGE frames, by family and
//! callbackID, into each subscriber's bounded queue; decoding happens when
//! the subscriber polls. A subscriber that falls behind loses the oldest
//! events and is told how many with [`EventError::Lagged`].
//!
//! Only libvirt's callback-style registrations are used (`REGISTER_ANY` with
//! a callbackID per registration), never the legacy domain events.

mod connection_closed;
mod decode;
mod domain;
mod error;
pub(crate) mod family;
pub(crate) mod fanout;
pub(crate) mod guard;
mod ids;
mod network;
mod node_device;
mod qemu_monitor;
pub(crate) mod queue;
mod raw_enum;
pub(crate) mod registry;
mod secret;
mod storage_pool;
mod stream;
mod subscribe;
#[cfg(test)]
mod tests;

pub use connection_closed::{CloseReason, ConnectionClosed};
pub use decode::DecodeEvent;
pub use domain::{DomainEvent, DomainEventId, DomainEventKind, DomainLifecycle};
pub use error::EventError;
pub use ids::{NetworkEventId, NodeDeviceEventId, SecretEventId, StoragePoolEventId};
pub use network::{NetworkEvent, NetworkEventKind, NetworkLifecycle};
pub use node_device::{NodeDeviceEvent, NodeDeviceEventKind, NodeDeviceLifecycle};
pub use qemu_monitor::QemuMonitorEvent;
pub use registry::DEFAULT_EVENT_QUEUE;
pub use secret::{SecretEvent, SecretEventKind, SecretLifecycle};
pub use storage_pool::{StoragePoolEvent, StoragePoolEventKind, StoragePoolLifecycle};
pub use stream::EventStream;
