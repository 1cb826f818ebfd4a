//! `<interface>` (interface.rng): a host network interface as the
//! interface driver (netcf/udev) describes it.

use crate::domain::{Flag, Mac, Mtu};
use crate::view::view;

view! {
    /// `<interface>`: a host network interface; a bridge's, bond's or
    /// VLAN's member interfaces are `<interface>`s too.
    pub struct HostInterface = "interface" {
        attrs {
            /// `type`: `ethernet`, `bridge`, `bond`, `vlan`.
            kind, set_kind: "type" => String;
            /// `name`.
            name, set_name: "name" => String;
        }
        children {
            /// `<start mode=...>`: when the interface comes up.
            one start, start_mut, set_start: "start" => StartMode;
            /// `<mac address=...>`.
            one mac, mac_mut, set_mac: "mac" => Mac;
            /// `<link speed=... state=...>` (output).
            one link, link_mut, set_link: "link" => HostLink;
            /// `<mtu size=...>`.
            one mtu, mtu_mut, set_mtu: "mtu" => Mtu;
            /// `<protocol family=...>`s: the addressing.
            many protocols, protocols_mut, push_protocol: "protocol" => Protocol;
            /// `<bridge>` (type bridge).
            one bridge, bridge_mut, set_bridge: "bridge" => HostBridge;
            /// `<bond>` (type bond).
            one bond, bond_mut, set_bond: "bond" => Bond;
            /// `<vlan tag=...>` (type vlan).
            one vlan, vlan_mut, set_vlan: "vlan" => HostVlan;
        }
    }
}

view! {
    /// `<start mode=...>`.
    pub struct StartMode = "start" {
        attrs {
            /// `mode`: `onboot`, `none`, `hotplug`.
            mode, set_mode: "mode" => String;
        }
    }
}

view! {
    /// A host interface's `<link>`.
    pub struct HostLink = "link" {
        attrs {
            /// `speed`: Mbit/s.
            speed, set_speed: "speed" => u32;
            /// `state`: `up`, `down`, ...
            state, set_state: "state" => String;
        }
    }
}

view! {
    /// `<protocol family=...>`: IPv4 or IPv6 addressing.
    pub struct Protocol = "protocol" {
        attrs {
            /// `family`: `ipv4` or `ipv6`.
            family, set_family: "family" => crate::network::AddrFamily;
        }
        children {
            /// `<autoconf/>` (ipv6): SLAAC.
            one autoconf, autoconf_mut, set_autoconf: "autoconf" => Flag;
            /// `<dhcp>`.
            one dhcp, dhcp_mut, set_dhcp: "dhcp" => HostDhcp;
            /// `<ip address=... prefix=...>`s: static addresses.
            many ips, ips_mut, push_ip: "ip" => HostIp;
            /// `<route gateway=...>`: the default route.
            one route, route_mut, set_route: "route" => HostRoute;
        }
    }
}

view! {
    /// A host interface's `<dhcp>`.
    pub struct HostDhcp = "dhcp" {
        attrs {
            /// `peerdns`: whether to use the DHCP server's DNS servers.
            peerdns, set_peerdns: "peerdns" => crate::YesNo;
        }
    }
}

view! {
    /// A host interface's `<ip>`.
    pub struct HostIp = "ip" {
        attrs {
            /// `address`.
            address, set_address: "address" => String;
            /// `prefix`.
            prefix, set_prefix: "prefix" => u8;
        }
    }
}

view! {
    /// A host interface's `<route gateway=...>`.
    pub struct HostRoute = "route" {
        attrs {
            /// `gateway`.
            gateway, set_gateway: "gateway" => String;
        }
    }
}

view! {
    /// A host `<bridge>` and its member interfaces.
    pub struct HostBridge = "bridge" {
        attrs {
            /// `stp`: spanning tree protocol.
            stp, set_stp: "stp" => crate::OnOff;
            /// `delay`: the forward delay in seconds (may be fractional).
            delay, set_delay: "delay" => String;
        }
        children {
            /// Member `<interface>`s.
            many interfaces, interfaces_mut, push_interface: "interface" => HostInterface;
        }
    }
}

view! {
    /// A `<bond>` and its member interfaces.
    pub struct Bond = "bond" {
        attrs {
            /// `mode`: `balance-rr`, `active-backup`, `802.3ad`, ...
            mode, set_mode: "mode" => String;
        }
        children {
            /// `<miimon>`: link monitoring by MII.
            one miimon, miimon_mut, set_miimon: "miimon" => Miimon;
            /// `<arpmon>`: link monitoring by ARP.
            one arpmon, arpmon_mut, set_arpmon: "arpmon" => Arpmon;
            /// Member `<interface>`s.
            many interfaces, interfaces_mut, push_interface: "interface" => HostInterface;
        }
    }
}

view! {
    /// A bond's `<miimon>`.
    pub struct Miimon = "miimon" {
        attrs {
            /// `freq`: ms between checks.
            freq, set_freq: "freq" => u32;
            /// `downdelay`: ms.
            downdelay, set_downdelay: "downdelay" => u32;
            /// `updelay`: ms.
            updelay, set_updelay: "updelay" => u32;
            /// `carrier`: `ioctl` or `netif`.
            carrier, set_carrier: "carrier" => String;
        }
    }
}

view! {
    /// A bond's `<arpmon>`.
    pub struct Arpmon = "arpmon" {
        attrs {
            /// `interval`: ms between checks.
            interval, set_interval: "interval" => u32;
            /// `target`: the address probed.
            target, set_target: "target" => String;
            /// `validate`: `none`, `active`, `backup`, `all`.
            validate, set_validate: "validate" => String;
        }
    }
}

view! {
    /// A host `<vlan tag=...>` and the interface it is on.
    pub struct HostVlan = "vlan" {
        attrs {
            /// `tag`: the VLAN id.
            tag, set_tag: "tag" => u16;
        }
        children {
            /// `<interface name=...>`: the underlying interface.
            one interface, interface_mut, set_interface: "interface" => HostInterface;
        }
    }
}
