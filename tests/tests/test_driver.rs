//! Live tests against `test:///default` on the shared private libvirtd:
//! connecting (unix, TCP, read-only), host calls, domains, networks,
//! storage, typed parameters and typed errors.

use std::time::Duration;
use virtwire::prelude::*;
use virtwire::remote::{NonnullDomain, TypedParamValue};
use virtwire::{Client, ConnectOptions, ErrorCode, ErrorKind, Feature};
use virtwire_tests::{
    TYPED_PARAM_STRING_OKAY, connect_test, local_hostname, param, param_u64, state,
    test_domain_xml, test_ro_uri, test_tcp_uri, test_unix_uri, unique_name,
};

/// `VIR_STORAGE_POOL_RUNNING`
const POOL_RUNNING: u8 = 2;
/// `VIR_DOMAIN_STATS_STATE`
const STATS_STATE: u32 = 1;
/// `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`
const MEMORY_UNLIMITED: u64 = 9_007_199_254_740_991;

/// The host-level calls every connection can make, checked for real values.
async fn check_host_calls(client: &Client) {
    assert_eq!(client.connect_get_type().await.unwrap(), "TEST");
    // The test driver reports hypervisor version 0.0.2.
    assert_eq!(client.connect_get_version().await.unwrap(), 2);
    // libvirt 11.3.0 = 11 * 1_000_000 + 3 * 1_000 + 0.
    assert_eq!(client.connect_get_lib_version().await.unwrap(), 11_003_000);
    let hostname = client.connect_get_hostname().await.unwrap();
    let local = local_hostname();
    assert!(
        hostname == local.as_str() || hostname.starts_with(&format!("{local}.")),
        "daemon hostname {hostname:?} vs local {local:?}"
    );
    let caps = client.connect_get_capabilities().await.unwrap();
    assert!(caps.contains("<capabilities>"), "{caps}");
    assert!(caps.contains("</capabilities>"));
    // The test driver's fixed node: 2 cells × 2 sockets × 2 cores × 2 threads.
    let node = client.raw().node_get_info().await.unwrap();
    let model: String = node
        .model
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8 as char)
        .collect();
    assert_eq!(model, "i686");
    assert_eq!(node.cpus, 16);
    assert_eq!(node.mhz, 1400);
    assert_eq!(node.memory, 3_145_728);
    assert_eq!(
        (node.nodes, node.sockets, node.cores, node.threads),
        (2, 2, 2, 2)
    );
}

#[tokio::test]
async fn open_close_unix() {
    let uri = test_unix_uri();
    let client = Client::connect(&uri).await.expect("connect over unix");
    assert_eq!(client.uri(), uri);
    assert!(!client.is_closed());
    check_host_calls(&client).await;
    assert_eq!(
        client.connect_get_uri().await.unwrap(),
        "test:///default",
        "the daemon sees the URI without transport and socket"
    );
    client.close().await.expect("close");
    let err = client.connect_get_hostname().await.unwrap_err();
    assert!(err.is_closed(), "call after close: {err:?}");
    assert_closed_soon(&client).await;
    // Closing twice is harmless.
    client.close().await.expect("second close");
}

/// `is_closed()` turns true shortly after `close()` (see
/// `is_closed_right_after_close` for the stricter expectation).
async fn assert_closed_soon(client: &Client) {
    let closed =
        virtwire_tests::poll_until(Duration::from_secs(1), Duration::from_millis(5), || async {
            client.is_closed().then_some(())
        })
        .await;
    assert!(
        closed.is_some(),
        "is_closed() still false 1 s after close()"
    );
}

/// Once `close().await` has returned, the connection is closed: `is_closed()`
/// must say so at once, on either transport.
#[tokio::test]
async fn is_closed_right_after_close() {
    let mut open_after_close = Vec::new();
    for uri in [test_unix_uri(), test_tcp_uri()] {
        for i in 0..10 {
            let client = Client::connect(&uri).await.expect("connect");
            assert_eq!(client.connect_get_type().await.unwrap(), "TEST");
            client.close().await.expect("close");
            if !client.is_closed() {
                open_after_close.push(format!("{uri} #{i}"));
            }
        }
    }
    assert!(
        open_after_close.is_empty(),
        "is_closed() was false right after close().await returned in {} of 20 \
         connections: {open_after_close:?}",
        open_after_close.len()
    );
}

#[tokio::test]
async fn open_close_tcp() {
    let uri = test_tcp_uri();
    let client = Client::connect(&uri).await.expect("connect over tcp");
    assert_eq!(client.uri(), uri);
    check_host_calls(&client).await;
    let doms = client.connect_list_all_domains(1, 0).await.unwrap();
    assert!(doms.domains.iter().any(|d| d.name == "test"));
    client.close().await.expect("close");
    assert!(client.connect_get_type().await.unwrap_err().is_closed());
    assert_closed_soon(&client).await;
}

