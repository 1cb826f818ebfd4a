//! Live tests of the object handles against `test:///default` on the shared
//! private libvirtd: the seed operations of issue 8 (item 4), each one line
//! on a handle, with typed arguments and returns.

use std::collections::HashSet;

use tokio::io::AsyncReadExt;
use virtwire::api::{
    ConnectListAllDomainsFlags, DomainCreateFlags, DomainDefineFlags, DomainDeviceModifyFlags,
    DomainMemoryModFlags, DomainQemuMonitorCommandFlags, DomainShutdownFlagValues,
    DomainSnapshotCreateFlags, DomainSnapshotDeleteFlags, DomainSnapshotListFlags,
    DomainSnapshotXmlFlags, DomainUndefineFlagsValues, DomainVcpuFlags, DomainXmlFlags,
    NetworkXmlFlags, StorageVolCreateFlags, StorageVolDeleteFlags, TypedParameterFlags,
};
use virtwire::{Client, Domain, DomainState, ErrorCode, ErrorKind, Uuid};
use virtwire_tests::{connect_test, test_domain_xml, test_unix_uri, unique_name};

/// The test driver's own domain, network and pool.
const TEST_DOMAIN: &str = "test";
const TEST_NETWORK: &str = "default";
const TEST_POOL: &str = "default-pool";

/// Defines (not starts) a domain of this test's own.
async fn define(client: &Client, test: &str) -> Domain {
    let name = unique_name(test);
    client
        .domain_define_xml_flags(&test_domain_xml(&name), DomainDefineFlags::VALIDATE)
        .await
        .expect("define")
}

/// Removes a domain of a test, running or not.
async fn remove(dom: &Domain) {
    virtwire_tests::remove_test_domain(dom).await;
}

#[tokio::test]
async fn host_calls_are_typed() {
    let client = connect_test().await;
    // The test driver reports hypervisor version 0.0.2.
    assert_eq!(client.get_version().await.unwrap(), 2);
    assert_eq!(client.get_type().await.unwrap(), "TEST");
    let caps = client.get_capabilities().await.unwrap();
    assert!(caps.contains("<capabilities>"), "{caps}");
    assert!(client.get_max_vcpus(Some("test")).await.unwrap() > 0);
    assert!(client.get_max_vcpus(None).await.unwrap() > 0);
    // 2 cells: the free memory of the node is positive.
    assert!(client.node_get_free_memory().await.unwrap() > 0);
    // A unix socket is secure.
    assert!(client.is_secure().await.unwrap());
    client.close().await.unwrap();
}

