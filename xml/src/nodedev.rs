//! `<device>` (nodedev.rng): a host (node) device and its capabilities.

use crate::domain::{Named, TextElement};
use crate::view::view;

view! {
    /// `<device>`: a host (node) device.
    pub struct NodeDevice = "device" {
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<path>`: the sysfs path.
            one path, path_mut, set_path: "path" => TextElement;
            /// `<devnode>`s: `/dev` nodes and links.
            many devnodes, devnodes_mut, push_devnode: "devnode" => DevNode;
            /// `<parent>`.
            one parent, parent_mut, set_parent: "parent" => NodeParent;
            /// `<driver>`: the host driver bound to the device.
            one driver, driver_mut, set_driver: "driver" => NodeDriver;
            /// `<capability type=...>`s: what the device is.
            many capabilities, capabilities_mut, push_capability: "capability" => NodeCapability;
        }
    }
}

impl NodeDevice {
    /// The parent device's name.
    pub fn parent_name(&self) -> Option<String> {
        self.parent().and_then(NodeParent::value)
    }

    /// The bound driver's name (`driver/name`).
    pub fn driver_name(&self) -> Option<String> {
        self.driver()
            .and_then(NodeDriver::name)
            .and_then(TextElement::value)
    }

    /// The first capability of type `kind` (`pci`, `net`, ...).
    pub fn capability(&self, kind: &str) -> Option<&NodeCapability> {
        self.capabilities()
            .find(|c| c.kind().as_deref() == Some(kind))
    }
}

view! {
    /// `<devnode type=...>`: a device node (`dev`) or a link to it
    /// (`link`).
    pub struct DevNode = "devnode" {
        attrs {
            /// `type`: `dev` or `link`.
            kind, set_kind: "type" => String;
        }
        text {
            /// The path.
            value, set_value => String;
        }
    }
}

view! {
    /// A node device's `<parent>`: the parent's name, or (creating a vHBA)
    /// the parent HBA by WWNs.
    pub struct NodeParent = "parent" {
        attrs {
            /// `wwnn`.
            wwnn, set_wwnn: "wwnn" => String;
            /// `wwpn`.
            wwpn, set_wwpn: "wwpn" => String;
            /// `fabric_wwn`.
            fabric_wwn, set_fabric_wwn: "fabric_wwn" => String;
        }
        text {
            /// The parent device's name.
            value, set_value => String;
        }
    }
}

view! {
    /// A node device's `<driver>`.
    pub struct NodeDriver = "driver" {
        children {
            /// `<name>`: e.g. `vfio-pci`, `e1000e`.
            one name, name_mut, set_name: "name" => TextElement;
        }
    }
}

view! {
    /// A node device's `<capability type=...>` (`pci`, `usb_device`, `net`,
    /// `scsi_host`, `storage`, `mdev`, `ccw`, `css`, ...), and the nested
    /// capabilities of some (`virt_functions`, `fc_host`, ...). Which
    /// children apply depends on the type.
    pub struct NodeCapability = "capability" {
        attrs {
            /// `type`.
            kind, set_kind: "type" => String;
            /// `maxCount` (virt_functions): how many VFs the PF supports.
            max_count, set_max_count: "maxCount" => u32;
        }
        children {
            /// `<host>` (scsi_host, scsi): the SCSI host number.
            one host, host_mut, set_host: "host" => NumberText;
            /// `<unique_id>` (scsi_host).
            one unique_id, unique_id_mut, set_unique_id: "unique_id" => NumberText;
            /// `<interface>` (net): the interface name.
            one interface, interface_mut, set_interface: "interface" => TextElement;
            /// `<class>` (pci: `0x020000`; usb: a number).
            one class, class_mut, set_class: "class" => TextElement;
            /// `<domain>` (pci).
            one domain, domain_mut, set_domain: "domain" => NumberText;
            /// `<bus>` (pci, usb_device: a number; storage, scsi: `usb`,
            /// `scsi`, ...).
            one bus, bus_mut, set_bus: "bus" => TextElement;
            /// `<slot>` (pci).
            one slot, slot_mut, set_slot: "slot" => NumberText;
            /// `<function>` (pci).
            one function, function_mut, set_function: "function" => NumberText;
            /// `<device>` (usb_device): the device number.
            one device, device_mut, set_device: "device" => NumberText;
            /// `<target>` (scsi, scsi_target).
            one target, target_mut, set_target: "target" => TextElement;
            /// `<lun>` (scsi).
            one lun, lun_mut, set_lun: "lun" => NumberText;
            /// `<block>` (storage): the block device.
            one block, block_mut, set_block: "block" => TextElement;
            /// `<drive_type>` (storage): `disk`, `cdrom`, ...
            one drive_type, drive_type_mut, set_drive_type: "drive_type" => TextElement;
            /// `<model>` (storage).
            one model, model_mut, set_model: "model" => TextElement;
            /// `<product id=...>` (pci, usb_device), or the plain product
            /// name (system).
            one product, product_mut, set_product: "product" => IdText;
            /// `<vendor id=...>` (pci, usb_device), or the plain vendor name
            /// (storage).
            one vendor, vendor_mut, set_vendor: "vendor" => IdText;
            /// `<serial>` (storage).
            one serial, serial_mut, set_serial: "serial" => TextElement;
            /// `<size>` (storage): in bytes.
            one size, size_mut, set_size: "size" => NumberText;
            /// `<logical_block_size>` (storage).
            one logical_block_size, logical_block_size_mut, set_logical_block_size: "logical_block_size" => NumberText;
            /// `<num_blocks>` (storage).
            one num_blocks, num_blocks_mut, set_num_blocks: "num_blocks" => NumberText;
            /// `<wwnn>` (fc_host).
            one wwnn, wwnn_mut, set_wwnn: "wwnn" => TextElement;
            /// `<wwpn>` (fc_host).
            one wwpn, wwpn_mut, set_wwpn: "wwpn" => TextElement;
            /// `<fabric_wwn>` (fc_host).
            one fabric_wwn, fabric_wwn_mut, set_fabric_wwn: "fabric_wwn" => TextElement;
            /// `<uuid>` (mdev).
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
            /// `<type>`s (mdev, drm; mdev_types: the types offered).
            many types, types_mut, push_type: "type" => NodeType;
            /// `<address>`es (net: the MAC address as text; phys_function,
            /// virt_functions: PCI addresses).
            many addresses, addresses_mut, push_address: "address" => NodeAddress;
            /// `<link>` (net: `state`, `speed`).
            one link, link_mut, set_link: "link" => NodeLink;
            /// `<feature name=...>`s (net): offloads.
            many features, features_mut, push_feature: "feature" => Named;
            /// `<iommuGroup number=...>` (pci, mdev).
            one iommu_group, iommu_group_mut, set_iommu_group: "iommuGroup" => IommuGroup;
            /// `<numa node=...>` (pci).
            one numa, numa_mut, set_numa: "numa" => NodeNuma;
            /// `<pci-express>` (pci): link capability and status.
            one pci_express, pci_express_mut, set_pci_express: "pci-express" => PciExpress;
            /// Nested `<capability type=...>`s.
            many capabilities, capabilities_mut, push_capability: "capability" => NodeCapability;
            /// `<cssid>` (ccw, css).
            one cssid, cssid_mut, set_cssid: "cssid" => CcwNumber;
            /// `<ssid>` (ccw, css).
            one ssid, ssid_mut, set_ssid: "ssid" => CcwNumber;
            /// `<devno>` (ccw, css), up to 0xffff.
            one devno, devno_mut, set_devno: "devno" => CcwDevno;
            /// `<channel_dev_addr>` (css): the device behind the subchannel.
            one channel_dev_addr, channel_dev_addr_mut, set_channel_dev_addr: "channel_dev_addr" => ChannelDevAddr;
        }
    }
}

impl NodeCapability {
    /// The product id (`product/@id`), e.g. `0x10c9`.
    pub fn product_id(&self) -> Option<String> {
        self.product().and_then(IdText::id)
    }

    /// The vendor id (`vendor/@id`), e.g. `0x8086`.
    pub fn vendor_id(&self) -> Option<String> {
        self.vendor().and_then(IdText::id)
    }

    /// The IOMMU group number.
    pub fn iommu_group_number(&self) -> Option<u32> {
        self.iommu_group().and_then(IommuGroup::number)
    }
}

view! {
    /// A number as an element's text (`<slot>16</slot>`), decimal or `0x`
    /// hex.
    pub struct NumberText = "number" {
        text {
            /// The number.
            value, set_value => u64;
        }
    }
}

view! {
    /// A name with an optional `id`: `<product id='0x10c9'>82576</product>`.
    pub struct IdText = "product" {
        attrs {
            /// `id`: the numeric id, `0x` hex.
            id, set_id: "id" => String;
        }
        text {
            /// The name.
            value, set_value => String;
        }
    }
}

view! {
    /// A node device's `<type>`: an mdev's type (`id`), a DRM node's kind
    /// (text), or one of the mdev types a parent offers (`id` and
    /// children).
    pub struct NodeType = "type" {
        attrs {
            /// `id`: the mdev type, e.g. `nvidia-11`.
            id, set_id: "id" => String;
        }
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<deviceAPI>`: `vfio-pci`, `vfio-ccw`, `vfio-ap`.
            one device_api, device_api_mut, set_device_api: "deviceAPI" => TextElement;
            /// `<availableInstances>`.
            one available_instances, available_instances_mut, set_available_instances: "availableInstances" => NumberText;
        }
        text {
            /// The DRM node kind: `primary`, `control`, `render`.
            value, set_value => String;
        }
    }
}

