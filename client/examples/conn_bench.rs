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
//!
//! A counting allocator adds the live heap per idle connection
//! (`heap_bytes_per_conn`, `allocs_per_conn`); `--alloc-breakdown` also
//! prints, on stderr, the live allocations per connection by size.

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};
use std::time::{Duration, Instant};
use tokio::task::JoinSet;
use virtwire::prelude::*;

/// The system allocator, counting live bytes and blocks (and, when
/// [`BY_SIZE_ON`], live blocks by size).
struct Counting;

static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);
static LIVE_BLOCKS: AtomicIsize = AtomicIsize::new(0);
/// Sizes are counted in 8-byte steps up to this; larger ones in the last slot.
const SIZE_SLOTS: usize = 16 * 1024 + 1;
static BY_SIZE: [AtomicIsize; SIZE_SLOTS] = [const { AtomicIsize::new(0) }; SIZE_SLOTS];
static BY_SIZE_ON: AtomicBool = AtomicBool::new(false);

fn size_slot(size: usize) -> usize {
    size.div_ceil(8).min(SIZE_SLOTS - 1)
}

fn count(size: usize, delta: isize) {
    LIVE_BYTES.fetch_add(delta * size as isize, Relaxed);
    LIVE_BLOCKS.fetch_add(delta, Relaxed);
    if BY_SIZE_ON.load(Relaxed) {
        BY_SIZE[size_slot(size)].fetch_add(delta, Relaxed);
    }
}

// SAFETY: every call goes to the system allocator unchanged; the counters
// are only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is System's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size(), 1);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is System's.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size(), 1);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(layout.size(), -1);
        // SAFETY: the caller's contract is System's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is System's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(layout.size(), -1);
            count(new_size, 1);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn by_size() -> Vec<isize> {
    BY_SIZE.iter().map(|c| c.load(Relaxed)).collect()
}

struct Args {
    count: usize,
    parallel: Option<usize>,
    uri: String,
    breakdown: bool,
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
        breakdown: false,
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
            "--alloc-breakdown" => args.breakdown = true,
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

    BY_SIZE_ON.store(args.breakdown, Relaxed);
    let sizes_before = by_size();
    let before = status();
    let (heap0, blocks0) = (LIVE_BYTES.load(Relaxed), LIVE_BLOCKS.load(Relaxed));
    let (cpu0, start) = (cpu_time(), Instant::now());
    let clients = open_all(&args).await?;
    let (open, open_cpu) = (start.elapsed(), cpu_time() - cpu0);
    // Let every connection task take its last commands and go idle.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let idle = status();
    let (heap1, blocks1) = (LIVE_BYTES.load(Relaxed), LIVE_BLOCKS.load(Relaxed));
    if args.breakdown {
        breakdown(&sizes_before, &by_size(), args.count);
    }

    let start = Instant::now();
    let mut answered = 0;
    for client in &clients {
        client.get_hostname().await?;
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
         \"heap_bytes_per_conn\":{:.1},\"allocs_per_conn\":{:.2},\
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
        (heap1 - heap0) as f64 / n,
        (blocks1 - blocks0) as f64 / n,
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

/// Prints the live allocations the N connections added, by size.
fn breakdown(before: &[isize], after: &[isize], conns: usize) {
    let n = conns as f64;
    let mut rows: Vec<(usize, isize)> = before
        .iter()
        .zip(after)
        .enumerate()
        .map(|(slot, (b, a))| (slot, a - b))
        .filter(|&(_, d)| d != 0)
        .collect();
    rows.sort_by_key(|&(slot, d)| std::cmp::Reverse(d * slot as isize));
    eprintln!("live allocations added per connection, by size (8-byte steps):");
    eprintln!("{:>10} {:>8} {:>10}", "size <=", "blocks", "bytes");
    let mut total = 0.0;
    for (slot, d) in rows {
        let size = if slot == SIZE_SLOTS - 1 {
            "larger".to_owned()
        } else {
            (slot * 8).to_string()
        };
        let bytes = (d * slot as isize * 8) as f64 / n;
        total += bytes;
        eprintln!("{size:>10} {:>8.2} {bytes:>10.1}", d as f64 / n);
    }
    eprintln!("{:>10} {:>8} {total:>10.1}", "total", "");
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
