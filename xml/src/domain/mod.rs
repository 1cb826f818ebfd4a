//! The `<domain>` document: a guest's configuration.

mod builder;
mod chardev;
mod common;
mod controller;
mod cpu;
mod devices;
mod disk;
mod graphics;
mod interface;
mod os;

pub use builder::DomainBuilder;
pub use chardev::{CharDevice, CharLog, CharProtocol, CharSource, CharTarget, CharTargetModel};
pub use common::{Address, Alias, BootOrder, DevSeclabel, Flag, Named, Rom, TextElement};
pub use controller::{
    Controller, ControllerTarget, Filesystem, Hostdev, HostdevSource, Input, ModelDevice, Tpm,
    TpmBackend,
};
pub use cpu::{Cpu, CpuFeature, CpuModel, Topology, Vcpu};
pub use devices::Devices;
pub use disk::{
    AuthSecret, BackingStore, Disk, DiskAuth, DiskDevice, DiskDriver, DiskSource, DiskTarget,
    DiskType, Encryption, Format, SourceHost, SourceKind,
};
pub use graphics::{Gl, Graphics, GraphicsType, Listen, Video, VideoDriver, VideoModel};
pub use interface::{
    Interface, InterfaceDriver, InterfaceSource, InterfaceTarget, InterfaceType, Link, Mac, Model,
    Mtu,
};
pub use os::{BootDev, BootMenu, Loader, Os, OsType};

use crate::view::view;

view! {
    /// `<domain>`: a guest. Children are listed in the order libvirt writes them.
    pub struct Domain = "domain" {
        attrs {
            /// `type`: the hypervisor (`kvm`, `qemu`, `test`, ...).
            kind, set_kind: "type" => String;
            /// `id` of a running guest.
            id, set_id: "id" => i32;
        }
        children {
            /// `<name>`.
            one name_element, name_element_mut, set_name_element: "name" => TextElement;
            /// `<uuid>`.
            one uuid_element, uuid_element_mut, set_uuid_element: "uuid" => TextElement;
            /// `<genid>`.
            one genid, genid_mut, set_genid: "genid" => TextElement;
            /// `<title>`.
            one title, title_mut, set_title: "title" => TextElement;
            /// `<description>`.
            one description, description_mut, set_description: "description" => TextElement;
            /// `<maxMemory>`.
            one max_memory, max_memory_mut, set_max_memory: "maxMemory" => Memory;
            /// `<memory>`: the boot-time maximum.
            one memory, memory_mut, set_memory: "memory" => Memory;
            /// `<currentMemory>`: the balloon target.
            one current_memory, current_memory_mut, set_current_memory: "currentMemory" => Memory;
            /// `<vcpu>`.
            one vcpu, vcpu_mut, set_vcpu: "vcpu" => Vcpu;
            /// `<numatune>`: which host NUMA nodes the memory comes from.
            one numatune, numatune_mut, set_numatune: "numatune" => Numatune;
            /// `<os>`.
            one os, os_mut, set_os: "os" => Os;
            /// `<features>`.
            one features, features_mut, set_features: "features" => Features;
            /// `<cpu>`.
            one cpu, cpu_mut, set_cpu: "cpu" => Cpu;
            /// `<clock>`.
            one clock, clock_mut, set_clock: "clock" => Clock;
            /// `<on_poweroff>`.
            one on_poweroff, on_poweroff_mut, set_on_poweroff: "on_poweroff" => TextElement;
            /// `<on_reboot>`.
            one on_reboot, on_reboot_mut, set_on_reboot: "on_reboot" => TextElement;
            /// `<on_crash>`.
            one on_crash, on_crash_mut, set_on_crash: "on_crash" => TextElement;
            /// `<devices>`.
            one devices, devices_mut, set_devices: "devices" => Devices;
        }
    }
}

impl Domain {
    /// The guest's name.
    pub fn name(&self) -> Option<String> {
        self.name_element().and_then(TextElement::value)
    }

    /// Sets the guest's name.
    pub fn set_name(&mut self, name: &str) -> &mut Self {
        self.name_element_mut().set_value(name);
        self
    }

    /// The guest's UUID as written.
    pub fn uuid(&self) -> Option<String> {
        self.uuid_element().and_then(TextElement::value)
    }
}

view! {
    /// A memory size: `<memory unit='KiB'>N</memory>` and its siblings.
    pub struct Memory = "memory" {
        attrs {
            /// `unit` (default `KiB`).
            unit, set_unit: "unit" => String;
            /// `slots` (maxMemory).
            slots, set_slots: "slots" => u32;
            /// `dumpCore`.
            dump_core, set_dump_core: "dumpCore" => crate::OnOff;
        }
        text {
            /// The amount, in `unit`s.
            amount, set_amount => u64;
        }
    }
}

