//! Many calls on one connection, cancelled calls, and per-call timeouts,
//! against live daemons.

use std::sync::Arc;
use std::time::{Duration, Instant};
use virtwire::prelude::*;
use virtwire::remote::NonnullDomain;
use virtwire::{Client, ConnectOptions, ErrorCode};
use virtwire_tests::{
    SecondDaemon, connect, connect_test, state, test_domain_xml, test_unix_uri, unique_name,
};

/// What the mixed calls must return, fetched one at a time beforehand.
struct Expected {
    hostname: String,
    test: NonnullDomain,
    test_max_mem: u64,
    test_vcpus: u16,
    doms: Vec<NonnullDomain>,
}

impl Expected {
    /// Defines `n` test-driver domains named after `test` and records what
    /// every mixed call should answer.
    async fn new(client: &Client, test: &str, n: usize) -> Self {
        let mut doms = Vec::new();
        for _ in 0..n {
            let name = unique_name(test);
            let dom = client
                .raw()
                .domain_define_xml(&test_domain_xml(&name))
                .await
                .expect("define");
            assert_eq!(dom.name, name.as_str());
            doms.push(dom);
        }
        let test = client.raw().domain_lookup_by_name("test").await.unwrap();
        let info = client.domain_get_info(&test).await.unwrap();
        Self {
            hostname: client.connect_get_hostname().await.unwrap().into(),
            test,
            test_max_mem: info.max_mem,
            test_vcpus: info.nr_virt_cpu,
            doms,
        }
    }

    async fn undefine(&self, client: &Client) {
        for dom in &self.doms {
            client.domain_undefine(dom).await.expect("undefine");
        }
    }
}

/// Call number `i` of the mixed workload; checks its own answer.
async fn mixed_call(client: &Client, exp: &Expected, i: usize) -> Result<(), String> {
    let dom = &exp.doms[i % exp.doms.len()];
    match i % 5 {
        0 => {
            let info = client
                .domain_get_info(&exp.test)
                .await
                .map_err(|e| format!("#{i} get_info: {e}"))?;
            if i32::from(info.state) != state::RUNNING
                || info.max_mem != exp.test_max_mem
                || info.nr_virt_cpu != exp.test_vcpus
            {
                return Err(format!("#{i} get_info: wrong answer {info:?}"));
            }
        }
        1 => {
            let h = client
                .connect_get_hostname()
                .await
                .map_err(|e| format!("#{i} hostname: {e}"))?;
            if h != exp.hostname.as_str() {
                return Err(format!("#{i} hostname: got {h}"));
            }
        }
        2 => {
            let d = client
                .raw()
                .domain_lookup_by_name(&dom.name)
                .await
                .map_err(|e| format!("#{i} lookup {}: {e}", dom.name))?;
            if &d != dom {
                return Err(format!("#{i} lookup {}: got {d:?}", dom.name));
            }
        }
        3 => {
            let missing = format!("{}-missing-{i}", dom.name);
            match client.raw().domain_lookup_by_name(missing.as_str()).await {
                Err(e) if e.code() == Some(ErrorCode::NoDomain) => {}
                other => return Err(format!("#{i} lookup {missing}: {other:?}")),
            }
        }
        _ => {
            let xml = client
                .domain_get_xml_desc(dom, 0)
                .await
                .map_err(|e| format!("#{i} xml: {e}"))?;
            let uuid: String = dom.uuid.iter().map(|b| format!("{b:02x}")).collect();
            let xml_uuid: String = xml
                .split_once("<uuid>")
                .and_then(|(_, r)| r.split_once("</uuid>"))
                .map(|(u, _)| u.replace('-', ""))
                .unwrap_or_default();
            if !xml.contains(&format!("<name>{}</name>", dom.name)) || xml_uuid != uuid {
                return Err(format!("#{i} xml of {}: wrong document", dom.name));
            }
        }
    }
    Ok(())
}

