//! Driver features a daemon can be asked about with `CONNECT_SUPPORTS_FEATURE`.
//!
//! Written by hand, unlike the enums of [`virtwire_protocol::api`]: the
//! `VIR_DRV_FEATURE_*` numbers are libvirt-internal (`src/libvirt_internal.h`)
//! and not in libvirt's API description.

/// A libvirt driver feature (`VIR_DRV_FEATURE_*`, `src/libvirt_internal.h`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Feature {
    /// Version 1 migration (`VIR_DRV_FEATURE_MIGRATION_V1`).
    MigrationV1,
    /// The driver is the remote driver (`VIR_DRV_FEATURE_REMOTE`).
    Remote,
    /// Version 2 migration (`VIR_DRV_FEATURE_MIGRATION_V2`).
    MigrationV2,
    /// Peer-to-peer migration (`VIR_DRV_FEATURE_MIGRATION_P2P`).
    MigrationP2p,
    /// Direct migration (`VIR_DRV_FEATURE_MIGRATION_DIRECT`).
    MigrationDirect,
    /// Version 3 migration (`VIR_DRV_FEATURE_MIGRATION_V3`).
    MigrationV3,
    /// Migration change protection (`VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION`).
    MigrateChangeProtection,
    /// File descriptor passing (`VIR_DRV_FEATURE_FD_PASSING`).
    FdPassing,
    /// String typed parameters (`VIR_DRV_FEATURE_TYPED_PARAM_STRING`).
    TypedParamString,
    /// The keepalive program (`VIR_DRV_FEATURE_PROGRAM_KEEPALIVE`).
    ProgramKeepalive,
    /// Migratable XML (`VIR_DRV_FEATURE_XML_MIGRATABLE`).
    XmlMigratable,
    /// Offline migration (`VIR_DRV_FEATURE_MIGRATION_OFFLINE`).
    MigrationOffline,
    /// Migration with typed parameters (`VIR_DRV_FEATURE_MIGRATION_PARAMS`).
    MigrationParams,
    /// Event callbacks with ids (`VIR_DRV_FEATURE_REMOTE_EVENT_CALLBACK`).
    RemoteEventCallback,
    /// Connection close callbacks (`VIR_DRV_FEATURE_REMOTE_CLOSE_CALLBACK`).
    RemoteCloseCallback,
    /// Network update argument order fixed (`VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER`).
    NetworkUpdateHasCorrectOrder,
    /// A feature number this table does not name.
    Other(i32),
}

impl Feature {
    /// The wire value.
    pub fn raw(self) -> i32 {
        match self {
            Self::MigrationV1 => 1,
            Self::Remote => 2,
            Self::MigrationV2 => 3,
            Self::MigrationP2p => 4,
            Self::MigrationDirect => 5,
            Self::MigrationV3 => 6,
            Self::MigrateChangeProtection => 7,
            Self::FdPassing => 8,
            Self::TypedParamString => 9,
            Self::ProgramKeepalive => 10,
            Self::XmlMigratable => 11,
            Self::MigrationOffline => 12,
            Self::MigrationParams => 13,
            Self::RemoteEventCallback => 14,
            Self::RemoteCloseCallback => 15,
            Self::NetworkUpdateHasCorrectOrder => 16,
            Self::Other(raw) => raw,
        }
    }
}
