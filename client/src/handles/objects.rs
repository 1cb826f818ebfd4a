//! The handle types: a [`Client`] and an object's wire identity (its
//! `remote_nonnull_*` struct), cheap to clone. Equality and hashing look at
//! the wire identity only, never at the client; `Display` writes the
//! object's name (or UUID, for the objects without one).

use std::fmt;
use std::hash::{Hash, Hasher};

use super::Uuid;
use crate::Client;
use virtwire_protocol::remote;

macro_rules! handle {
    (
        $(#[$doc:meta])*
        $name:ident($wire:ty, $c:literal);
        hash |$h:ident| $hash:expr;
        display |$d:ident, $f:ident| $display:expr;
    ) => {
        $(#[$doc])*
        ///
        /// Cloning is cheap (the client is shared, the identity's strings are
        /// reference-counted). Two handles are equal when their wire
        /// identities are, whatever connection they came from, so they are
        /// sound map keys (clippy's `mutable_key_type` sees the client's
        /// shared state; `ignore-interior-mutability = ["bytes::Bytes", "virtwire::Client"]`
        /// in `clippy.toml` tells it that the hash never looks there).
        #[derive(Clone)]
        pub struct $name {
            client: Client,
            wire: $wire,
        }

        impl $name {
            #[doc = concat!("A handle of the object `wire` identifies (a `", $c, "`), on `client`.")]
            ///
            /// For values from the raw [`Calls`](virtwire_protocol::remote::Calls)
            /// layer.
            pub fn from_wire(client: Client, wire: $wire) -> Self {
                Self { client, wire }
            }

            /// The connection this handle calls through.
            pub fn client(&self) -> &Client {
                &self.client
            }

            /// The wire identity, as the raw layer takes it.
            pub fn wire(&self) -> &$wire {
                &self.wire
            }

            /// The wire identity, by value.
            pub fn into_wire(self) -> $wire {
                self.wire
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.wire == other.wire
            }
        }

        impl Eq for $name {}

        impl Hash for $name {
            fn hash<H: Hasher>(&self, state: &mut H) {
                let $h = &self.wire;
                $hash.hash(state);
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, $f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let $d = &self.wire;
                $display
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.wire).finish()
            }
        }
    };
}

handle! {
    /// A domain (`virDomainPtr`): a virtual machine, running or defined.
    ///
    /// Its identity includes the ID it had when the handle was made (-1
    /// when inactive), so the handles of one domain from before and after
    /// it starts differ; compare [`uuid`](Self::uuid)s to tell domains
    /// apart across state changes.
    Domain(remote::NonnullDomain, "virDomainPtr");
    hash |w| (&*w.name, &w.uuid, w.id);
    display |w, f| f.write_str(&w.name);
}

handle! {
    /// A virtual network (`virNetworkPtr`).
    Network(remote::NonnullNetwork, "virNetworkPtr");
    hash |w| (&*w.name, &w.uuid);
    display |w, f| f.write_str(&w.name);
}

handle! {
    /// A port of a virtual network (`virNetworkPortPtr`); displayed as its UUID.
    NetworkPort(remote::NonnullNetworkPort, "virNetworkPortPtr");
    hash |w| (&*w.net.name, &w.net.uuid, &w.uuid);
    display |w, f| write!(f, "{}", Uuid::from_bytes(w.uuid));
}

handle! {
    /// A storage pool (`virStoragePoolPtr`).
    StoragePool(remote::NonnullStoragePool, "virStoragePoolPtr");
    hash |w| (&*w.name, &w.uuid);
    display |w, f| f.write_str(&w.name);
}

handle! {
    /// A storage volume (`virStorageVolPtr`); displayed as its key
    /// (usually its path), which identifies it on the host.
    StorageVol(remote::NonnullStorageVol, "virStorageVolPtr");
    hash |w| (&*w.pool, &*w.name, &*w.key);
    display |w, f| f.write_str(&w.key);
}

handle! {
    /// A host device (`virNodeDevicePtr`).
    NodeDevice(remote::NonnullNodeDevice, "virNodeDevicePtr");
    hash |w| &*w.name;
    display |w, f| f.write_str(&w.name);
}

handle! {
    /// A secret (`virSecretPtr`); displayed as its UUID.
    Secret(remote::NonnullSecret, "virSecretPtr");
    hash |w| (&w.uuid, w.usage_type, &*w.usage_id);
    display |w, f| write!(f, "{}", Uuid::from_bytes(w.uuid));
}

handle! {
    /// A host network interface (`virInterfacePtr`).
    Interface(remote::NonnullInterface, "virInterfacePtr");
    hash |w| (&*w.name, &*w.mac);
    display |w, f| f.write_str(&w.name);
}

handle! {
    /// A network filter (`virNWFilterPtr`).
    NwFilter(remote::NonnullNwfilter, "virNWFilterPtr");
    hash |w| (&*w.name, &w.uuid);
    display |w, f| f.write_str(&w.name);
}

handle! {
    /// A network filter binding (`virNWFilterBindingPtr`); displayed as
    /// its port device.
    NwFilterBinding(remote::NonnullNwfilterBinding, "virNWFilterBindingPtr");
    hash |w| (&*w.portdev, &*w.filtername);
    display |w, f| f.write_str(&w.portdev);
}

handle! {
    /// A domain snapshot (`virDomainSnapshotPtr`).
    DomainSnapshot(remote::NonnullDomainSnapshot, "virDomainSnapshotPtr");
    hash |w| (&*w.name, &*w.dom.name, &w.dom.uuid, w.dom.id);
    display |w, f| f.write_str(&w.name);
}

handle! {
    /// A domain checkpoint (`virDomainCheckpointPtr`).
    DomainCheckpoint(remote::NonnullDomainCheckpoint, "virDomainCheckpointPtr");
    hash |w| (&*w.name, &*w.dom.name, &w.dom.uuid, w.dom.id);
    display |w, f| f.write_str(&w.name);
}

/// Accessors of the wire identity, answered locally like libvirt's
/// `vir*GetName`/`vir*GetUUID` functions.
macro_rules! name_uuid {
    ($($ty:ident($what:literal)),*) => {$(
        impl $ty {
            #[doc = concat!("Its name: calls `vir", $what, "GetName` (answered locally).")]
            pub fn name(&self) -> &str {
                &self.wire.name
            }

            #[doc = concat!("Its UUID: calls `vir", $what, "GetUUID` (answered locally); \
                `uuid().to_string()` is `vir", $what, "GetUUIDString`.")]
            pub fn uuid(&self) -> Uuid {
                Uuid::from_bytes(self.wire.uuid)
            }
        }
    )*};
}

name_uuid!(
    Domain("Domain"),
    Network("Network"),
    StoragePool("StoragePool"),
    NwFilter("NWFilter")
);

impl Domain {
    /// Its ID while it runs, `None` when inactive: calls `virDomainGetID`
    /// (answered locally, as of when the handle was made).
    pub fn id(&self) -> Option<u32> {
        u32::try_from(self.wire.id).ok()
    }
}

impl NetworkPort {
    /// The network it belongs to: calls `virNetworkPortGetNetwork` (answered locally).
    pub fn network(&self) -> Network {
        Network::from_wire(self.client.clone(), self.wire.net.clone())
    }

    /// Its UUID: calls `virNetworkPortGetUUID` (answered locally).
    pub fn uuid(&self) -> Uuid {
        Uuid::from_bytes(self.wire.uuid)
    }
}

impl StorageVol {
    /// The name of the pool it is in (answered locally); `virStorageVolGetPool`
    /// is `client.storage_pool_lookup_by_name(vol.pool_name())`.
    pub fn pool_name(&self) -> &str {
        &self.wire.pool
    }

    /// Its name: calls `virStorageVolGetName` (answered locally).
    pub fn name(&self) -> &str {
        &self.wire.name
    }

    /// Its key: calls `virStorageVolGetKey` (answered locally).
    pub fn key(&self) -> &str {
        &self.wire.key
    }
}

impl NodeDevice {
    /// Its name: calls `virNodeDeviceGetName` (answered locally).
    pub fn name(&self) -> &str {
        &self.wire.name
    }
}

impl Secret {
    /// Its UUID: calls `virSecretGetUUID` (answered locally).
    pub fn uuid(&self) -> Uuid {
        Uuid::from_bytes(self.wire.uuid)
    }

    /// What it is for (`virSecretUsageType`): calls `virSecretGetUsageType`
    /// (answered locally).
    pub fn usage_type(&self) -> virtwire_protocol::api::SecretUsageType {
        virtwire_protocol::api::SecretUsageType::from_raw(self.wire.usage_type)
    }

    /// Its usage ID: calls `virSecretGetUsageID` (answered locally).
    pub fn usage_id(&self) -> &str {
        &self.wire.usage_id
    }
}

impl Interface {
    /// Its name: calls `virInterfaceGetName` (answered locally).
    pub fn name(&self) -> &str {
        &self.wire.name
    }

    /// Its MAC address: calls `virInterfaceGetMACString` (answered locally).
    pub fn mac(&self) -> &str {
        &self.wire.mac
    }
}

impl NwFilterBinding {
    /// Its port device: calls `virNWFilterBindingGetPortDev` (answered locally).
    pub fn port_dev(&self) -> &str {
        &self.wire.portdev
    }

    /// Its filter's name: calls `virNWFilterBindingGetFilterName` (answered locally).
    pub fn filter_name(&self) -> &str {
        &self.wire.filtername
    }
}

impl DomainSnapshot {
    /// Its name: calls `virDomainSnapshotGetName` (answered locally).
    pub fn name(&self) -> &str {
        &self.wire.name
    }

    /// Its domain: calls `virDomainSnapshotGetDomain` (answered locally).
    pub fn domain(&self) -> Domain {
        Domain::from_wire(self.client.clone(), self.wire.dom.clone())
    }
}

impl DomainCheckpoint {
    /// Its name: calls `virDomainCheckpointGetName` (answered locally).
    pub fn name(&self) -> &str {
        &self.wire.name
    }

    /// Its domain: calls `virDomainCheckpointGetDomain` (answered locally).
    pub fn domain(&self) -> Domain {
        Domain::from_wire(self.client.clone(), self.wire.dom.clone())
    }
}
