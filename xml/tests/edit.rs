//! Read-modify-write changes only what the program changed; the builder
//! makes a readable guest; the typed helpers find disks, NICs and ports.

use virtwire_xml::capabilities::Capabilities;
use virtwire_xml::domain::{
    CharDevice, Disk, DiskType, Domain, DomainBuilder, Graphics, Interface, InterfaceType,
    SourceKind,
};
use virtwire_xml::{View, YesNo};

const GUEST: &str = r#"<?xml version="1.0"?>
<!-- kept -->
<domain type='kvm' id='3' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>guest</name>
  <memory unit='KiB'>1048576</memory>
  <future-element answer='42'>kept as is</future-element>
  <devices>
    <disk type='network' device='disk' newattr='x'>
      <driver name='qemu' type='raw'/>
      <source protocol='nbd' name='export'>
        <host name='example.org' port='10809'/>
      </source>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <interface type='bridge' shiny='new'>
      <mac address='52:54:00:00:00:01'/>
      <source bridge='br0'/>
      <target dev='vnet0'/>
      <model type='virtio'/>
    </interface>
    <graphics type='vnc' port='5900' autoport='yes' futuremode='z'/>
    <graphics type='spice' port='-1'/>
  </devices>
  <qemu:commandline>
    <qemu:arg value='-no-shutdown'/>
  </qemu:commandline>
</domain>
"#;

#[test]
fn untouched_document_is_written_back_byte_for_byte() {
    // Quotes become double quotes; otherwise identical.
    let d = Domain::from_xml(GUEST).unwrap();
    assert_eq!(d.to_xml(), GUEST.replace('\'', "\""));
}

#[test]
fn editing_one_value_changes_only_that_value() {
    let mut d = Domain::from_xml(GUEST).unwrap();
    d.devices_mut()
        .disks_mut()
        .nth(1)
        .unwrap()
        .source_mut()
        .set_file("/isos/install.iso");
    d.set_name("renamed");
    let out = d.to_xml();
    let want = GUEST
        .replace('\'', "\"")
        .replace("<name>guest</name>", "<name>renamed</name>")
        .replace(
            "<disk type=\"file\" device=\"cdrom\">\n      <target",
            "<disk type=\"file\" device=\"cdrom\">\n      <source file=\"/isos/install.iso\"/>\n      <target",
        );
    assert_eq!(out, want);
}

#[test]
fn typed_helpers() {
    let d = Domain::from_xml(GUEST).unwrap();
    let dev = d.devices().unwrap();
    assert_eq!(dev.disk_targets().collect::<Vec<_>>(), ["vda", "sda"]);
    assert_eq!(
        dev.interface_targets().collect::<Vec<_>>(),
        [(Some("vnet0"), Some("52:54:00:00:00:01"))]
    );
    assert_eq!(
        dev.graphics_ports().collect::<Vec<_>>(),
        [("vnc".to_string(), Some(5900)), ("spice".to_string(), None)]
    );
    let first = dev.disks().next().unwrap();
    assert_eq!(first.kind(), Some(DiskType::Network));
    assert_eq!(
        first.source_kind(),
        SourceKind::Network {
            protocol: "nbd",
            name: Some("export")
        }
    );
    assert_eq!(
        first.source().unwrap().hosts().next().unwrap().port(),
        Some(10809)
    );
    assert_eq!(d.memory().unwrap().kib(), Some(1_048_576));
    let iface = dev.interfaces().next().unwrap();
    assert_eq!(iface.kind(), Some(InterfaceType::Bridge));
    // Unknown enum values are kept as strings.
    let mut g = dev.graphics().next().unwrap().clone();
    g.set_autoport(YesNo::Other("maybe".into()));
    assert_eq!(g.attr("autoport"), Some("maybe"));
    assert_eq!(g.attr("futuremode"), Some("z"));
}

#[test]
fn builder_makes_the_test_guest() {
    let dom = DomainBuilder::new("kvm", "vw-test")
        .memory_mib(512)
        .vcpus(1)
        .machine("x86_64", "pc")
        .disk(Disk::file("/var/lib/virtwire/vw-test.qcow2", "qcow2").with_target("vda", "virtio"))
        .interface(Interface::ethernet("virtio"))
        .serial_console()
        .graphics(Graphics::vnc("127.0.0.1"))
        .build();
    let xml = dom.to_xml();
    let expected = r#"<domain type="kvm">
  <name>vw-test</name>
  <memory unit="MiB">512</memory>
  <currentMemory unit="MiB">512</currentMemory>
  <vcpu>1</vcpu>
  <os>
    <type arch="x86_64" machine="pc">hvm</type>
    <boot dev="hd"/>
  </os>
  <devices>
    <disk type="file" device="disk">
      <driver name="qemu" type="qcow2"/>
      <source file="/var/lib/virtwire/vw-test.qcow2"/>
      <target dev="vda" bus="virtio"/>
    </disk>
    <interface type="ethernet">
      <model type="virtio"/>
    </interface>
    <serial type="pty">
      <target port="0"/>
    </serial>
    <console type="pty">
      <target type="serial" port="0"/>
    </console>
    <graphics type="vnc" autoport="yes">
      <listen type="address" address="127.0.0.1"/>
    </graphics>
  </devices>
</domain>"#;
    assert_eq!(xml, expected);
    // It parses back as a domain with everything modelled.
    let back = Domain::from_xml(&xml).unwrap();
    assert_eq!(back.coverage().kept, 0);
    // Setters put attributes in schema order whatever order they ran in.
    let mut serial = CharDevice::pty("serial").with_target_type("isa-serial");
    serial.target_mut().set_name("x");
    assert_eq!(
        virtwire_xml::write_element_string(&serial),
        r#"<serial type="pty"><target type="isa-serial" port="0" name="x"/></serial>"#
    );
}

#[test]
fn adding_a_device_follows_schema_order_and_indentation() {
    let mut d = Domain::from_xml(GUEST).unwrap();
    d.devices_mut()
        .push_interface(Interface::network("default", "virtio"));
    let out = d.to_xml();
    let i = out.find("<interface type=\"network\">").unwrap();
    let g = out.find("<graphics").unwrap();
    assert!(i < g, "new interface goes before graphics");
    assert!(out.contains("</interface>\n    <interface type=\"network\">"));
}

#[test]
fn capabilities_helpers() {
    let xml = "<capabilities><host><uuid>u</uuid><cpu><arch>x86_64</arch><model>Skylake</model></cpu></host>\
               <guest><os_type>hvm</os_type><arch name='x86_64'><machine maxCpus='255'>pc</machine>\
               <domain type='kvm'/></arch></guest></capabilities>";
    let c = Capabilities::from_xml(xml).unwrap();
    let cpu = c.host().unwrap().cpu().unwrap();
    assert_eq!(cpu.arch().unwrap().value().as_deref(), Some("x86_64"));
    assert_eq!(cpu.model().unwrap().name().as_deref(), Some("Skylake"));
    assert_eq!(
        c.guest_kinds().collect::<Vec<_>>(),
        [(Some("hvm".into()), Some("x86_64".into()))]
    );
    let m = c
        .guests()
        .next()
        .unwrap()
        .arch()
        .unwrap()
        .machines()
        .next()
        .unwrap();
    assert_eq!(m.max_cpus(), Some(255));
}
