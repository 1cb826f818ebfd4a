//! Small elements many devices share: address, alias, boot order, driver.

use crate::view::view;

view! {
    /// `<address>`: where a device sits on its bus (PCI, drive, USB, ...).
    pub struct Address = "address" {
        attrs {
            /// `type`: the bus kind (`pci`, `drive`, `usb`, `virtio-serial`, ...).
            kind, set_kind: "type" => String;
            /// `domain` (PCI).
            domain, set_domain: "domain" => u32;
            /// `bus`.
            bus, set_bus: "bus" => u32;
            /// `slot` (PCI).
            slot, set_slot: "slot" => u32;
            /// `function` (PCI).
            function, set_function: "function" => u32;
            /// `multifunction` (PCI).
            multifunction, set_multifunction: "multifunction" => crate::OnOff;
            /// `controller` (drive, virtio-serial, ccid).
            controller, set_controller: "controller" => u32;
            /// `target` (drive).
            target, set_target: "target" => u32;
            /// `unit` (drive).
            unit, set_unit: "unit" => u32;
            /// `port` (USB hub path like `1.2`, or a virtio-serial port).
            port, set_port: "port" => String;
        }
    }
}

view! {
    /// `<alias name=...>`: the device's name in the hypervisor.
    pub struct Alias = "alias" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
        }
    }
}

view! {
    /// `<rom>`: a PCI device's option ROM.
    pub struct Rom = "rom" {
        attrs {
            /// `bar`: whether the ROM is visible in the guest's memory map.
            bar, set_bar: "bar" => crate::OnOff;
            /// `file`: a ROM image to use instead of the default.
            file, set_file: "file" => String;
            /// `enabled`: `no` gives the device no ROM at all.
            enabled, set_enabled: "enabled" => crate::YesNo;
        }
    }
}

view! {
    /// `<boot order=...>`: per-device boot order.
    pub struct BootOrder = "boot" {
        attrs {
            /// `order`, 1 first.
            order, set_order: "order" => u32;
            /// `loadparm` (s390).
            loadparm, set_loadparm: "loadparm" => String;
        }
    }
}

view! {
    /// An element whose content is one text value (`<name>`, `<emulator>`, ...).
    pub struct TextElement = "text" {
        text {
            /// The text.
            value, set_value => String;
        }
    }
}

view! {
    /// An empty marker element (`<readonly/>`, `<shareable/>`, ...), or a
    /// feature switch with an optional `state`.
    pub struct Flag = "flag" {
        attrs {
            /// `state` (`on`/`off`) where libvirt allows one.
            state, set_state: "state" => crate::OnOff;
        }
    }
}

view! {
    /// An element identified by a `name` attribute (`<model name=...>`, ...).
    pub struct Named = "named" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
        }
    }
}
