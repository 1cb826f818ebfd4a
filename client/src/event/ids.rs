//! The event IDs of the network, storage pool, node device and secret
//! families (`VIR_*_EVENT_ID_*` in libvirt's headers).

macro_rules! event_ids {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $value:expr,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// The wire value.
            pub const fn raw(self) -> i32 {
                match self {
                    $(Self::$variant => $value,)*
                }
            }
        }
    };
}

event_ids! {
    /// `virNetworkEventID` (`include/libvirt/libvirt-network.h`).
    NetworkEventId {
        /// `VIR_NETWORK_EVENT_ID_LIFECYCLE`: defined, undefined, started, stopped.
        Lifecycle = 0,
        /// `VIR_NETWORK_EVENT_ID_METADATA_CHANGE`.
        MetadataChange = 1,
    }
}

event_ids! {
    /// `virStoragePoolEventID` (`include/libvirt/libvirt-storage.h`).
    StoragePoolEventId {
        /// `VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE`.
        Lifecycle = 0,
        /// `VIR_STORAGE_POOL_EVENT_ID_REFRESH`.
        Refresh = 1,
    }
}

event_ids! {
    /// `virNodeDeviceEventID` (`include/libvirt/libvirt-nodedev.h`).
    NodeDeviceEventId {
        /// `VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE`.
        Lifecycle = 0,
        /// `VIR_NODE_DEVICE_EVENT_ID_UPDATE`.
        Update = 1,
    }
}

event_ids! {
    /// `virSecretEventID` (`include/libvirt/libvirt-secret.h`).
    SecretEventId {
        /// `VIR_SECRET_EVENT_ID_LIFECYCLE`.
        Lifecycle = 0,
        /// `VIR_SECRET_EVENT_ID_VALUE_CHANGED`.
        ValueChanged = 1,
    }
}
