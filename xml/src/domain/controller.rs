//! `<controller>` and the smaller devices: input, sound, watchdog,
//! memballoon, rng, hostdev, filesystem.

use crate::domain::common::{Address, Alias};
use crate::model::{Rule, Violation};
use crate::tree::Element;
use crate::view::view;

/// An mdev is named by its UUID; a vhost SCSI host takes no raw I/O or SG_IO
/// settings (libvirt's schema).
fn hostdev_rules(el: &Element) -> Result<(), Violation> {
    match el.attr("type") {
        Some("mdev") => {
            let uuid = el
                .child("source")
                .and_then(|s| s.child("address"))
                .and_then(|a| a.attr("uuid"));
            match uuid {
                Some(_) => Ok(()),
                None => Err(Violation::new(
                    "source/address/@uuid",
                    "an mdev host device is named by <source><address uuid=.../>",
                )),
            }
        }
        Some("scsi_host") => match ["rawio", "sgio"].into_iter().find(|a| el.attr(a).is_some()) {
            Some(a) => Err(Violation::new(
                format!("@{a}"),
                "a scsi_host host device takes no rawio or sgio",
            )),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

view! {
    /// A `<controller>`.
    pub struct Controller = "controller" {
        attrs {
            /// `type`: `pci`, `usb`, `scsi`, `sata`, `ide`, `virtio-serial`, ...
            kind, set_kind: "type" => String;
            /// `index`.
            index, set_index: "index" => u32;
            /// `model`.
            model, set_model: "model" => String;
            /// `ports` (virtio-serial).
            ports, set_ports: "ports" => u32;
            /// `vectors` (virtio-serial).
            vectors, set_vectors: "vectors" => u32;
        }
        children {
            /// `<model name=...>` (PCI).
            one model_name, model_name_mut, set_model_name: "model" => crate::domain::common::Named;
            /// `<target>` (PCI).
            one target, target_mut, set_target: "target" => ControllerTarget;
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<address>`.
            one address, address_mut, set_address: "address" => Address;
        }
    }
}

view! {
    /// A PCI controller's `<target>`.
    pub struct ControllerTarget = "target" {
        attrs {
            /// `chassisNr`.
            chassis_nr, set_chassis_nr: "chassisNr" => u32;
            /// `chassis`.
            chassis, set_chassis: "chassis" => u32;
            /// `port`.
            port, set_port: "port" => u32;
            /// `busNr`.
            bus_nr, set_bus_nr: "busNr" => u32;
            /// `index`.
            index, set_index: "index" => u32;
            /// `hotplug`.
            hotplug, set_hotplug: "hotplug" => crate::OnOff;
        }
    }
}

view! {
    /// An `<input>` device.
    pub struct Input = "input" {
        attrs {
            /// `type`: `mouse`, `tablet`, `keyboard`, `passthrough`, `evdev`.
            kind, set_kind: "type" => String;
            /// `bus`: `ps2`, `usb`, `virtio`, ...
            bus, set_bus: "bus" => String;
        }
        children {
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<address>`.
            one address, address_mut, set_address: "address" => Address;
        }
    }
}

view! {
    /// A device with just a `model` attribute (`<sound>`, `<watchdog>`,
    /// `<memballoon>`, `<rng>`, `<panic>`, ...).
    pub struct ModelDevice = "device" {
        attrs {
            /// `model`.
            model, set_model: "model" => String;
            /// `action` (watchdog).
            action, set_action: "action" => String;
            /// `autodeflate` (memballoon).
            autodeflate, set_autodeflate: "autodeflate" => crate::OnOff;
        }
        children {
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<address>`.
            one address, address_mut, set_address: "address" => Address;
        }
    }
}

view! {
    /// A `<hostdev>` (host device passthrough).
    pub struct Hostdev = "hostdev" {
        attrs {
            /// `mode`: `subsystem` or `capabilities`.
            mode, set_mode: "mode" => String;
            /// `type`: `pci`, `usb`, `scsi`, `mdev`, ...
            kind, set_kind: "type" => String;
            /// `managed`.
            managed, set_managed: "managed" => crate::YesNo;
            /// `model` (mdev: `vfio-pci`, `vfio-ccw`, `vfio-ap`).
            model, set_model: "model" => String;
        }
        children {
            /// `<source>`: the host device.
            one source, source_mut, set_source: "source" => HostdevSource;
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<address>` (guest side).
            one address, address_mut, set_address: "address" => Address;
        }
        rules {
            Rule::Check(hostdev_rules),
        }
    }
}

view! {
    /// A host device's `<source>`.
    pub struct HostdevSource = "source" {
        children {
            /// `<address>`: the host-side address (PCI, USB, SCSI, mdev UUID).
            one address, address_mut, set_address: "address" => Address;
        }
    }
}

view! {
    /// A `<tpm>` device.
    pub struct Tpm = "tpm" {
        attrs {
            /// `model`: `tpm-tis`, `tpm-crb`, `tpm-spapr`, ...
            model, set_model: "model" => String;
        }
        children {
            /// `<backend>`: passthrough, emulator or external.
            one backend, backend_mut, set_backend: "backend" => TpmBackend;
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<address>`.
            one address, address_mut, set_address: "address" => Address;
        }
        rules {
            Rule::RequiredChild("backend"),
        }
    }
}

view! {
    /// A TPM's `<backend>`.
    pub struct TpmBackend = "backend" {
        attrs {
            /// `type`: `passthrough`, `emulator`, `external`.
            kind, set_kind: "type" => String;
            /// `version`: `1.2` or `2.0`.
            version, set_version: "version" => String;
        }
        rules {
            Rule::RequiredAttr("type"),
        }
    }
}

view! {
    /// A `<filesystem>` shared with the guest.
    pub struct Filesystem = "filesystem" {
        attrs {
            /// `type`: `mount`, `file`, `block`, `ram`, ...
            kind, set_kind: "type" => String;
            /// `accessmode`.
            accessmode, set_accessmode: "accessmode" => String;
        }
        children {
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<address>`.
            one address, address_mut, set_address: "address" => Address;
        }
    }
}
