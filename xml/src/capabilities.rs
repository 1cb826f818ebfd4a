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
