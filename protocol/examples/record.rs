//! A recording proxy for libvirt RPC traffic over UNIX sockets.
//!
//! ```text
//! cargo run -p virtwire-protocol --example record -- \
//!     --listen /tmp/rec.sock --upstream $VIRTWIRE_LIBVIRTD_SOCK \
//!     --out fixtures/frames/<scenario>.frames [--scenario NAME] [--command TEXT]
//! ```
//!
//! Accepts one client on `--listen`, connects to `--upstream`, forwards bytes
//! both ways and splits each direction into frames by the length word (which
//! counts itself). `*_WITH_FDS` frames (types 4 and 5) keep their one-byte
//! descriptor carriers, which follow the frame outside the length word. When
//! the client disconnects the frames are written as text: `C <hex>` (client
//! to server) and `S <hex>` (server to client), one per line, in the order
//! they were seen.
//!
//! On Linux with glibc the proxy also forwards the descriptors themselves
//! (`SCM_RIGHTS`), both ways: it reads with `recvmsg`, and a read that brought
//! descriptors ends with their carrier byte (the kernel stops a stream read
//! after the segment that carries descriptors, and libvirt sends each carrier
//! alone with `sendmsg`), so it writes the bytes before the carrier, then the
//! carrier alone with the descriptors, as libvirt does. Elsewhere the carriers
//! pass without their descriptors. Standard library only (the two C calls
//! are declared here), so it can also be built alone with `rustc`.

use std::io::{Read, Write};
use std::net::Shutdown;
use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use std::{env, fs, process, thread};

/// Largest header plus payload libvirt accepts (`VIR_NET_MESSAGE_MAX`).
const MESSAGE_MAX: usize = 33_554_432;
/// Length word plus the 24-byte header.
const MIN_FRAME: usize = 28;

type Log = Arc<Mutex<Vec<(char, Vec<u8>)>>>;

/// Splits a byte stream into frames.
#[derive(Default)]
struct Splitter {
    buf: Vec<u8>,
    broken: bool,
}

impl Splitter {
    /// Adds bytes; returns the frames they complete.
    fn push(&mut self, data: &[u8]) -> Vec<Vec<u8>> {
        let mut frames = Vec::new();
        if self.broken {
            return frames;
        }
        self.buf.extend_from_slice(data);
        while self.buf.len() >= 4 {
            let len = u32::from_be_bytes(self.buf[..4].try_into().unwrap()) as usize;
            if !(MIN_FRAME..=MESSAGE_MAX + 4).contains(&len) {
                eprintln!("record: bad length word {len}; no more frames from this side");
                self.broken = true;
                break;
            }
            if self.buf.len() < len {
                break;
            }
            // Types 4 and 5 (`*_WITH_FDS`): a count word after the header, then
            // that many one-byte carriers after the frame, outside its length.
            let kind = u32::from_be_bytes(self.buf[16..20].try_into().unwrap());
            let mut total = len;
            if kind == 4 || kind == 5 {
                let fds = if len >= MIN_FRAME + 4 {
                    u32::from_be_bytes(self.buf[28..32].try_into().unwrap()) as usize
                } else {
                    usize::MAX
                };
                if fds > 32 {
                    eprintln!("record: bad descriptor count; no more frames from this side");
                    self.broken = true;
                    break;
                }
                total += fds;
                if self.buf.len() < total {
                    break;
                }
            }
            frames.push(self.buf.drain(..total).collect());
        }
        frames
    }
}

/// Copies `from` to `to`, logging each complete frame (before forwarding the
/// bytes that complete it, so a reply is never logged before its call).
fn pump(mut from: UnixStream, mut to: UnixStream, tag: char, log: Log) -> usize {
    let mut split = Splitter::default();
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = match from.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let frames = split.push(&chunk[..n]);
        if !frames.is_empty() {
            log.lock()
                .unwrap()
                .extend(frames.into_iter().map(|f| (tag, f)));
        }
        if to.write_all(&chunk[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
    if split.broken {
        usize::MAX
    } else {
        split.buf.len()
    }
}

/// `YYYY-MM-DD HH:MM:SS UTC` for now, from days since 1970-01-01 (civil calendar).
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    // Shift the epoch to 0000-03-01 so leap days fall at the end of a year.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

fn usage() -> ! {
    eprintln!(
        "usage: record --listen SOCK --upstream SOCK --out FILE [--scenario NAME] [--command TEXT] \
         [--libvirtd-version V]"
    );
    process::exit(2)
}

fn main() {
    let (mut listen, mut upstream, mut out) = (None, None, None);
    let (mut scenario, mut command, mut version) =
        (None, String::from("(not given)"), String::from("11.3.0"));
    let mut args = env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_else(|| usage());
        match flag.as_str() {
            "--listen" => listen = Some(value),
            "--upstream" => upstream = Some(value),
            "--out" => out = Some(value),
            "--scenario" => scenario = Some(value),
            "--command" => command = value.replace(['\n', '\r'], " "),
            "--libvirtd-version" => version = value,
            _ => usage(),
        }
    }
    let (Some(listen), Some(upstream), Some(out)) = (listen, upstream, out) else {
        usage()
    };
    let scenario = scenario.unwrap_or_else(|| {
        let name = out.rsplit('/').next().unwrap_or(&out);
        name.strip_suffix(".frames").unwrap_or(name).to_string()
    });

    let _ = fs::remove_file(&listen);
    let listener = UnixListener::bind(&listen).unwrap_or_else(|e| {
        eprintln!("record: cannot listen on {listen}: {e}");
        process::exit(1)
    });
    let (client, _) = listener.accept().expect("accept");
    drop(listener);
    let _ = fs::remove_file(&listen);
    let server = UnixStream::connect(&upstream).unwrap_or_else(|e| {
        eprintln!("record: cannot connect to {upstream}: {e}");
        process::exit(1)
    });

    let log: Log = Arc::default();
    let (c2, s2, log2) = (
        client.try_clone().unwrap(),
        server.try_clone().unwrap(),
        log.clone(),
    );
    let up = thread::spawn(move || pump(c2, s2, 'C', log2));
    let down = {
        let (client, server, log) = (
            client.try_clone().unwrap(),
            server.try_clone().unwrap(),
            log.clone(),
        );
        thread::spawn(move || pump(server, client, 'S', log))
    };
    let left_up = up.join().unwrap();
    // The client is gone; don't wait forever for the daemon to hang up.
    let _ = server.set_read_timeout(Some(Duration::from_secs(5)));
    let left_down = down.join().unwrap();

    let frames = std::mem::take(&mut *log.lock().unwrap());
    let mut text = format!(
        "# scenario: {scenario}\n# recorded from libvirtd {version} with: {command}\n# date: {}\n\
         # format: one frame per line, `C <hex>` client->server, `S <hex>` server->client, in order seen\n",
        utc_now()
    );
    for (tag, frame) in &frames {
        text.push(*tag);
        text.push(' ');
        for b in frame {
            text.push_str(&format!("{b:02x}"));
        }
        text.push('\n');
    }
    fs::write(&out, text).unwrap_or_else(|e| {
        eprintln!("record: cannot write {out}: {e}");
        process::exit(1)
    });
    let (c, s) = (
        frames.iter().filter(|f| f.0 == 'C').count(),
        frames.iter().filter(|f| f.0 == 'S').count(),
    );
    eprintln!("record: {out}: {c} client frames, {s} server frames");
    if left_up != 0 || left_down != 0 {
        eprintln!(
            "record: incomplete or unparsable trailing bytes (client {left_up}, server {left_down})"
        );
        process::exit(1);
    }
}
