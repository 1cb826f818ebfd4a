//! The remaining top-level documents, with their top-level fields modelled.

use crate::domain::{Domain, TextElement};
use crate::view::view;

view! {
    /// `<network>`: a libvirt virtual network.
    pub struct Network = "network" {
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
        }
    }
}

view! {
    /// `<networkport>`: one port of a virtual network.
    pub struct NetworkPort = "networkport" {
        children {
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
        }
    }
}

view! {
    /// `<pool>`: a storage pool.
    pub struct StoragePool = "pool" {
        attrs {
            /// `type`: `dir`, `fs`, `logical`, `iscsi`, `rbd`, ...
            kind, set_kind: "type" => String;
        }
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
        }
    }
}

view! {
    /// `<volume>`: a storage volume.
    pub struct StorageVolume = "volume" {
        attrs {
            /// `type`: `file`, `block`, `dir`, `network`, `netdir`, `ploop`.
            kind, set_kind: "type" => String;
        }
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<key>`.
            one key, key_mut, set_key: "key" => TextElement;
        }
    }
}

view! {
    /// `<device>`: a host (node) device.
    pub struct NodeDevice = "device" {
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<path>`.
            one path, path_mut, set_path: "path" => TextElement;
            /// `<parent>`.
            one parent, parent_mut, set_parent: "parent" => TextElement;
        }
    }
}

view! {
    /// `<secret>`.
    pub struct Secret = "secret" {
        attrs {
            /// `ephemeral`.
            ephemeral, set_ephemeral: "ephemeral" => crate::YesNo;
            /// `private`.
            private, set_private: "private" => crate::YesNo;
        }
        children {
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
            /// `<description>`.
            one description, description_mut, set_description: "description" => TextElement;
        }
    }
}

view! {
    /// `<interface>`: a host network interface (the interface driver's).
    pub struct HostInterface = "interface" {
        attrs {
            /// `type`: `ethernet`, `bridge`, `bond`, `vlan`.
            kind, set_kind: "type" => String;
            /// `name`.
            name, set_name: "name" => String;
        }
    }
}

view! {
    /// `<filter>`: an nwfilter.
    pub struct NwFilter = "filter" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
            /// `chain`.
            chain, set_chain: "chain" => String;
            /// `priority`.
            priority, set_priority: "priority" => i32;
        }
        children {
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
        }
    }
}

view! {
    /// `<filterbinding>`: an nwfilter bound to a port.
    pub struct NwFilterBinding = "filterbinding" {
        children {
            /// `<owner>` (kept as a raw element).
            one owner, owner_mut, set_owner: "owner" => crate::domain::Named;
        }
    }
}

view! {
    /// `<domainsnapshot>`.
    pub struct DomainSnapshot = "domainsnapshot" {
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<description>`.
            one description, description_mut, set_description: "description" => TextElement;
            /// `<state>`.
            one state, state_mut, set_state: "state" => TextElement;
            /// `<creationTime>`.
            one creation_time, creation_time_mut, set_creation_time: "creationTime" => TextElement;
            /// `<domain>`: the guest's configuration when taken.
            one domain, domain_mut, set_domain: "domain" => Domain;
        }
    }
}

view! {
    /// `<domaincheckpoint>`.
    pub struct DomainCheckpoint = "domaincheckpoint" {
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<description>`.
            one description, description_mut, set_description: "description" => TextElement;
            /// `<creationTime>`.
            one creation_time, creation_time_mut, set_creation_time: "creationTime" => TextElement;
            /// `<domain>`: the guest's configuration when taken.
            one domain, domain_mut, set_domain: "domain" => Domain;
        }
    }
}
