//! virtwire-xml against the real daemon: every kind of XML the daemon
//! produces (capabilities, domain capabilities, the test driver's domain,
//! network, pool, node device and interface, a storage volume, a secret, and
//! a running QEMU guest's live XML with its runtime-only elements) is read
//! into the typed documents, used through them, and written back as the same
//! document. The guest is defined from XML built with the typed builder
//! ([`virtwire_tests::tcg_guest`]), which must also reproduce
//! `fixtures/guest/tcg-guest.xml.in`.
//!
//! Like every live test these fail, never skip, when the private daemon is
//! not running.

use std::io::Read;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use virtwire::prelude::*;
use virtwire::remote::NonnullDomain;
use virtwire::{Client, ConnectOptions};
use virtwire_tests::{
    connect_test, poll_until, qemu_uri, render_fixture, state, tcg_guest, unique_name,
};
use virtwire_xml::capabilities::{Capabilities, DomainCapabilities};
use virtwire_xml::domain::{Domain, SourceKind};
use virtwire_xml::others::{
    HostInterface, Network, NodeDevice, Secret, StoragePool, StorageVolume,
};
use virtwire_xml::{Document, Element, Node, View, YesNo, parse_tree};

/// `VIR_DOMAIN_XML_INACTIVE`: the persistent configuration, not the live one.
const XML_INACTIVE: u32 = 2;

async fn qemu_client() -> Client {
    let uri = qemu_uri();
    ConnectOptions::new()
        .timeout(Some(Duration::from_secs(240)))
        .connect(&uri)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to {uri}: {e} ({e:?})"))
}

/// Parses the daemon's `xml` as a `T` document and checks it is written back
/// unchanged: the same tree, and, independently of virtwire-xml's parser,
/// the same text except that attributes are quoted with `"` where libvirt
/// uses `'`.
fn round_trip<T: View>(what: &str, xml: &str) -> Document<T> {
    let doc = T::from_xml(xml).unwrap_or_else(|e| panic!("{what}: {e}\n{xml}"));
    let out = doc.to_xml();
    assert_eq!(
        parse_tree(&out).expect("the output parses"),
        parse_tree(xml).expect("the input parses"),
        "{what}: the written tree differs from the daemon's"
    );
    assert_eq!(
        out,
        xml.replace('\'', "\""),
        "{what}: the written text differs from the daemon's"
    );
    let cov = doc.coverage();
    eprintln!(
        "{what}: {} bytes, modelled {}, kept {}",
        xml.len(),
        cov.modelled,
        cov.kept
    );
    doc
}