#[tokio::test]
async fn connect_failure_is_a_connection_error() {
    let dir = std::env::temp_dir().join(unique_name("nosock"));
    let uri = format!("test+unix:///default?socket={}/nope", dir.display());
    let err = Client::connect(&uri).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err:?}");
    assert!(err.is_closed());
}

/// A write on a read-only connection: OperationDenied from the daemon.
async fn assert_write_denied(client: &Client) {
    // Reads work…
    let doms = client.connect_list_all_domains(1, 0).await.unwrap();
    assert!(doms.domains.iter().any(|d| d.name == "test"));
    check_host_calls(client).await;
    // …writes do not.
    let name = unique_name("ro");
    let err = client
        .raw()
        .domain_define_xml(&test_domain_xml(&name))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Libvirt, "{err:?}");
    assert_eq!(err.code(), Some(ErrorCode::OperationDenied), "{err:?}");
    let dom = client.raw().domain_lookup_by_name("test").await.unwrap();
    let err = client.domain_suspend(&dom).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::OperationDenied), "{err:?}");
    // The connection survives the denial.
    assert_eq!(client.connect_get_type().await.unwrap(), "TEST");
    client.close().await.unwrap();
}

#[tokio::test]
async fn read_only_via_ro_socket() {
    let client = Client::connect(&test_ro_uri())
        .await
        .expect("connect ro socket");
    assert_write_denied(&client).await;
}

#[tokio::test]
async fn read_only_via_connect_read_only() {
    let client = Client::connect_read_only(&test_unix_uri())
        .await
        .expect("connect_read_only");
    assert_write_denied(&client).await;
}

#[tokio::test]
async fn read_only_via_options_over_tcp() {
    let client = ConnectOptions::new()
        .read_only(true)
        .timeout(Some(Duration::from_secs(30)))
        .connect(&test_tcp_uri())
        .await
        .expect("read-only tcp");
    assert_write_denied(&client).await;
}

#[tokio::test]
async fn supports_feature() {
    let client = connect_test().await;
    // Answered by the daemon itself.
    for f in [
        Feature::ProgramKeepalive,
        Feature::FdPassing,
        Feature::RemoteEventCallback,
        Feature::RemoteCloseCallback,
    ] {
        assert!(client.supports_feature(f).await.unwrap(), "{f:?}");
    }
    // Answered by the test driver, which migrates nothing.
    assert!(!client.supports_feature(Feature::MigrationV3).await.unwrap());
    assert!(
        !client
            .supports_feature(Feature::MigrationP2p)
            .await
            .unwrap()
    );
    client.close().await.unwrap();
}

/// The domain `name` must be in `state`, per both getters.
async fn assert_state(client: &Client, dom: &NonnullDomain, want: i32) {
    let info = client.domain_get_info(dom).await.unwrap();
    assert_eq!(
        i32::from(info.state),
        want,
        "domain_get_info of {}",
        dom.name
    );
    let st = client.domain_get_state(dom, 0).await.unwrap();
    assert_eq!(st.state, want, "domain_get_state of {}", dom.name);
}

#[tokio::test]
async fn domain_lookups() {
    let client = connect_test().await;
    let list = client.connect_list_all_domains(1, 0).await.unwrap();
    assert_eq!(list.ret as usize, list.domains.len());
    let test = list
        .domains
        .iter()
        .find(|d| d.name == "test")
        .expect("domain test listed")
        .clone();
    assert!(test.id > 0, "test is running: {test:?}");
    // Without need_results only the count comes back.
    let count = client.connect_list_all_domains(0, 0).await.unwrap();
    assert!(count.domains.is_empty());
    assert!(count.ret >= 1);

    let by_name = client.raw().domain_lookup_by_name("test").await.unwrap();
    let by_id = client.raw().domain_lookup_by_id(test.id).await.unwrap();
    let by_uuid = client
        .raw()
        .domain_lookup_by_uuid(&test.uuid)
        .await
        .unwrap();
    for d in [&by_name, &by_id, &by_uuid] {
        assert_eq!(d, &test);
    }
    assert_ne!(test.uuid, [0; 16]);

    let xml = client.domain_get_xml_desc(&test, 0).await.unwrap();
    assert!(xml.contains("<name>test</name>"), "{xml}");
    let info = client.domain_get_info(&test).await.unwrap();
    assert_eq!(i32::from(info.state), state::RUNNING);
    assert!(info.max_mem > 0 && info.memory <= info.max_mem);
    assert!(info.nr_virt_cpu >= 1);
    client.close().await.unwrap();
}

