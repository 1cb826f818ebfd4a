//! A readable way to build a guest from scratch.

use crate::document::Document;
use crate::domain::{CharDevice, Disk, Domain, Graphics, Interface};

/// Builds a `<domain>`: name, memory, vCPUs, machine and devices, in a few
/// calls; [`DomainBuilder::build`] lays it out like libvirt's own output.
///
/// ```
/// use virtwire_xml::domain::{CharDevice, Disk, DomainBuilder, Graphics, Interface};
///
/// let dom = DomainBuilder::new("kvm", "guest1")
///     .memory_mib(1024)
///     .vcpus(2)
///     .machine("x86_64", "q35")
///     .disk(Disk::file("/var/lib/images/guest1.qcow2", "qcow2").with_target("vda", "virtio"))
///     .interface(Interface::ethernet("virtio"))
///     .serial_console()
///     .graphics(Graphics::vnc("127.0.0.1"))
///     .build();
/// assert_eq!(dom.devices().unwrap().disk_targets().collect::<Vec<_>>(), ["vda"]);
/// ```
#[derive(Debug, Clone)]
pub struct DomainBuilder {
    dom: Domain,
}

impl DomainBuilder {
    /// A guest of hypervisor type `kind` (e.g. `kvm`) named `name`.
    pub fn new(kind: &str, name: &str) -> Self {
        let mut dom = Domain::new();
        dom.set_kind(kind);
        dom.set_name(name);
        DomainBuilder { dom }
    }

    /// Memory (maximum and current) in MiB.
    pub fn memory_mib(mut self, mib: u64) -> Self {
        self.dom.memory_mut().set_unit("MiB").set_amount(mib);
        self
    }

    /// The number of vCPUs.
    pub fn vcpus(mut self, n: u32) -> Self {
        self.dom.vcpu_mut().set_count(n);
        self
    }

    /// `<os><type arch=... machine=...>hvm</type>` booting from disk.
    pub fn machine(mut self, arch: &str, machine: &str) -> Self {
        let os = self.dom.os_mut();
        os.os_type_mut()
            .set_arch(arch)
            .set_machine(machine)
            .set_value("hvm");
        if os.boots().next().is_none() {
            os.push_boot(crate::domain::BootDev::new()).set_dev("hd");
        }
        self
    }

    /// Adds a disk.
    pub fn disk(mut self, disk: Disk) -> Self {
        self.dom.devices_mut().push_disk(disk);
        self
    }

    /// Adds a network interface.
    pub fn interface(mut self, iface: Interface) -> Self {
        self.dom.devices_mut().push_interface(iface);
        self
    }

    /// Adds a pty `<serial>` and the `<console>` on it.
    pub fn serial_console(mut self) -> Self {
        let dev = self.dom.devices_mut();
        dev.push_serial(CharDevice::pty("serial", "isa-serial"));
        dev.push_console(CharDevice::pty("console", "serial"));
        self
    }

    /// Adds a graphics device.
    pub fn graphics(mut self, g: Graphics) -> Self {
        self.dom.devices_mut().push_graphics(g);
        self
    }

    /// Direct access for anything the builder has no method for.
    pub fn domain_mut(&mut self) -> &mut Domain {
        &mut self.dom
    }

    /// The finished document, indented like libvirt's output.
    pub fn build(self) -> Document<Domain> {
        Document::new(self.dom)
    }
}
