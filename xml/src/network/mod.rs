//! `<network>`: a libvirt virtual network (network.rng), its
//! `<networkport>`s (networkport.rng), and the port settings both share
//! with a guest's interfaces (networkcommon.rng).

mod common;
mod port;

pub use common::{
    Bandwidth, BandwidthLimits, PortOptions, VirtualPort, VirtualPortParameters, Vlan, VlanTag,
};
pub use port::{NetworkPort, Plug, PortOwner, RxFilters};

use crate::domain::{Address, Mac, Mtu, TextElement};
use crate::value::xml_enum;
use crate::view::view;

xml_enum! {
    /// `<forward mode=...>`: how the network reaches the outside.
    pub enum ForwardMode {
        /// NAT to the host's interfaces (the default with a `<forward>`).
        Nat = "nat",
        /// Routed, no NAT.
        Route = "route",
        /// Routed, with no firewall rules added.
        Open = "open",
        /// An existing host bridge (or Open vSwitch).
        Bridge = "bridge",
        /// macvtap passthrough of one host device per guest.
        Passthrough = "passthrough",
        /// macvtap private mode.
        Private = "private",
        /// macvtap VEPA mode.
        Vepa = "vepa",
        /// A pool of SR-IOV VFs given to guests by PCI passthrough.
        Hostdev = "hostdev",
    }
}

xml_enum! {
    /// An IP address family (`family='ipv4'` or `'ipv6'`).
    pub enum AddrFamily {
        /// IPv4.
        Ipv4 = "ipv4",
        /// IPv6.
        Ipv6 = "ipv6",
    }
}

view! {
    /// `<network>`: a libvirt virtual network. Children are listed in the
    /// order libvirt writes them.
    pub struct Network = "network" {
        attrs {
            /// `connections` (output): how many guest interfaces use it.
            connections, set_connections: "connections" => u32;
            /// `ipv6`: whether guest-to-guest IPv6 works without an IPv6
            /// address on the network.
            ipv6, set_ipv6: "ipv6" => crate::YesNo;
            /// `trustGuestRxFilters`: the default for interfaces using it.
            trust_guest_rx_filters, set_trust_guest_rx_filters: "trustGuestRxFilters" => crate::YesNo;
        }
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
            /// `<forward>`: how traffic leaves the network; none means
            /// isolated.
            one forward, forward_mut, set_forward: "forward" => Forward;
            /// `<bridge>`: the host bridge.
            one bridge, bridge_mut, set_bridge: "bridge" => Bridge;
            /// `<mtu size=...>`.
            one mtu, mtu_mut, set_mtu: "mtu" => Mtu;
            /// `<mac address=...>`: the bridge's MAC address.
            one mac, mac_mut, set_mac: "mac" => Mac;
            /// `<domain name=...>`: the DNS domain of DHCP clients.
            one domain, domain_mut, set_domain: "domain" => NetworkDomain;
            /// `<dns>`: the network's DNS server.
            one dns, dns_mut, set_dns: "dns" => Dns;
            /// `<vlan>`: the tags of the network's traffic.
            one vlan, vlan_mut, set_vlan: "vlan" => Vlan;
            /// `<bandwidth>`: QoS of the whole network.
            one bandwidth, bandwidth_mut, set_bandwidth: "bandwidth" => Bandwidth;
            /// `<virtualport>`: the switch port profile.
            one virtualport, virtualport_mut, set_virtualport: "virtualport" => VirtualPort;
            /// `<port isolated=...>`: the default of the network's ports.
            one port, port_mut, set_port: "port" => PortOptions;
            /// `<portgroup>`s.
            many portgroups, portgroups_mut, push_portgroup: "portgroup" => PortGroup;
            /// `<ip>`s: addresses of the host on the network, with DHCP.
            many ips, ips_mut, push_ip: "ip" => Ip;
            /// `<route>`s: static routes.
            many routes, routes_mut, push_route: "route" => Route;
        }
    }
}

impl Network {
    /// The network's name.
    pub fn name_value(&self) -> Option<String> {
        self.name().and_then(TextElement::value)
    }

    /// The bridge's name (`bridge/@name`).
    pub fn bridge_name(&self) -> Option<String> {
        self.bridge().and_then(Bridge::name)
    }

    /// The forward mode; `None` without a `<forward>` (isolated), and
    /// `nat` for a `<forward>` without `mode`, as libvirt reads it.
    pub fn forward_mode(&self) -> Option<ForwardMode> {
        self.forward().map(|f| f.mode().unwrap_or(ForwardMode::Nat))
    }
}

view! {
    /// `<bridge>`: the host bridge a network uses or creates.
    pub struct Bridge = "bridge" {
        attrs {
            /// `name`, e.g. `virbr0`.
            name, set_name: "name" => String;
            /// `zone`: the firewalld zone.
            zone, set_zone: "zone" => String;
            /// `stp`: spanning tree protocol.
            stp, set_stp: "stp" => crate::OnOff;
            /// `delay`: the STP forward delay, in seconds.
            delay, set_delay: "delay" => u64;
            /// `macTableManager`: `kernel` or `libvirt`.
            mac_table_manager, set_mac_table_manager: "macTableManager" => String;
        }
    }
}

