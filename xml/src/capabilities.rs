//! `<capabilities>` (the host's) and `<domainCapabilities>`.

use crate::domain::{Cpu, TextElement};
use crate::view::view;

view! {
    /// `<capabilities>`: what the host and its hypervisor offer.
    pub struct Capabilities = "capabilities" {
        children {
            /// `<host>`.
            one host, host_mut, set_host: "host" => Host;
            /// `<guest>` entries: one per OS type and architecture.
            many guests, guests_mut, push_guest: "guest" => Guest;
        }
    }
}

view! {
    /// `<capabilities><host>`.
    pub struct Host = "host" {
        children {
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
            /// `<cpu>`: the host CPU.
            one cpu, cpu_mut, set_cpu: "cpu" => Cpu;
        }
    }
}

view! {
    /// `<guest>`: one kind of guest the host can run.
    pub struct Guest = "guest" {
        children {
            /// `<os_type>`: `hvm`, `xen`, `exe`, ...
            one os_type, os_type_mut, set_os_type: "os_type" => TextElement;
            /// `<arch>`.
            one arch, arch_mut, set_arch: "arch" => GuestArch;
        }
    }
}

view! {
    /// `<guest><arch name=...>`.
    pub struct GuestArch = "arch" {
        attrs {
            /// `name`: `x86_64`, `aarch64`, ...
            name, set_name: "name" => String;
        }
        children {
            /// `<wordsize>`.
            one wordsize, wordsize_mut, set_wordsize: "wordsize" => TextElement;
            /// `<emulator>`.
            one emulator, emulator_mut, set_emulator: "emulator" => TextElement;
            /// `<machine>`s.
            many machines, machines_mut, push_machine: "machine" => Machine;
            /// `<domain type=...>`s: the hypervisors for this arch.
            many domains, domains_mut, push_domain: "domain" => GuestDomain;
        }
    }
}

view! {
    /// `<machine>`.
    pub struct Machine = "machine" {
        attrs {
            /// `maxCpus`.
            max_cpus, set_max_cpus: "maxCpus" => u32;
            /// `canonical`: what this alias stands for.
            canonical, set_canonical: "canonical" => String;
        }
        text {
            /// The machine type name.
            name, set_name => String;
        }
    }
}

view! {
    /// `<guest><arch><domain type=...>`.
    pub struct GuestDomain = "domain" {
        attrs {
            /// `type`: `qemu`, `kvm`, ...
            kind, set_kind: "type" => String;
        }
        children {
            /// `<emulator>` override.
            one emulator, emulator_mut, set_emulator: "emulator" => TextElement;
            /// `<machine>` overrides.
            many machines, machines_mut, push_machine: "machine" => Machine;
        }
    }
}

impl Capabilities {
    /// `(os_type, arch)` of every guest kind, in order.
    pub fn guest_kinds(&self) -> impl Iterator<Item = (Option<String>, Option<String>)> {
        self.guests().map(|g| {
            (
                g.os_type().and_then(TextElement::value),
                g.arch().and_then(GuestArch::name),
            )
        })
    }
}

view! {
    /// `<domainCapabilities>`: what one emulator/machine/arch/virttype offers.
    pub struct DomainCapabilities = "domainCapabilities" {
        children {
            /// `<path>`: the emulator.
            one path, path_mut, set_path: "path" => TextElement;
            /// `<domain>`: the virt type.
            one domain, domain_mut, set_domain: "domain" => TextElement;
            /// `<machine>`.
            one machine, machine_mut, set_machine: "machine" => TextElement;
            /// `<arch>`.
            one arch, arch_mut, set_arch: "arch" => TextElement;
            /// `<vcpu max=...>`.
            one vcpu, vcpu_mut, set_vcpu: "vcpu" => MaxVcpu;
            /// `<iothreads supported=...>`.
            one iothreads, iothreads_mut, set_iothreads: "iothreads" => Supported;
            /// `<os>`: firmware choices.
            one os, os_mut, set_os: "os" => OsCaps;
            /// `<cpu>`: the CPU modes and models.
            one cpu, cpu_mut, set_cpu: "cpu" => CpuCaps;
            /// `<memoryBacking>`.
            one memory_backing, memory_backing_mut, set_memory_backing: "memoryBacking" => Supported;
            /// `<devices>`: per device kind, which values are supported.
            one devices, devices_mut, set_devices: "devices" => DeviceCaps;
            /// `<features>`.
            one features, features_mut, set_features: "features" => FeatureCaps;
        }
    }
}

view! {
    /// `<enum name=...>` with its `<value>`s: the allowed values of one setting.
    pub struct CapsEnum = "enum" {
        attrs {
            /// `name`: which setting (`diskDevice`, `bus`, `model`, ...).
            name, set_name: "name" => String;
        }
        children {
            /// `<value>`s.
            many values, values_mut, push_value: "value" => TextElement;
        }
    }
}

impl CapsEnum {
    /// The allowed values as strings.
    pub fn value_strings(&self) -> Vec<String> {
        self.values().filter_map(TextElement::value).collect()
    }
}

view! {
    /// A capability with `supported='yes|no'` and `<enum>`s of allowed values
    /// (each device kind, each feature, `<memoryBacking>`, `<loader>`, ...).
    pub struct Supported = "supported" {
        attrs {
            /// `supported`.
            supported, set_supported: "supported" => crate::YesNo;
        }
        children {
            /// `<value>`s (e.g. a loader's firmware paths).
            many values, values_mut, push_value: "value" => TextElement;
            /// `<enum>`s.
            many enums, enums_mut, push_enum: "enum" => CapsEnum;
        }
    }
}

