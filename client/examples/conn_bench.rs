//! Benchmark: many connections from one process, for `bench/conns.sh`.
//!
//! `conn_bench [--count N] [--mode sequential|parallel] [--parallel P] [--uri URI]`
//!
//! On a current-thread runtime, opens one connection first and keeps it
//! (set-up that is not per connection), reads `VmRSS`, `RssAnon` and
//! `Threads` from `/proc/self/status`, then opens N connections to the
//! private daemon's `test:///default` with default [`virtwire::ConnectOptions`]:
//! one after another (`sequential`) or with up to P opening at once
//! (`parallel`, default 64). After the last open it lets the connection
//! tasks settle (100 ms), reads the status again (the idle connections),
//! calls `connect_get_hostname` on every connection (each must answer),
//! and reads it once more. Prints one JSON line with the fields of
//! `bench/c/connbench.c`, then closes every connection.

mod support;

use std::time::{Duration, Instant};
use tokio::task::JoinSet;
use virtwire::prelude::*;

struct Args {
    count: usize,
    parallel: Option<usize>,
    uri: String,
}

fn fail(message: &str) -> ! {
    eprintln!("conn_bench: {message}");
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut args = Args {
        count: 2000,
        parallel: None,
        uri: String::new(),
    };
    let mut width = 64;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .unwrap_or_else(|| fail(&format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--count" => args.count = value().parse().unwrap_or_else(|_| fail("bad --count")),
            "--mode" => match value().as_str() {
                "sequential" => args.parallel = None,
                "parallel" => args.parallel = Some(0),
                other => fail(&format!("unknown mode {other}")),
            },
            "--parallel" => width = value().parse().unwrap_or_else(|_| fail("bad --parallel")),
            "--uri" => args.uri = value(),
            other => fail(&format!("unknown argument {other}")),
        }
    }
    if args.count == 0 || width == 0 {
        fail("--count and --parallel must be at least 1");
    }
    if args.parallel.is_some() {
        args.parallel = Some(width);
    }
    if args.uri.is_empty() {
        args.uri = support::private_daemon_uri().unwrap_or_else(|| {
            fail("no private daemon: run scripts/libvirtd.sh start, or pass --uri")
        });
    }
    args
}

/// `VmRSS`, `RssAnon` (KiB) and `Threads` of this process.
#[derive(Clone, Copy)]
struct Status {
    rss: i64,
    anon: i64,
    threads: i64,
}

fn status() -> Status {
    let text = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(-1)
    };
    Status {
        rss: field("VmRSS:"),
        anon: field("RssAnon:"),
        threads: field("Threads:"),
    }
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

async fn open_all(args: &Args) -> virtwire::Result<Vec<virtwire::Client>> {
    let options = virtwire::ConnectOptions::new();
    let Some(width) = args.parallel else {
        let mut clients = Vec::with_capacity(args.count);
        for _ in 0..args.count {
            clients.push(options.connect(&args.uri).await?);
        }
        return Ok(clients);
    };
    let mut clients: Vec<Option<virtwire::Client>> = (0..args.count).map(|_| None).collect();
    let mut opening = JoinSet::new();
    let mut next = 0;
    while next < args.count || !opening.is_empty() {
        while next < args.count && opening.len() < width {
            let (options, uri, i) = (options.clone(), args.uri.clone(), next);
            opening.spawn(async move { (i, options.connect(&uri).await) });
            next += 1;
        }
        let (i, client) = opening
            .join_next()
            .await
            .expect("a task is running")
            .expect("connect task panicked");
        clients[i] = Some(client?);
    }
    Ok(clients.into_iter().map(|c| c.expect("opened")).collect())
}

async fn run(args: Args) -> virtwire::Result<()> {
    let first = virtwire::Client::connect(&args.uri).await?;
    first.connect_get_hostname().await?;
    tokio::time::sleep(Duration::from_millis(100)).await;

    let before = status();
    let (cpu0, start) = (cpu_time(), Instant::now());
    let clients = open_all(&args).await?;
    let (open, open_cpu) = (start.elapsed(), cpu_time() - cpu0);
    // Let every connection task take its last commands and go idle.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let idle = status();

    let start = Instant::now();
    let mut answered = 0;
    for client in &clients {
        client.connect_get_hostname().await?;
        answered += 1;
    }
    let calls = start.elapsed();
    let after = status();

    let n = args.count as f64;
    let mode = if args.parallel.is_some() {
        "parallel"
    } else {
        "sequential"
    };
    println!(
        "{{\"impl\":\"virtwire\",\"mode\":\"{mode}\",\"parallel\":{},\"conns\":{},\"open_secs\":{:.6},\
         \"open_us_per_conn\":{:.1},\"open_cpu_us_per_conn\":{:.1},\
         \"rss_before_kib\":{},\"rss_idle_kib\":{},\"rss_after_calls_kib\":{},\
         \"rss_kib_per_conn\":{:.3},\"anon_kib_per_conn\":{:.3},\
         \"threads_before\":{},\"threads_idle\":{},\"threads_after_calls\":{},\
         \"answered\":{answered},\"calls_secs\":{:.6}}}",
        args.parallel.unwrap_or(1),
        args.count,
        open.as_secs_f64(),
        open.as_secs_f64() * 1e6 / n,
        open_cpu.as_secs_f64() * 1e6 / n,
        before.rss,
        idle.rss,
        after.rss,
        (idle.rss - before.rss) as f64 / n,
        (idle.anon - before.anon) as f64 / n,
        before.threads,
        idle.threads,
        after.threads,
        calls.as_secs_f64(),
    );

    for client in &clients {
        client.close().await?;
    }
    first.close().await?;
    if answered != args.count {
        std::process::exit(1);
    }
    Ok(())
}

fn main() {
    let args = parse_args();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    if let Err(e) = runtime.block_on(run(args)) {
        eprintln!("conn_bench: {e}");
        std::process::exit(1);
    }
}