view! {
    /// `<forward>`: how the network's traffic leaves the host.
    pub struct Forward = "forward" {
        attrs {
            /// `dev`: the host interface to forward through.
            dev, set_dev: "dev" => String;
            /// `mode`.
            mode, set_mode: "mode" => ForwardMode;
            /// `managed` (hostdev): whether libvirt detaches the VFs from
            /// the host.
            managed, set_managed: "managed" => crate::YesNo;
        }
        children {
            /// `<driver>` (hostdev): `name='vfio'`, `model=...`.
            one driver, driver_mut, set_driver: "driver" => ForwardDriver;
            /// `<nat>`: the address and port ranges NAT uses.
            one nat, nat_mut, set_nat: "nat" => Nat;
            /// `<pf dev=...>`: the SR-IOV physical function whose VFs are
            /// the pool.
            many pfs, pfs_mut, push_pf: "pf" => ForwardDev;
            /// `<interface dev=...>`s: the pool of host interfaces.
            many interfaces, interfaces_mut, push_interface: "interface" => ForwardDev;
            /// `<address>`es: the pool of PCI devices (hostdev).
            many addresses, addresses_mut, push_address: "address" => Address;
        }
    }
}

view! {
    /// A hostdev `<forward>`'s `<driver>`.
    pub struct ForwardDriver = "driver" {
        attrs {
            /// `name`: `kvm` or `vfio`.
            name, set_name: "name" => String;
            /// `model`: the vfio variant driver.
            model, set_model: "model" => String;
        }
    }
}

view! {
    /// A `<forward>`'s `<interface dev=...>` or `<pf dev=...>`.
    pub struct ForwardDev = "interface" {
        attrs {
            /// `dev`: the host interface.
            dev, set_dev: "dev" => String;
            /// `connections` (output): guest interfaces using it.
            connections, set_connections: "connections" => u32;
        }
    }
}

view! {
    /// `<nat>`: NAT's public address and port ranges.
    pub struct Nat = "nat" {
        attrs {
            /// `ipv6`: whether IPv6 is NATed too.
            ipv6, set_ipv6: "ipv6" => crate::YesNo;
        }
        children {
            /// `<address start end>`: the public address range.
            one address, address_mut, set_address: "address" => Range;
            /// `<port start end>`: the public port range.
            one port, port_mut, set_port: "port" => Range;
        }
    }
}

view! {
    /// A `start`-`end` range: DHCP `<range>`, NAT `<address>` or `<port>`.
    pub struct Range = "range" {
        attrs {
            /// `start`.
            start, set_start: "start" => String;
            /// `end`.
            end, set_end: "end" => String;
        }
        children {
            /// `<lease>`: the lease time of a DHCP range.
            one lease, lease_mut, set_lease: "lease" => Lease;
        }
    }
}

view! {
    /// `<lease expiry=... unit=...>`: a DHCP lease time (`0`: infinite).
    pub struct Lease = "lease" {
        attrs {
            /// `expiry`.
            expiry, set_expiry: "expiry" => u64;
            /// `unit`: `seconds`, `minutes` (default) or `hours`.
            unit, set_unit: "unit" => String;
        }
    }
}

view! {
    /// A network's `<domain>`: its DNS domain.
    pub struct NetworkDomain = "domain" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
            /// `localOnly`: whether queries for the domain stay local.
            local_only, set_local_only: "localOnly" => crate::YesNo;
            /// `register`: whether the domain is registered with
            /// systemd-resolved.
            register, set_register: "register" => crate::YesNo;
        }
    }
}

view! {
    /// `<dns>`: the network's DNS server.
    pub struct Dns = "dns" {
        attrs {
            /// `enable`: `no` runs no DNS server.
            enable, set_enable: "enable" => crate::YesNo;
            /// `forwardPlainNames`: whether names without a domain are
            /// forwarded upstream.
            forward_plain_names, set_forward_plain_names: "forwardPlainNames" => crate::YesNo;
        }
        children {
            /// `<forwarder>`s: upstream servers.
            many forwarders, forwarders_mut, push_forwarder: "forwarder" => DnsForwarder;
            /// `<txt>` records.
            many txts, txts_mut, push_txt: "txt" => DnsTxt;
            /// `<srv>` records.
            many srvs, srvs_mut, push_srv: "srv" => DnsSrv;
            /// `<host>` records.
            many hosts, hosts_mut, push_host: "host" => DnsHost;
        }
    }
}

view! {
    /// `<forwarder>`: an upstream DNS server, for one domain or all.
    pub struct DnsForwarder = "forwarder" {
        attrs {
            /// `domain`: only queries for this domain.
            domain, set_domain: "domain" => String;
            /// `addr`: the server's address.
            addr, set_addr: "addr" => String;
        }
    }
}

