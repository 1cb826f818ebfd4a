//! `<interface>`: network interfaces.

use crate::domain::common::{Address, Alias, BootOrder, Rom};
use crate::value::xml_enum;
use crate::view::view;

xml_enum! {
    /// `<interface type=...>`: how the NIC connects to the host.
    pub enum InterfaceType {
        /// A libvirt virtual network.
        Network = "network",
        /// A host bridge.
        Bridge = "bridge",
        /// A tap device libvirt creates without connecting it.
        Ethernet = "ethernet",
        /// QEMU's user-mode networking.
        User = "user",
        /// macvtap on a host device.
        Direct = "direct",
        /// PCI passthrough of an SR-IOV VF.
        Hostdev = "hostdev",
        /// vhost-user socket.
        VhostUser = "vhostuser",
        /// vDPA device.
        Vdpa = "vdpa",
        /// A socket-based tunnel (`mcast`, `client`, ...): see the source.
        Server = "server",
        /// Connect to a server socket.
        Client = "client",
        /// Multicast tunnel.
        Mcast = "mcast",
        /// UDP tunnel.
        Udp = "udp",
        /// A null interface (no backend).
        Null = "null",
        /// VDS switch.
        Vds = "vds",
    }
}

view! {
    /// A network `<interface>`.
    pub struct Interface = "interface" {
        attrs {
            /// `type`: how it connects to the host.
            kind, set_kind: "type" => InterfaceType;
            /// `trustGuestRxFilters`.
            trust_guest_rx_filters, set_trust_guest_rx_filters: "trustGuestRxFilters" => crate::YesNo;
        }
        children {
            /// `<mac address=...>`.
            one mac, mac_mut, set_mac: "mac" => Mac;
            /// `<source>`: network, bridge, device or socket (by type).
            one source, source_mut, set_source: "source" => InterfaceSource;
            /// `<vlan>`: the VLAN tags (shared with networks).
            one vlan, vlan_mut, set_vlan: "vlan" => crate::network::Vlan;
            /// `<virtualport>`: the switch port profile.
            one virtualport, virtualport_mut, set_virtualport: "virtualport" => crate::network::VirtualPort;
            /// `<bandwidth>`: quality of service.
            one bandwidth, bandwidth_mut, set_bandwidth: "bandwidth" => crate::network::Bandwidth;
            /// `<port isolated=...>`.
            one port, port_mut, set_port: "port" => crate::network::PortOptions;
            /// `<target dev=...>`: the host-side tap name.
            one target, target_mut, set_target: "target" => InterfaceTarget;
            /// `<model type=...>`: the emulated NIC.
            one model, model_mut, set_model: "model" => Model;
            /// `<driver>`.
            one driver, driver_mut, set_driver: "driver" => InterfaceDriver;
            /// `<boot>`.
            one boot, boot_mut, set_boot: "boot" => BootOrder;
            /// `<link state=...>`.
            one link, link_mut, set_link: "link" => Link;
            /// `<mtu size=...>`.
            one mtu, mtu_mut, set_mtu: "mtu" => Mtu;
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<rom>`: the NIC's option ROM (iPXE for most models).
            one rom, rom_mut, set_rom: "rom" => Rom;
            /// `<address>`.
            one address, address_mut, set_address: "address" => Address;
        }
    }
}

impl Interface {
    /// The MAC address, if set.
    pub fn mac_address(&self) -> Option<&str> {
        self.mac().and_then(|m| m.0.attr("address"))
    }

    /// The host-side device name (`target/@dev`), set by libvirt when the
    /// guest runs or chosen in the XML.
    pub fn target_dev(&self) -> Option<&str> {
        self.target().and_then(|t| t.0.attr("dev"))
    }

    /// An `ethernet` interface (a tap device) with the given NIC model.
    pub fn ethernet(model: &str) -> Self {
        let mut i = Interface::new();
        i.set_kind(InterfaceType::Ethernet);
        i.model_mut().set_kind(model);
        i
    }

    /// Sets `<target dev=... managed='yes'>`: a tap named `dev` that libvirt
    /// creates when the guest starts and removes when it stops (type
    /// `ethernet`). Returns the interface for chaining.
    pub fn with_managed_tap(mut self, dev: &str) -> Self {
        self.target_mut()
            .set_dev(dev)
            .set_managed(crate::YesNo::Yes);
        self
    }

    /// Sets `<rom enabled=...>`; `false` leaves the NIC without an option
    /// ROM, so the guest cannot network-boot from it. Returns the interface
    /// for chaining.
    pub fn with_rom_enabled(mut self, enabled: bool) -> Self {
        self.rom_mut().set_enabled(enabled);
        self
    }

    /// A `network` interface on libvirt network `network`.
    pub fn network(network: &str, model: &str) -> Self {
        let mut i = Interface::new();
        i.set_kind(InterfaceType::Network);
        i.source_mut().set_network(network);
        i.model_mut().set_kind(model);
        i
    }
}

view! {
    /// `<mac>`.
    pub struct Mac = "mac" {
        attrs {
            /// `address`, `52:54:00:...`.
            address, set_address: "address" => String;
            /// `type` (`generated`/`static`, some hypervisors).
            kind, set_kind: "type" => String;
        }
    }
}

view! {
    /// An interface's `<source>`; which attributes apply depends on the type.
    pub struct InterfaceSource = "source" {
        attrs {
            /// `network` (type network).
            network, set_network: "network" => String;
            /// `portgroup` (type network).
            portgroup, set_portgroup: "portgroup" => String;
            /// `bridge` (type bridge).
            bridge, set_bridge: "bridge" => String;
            /// `dev` (type direct).
            dev, set_dev: "dev" => String;
            /// `mode` (direct: `vepa`, `bridge`, ...; vhostuser: client/server).
            mode, set_mode: "mode" => String;
            /// `type` (vhostuser: `unix`).
            kind, set_kind: "type" => String;
            /// `path` (vhostuser socket).
            path, set_path: "path" => String;
            /// `address` (socket tunnels).
            address, set_address: "address" => String;
            /// `port` (socket tunnels).
            port, set_port: "port" => u16;
        }
    }
}

view! {
    /// An interface's `<target>`.
    pub struct InterfaceTarget = "target" {
        attrs {
            /// `dev`: tap device name.
            dev, set_dev: "dev" => String;
            /// `managed` (type ethernet: whether libvirt creates the tap).
            managed, set_managed: "managed" => crate::YesNo;
        }
    }
}

view! {
    /// `<model type=...>`.
    pub struct Model = "model" {
        attrs {
            /// `type`: `virtio`, `e1000e`, `rtl8139`, ...
            kind, set_kind: "type" => String;
        }
    }
}

view! {
    /// An interface's `<driver>`.
    pub struct InterfaceDriver = "driver" {
        attrs {
            /// `name` (`qemu`, `vhost`, `vfio`).
            name, set_name: "name" => String;
            /// `queues`.
            queues, set_queues: "queues" => u32;
            /// `txmode`.
            txmode, set_txmode: "txmode" => String;
            /// `rx_queue_size`.
            rx_queue_size, set_rx_queue_size: "rx_queue_size" => u32;
            /// `tx_queue_size`.
            tx_queue_size, set_tx_queue_size: "tx_queue_size" => u32;
        }
    }
}

view! {
    /// `<link state=...>`.
    pub struct Link = "link" {
        attrs {
            /// `state`: `up` or `down`.
            state, set_state: "state" => String;
        }
    }
}

view! {
    /// `<mtu size=...>`.
    pub struct Mtu = "mtu" {
        attrs {
            /// `size` in bytes.
            size, set_size: "size" => u32;
        }
    }
}
