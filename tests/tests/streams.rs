//! Data streams against the real daemon: volume upload and download (dense
//! and sparse) byte-exact against virsh, screenshots, aborts, slow
//! consumers, keepalive during a transfer, and descriptors refused on TCP.

use bytes::Bytes;
use sha2::{Digest, Sha256};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tokio::io::AsyncReadExt;
use virtwire::prelude::*;
use virtwire::remote::{NonnullStoragePool, NonnullStorageVol};
use virtwire::stream::StreamChunk;
use virtwire::{Client, ConnectOptions, ErrorKind, KeepaliveConfig};
use virtwire_tests::{SecondDaemon, connect, connect_test, qemu_uri, unique_name};

const MIB: u64 = 1 << 20;
/// `VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM` / `_UPLOAD_SPARSE_STREAM`
const SPARSE: u32 = 1;

/// A dir pool of its own under the private daemon's run dir, removed on drop.
struct Pool {
    client: Client,
    pool: NonnullStoragePool,
    dir: PathBuf,
}

impl Pool {
    async fn new(client: &Client, test: &str) -> Self {
        let name = unique_name(test);
        let dir = PathBuf::from("/tmp/virtwire-libvirtd").join(&name);
        std::fs::create_dir_all(&dir).unwrap();
        let xml = format!(
            "<pool type='dir'><name>{name}</name><target><path>{}</path></target></pool>",
            dir.display()
        );
        let pool = client
            .raw()
            .storage_pool_create_xml(xml.as_str(), 0)
            .await
            .expect("create a transient dir pool");
        Self {
            client: client.clone(),
            pool,
            dir,
        }
    }

    /// A raw volume of `capacity` bytes (sparse, all zeros).
    async fn volume(&self, name: &str, capacity: u64) -> NonnullStorageVol {
        let xml = format!(
            "<volume><name>{name}</name><capacity unit='bytes'>{capacity}</capacity>\
             <allocation>0</allocation><target><format type='raw'/></target></volume>"
        );
        self.client
            .storage_vol_create_xml(&self.pool, xml.as_str(), 0)
            .await
            .expect("create a volume")
    }

