//! Behaviour a real libvirtd cannot be made to show here, played by a
//! scripted peer over an in-memory stream:
//! - a peer that breaks the protocol: the client must close the connection
//!   with a clear error, fail every pending call at once, and fail later
//!   calls fast;
//! - the polkit handshake (the daemon skips polkit for root clients) and a
//!   daemon that offers only SASL.

use bytes::BytesMut;
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream};
use virtwire::prelude::*;
use virtwire::protocol::frame::{self, Frame};
use virtwire::protocol::remote::{self, AuthType};
use virtwire::protocol::virnet::{MessageStatus, MessageType};
use virtwire::protocol::xdr::Encode;

/// Reads one call from the client.
async fn read_call(peer: &mut DuplexStream, buf: &mut BytesMut) -> Frame {
    loop {
        if let Some(frame) = frame::decode_frame(buf).expect("client sent a valid frame") {
            return frame;
        }
        let n = peer.read_buf(buf).await.expect("read from client");
        assert!(n > 0, "client closed early");
    }
}

/// Answers `call` with `ret`.
async fn reply(peer: &mut DuplexStream, call: &Frame, ret: &impl Encode) {
    let h = &call.header;
    let header = frame::header(
        h.prog,
        h.vers,
        h.proc,
        MessageType::Reply,
        h.serial,
        MessageStatus::Ok,
    );
    let mut out = BytesMut::new();
    frame::encode_message(&header, ret, &mut out).unwrap();
    peer.write_all(&out).await.unwrap();
}

/// Plays the daemon's side of the handshake: AUTH_LIST, the keepalive
/// feature probe, CONNECT_OPEN.
async fn handshake(peer: &mut DuplexStream, buf: &mut BytesMut) {
    let call = read_call(peer, buf).await;
    assert_eq!(call.header.proc, remote::ProcedureNumber::AuthList as i32);
    reply(
        peer,
        &call,
        &remote::AuthListRet {
            types: vec![AuthType::None],
        },
    )
    .await;
    let call = read_call(peer, buf).await;
    assert_eq!(
        call.header.proc,
        remote::ProcedureNumber::ConnectSupportsFeature as i32
    );
    reply(
        peer,
        &call,
        &remote::ConnectSupportsFeatureRet { supported: 1 },
    )
    .await;
    let call = read_call(peer, buf).await;
    assert_eq!(
        call.header.proc,
        remote::ProcedureNumber::ConnectOpen as i32
    );
    reply(peer, &call, &()).await;
}

#[tokio::test]
async fn a_malformed_frame_closes_the_connection_and_fails_pending_calls() {
    let (client_io, mut peer) = tokio::io::duplex(64 * 1024);
    let server = tokio::spawn(async move {
        let mut buf = BytesMut::new();
        handshake(&mut peer, &mut buf).await;
        // Wait for three calls, then answer with a length word below the
        // 28-byte minimum.
        for _ in 0..3 {
            read_call(&mut peer, &mut buf).await;
        }
        peer.write_all(&[0, 0, 0, 5, 1, 2, 3, 4, 5]).await.unwrap();
        // Keep the stream open: the client must close on its own.
        let mut rest = Vec::new();
        let _ = peer.read_to_end(&mut rest).await;
    });

    let options = virtwire::ConnectOptions::new();
    let client = options
        .connect_stream(client_io, "test:///default")
        .await
        .expect("handshake");
    let calls: Vec<_> = (0..3)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.connect_get_hostname().await })
        })
        .collect();
    let started = std::time::Instant::now();
    for call in calls {
        let result = tokio::time::timeout(std::time::Duration::from_secs(5), call)
            .await
            .expect("the client kept waiting after a malformed frame");
        let error = result
            .unwrap()
            .expect_err("the peer never answered properly");
        assert!(error.is_closed(), "{error:?}");
        assert!(
            error.to_string().contains("malformed"),
            "unclear error: {error}"
        );
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert!(client.is_closed());
    let later = client
        .connect_get_hostname()
        .await
        .expect_err("closed connection");
    assert!(later.is_closed());
    drop(client);
    server.await.unwrap();
}

