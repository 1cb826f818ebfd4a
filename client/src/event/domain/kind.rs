//! What happened to a domain: one variant per domain event ID, carrying that
//! event's message fields.
//!
//! Values that are C enums in libvirt (watchdog action, block job status, …)
//! stay `i32` so that a newer daemon's values pass through unchanged; the
//! lifecycle event also has [`DomainLifecycle`].

use super::id::DomainEventId;
use crate::event::raw_enum::raw_enum;
use virtwire_protocol::remote::{DomainEventGraphicsAddress, DomainEventGraphicsIdentity};
use virtwire_protocol::xdr::XdrString;

raw_enum! {
    /// The `event` of a lifecycle event (`virDomainEventType`).
    pub enum DomainLifecycle {
        /// `VIR_DOMAIN_EVENT_DEFINED`.
        Defined = 0,
        /// `VIR_DOMAIN_EVENT_UNDEFINED`.
        Undefined = 1,
        /// `VIR_DOMAIN_EVENT_STARTED`.
        Started = 2,
        /// `VIR_DOMAIN_EVENT_SUSPENDED`.
        Suspended = 3,
        /// `VIR_DOMAIN_EVENT_RESUMED`.
        Resumed = 4,
        /// `VIR_DOMAIN_EVENT_STOPPED`.
        Stopped = 5,
        /// `VIR_DOMAIN_EVENT_SHUTDOWN`.
        Shutdown = 6,
        /// `VIR_DOMAIN_EVENT_PMSUSPENDED`.
        Pmsuspended = 7,
        /// `VIR_DOMAIN_EVENT_CRASHED`.
        Crashed = 8,
    }
}

/// The body of a domain event, by event ID.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DomainEventKind {
    /// The domain was defined, started, stopped, … ([`DomainEventId::Lifecycle`]).
    Lifecycle {
        /// `virDomainEventType`; see [`DomainLifecycle`].
        event: i32,
        /// The matching `virDomainEvent*DetailType`.
        detail: i32,
    },
    /// The guest rebooted.
    Reboot,
    /// The guest's RTC changed.
    RtcChange {
        /// New offset from UTC, in seconds.
        offset: i64,
    },
    /// The watchdog fired.
    Watchdog {
        /// `virDomainEventWatchdogAction`.
        action: i32,
    },
    /// A disk I/O error.
    IoError {
        /// The disk's source path.
        src_path: XdrString,
        /// The disk's device alias.
        dev_alias: XdrString,
        /// `virDomainEventIOErrorAction`.
        action: i32,
    },
    /// A graphics client connected, was authenticated or disconnected.
    Graphics {
        /// `virDomainEventGraphicsPhase`.
        phase: i32,
        /// The server's address.
        local: DomainEventGraphicsAddress,
        /// The client's address.
        remote: DomainEventGraphicsAddress,
        /// The authentication scheme.
        auth_scheme: XdrString,
        /// The client's identity (x509 name, SASL user, …).
        subject: Vec<DomainEventGraphicsIdentity>,
    },
    /// A disk I/O error, with its reason.
    IoErrorReason {
        /// The disk's source path.
        src_path: XdrString,
        /// The disk's device alias.
        dev_alias: XdrString,
        /// `virDomainEventIOErrorAction`.
        action: i32,
        /// Why, e.g. `"enospc"`.
        reason: XdrString,
    },
    /// The connection to the hypervisor's control channel failed.
    ControlError,
    /// A block job changed state; the disk is named by path.
    BlockJob {
        /// The disk's source path.
        path: XdrString,
        /// `virDomainBlockJobType`.
        job_type: i32,
        /// `virConnectDomainEventBlockJobStatus`.
        status: i32,
    },
    /// A disk's media changed.
    DiskChange {
        /// The old source, if there was one.
        old_src_path: Option<XdrString>,
        /// The new source, if there is one.
        new_src_path: Option<XdrString>,
        /// The disk's device alias.
        dev_alias: XdrString,
        /// `virConnectDomainEventDiskChangeReason`.
        reason: i32,
    },
    /// A removable drive's tray opened or closed.
    TrayChange {
        /// The drive's device alias.
        dev_alias: XdrString,
        /// `virDomainEventTrayChangeReason`.
        reason: i32,
    },
    /// The guest woke up from a power-management suspend.
    Pmwakeup {
        /// Reserved (0).
        reason: i32,
    },
    /// The guest suspended to RAM.
    Pmsuspend {
        /// Reserved (0).
        reason: i32,
    },
    /// The balloon changed the guest's memory.
    BalloonChange {
        /// The new current memory, in KiB.
        actual: u64,
    },
    /// The guest suspended to disk.
    PmsuspendDisk {
        /// Reserved (0).
        reason: i32,
    },
    /// A device was removed.
    DeviceRemoved {
        /// The device's alias.
        dev_alias: XdrString,
    },
    /// A block job changed state; the disk is named by target.
    BlockJob2 {
        /// The disk's target (e.g. `"vda"`).
        dst: XdrString,
        /// `virDomainBlockJobType`.
        job_type: i32,
        /// `virConnectDomainEventBlockJobStatus`.
        status: i32,
    },
    /// Tunables changed.
    Tunable {
        /// The changed parameters (`cputune.*`, `blkdeviotune.*`, ...).
        params: crate::TypedParams,
    },
    /// The guest agent connected or disconnected.
    AgentLifecycle {
        /// `virConnectDomainEventAgentLifecycleState`.
        state: i32,
        /// `virConnectDomainEventAgentLifecycleReason`.
        reason: i32,
    },
    /// A device was added.
    DeviceAdded {
        /// The device's alias.
        dev_alias: XdrString,
    },
    /// A migration iteration finished.
    MigrationIteration {
        /// The iteration number.
        iteration: i32,
    },
    /// A job completed.
    JobCompleted {
        /// The job's final statistics.
        params: crate::TypedParams,
    },
    /// A device removal failed.
    DeviceRemovalFailed {
        /// The device's alias.
        dev_alias: XdrString,
    },
    /// The domain's metadata changed.
    MetadataChange {
        /// `virDomainMetadataType`.
        metadata_type: i32,
        /// The namespace URI, for element metadata.
        nsuri: Option<XdrString>,
    },
    /// A disk's write threshold was crossed.
    BlockThreshold {
        /// The disk's target or node name.
        dev: XdrString,
        /// The source path, if known.
        path: Option<XdrString>,
        /// The threshold, in bytes.
        threshold: u64,
        /// How far it was exceeded, in bytes.
        excess: u64,
    },
    /// The guest hit a hardware memory failure.
    MemoryFailure {
        /// `virDomainMemoryFailureRecipientType`.
        recipient: i32,
        /// `virDomainMemoryFailureActionType`.
        action: i32,
        /// `virDomainMemoryFailureFlags`.
        flags: u32,
    },
    /// A memory device's size changed.
    MemoryDeviceSizeChange {
        /// The device's alias.
        alias: XdrString,
        /// The new size, in KiB.
        size: u64,
    },
    /// A network interface's MAC address changed.
    NicMacChange {
        /// The interface's alias.
        alias: XdrString,
        /// The old MAC address.
        old_mac: XdrString,
        /// The new MAC address.
        new_mac: XdrString,
    },
}

