//! Small elements many devices share: address, alias, boot order, driver.

use crate::model::{Rule, Violation};
use crate::tree::Element;
use crate::value::uint_at_most;
use crate::view::view;

/// Schema limits of an address, by its type: PCI's bus, slot and function
/// ranges, USB's hub path, spapr-vio's 32-bit register.
fn address_rules(el: &Element) -> Result<(), Violation> {
    let within = |attr: &str, max: u64, what: &str| match el.attr(attr) {
        Some(v) if !uint_at_most(v, max) => Err(Violation::new(
            format!("@{attr}"),
            format!("{what} must be at most {max:#x}, not {v:?}"),
        )),
        _ => Ok(()),
    };
    match el.attr("type") {
        Some("pci") => {
            within("domain", 0xffff_ffff, "a PCI domain")?;
            within("bus", 0xff, "a PCI bus")?;
            within("slot", 0x1f, "a PCI slot")?;
            within("function", 7, "a PCI function")
        }
        Some("usb") => match el.attr("port") {
            // Up to four hub levels: `1.2.3.4`, each a number of 1-3 hex digits.
            Some(p)
                if p.split('.').count() > 4
                    || !p.split('.').all(|n| {
                        let d = n.strip_prefix("0x").unwrap_or(n);
                        (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_hexdigit())
                    }) =>
            {
                Err(Violation::new(
                    "@port",
                    format!("a USB port path has at most 4 levels of 1-3 hex digits, not {p:?}"),
                ))
            }
            _ => Ok(()),
        },
        Some("spapr-vio") => match el.attr("reg") {
            Some(r) => {
                let d = r.strip_prefix("0x").unwrap_or(r);
                if (1..=8).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_hexdigit()) {
                    Ok(())
                } else {
                    Err(Violation::new(
                        "@reg",
                        format!("a spapr-vio register is 32-bit hex, not {r:?}"),
                    ))
                }
            }
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

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
            /// `reg` (spapr-vio).
            reg, set_reg: "reg" => String;
            /// `uuid` (an mdev host device's source address).
            uuid, set_uuid: "uuid" => String;
        }
        rules {
            Rule::Check(address_rules),
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
            file, set_file: "file" => crate::AbsPath;
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
            loadparm, set_loadparm: "loadparm" => crate::Loadparm;
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

/// A device seclabel either turns relabelling off, skips it, or gives a
/// label (libvirt's schema: `relabel='no'`, `labelskip='yes'` or `<label>`).
fn dev_seclabel_rules(el: &Element) -> Result<(), Violation> {
    if el.attr("relabel") == Some("no")
        || el.attr("labelskip") == Some("yes")
        || el.child("label").is_some()
    {
        Ok(())
    } else {
        Err(Violation::new(
            "",
            "a device seclabel needs relabel='no', labelskip='yes' or a <label>",
        ))
    }
}

view! {
    /// A per-device `<seclabel>` (inside a disk's or chardev's `<source>`).
    pub struct DevSeclabel = "seclabel" {
        attrs {
            /// `model`: `selinux`, `dac`, `apparmor`.
            model, set_model: "model" => String;
            /// `relabel`.
            relabel, set_relabel: "relabel" => crate::YesNo;
            /// `labelskip` (output).
            labelskip, set_labelskip: "labelskip" => crate::YesNo;
        }
        children {
            /// `<label>`.
            one label, label_mut, set_label: "label" => TextElement;
        }
        rules {
            Rule::Check(dev_seclabel_rules),
        }
    }
}
