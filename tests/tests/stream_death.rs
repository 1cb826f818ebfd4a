//! A daemon that dies mid-stream, a long transfer under a strict keepalive,
//! on a throw-away daemon ([`SecondDaemon`]) so killing it harms no one.

use std::time::{Duration, Instant};
use tokio::io::AsyncReadExt;
use tokio_stream::StreamExt;
use virtwire::event::{DomainEventId, EventError};
use virtwire::prelude::*;
use virtwire::{ConnectOptions, KeepaliveConfig};
use virtwire_tests::SecondDaemon;

const MIB: u64 = 1 << 20;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stream_its_subscribers_and_pending_calls_fail_when_the_daemon_dies() {
    let mut daemon = SecondDaemon::start("stream-death");
    let client = ConnectOptions::new()
        .connect(&daemon.session_uri())
        .await
        .expect("connect to the session daemon");
    let vol = daemon.volume(&client, 256 * MIB).await;
    let mut events = client
        .domain_events(DomainEventId::Lifecycle, None)
        .await
        .unwrap();
    let mut stream = client.storage_vol_download(&vol, 0, 0, 0).await.unwrap();
    let mut first = vec![0u8; MIB as usize];
    stream.read_exact(&mut first).await.unwrap();
    // Stop reading: the stream's buffer fills and the connection pauses.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pending = {
        let client = client.clone();
        tokio::spawn(async move { client.connect_get_hostname().await })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        !pending.is_finished(),
        "a call answered through a full stream"
    );

    let killed = Instant::now();
    daemon.kill();
    let call = tokio::time::timeout(Duration::from_secs(1), pending)
        .await
        .expect("the pending call fails within 1 s")
        .unwrap();
    assert!(call.expect_err("no answer from a dead daemon").is_closed());
    match tokio::time::timeout(Duration::from_secs(1), events.next()).await {
        Ok(Some(Err(EventError::Closed(_)))) => {}
        other => panic!("the subscriber should see Closed within 1 s, got {other:?}"),
    }
    // The stream hands over what had arrived, then fails.
    let mut buf = vec![0u8; MIB as usize];
    let error = loop {
        match stream.read(&mut buf).await {
            Ok(0) => panic!("a stream cut short must not end cleanly"),
            Ok(_) => continue,
            Err(e) => break e,
        }
    };
    assert!(
        killed.elapsed() < Duration::from_secs(1),
        "took {:?}",
        killed.elapsed()
    );
    assert!(error.to_string().contains("closed"), "{error}");
    assert!(client.is_closed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_upload_trips_neither_keepalive() {
    let daemon = SecondDaemon::start("stream-keepalive");
    // Declares the daemon dead after about 2 s without a word from it; the
    // daemon says nothing during an upload unless pinged.
    let client = ConnectOptions::new()
        .keepalive(Some(KeepaliveConfig {
            interval: Duration::from_millis(500),
            count: 3,
        }))
        .connect(&daemon.session_uri())
        .await
        .unwrap();
    let vol = daemon.volume(&client, 16 * MIB).await;
    let mut stream = client.storage_vol_upload(&vol, 0, 0, 0).await.unwrap();
    let started = Instant::now();
    // 16 MiB over about 6 s: far longer than the keepalive allows silence.
    for i in 0..64u8 {
        stream
            .send(bytes::Bytes::from(vec![i; 256 * 1024]))
            .await
            .expect("send");
        tokio::time::sleep(Duration::from_millis(90)).await;
    }
    stream.finish().await.expect("the upload completes");
    assert!(started.elapsed() > Duration::from_secs(5));
    // Read it back: every byte arrived.
    let mut stream = client.storage_vol_download(&vol, 0, 0, 0).await.unwrap();
    let mut all = Vec::new();
    stream.read_to_end(&mut all).await.unwrap();
    stream.finish().await.unwrap();
    assert_eq!(all.len() as u64, 16 * MIB);
    for (i, chunk) in all.chunks(256 * 1024).enumerate() {
        assert!(chunk.iter().all(|&b| b == i as u8), "chunk {i} differs");
    }
    assert!(!client.is_closed());
}