#[tokio::test]
async fn listing_and_lookups() {
    let client = connect_test().await;
    let dom = define(&client, "list").await;
    let name = dom.name().to_owned();

    let ids = client.list_domains(64).await.unwrap();
    let test = client.domain_lookup_by_name(TEST_DOMAIN).await.unwrap();
    let id = test.id().expect("the test domain runs");
    assert!(ids.contains(&(id as i32)), "{ids:?}");
    let by_id = client.domain_lookup_by_id(id as i32).await.unwrap();
    assert_eq!(by_id, test);
    assert_eq!(by_id.to_string(), TEST_DOMAIN);

    let defined = client.list_defined_domains(1024).await.unwrap();
    assert!(defined.contains(&name), "{defined:?}");
    let inactive = client
        .list_all_domains(ConnectListAllDomainsFlags::INACTIVE)
        .await
        .unwrap();
    assert!(inactive.contains(&dom));
    assert!(!inactive.contains(&test));
    let all = client
        .list_all_domains(ConnectListAllDomainsFlags::empty())
        .await
        .unwrap();
    assert!(all.contains(&dom) && all.contains(&test));

    let uuid = dom.uuid().to_string();
    assert_eq!(uuid.parse::<Uuid>().unwrap(), dom.uuid());
    let by_uuid = client.domain_lookup_by_uuid_string(&uuid).await.unwrap();
    assert_eq!(by_uuid, dom);
    let by_bytes = client.domain_lookup_by_uuid(&dom.uuid()).await.unwrap();
    assert_eq!(by_bytes.name(), name);
    // A malformed UUID never reaches the daemon.
    let err = client
        .domain_lookup_by_uuid_string("not-a-uuid")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err:?}");
    // A missing name is a typed error.
    let err = client
        .domain_lookup_by_name(&unique_name("missing"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoDomain), "{err:?}");

    remove(&dom).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn define_create_shutdown_undefine_with_flags() {
    let client = connect_test().await;
    let dom = define(&client, "life").await;
    assert!(dom.is_persistent().await.unwrap());
    assert!(!dom.is_active().await.unwrap());
    assert_eq!(dom.id(), None);
    assert_eq!(dom.get_info().await.unwrap().state, DomainState::Shutoff);
    assert_eq!(dom.get_state(0).await.unwrap().state, DomainState::Shutoff);

    dom.create_with_flags(DomainCreateFlags::empty())
        .await
        .expect("create");
    assert!(dom.is_active().await.unwrap());
    let info = dom.get_info().await.unwrap();
    assert_eq!(info.state, DomainState::Running);
    let state = dom.get_state(0).await.unwrap();
    // VIR_DOMAIN_RUNNING_BOOTED
    assert_eq!((state.state, state.reason), (DomainState::Running, 1));
    assert_eq!(info.max_mem, 65536);
    assert_eq!(info.nr_virt_cpu, 2);
    // The handle was made while the domain was inactive; a fresh lookup
    // has its id.
    let running = client.domain_lookup_by_name(dom.name()).await.unwrap();
    assert!(running.id().is_some(), "{running:?}");

    dom.shutdown_flags(DomainShutdownFlagValues::empty())
        .await
        .expect("shutdown");
    assert_eq!(dom.get_info().await.unwrap().state, DomainState::Shutoff);

    dom.undefine_flags(DomainUndefineFlagsValues::empty())
        .await
        .expect("undefine");
    let err = client.domain_lookup_by_name(dom.name()).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoDomain), "{err:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn vcpus_and_memory_with_flags() {
    let client = connect_test().await;
    let dom = define(&client, "vcpu").await;
    let max = dom
        .get_vcpus_flags(DomainVcpuFlags::CONFIG | DomainVcpuFlags::MAXIMUM)
        .await
        .unwrap();
    assert!(max >= 2, "{max}");
    assert_eq!(
        dom.get_vcpus_flags(DomainVcpuFlags::CONFIG).await.unwrap(),
        2
    );
    dom.set_vcpus_flags(1, DomainVcpuFlags::CONFIG)
        .await
        .expect("set vcpus");
    assert_eq!(
        dom.get_vcpus_flags(DomainVcpuFlags::CONFIG).await.unwrap(),
        1
    );

    dom.set_max_memory(131_072).await.expect("set max memory");
    dom.set_memory_flags(98_304, DomainMemoryModFlags::CONFIG)
        .await
        .expect("set memory");
    let info = dom.get_info().await.unwrap();
    assert_eq!(info.max_mem, 131_072);
    assert_eq!(info.memory, 98_304);

    dom.create().await.expect("start");
    assert_eq!(dom.get_max_vcpus().await.unwrap(), 2);
    remove(&dom).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn autostart_and_attach_device() {
    let client = connect_test().await;
    let dom = define(&client, "autostart").await;
    assert!(!dom.get_autostart().await.unwrap());
    dom.set_autostart(true).await.unwrap();
    assert!(dom.get_autostart().await.unwrap());
    dom.set_autostart(false).await.unwrap();
    assert!(!dom.get_autostart().await.unwrap());

    // The test driver attaches to a running domain's live definition only.
    dom.create().await.expect("start");
    let disk = "<disk type='file' device='disk'><source file='/tmp/vw-attach.img'/>\
                <target dev='vdb' bus='virtio'/></disk>";
    dom.attach_device_flags(disk, DomainDeviceModifyFlags::LIVE)
        .await
        .expect("attach");
    let xml = dom.get_xml_desc(DomainXmlFlags::empty()).await.unwrap();
    assert!(xml.contains("vw-attach.img"), "{xml}");
    // Asking for the persistent definition too is refused, with a typed error.
    let err = dom
        .attach_device_flags(disk, DomainDeviceModifyFlags::CONFIG)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InvalidArg), "{err:?}");
    remove(&dom).await;
    client.close().await.unwrap();
}