view! {
    /// A node device's `<address>`: a PCI address (attributes), or a net
    /// device's MAC address (text).
    pub struct NodeAddress = "address" {
        attrs {
            /// `domain`.
            domain, set_domain: "domain" => u32;
            /// `bus`.
            bus, set_bus: "bus" => u32;
            /// `slot`.
            slot, set_slot: "slot" => u32;
            /// `function`.
            function, set_function: "function" => u32;
        }
        text {
            /// The MAC address (net).
            value, set_value => String;
        }
    }
}

view! {
    /// A node device's `<link>`: a net device's state, or a PCI Express
    /// link.
    pub struct NodeLink = "link" {
        attrs {
            /// `validity` (pci-express): `cap` (what it can) or `sta` (what
            /// it runs at).
            validity, set_validity: "validity" => String;
            /// `port` (pci-express).
            port, set_port: "port" => u32;
            /// `speed`: Mbit/s (net) or GT/s (pci-express, e.g. `2.5`).
            speed, set_speed: "speed" => String;
            /// `width` (pci-express): lanes.
            width, set_width: "width" => u32;
            /// `state` (net): `up`, `down`, ...
            state, set_state: "state" => String;
        }
    }
}

view! {
    /// `<iommuGroup number=...>` with the PCI addresses in the group.
    pub struct IommuGroup = "iommuGroup" {
        attrs {
            /// `number`.
            number, set_number: "number" => u32;
        }
        children {
            /// `<address>`es.
            many addresses, addresses_mut, push_address: "address" => NodeAddress;
        }
    }
}

