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

use std::io::Write;
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

/// Descriptor passing over UNIX stream sockets (`SCM_RIGHTS`), with the two
/// C calls declared here so the file needs no crate.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod fds {
    use std::ffi::{c_int, c_void};
    use std::io;
    use std::mem::size_of;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::net::UnixStream;
    use std::ptr;

    /// Whether descriptors are forwarded on this platform.
    pub const FORWARDED: bool = true;

    const SOL_SOCKET: c_int = 1;
    const SCM_RIGHTS: c_int = 1;
    const MSG_CTRUNC: c_int = 0x8;
    const MSG_NOSIGNAL: c_int = 0x4000;
    const MSG_CMSG_CLOEXEC: c_int = 0x4000_0000;
    /// Control buffer size: room for far more than libvirt's 32 descriptors.
    const CONTROL_WORDS: usize = 64;

    /// `struct iovec`.
    #[repr(C)]
    struct IoVec {
        base: *mut c_void,
        len: usize,
    }

    /// glibc's `struct msghdr`.
    #[repr(C)]
    struct MsgHdr {
        name: *mut c_void,
        namelen: u32,
        iov: *mut IoVec,
        iovlen: usize,
        control: *mut c_void,
        controllen: usize,
        flags: c_int,
    }

    /// glibc's `struct cmsghdr` (the data follows, aligned).
    #[repr(C)]
    #[derive(Clone, Copy)]
    struct CmsgHdr {
        len: usize,
        level: c_int,
        kind: c_int,
    }

    unsafe extern "C" {
        fn recvmsg(fd: c_int, msg: *mut MsgHdr, flags: c_int) -> isize;
        fn sendmsg(fd: c_int, msg: *const MsgHdr, flags: c_int) -> isize;
    }

    /// `CMSG_ALIGN`.
    fn align(len: usize) -> usize {
        len.next_multiple_of(size_of::<usize>())
    }

    /// `CMSG_LEN(0)`: where a control message's data starts.
    fn data_offset() -> usize {
        align(size_of::<CmsgHdr>())
    }

    /// Reads into `buf`; appends the descriptors that came with the bytes.
    pub fn recv(sock: &UnixStream, buf: &mut [u8], fds: &mut Vec<OwnedFd>) -> io::Result<usize> {
        let mut control = [0u64; CONTROL_WORDS];
        let mut iov = IoVec {
            base: buf.as_mut_ptr().cast(),
            len: buf.len(),
        };
        let mut msg = MsgHdr {
            name: ptr::null_mut(),
            namelen: 0,
            iov: &mut iov,
            iovlen: 1,
            control: control.as_mut_ptr().cast(),
            controllen: size_of::<[u64; CONTROL_WORDS]>(),
            flags: 0,
        };
        let n = loop {
            // SAFETY: `msg` points at a live iovec over `buf` and at the
            // control buffer, both valid for the lengths given.
            let n = unsafe { recvmsg(sock.as_raw_fd(), &mut msg, MSG_CMSG_CLOEXEC) };
            if n >= 0 {
                break n as usize;
            }
            let error = io::Error::last_os_error();
            if error.kind() != io::ErrorKind::Interrupted {
                return Err(error);
            }
        };
        let base = control.as_ptr().cast::<u8>();
        let (start, end) = (
            data_offset(),
            msg.controllen.min(size_of::<[u64; CONTROL_WORDS]>()),
        );
        let mut at = 0;
        while at + start <= end {
            // SAFETY: the header lies inside the control buffer (checked above).
            let header = unsafe { ptr::read_unaligned(base.add(at).cast::<CmsgHdr>()) };
            if header.len < start || at + header.len > end {
                break;
            }
            if header.level == SOL_SOCKET && header.kind == SCM_RIGHTS {
                let count = (header.len - start) / size_of::<c_int>();
                for i in 0..count {
                    // SAFETY: inside this control message's data (checked above).
                    let fd = unsafe {
                        ptr::read_unaligned(
                            base.add(at + start + i * size_of::<c_int>())
                                .cast::<c_int>(),
                        )
                    };
                    // SAFETY: the kernel just installed this descriptor for us.
                    fds.push(unsafe { OwnedFd::from_raw_fd(fd) });
                }
            }
            at += align(header.len);
        }
        if msg.flags & MSG_CTRUNC != 0 {
            eprintln!("record: control data truncated: descriptors lost");
        }
        Ok(n)
    }

    /// Writes `bytes` (a carrier) with `fds` attached.
    pub fn send(sock: &UnixStream, bytes: &[u8], fds: &[OwnedFd]) -> io::Result<()> {
        let mut control = [0u64; CONTROL_WORDS];
        let data_len = fds.len() * size_of::<c_int>();
        let space = data_offset() + align(data_len);
        if space > size_of::<[u64; CONTROL_WORDS]>() {
            return Err(io::Error::other("too many descriptors in one read"));
        }
        let base = control.as_mut_ptr().cast::<u8>();
        let header = CmsgHdr {
            len: data_offset() + data_len,
            level: SOL_SOCKET,
            kind: SCM_RIGHTS,
        };
        // SAFETY: header and descriptors fit in the control buffer (checked above).
        unsafe {
            ptr::write_unaligned(base.cast::<CmsgHdr>(), header);
            for (i, fd) in fds.iter().enumerate() {
                ptr::write_unaligned(
                    base.add(data_offset() + i * size_of::<c_int>())
                        .cast::<c_int>(),
                    fd.as_raw_fd(),
                );
            }
        }
        let mut iov = IoVec {
            base: bytes.as_ptr().cast_mut().cast(),
            len: bytes.len(),
        };
        let msg = MsgHdr {
            name: ptr::null_mut(),
            namelen: 0,
            iov: &mut iov,
            iovlen: 1,
            control: control.as_mut_ptr().cast(),
            controllen: space,
            flags: 0,
        };
        loop {
            // SAFETY: `msg` points at live buffers of the lengths given; the
            // kernel only reads them.
            let n = unsafe { sendmsg(sock.as_raw_fd(), &msg, MSG_NOSIGNAL) };
            if n >= 0 {
                let n = n as usize;
                // The descriptors went with the first byte; the rest is plain.
                return if n < bytes.len() {
                    std::io::Write::write_all(&mut &*sock, &bytes[n..])
                } else {
                    Ok(())
                };
            }
            let error = io::Error::last_os_error();
            if error.kind() != io::ErrorKind::Interrupted {
                return Err(error);
            }
        }
    }
}