view! {
    /// `<os>` in domain capabilities.
    pub struct OsCaps = "os" {
        attrs {
            /// `supported`.
            supported, set_supported: "supported" => crate::YesNo;
        }
        children {
            /// `<enum>`s (firmware).
            many enums, enums_mut, push_enum: "enum" => CapsEnum;
            /// `<loader>`.
            one loader, loader_mut, set_loader: "loader" => Supported;
        }
    }
}

view! {
    /// `<cpu>` in domain capabilities.
    pub struct CpuCaps = "cpu" {
        children {
            /// `<mode>`s.
            many modes, modes_mut, push_mode: "mode" => CpuModeCaps;
        }
    }
}

view! {
    /// `<cpu><mode name=... supported=...>`.
    pub struct CpuModeCaps = "mode" {
        attrs {
            /// `name`: `host-passthrough`, `maximum`, `host-model`, `custom`.
            name, set_name: "name" => String;
            /// `supported`.
            supported, set_supported: "supported" => crate::YesNo;
        }
        children {
            /// `<enum>`s.
            many enums, enums_mut, push_enum: "enum" => CapsEnum;
            /// `<model>`s.
            many models, models_mut, push_model: "model" => CpuModelCaps;
            /// `<vendor>` (host-model).
            one vendor, vendor_mut, set_vendor: "vendor" => TextElement;
            /// `<feature>`s (host-model).
            many features, features_mut, push_feature: "feature" => crate::domain::CpuFeature;
            /// `<blockers model=...>`: why a model is unusable.
            many blockers, blockers_mut, push_blockers: "blockers" => Blockers;
        }
    }
}

view! {
    /// A CPU `<model>` in domain capabilities.
    pub struct CpuModelCaps = "model" {
        attrs {
            /// `usable`: `yes`, `no` or `unknown`.
            usable, set_usable: "usable" => crate::YesNo;
            /// `fallback` (host-model).
            fallback, set_fallback: "fallback" => String;
            /// `vendor`.
            vendor, set_vendor: "vendor" => String;
            /// `deprecated`.
            deprecated, set_deprecated: "deprecated" => crate::YesNo;
            /// `canonical`.
            canonical, set_canonical: "canonical" => String;
        }
        text {
            /// The model name.
            name, set_name => String;
        }
    }
}

view! {
    /// `<blockers model=...>`.
    pub struct Blockers = "blockers" {
        attrs {
            /// `model`.
            model, set_model: "model" => String;
        }
        children {
            /// `<feature name=...>`s that block the model.
            many features, features_mut, push_feature: "feature" => crate::domain::CpuFeature;
        }
    }
}

view! {
    /// `<devices>` in domain capabilities.
    pub struct DeviceCaps = "devices" {
        children {
            /// `<disk>`.
            one disk, disk_mut, set_disk: "disk" => Supported;
            /// `<graphics>`.
            one graphics, graphics_mut, set_graphics: "graphics" => Supported;
            /// `<video>`.
            one video, video_mut, set_video: "video" => Supported;
            /// `<hostdev>`.
            one hostdev, hostdev_mut, set_hostdev: "hostdev" => Supported;
            /// `<rng>`.
            one rng, rng_mut, set_rng: "rng" => Supported;
            /// `<filesystem>`.
            one filesystem, filesystem_mut, set_filesystem: "filesystem" => Supported;
            /// `<tpm>`.
            one tpm, tpm_mut, set_tpm: "tpm" => Supported;
            /// `<redirdev>`.
            one redirdev, redirdev_mut, set_redirdev: "redirdev" => Supported;
            /// `<channel>`.
            one channel, channel_mut, set_channel: "channel" => Supported;
            /// `<crypto>`.
            one crypto, crypto_mut, set_crypto: "crypto" => Supported;
            /// `<interface>`.
            one interface, interface_mut, set_interface: "interface" => Supported;
            /// `<panic>`.
            one panic, panic_mut, set_panic: "panic" => Supported;
            /// `<console>`.
            one console, console_mut, set_console: "console" => Supported;
        }
    }
}

view! {
    /// `<features>` in domain capabilities.
    pub struct FeatureCaps = "features" {
        children {
            /// `<gic>`.
            one gic, gic_mut, set_gic: "gic" => Supported;
            /// `<vmcoreinfo>`.
            one vmcoreinfo, vmcoreinfo_mut, set_vmcoreinfo: "vmcoreinfo" => Supported;
            /// `<genid>`.
            one genid, genid_mut, set_genid: "genid" => Supported;
            /// `<backingStoreInput>`.
            one backing_store_input, backing_store_input_mut, set_backing_store_input: "backingStoreInput" => Supported;
            /// `<backup>`.
            one backup, backup_mut, set_backup: "backup" => Supported;
            /// `<async-teardown>`.
            one async_teardown, async_teardown_mut, set_async_teardown: "async-teardown" => Supported;
            /// `<ps2>`.
            one ps2, ps2_mut, set_ps2: "ps2" => Supported;
            /// `<hyperv>`.
            one hyperv, hyperv_mut, set_hyperv: "hyperv" => Supported;
        }
    }
}

view! {
    /// `<vcpu max=...>`.
    pub struct MaxVcpu = "vcpu" {
        attrs {
            /// `max`.
            max, set_max: "max" => u32;
        }
    }
}
