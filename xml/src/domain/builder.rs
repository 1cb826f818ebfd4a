//! A readable way to build a guest from scratch.

use crate::document::Document;
use crate::domain::{CharDevice, Disk, Domain, Features, Graphics, Interface, ModelDevice, Video};
use crate::tree::Element;
use crate::view::{View, set_child};

/// Builds a `<domain>`: name, memory, vCPUs, machine and devices, in a few
/// calls; [`DomainBuilder::build`] lays it out like libvirt's own output.
///
/// ```
/// use virtwire_xml::domain::{Disk, DomainBuilder, Graphics, Interface};
///
/// let dom = DomainBuilder::new("kvm", "guest1")
///     .memory_mib(1024)
///     .vcpus(2)
///     .machine("x86_64", "q35")
///     .feature("acpi")
///     .clock("utc")
///     .lifecycle("destroy", "restart", "destroy")
///     .disk(Disk::file("/var/lib/images/guest1.qcow2", "qcow2").with_target("vda", "virtio"))
///     .interface(Interface::ethernet("virtio").with_managed_tap("vw-guest1"))
///     .serial_console()
///     .graphics(Graphics::vnc("127.0.0.1"))
///     .video("vga")
///     .memballoon("virtio")
///     .build();
/// let devices = dom.devices().unwrap();
/// assert_eq!(devices.disk_targets().collect::<Vec<_>>(), ["vda"]);
/// assert_eq!(devices.interface_targets().collect::<Vec<_>>(), [(Some("vw-guest1"), None)]);
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

    /// Memory (boot-time maximum `<memory>` and balloon target
    /// `<currentMemory>`) in MiB.
    pub fn memory_mib(mut self, mib: u64) -> Self {
        self.dom.memory_mut().set_unit("MiB").set_amount(mib);
        self.dom
            .current_memory_mut()
            .set_unit("MiB")
            .set_amount(mib);
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

    /// Turns on machine feature `name` (`acpi`, `apic`, `pae`, ...): an
    /// empty `<features><name/></features>` entry, placed in libvirt's order.
    pub fn feature(mut self, name: &str) -> Self {
        let features = self.dom.features_mut();
        if features.child(name).is_none() {
            set_child(&mut features.0, Features::model(), Element::new(name));
        }
        self
    }

    /// `<clock offset=...>`: `utc`, `localtime`, ...
    pub fn clock(mut self, offset: &str) -> Self {
        self.dom.clock_mut().set_offset(offset);
        self
    }

    /// What the hypervisor does when the guest powers off, reboots and
    /// crashes (`destroy`, `restart`, `preserve`, ...).
    pub fn lifecycle(mut self, on_poweroff: &str, on_reboot: &str, on_crash: &str) -> Self {
        self.dom.on_poweroff_mut().set_value(on_poweroff);
        self.dom.on_reboot_mut().set_value(on_reboot);
        self.dom.on_crash_mut().set_value(on_crash);
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

    /// Adds a pty `<serial>` (port 0, the machine's default serial type)
    /// and the `<console>` on it.
    pub fn serial_console(mut self) -> Self {
        let dev = self.dom.devices_mut();
        dev.push_serial(CharDevice::pty("serial"));
        dev.push_console(CharDevice::pty("console").with_target_type("serial"));
        self
    }

    /// Adds a graphics device.
    pub fn graphics(mut self, g: Graphics) -> Self {
        self.dom.devices_mut().push_graphics(g);
        self
    }

    /// Adds a `<video>` adapter of model `model` (`vga`, `virtio`, `qxl`,
    /// `none`, ...).
    pub fn video(mut self, model: &str) -> Self {
        let mut v = Video::new();
        v.model_mut().set_kind(model);
        self.dom.devices_mut().push_video(v);
        self
    }

    /// Sets the `<memballoon model=...>` (`virtio`, or `none` for no balloon).
    pub fn memballoon(mut self, model: &str) -> Self {
        let mut b = ModelDevice::new();
        b.set_model(model);
        self.dom.devices_mut().set_memballoon(b);
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
