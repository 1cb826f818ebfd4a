//! Port settings a network, its portgroups and ports share with a guest's
//! interfaces: `<vlan>`, `<virtualport>`, `<bandwidth>`, `<port>`.

use crate::view::view;

view! {
    /// `<vlan>`: the VLAN tags of a port's traffic.
    pub struct Vlan = "vlan" {
        attrs {
            /// `trunk`: several tags, or one tagged as a trunk.
            trunk, set_trunk: "trunk" => crate::YesNo;
        }
        children {
            /// `<tag id=...>`s.
            many tags, tags_mut, push_tag: "tag" => VlanTag;
        }
    }
}

view! {
    /// A VLAN `<tag>`.
    pub struct VlanTag = "tag" {
        attrs {
            /// `id`: 0 to 4095.
            id, set_id: "id" => u16;
            /// `nativeMode`: `tagged` or `untagged`.
            native_mode, set_native_mode: "nativeMode" => String;
        }
    }
}

view! {
    /// `<virtualport type=...>`: the switch port profile (`802.1Qbg`,
    /// `802.1Qbh`, `openvswitch`, `midonet`).
    pub struct VirtualPort = "virtualport" {
        attrs {
            /// `type`.
            kind, set_kind: "type" => String;
        }
        children {
            /// `<parameters>`.
            one parameters, parameters_mut, set_parameters: "parameters" => VirtualPortParameters;
        }
    }
}

view! {
    /// A virtualport's `<parameters>`: which apply depends on the type.
    pub struct VirtualPortParameters = "parameters" {
        attrs {
            /// `managerid` (802.1Qbg).
            managerid, set_managerid: "managerid" => u8;
            /// `typeid` (802.1Qbg).
            typeid, set_typeid: "typeid" => u32;
            /// `typeidversion` (802.1Qbg).
            typeidversion, set_typeidversion: "typeidversion" => u8;
            /// `instanceid` (802.1Qbg): a UUID.
            instanceid, set_instanceid: "instanceid" => String;
            /// `profileid` (802.1Qbh, openvswitch).
            profileid, set_profileid: "profileid" => String;
            /// `interfaceid` (openvswitch, midonet): a UUID.
            interfaceid, set_interfaceid: "interfaceid" => String;
        }
    }
}

view! {
    /// `<bandwidth>`: quality of service.
    pub struct Bandwidth = "bandwidth" {
        attrs {
            /// `classID` (output): the port's traffic class on the bridge.
            class_id, set_class_id: "classID" => u32;
        }
        children {
            /// `<inbound>`: traffic to the guest.
            one inbound, inbound_mut, set_inbound: "inbound" => BandwidthLimits;
            /// `<outbound>`: traffic from the guest.
            one outbound, outbound_mut, set_outbound: "outbound" => BandwidthLimits;
        }
    }
}

view! {
    /// `<inbound>` or `<outbound>`: rates in KiB/s, burst in KiB.
    pub struct BandwidthLimits = "inbound" {
        attrs {
            /// `average`: the average rate.
            average, set_average: "average" => u64;
            /// `peak`: the maximum rate.
            peak, set_peak: "peak" => u64;
            /// `floor` (inbound): a guaranteed minimum.
            floor, set_floor: "floor" => u64;
            /// `burst`: how much may be sent at peak rate.
            burst, set_burst: "burst" => u64;
        }
    }
}

view! {
    /// `<port isolated=...>`: whether the port may talk to other isolated
    /// ports.
    pub struct PortOptions = "port" {
        attrs {
            /// `isolated`.
            isolated, set_isolated: "isolated" => crate::YesNo;
        }
    }
}