impl DomainEventKind {
    /// The event ID this kind of event is subscribed with.
    pub fn id(&self) -> DomainEventId {
        match self {
            Self::Lifecycle { .. } => DomainEventId::Lifecycle,
            Self::Reboot => DomainEventId::Reboot,
            Self::RtcChange { .. } => DomainEventId::RtcChange,
            Self::Watchdog { .. } => DomainEventId::Watchdog,
            Self::IoError { .. } => DomainEventId::IoError,
            Self::Graphics { .. } => DomainEventId::Graphics,
            Self::IoErrorReason { .. } => DomainEventId::IoErrorReason,
            Self::ControlError => DomainEventId::ControlError,
            Self::BlockJob { .. } => DomainEventId::BlockJob,
            Self::DiskChange { .. } => DomainEventId::DiskChange,
            Self::TrayChange { .. } => DomainEventId::TrayChange,
            Self::Pmwakeup { .. } => DomainEventId::Pmwakeup,
            Self::Pmsuspend { .. } => DomainEventId::Pmsuspend,
            Self::BalloonChange { .. } => DomainEventId::BalloonChange,
            Self::PmsuspendDisk { .. } => DomainEventId::PmsuspendDisk,
            Self::DeviceRemoved { .. } => DomainEventId::DeviceRemoved,
            Self::BlockJob2 { .. } => DomainEventId::BlockJob2,
            Self::Tunable { .. } => DomainEventId::Tunable,
            Self::AgentLifecycle { .. } => DomainEventId::AgentLifecycle,
            Self::DeviceAdded { .. } => DomainEventId::DeviceAdded,
            Self::MigrationIteration { .. } => DomainEventId::MigrationIteration,
            Self::JobCompleted { .. } => DomainEventId::JobCompleted,
            Self::DeviceRemovalFailed { .. } => DomainEventId::DeviceRemovalFailed,
            Self::MetadataChange { .. } => DomainEventId::MetadataChange,
            Self::BlockThreshold { .. } => DomainEventId::BlockThreshold,
            Self::MemoryFailure { .. } => DomainEventId::MemoryFailure,
            Self::MemoryDeviceSizeChange { .. } => DomainEventId::MemoryDeviceSizeChange,
            Self::NicMacChange { .. } => DomainEventId::NicMacChange,
        }
    }

    /// The lifecycle event, for a [`Lifecycle`](Self::Lifecycle) event.
    pub fn lifecycle(&self) -> Option<DomainLifecycle> {
        match self {
            Self::Lifecycle { event, .. } => Some(DomainLifecycle::from(*event)),
            _ => None,
        }
    }
}