view! {
    /// `<numa node=...>`: the host NUMA node a device is attached to.
    pub struct NodeNuma = "numa" {
        attrs {
            /// `node`.
            node, set_node: "node" => i32;
        }
    }
}

view! {
    /// `<pci-express>`: a PCI Express device's links.
    pub struct PciExpress = "pci-express" {
        children {
            /// `<link>`s: capability and status.
            many links, links_mut, push_link: "link" => NodeLink;
        }
    }
}

view! {
    /// A `<cssid>` or `<ssid>`: a small channel-subsystem number.
    pub struct CcwNumber = "cssid" {
        text {
            /// The number.
            value, set_value => u8;
        }
    }
}

view! {
    /// A `<devno>`: a device number, up to 0xffff.
    pub struct CcwDevno = "devno" {
        text {
            /// The number.
            value, set_value => u16;
        }
    }
}

view! {
    /// `<channel_dev_addr>`: a CCW address.
    pub struct ChannelDevAddr = "channel_dev_addr" {
        children {
            /// `<cssid>`.
            one cssid, cssid_mut, set_cssid: "cssid" => CcwNumber;
            /// `<ssid>`.
            one ssid, ssid_mut, set_ssid: "ssid" => CcwNumber;
            /// `<devno>`.
            one devno, devno_mut, set_devno: "devno" => CcwDevno;
        }
    }
}