fn uuid_string(u: &[u8; 16]) -> String {
    let hex: String = u.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[tokio::test]
async fn capabilities() {
    let client = qemu_client().await;
    let xml = client.connect_get_capabilities().await.unwrap();
    let caps = round_trip::<Capabilities>("capabilities", xml.as_str());
    let host = caps.host().expect("<host>");
    let arch = host.cpu().and_then(|c| c.arch()).and_then(|a| a.value());
    assert_eq!(arch.as_deref(), Some(std::env::consts::ARCH));
    assert!(host.uuid().and_then(|u| u.value()).is_some());
    // QEMU offers hvm guests of the host's architecture, with machines.
    let kinds: Vec<_> = caps.guest_kinds().collect();
    assert!(
        kinds.contains(&(Some("hvm".into()), Some(std::env::consts::ARCH.into()))),
        "{kinds:?}"
    );
    let native = caps
        .guests()
        .filter_map(|g| g.arch())
        .find(|a| a.name().as_deref() == Some(std::env::consts::ARCH))
        .unwrap();
    assert!(native.emulator().and_then(|e| e.value()).is_some());
    assert!(
        native
            .machines()
            .any(|m| m.name().is_some_and(|n| n == "pc"))
    );
    assert!(
        native
            .domains()
            .any(|d| d.kind().as_deref() == Some("qemu"))
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn domain_capabilities() {
    let client = qemu_client().await;
    let xml = client
        .connect_get_domain_capabilities(None, Some("x86_64"), None, Some("qemu"), 0)
        .await
        .unwrap();
    let caps = round_trip::<DomainCapabilities>("domain capabilities", xml.as_str());
    let text = |e: Option<&virtwire_xml::domain::TextElement>| e.and_then(|e| e.value());
    assert_eq!(text(caps.domain()).as_deref(), Some("qemu"));
    assert_eq!(text(caps.arch()).as_deref(), Some("x86_64"));
    let emulator = text(caps.path()).expect("<path>");
    assert!(Path::new(&emulator).is_file(), "{emulator}");
    assert!(caps.vcpu().and_then(|v| v.max()).unwrap() >= 1);
    // TCG runs named CPU models.
    let custom = caps
        .cpu()
        .unwrap()
        .modes()
        .find(|m| m.name().as_deref() == Some("custom"))
        .expect("cpu mode custom");
    assert_eq!(custom.supported(), Some(YesNo::Yes));
    assert!(
        custom
            .models()
            .any(|m| m.name().as_deref() == Some("qemu64"))
    );
    // Disks: the enum of devices includes a plain disk.
    let disk = caps.devices().unwrap().disk().unwrap();
    assert_eq!(disk.supported(), Some(YesNo::Yes));
    let devices = disk
        .enums()
        .find(|e| e.name().as_deref() == Some("diskDevice"))
        .unwrap()
        .value_strings();
    assert!(devices.iter().any(|d| d == "disk"), "{devices:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn test_driver_documents() {
    let client = connect_test().await;

    let dom = client.raw().domain_lookup_by_name("test").await.unwrap();
    let xml = client.domain_get_xml_desc(&dom, 0).await.unwrap();
    let d = round_trip::<Domain>("test domain", xml.as_str());
    assert_eq!(d.name().as_deref(), Some("test"));
    assert_eq!(d.uuid(), Some(uuid_string(&dom.uuid)));
    assert_eq!(d.kind().as_deref(), Some("test"));
    assert_eq!(d.memory().unwrap().kib(), Some(8 << 20));
    let devices = d.devices().unwrap();
    assert_eq!(
        devices.disks().next().unwrap().source_kind(),
        SourceKind::File("/guest/diskimage1")
    );
    assert_eq!(
        devices.interface_targets().collect::<Vec<_>>(),
        [(Some("testnet0"), Some("aa:bb:cc:dd:ee:ff"))]
    );

    let net = client
        .raw()
        .network_lookup_by_name("default")
        .await
        .unwrap();
    let xml = client.network_get_xml_desc(&net, 0).await.unwrap();
    let n = round_trip::<Network>("test network", xml.as_str());
    assert_eq!(n.name().and_then(|e| e.value()).as_deref(), Some("default"));
    assert_eq!(
        n.uuid().and_then(|e| e.value()),
        Some(uuid_string(&net.uuid))
    );

    let pool = client
        .raw()
        .storage_pool_lookup_by_name("default-pool")
        .await
        .unwrap();
    let xml = client.storage_pool_get_xml_desc(&pool, 0).await.unwrap();
    let p = round_trip::<StoragePool>("test pool", xml.as_str());
    assert_eq!(p.kind().as_deref(), Some("dir"));
    assert_eq!(
        p.name().and_then(|e| e.value()).as_deref(),
        Some("default-pool")
    );

    let xml = client
        .raw()
        .node_device_get_xml_desc("computer", 0)
        .await
        .unwrap();
    let nd = round_trip::<NodeDevice>("test node device", xml.as_str());
    assert_eq!(
        nd.name().and_then(|e| e.value()).as_deref(),
        Some("computer")
    );

    let iface = client.raw().interface_lookup_by_name("eth1").await.unwrap();
    let xml = client.interface_get_xml_desc(&iface, 0).await.unwrap();
    let i = round_trip::<HostInterface>("test interface", xml.as_str());
    assert_eq!(i.name().as_deref(), Some("eth1"));
    assert_eq!(i.kind().as_deref(), Some("ethernet"));

    client.close().await.unwrap();
}

/// A transient dir pool of its own under the private daemon's run dir,
/// destroyed (through virsh: a drop cannot wait on the test's runtime) and
/// removed on drop, also when the test fails.
struct DirPool {
    name: String,
    dir: PathBuf,
}

impl Drop for DirPool {
    fn drop(&mut self) {
        let _ = std::process::Command::new("virsh")
            .args(["-q", "-c", &qemu_uri(), "pool-destroy", &self.name])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn storage_pool_and_volume() {
    let client = qemu_client().await;
    let name = unique_name("xml-pool");
    let dir = PathBuf::from("/tmp/virtwire-libvirtd").join(&name);
    std::fs::create_dir_all(&dir).unwrap();
    let _guard = DirPool {
        name: name.clone(),
        dir: dir.clone(),
    };
    let xml = format!(
        "<pool type='dir'><name>{name}</name><target><path>{}</path></target></pool>",
        dir.display()
    );
    let pool = client
        .raw()
        .storage_pool_create_xml(xml.as_str(), 0)
        .await
        .expect("create a transient dir pool");
    let xml = client.storage_pool_get_xml_desc(&pool, 0).await.unwrap();
    let p = round_trip::<StoragePool>("dir pool", xml.as_str());
    assert_eq!(p.name().and_then(|e| e.value()), Some(name.clone()));
    assert_eq!(
        p.uuid().and_then(|e| e.value()),
        Some(uuid_string(&pool.uuid))
    );

    let vol_xml = "<volume><name>v.raw</name><capacity unit='KiB'>64</capacity>\
                   <target><format type='raw'/></target></volume>";
    let vol = client
        .storage_vol_create_xml(&pool, vol_xml, 0)
        .await
        .expect("create a volume");
    let xml = client.storage_vol_get_xml_desc(&vol, 0).await.unwrap();
    let v = round_trip::<StorageVolume>("volume", xml.as_str());
    assert_eq!(v.kind().as_deref(), Some("file"));
    assert_eq!(v.name().and_then(|e| e.value()).as_deref(), Some("v.raw"));
    let path = dir.join("v.raw");
    assert_eq!(
        v.key().and_then(|e| e.value()).as_deref(),
        path.to_str(),
        "a dir pool's volume key is its path"
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn secret() {
    let client = qemu_client().await;
    let usage = unique_name("xml-secret");
    let xml = format!(
        "<secret ephemeral='no' private='yes'><description>virtwire &amp; xml</description>\
         <usage type='volume'><volume>/tmp/{usage}</volume></usage></secret>"
    );
    let secret = client
        .raw()
        .secret_define_xml(xml.as_str(), 0)
        .await
        .expect("define a secret");
    let (c, s) = (client.clone(), secret.clone());
    let body = tokio::spawn(async move {
        let xml = c.secret_get_xml_desc(&s, 0).await.unwrap();
        let doc = round_trip::<Secret>("secret", xml.as_str());
        assert_eq!(doc.ephemeral(), Some(YesNo::No));
        assert_eq!(doc.private(), Some(YesNo::Yes));
        assert_eq!(
            doc.uuid().and_then(|e| e.value()),
            Some(uuid_string(&s.uuid))
        );
        assert_eq!(
            doc.description().and_then(|e| e.value()).as_deref(),
            Some("virtwire & xml")
        );
        // The usage is not modelled, yet it is there, kept as written.
        let volume = doc.child("usage").and_then(|u| u.child("volume"));
        assert_eq!(
            volume.and_then(Element::text),
            Some(format!("/tmp/{usage}"))
        );
    })
    .await;
    client.secret_undefine(&secret).await.expect("undefine");
    if let Err(e) = body {
        std::panic::resume_unwind(e.into_panic());
    }
    client.close().await.unwrap();
}

/// Element and text content only: comments and layout whitespace dropped.
fn content(el: &Element) -> Element {
    let mut out = Element::new(el.name.clone());
    out.attrs = el.attrs.clone();
    for n in &el.children {
        match n {
            Node::Element(e) => out.children.push(Node::Element(content(e))),
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Comment(_) => {}
            other => out.children.push(other.clone()),
        }
    }
    out
}

/// The template's comments document it; otherwise the builder's guest and
/// `fixtures/guest/tcg-guest.xml.in` are the same tree, attribute order
/// included.
#[test]
fn the_builder_reproduces_the_tcg_guest_template() {
    let (name, disk, tap) = ("vw-template", "/var/tmp/vw-template.qcow2", "vwtap0");
    let template = render_fixture(
        "tcg-guest.xml.in",
        &[("NAME", name), ("DISK", disk), ("TAP", tap)],
    );
    assert!(!template.contains('@'), "a placeholder is left: {template}");
    let built = tcg_guest(name, disk, tap).to_xml();
    let want = content(&parse_tree(&template).unwrap().root);
    let got = content(&parse_tree(&built).unwrap().root);
    assert_eq!(
        got,
        want,
        "builder:\n{built}\ntemplate:\n{}",
        virtwire_xml::write_element_string(&want)
    );
    // And the builder models everything it writes.
    assert_eq!(Domain::from_xml(&built).unwrap().coverage().kept, 0);
}

/// Removes a directory when dropped.
struct RemoveDir(PathBuf);

impl Drop for RemoveDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn remove(client: &Client, dom: &NonnullDomain) {
    let _ = client.domain_destroy(dom).await;
    let _ = client.domain_undefine(dom).await;
}

/// VNC's protocol banner, read from `127.0.0.1:port`.
fn vnc_banner(port: u16) -> Vec<u8> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect to the VNC port");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut banner = vec![0u8; 12];
    s.read_exact(&mut banner).expect("read the VNC banner");
    banner
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_guest_defined_from_the_typed_builder() {
    assert!(
        Path::new("/dev/net/tun").exists(),
        "/dev/net/tun is missing: the guest's tap cannot be created"
    );
    let client = qemu_client().await;
    let name = unique_name("xml-guest");
    let tap = format!("vwx{}", std::process::id() % 1_000_000);
    let (dir, disk) = virtwire_tests::guest_disk(&name);
    let _dir_guard = RemoveDir(dir);
    let disk = disk.to_str().expect("utf-8 path").to_owned();

    let xml = tcg_guest(&name, &disk, &tap).to_xml();
    let dom = client
        .raw()
        .domain_define_xml(xml.as_str())
        .await
        .unwrap_or_else(|e| panic!("define the guest: {e}\n{xml}"));

    let (c, d) = (client.clone(), dom.clone());
    let body = async move {
        let (client, dom) = (c, d);
        // The persistent configuration: what was defined, with libvirt's
        // additions (uuid, controllers, addresses), but no runtime state.
        let xml = client
            .domain_get_xml_desc(&dom, XML_INACTIVE)
            .await
            .unwrap();
        let config = round_trip::<Domain>("guest config", xml.as_str());
        assert_eq!(config.name(), Some(name.clone()));
        assert_eq!(config.id(), None);
        let devices = config.devices().unwrap();
        assert_eq!(devices.disk_targets().collect::<Vec<_>>(), ["vda"]);
        assert!(devices.disks().all(|d| d.alias().is_none()));
        assert_eq!(
            devices.graphics_ports().collect::<Vec<_>>(),
            [("vnc".into(), None)]
        );
        let (config_tap, config_mac) = devices.interface_targets().next().unwrap();
        assert_eq!(config_tap, Some(tap.as_str()));
        let mac = config_mac.expect("libvirt gives the NIC a MAC").to_owned();

        client.domain_create(&dom).await.expect("start the guest");
        let dom = client
            .raw()
            .domain_lookup_by_name(name.as_str())
            .await
            .unwrap();
        assert!(dom.id > 0, "{dom:?}");
        let st = client.domain_get_state(&dom, 0).await.unwrap();
        assert_eq!(st.state, state::RUNNING);
        // The vCPU runs.
        let ran = poll_until(Duration::from_secs(20), Duration::from_millis(100), || {
            let (client, dom) = (client.clone(), dom.clone());
            async move {
                let t = client.domain_get_info(&dom).await.unwrap().cpu_time;
                (t > 0).then_some(t)
            }
        })
        .await;
        assert!(ran.is_some(), "cpu_time stays 0");

        // The live XML: runtime-only elements and values.
        let xml = client.domain_get_xml_desc(&dom, 0).await.unwrap();
        let live = round_trip::<Domain>("running guest", xml.as_str());
        assert_eq!(live.id(), Some(dom.id));
        assert_eq!(live.uuid(), Some(uuid_string(&dom.uuid)));
        assert_eq!(live.memory().unwrap().kib(), Some(64 * 1024));
        // `pc` is expanded to the versioned machine type.
        let machine = live.os().unwrap().os_type().unwrap().machine().unwrap();
        assert!(machine.starts_with("pc-"), "{machine}");
        let devices = live.devices().unwrap();
        assert!(devices.emulator().and_then(|e| e.value()).is_some());

        // The VNC port libvirt picked, and a VNC server on it.
        let ports: Vec<_> = devices.graphics_ports().collect();
        let [(kind, Some(port))] = ports.as_slice() else {
            panic!("one VNC display with a port: {ports:?}");
        };
        assert_eq!(kind, "vnc");
        assert!(*port >= 5900, "{port}");
        assert_eq!(&vnc_banner(*port)[..4], b"RFB ");

        // The tap libvirt created, named as asked, carrying the guest's MAC
        // (libvirt gives the host side 0xfe as first byte).
        assert_eq!(
            devices.interface_targets().collect::<Vec<_>>(),
            [(Some(tap.as_str()), Some(mac.as_str()))]
        );
        let host_mac = std::fs::read_to_string(format!("/sys/class/net/{tap}/address"))
            .expect("the tap exists while the guest runs");
        assert_eq!(host_mac.trim()[2..], mac[2..], "{host_mac} vs {mac}");

        // Aliases on every device, the pty of the console, the disk's index.
        let nic = devices.interfaces().next().unwrap();
        assert!(nic.alias().and_then(|a| a.name()).is_some());
        assert_eq!(nic.rom().and_then(|r| r.enabled()), Some(YesNo::No));
        let disk0 = devices.disks().next().unwrap();
        assert!(disk0.alias().and_then(|a| a.name()).is_some());
        assert_eq!(disk0.source_kind(), SourceKind::File(&disk));
        assert!(disk0.source().unwrap().index().is_some());
        assert!(devices.videos().all(|v| v.alias().is_some()));
        assert!(devices.controllers().all(|c| c.alias().is_some()));
        let console = devices.consoles().next().unwrap();
        let pty = console.pty_path().expect("the console's pty");
        assert!(pty.starts_with("/dev/pts/"), "{pty}");
        assert!(devices.serials().all(|s| s.alias().is_some()));

        client.domain_destroy(&dom).await.expect("destroy");
        let st = client.domain_get_state(&dom, 0).await.unwrap();
        assert_eq!(st.state, state::SHUTOFF);
        client.domain_undefine(&dom).await.expect("undefine");
    };
    // Clean up whatever happened in the body.
    let outcome = tokio::spawn(body).await;
    remove(&client, &dom).await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
    client.close().await.unwrap();
}
