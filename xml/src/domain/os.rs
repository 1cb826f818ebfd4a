//! `<os>`: firmware, boot order, direct kernel boot.

use crate::domain::common::TextElement;
use crate::view::view;

view! {
    /// `<os>`.
    pub struct Os = "os" {
        attrs {
            /// `firmware`: `bios` or `efi` (auto-selection).
            firmware, set_firmware: "firmware" => String;
        }
        children {
            /// `<type>`: `hvm`, `linux`, `exe`, with arch and machine.
            one os_type, os_type_mut, set_os_type: "type" => OsType;
            /// `<loader>`: firmware image.
            one loader, loader_mut, set_loader: "loader" => Loader;
            /// `<nvram>`: the UEFI variable store.
            one nvram, nvram_mut, set_nvram: "nvram" => TextElement;
            /// `<boot dev=...>` entries.
            many boots, boots_mut, push_boot: "boot" => BootDev;
            /// `<bootmenu enable=... timeout=...>`.
            one bootmenu, bootmenu_mut, set_bootmenu: "bootmenu" => BootMenu;
            /// `<kernel>`.
            one kernel, kernel_mut, set_kernel: "kernel" => TextElement;
            /// `<initrd>`.
            one initrd, initrd_mut, set_initrd: "initrd" => TextElement;
            /// `<cmdline>`.
            one cmdline, cmdline_mut, set_cmdline: "cmdline" => TextElement;
            /// `<dtb>`.
            one dtb, dtb_mut, set_dtb: "dtb" => TextElement;
            /// `<init>` (containers).
            one init, init_mut, set_init: "init" => TextElement;
        }
    }
}

view! {
    /// `<os><type>`.
    pub struct OsType = "type" {
        attrs {
            /// `arch`.
            arch, set_arch: "arch" => String;
            /// `machine`.
            machine, set_machine: "machine" => String;
        }
        text {
            /// The OS type: `hvm`, `linux`, `exe`, `xen`.
            value, set_value => String;
        }
    }
}

view! {
    /// `<loader>`.
    pub struct Loader = "loader" {
        attrs {
            /// `readonly`.
            readonly, set_readonly: "readonly" => crate::YesNo;
            /// `type`: `rom` or `pflash`.
            kind, set_kind: "type" => String;
            /// `secure`.
            secure, set_secure: "secure" => crate::YesNo;
        }
        text {
            /// The firmware path.
            path, set_path => String;
        }
    }
}

view! {
    /// `<boot dev=...>`.
    pub struct BootDev = "boot" {
        attrs {
            /// `dev`: `hd`, `cdrom`, `network`, `fd`.
            dev, set_dev: "dev" => String;
        }
    }
}

view! {
    /// `<bootmenu>`: whether the firmware offers a boot menu.
    pub struct BootMenu = "bootmenu" {
        attrs {
            /// `enable`.
            enable, set_enable: "enable" => crate::YesNo;
            /// `timeout` in milliseconds, up to 65535.
            timeout, set_timeout: "timeout" => u16;
        }
        rules {
            crate::model::Rule::RequiredAttr("enable"),
        }
    }
}