#[tokio::test]
async fn domain_lifecycle() {
    let client = connect_test().await;
    let name = unique_name("lifecycle");
    let dom = client
        .raw()
        .domain_define_xml(&test_domain_xml(&name))
        .await
        .expect("define");
    assert_eq!(dom.name, name.as_str());
    assert_eq!(dom.id, -1, "a defined domain has no id");
    assert_state(&client, &dom, state::SHUTOFF).await;
    let xml = client.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(xml.contains(&format!("<name>{name}</name>")), "{xml}");
    let listed = client.connect_list_all_domains(1, 0).await.unwrap();
    assert!(listed.domains.iter().any(|d| d.uuid == dom.uuid));

    client.domain_create(&dom).await.expect("start");
    let running = client.raw().domain_lookup_by_uuid(&dom.uuid).await.unwrap();
    assert!(running.id > 0, "{running:?}");
    assert_eq!(running.name, dom.name);
    assert_state(&client, &dom, state::RUNNING).await;
    let info = client.domain_get_info(&dom).await.unwrap();
    assert_eq!(info.max_mem, 65536);
    assert_eq!(info.nr_virt_cpu, 2);
    // Starting it again fails (the test driver says InternalError).
    let err = client.domain_create(&dom).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InternalError), "{err:?}");
    assert!(err.to_string().contains("already running"), "{err}");

    client.domain_suspend(&dom).await.expect("suspend");
    assert_state(&client, &dom, state::PAUSED).await;
    client.domain_resume(&dom).await.expect("resume");
    assert_state(&client, &dom, state::RUNNING).await;
    client.domain_shutdown(&dom).await.expect("shutdown");
    assert_state(&client, &dom, state::SHUTOFF).await;

    client.domain_create(&dom).await.expect("start again");
    assert_state(&client, &dom, state::RUNNING).await;
    client.domain_destroy(&dom).await.expect("destroy");
    assert_state(&client, &dom, state::SHUTOFF).await;
    // Rebooting an inactive domain is invalid.
    let err = client.domain_reboot(&dom, 0).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::OperationInvalid), "{err:?}");
    assert!(err.to_string().contains("not running"), "{err}");
    // Suspending or resuming it is an error too (InternalError here).
    let err = client.domain_suspend(&dom).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InternalError), "{err:?}");
    let err = client.domain_resume(&dom).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InternalError), "{err:?}");
    assert!(err.to_string().contains("not paused"), "{err}");

    client.domain_undefine(&dom).await.expect("undefine");
    let err = client
        .raw()
        .domain_lookup_by_name(name.as_str())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoDomain), "{err:?}");
    let err = client.domain_get_info(&dom).await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn missing_objects_give_typed_errors() {
    let client = connect_test().await;
    let missing = unique_name("missing");

    let err = client
        .raw()
        .domain_lookup_by_name(missing.as_str())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Libvirt);
    assert_eq!(err.code(), Some(ErrorCode::NoDomain), "{err:?}");
    assert_eq!(err.domain(), Some(virtwire::ErrorDomain::Test), "{err:?}");
    assert!(err.is_not_found());
    assert!(!err.is_closed() && !err.is_timeout());
    let lv = err.libvirt().expect("a libvirt error");
    assert_eq!(lv.message, "Domain not found", "{lv:?}");
    assert_eq!(lv.str1.as_deref(), Some("Domain not found"), "{lv:?}");
    assert_eq!(lv.level, virtwire::ErrorLevel::Error);

    let err = client.raw().domain_lookup_by_id(999_999).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoDomain), "{err:?}");
    let err = client
        .raw()
        .domain_lookup_by_uuid(&[0xab; 16])
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoDomain), "{err:?}");

    let err = client
        .raw()
        .network_lookup_by_name(missing.as_str())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoNetwork), "{err:?}");
    assert!(err.is_not_found());

    let err = client
        .raw()
        .storage_pool_lookup_by_name(missing.as_str())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoStoragePool), "{err:?}");
    assert!(err.is_not_found());

    let pool = client
        .raw()
        .storage_pool_lookup_by_name("default-pool")
        .await
        .unwrap();
    let err = client
        .storage_vol_lookup_by_name(&pool, missing.as_str())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoStorageVol), "{err:?}");
    assert!(err.is_not_found());

    // Errors do not disturb the connection.
    assert_eq!(client.connect_get_type().await.unwrap(), "TEST");
    client.close().await.unwrap();
}

