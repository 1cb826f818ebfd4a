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
            /// `<state>` (ccw, ccwgroup): `online` or `offline`.
            one state, state_mut, set_state: "state" => TextElement;
            /// `<members>` (ccwgroup): the group's CCW devices.
            one members, members_mut, set_members: "members" => CcwMembers;
            /// `<card_type>` (qeth_*).
            one card_type, card_type_mut, set_card_type: "card_type" => TextElement;
            /// `<chpid>` (qeth_*): the channel path id.
            one chpid, chpid_mut, set_chpid: "chpid" => TextElement;
            /// `<group_device>` (ccwgroup_member).
            one group_device, group_device_mut, set_group_device: "group_device" => TextElement;
            /// `<hardware>` (system).
            one hardware, hardware_mut, set_hardware: "hardware" => SystemInfo;
            /// `<firmware>` (system).
            one firmware, firmware_mut, set_firmware: "firmware" => SystemInfo;
            /// `<number>` (usb): the interface number.
            one number, number_mut, set_number: "number" => NumberText;
            /// `<subclass>` (usb).
            one subclass, subclass_mut, set_subclass: "subclass" => NumberText;
            /// `<protocol>` (usb).
            one protocol, protocol_mut, set_protocol: "protocol" => NumberText;
            /// `<description>` (usb).
            one description, description_mut, set_description: "description" => TextElement;
            /// `<max_vports>` (vport_ops).
            one max_vports, max_vports_mut, set_max_vports: "max_vports" => NumberText;
            /// `<vports>` (vport_ops): vports in use.
            one vports, vports_mut, set_vports: "vports" => NumberText;
            /// `<rport>` (fc_remote_port).
            one rport, rport_mut, set_rport: "rport" => TextElement;
            /// `<media_available>` (removable): `1` or `0`.
            one media_available, media_available_mut, set_media_available: "media_available" => NumberText;
            /// `<media_size>` (removable): in bytes.
            one media_size, media_size_mut, set_media_size: "media_size" => NumberText;
            /// `<media_label>` (removable).
            one media_label, media_label_mut, set_media_label: "media_label" => TextElement;
            /// `<parent_addr>` (mdev, ccw): the parent's address.
            one parent_addr, parent_addr_mut, set_parent_addr: "parent_addr" => TextElement;
            /// `<attr name=... value=...>`s (mdev): vendor attributes.
            many attrs, attrs_mut, push_attr: "attr" => MdevAttr;
            /// `<ap-adapter>` (ap_card, ap_queue): the adapter number.
            one ap_adapter, ap_adapter_mut, set_ap_adapter: "ap-adapter" => TextElement;
            /// `<ap-domain>` (ap_queue): the domain number.
            one ap_domain, ap_domain_mut, set_ap_domain: "ap-domain" => TextElement;
            /// `<name>` (vpd): the product name.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<fields access=...>`s (vpd): read-only and read-write fields.
            many fields, fields_mut, push_fields: "fields" => VpdFields;
        }
    }
}

view! {
    /// A system capability's `<hardware>` or `<firmware>`.
    pub struct SystemInfo = "hardware" {
        children {
            /// `<vendor>`.
            one vendor, vendor_mut, set_vendor: "vendor" => TextElement;
            /// `<version>`.
            one version, version_mut, set_version: "version" => TextElement;
            /// `<serial>` (hardware).
            one serial, serial_mut, set_serial: "serial" => TextElement;
            /// `<uuid>` (hardware).
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
            /// `<release_date>` (firmware).
            one release_date, release_date_mut, set_release_date: "release_date" => TextElement;
        }
    }
}

view! {
    /// A ccwgroup's `<members>`.
    pub struct CcwMembers = "members" {
        children {
            /// `<ccw_device ref=...>`s: member device names.
            many ccw_devices, ccw_devices_mut, push_ccw_device: "ccw_device" => CcwDevice;
        }
    }
}

view! {
    /// A `<ccw_device ref=...>`: a group member's node device name.
    pub struct CcwDevice = "ccw_device" {
        attrs {
            /// `ref`.
            reference, set_reference: "ref" => String;
        }
        text {
            /// The node device's name.
            value, set_value => String;
        }
    }
}

view! {
    /// An mdev's `<attr name=... value=...>`.
    pub struct MdevAttr = "attr" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
            /// `value`.
            value, set_value: "value" => String;
        }
    }
}

view! {
    /// A VPD `<fields access=...>`: `readonly` or `readwrite` fields.
    pub struct VpdFields = "fields" {
        attrs {
            /// `access`: `readonly` or `readwrite`.
            access, set_access: "access" => String;
        }
        children {
            /// `<change_level>` (readonly).
            one change_level, change_level_mut, set_change_level: "change_level" => TextElement;
            /// `<manufacture_id>` (readonly).
            one manufacture_id, manufacture_id_mut, set_manufacture_id: "manufacture_id" => TextElement;
            /// `<part_number>` (readonly).
            one part_number, part_number_mut, set_part_number: "part_number" => TextElement;
            /// `<serial_number>` (readonly).
            one serial_number, serial_number_mut, set_serial_number: "serial_number" => TextElement;
            /// `<asset_tag>` (readwrite).
            one asset_tag, asset_tag_mut, set_asset_tag: "asset_tag" => TextElement;
            /// `<vendor_field index=...>`s.
            many vendor_fields, vendor_fields_mut, push_vendor_field: "vendor_field" => VpdField;
            /// `<system_field index=...>`s (readwrite).
            many system_fields, system_fields_mut, push_system_field: "system_field" => VpdField;
        }
    }
}

view! {
    /// A VPD `<vendor_field>` or `<system_field>`.
    pub struct VpdField = "vendor_field" {
        attrs {
            /// `index`: one character, `0`-`9` or `A`-`Z`.
            index, set_index: "index" => String;
        }
        text {
            /// The value.
            value, set_value => String;
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
