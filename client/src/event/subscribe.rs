//! Subscribing: one method per event family on [`Client`].

use super::ids::{NetworkEventId, NodeDeviceEventId, SecretEventId, StoragePoolEventId};
use super::{
    ConnectionClosed, DomainEvent, DomainEventId, EventStream, NetworkEvent, NodeDeviceEvent,
    QemuMonitorEvent, SecretEvent, StoragePoolEvent,
};
use crate::client::Client;
use crate::error::Result;
use virtwire_protocol::xdr::XdrString;
use virtwire_protocol::{qemu, remote};

impl Client {
    /// Domain events of kind `event`, for every domain or only `domain`
    /// (`virConnectDomainEventRegisterAny`).
    ///
    /// Subscribers of the same event and filter share one registration with
    /// the daemon; dropping the last stream deregisters it. A subscriber
    /// that falls more than its queue behind gets
    /// [`EventError::Lagged`](super::EventError::Lagged) and misses the
    /// oldest events; nobody else waits for it.
    pub async fn domain_events(
        &self,
        event: DomainEventId,
        domain: Option<&remote::NonnullDomain>,
    ) -> Result<EventStream<DomainEvent>> {
        let args = remote::ConnectDomainEventCallbackRegisterAnyArgs {
            event_id: event.raw(),
            dom: domain.cloned(),
        };
        self.subscribe(&super::domain::FAMILY, event.raw(), args)
            .await
    }

    /// Network events (`virConnectNetworkEventRegisterAny`).
    pub async fn network_events(
        &self,
        event: NetworkEventId,
        network: Option<&remote::NonnullNetwork>,
    ) -> Result<EventStream<NetworkEvent>> {
        let args = remote::ConnectNetworkEventRegisterAnyArgs {
            event_id: event.raw(),
            net: network.cloned(),
        };
        self.subscribe(&super::network::FAMILY, event.raw(), args)
            .await
    }

    /// Storage pool events (`virConnectStoragePoolEventRegisterAny`).
    pub async fn storage_pool_events(
        &self,
        event: StoragePoolEventId,
        pool: Option<&remote::NonnullStoragePool>,
    ) -> Result<EventStream<StoragePoolEvent>> {
        let args = remote::ConnectStoragePoolEventRegisterAnyArgs {
            event_id: event.raw(),
            pool: pool.cloned(),
        };
        self.subscribe(&super::storage_pool::FAMILY, event.raw(), args)
            .await
    }

    /// Node device events (`virConnectNodeDeviceEventRegisterAny`).
    pub async fn node_device_events(
        &self,
        event: NodeDeviceEventId,
        device: Option<&remote::NonnullNodeDevice>,
    ) -> Result<EventStream<NodeDeviceEvent>> {
        let args = remote::ConnectNodeDeviceEventRegisterAnyArgs {
            event_id: event.raw(),
            dev: device.cloned(),
        };
        self.subscribe(&super::node_device::FAMILY, event.raw(), args)
            .await
    }

    /// Secret events (`virConnectSecretEventRegisterAny`).
    pub async fn secret_events(
        &self,
        event: SecretEventId,
        secret: Option<&remote::NonnullSecret>,
    ) -> Result<EventStream<SecretEvent>> {
        let args = remote::ConnectSecretEventRegisterAnyArgs {
            event_id: event.raw(),
            secret: secret.cloned(),
        };
        self.subscribe(&super::secret::FAMILY, event.raw(), args)
            .await
    }

    /// QEMU monitor events (`virConnectDomainQemuMonitorEventRegister`),
    /// for every domain or only `domain`, every event or only `event` (with
    /// `flags` from `virConnectDomainQemuMonitorEventRegisterFlags`: regex,
    /// case-insensitive).
    pub async fn qemu_monitor_events(
        &self,
        domain: Option<&remote::NonnullDomain>,
        event: Option<&str>,
        flags: u32,
    ) -> Result<EventStream<QemuMonitorEvent>> {
        let args = qemu::ConnectDomainMonitorEventRegisterArgs {
            dom: domain.cloned(),
            event: event.map(XdrString::from),
            flags,
        };
        self.subscribe(&super::qemu_monitor::FAMILY, 0, args).await
    }

    /// The daemon's connection-closed events
    /// (`virConnectRegisterCloseCallback`): sent when the hypervisor
    /// connection behind the daemon closes. When this connection itself
    /// closes, the stream ends with
    /// [`EventError::Closed`](super::EventError::Closed) carrying the reason.
    pub async fn connection_closed_events(&self) -> Result<EventStream<ConnectionClosed>> {
        self.subscribe(&super::connection_closed::FAMILY, 0, ())
            .await
    }
}