/// Spawns `n` mixed calls on `client` at once and checks every answer.
async fn run_mixed(client: &Client, exp: &Arc<Expected>, n: usize) {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..n {
        let client = client.clone();
        let exp = exp.clone();
        tasks.spawn(async move { mixed_call(&client, &exp, i).await });
    }
    let mut done = 0;
    let mut failures = Vec::new();
    while let Some(result) = tasks.join_next().await {
        done += 1;
        if let Err(e) = result.expect("task panicked") {
            failures.push(e);
        }
    }
    assert_eq!(done, n);
    assert!(
        failures.is_empty(),
        "{} of {n} calls wrong: {failures:#?}",
        failures.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_calls_on_one_connection() {
    let client = connect_test().await;
    let exp = Arc::new(Expected::new(&client, "conc", 7).await);
    let start = Instant::now();
    run_mixed(&client, &exp, 200).await;
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "200 calls took {:?}",
        start.elapsed()
    );
    assert!(!client.is_closed());
    exp.undefine(&client).await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_beyond_the_daemons_request_limit() {
    // 64 calls in flight, while the daemon reads only 5 per client at a time
    // (max_client_requests): it stops reading, never refuses.
    let client = ConnectOptions::new()
        .max_in_flight(64)
        .connect(&test_unix_uri())
        .await
        .expect("connect");
    let exp = Arc::new(Expected::new(&client, "deep", 5).await);
    run_mixed(&client, &exp, 300).await;
    exp.undefine(&client).await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_from_many_clones_and_connections() {
    // Several connections at once, each with its own concurrent calls.
    // (Connected here, not in the spawned tasks: see
    // `connect_futures_are_send`.)
    let mut handles = Vec::new();
    for c in 0..4 {
        let client = connect_test().await;
        handles.push(tokio::spawn(async move {
            let exp = Arc::new(Expected::new(&client, &format!("multi{c}"), 3).await);
            run_mixed(&client, &exp, 50).await;
            exp.undefine(&client).await;
            client.close().await.unwrap();
        }));
    }
    for h in handles {
        h.await.expect("connection task");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_calls_do_not_break_the_connection() {
    let client = connect_test().await;
    let exp = Arc::new(Expected::new(&client, "cancel", 5).await);

    // Futures dropped at every stage: before sending (zero timeout), while
    // queued or in flight (tiny timeouts). Completed ones must be right.
    let mut cancelled = 0;
    let mut completed = 0;
    for i in 0..200 {
        let limit = Duration::from_micros((i % 8) as u64 * 40);
        match tokio::time::timeout(limit, mixed_call(&client, &exp, i)).await {
            Err(_) => cancelled += 1,
            Ok(result) => {
                result.unwrap();
                completed += 1;
            }
        }
    }
    assert!(
        cancelled > 0,
        "no call was cancelled ({completed} completed)"
    );

    // Many spawned calls aborted at once.
    for round in 0..10 {
        let mut set = tokio::task::JoinSet::new();
        for i in 0..20 {
            let client = client.clone();
            let exp = exp.clone();
            set.spawn(async move { mixed_call(&client, &exp, round * 20 + i).await });
        }
        // Abort after a varying delay: some calls done, some in flight.
        tokio::time::sleep(Duration::from_micros(100 * round as u64)).await;
        set.abort_all();
        while let Some(r) = set.join_next().await {
            match r {
                Ok(result) => result.unwrap(),
                Err(e) => assert!(e.is_cancelled(), "{e}"),
            }
        }
    }

    // The connection still answers every kind of call correctly.
    assert!(!client.is_closed());
    run_mixed(&client, &exp, 100).await;
    exp.undefine(&client).await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeouts_and_late_replies_on_a_stopped_daemon() {
    // A private daemon we may freeze: calls to it pend for sure.
    let daemon = SecondDaemon::start("timeout");
    let uri = daemon.test_uri();
    let client = connect(&uri).await;
    let exp = Arc::new(Expected::new(&client, "late", 3).await);
    run_mixed(&client, &exp, 20).await;

    daemon.signal("STOP");
    // A per-call timeout from with_timeout().
    let limited = client.with_timeout(Some(Duration::from_millis(300)));
    let start = Instant::now();
    let err = limited.connect_get_hostname().await.unwrap_err();
    let took = start.elapsed();
    assert!(err.is_timeout(), "{err:?}");
    assert!(!err.is_closed() && err.code().is_none(), "{err:?}");
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_secs(2),
        "timed out after {took:?}"
    );
    // Several at once, all time out, each on its own clock.
    let mut set = tokio::task::JoinSet::new();
    for i in 0..8 {
        let limited = limited.clone();
        let exp = exp.clone();
        set.spawn(async move { mixed_call(&limited, &exp, i).await });
    }
    while let Some(r) = set.join_next().await {
        let e = r.unwrap().unwrap_err();
        assert!(e.contains("did not finish"), "{e}");
    }
    // And dropped futures of calls already sent.
    for i in 0..8 {
        let _ = tokio::time::timeout(Duration::from_millis(20), mixed_call(&client, &exp, i)).await;
    }
    assert!(
        !client.is_closed(),
        "timeouts must not close the connection"
    );

    // Thawed, the daemon answers all those calls; the late replies must be
    // dropped, not handed to the next callers.
    daemon.signal("CONT");
    run_mixed(&client, &exp, 60).await;
    // The timeout-limited handle works again too.
    run_mixed(&limited, &exp, 20).await;

    // A timeout set at connect time applies to every call.
    let timed = ConnectOptions::new()
        .timeout(Some(Duration::from_millis(300)))
        .connect(&uri)
        .await
        .expect("connect with timeout");
    assert_eq!(timed.connect_get_type().await.unwrap(), "TEST");
    daemon.signal("STOP");
    let err = timed.raw().domain_lookup_by_name("test").await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    // with_timeout(None) lifts it: this call waits until the daemon thaws.
    let unlimited = timed.with_timeout(None);
    let pending = tokio::spawn(async move { unlimited.connect_get_hostname().await });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        !pending.is_finished(),
        "call without timeout returned early"
    );
    daemon.signal("CONT");
    let h = pending.await.unwrap().expect("hostname after thaw");
    assert_eq!(h, exp.hostname.as_str());

    exp.undefine(&client).await;
    timed.close().await.unwrap();
    client.close().await.unwrap();
}

/// `is_send!(expr)`: whether the type of `expr` is `Send`, decided at compile
/// time but reported at run time (autoref specialization), so a non-`Send`
/// future fails this test instead of the whole test crate's build.
macro_rules! is_send {
    ($e:expr) => {{
        struct Wrap<T>(std::marker::PhantomData<T>);
        #[allow(dead_code)]
        trait ViaSend {
            fn is_send(&self) -> bool {
                true
            }
        }
        impl<T: Send> ViaSend for Wrap<T> {}
        #[allow(dead_code)]
        trait ViaAny {
            fn is_send(&self) -> bool {
                false
            }
        }
        impl<T> ViaAny for &Wrap<T> {}
        fn phantom<T>(_: &T) -> std::marker::PhantomData<T> {
            std::marker::PhantomData
        }
        (&Wrap(phantom(&$e))).is_send()
    }};
}

/// The futures of the public API can be spawned (`tokio::spawn` needs
/// `Send`), and they work.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connect_futures_are_send() {
    let uri = test_unix_uri();
    let mut not_send = Vec::new();

    let fut = Client::connect(&uri);
    if !is_send!(fut) {
        not_send.push("Client::connect");
    }
    let client = fut.await.expect("connect");
    let fut = Client::connect_read_only(&uri);
    if !is_send!(fut) {
        not_send.push("Client::connect_read_only");
    }
    fut.await.expect("connect_read_only").close().await.unwrap();
    let options = ConnectOptions::new();
    let fut = options.connect(&uri);
    if !is_send!(fut) {
        not_send.push("ConnectOptions::connect");
    }
    fut.await
        .expect("ConnectOptions::connect")
        .close()
        .await
        .unwrap();
    let admin_uri = virtwire_tests::admin_uri();
    let fut = virtwire::AdminClient::connect(&admin_uri);
    if !is_send!(fut) {
        not_send.push("AdminClient::connect");
    }
    fut.await.expect("admin connect").close().await.unwrap();

    let fut = client.raw().domain_lookup_by_name("test");
    assert!(is_send!(fut), "generated call futures are Send");
    assert_eq!(fut.await.unwrap().name, "test");
    let fut = client.supports_feature(virtwire::Feature::ProgramKeepalive);
    if !is_send!(fut) {
        not_send.push("Client::supports_feature");
    }
    assert!(fut.await.unwrap());
    let fut = client.close();
    if !is_send!(fut) {
        not_send.push("Client::close");
    }
    fut.await.unwrap();

    assert!(
        not_send.is_empty(),
        "futures that are not Send (cannot be tokio::spawn'ed): {not_send:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_with_busy_polling() {
    // The connection task polls (yielding) while replies are due; every
    // reply must still reach its own caller, on both runtimes.
    let client = ConnectOptions::new()
        .busy_poll(Some(Duration::from_micros(200)))
        .connect(&test_unix_uri())
        .await
        .expect("connect");
    let exp = Arc::new(Expected::new(&client, "busy", 5).await);
    run_mixed(&client, &exp, 300).await;
    exp.undefine(&client).await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn busy_polling_on_a_single_thread_runtime() {
    let client = ConnectOptions::new()
        .busy_poll(Some(Duration::from_millis(1)))
        .connect(&test_unix_uri())
        .await
        .expect("connect");
    let exp = Arc::new(Expected::new(&client, "busy1", 5).await);
    run_mixed(&client, &exp, 200).await;
    exp.undefine(&client).await;
    client.close().await.unwrap();
}
