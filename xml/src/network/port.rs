//! `<networkport>`: one port of a virtual network (networkport.rng).

use super::{Bandwidth, PortOptions, VirtualPort, Vlan};
use crate::domain::{Address, Mac, TextElement};
use crate::view::view;

view! {
    /// `<networkport>`: one port of a virtual network.
    pub struct NetworkPort = "networkport" {
        children {
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
            /// `<owner>`: the guest the port belongs to.
            one owner, owner_mut, set_owner: "owner" => PortOwner;
            /// `<group>`: the network's portgroup.
            one group, group_mut, set_group: "group" => TextElement;
            /// `<mac address=...>`.
            one mac, mac_mut, set_mac: "mac" => Mac;
            /// `<bandwidth>`.
            one bandwidth, bandwidth_mut, set_bandwidth: "bandwidth" => Bandwidth;
            /// `<vlan>`.
            one vlan, vlan_mut, set_vlan: "vlan" => Vlan;
            /// `<port isolated=...>`.
            one port, port_mut, set_port: "port" => PortOptions;
            /// `<virtualport>`.
            one virtualport, virtualport_mut, set_virtualport: "virtualport" => VirtualPort;
            /// `<rxfilters trustGuest=...>`.
            one rxfilters, rxfilters_mut, set_rxfilters: "rxfilters" => RxFilters;
            /// `<plug type=...>`: how the port is attached to the host.
            one plug, plug_mut, set_plug: "plug" => Plug;
        }
    }
}

view! {
    /// A network port's or filter binding's `<owner>`: a guest.
    pub struct PortOwner = "owner" {
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
        }
    }
}

view! {
    /// `<rxfilters trustGuest=...>`.
    pub struct RxFilters = "rxfilters" {
        attrs {
            /// `trustGuest`.
            trust_guest, set_trust_guest: "trustGuest" => crate::YesNo;
        }
    }
}

view! {
    /// A network port's `<plug>`: a bridge, a macvtap device or a PCI
    /// device, by `type`.
    pub struct Plug = "plug" {
        attrs {
            /// `type`: `network`, `bridge`, `direct`, `hostdev-pci`.
            kind, set_kind: "type" => String;
            /// `bridge` (network, bridge).
            bridge, set_bridge: "bridge" => String;
            /// `macTableManager` (network, bridge).
            mac_table_manager, set_mac_table_manager: "macTableManager" => String;
            /// `dev` (direct).
            dev, set_dev: "dev" => String;
            /// `mode` (direct).
            mode, set_mode: "mode" => String;
            /// `managed` (hostdev-pci).
            managed, set_managed: "managed" => crate::YesNo;
        }
        children {
            /// `<address>` (hostdev-pci).
            one address, address_mut, set_address: "address" => Address;
        }
    }
}