#[tokio::test]
async fn invalid_xml_gives_typed_errors() {
    let client = connect_test().await;
    let name = unique_name("badxml");
    // Not well-formed: libxml2's parse error.
    let err = client
        .raw()
        .domain_define_xml(&format!("<domain type='test'><name>{name}"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Libvirt, "{err:?}");
    assert_eq!(err.code(), Some(ErrorCode::XmlDetail), "{err:?}");
    assert_eq!(err.domain(), Some(virtwire::ErrorDomain::Domain), "{err:?}");
    assert!(err.to_string().contains("Premature end of data"), "{err}");
    // Well-formed but invalid: the domain config parser's error.
    let err = client
        .raw()
        .domain_define_xml(&format!(
            "<domain type='test'><name>{name}</name><memory>1024</memory></domain>"
        ))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::XmlError), "{err:?}");
    assert!(
        err.libvirt().unwrap().message.contains("os <type>"),
        "{err:?}"
    );
    assert!(!err.is_not_found());
    // Nothing was defined.
    let err = client
        .raw()
        .domain_lookup_by_name(name.as_str())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoDomain));
    client.close().await.unwrap();
}

#[tokio::test]
async fn networks() {
    let client = connect_test().await;
    let list = client.connect_list_all_networks(1, 0).await.unwrap();
    assert_eq!(list.ret as usize, list.nets.len());
    let default = list
        .nets
        .iter()
        .find(|n| n.name == "default")
        .expect("network default listed")
        .clone();
    let looked_up = client
        .raw()
        .network_lookup_by_name("default")
        .await
        .unwrap();
    assert_eq!(looked_up, default);
    assert_eq!(
        client
            .raw()
            .network_lookup_by_uuid(&default.uuid)
            .await
            .unwrap()
            .name,
        "default"
    );
    let xml = client.network_get_xml_desc(&default, 0).await.unwrap();
    assert!(xml.contains("<name>default</name>"), "{xml}");
    assert_eq!(client.network_is_active(&default).await.unwrap(), 1);

    let name = unique_name("net");
    let net = client
        .raw()
        .network_define_xml(&format!("<network><name>{name}</name></network>"))
        .await
        .expect("define network");
    assert_eq!(net.name, name.as_str());
    assert_eq!(client.network_is_active(&net).await.unwrap(), 0);
    assert_eq!(client.network_is_persistent(&net).await.unwrap(), 1);
    let xml = client.network_get_xml_desc(&net, 0).await.unwrap();
    assert!(xml.contains(&format!("<name>{name}</name>")), "{xml}");
    let all = client.connect_list_all_networks(1, 0).await.unwrap();
    assert!(all.nets.iter().any(|n| n.uuid == net.uuid));

    client.network_create(&net).await.expect("start network");
    assert_eq!(client.network_is_active(&net).await.unwrap(), 1);
    client.network_destroy(&net).await.expect("stop network");
    assert_eq!(client.network_is_active(&net).await.unwrap(), 0);
    client
        .network_undefine(&net)
        .await
        .expect("undefine network");
    let err = client
        .raw()
        .network_lookup_by_name(name.as_str())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoNetwork), "{err:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn storage_pools_and_volumes() {
    let client = connect_test().await;
    let list = client.connect_list_all_storage_pools(1, 0).await.unwrap();
    assert_eq!(list.ret as usize, list.pools.len());
    assert!(list.pools.iter().any(|p| p.name == "default-pool"));
    let pool = client
        .raw()
        .storage_pool_lookup_by_name("default-pool")
        .await
        .unwrap();
    assert!(list.pools.contains(&pool));
    let info = client.storage_pool_get_info(&pool).await.unwrap();
    assert_eq!(info.state, POOL_RUNNING);
    assert_eq!(info.capacity, 100 << 30, "the test pool is 100 GiB");
    assert!(info.allocation + info.available <= info.capacity);

    let name = format!("{}.img", unique_name("vol"));
    let xml = format!("<volume><name>{name}</name><capacity unit='KiB'>1024</capacity></volume>");
    let vol = client
        .storage_vol_create_xml(&pool, &xml, 0)
        .await
        .expect("create volume");
    assert_eq!(vol.name, name.as_str());
    assert_eq!(vol.pool, "default-pool");
    assert!(!vol.key.is_empty());
    let found = client
        .storage_vol_lookup_by_name(&pool, name.as_str())
        .await
        .unwrap();
    assert_eq!(found, vol);
    let by_key = client
        .raw()
        .storage_vol_lookup_by_key(&vol.key)
        .await
        .unwrap();
    assert_eq!(by_key, vol);
    let vinfo = client.storage_vol_get_info(&vol).await.unwrap();
    assert_eq!(vinfo.capacity, 1024 * 1024);
    let vols = client
        .storage_pool_list_all_volumes(&pool, 1, 0)
        .await
        .unwrap();
    assert!(vols.vols.contains(&vol), "{vols:?}");
    let vxml = client.storage_vol_get_xml_desc(&vol, 0).await.unwrap();
    assert!(vxml.contains(&format!("<name>{name}</name>")), "{vxml}");

    client
        .storage_vol_delete(&vol, 0)
        .await
        .expect("delete volume");
    let err = client
        .storage_vol_lookup_by_name(&pool, name.as_str())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoStorageVol), "{err:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn typed_params_scheduler_and_memory() {
    let client = connect_test().await;
    let dom = client.raw().domain_lookup_by_name("test").await.unwrap();

    // Scheduler: the type call gives the count, then fetch that many.
    let sched = client.domain_get_scheduler_type(&dom).await.unwrap();
    assert_eq!(sched.r#type, "fair");
    assert_eq!(sched.nparams, 1);
    let params = client
        .domain_get_scheduler_parameters(&dom, sched.nparams)
        .await
        .unwrap();
    assert_eq!(params.len(), 1, "{params:?}");
    assert_eq!(params[0].field, "weight");
    assert_eq!(params[0].value, TypedParamValue::Uint(50));

    // Memory: nparams = 0 asks for the count only.
    let count = client
        .domain_get_memory_parameters(&dom, 0, TYPED_PARAM_STRING_OKAY)
        .await
        .unwrap();
    assert!(count.params.is_empty());
    assert_eq!(count.nparams, 3);
    let mem = client
        .domain_get_memory_parameters(&dom, count.nparams, TYPED_PARAM_STRING_OKAY)
        .await
        .unwrap();
    // The daemon fills nparams only when asked for the count.
    assert_eq!(mem.params.len(), 3);
    let fields: Vec<&str> = mem.params.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["hard_limit", "soft_limit", "swap_hard_limit"]);
    for f in fields {
        assert_eq!(
            param(&mem.params, f),
            Some(&TypedParamValue::Ullong(MEMORY_UNLIMITED)),
            "{f}"
        );
    }
    client.close().await.unwrap();
}