/// Without a known `msghdr` layout: plain reads and writes, so descriptors
/// are dropped (their carrier bytes still pass).
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod fds {
    use std::io::{self, Read, Write};
    use std::os::fd::OwnedFd;
    use std::os::unix::net::UnixStream;

    /// Whether descriptors are forwarded on this platform.
    pub const FORWARDED: bool = false;

    pub fn recv(sock: &UnixStream, buf: &mut [u8], _fds: &mut Vec<OwnedFd>) -> io::Result<usize> {
        (&*sock).read(buf)
    }

    pub fn send(sock: &UnixStream, bytes: &[u8], _fds: &[OwnedFd]) -> io::Result<()> {
        (&*sock).write_all(bytes)
    }
}

/// What one direction carried besides its frames.
struct Pumped {
    /// Bytes left that do not make a whole frame (`usize::MAX`: unparsable).
    left: usize,
    /// Descriptors forwarded.
    fds: usize,
}

/// Copies `from` to `to`, logging each complete frame (before forwarding the
/// bytes that complete it, so a reply is never logged before its call), and
/// forwarding the descriptors that come with the bytes.
fn pump(from: UnixStream, mut to: UnixStream, tag: char, log: Log) -> Pumped {
    let mut split = Splitter::default();
    let mut chunk = vec![0u8; 1 << 16];
    let mut forwarded = 0;
    loop {
        let mut fds = Vec::new();
        let n = match fds::recv(&from, &mut chunk, &mut fds) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let frames = split.push(&chunk[..n]);
        if !frames.is_empty() {
            log.lock()
                .unwrap()
                .extend(frames.into_iter().map(|f| (tag, f)));
        }
        let sent = if fds.is_empty() {
            to.write_all(&chunk[..n])
        } else {
            // The read ended with the carrier byte of these descriptors.
            forwarded += fds.len();
            to.write_all(&chunk[..n - 1])
                .and_then(|()| fds::send(&to, &chunk[n - 1..n], &fds))
        };
        if sent.is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
    Pumped {
        left: if split.broken {
            usize::MAX
        } else {
            split.buf.len()
        },
        fds: forwarded,
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
    let up = up.join().unwrap();
    // The client is gone; don't wait forever for the daemon to hang up.
    let _ = server.set_read_timeout(Some(Duration::from_secs(5)));
    let down = down.join().unwrap();

    let frames = std::mem::take(&mut *log.lock().unwrap());
    let mut text = format!(
        "# scenario: {scenario}\n# recorded from libvirtd {version} with: {command}\n# date: {}\n\
         # format: one frame per line, `C <hex>` client->server, `S <hex>` server->client, in order seen\n",
        utc_now()
    );
    if up.fds + down.fds > 0 {
        text.push_str(&format!(
            "# descriptors: {} client->server, {} server->client, forwarded with their carriers\n",
            up.fds, down.fds
        ));
    }
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
    eprintln!(
        "record: {out}: {c} client frames, {s} server frames, descriptors {} up, {} down{}",
        up.fds,
        down.fds,
        if fds::FORWARDED {
            ""
        } else {
            " (not forwarded on this platform)"
        }
    );
    if up.left != 0 || down.left != 0 {
        eprintln!(
            "record: incomplete or unparsable trailing bytes (client {}, server {})",
            up.left, down.left
        );
        process::exit(1);
    }
}