/// The stats of the test driver's running domain: block stats of a disk,
/// interface stats of the NIC found in its XML, memory and CPU stats.
#[tokio::test]
async fn stats_of_a_running_domain() {
    let client = connect_test().await;
    let name = unique_name("stats");
    let xml = format!(
        "<domain type='test'><name>{name}</name><memory unit='KiB'>65536</memory>\
         <vcpu>2</vcpu><os><type arch='i686'>hvm</type></os><devices>\
         <disk type='file' device='disk'><source file='/tmp/{name}.img'/>\
         <target dev='vda' bus='virtio'/></disk>\
         <interface type='network'><source network='default'/>\
         <target dev='vw{n}'/></interface></devices></domain>",
        n = std::process::id() % 100_000
    );
    let dom = client
        .domain_create_xml(&xml, DomainCreateFlags::empty())
        .await
        .expect("create");

    let block = dom.block_stats("vda").await.unwrap();
    assert!(block.rd_req >= 0 && block.wr_bytes >= 0, "{block:?}");

    let live = dom.get_xml_desc(DomainXmlFlags::empty()).await.unwrap();
    let dev = target_dev(&live).expect("an interface target dev");
    let net = dom.interface_stats(&dev).await.unwrap();
    assert!(net.rx_bytes >= 0 && net.tx_packets >= 0, "{net:?}");

    // The test driver has no balloon statistics for a fresh domain; the
    // call succeeds and whatever it reports has libvirt's tags.
    let memory = dom.memory_stats(16, 0).await.unwrap();
    assert!(memory.iter().all(|s| s.tag < 64), "{memory:?}");

    // getCPUStats(True): the total (start_cpu -1, one set), the count
    // asked for by the method ...
    let total = dom
        .get_cpu_stats_total(TypedParameterFlags::empty())
        .await
        .unwrap();
    let fields: Vec<&str> = total.names().collect();
    assert_eq!(fields, ["cpu_time", "user_time", "system_time"]);
    // ... and per cpu: one set for each of cpus 0 and 1.
    let per_cpu = dom
        .get_cpu_stats(0, 2, TypedParameterFlags::empty())
        .await
        .unwrap();
    let fields: Vec<Vec<&str>> = per_cpu.iter().map(|p| p.names().collect()).collect();
    assert_eq!(
        fields,
        [["cpu_time", "vcpu_time"], ["cpu_time", "vcpu_time"]]
    );

    dom.destroy().await.unwrap();
    client.close().await.unwrap();
}

/// The first `<target dev='…'/>` of an `<interface>`.
fn target_dev(xml: &str) -> Option<String> {
    let iface = &xml[xml.find("<interface")?..];
    let iface = &iface[..iface.find("</interface>")?];
    let rest = &iface[iface.find("<target dev='")? + "<target dev='".len()..];
    Some(rest[..rest.find('\'')?].to_owned())
}