#[tokio::test]
async fn all_domain_stats() {
    let client = connect_test().await;
    let name = unique_name("stats");
    let dom = client
        .raw()
        .domain_define_xml(&test_domain_xml(&name))
        .await
        .unwrap();

    // Every domain, every stats group the driver has.
    let records = client
        .connect_get_all_domain_stats(&Vec::new(), 0, 0)
        .await
        .unwrap();
    let test = records
        .iter()
        .find(|r| r.dom.name == "test")
        .expect("stats for test");
    assert_eq!(
        param_u64(&test.params, "state.state"),
        state::RUNNING as u64
    );
    let ours = records
        .iter()
        .find(|r| r.dom.uuid == dom.uuid)
        .expect("stats for our domain");
    assert_eq!(
        param_u64(&ours.params, "state.state"),
        state::SHUTOFF as u64
    );

    // Just the listed domains, just the state group.
    let test_dom = client.raw().domain_lookup_by_name("test").await.unwrap();
    let records = client
        .connect_get_all_domain_stats(&[test_dom.clone(), dom.clone()], STATS_STATE, 0)
        .await
        .unwrap();
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(records[0].dom.uuid, test_dom.uuid);
    assert_eq!(records[1].dom.uuid, dom.uuid);
    for r in &records {
        assert!(
            r.params.iter().all(|p| p.field.starts_with("state.")),
            "{r:?}"
        );
    }
    assert_eq!(param_u64(&records[1].params, "state.state"), 5);
    client.domain_undefine(&dom).await.unwrap();
    client.close().await.unwrap();
}

#[tokio::test]
async fn qemu_driver_over_unix() {
    // The same daemon also serves the qemu driver.
    let client = virtwire_tests::connect(&virtwire_tests::qemu_uri()).await;
    assert_eq!(client.connect_get_type().await.unwrap(), "QEMU");
    assert_eq!(client.connect_get_uri().await.unwrap(), "qemu:///system");
    // (No capabilities or version here: on this machine every qemu
    // capabilities lookup re-probes QEMU, which takes many seconds.)
    let doms = client.connect_list_all_domains(1, 0).await.unwrap();
    assert_eq!(doms.ret as usize, doms.domains.len());
    assert!(doms.domains.iter().all(|d| d.name != "test"), "{doms:?}");
    assert_eq!(client.connect_get_lib_version().await.unwrap(), 11_003_000);
    client.close().await.unwrap();
}
