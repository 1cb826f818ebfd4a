//! Events of every family delivered from the real daemon (test driver),
//! shared registrations, lag, deregistration and the connection's end.

use std::time::Duration;
use tokio_stream::StreamExt;
use virtwire::event::{
    DomainEvent, DomainEventId, DomainEventKind, DomainLifecycle, EventError, EventStream,
    NetworkEventId, NetworkLifecycle, NodeDeviceEventId, NodeDeviceLifecycle, SecretEventId,
    SecretEventKind, SecretLifecycle, StoragePoolEventId, StoragePoolEventKind,
    StoragePoolLifecycle,
};
use virtwire::prelude::*;
use virtwire_tests::{SecondDaemon, connect, connect_test, test_domain_xml, unique_name};

const WAIT: Duration = Duration::from_secs(10);

async fn next<T: virtwire::event::DecodeEvent>(stream: &mut EventStream<T>) -> T {
    match tokio::time::timeout(WAIT, stream.next()).await {
        Ok(Some(Ok(event))) => event,
        Ok(Some(Err(e))) => panic!("event stream error: {e}"),
        Ok(None) => panic!("event stream ended"),
        Err(_) => panic!("no event within {WAIT:?}"),
    }
}

/// The next lifecycle event of the domain named `name` (others are skipped:
/// parallel tests share the test driver).
async fn lifecycle_of(stream: &mut EventStream<DomainEvent>, name: &str) -> DomainLifecycle {
    loop {
        let event = next(stream).await;
        if event.domain.name.as_str() != name {
            continue;
        }
        return event.kind.lifecycle().expect("a lifecycle event");
    }
}

