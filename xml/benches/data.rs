//! Documents for the XML benchmark (`benches/xml.rs`) and the memory example
//! (`examples/memory.rs`): a 200-device domain built with the typed builder,
//! and real capabilities documents from libvirt's test data.

use std::path::PathBuf;

use virtwire_xml::domain::{
    Address, Alias, Disk, DomainBuilder, Graphics, Interface, Mac, TextElement,
};

/// Guest device name number `i` after `prefix`: `vda`, ..., `vdz`, `vdaa`, ...
fn dev_name(prefix: &str, i: usize) -> String {
    let mut n = i;
    let mut suffix = Vec::new();
    loop {
        suffix.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    suffix.reverse();
    format!("{prefix}{}", String::from_utf8(suffix).unwrap())
}

fn pci_address(i: usize) -> Address {
    let mut a = Address::new();
    a.set_kind("pci")
        .set_domain(0u32)
        .set_bus(1 + (i / 32) as u32)
        .set_slot((i % 32) as u32)
        .set_function(0u32);
    a
}

/// The live XML of a guest with 200 devices (100 qcow2 disks and 100 NICs on
/// a libvirt network), each with the alias, PCI address, MAC and tap name a
/// running guest's XML has, laid out as libvirt writes it.
pub fn domain_200() -> String {
    let mut b = DomainBuilder::new("kvm", "bench-200")
        .memory_mib(4096)
        .vcpus(4)
        .machine("x86_64", "pc-q35-10.0")
        .feature("acpi")
        .feature("apic")
        .clock("utc")
        .lifecycle("destroy", "restart", "destroy")
        .serial_console()
        .graphics(Graphics::vnc("127.0.0.1"))
        .video("virtio")
        .memballoon("virtio");
    b.domain_mut().set_id(7);
    b.domain_mut()
        .uuid_element_mut()
        .set_value("5f2a6b52-2d39-4d2e-9d6a-3f1c0e2b7a10");
    b.domain_mut()
        .devices_mut()
        .set_emulator(TextElement::new())
        .set_value("/usr/bin/qemu-system-x86_64");
    for i in 0..100 {
        let dev = dev_name("vd", i);
        let mut disk = Disk::file(
            &format!("/var/lib/libvirt/images/bench-{dev}.qcow2"),
            "qcow2",
        )
        .with_target(&dev, "virtio");
        disk.source_mut().set_index(i as u32 + 1);
        disk.set_alias(Alias::new())
            .set_name(format!("virtio-disk{i}"));
        disk.set_address(pci_address(i));
        b = b.disk(disk);
    }
    for i in 0..100 {
        let mut nic = Interface::network("default", "virtio");
        let mut mac = Mac::new();
        mac.set_address(format!("52:54:00:00:{:02x}:{:02x}", i / 256, i % 256));
        nic.set_mac(mac);
        nic.target_mut().set_dev(format!("vnet{i}"));
        nic.set_alias(Alias::new()).set_name(format!("net{i}"));
        nic.set_address(pci_address(100 + i));
        b = b.interface(nic);
    }
    b.build().to_xml()
}

fn test_data(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../.virtwire/libvirt-xml-tests/tests")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: run scripts/fetch-xml-testdata.sh for libvirt's test data",
            path.display()
        )
    })
}

/// libvirt's `capabilityschemadata/caps-qemu-kvm.xml` (14 KB: a NUMA host,
/// its CPU, and the QEMU/KVM guests of several architectures).
pub fn capabilities() -> String {
    test_data("capabilityschemadata/caps-qemu-kvm.xml")
}

/// libvirt's `domaincapsdata/qemu_7.0.0-tcg.x86_64.xml` (70 KB: every CPU
/// model with its blockers, every device enum).
pub fn domain_capabilities() -> String {
    test_data("domaincapsdata/qemu_7.0.0-tcg.x86_64.xml")
}
