//! Benchmark: `domain_get_info` on `test:///default` through the private
//! daemon's unix socket, sequentially and with 1, 8 and 64 concurrent tasks
//! on ONE connection. Prints one JSON line per mode, the same schema as
//! `bench/c/virtbench.c`; `bench/run.sh` runs both and prints the ratios.
//!
//! `bench_get_info [--calls N] [--uri URI] [--tasks 1,8,64] [--runtime current|multi] [--max-in-flight N] [--busy-poll-us US]` (0 turns busy polling off)
//! `[--warmup N] [--skip-sequential]`

mod support;

use std::time::{Duration, Instant};
use virtwire::Domain;

struct Args {
    calls: usize,
    uri: String,
    tasks: Vec<usize>,
    multi: bool,
    max_in_flight: usize,
    /// Calls before the measured ones.
    warmup: usize,
    skip_sequential: bool,
    /// Microseconds of busy polling; `None` keeps the client's default.
    busy_poll_us: Option<u64>,
}

fn parse_args() -> Args {
    let mut args = Args {
        calls: 20_000,
        uri: default_uri(),
        tasks: vec![1, 8, 64],
        multi: false,
        max_in_flight: virtwire::protocol::conn::DEFAULT_MAX_IN_FLIGHT,
        busy_poll_us: None,
        warmup: 2000,
        skip_sequential: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--skip-sequential" {
            args.skip_sequential = true;
            continue;
        }
        let mut value = || {
            it.next()
                .unwrap_or_else(|| fail(&format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--calls" => args.calls = value().parse().unwrap_or_else(|_| fail("bad --calls")),
            "--uri" => args.uri = value(),
            "--tasks" => {
                args.tasks = value()
                    .split(',')
                    .filter(|t| !t.is_empty())
                    .map(|t| t.parse().unwrap_or_else(|_| fail("bad --tasks")))
                    .collect()
            }
            "--runtime" => args.multi = value() == "multi",
            "--max-in-flight" => {
                args.max_in_flight = value()
                    .parse()
                    .unwrap_or_else(|_| fail("bad --max-in-flight"))
            }
            "--warmup" => args.warmup = value().parse().unwrap_or_else(|_| fail("bad --warmup")),
            "--busy-poll-us" => {
                args.busy_poll_us = Some(
                    value()
                        .parse()
                        .unwrap_or_else(|_| fail("bad --busy-poll-us")),
                )
            }
            other => fail(&format!("unknown argument {other}")),
        }
    }
    args
}

fn fail(message: &str) -> ! {
    eprintln!("bench_get_info: {message}");
    std::process::exit(2)
}

/// The private daemon's `test:///default`, or a clear exit.
fn default_uri() -> String {
    support::private_daemon_uri()
        .unwrap_or_else(|| fail("no private daemon: run scripts/libvirtd.sh start, or pass --uri"))
}

/// User plus system CPU time of this process.
fn cpu_time() -> Duration {
    let (user, system) = cpu_split();
    user + system
}

/// User and system CPU time of this process.
fn cpu_split() -> (Duration, Duration) {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    (tv(usage.ru_utime), tv(usage.ru_stime))
}

fn report(mode: &str, tasks: usize, calls: usize, wall: Duration, cpu: Duration) {
    println!(
        "{{\"impl\":\"virtwire\",\"mode\":\"{mode}\",\"tasks\":{tasks},\"calls\":{calls},\"seconds\":{:.6},\"calls_per_sec\":{:.1},\"cpu_us_per_call\":{:.3}}}",
        wall.as_secs_f64(),
        calls as f64 / wall.as_secs_f64(),
        cpu.as_secs_f64() * 1e6 / calls as f64
    );
}

async fn run(args: Args) -> virtwire::Result<()> {
    let mut options = virtwire::ConnectOptions::new().max_in_flight(args.max_in_flight);
    if let Some(us) = args.busy_poll_us {
        options = options.busy_poll(Some(Duration::from_micros(us)));
    }
    let client = options.connect(&args.uri).await?;
    let dom = client.domain_lookup_by_name("test").await?;
    for _ in 0..args.warmup {
        dom.get_info().await?;
    }

    if !args.skip_sequential {
        sequential(&dom, args.calls).await?;
    }
    for &tasks in &args.tasks {
        concurrent(&dom, args.calls, tasks).await?;
    }
    client.close().await
}

/// `calls` calls one after another.
async fn sequential(dom: &Domain, calls: usize) -> virtwire::Result<()> {
    let (start, (user, system)) = (Instant::now(), cpu_split());
    for _ in 0..calls {
        dom.get_info().await?;
    }
    let (user2, system2) = cpu_split();
    report(
        "sequential",
        1,
        calls,
        start.elapsed(),
        (user2 - user) + (system2 - system),
    );
    eprintln!(
        "sequential: user {:.2} us/call, system {:.2} us/call",
        (user2 - user).as_secs_f64() * 1e6 / calls as f64,
        (system2 - system).as_secs_f64() * 1e6 / calls as f64
    );
    Ok(())
}

/// `calls` calls shared by `tasks` tasks on one connection.
async fn concurrent(dom: &Domain, calls: usize, tasks: usize) -> virtwire::Result<()> {
    {
        let per_task = calls / tasks;
        let (start, cpu) = (Instant::now(), cpu_time());
        let handles: Vec<_> = (0..tasks)
            .map(|_| {
                let dom = dom.clone();
                tokio::spawn(async move {
                    for _ in 0..per_task {
                        dom.get_info().await?;
                    }
                    Ok::<_, virtwire::Error>(())
                })
            })
            .collect();
        for handle in handles {
            handle.await.expect("benchmark task panicked")?;
        }
        report(
            "concurrent",
            tasks,
            per_task * tasks,
            start.elapsed(),
            cpu_time() - cpu,
        );
    }
    Ok(())
}

fn main() {
    let args = parse_args();
    let runtime = if args.multi {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    };
    // The calls run in a spawned task, as a service's handlers do: on the
    // multi-thread runtime a `block_on` future runs on the main thread, off
    // the workers, and every call would cross threads twice (5 context
    // switches per sequential call instead of 1, bench/counts.sh).
    let result = runtime
        .expect("tokio runtime")
        .block_on(async { tokio::spawn(run(args)).await.expect("benchmark task") });
    if let Err(e) = result {
        eprintln!("bench_get_info: {e}");
        std::process::exit(1);
    }
}