    fn path(&self, vol: &str) -> PathBuf {
        self.dir.join(vol)
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Through virsh: a drop cannot wait for this test's own runtime.
        // Transient, so destroying it undefines it; the files go with the dir.
        let _ = std::process::Command::new("virsh")
            .args(["-q", "-c", &qemu_uri(), "pool-destroy", &self.pool.name])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn sha256(data: &[u8]) -> String {
    format!("{:x}", Sha256::digest(data))
}

fn sha256_file(path: &Path) -> String {
    sha256(&std::fs::read(path).unwrap())
}

/// Pseudo-random bytes (xorshift), so the data is not compressible or zero.
fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

fn virsh(args: &[&str]) {
    let uri = qemu_uri();
    let out = std::process::Command::new("virsh")
        .args(["-q", "-c", &uri])
        .args(args)
        .output()
        .expect("run virsh");
    assert!(
        out.status.success(),
        "virsh {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The (data start, data end) extents of a file, by SEEK_DATA/SEEK_HOLE.
fn extents(path: &Path) -> Vec<(u64, u64)> {
    use rustix::fs::{SeekFrom, seek};
    let file = std::fs::File::open(path).unwrap();
    let len = file.metadata().unwrap().len();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < len {
        let start = match seek(&file, SeekFrom::Data(pos)) {
            Ok(at) => at,
            Err(rustix::io::Errno::NXIO) => break,
            Err(e) => panic!("SEEK_DATA: {e}"),
        };
        let end = seek(&file, SeekFrom::Hole(start)).unwrap();
        out.push((start, end));
        pos = end;
    }
    out
}

async fn qemu_client() -> Client {
    ConnectOptions::new()
        .timeout(Some(Duration::from_secs(120)))
        .connect(&qemu_uri())
        .await
        .expect("connect to qemu:///system")
}

#[tokio::test]
async fn upload_and_download_are_byte_exact_against_virsh() {
    let client = qemu_client().await;
    let pool = Pool::new(&client, "streams-dense").await;
    let size = 24 * MIB as usize + 12_345;
    let data = random_bytes(size, 7);
    let vol = pool.volume("up.raw", size as u64).await;

    // virtwire uploads, virsh downloads.
    let stream = client
        .storage_vol_upload(&vol, 0, 0, 0)
        .await
        .expect("upload");
    let mut file_in = tokio::fs::File::from_std(tempfile(&data));
    let sent = stream.send_file(&mut file_in).await.expect("send the file");
    assert_eq!(sent, size as u64);
    let back = std::env::temp_dir().join(format!("{}.virsh", unique_name("dl")));
    virsh(&[
        "vol-download",
        "--pool",
        &pool_name(&client, &pool).await,
        "up.raw",
        back.to_str().unwrap(),
    ]);
    assert_eq!(
        sha256_file(&back),
        sha256(&data),
        "virsh reads back what virtwire wrote"
    );
    let _ = std::fs::remove_file(&back);

    // virsh uploads, virtwire downloads (through AsyncRead).
    let other = random_bytes(size, 99);
    let src = std::env::temp_dir().join(format!("{}.src", unique_name("ul")));
    std::fs::write(&src, &other).unwrap();
    let vol2 = pool.volume("down.raw", size as u64).await;
    virsh(&[
        "vol-upload",
        "--pool",
        &pool_name(&client, &pool).await,
        "down.raw",
        src.to_str().unwrap(),
    ]);
    let _ = std::fs::remove_file(&src);
    let mut stream = client
        .storage_vol_download(&vol2, 0, 0, 0)
        .await
        .expect("download");
    assert!(!stream.is_sparse());
    let mut got = Vec::new();
    stream.read_to_end(&mut got).await.expect("read to the end");
    stream.finish().await.expect("finish");
    assert_eq!(got.len(), size);
    assert_eq!(
        sha256(&got),
        sha256(&other),
        "virtwire reads what virsh wrote"
    );
    // The connection is fine afterwards.
    client.connect_get_hostname().await.unwrap();
}

async fn pool_name(client: &Client, pool: &Pool) -> String {
    let _ = client;
    pool.pool.name.to_string()
}

fn tempfile(data: &[u8]) -> std::fs::File {
    let path = std::env::temp_dir().join(unique_name("tmp"));
    std::fs::write(&path, data).unwrap();
    let file = std::fs::File::open(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    file
}

/// A sparse file: data, a hole, data, and a trailing hole.
fn sparse_source(path: &Path) -> (Vec<u8>, Vec<(u64, u64)>) {
    let len = 40 * MIB;
    let file = std::fs::File::create(path).unwrap();
    file.set_len(len).unwrap();
    let a = random_bytes(3 * MIB as usize, 1);
    let b = random_bytes(2 * MIB as usize, 2);
    file.write_all_at(&a, 0).unwrap();
    file.write_all_at(&b, 20 * MIB).unwrap();
    file.sync_all().unwrap();
    let mut whole = vec![0u8; len as usize];
    whole[..a.len()].copy_from_slice(&a);
    whole[20 * MIB as usize..20 * MIB as usize + b.len()].copy_from_slice(&b);
    (whole, vec![(0, 3 * MIB), (20 * MIB, 22 * MIB)])
}

#[tokio::test]
async fn sparse_upload_and_download_keep_the_hole_layout() {
    let client = qemu_client().await;
    let pool = Pool::new(&client, "streams-sparse").await;
    let src = std::env::temp_dir().join(format!("{}.sparse", unique_name("src")));
    let (whole, layout) = sparse_source(&src);
    assert_eq!(extents(&src), layout, "this filesystem keeps holes");
    let vol = pool.volume("sparse.raw", whole.len() as u64).await;

    // Upload sparse: the volume file gets the same holes.
    let stream = client
        .storage_vol_upload(&vol, 0, 0, SPARSE)
        .await
        .expect("sparse upload");
    assert!(stream.is_sparse());
    let mut file = tokio::fs::File::open(&src).await.unwrap();
    assert_eq!(
        stream.send_file(&mut file).await.unwrap(),
        whole.len() as u64
    );
    let stored = pool.path("sparse.raw");
    assert_eq!(sha256_file(&stored), sha256(&whole));
    assert_eq!(extents(&stored), layout, "the daemon wrote holes as holes");

    // Download sparse: holes arrive as holes and stay holes.
    let stream = client
        .storage_vol_download(&vol, 0, 0, SPARSE)
        .await
        .expect("sparse download");
    let dst = std::env::temp_dir().join(format!("{}.sparse", unique_name("dst")));
    let mut out = tokio::fs::File::create(&dst).await.unwrap();
    assert_eq!(
        stream.recv_to_file(&mut out).await.unwrap(),
        whole.len() as u64
    );
    drop(out);
    assert_eq!(sha256_file(&dst), sha256(&whole));
    assert_eq!(extents(&dst), layout, "holes kept on the way down");

    // The packet API shows the holes themselves.
    let mut stream = client
        .storage_vol_download(&vol, 0, 0, SPARSE)
        .await
        .unwrap();
    let (mut data, mut holes) = (0u64, 0u64);
    while let Some(chunk) = stream.recv().await.unwrap() {
        match chunk {
            StreamChunk::Data(d) => data += d.len() as u64,
            StreamChunk::Hole(n) => holes += n,
        }
    }
    stream.finish().await.unwrap();
    assert_eq!((data, holes), (5 * MIB, 35 * MIB));
    for p in [src, dst] {
        let _ = std::fs::remove_file(p);
    }
}

#[tokio::test]
async fn holes_on_a_non_sparse_stream_are_refused_and_the_connection_lives() {
    let client = qemu_client().await;
    let pool = Pool::new(&client, "streams-nohole").await;
    let vol = pool.volume("v.raw", MIB).await;
    let mut stream = client.storage_vol_upload(&vol, 0, 0, 0).await.unwrap();
    let e = stream
        .send_hole(4096)
        .await
        .expect_err("a hole on a plain stream");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    stream.send(Bytes::from(vec![1u8; 4096])).await.unwrap();
    stream.finish().await.unwrap();
    client.connect_get_hostname().await.unwrap();
}

/// A throw-away daemon ([`SecondDaemon`]) with a dir pool and one raw
/// volume filled with `data`. The tests that abort or stall a download use
/// it, so that if libvirtd mishandles either, only that test fails (on its
/// call timeout) and the shared daemon the other tests use stays healthy.
struct Isolated {
    daemon: SecondDaemon,
    client: Client,
    vol: NonnullStorageVol,
}

impl Isolated {
    async fn new(tag: &str, options: ConnectOptions, data: &[u8]) -> Self {
        let daemon = SecondDaemon::start(tag);
        let client = options
            .timeout(Some(Duration::from_secs(60)))
            .connect(&daemon.session_uri())
            .await
            .expect("connect to the throw-away daemon");
        let vol = daemon.volume(&client, data.len() as u64).await;
        std::fs::write(daemon.volume_path(), data).unwrap();
        Self {
            daemon,
            client,
            vol,
        }
    }
}

#[tokio::test]
async fn an_aborted_download_leaves_the_connection_usable() {
    let size = 64 * MIB;
    let mut iso = Isolated::new(
        "streams-abort",
        ConnectOptions::new(),
        &random_bytes(size as usize, 3),
    )
    .await;
    let (client, vol) = (&iso.client, &iso.vol);

    let mut stream = client.storage_vol_download(vol, 0, 0, 0).await.unwrap();
    let mut first = vec![0u8; MIB as usize];
    stream.read_exact(&mut first).await.unwrap();
    stream.abort().await.expect("the daemon confirms the abort");
    client
        .connect_get_hostname()
        .await
        .expect("calls work after an abort");

    // Dropping an unfinished stream aborts it too.
    let mut stream = client.storage_vol_download(vol, 0, 0, 0).await.unwrap();
    stream.read_exact(&mut first).await.unwrap();
    drop(stream);
    for _ in 0..20 {
        client
            .connect_get_hostname()
            .await
            .expect("calls work after a dropped stream");
    }
    // And a full download still works on the same connection.
    let mut stream = client.storage_vol_download(vol, 0, 0, 0).await.unwrap();
    let mut all = Vec::new();
    stream.read_to_end(&mut all).await.unwrap();
    stream.finish().await.unwrap();
    assert_eq!(all.len() as u64, size);
    assert!(iso.daemon.is_running());
}

#[tokio::test]
async fn a_slow_consumer_keeps_memory_bounded_and_survives_keepalive() {
    // Client keepalive that would declare the daemon dead after 3 s of
    // silence: a paused reader must not count as silence.
    let options = ConnectOptions::new().keepalive(Some(KeepaliveConfig {
        interval: Duration::from_secs(1),
        count: 2,
    }));
    let size = 96 * MIB;
    let data = random_bytes(size as usize, 5);
    let iso = Isolated::new("streams-slow", options, &data).await;
    let client = &iso.client;

    let mut stream = client
        .storage_vol_download(&iso.vol, 0, 0, 0)
        .await
        .unwrap();
    // Let the buffer fill, then see that other calls wait for the consumer
    // (the documented cost) instead of memory growing.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let rss_before = rss_kib();
    let hostname = client.connect_get_hostname();
    tokio::pin!(hostname);
    let waited = tokio::time::timeout(Duration::from_millis(500), &mut hostname).await;
    assert!(
        waited.is_err(),
        "a call answered while the stream's buffer was full"
    );
    let mut got = Vec::with_capacity(size as usize);
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = stream.read(&mut buf).await.expect("read after the pause");
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
    }
    stream.finish().await.unwrap();
    hostname
        .await
        .expect("the call answers once the consumer reads");
    assert_eq!(sha256(&got), sha256(&data));
    assert!(
        rss_before < 600 * 1024,
        "RSS {rss_before} KiB with a full stream buffer"
    );
    assert!(!client.is_closed());
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[tokio::test]
async fn a_screenshot_decodes_as_an_image() {
    let client = connect_test().await;
    let dom = client.raw().domain_lookup_by_name("test").await.unwrap();
    let image = virtwire_tests::suite::screenshot(&client, dom).await;
    let decoder = png::Decoder::new(std::io::Cursor::new(&image));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("PNG pixels decode");
    assert!(info.width > 0 && info.height > 0);
}

#[tokio::test]
async fn descriptors_need_a_unix_socket() {
    let client = connect(&virtwire_tests::test_tcp_uri()).await;
    let dom = client.raw().domain_lookup_by_name("test").await.unwrap();
    let e = client
        .domain_open_graphics_fd(&dom, 0, 0)
        .await
        .expect_err("no descriptors over TCP");
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    client.connect_get_hostname().await.unwrap();
}

#[tokio::test]
async fn a_stream_opened_and_dropped_before_its_reply_is_aborted() {
    let client = connect_test().await;
    let dom = client.raw().domain_lookup_by_name("test").await.unwrap();
    for _ in 0..10 {
        let open = client.domain_screenshot(&dom, 0, 0);
        // Dropped at once: the daemon's stream is aborted when the reply comes.
        let _ = tokio::time::timeout(Duration::from_micros(1), open).await;
    }
    let started = Instant::now();
    client.connect_get_hostname().await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn create_with_files_carries_descriptors_and_stays_in_sync() {
    let client = qemu_client().await;
    for _ in 0..3 {
        let (a, b) = std::os::unix::net::UnixStream::pair().unwrap();
        // An invalid definition: the daemon reads the call and its
        // descriptor, then refuses the XML.
        let e = client
            .raw()
            .domain_create_xml_with_files("<domain/>", 0, vec![a.into()])
            .await
            .expect_err("an invalid domain");
        assert_eq!(e.kind(), ErrorKind::Libvirt, "{e}");
        client
            .connect_get_hostname()
            .await
            .expect("in sync after the descriptor");
        // `b` reads end of file only once every copy of `a` is closed: the
        // client's after sending, and the daemon's after refusing. (Counting
        // /proc/self/fd would race with the tests running beside this one.)
        b.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let n = std::io::Read::read(&mut &b, &mut [0u8; 1]).expect("end of file, not a timeout");
        assert_eq!(n, 0, "no byte was ever written to the pair");
    }
}