view! {
    /// A DNS `<txt>` record.
    pub struct DnsTxt = "txt" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
            /// `value`.
            value, set_value: "value" => String;
        }
    }
}

view! {
    /// A DNS `<srv>` record.
    pub struct DnsSrv = "srv" {
        attrs {
            /// `service`.
            service, set_service: "service" => String;
            /// `protocol`: `tcp` or `udp`.
            protocol, set_protocol: "protocol" => String;
            /// `domain`.
            domain, set_domain: "domain" => String;
            /// `target`: the host offering the service.
            target, set_target: "target" => String;
            /// `port`.
            port, set_port: "port" => u16;
            /// `priority`.
            priority, set_priority: "priority" => u16;
            /// `weight`.
            weight, set_weight: "weight" => u16;
        }
    }
}

view! {
    /// A DNS `<host ip=...>` record with its `<hostname>`s.
    pub struct DnsHost = "host" {
        attrs {
            /// `ip`.
            ip, set_ip: "ip" => String;
        }
        children {
            /// `<hostname>`s.
            many hostnames, hostnames_mut, push_hostname: "hostname" => TextElement;
        }
    }
}

view! {
    /// `<portgroup>`: a named set of settings interfaces can pick.
    pub struct PortGroup = "portgroup" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
            /// `default`: used by interfaces naming no portgroup.
            is_default, set_default: "default" => crate::YesNo;
            /// `trustGuestRxFilters`.
            trust_guest_rx_filters, set_trust_guest_rx_filters: "trustGuestRxFilters" => crate::YesNo;
        }
        children {
            /// `<vlan>`.
            one vlan, vlan_mut, set_vlan: "vlan" => Vlan;
            /// `<bandwidth>`.
            one bandwidth, bandwidth_mut, set_bandwidth: "bandwidth" => Bandwidth;
            /// `<virtualport>`.
            one virtualport, virtualport_mut, set_virtualport: "virtualport" => VirtualPort;
        }
    }
}

view! {
    /// `<ip>`: an address of the host on the network, with its DHCP and
    /// TFTP service.
    pub struct Ip = "ip" {
        attrs {
            /// `family` (default `ipv4`).
            family, set_family: "family" => AddrFamily;
            /// `address`.
            address, set_address: "address" => String;
            /// `netmask` (IPv4).
            netmask, set_netmask: "netmask" => String;
            /// `prefix`: the network prefix length.
            prefix, set_prefix: "prefix" => u8;
            /// `localPtr`: whether reverse lookups stay local.
            local_ptr, set_local_ptr: "localPtr" => crate::YesNo;
        }
        children {
            /// `<tftp root=...>`.
            one tftp, tftp_mut, set_tftp: "tftp" => Tftp;
            /// `<dhcp>`.
            one dhcp, dhcp_mut, set_dhcp: "dhcp" => Dhcp;
        }
    }
}

view! {
    /// `<tftp root=...>`: the TFTP server's root directory.
    pub struct Tftp = "tftp" {
        attrs {
            /// `root`.
            root, set_root: "root" => String;
        }
    }
}

view! {
    /// `<dhcp>`: the DHCP service of one `<ip>`.
    pub struct Dhcp = "dhcp" {
        children {
            /// `<range>`s of addresses handed out.
            many ranges, ranges_mut, push_range: "range" => Range;
            /// `<host>`s: fixed addresses.
            many hosts, hosts_mut, push_host: "host" => DhcpHost;
            /// `<bootp>`: the boot file offered.
            one bootp, bootp_mut, set_bootp: "bootp" => Bootp;
        }
    }
}

view! {
    /// A DHCP `<host>`: a fixed address for a MAC address (IPv4) or a DUID
    /// or name (IPv6).
    pub struct DhcpHost = "host" {
        attrs {
            /// `mac`.
            mac, set_mac: "mac" => String;
            /// `id`: the DHCPv6 client's DUID.
            id, set_id: "id" => String;
            /// `name`: the host name handed out.
            name, set_name: "name" => String;
            /// `ip`.
            ip, set_ip: "ip" => String;
        }
        children {
            /// `<lease>`: this host's lease time.
            one lease, lease_mut, set_lease: "lease" => Lease;
        }
    }
}

view! {
    /// `<bootp file=... server=...>`: PXE boot.
    pub struct Bootp = "bootp" {
        attrs {
            /// `file`.
            file, set_file: "file" => String;
            /// `server`: the TFTP server, when not this host.
            server, set_server: "server" => String;
        }
    }
}

view! {
    /// `<route>`: a static route through a gateway on the network.
    pub struct Route = "route" {
        attrs {
            /// `family`.
            family, set_family: "family" => AddrFamily;
            /// `address`: the destination network.
            address, set_address: "address" => String;
            /// `netmask` (IPv4).
            netmask, set_netmask: "netmask" => String;
            /// `prefix`.
            prefix, set_prefix: "prefix" => u8;
            /// `gateway`.
            gateway, set_gateway: "gateway" => String;
            /// `metric`.
            metric, set_metric: "metric" => u32;
        }
    }
}