#[tokio::test]
async fn get_time_and_scheduler() {
    let client = connect_test().await;
    let test = client.domain_lookup_by_name(TEST_DOMAIN).await.unwrap();
    // The test driver's guests all keep the same time.
    let time = test.get_time(0).await.unwrap();
    assert_eq!((time.seconds, time.nseconds), (627_319_920, 0));
    // An inactive domain has no time: a typed error.
    let dom = define(&client, "time").await;
    let err = dom.get_time(0).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::OperationInvalid), "{err:?}");
    remove(&dom).await;

    let sched = test.get_scheduler_type().await.unwrap();
    assert_eq!(sched.r#type, "fair");
    let params = test.get_scheduler_parameters().await.unwrap();
    assert_eq!(params.len(), sched.nparams as usize, "{params:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn networks_and_pools() {
    let client = connect_test().await;
    let active = client.num_of_networks().await.unwrap();
    let names = client.list_networks(active).await.unwrap();
    assert_eq!(names.len(), active as usize);
    assert!(names.iter().any(|n| n == TEST_NETWORK), "{names:?}");
    let defined = client.num_of_defined_networks().await.unwrap();
    assert_eq!(
        client.list_defined_networks(defined).await.unwrap().len(),
        defined as usize
    );
    let net = client.network_lookup_by_name(TEST_NETWORK).await.unwrap();
    assert_eq!(net.to_string(), TEST_NETWORK);
    assert!(net.is_active().await.unwrap());
    let xml = net.get_xml_desc(NetworkXmlFlags::empty()).await.unwrap();
    assert!(xml.contains("<name>default</name>"), "{xml}");

    let active = client.num_of_storage_pools().await.unwrap();
    let names = client.list_storage_pools(active).await.unwrap();
    assert_eq!(names.len(), active as usize);
    assert!(names.iter().any(|n| n == TEST_POOL), "{names:?}");
    let defined = client.num_of_defined_storage_pools().await.unwrap();
    assert_eq!(
        client
            .list_defined_storage_pools(defined)
            .await
            .unwrap()
            .len(),
        defined as usize
    );
    let pool = client.storage_pool_lookup_by_name(TEST_POOL).await.unwrap();
    assert_eq!(pool.name(), TEST_POOL);

    // A volume of this test, found again by its path.
    let name = format!("{}.img", unique_name("vol"));
    let vxml = format!("<volume><name>{name}</name><capacity unit='KiB'>1024</capacity></volume>");
    let vol = pool
        .storage_vol_create_xml(&vxml, StorageVolCreateFlags::empty())
        .await
        .unwrap();
    let path = vol.get_path().await.unwrap();
    let found = client.storage_vol_lookup_by_path(&path).await.unwrap();
    assert_eq!(found, vol);
    assert_eq!(found.pool_name(), TEST_POOL);
    vol.delete(StorageVolDeleteFlags::empty()).await.unwrap();
    client.close().await.unwrap();
}

/// The qemu program's calls are handle methods too; the test driver has no
/// monitor, and says so with a typed error.
#[tokio::test]
async fn qemu_calls_on_a_handle() {
    let client = connect_test().await;
    let test = client.domain_lookup_by_name(TEST_DOMAIN).await.unwrap();
    let err = test
        .qemu_monitor_command(
            r#"{"execute":"query-status"}"#,
            DomainQemuMonitorCommandFlags::empty(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoSupport), "{err:?}");
    let err = test
        .qemu_agent_command(r#"{"execute":"guest-ping"}"#, -2, 0)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoSupport), "{err:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn read_only_refuses_writes_with_a_typed_error() {
    let client = Client::connect_read_only(&test_unix_uri()).await.unwrap();
    // Reads work ...
    let test = client.domain_lookup_by_name(TEST_DOMAIN).await.unwrap();
    assert!(test.is_active().await.unwrap());
    // ... writes do not.
    let err = client
        .domain_define_xml(&test_domain_xml(&unique_name("ro")))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Libvirt, "{err:?}");
    assert_eq!(err.code(), Some(ErrorCode::OperationDenied), "{err:?}");
    let err = test.suspend().await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::OperationDenied), "{err:?}");
    client.close().await.unwrap();
}

/// `create_xml` (transient, running) then `define_xml` of its running XML:
/// one domain, now persistent, still running.
#[tokio::test]
async fn create_then_define_leaves_one_persistent_domain() {
    let client = connect_test().await;
    let name = unique_name("transient");
    let dom = client
        .domain_create_xml(&test_domain_xml(&name), DomainCreateFlags::empty())
        .await
        .unwrap();
    assert!(!dom.is_persistent().await.unwrap());
    let xml = dom.get_xml_desc(DomainXmlFlags::empty()).await.unwrap();
    let defined = client.domain_define_xml(&xml).await.unwrap();
    assert_eq!(defined.uuid(), dom.uuid());
    assert!(dom.is_persistent().await.unwrap());
    assert!(dom.is_active().await.unwrap());
    let all = client
        .list_all_domains(ConnectListAllDomainsFlags::PERSISTENT)
        .await
        .unwrap();
    assert_eq!(all.iter().filter(|d| d.name() == name).count(), 1);
    remove(&dom).await;
    client.close().await.unwrap();
}