impl Memory {
    /// The size in KiB, scaling by `unit` the way libvirt does (`b`/`bytes`,
    /// `KB`/`k`/`KiB`, `MB`/`M`/`MiB`, ... up to `E`: powers of 1000 for the
    /// `B` suffixes, 1024 otherwise, letters in any case). `None` for an
    /// unknown unit or overflow.
    pub fn kib(&self) -> Option<u64> {
        let n = self.amount()?;
        let unit = self.unit().unwrap_or_else(|| "KiB".into());
        let bytes = crate::value::unit_bytes(&unit)?;
        n.checked_mul(bytes).map(|b| b / 1024)
    }
}

view! {
    /// `<features>`: machine features, each an element with an optional `state`.
    pub struct Features = "features" {
        children {
            /// `<acpi/>`.
            one acpi, acpi_mut, set_acpi: "acpi" => Flag;
            /// `<apic/>`.
            one apic, apic_mut, set_apic: "apic" => Flag;
            /// `<pae/>`.
            one pae, pae_mut, set_pae: "pae" => Flag;
            /// `<hap/>`.
            one hap, hap_mut, set_hap: "hap" => Flag;
            /// `<vmport/>`.
            one vmport, vmport_mut, set_vmport: "vmport" => Flag;
            /// `<smm/>`.
            one smm, smm_mut, set_smm: "smm" => Flag;
            /// `<pvspinlock/>`.
            one pvspinlock, pvspinlock_mut, set_pvspinlock: "pvspinlock" => Flag;
            /// `<htm/>`.
            one htm, htm_mut, set_htm: "htm" => Flag;
            /// `<vmcoreinfo/>`.
            one vmcoreinfo, vmcoreinfo_mut, set_vmcoreinfo: "vmcoreinfo" => Flag;
        }
    }
}

view! {
    /// `<clock>`.
    pub struct Clock = "clock" {
        attrs {
            /// `offset`: `utc`, `localtime`, `timezone`, `variable`, `absolute`.
            offset, set_offset: "offset" => String;
            /// `timezone`.
            timezone, set_timezone: "timezone" => String;
            /// `adjustment`.
            adjustment, set_adjustment: "adjustment" => String;
            /// `basis`.
            basis, set_basis: "basis" => String;
        }
        children {
            /// `<timer>`s.
            many timers, timers_mut, push_timer: "timer" => Timer;
        }
    }
}

view! {
    /// `<timer>`.
    pub struct Timer = "timer" {
        attrs {
            /// `name`: `rtc`, `pit`, `hpet`, `kvmclock`, ...
            name, set_name: "name" => String;
            /// `present`.
            present, set_present: "present" => crate::YesNo;
            /// `tickpolicy`.
            tickpolicy, set_tickpolicy: "tickpolicy" => String;
            /// `track`.
            track, set_track: "track" => String;
        }
    }
}

view! {
    /// `<numatune>`.
    pub struct Numatune = "numatune" {
        children {
            /// `<memory>`: the policy for all guest memory.
            one memory, memory_mut, set_memory: "memory" => NumaMemory;
            /// `<memnode>`s: per guest NUMA cell.
            many memnodes, memnodes_mut, push_memnode: "memnode" => NumaMemory;
        }
    }
}

/// `placement='auto'` takes its nodes from numad: a `nodeset` contradicts it.
fn numa_memory_rules(el: &crate::Element) -> Result<(), crate::model::Violation> {
    if el.attr("placement") == Some("auto") && el.attr("nodeset").is_some() {
        return Err(crate::model::Violation::new(
            "@nodeset",
            "placement='auto' takes no nodeset",
        ));
    }
    Ok(())
}

view! {
    /// `<numatune><memory>` or `<memnode>`.
    pub struct NumaMemory = "memory" {
        attrs {
            /// `cellid` (memnode): the guest NUMA cell.
            cellid, set_cellid: "cellid" => u32;
            /// `mode`: `strict`, `preferred`, `interleave`, `restrictive`.
            mode, set_mode: "mode" => String;
            /// `nodeset`: host NUMA nodes.
            nodeset, set_nodeset: "nodeset" => crate::CpuSet;
            /// `placement`: `static` or `auto`.
            placement, set_placement: "placement" => String;
        }
        rules {
            crate::model::Rule::Check(numa_memory_rules),
        }
    }
}
