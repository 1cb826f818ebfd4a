//! Domain event IDs (`VIR_DOMAIN_EVENT_ID_*`) and the MESSAGE procedure the
//! daemon sends for each.

use virtwire_protocol::ProcedureInfo;
use virtwire_protocol::remote::procs;
// Brings `INFO` of the generated event markers into scope.
use virtwire_protocol::Event as _;

/// A kind of domain event to subscribe to (`virDomainEventID`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(i32)]
#[non_exhaustive]
pub enum DomainEventId {
    /// `VIR_DOMAIN_EVENT_ID_LIFECYCLE`: defined, started, stopped, ….
    Lifecycle = 0,
    /// `VIR_DOMAIN_EVENT_ID_REBOOT`.
    Reboot = 1,
    /// `VIR_DOMAIN_EVENT_ID_RTC_CHANGE`.
    RtcChange = 2,
    /// `VIR_DOMAIN_EVENT_ID_WATCHDOG`.
    Watchdog = 3,
    /// `VIR_DOMAIN_EVENT_ID_IO_ERROR`.
    IoError = 4,
    /// `VIR_DOMAIN_EVENT_ID_GRAPHICS`.
    Graphics = 5,
    /// `VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON`.
    IoErrorReason = 6,
    /// `VIR_DOMAIN_EVENT_ID_CONTROL_ERROR`.
    ControlError = 7,
    /// `VIR_DOMAIN_EVENT_ID_BLOCK_JOB`: the disk is named by path.
    BlockJob = 8,
    /// `VIR_DOMAIN_EVENT_ID_DISK_CHANGE`.
    DiskChange = 9,
    /// `VIR_DOMAIN_EVENT_ID_TRAY_CHANGE`.
    TrayChange = 10,
    /// `VIR_DOMAIN_EVENT_ID_PMWAKEUP`.
    Pmwakeup = 11,
    /// `VIR_DOMAIN_EVENT_ID_PMSUSPEND`.
    Pmsuspend = 12,
    /// `VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE`.
    BalloonChange = 13,
    /// `VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK`.
    PmsuspendDisk = 14,
    /// `VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED`.
    DeviceRemoved = 15,
    /// `VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2`: the disk is named by target.
    BlockJob2 = 16,
    /// `VIR_DOMAIN_EVENT_ID_TUNABLE`.
    Tunable = 17,
    /// `VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE`.
    AgentLifecycle = 18,
    /// `VIR_DOMAIN_EVENT_ID_DEVICE_ADDED`.
    DeviceAdded = 19,
    /// `VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION`.
    MigrationIteration = 20,
    /// `VIR_DOMAIN_EVENT_ID_JOB_COMPLETED`.
    JobCompleted = 21,
    /// `VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED`.
    DeviceRemovalFailed = 22,
    /// `VIR_DOMAIN_EVENT_ID_METADATA_CHANGE`.
    MetadataChange = 23,
    /// `VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD`.
    BlockThreshold = 24,
    /// `VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE`.
    MemoryFailure = 25,
    /// `VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE`.
    MemoryDeviceSizeChange = 26,
    /// `VIR_DOMAIN_EVENT_ID_NIC_MAC_CHANGE`.
    NicMacChange = 27,
}

impl DomainEventId {
    /// Every event ID libvirt 11.3.0 knows, in numeric order.
    pub const ALL: [Self; 28] = [
        Self::Lifecycle,
        Self::Reboot,
        Self::RtcChange,
        Self::Watchdog,
        Self::IoError,
        Self::Graphics,
        Self::IoErrorReason,
        Self::ControlError,
        Self::BlockJob,
        Self::DiskChange,
        Self::TrayChange,
        Self::Pmwakeup,
        Self::Pmsuspend,
        Self::BalloonChange,
        Self::PmsuspendDisk,
        Self::DeviceRemoved,
        Self::BlockJob2,
        Self::Tunable,
        Self::AgentLifecycle,
        Self::DeviceAdded,
        Self::MigrationIteration,
        Self::JobCompleted,
        Self::DeviceRemovalFailed,
        Self::MetadataChange,
        Self::BlockThreshold,
        Self::MemoryFailure,
        Self::MemoryDeviceSizeChange,
        Self::NicMacChange,
    ];

    /// The event ID with C value `raw`, if this crate knows it.
    pub fn from_raw(raw: i32) -> Option<Self> {
        Self::ALL.get(usize::try_from(raw).ok()?).copied()
    }

    /// The C value (`VIR_DOMAIN_EVENT_ID_*`).
    pub const fn raw(self) -> i32 {
        self as i32
    }

    /// The callback-style MESSAGE procedure the daemon sends this event as
    /// (`REMOTE_PROC_DOMAIN_EVENT_CALLBACK_*` and friends).
    pub fn callback_procedure(self) -> i32 {
        self.procedure().number
    }

    /// The table entry of [`callback_procedure`](Self::callback_procedure).
    pub fn procedure(self) -> &'static ProcedureInfo {
        CALLBACK_PROCEDURES[self as usize]
    }
}

/// The callback-style MESSAGE procedure of each event ID, indexed by ID
/// (`remote_daemon_dispatch.c` sends these to callback registrations; the
/// legacy procedures without a callbackID are never used).
pub(crate) static CALLBACK_PROCEDURES: [&ProcedureInfo; 28] = [
    procs::DomainEventCallbackLifecycle::INFO,
    procs::DomainEventCallbackReboot::INFO,
    procs::DomainEventCallbackRtcChange::INFO,
    procs::DomainEventCallbackWatchdog::INFO,
    procs::DomainEventCallbackIoError::INFO,
    procs::DomainEventCallbackGraphics::INFO,
    procs::DomainEventCallbackIoErrorReason::INFO,
    procs::DomainEventCallbackControlError::INFO,
    procs::DomainEventCallbackBlockJob::INFO,
    procs::DomainEventCallbackDiskChange::INFO,
    procs::DomainEventCallbackTrayChange::INFO,
    procs::DomainEventCallbackPmwakeup::INFO,
    procs::DomainEventCallbackPmsuspend::INFO,
    procs::DomainEventCallbackBalloonChange::INFO,
    procs::DomainEventCallbackPmsuspendDisk::INFO,
    procs::DomainEventCallbackDeviceRemoved::INFO,
    procs::DomainEventBlockJob2::INFO,
    procs::DomainEventCallbackTunable::INFO,
    procs::DomainEventCallbackAgentLifecycle::INFO,
    procs::DomainEventCallbackDeviceAdded::INFO,
    procs::DomainEventCallbackMigrationIteration::INFO,
    procs::DomainEventCallbackJobCompleted::INFO,
    procs::DomainEventCallbackDeviceRemovalFailed::INFO,
    procs::DomainEventCallbackMetadataChange::INFO,
    procs::DomainEventBlockThreshold::INFO,
    procs::DomainEventMemoryFailure::INFO,
    procs::DomainEventMemoryDeviceSizeChange::INFO,
    procs::DomainEventNicMacChange::INFO,
];