/// Handles are values: equal and hashed by their wire identity whatever
/// connection they came from, displayed as their name, cheap to clone.
#[tokio::test]
async fn handles_are_values() {
    let one = connect_test().await;
    let two = connect_test().await;
    let a = one.domain_lookup_by_name(TEST_DOMAIN).await.unwrap();
    let b = two.domain_lookup_by_name(TEST_DOMAIN).await.unwrap();
    assert_eq!(a, b, "same domain through two connections");
    let set: HashSet<Domain> = [a.clone(), b.clone(), a.clone()].into_iter().collect();
    assert_eq!(set.len(), 1);
    assert_eq!(format!("{a}"), TEST_DOMAIN);
    assert_eq!(a.uuid(), b.uuid());
    assert_eq!(a.uuid().to_string().len(), 36);
    // A clone calls through the same connection.
    let c = a.clone();
    assert_eq!(c.client().uri(), one.uri());
    assert!(c.is_active().await.unwrap());
    let pool = one.storage_pool_lookup_by_name(TEST_POOL).await.unwrap();
    let by_uuid = two
        .storage_pool_lookup_by_uuid_string(&pool.uuid().to_string())
        .await
        .unwrap();
    assert_eq!(by_uuid, pool);
    one.close().await.unwrap();
    two.close().await.unwrap();
}

/// A snapshot is a handle of its own, made by and pointing back to its domain.
#[tokio::test]
async fn snapshots_are_handles() {
    let client = connect_test().await;
    let dom = define(&client, "snap").await;
    let snap = dom
        .snapshot_create_xml(
            "<domainsnapshot><name>first</name></domainsnapshot>",
            DomainSnapshotCreateFlags::empty(),
        )
        .await
        .unwrap();
    assert_eq!(snap.name(), "first");
    assert_eq!(snap.to_string(), "first");
    assert_eq!(snap.domain(), dom);
    assert_eq!(dom.snapshot_lookup_by_name("first", 0).await.unwrap(), snap);
    assert!(dom.has_current_snapshot(0).await.unwrap());
    assert!(snap.is_current(0).await.unwrap());
    let xml = snap
        .get_xml_desc(DomainSnapshotXmlFlags::empty())
        .await
        .unwrap();
    assert!(xml.contains("<name>first</name>"), "{xml}");
    assert_eq!(
        dom.list_all_snapshots(DomainSnapshotListFlags::empty())
            .await
            .unwrap(),
        std::slice::from_ref(&snap)
    );
    snap.delete(DomainSnapshotDeleteFlags::empty())
        .await
        .unwrap();
    assert!(!dom.has_current_snapshot(0).await.unwrap());
    remove(&dom).await;
    client.close().await.unwrap();
}

/// A stream method returns the `Stream` (and the reply beside it).
#[tokio::test]
async fn screenshot_stream_on_a_handle() {
    let client = connect_test().await;
    let test = client.domain_lookup_by_name(TEST_DOMAIN).await.unwrap();
    let (mime, mut stream) = test.screenshot(0, 0).await.unwrap();
    assert_eq!(mime.as_deref(), Some("image/png"));
    let mut image = Vec::new();
    stream.read_to_end(&mut image).await.unwrap();
    stream.finish().await.unwrap();
    assert!(image.starts_with(b"\x89PNG"), "not a PNG");
    client.close().await.unwrap();
}

#[tokio::test]
async fn node_devices_are_handles() {
    // The node device procedures name the device by a string on the wire;
    // their methods are on the handle all the same.
    let client = connect_test().await;
    let computer = client.node_device_lookup_by_name("computer").await.unwrap();
    assert_eq!(computer.to_string(), "computer");
    let xml = computer
        .get_xml_desc(virtwire::api::NodeDeviceXmlFlags::empty())
        .await
        .unwrap();
    assert!(xml.contains("<name>computer</name>"), "{xml}");
    let caps = computer.num_of_caps().await.unwrap();
    assert!(caps >= 1);
    let names = computer.list_caps(caps).await.unwrap();
    assert_eq!(names.len(), caps as usize);
    assert!(names.iter().any(|c| c == "system"), "{names:?}");
    assert!(computer.is_active().await.unwrap());
    let all = client
        .list_all_node_devices(virtwire::api::ConnectListAllNodeDeviceFlags::empty())
        .await
        .unwrap();
    assert!(all.contains(&computer), "{all:?}");
    // Every other device hangs off another listed device.
    assert!(all.len() > 1, "{all:?}");
    for device in all.iter().filter(|d| **d != computer) {
        let parent = device.get_parent().await.unwrap().expect("a parent");
        assert!(
            all.iter().any(|d| d.to_string() == parent),
            "{device}: parent {parent} is not listed"
        );
    }
    client.close().await.unwrap();
}