#[tokio::test]
async fn an_oversized_length_is_refused_before_allocating() {
    let (client_io, mut peer) = tokio::io::duplex(64 * 1024);
    let server = tokio::spawn(async move {
        let mut buf = BytesMut::new();
        handshake(&mut peer, &mut buf).await;
        read_call(&mut peer, &mut buf).await;
        // 4 GiB announced: beyond libvirt's 32 MiB maximum.
        peer.write_all(&[0xff, 0xff, 0xff, 0xff]).await.unwrap();
        let mut rest = Vec::new();
        let _ = peer.read_to_end(&mut rest).await;
    });
    let client = virtwire::ConnectOptions::new()
        .connect_stream(client_io, "test:///default")
        .await
        .expect("handshake");
    let error = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        client.connect_get_hostname(),
    )
    .await
    .expect("the client kept waiting after an oversized length")
    .expect_err("refused");
    assert!(error.is_closed());
    assert!(
        error.to_string().contains("exceeds libvirt's maximum"),
        "{error}"
    );
    drop(client);
    server.await.unwrap();
}

#[tokio::test]
async fn polkit_is_run_before_connect_open() {
    let (client_io, mut peer) = tokio::io::duplex(64 * 1024);
    let server = tokio::spawn(async move {
        let mut buf = BytesMut::new();
        let call = read_call(&mut peer, &mut buf).await;
        assert_eq!(call.header.proc, remote::ProcedureNumber::AuthList as i32);
        reply(
            &mut peer,
            &call,
            &remote::AuthListRet {
                types: vec![AuthType::Polkit],
            },
        )
        .await;
        let call = read_call(&mut peer, &mut buf).await;
        assert_eq!(call.header.proc, remote::ProcedureNumber::AuthPolkit as i32);
        assert!(call.body.is_empty(), "AUTH_POLKIT takes no arguments");
        reply(&mut peer, &call, &remote::AuthPolkitRet { complete: 1 }).await;
        let call = read_call(&mut peer, &mut buf).await;
        assert_eq!(
            call.header.proc,
            remote::ProcedureNumber::ConnectSupportsFeature as i32
        );
        reply(
            &mut peer,
            &call,
            &remote::ConnectSupportsFeatureRet { supported: 1 },
        )
        .await;
        let call = read_call(&mut peer, &mut buf).await;
        assert_eq!(
            call.header.proc,
            remote::ProcedureNumber::ConnectOpen as i32
        );
        let args: remote::ConnectOpenArgs =
            virtwire::protocol::xdr::from_bytes(call.body.clone()).unwrap();
        assert_eq!(args.name.as_deref(), Some("qemu:///system"));
        assert_eq!(args.flags, 1, "read-only sets VIR_CONNECT_RO");
        reply(&mut peer, &call, &()).await;
        peer
    });
    let client = virtwire::ConnectOptions::new()
        .read_only(true)
        .connect_stream(client_io, "qemu+unix:///system")
        .await
        .expect("polkit handshake");
    // The peer stays open, so the connection must be too.
    let _peer = server.await.unwrap();
    assert!(!client.is_closed());
}

#[tokio::test]
async fn sasl_without_a_security_layer_is_refused_on_an_unknown_stream() {
    let (client_io, mut peer) = tokio::io::duplex(64 * 1024);
    let server = tokio::spawn(async move {
        let mut buf = BytesMut::new();
        let call = read_call(&mut peer, &mut buf).await;
        reply(
            &mut peer,
            &call,
            &remote::AuthListRet {
                types: vec![AuthType::Sasl],
            },
        )
        .await;
        let call = read_call(&mut peer, &mut buf).await;
        assert_eq!(call.header.proc, 67, "AUTH_SASL_INIT");
        reply(
            &mut peer,
            &call,
            &remote::AuthSaslInitRet {
                mechlist: "SCRAM-SHA-256".into(),
            },
        )
        .await;
        // No AUTH_SASL_START: the socket closes.
        let mut rest = Vec::new();
        peer.read_to_end(&mut rest).await.unwrap();
        assert!(rest.is_empty(), "the client sent {} more bytes", rest.len());
    });
    // A caller's stream is not known to be secure: like plain TCP, SASL
    // must bring a security layer, which SCRAM has not.
    let error = virtwire::ConnectOptions::new()
        .connect_stream(client_io, "test:///default")
        .await
        .expect_err("no security layer");
    assert_eq!(error.kind(), virtwire::ErrorKind::Auth);
    assert!(error.to_string().contains("SSF"), "{error}");
    server.await.unwrap();
}