#[tokio::test]
async fn domain_lifecycle_events_from_define_to_undefine() {
    let client = connect_test().await;
    let mut events = client
        .domain_events(DomainEventId::Lifecycle, None)
        .await
        .expect("register");
    let name = unique_name("events-dom");
    let dom = client
        .raw()
        .domain_define_xml(test_domain_xml(&name).as_str())
        .await
        .expect("define");
    assert_eq!(
        lifecycle_of(&mut events, &name).await,
        DomainLifecycle::Defined
    );
    client.domain_create(&dom).await.expect("start");
    assert_eq!(
        lifecycle_of(&mut events, &name).await,
        DomainLifecycle::Started
    );
    client.domain_suspend(&dom).await.expect("suspend");
    assert_eq!(
        lifecycle_of(&mut events, &name).await,
        DomainLifecycle::Suspended
    );
    client.domain_resume(&dom).await.expect("resume");
    assert_eq!(
        lifecycle_of(&mut events, &name).await,
        DomainLifecycle::Resumed
    );
    client.domain_destroy(&dom).await.expect("destroy");
    assert_eq!(
        lifecycle_of(&mut events, &name).await,
        DomainLifecycle::Stopped
    );
    client.domain_undefine(&dom).await.expect("undefine");
    assert_eq!(
        lifecycle_of(&mut events, &name).await,
        DomainLifecycle::Undefined
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_domain_filter_and_other_event_ids() {
    let client = connect_test().await;
    let name = unique_name("events-filter");
    let dom = client
        .raw()
        .domain_define_xml(test_domain_xml(&name).as_str())
        .await
        .expect("define");
    let other = unique_name("events-other");
    let other_dom = client
        .raw()
        .domain_define_xml(test_domain_xml(&other).as_str())
        .await
        .expect("define");
    let mut filtered = client
        .domain_events(DomainEventId::Lifecycle, Some(&dom))
        .await
        .expect("register");
    let mut metadata = client
        .domain_events(DomainEventId::MetadataChange, Some(&dom))
        .await
        .expect("register metadata change");
    client.domain_create(&other_dom).await.unwrap();
    client.domain_create(&dom).await.unwrap();
    let event = next(&mut filtered).await;
    assert_eq!(
        event.domain.name.as_str(),
        name,
        "the filter lets only its domain through"
    );
    assert_eq!(event.kind.lifecycle(), Some(DomainLifecycle::Started));
    // VIR_DOMAIN_METADATA_DESCRIPTION, live.
    client
        .domain_set_metadata(&dom, 0, Some("described"), None, None, 1)
        .await
        .expect("set metadata");
    let event = next(&mut metadata).await;
    assert!(
        matches!(
            event.kind,
            DomainEventKind::MetadataChange {
                metadata_type: 0,
                ..
            }
        ),
        "{event:?}"
    );
    assert_eq!(event.domain.uuid, dom.uuid);
    for d in [dom, other_dom] {
        let _ = client.domain_destroy(&d).await;
        client.domain_undefine(&d).await.unwrap();
    }
}

#[tokio::test]
async fn subscribers_share_one_registration_and_the_last_drop_deregisters() {
    let client = connect_test().await;
    let mut a = client
        .domain_events(DomainEventId::Lifecycle, None)
        .await
        .unwrap();
    let mut b = client
        .domain_events(DomainEventId::Lifecycle, None)
        .await
        .unwrap();
    let name = unique_name("events-shared");
    let dom = client
        .raw()
        .domain_define_xml(test_domain_xml(&name).as_str())
        .await
        .unwrap();
    assert_eq!(lifecycle_of(&mut a, &name).await, DomainLifecycle::Defined);
    assert_eq!(lifecycle_of(&mut b, &name).await, DomainLifecycle::Defined);
    // Both saw the event of one registration: the same callback id.
    drop(a);
    client.domain_undefine(&dom).await.unwrap();
    assert_eq!(
        lifecycle_of(&mut b, &name).await,
        DomainLifecycle::Undefined
    );
    drop(b);
    // The daemon forgets the registration: its id is no longer valid.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let c = client
        .domain_events(DomainEventId::Lifecycle, None)
        .await
        .unwrap();
    drop(c);
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_slow_subscriber_lags_while_calls_keep_answering() {
    let client = virtwire::ConnectOptions::new()
        .event_queue(4)
        .connect(&virtwire_tests::test_unix_uri())
        .await
        .unwrap();
    let name = unique_name("events-lag");
    let dom = client
        .raw()
        .domain_define_xml(test_domain_xml(&name).as_str())
        .await
        .unwrap();
    client.domain_create(&dom).await.unwrap();
    // Never read while the events come: its queue fills and drops the oldest.
    let mut slow = client
        .domain_events(DomainEventId::Lifecycle, Some(&dom))
        .await
        .unwrap();
    for _ in 0..10 {
        client.domain_suspend(&dom).await.unwrap();
        client.domain_resume(&dom).await.unwrap();
    }
    // Calls still answer promptly while the subscriber sleeps.
    let started = std::time::Instant::now();
    for _ in 0..20 {
        client.connect_get_hostname().await.unwrap();
    }
    assert!(started.elapsed() < Duration::from_secs(5));
    client.domain_destroy(&dom).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // 21 events, 4 kept: a lag of 17 first, then the newest four in order.
    match tokio::time::timeout(WAIT, slow.next())
        .await
        .unwrap()
        .unwrap()
    {
        Err(EventError::Lagged(n)) => assert_eq!(n, 17),
        other => panic!("expected a lag report first, got {other:?}"),
    }
    let mut kept = Vec::new();
    for _ in 0..4 {
        kept.push(lifecycle_of(&mut slow, &name).await);
    }
    assert_eq!(
        kept,
        [
            DomainLifecycle::Resumed,
            DomainLifecycle::Suspended,
            DomainLifecycle::Resumed,
            DomainLifecycle::Stopped
        ]
    );
    client.domain_undefine(&dom).await.unwrap();
}

#[tokio::test]
async fn node_device_events_for_a_link_coming_and_going() {
    let client = connect(&virtwire_tests::qemu_uri()).await;
    let mut events = client
        .node_device_events(NodeDeviceEventId::Lifecycle, None)
        .await
        .unwrap();
    let link = format!("vwnd{}", std::process::id() % 100_000);
    let ip = |args: &[&str]| {
        let status = std::process::Command::new("ip")
            .args(args)
            .status()
            .expect("run ip");
        assert!(status.success(), "ip {args:?} failed");
    };
    ip(&["tuntap", "add", &link, "mode", "tap"]);
    let mut seen = Vec::new();
    let mut removed = false;
    while seen.len() < 2 {
        let event = next(&mut events).await;
        if !event
            .device
            .name
            .as_str()
            .starts_with(&format!("net_{link}_"))
        {
            continue;
        }
        seen.push(event.kind.lifecycle().expect("a lifecycle event"));
        if !removed {
            removed = true;
            ip(&["link", "del", &link]);
        }
    }
    assert_eq!(
        seen,
        [NodeDeviceLifecycle::Created, NodeDeviceLifecycle::Deleted]
    );
}

#[tokio::test]
async fn network_events() {
    let client = connect_test().await;
    let mut events = client
        .network_events(NetworkEventId::Lifecycle, None)
        .await
        .unwrap();
    let name = unique_name("events-net");
    let xml = format!(
        "<network><name>{name}</name><bridge name='vwb{}'/><ip address='192.0.2.1' netmask='255.255.255.0'/></network>",
        std::process::id() % 10000
    );
    let net = client.raw().network_define_xml(xml.as_str()).await.unwrap();
    client.network_create(&net).await.unwrap();
    client.network_destroy(&net).await.unwrap();
    client.network_undefine(&net).await.unwrap();
    let mut seen = Vec::new();
    while seen.len() < 4 {
        let event = next(&mut events).await;
        if event.network.name.as_str() != name {
            continue;
        }
        match event.kind.lifecycle() {
            Some(lifecycle) => seen.push(lifecycle),
            None => panic!("unexpected {event:?}"),
        }
    }
    assert_eq!(
        seen,
        [
            NetworkLifecycle::Defined,
            NetworkLifecycle::Started,
            NetworkLifecycle::Stopped,
            NetworkLifecycle::Undefined
        ]
    );
}

#[tokio::test]
async fn storage_pool_events_lifecycle_and_refresh() {
    let client = connect_test().await;
    let mut lifecycle = client
        .storage_pool_events(StoragePoolEventId::Lifecycle, None)
        .await
        .unwrap();
    let mut refresh = client
        .storage_pool_events(StoragePoolEventId::Refresh, None)
        .await
        .unwrap();
    let name = unique_name("events-pool");
    let xml = format!(
        "<pool type='dir'><name>{name}</name><target><path>/tmp/{name}</path></target></pool>"
    );
    let pool = client
        .raw()
        .storage_pool_define_xml(xml.as_str(), 0)
        .await
        .unwrap();
    client.storage_pool_create(&pool, 0).await.unwrap();
    client.storage_pool_refresh(&pool, 0).await.unwrap();
    let event = loop {
        let e = next(&mut refresh).await;
        if e.pool.name.as_str() == name {
            break e;
        }
    };
    assert!(
        matches!(event.kind, StoragePoolEventKind::Refresh),
        "{event:?}"
    );
    client.storage_pool_destroy(&pool).await.unwrap();
    client.storage_pool_undefine(&pool).await.unwrap();
    let mut seen = Vec::new();
    while seen.len() < 4 {
        let e = next(&mut lifecycle).await;
        if e.pool.name.as_str() != name {
            continue;
        }
        if let Some(lifecycle) = e.kind.lifecycle() {
            seen.push(lifecycle);
        }
    }
    assert_eq!(
        seen,
        [
            StoragePoolLifecycle::Defined,
            StoragePoolLifecycle::Started,
            StoragePoolLifecycle::Stopped,
            StoragePoolLifecycle::Undefined
        ]
    );
}

#[tokio::test]
async fn secret_events_define_set_value_undefine() {
    // The test driver has no secret events: the real secret driver does.
    let client = connect(&virtwire_tests::qemu_uri()).await;
    let mut lifecycle = client
        .secret_events(SecretEventId::Lifecycle, None)
        .await
        .unwrap();
    let mut values = client
        .secret_events(SecretEventId::ValueChanged, None)
        .await
        .unwrap();
    let usage = unique_name("events-secret");
    let xml = format!(
        "<secret ephemeral='no' private='no'><usage type='volume'><volume>/tmp/{usage}</volume></usage></secret>"
    );
    let secret = client
        .raw()
        .secret_define_xml(xml.as_str(), 0)
        .await
        .unwrap();
    client
        .secret_set_value(&secret, &bytes::Bytes::from_static(b"s3cret"), 0)
        .await
        .unwrap();
    let changed = loop {
        let e = next(&mut values).await;
        if e.secret.uuid == secret.uuid {
            break e;
        }
    };
    assert!(
        matches!(changed.kind, SecretEventKind::ValueChanged),
        "{changed:?}"
    );
    client.secret_undefine(&secret).await.unwrap();
    let mut seen = Vec::new();
    while seen.len() < 2 {
        let e = next(&mut lifecycle).await;
        if e.secret.uuid != secret.uuid {
            continue;
        }
        if let Some(lifecycle) = e.kind.lifecycle() {
            seen.push(lifecycle);
        }
    }
    assert_eq!(seen, [SecretLifecycle::Defined, SecretLifecycle::Undefined]);
}

#[tokio::test]
async fn the_close_callback_registers_and_deregisters() {
    let client = connect_test().await;
    let events = client.connection_closed_events().await;
    assert!(
        events.is_ok(),
        "the close callback registers: {:?}",
        events.err()
    );
    drop(events);
    // Registering again after the drop works (the daemon allows one).
    tokio::time::sleep(Duration::from_millis(200)).await;
    let again = client.connection_closed_events().await;
    assert!(again.is_ok(), "registers again: {:?}", again.err());
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscribers_fail_within_a_second_when_the_daemon_dies() {
    let mut daemon = SecondDaemon::start("events-death");
    let client = connect(&daemon.test_uri()).await;
    let mut domain = client
        .domain_events(DomainEventId::Lifecycle, None)
        .await
        .unwrap();
    let mut closed = client.connection_closed_events().await.unwrap();
    let killed = std::time::Instant::now();
    daemon.kill();
    for item in [
        tokio::time::timeout(Duration::from_secs(1), domain.next())
            .await
            .map(|i| i.map(|r| r.map(drop))),
        tokio::time::timeout(Duration::from_secs(1), closed.next())
            .await
            .map(|i| i.map(|r| r.map(drop))),
    ] {
        match item {
            Ok(Some(Err(EventError::Closed(_)))) => {}
            other => panic!("expected Closed within 1 s, got {other:?}"),
        }
    }
    assert!(killed.elapsed() < Duration::from_secs(1));
    assert!(
        domain.next().await.is_none(),
        "the stream ends after Closed"
    );
}
