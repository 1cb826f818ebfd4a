//! Volume download or upload through a stream, for `bench/streams.sh`.
//!
//! `stream_bench --uri URI --pool POOL --vol VOL --mode download|upload [--sparse] --file PATH`
//!
//! Downloads the volume into PATH (or uploads PATH into it) with the sparse
//! flag when asked, on a current-thread runtime, and prints one JSON line:
//! `{"impl":"virtwire","mode":…,"sparse":…,"bytes":N,"secs":S,"cpu_secs":C,"max_rss_kib":R}`,
//! where `bytes` is the logical size streamed (data and holes).

use std::time::{Duration, Instant};

struct Args {
    uri: String,
    pool: String,
    vol: String,
    upload: bool,
    sparse: bool,
    file: String,
}

fn fail(message: &str) -> ! {
    eprintln!("stream_bench: {message}");
    std::process::exit(2);
}

fn parse_args() -> Args {
    let mut args = std::env::args().skip(1);
    let (mut uri, mut pool, mut vol, mut mode, mut file) = (None, None, None, None, None);
    let mut sparse = false;
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| fail(&format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--uri" => uri = Some(value()),
            "--pool" => pool = Some(value()),
            "--vol" => vol = Some(value()),
            "--mode" => mode = Some(value()),
            "--file" => file = Some(value()),
            "--sparse" => sparse = true,
            other => fail(&format!("unknown argument {other}")),
        }
    }
    let need =
        |v: Option<String>, name: &str| v.unwrap_or_else(|| fail(&format!("--{name} is required")));
    let mode = need(mode, "mode");
    Args {
        uri: need(uri, "uri"),
        pool: need(pool, "pool"),
        vol: need(vol, "vol"),
        upload: match mode.as_str() {
            "upload" => true,
            "download" => false,
            other => fail(&format!("--mode {other}: download or upload")),
        },
        sparse,
        file: need(file, "file"),
    }
}

/// User plus system CPU time and max RSS of this process.
fn usage() -> (Duration, u64) {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    (
        tv(usage.ru_utime) + tv(usage.ru_stime),
        usage.ru_maxrss as u64,
    )
}

async fn run(args: &Args) -> virtwire::Result<u64> {
    let client = virtwire::Client::connect(&args.uri).await?;
    let pool = client.storage_pool_lookup_by_name(&args.pool).await?;
    let vol = pool.storage_vol_lookup_by_name(&args.vol).await?;
    let bytes = if args.upload {
        let mut file = tokio::fs::File::open(&args.file)
            .await
            .unwrap_or_else(|e| fail(&format!("{}: {e}", args.file)));
        let flags = if args.sparse {
            virtwire::api::StorageVolUploadFlags::SPARSE_STREAM
        } else {
            virtwire::api::StorageVolUploadFlags::empty()
        };
        let stream = vol.upload(0, 0, flags).await?;
        stream.send_file(&mut file).await?
    } else {
        let mut file = tokio::fs::File::create(&args.file)
            .await
            .unwrap_or_else(|e| fail(&format!("{}: {e}", args.file)));
        let flags = if args.sparse {
            virtwire::api::StorageVolDownloadFlags::SPARSE_STREAM
        } else {
            virtwire::api::StorageVolDownloadFlags::empty()
        };
        let stream = vol.download(0, 0, flags).await?;
        stream.recv_to_file(&mut file).await?
    };
    client.close().await?;
    Ok(bytes)
}

fn main() {
    let args = parse_args();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let started = Instant::now();
    let bytes = runtime
        .block_on(run(&args))
        .unwrap_or_else(|e| fail(&e.to_string()));
    let secs = started.elapsed().as_secs_f64();
    let (cpu, rss) = usage();
    println!(
        "{{\"impl\":\"virtwire\",\"mode\":\"{}\",\"sparse\":{},\"bytes\":{bytes},\"secs\":{secs:.6},\"cpu_secs\":{:.6},\"max_rss_kib\":{rss}}}",
        if args.upload { "upload" } else { "download" },
        args.sparse,
        cpu.as_secs_f64()
    );
}