#[tokio::test]
async fn a_flood_of_calls_is_held_back_not_buffered_without_bound() {
    let (client_io, mut peer) = tokio::io::duplex(64 * 1024);
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        let mut buf = BytesMut::new();
        handshake(&mut peer, &mut buf).await;
        // Read whatever arrives, answer nothing, until told to hang up.
        let mut sink = vec![0u8; 64 * 1024];
        tokio::select! {
            _ = async { while peer.read(&mut sink).await.map(|n| n > 0).unwrap_or(false) {} } => {}
            _ = stop_rx => {}
        }
    });
    let client = virtwire::ConnectOptions::new()
        .connect_stream(client_io, "test:///default")
        .await
        .expect("handshake");
    let calls: Vec<_> = (0..5000)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.connect_get_hostname().await })
        })
        .collect();
    // Let every task try to send its call.
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let stats = client.stats();
    assert_eq!(
        stats.in_flight,
        virtwire::protocol::conn::DEFAULT_MAX_IN_FLIGHT,
        "{stats:?}"
    );
    assert_eq!(
        stats.queued, 1024,
        "the client holds back a bounded number: {stats:?}"
    );
    // The rest wait in their callers, not in the connection.
    assert!(calls.iter().all(|c| !c.is_finished()));
    stop_tx.send(()).unwrap();
    server.await.unwrap();
    for call in calls {
        let error = tokio::time::timeout(std::time::Duration::from_secs(5), call)
            .await
            .expect("every call ends once the peer hangs up")
            .unwrap()
            .expect_err("never answered");
        assert!(error.is_closed(), "{error:?}");
    }
}

/// This process's user plus system CPU time.
fn process_cpu() -> std::time::Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let tv = |t: libc::timeval| {
        std::time::Duration::from_secs(t.tv_sec as u64)
            + std::time::Duration::from_micros(t.tv_usec as u64)
    };
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// A peer that answers each `CONNECT_GET_HOSTNAME` after `delay`.
fn slow_peer(delay: std::time::Duration) -> (DuplexStream, tokio::task::JoinHandle<()>) {
    let (client_io, mut peer) = tokio::io::duplex(64 * 1024);
    let server = tokio::spawn(async move {
        let mut buf = BytesMut::new();
        handshake(&mut peer, &mut buf).await;
        loop {
            let call = tokio::select! {
                call = read_call(&mut peer, &mut buf) => call,
                _ = tokio::time::sleep(std::time::Duration::from_secs(30)) => return,
            };
            tokio::time::sleep(delay).await;
            reply(
                &mut peer,
                &call,
                &remote::ConnectGetHostnameRet {
                    hostname: "slow".into(),
                },
            )
            .await;
        }
    });
    (client_io, server)
}

#[tokio::test]
async fn busy_polling_stops_after_its_budget() {
    let delay = std::time::Duration::from_millis(500);
    let (client_io, server) = slow_peer(delay);
    let client = virtwire::ConnectOptions::new()
        .busy_poll(Some(std::time::Duration::from_millis(20)))
        .connect_stream(client_io, "test:///default")
        .await
        .expect("handshake");
    let (cpu, wall) = (process_cpu(), std::time::Instant::now());
    assert_eq!(client.connect_get_hostname().await.unwrap(), "slow");
    let (cpu, wall) = (process_cpu() - cpu, wall.elapsed());
    assert!(wall >= delay, "{wall:?}");
    // Polling all the way would burn the whole 500 ms; the budget is 20.
    assert!(
        cpu < std::time::Duration::from_millis(250),
        "{cpu:?} of CPU while waiting {wall:?} with a 20 ms busy-poll budget"
    );
    drop(client);
    server.abort();
}

#[tokio::test]
async fn busy_polling_never_holds_the_runtime_thread() {
    let delay = std::time::Duration::from_millis(300);
    let (client_io, server) = slow_peer(delay);
    // A budget far longer than the wait: the connection task polls the
    // whole time, on the test's only runtime thread.
    let client = virtwire::ConnectOptions::new()
        .busy_poll(Some(std::time::Duration::from_secs(60)))
        .connect_stream(client_io, "test:///default")
        .await
        .expect("handshake");
    let call = {
        let client = client.clone();
        tokio::spawn(async move { client.connect_get_hostname().await })
    };
    // Timers and other tasks keep running meanwhile.
    let start = std::time::Instant::now();
    let mut ticks = 0;
    while !call.is_finished() {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        ticks += 1;
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "the reply never arrived"
        );
    }
    assert_eq!(call.await.unwrap().unwrap(), "slow");
    assert!(
        ticks >= 10,
        "a 10 ms timer fired only {ticks} times in {:?} of busy polling",
        start.elapsed()
    );
    // The reply was seen promptly, not after a long sleep.
    assert!(start.elapsed() < delay + std::time::Duration::from_millis(500));
    drop(client);
    server.abort();
}
