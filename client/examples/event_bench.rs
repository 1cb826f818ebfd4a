//! Event delivery for a burst of lifecycle events, for `bench/events.sh`.
//!
//! `event_bench [--uri URI] [--events N] [--mode sequential|burst]`
//!
//! On `test:///default` (the private daemon's by default), subscribes to
//! lifecycle events, then either suspends and resumes one running domain
//! N/2 times, one call after another (`sequential`, as the C benchmark
//! does), or defines N domains with every call in flight at once (`burst`;
//! the daemon runs them in parallel, so they raise events in any order). Reports events
//! per second from the first call to the last event, and each event's
//! latency from the start of the call that caused it. One JSON line.

use std::time::{Duration, Instant};
use tokio_stream::StreamExt;
use virtwire::event::DomainEventId;

mod support;

fn fail(message: &str) -> ! {
    eprintln!("event_bench: {message}");
    std::process::exit(2);
}

fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1e6
}

async fn run(uri: &str, events: usize, burst: bool) -> virtwire::Result<()> {
    let client = virtwire::ConnectOptions::new()
        .max_in_flight(64)
        .event_queue(events + 16)
        .connect(uri)
        .await?;
    let name = format!("vwbench-events-{}", std::process::id());
    let xml = format!(
        "<domain type='test'><name>{name}</name><memory>65536</memory><vcpu>1</vcpu>\
         <os><type>hvm</type></os></domain>"
    );
    let dom = client
        .domain_create_xml(&xml, virtwire::api::DomainCreateFlags::NONE)
        .await?;
    let filter = (!burst).then_some(dom.wire());
    let mut stream = client
        .domain_events(DomainEventId::Lifecycle, filter)
        .await?;
    let names: Vec<String> = (0..events).map(|i| format!("{name}-{i}")).collect();
    let cpu0 = cpu_time();
    let start = Instant::now();
    // Events are received on their own task while the calls go out; each
    // is matched to its call (the burst's come in any order).
    let prefix = format!("{name}-");
    let receiver = tokio::spawn(async move {
        let mut arrived = vec![None; events];
        let mut count = 0;
        let mut sequential = 0;
        while count < events {
            match tokio::time::timeout(Duration::from_secs(30), stream.next()).await {
                Ok(Some(Ok(event))) => {
                    let index = match event.domain.name.strip_prefix(prefix.as_str()) {
                        Some(i) => i.parse::<usize>().ok(),
                        None if !burst => {
                            sequential += 1;
                            Some(sequential - 1)
                        }
                        None => None,
                    };
                    if let Some(i) = index.filter(|i| *i < events) {
                        arrived[i] = Some(Instant::now());
                        count += 1;
                    }
                }
                other => fail(&format!("event missing: {other:?}")),
            }
        }
        arrived
    });
    let mut sent = Vec::with_capacity(events);
    if burst {
        let mut calls = Vec::with_capacity(events);
        for n in &names {
            let client = client.clone();
            let xml = xml.replace(
                &format!("<name>{name}</name>"),
                &format!("<name>{n}</name>"),
            );
            sent.push(Instant::now());
            calls.push(tokio::spawn(
                async move { client.domain_define_xml(&xml).await },
            ));
        }
        for c in calls {
            c.await.expect("task")?;
        }
    } else {
        for i in 0..events {
            sent.push(Instant::now());
            if i % 2 == 0 {
                dom.suspend().await?;
            } else {
                dom.resume().await?;
            }
        }
    }
    let arrived = receiver.await.expect("receiver");
    let wall = start.elapsed();
    let cpu = cpu_time() - cpu0;
    let mut latencies: Vec<Duration> = sent
        .iter()
        .zip(&arrived)
        .map(|(s, a)| {
            a.expect("every event arrived")
                .saturating_duration_since(*s)
        })
        .collect();
    if burst {
        for n in &names {
            client.domain_lookup_by_name(n).await?.undefine().await?;
        }
    }
    latencies.sort();
    println!(
        "{{\"impl\":\"virtwire\",\"mode\":\"{}\",\"events\":{events},\"secs\":{:.6},\"events_per_sec\":{:.0},\"latency_us_p50\":{:.0},\"latency_us_p99\":{:.0},\"cpu_us_per_event\":{:.2}}}",
        if burst { "burst" } else { "sequential" },
        wall.as_secs_f64(),
        events as f64 / wall.as_secs_f64(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        cpu.as_secs_f64() * 1e6 / events as f64
    );
    dom.destroy().await?;
    client.close().await?;
    Ok(())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut uri = None;
    let mut events = 2000usize;
    let mut burst = false;
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .unwrap_or_else(|| fail(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--uri" => uri = Some(value),
            "--events" => events = value.parse().unwrap_or_else(|_| fail("bad --events")),
            "--mode" => burst = value == "burst",
            other => fail(&format!("unknown argument {other}")),
        }
    }
    let uri = uri
        .or_else(support::private_daemon_uri)
        .unwrap_or_else(|| fail("no --uri and no private daemon (scripts/libvirtd.sh start)"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime
        .block_on(run(&uri, events.max(2), burst))
        .unwrap_or_else(|e| fail(&e.to_string()));
}
