//! A real libvirtd dying under a connection: pending calls fail promptly
//! with a closed-connection error, later calls fail at once.
//!
//! These tests kill daemons, so they use their own private one
//! ([`SecondDaemon`]), never the shared daemon.

use std::time::{Duration, Instant};
use virtwire::prelude::*;
use virtwire::{Client, ConnectOptions, ErrorKind};
use virtwire_tests::{SecondDaemon, connect, poll_until};

/// One kind of call per index, so the pending set is mixed.
async fn some_call(client: &Client, i: usize) -> virtwire::Result<()> {
    match i % 5 {
        0 => client.connect_get_hostname().await.map(drop),
        1 => client.domain_lookup_by_name("test").await.map(drop),
        2 => client.connect_list_all_domains(1, 0).await.map(drop),
        3 => client.connect_get_capabilities().await.map(drop),
        _ => client.node_get_info().await.map(drop),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pending_calls_fail_when_the_daemon_is_killed() {
    let mut daemon = SecondDaemon::start("death");
    let client = connect(&daemon.test_uri()).await;
    for i in 0..5 {
        some_call(&client, i)
            .await
            .expect("calls work before the kill");
    }

    // Freeze the daemon so the calls stay pending (more than the
    // DEFAULT_MAX_IN_FLIGHT that may be in flight: the rest wait in the
    // client).
    daemon.signal("STOP");
    let mut tasks = Vec::new();
    for i in 0..virtwire::protocol::conn::DEFAULT_MAX_IN_FLIGHT + 12 {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let result = some_call(&client, i).await;
            (result, Instant::now())
        }));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    for t in &tasks {
        assert!(
            !t.is_finished(),
            "a call finished while the daemon was stopped"
        );
    }
    assert!(!client.is_closed());

    let killed_at = Instant::now();
    daemon.kill();
    for (i, task) in tasks.into_iter().enumerate() {
        let (result, finished_at) = tokio::time::timeout(Duration::from_secs(5), task)
            .await
            .unwrap_or_else(|_| panic!("call #{i} still pending 5 s after the kill"))
            .expect("task");
        let err = result.expect_err("a call to a killed daemon cannot succeed");
        assert!(err.is_closed(), "call #{i}: {err:?}");
        assert_eq!(err.kind(), ErrorKind::Connection, "call #{i}: {err:?}");
        let after = finished_at.saturating_duration_since(killed_at);
        assert!(
            after < Duration::from_secs(1),
            "call #{i} failed only {after:?} after the kill"
        );
    }

    // Later calls fail at once, without waiting for anything.
    let start = Instant::now();
    let err = client.connect_get_hostname().await.unwrap_err();
    assert!(err.is_closed(), "{err:?}");
    assert!(
        start.elapsed() < Duration::from_millis(100),
        "a call on a dead connection took {:?}",
        start.elapsed()
    );
    assert!(client.is_closed());
    let start = Instant::now();
    for i in 0..5 {
        assert!(some_call(&client, i).await.unwrap_err().is_closed());
    }
    assert!(start.elapsed() < Duration::from_millis(100));
    // Closing a dead connection is not an error.
    client.close().await.expect("close after death");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_connection_notices_the_daemon_dying() {
    let mut daemon = SecondDaemon::start("idle");
    let uri = daemon.test_uri();
    // Keepalive off: only the socket's EOF can tell the client.
    let client = ConnectOptions::new()
        .keepalive(None)
        .connect(&uri)
        .await
        .expect("connect");
    assert_eq!(client.connect_get_type().await.unwrap(), "TEST");
    let clone = client.clone();

    let killed_at = Instant::now();
    daemon.kill();
    let noticed = poll_until(Duration::from_secs(2), Duration::from_millis(5), || async {
        client.is_closed().then(|| killed_at.elapsed())
    })
    .await;
    let after = noticed.expect("is_closed() still false 2 s after the daemon died");
    assert!(
        after < Duration::from_secs(1),
        "noticed only after {after:?}"
    );
    assert!(clone.is_closed(), "clones share the connection");

    let start = Instant::now();
    let err = clone.domain_lookup_by_name("test").await.unwrap_err();
    assert!(err.is_closed(), "{err:?}");
    assert!(start.elapsed() < Duration::from_millis(100));

    // Its socket is gone: a new connection fails with a connection error.
    let err = Client::connect(&uri).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keepalive_declares_a_frozen_daemon_dead() {
    let daemon = SecondDaemon::start("keepalive");
    let keepalive = virtwire::KeepaliveConfig {
        interval: Duration::from_millis(300),
        count: 2,
    };
    let client = ConnectOptions::new()
        .keepalive(Some(keepalive))
        .connect(&daemon.test_uri())
        .await
        .expect("connect");
    assert_eq!(client.connect_get_type().await.unwrap(), "TEST");

    // Idle for several intervals: the daemon answers the pings.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(!client.is_closed(), "closed although the daemon answered");
    assert_eq!(client.connect_get_type().await.unwrap(), "TEST");

    // Frozen, it answers nothing: after `count` unanswered pings the
    // connection is dead, and the pending call fails.
    daemon.signal("STOP");
    let frozen_at = Instant::now();
    let pending = {
        let client = client.clone();
        tokio::spawn(async move {
            let r = client.connect_get_hostname().await;
            (r, Instant::now())
        })
    };
    let (result, failed_at) = tokio::time::timeout(Duration::from_secs(10), pending)
        .await
        .expect("the call to a frozen daemon still pends after 10 s")
        .unwrap();
    let err = result.unwrap_err();
    assert!(err.is_closed(), "{err:?}");
    let after = failed_at - frozen_at;
    assert!(
        after >= Duration::from_millis(300) && after < Duration::from_secs(3),
        "declared dead after {after:?} (interval 300 ms, count 2)"
    );
    assert!(client.is_closed());
    drop(daemon);
}
