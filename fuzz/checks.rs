// The checks behind the fuzz targets, shared with the corpus replay test
// (`protocol/tests/fuzz_corpus.rs`) through `include!`, so a corpus file fails
// `cargo test` exactly when it would crash its fuzz target. Plain items only:
// no inner attributes, and no dependency beyond `bytes` and the protocol crate.
//
// Every check takes arbitrary bytes and panics only when the library breaks a
// promise; malformed input is expected and simply rejected.

use bytes::{BufMut, Bytes, BytesMut};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::PathBuf;
use std::rc::Rc;
use std::time::{Duration, Instant};
use virtwire_protocol::conn::{
    CallError, CallFrame, Config, Connection, ConnectionError, EventSink, Fd, KeepaliveConfig,
    Output, Route, RouteKey, StreamPacket, StreamRequest, StreamRequestError, StreamSink, Transmit,
    Waiter,
};
use virtwire_protocol::frame::{self, Frame, RawPayload, STREAM_CHUNK};
use virtwire_protocol::procedure::is_known_event;
use virtwire_protocol::virnet::{MessageError, MessageHeader, MessageStatus, MessageType};
use virtwire_protocol::xdr::{self, DecodeError, Encode};
use virtwire_protocol::{BodyPart, ProcedureInfo, admin, keepalive, lxc, qemu, remote};

/// One program whose bodies the checks decode.
pub struct Program {
    pub name: &'static str,
    pub program: u32,
    pub version: u32,
    pub procedures: &'static [ProcedureInfo],
    pub roundtrip: fn(i32, BodyPart, Bytes) -> Option<Result<bool, DecodeError>>,
}

/// The programs, in the order the `body` target's first byte selects them.
pub const PROGRAMS: [Program; 4] = [
    Program {
        name: "remote",
        program: remote::PROGRAM,
        version: remote::VERSION,
        procedures: remote::PROCEDURES,
        roundtrip: remote::roundtrip_body,
    },
    Program {
        name: "qemu",
        program: qemu::PROGRAM,
        version: qemu::VERSION,
        procedures: qemu::PROCEDURES,
        roundtrip: qemu::roundtrip_body,
    },
    Program {
        name: "lxc",
        program: lxc::PROGRAM,
        version: lxc::VERSION,
        procedures: lxc::PROCEDURES,
        roundtrip: lxc::roundtrip_body,
    },
    Program {
        name: "admin",
        program: admin::PROGRAM,
        version: admin::VERSION,
        procedures: admin::PROCEDURES,
        roundtrip: admin::roundtrip_body,
    },
];

/// The body parts, in the order the `body` target's fourth byte selects them.
pub const PARTS: [BodyPart; 3] = [BodyPart::Args, BodyPart::Ret, BodyPart::Message];

// ---------------------------------------------------------------------------
// frame: arbitrary bytes as a received stream.

/// Splits `data` into frames the way a connection does, all at once and again
/// fed one byte at a time, and checks that
/// - both ways yield the same frames and stop at the same place;
/// - every frame re-encodes to exactly the bytes it was decoded from (length
///   word, header, descriptor count of `*_WITH_FDS` messages, payload), and
///   exactly its descriptor carriers follow it;
/// - `Ok(None)` is returned only when the input really is incomplete;
/// - each payload that names a known procedure survives decode → encode →
///   decode as its args, ret, message or error type.
pub fn check_frame(data: &[u8]) {
    let whole = split_frames(data, data.len().max(1));
    let bytewise = split_frames(data, 1);
    assert_eq!(whole, bytewise, "splitting depends on how the bytes arrive");
    let (frames, _) = whole;
    let mut at = 0;
    for (f, consumed) in &frames {
        let rest = &data[at..];
        let len = be32(rest) as usize;
        let carriers = f.num_fds as usize;
        assert_eq!(
            reencode(f)[..],
            rest[..len],
            "frame does not re-encode to its bytes: {f:?}"
        );
        assert_eq!(
            *consumed,
            len + carriers,
            "a frame must take its length and exactly its carriers: {f:?}"
        );
        if !frame::has_fds(f.header.r#type) {
            assert_eq!(f.num_fds, 0, "descriptors on a message type without them");
        }
        at += consumed;
        check_payload(f);
    }
}

/// How the frames of `data` came out when it arrives `chunk` bytes at a time,
/// each with the number of bytes it took, and the error that stopped them.
fn split_frames(data: &[u8], chunk: usize) -> (Vec<(Frame, usize)>, Option<String>) {
    let mut buf = BytesMut::new();
    let mut frames = Vec::new();
    for piece in data.chunks(chunk) {
        buf.extend_from_slice(piece);
        loop {
            let before = buf.len();
            match frame::decode_frame(&mut buf) {
                Ok(Some(f)) => {
                    frames.push((f, before - buf.len()));
                }
                Ok(None) => {
                    assert_eq!(buf.len(), before, "Ok(None) consumed bytes");
                    assert!(
                        incomplete(&buf),
                        "Ok(None) on a complete frame: {:02x?}",
                        &buf[..]
                    );
                    break;
                }
                Err(e) => return (frames, Some(format!("{e:?}"))),
            }
        }
    }
    (frames, None)
}

/// Whether `buf` holds less than the frame its length word announces.
fn incomplete(buf: &[u8]) -> bool {
    if buf.len() < 28 {
        return true;
    }
    let len = be32(buf) as usize;
    if buf.len() < len {
        return true;
    }
    let kind = be32(&buf[16..]);
    // CALL_WITH_FDS and REPLY_WITH_FDS: the carriers follow the frame.
    (kind == 4 || kind == 5) && len >= 32 && buf.len() < len + be32(&buf[28..]) as usize
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// The bytes a frame travels as, without its descriptor carriers.
fn reencode(f: &Frame) -> BytesMut {
    let mut payload = BytesMut::new();
    if frame::has_fds(f.header.r#type) {
        payload.put_u32(f.num_fds);
    }
    payload.extend_from_slice(&f.body);
    let mut out = BytesMut::new();
    frame::encode_message(&f.header, &RawPayload(payload.freeze()), &mut out)
        .expect("a decoded frame is within the size limit");
    out
}

/// Round-trips a frame's payload as the type its header says it is.
fn check_payload(f: &Frame) {
    let h = &f.header;
    if h.prog == keepalive::PROGRAM {
        // Keepalive messages carry no payload; nothing to decode.
        return;
    }
    let Some(program) = PROGRAMS
        .iter()
        .find(|p| p.program == h.prog && p.version == h.vers)
    else {
        return;
    };
    let part = match (h.r#type, h.status) {
        (MessageType::Reply | MessageType::ReplyWithFds, MessageStatus::Error) => {
            let _ = xdr::check_roundtrip::<MessageError>(f.body.clone());
            return;
        }
        (MessageType::Call | MessageType::CallWithFds, _) => BodyPart::Args,
        (MessageType::Reply | MessageType::ReplyWithFds, _) => BodyPart::Ret,
        (MessageType::Message, _) => BodyPart::Message,
        // Stream data is raw bytes; no other type decodes (the enums are
        // `non_exhaustive` for code outside the protocol crate only).
        _ => return,
    };
    let _ = (program.roundtrip)(h.proc, part, f.body.clone());
}

// ---------------------------------------------------------------------------
// body: arbitrary bytes as one procedure's payload.

/// Input layout: byte 0 picks the program (mod 4); bytes 1–2 (big endian) are
/// a procedure number of that program, or else an index into its table (mod
/// its length); byte 3 picks the part (args, ret, message; mod 3); the rest is
/// the payload. The generated `roundtrip_body` panics when decode → encode →
/// decode disagrees.
pub fn check_body(data: &[u8]) {
    let Some((procedure, part, body)) = body_input(data) else {
        return;
    };
    let program = &PROGRAMS[usize::from(data[0]) % PROGRAMS.len()];
    let result = (program.roundtrip)(procedure.number, part, Bytes::copy_from_slice(body));
    assert!(
        result.is_some(),
        "{} procedure {} is in the table but unknown",
        program.name,
        procedure.name
    );
}

/// The procedure, part and payload a `body` input selects.
pub fn body_input(data: &[u8]) -> Option<(&'static ProcedureInfo, BodyPart, &[u8])> {
    if data.len() < 4 {
        return None;
    }
    let program = &PROGRAMS[usize::from(data[0]) % PROGRAMS.len()];
    let table = program.procedures;
    if table.is_empty() {
        return None;
    }
    let n = u16::from_be_bytes([data[1], data[2]]);
    let procedure = table
        .iter()
        .find(|p| p.number == i32::from(n))
        .unwrap_or(&table[usize::from(n) % table.len()]);
    Some((
        procedure,
        PARTS[usize::from(data[3]) % PARTS.len()],
        &data[4..],
    ))
}

/// A `body` input: the inverse of [`body_input`], for building seeds.
pub fn body_seed(program: usize, number: i32, part: BodyPart, payload: &[u8]) -> Vec<u8> {
    let part = PARTS.iter().position(|p| *p == part).unwrap() as u8;
    let mut out = vec![program as u8];
    out.extend_from_slice(&(number as u16).to_be_bytes());
    out.push(part);
    out.extend_from_slice(payload);
    out
}

// ---------------------------------------------------------------------------
// connection: a script of operations against the sans-IO core.

/// Reads a script from fuzzer bytes; past the end every read is zero.
pub struct Script<'a> {
    data: &'a [u8],
}

impl<'a> Script<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { data }
    }
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
    pub fn u8(&mut self) -> u8 {
        match self.data.split_first() {
            Some((b, rest)) => {
                self.data = rest;
                *b
            }
            None => 0,
        }
    }
    pub fn u16(&mut self) -> u16 {
        u16::from_be_bytes([self.u8(), self.u8()])
    }
    pub fn u32(&mut self) -> u32 {
        u32::from_be_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }
    /// Up to `max` bytes, the count read first.
    pub fn bytes(&mut self, max: usize) -> &'a [u8] {
        let n = (usize::from(self.u8()) % (max + 1)).min(self.data.len());
        let (taken, rest) = self.data.split_at(n);
        self.data = rest;
        taken
    }
}

/// The operations of a `connection` script, by the tag byte (mod their count).
/// [`Op::encode`] writes one back, for building seeds.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Start a call of `procedure` of program `program` bits 0–1 with `args`;
    /// bits 2–3: descriptors it carries (a `CALL_WITH_FDS` unless none), bit
    /// 4: its caller is gone before it starts.
    Start {
        program: u8,
        procedure: u16,
        args: Vec<u8>,
    },
    /// Receive a reply to the call sent `pick`-th among those awaiting one
    /// (mod their count; or to serial `serial` when none is), split in two at
    /// `split` with a `process_input` between, `flags` bit 0: `REPLY_WITH_FDS`,
    /// bit 1: wrong procedure, bit 2: wrong program, bit 3: wrong serial;
    /// `status` (mod 3: OK, ERROR, CONTINUE). `fds` bit 7 clear: bits 0–1 are
    /// the descriptors announced, bits 2–3 how many fewer arrive; bit 7 set:
    /// bits 0–5 (mod 40) are announced and all arrive (up to the check's
    /// budget); bit 6: one descriptor more arrives. Real descriptors (socket pairs)
    /// arrive with the reply's last byte.
    Reply {
        pick: u8,
        serial: u32,
        flags: u8,
        fds: u8,
        status: u8,
        split: u8,
        body: Vec<u8>,
    },
    /// Receive arbitrary bytes.
    Garbage { bytes: Vec<u8> },
    /// Receive a well-formed message of type `kind` (mod 7) for program
    /// `program` (mod 6: the four, keepalive, unknown) with `body`.
    Message {
        program: u8,
        kind: u8,
        procedure: u16,
        serial: u32,
        body: Vec<u8>,
    },
    /// Receive a keepalive PING (`pong` false) or PONG.
    Keepalive { pong: bool },
    /// Let `millis` pass and call `handle_timeout` (when `poll_timeout` says so,
    /// unless `force`).
    Advance { millis: u16, force: bool },
    /// The caller of the call started `pick`-th (mod their count) goes away.
    Cancel { pick: u8 },
    /// The peer closes the socket.
    Eof,
    /// The client closes the connection.
    Shutdown,
    /// Turn client keepalive on or off (`config` as in the config byte).
    SetKeepalive { config: u8 },
    /// Start a call of `procedure` that opens a stream: `flags` bits 0–1 the
    /// program, bit 2 sparse, bit 3 its caller is gone before it starts.
    OpenStream { flags: u8, procedure: u16 },
    /// The daemon sends a packet on the stream opened `pick`-th (bits 0–5,
    /// mod their count; bit 7, or none opened: on serial `arg`; bit 6: naming
    /// another procedure). `kind` (mod 9): data `body`, EOF, a hole of length `arg`
    /// (bit 31: near `i64::MAX`), a hole of negative length, STREAM OK,
    /// STREAM ERROR with a libvirt error, STREAM ERROR with `body`, a hole
    /// packet with `body`, a hole packet with status OK or ERROR.
    StreamIn {
        pick: u8,
        kind: u8,
        arg: u32,
        body: Vec<u8>,
    },
    /// The client sends on the stream opened `pick`-th (bits 0–5; bit 7, or
    /// none opened: on serial `arg`); `kind` (mod 4): data (`arg` mod 64 bytes, or
    /// about a chunk with bit 4), a hole of `arg` bytes (too long with bit 4),
    /// finish, abort.
    StreamSend { pick: u8, kind: u8, arg: u32 },
    /// `len` bytes of the stream opened `pick`-th (bit 7: an unknown serial)
    /// were written.
    StreamWritten { pick: u8, len: u16 },
    /// The sink of the stream opened `pick`-th becomes full or not; the driver
    /// then pauses reading as `wants_read_pause` says.
    SetFull { pick: u8, full: bool },
    /// Start an event registration, a call of `register`, routing events of
    /// `procedure`: `flags` bit 0 the route carries a callback id, bits 1–2
    /// the program, bit 3 its caller is gone before it starts.
    Subscribe {
        flags: u8,
        procedure: u16,
        register: u16,
    },
    /// The daemon sends an event on the route of the subscription started
    /// `route`-th (bits 0–4, mod their count; bit 7, or none started: of
    /// `procedure` of program bits 0–1); its body is the callback id `id` (bit 5: the
    /// subscription's own once known; bit 6: no id at all) then `body`.
    Event {
        route: u8,
        procedure: u16,
        id: u32,
        body: Vec<u8>,
    },
    /// Unsubscribe the route of the subscription started `pick`-th (bits 0–6,
    /// mod their count; with callback id `id` while its own is unknown; bit 7:
    /// an unknown route).
    Unsubscribe { pick: u8, id: u32 },
    /// `count` (mod 4) descriptors arrive with no bytes.
    Fds { count: u8 },
}

const OPS: u8 = 19;

impl Op {
    pub fn read(s: &mut Script<'_>) -> Op {
        match s.u8() % OPS {
            0 => Op::Start {
                program: s.u8(),
                procedure: s.u16(),
                args: s.bytes(32).to_vec(),
            },
            1 => Op::Reply {
                pick: s.u8(),
                serial: s.u32(),
                flags: s.u8(),
                fds: s.u8(),
                status: s.u8(),
                split: s.u8(),
                body: s.bytes(64).to_vec(),
            },
            2 => Op::Garbage {
                bytes: s.bytes(96).to_vec(),
            },
            3 => Op::Message {
                program: s.u8(),
                kind: s.u8(),
                procedure: s.u16(),
                serial: s.u32(),
                body: s.bytes(64).to_vec(),
            },
            4 => Op::Keepalive {
                pong: s.u8() & 1 == 1,
            },
            5 => {
                let millis = s.u16();
                Op::Advance {
                    millis,
                    force: s.u8() & 1 == 1,
                }
            }
            6 => Op::Cancel { pick: s.u8() },
            7 => Op::Eof,
            8 => Op::Shutdown,
            9 => Op::SetKeepalive { config: s.u8() },
            10 => Op::OpenStream {
                flags: s.u8(),
                procedure: s.u16(),
            },
            11 => Op::StreamIn {
                pick: s.u8(),
                kind: s.u8(),
                arg: s.u32(),
                body: s.bytes(64).to_vec(),
            },
            12 => Op::StreamSend {
                pick: s.u8(),
                kind: s.u8(),
                arg: s.u32(),
            },
            13 => Op::StreamWritten {
                pick: s.u8(),
                len: s.u16(),
            },
            14 => Op::SetFull {
                pick: s.u8(),
                full: s.u8() & 1 == 1,
            },
            15 => Op::Subscribe {
                flags: s.u8(),
                procedure: s.u16(),
                register: s.u16(),
            },
            16 => Op::Event {
                route: s.u8(),
                procedure: s.u16(),
                id: s.u32(),
                body: s.bytes(32).to_vec(),
            },
            17 => Op::Unsubscribe {
                pick: s.u8(),
                id: s.u32(),
            },
            _ => Op::Fds { count: s.u8() },
        }
    }

    pub fn encode(&self, out: &mut Vec<u8>) {
        fn bytes(out: &mut Vec<u8>, b: &[u8]) {
            out.push(b.len() as u8);
            out.extend_from_slice(b);
        }
        match self {
            Op::Start {
                program,
                procedure,
                args,
            } => {
                out.extend([0, *program]);
                out.extend(procedure.to_be_bytes());
                bytes(out, args);
            }
            Op::Reply {
                pick,
                serial,
                flags,
                fds,
                status,
                split,
                body,
            } => {
                out.extend([1, *pick]);
                out.extend(serial.to_be_bytes());
                out.extend([*flags, *fds, *status, *split]);
                bytes(out, body);
            }
            Op::Garbage { bytes: b } => {
                out.push(2);
                bytes(out, b);
            }
            Op::Message {
                program,
                kind,
                procedure,
                serial,
                body,
            } => {
                out.extend([3, *program, *kind]);
                out.extend(procedure.to_be_bytes());
                out.extend(serial.to_be_bytes());
                bytes(out, body);
            }
            Op::Keepalive { pong } => out.extend([4, u8::from(*pong)]),
            Op::Advance { millis, force } => {
                out.push(5);
                out.extend(millis.to_be_bytes());
                out.push(u8::from(*force));
            }
            Op::Cancel { pick } => out.extend([6, *pick]),
            Op::Eof => out.push(7),
            Op::Shutdown => out.push(8),
            Op::SetKeepalive { config } => out.extend([9, *config]),
            Op::OpenStream { flags, procedure } => {
                out.extend([10, *flags]);
                out.extend(procedure.to_be_bytes());
            }
            Op::StreamIn {
                pick,
                kind,
                arg,
                body,
            } => {
                out.extend([11, *pick, *kind]);
                out.extend(arg.to_be_bytes());
                bytes(out, body);
            }
            Op::StreamSend { pick, kind, arg } => {
                out.extend([12, *pick, *kind]);
                out.extend(arg.to_be_bytes());
            }
            Op::StreamWritten { pick, len } => {
                out.extend([13, *pick]);
                out.extend(len.to_be_bytes());
            }
            Op::SetFull { pick, full } => out.extend([14, *pick, u8::from(*full)]),
            Op::Subscribe {
                flags,
                procedure,
                register,
            } => {
                out.extend([15, *flags]);
                out.extend(procedure.to_be_bytes());
                out.extend(register.to_be_bytes());
            }
            Op::Event {
                route,
                procedure,
                id,
                body,
            } => {
                out.extend([16, *route]);
                out.extend(procedure.to_be_bytes());
                out.extend(id.to_be_bytes());
                bytes(out, body);
            }
            Op::Unsubscribe { pick, id } => {
                out.extend([17, *pick]);
                out.extend(id.to_be_bytes());
            }
            Op::Fds { count } => out.extend([18, *count]),
        }
    }
}

/// A `connection` input: a config byte then the operations.
pub fn connection_seed(config: u8, ops: &[Op]) -> Vec<u8> {
    let mut out = vec![config];
    for op in ops {
        op.encode(&mut out);
    }
    out
}

#[derive(Debug)]
struct TestWaiter {
    id: usize,
    cancelled: Rc<Cell<bool>>,
}

impl Waiter for TestWaiter {
    fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }
}

/// Everything a stream's sink was given.
#[derive(Debug, Default)]
struct StreamLog {
    packets: Vec<StreamPacket>,
    ends: Vec<Result<(), CallError>>,
    written: usize,
    full: bool,
}

/// A stream sink that records; the check keeps the other handle on its log.
#[derive(Debug)]
struct TestStream(Rc<RefCell<StreamLog>>);

impl StreamSink for TestStream {
    fn receive(&mut self, packet: StreamPacket) {
        let mut log = self.0.borrow_mut();
        assert!(
            log.ends.is_empty(),
            "a stream received {packet:?} after its end"
        );
        log.packets.push(packet);
    }
    fn end(&mut self, result: Result<(), CallError>) {
        let mut log = self.0.borrow_mut();
        assert!(
            log.ends.is_empty(),
            "a stream ended twice: {:?}, then {result:?}",
            log.ends
        );
        log.ends.push(result);
    }
    fn written(&mut self, len: usize) {
        self.0.borrow_mut().written += len;
    }
    fn is_full(&self) -> bool {
        self.0.borrow().full
    }
}

/// Everything a subscription's sink was given.
#[derive(Debug, Default)]
struct EventLog {
    frames: Vec<Frame>,
    closes: Vec<ConnectionError>,
}

/// An event sink that records; `id` names its subscription.
#[derive(Debug)]
struct TestEvents {
    id: usize,
    log: Rc<RefCell<EventLog>>,
}

impl EventSink for TestEvents {
    fn deliver(&mut self, frame: Frame) {
        let mut log = self.log.borrow_mut();
        assert!(
            log.closes.is_empty(),
            "subscription {} got an event after its close",
            self.id
        );
        log.frames.push(frame);
    }
    fn close(&mut self, error: &ConnectionError) {
        let mut log = self.log.borrow_mut();
        assert!(
            log.closes.is_empty(),
            "subscription {} closed twice",
            self.id
        );
        log.closes.push(error.clone());
    }
}

/// One descriptor the check handed to the core, and what must become of it.
struct FdRecord {
    raw: i32,
    /// What `/proc/self/fd/<raw>` names while it is open (`None`: no way to
    /// tell on this system).
    link: Option<PathBuf>,
    /// The socket pair's other end, kept while the check watches this one.
    keep: Option<PairEnd>,
    state: FdState,
}

/// The other end of a descriptor's socket pair (`std::io::pipe` is newer
/// than the crate's MSRV).
#[cfg(unix)]
type PairEnd = std::os::unix::net::UnixStream;

#[cfg(not(unix))]
type PairEnd = ();

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FdState {
    /// The core holds it (received, in a call, in an output it owes).
    Held,
    /// The core must have closed it.
    Dropped,
    /// Settled.
    Done,
}

/// Descriptors the check keeps track of at once; more are not created.
const FD_BUDGET: usize = 64;

fn fd_link(raw: i32) -> Option<PathBuf> {
    std::fs::read_link(format!("/proc/self/fd/{raw}")).ok()
}

impl FdRecord {
    /// Whether the descriptor is still open, when that can be told.
    fn is_open(&self) -> Option<bool> {
        let link = self.link.as_ref()?;
        Some(fd_link(self.raw).as_ref() == Some(link))
    }
}

/// A fresh descriptor: one end of a new socket pair.
#[cfg(unix)]
fn new_fd() -> Option<(Fd, FdRecord)> {
    let (end, other) = std::os::unix::net::UnixStream::pair().ok()?;
    let fd = Fd::from(end);
    let raw = raw_fd(&fd);
    let record = FdRecord {
        raw,
        link: fd_link(raw),
        keep: Some(other),
        state: FdState::Held,
    };
    Some((fd, record))
}

#[cfg(not(unix))]
fn new_fd() -> Option<(Fd, FdRecord)> {
    None
}

#[cfg(unix)]
fn raw_fd(fd: &Fd) -> i32 {
    std::os::fd::AsRawFd::as_raw_fd(fd)
}

#[cfg(not(unix))]
fn raw_fd(fd: &Fd) -> i32 {
    match *fd {}
}

/// What the check knows about one started call.
struct CallModel {
    serial: u32,
    program: u32,
    version: u32,
    procedure: i32,
    cancelled: Rc<Cell<bool>>,
    /// Seen on the wire.
    sent: bool,
    completions: u32,
    /// Started on a closed connection.
    after_close: bool,
    /// The descriptors it carries while it waits under the cap.
    queued_fds: Vec<usize>,
}

/// What a live serial leads to, in the model of the core's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    Done,
    Stream(usize),
    Subscribe(usize),
}

/// One live serial in the model of the core's table.
struct EntryModel {
    call: usize,
    /// The caller still waits for the reply.
    waiter: bool,
    /// The core sent the call (it may not have been written yet).
    sent: bool,
    then: Then,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Open,
    Finishing,
    Aborting,
}

/// How a stream must end.
#[derive(Debug, Clone, PartialEq)]
enum WantEnd {
    Ok,
    Remote,
    Decode,
    Protocol,
    Closed(ConnectionError),
}

impl WantEnd {
    fn matches(&self, got: &Result<(), CallError>) -> bool {
        match (self, got) {
            (WantEnd::Ok, Ok(())) => true,
            (WantEnd::Remote, Err(CallError::Remote(_))) => true,
            (WantEnd::Decode, Err(CallError::Decode(_))) => true,
            (WantEnd::Protocol, Err(CallError::StreamProtocol(_))) => true,
            (WantEnd::Closed(want), Err(CallError::Closed(got))) => want == got,
            _ => false,
        }
    }
}

/// What the check knows about one stream-opening call.
struct StreamModel {
    call: usize,
    serial: u32,
    sparse: bool,
    phase: Phase,
    abort_on_reply: bool,
    log: Rc<RefCell<StreamLog>>,
    /// What its sink must have received, ended with and been told written.
    packets: Vec<StreamPacket>,
    end: Option<WantEnd>,
    written: usize,
}

/// What the check knows about one registration call.
struct SubModel {
    version: u32,
    route: Route,
    /// Its route, once the reply named it.
    key: Option<RouteKey>,
    log: Rc<RefCell<EventLog>>,
    /// What its sink must have received and been closed with.
    frames: Vec<Frame>,
    closes: Vec<ConnectionError>,
}

/// The wire identity of a stream's packets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wire {
    program: u32,
    version: u32,
    procedure: i32,
    serial: u32,
}

fn wire_of(h: &MessageHeader) -> Wire {
    Wire {
        program: h.prog,
        version: h.vers,
        procedure: h.proc,
        serial: h.serial,
    }
}

/// Something the core must transmit next (timer PINGs aside).
#[derive(Debug)]
enum WantTx {
    Call { call: usize, fds: Vec<usize> },
    Pong,
    Data(Wire, Bytes),
    Hole(Wire, i64),
    Finish(Wire),
    Abort(Wire),
}

/// How a call must complete.
#[derive(Debug)]
enum WantResult {
    Ok(Bytes, Vec<usize>),
    Remote,
    Decode,
    Mismatch {
        expected: i32,
        got: i32,
    },
    UnexpectedStatus,
    /// A registration reply too short to name its callback id.
    NoCallbackId {
        remaining: usize,
    },
    Closed(ConnectionError),
}

/// The core's next output.
#[derive(Debug)]
enum WantOut {
    Completed { call: usize, result: WantResult },
    Unknown { program: u32, procedure: i32 },
    Closed(ConnectionError),
}

/// How a call is started.
enum Kind {
    Call,
    Stream { sparse: bool },
    Subscribe { route: Route, version: u32 },
}

struct Harness {
    conn: Connection<TestWaiter, TestStream, TestEvents>,
    now: Instant,
    cap: usize,
    /// What the driver last told the core with `set_read_paused`.
    paused: bool,
    calls: Vec<CallModel>,
    streams: Vec<StreamModel>,
    subs: Vec<SubModel>,
    fds: Vec<FdRecord>,
    closed_outputs: u32,
    /// The serial of the call sent last: calls leave in the order they started.
    last_sent: Option<u32>,

    // The model of the core, advanced with every call into it, and compared
    // with it after every step.
    closed: Option<ConnectionError>,
    next_serial: u32,
    entries: BTreeMap<u32, EntryModel>,
    /// Calls waiting under the cap: serial and call.
    queue: VecDeque<(u32, usize)>,
    routes: HashMap<RouteKey, usize>,
    /// The receive buffer.
    shadow: BytesMut,
    /// Descriptors received and not yet claimed.
    fd_queue: VecDeque<usize>,
    want_tx: VecDeque<WantTx>,
    want_out: VecDeque<WantOut>,
}

/// Input layout: byte 0 configures the connection (bits 0–2: in-flight cap,
/// bit 3: keepalive on, bits 4–5: its count, bits 6-7: its interval in
/// seconds − 1); then operations ([`Op::read`]) until the bytes run out.
///
/// The check keeps its own model of the core: the receive buffer (split into
/// frames the same way), the table of live serials, the queue under the cap,
/// the event routes and the unclaimed descriptors. After every step it checks
/// that
/// - the core transmitted exactly what the model says, in order, as
///   well-formed frames: each call once, under its serial, in the order the
///   calls started (a call whose caller left before it started never), its
///   descriptors with it; a PONG for each PING; stream data split into
///   header and chunk, holes, finishes and aborts on their stream;
/// - the outputs are exactly the model's: each call completes once, under its
///   serial, with the reply's payload and descriptors, error or mismatch;
///   unknown events are reported; `Closed` comes once, last, with the reason;
/// - no serial of a live call or stream is handed out again;
/// - calls in flight never exceed the cap, and match the model, as do the
///   queued calls, open streams, subscriptions, `wants_read_pause` and whether
///   (and why) the connection is closed;
/// - every stream sink got exactly the packets of its serial sent while it was
///   open, at most one end (never followed by a packet), and after a close one
///   `Err(Closed)`; `stream_send` refuses exactly when the model does;
/// - every event reached the one sink of its route, and each subscription
///   was closed once when the connection closed;
/// - the core keeps a sink exactly as long as the model says it is live;
/// - every descriptor handed in comes back in its reply or call, or is closed
///   as soon as the core drops it (checked through `/proc/self/fd`);
/// - while reading is paused, keepalive neither times out nor closes, even
///   once `set_keepalive` restarted it.
///
/// Finally it shuts the connection down, checks that every call whose caller
/// did not go away completed exactly once, drops the core and checks that no
/// sink or descriptor outlives it.
pub fn check_connection(data: &[u8]) {
    let mut s = Script::new(data);
    let config = s.u8();
    let now = Instant::now();
    let keepalive = keepalive_config(config);
    let cap = usize::from(config & 7);
    let conn = Connection::new(
        Config {
            max_in_flight: cap,
            keepalive,
        },
        now,
    );
    let mut h = Harness {
        conn,
        now,
        cap: cap.max(1),
        paused: false,
        calls: Vec::new(),
        streams: Vec::new(),
        subs: Vec::new(),
        fds: Vec::new(),
        closed_outputs: 0,
        last_sent: None,
        closed: None,
        next_serial: 0,
        entries: BTreeMap::new(),
        queue: VecDeque::new(),
        routes: HashMap::new(),
        shadow: BytesMut::new(),
        fd_queue: VecDeque::new(),
        want_tx: VecDeque::new(),
        want_out: VecDeque::new(),
    };
    let mut steps = 0;
    while !s.is_empty() && steps < 512 {
        steps += 1;
        let op = Op::read(&mut s);
        h.apply(op);
        h.check();
    }
    h.conn.close(ConnectionError::Shutdown);
    h.closed_by(ConnectionError::Shutdown);
    h.drain();
    h.check();
    assert_eq!(h.closed_outputs, 1, "Closed must be emitted exactly once");
    assert_eq!(
        (
            h.conn.in_flight(),
            h.conn.queued(),
            h.conn.open_streams(),
            h.conn.subscriptions()
        ),
        (0, 0, 0, 0),
        "calls, streams or subscriptions left after close"
    );
    assert!(
        !h.conn.wants_read_pause(),
        "a closed connection wants a pause"
    );
    for (id, call) in h.calls.iter().enumerate() {
        if !call.cancelled.get() {
            assert_eq!(
                call.completions, 1,
                "call {id} (serial {}) did not complete exactly once",
                call.serial
            );
        }
    }
    h.finish();
}

/// Bit 3: keepalive on; bits 4–5: unanswered pings allowed; bits 6–7: the
/// interval in seconds − 1.
fn keepalive_config(config: u8) -> Option<KeepaliveConfig> {
    (config & 0x08 != 0).then(|| KeepaliveConfig {
        interval: Duration::from_secs(u64::from(config >> 6) + 1),
        count: u32::from((config >> 4) & 3),
    })
}

fn encode_frame(header: &MessageHeader, payload: &[u8]) -> BytesMut {
    let mut bytes = BytesMut::new();
    frame::encode_message(
        header,
        &RawPayload(Bytes::copy_from_slice(payload)),
        &mut bytes,
    )
    .expect("small messages encode");
    bytes
}

impl Harness {
    fn apply(&mut self, op: Op) {
        match op {
            Op::Start {
                program,
                procedure,
                args,
            } => {
                let p = &PROGRAMS[usize::from(program & 3)];
                let procedure = i32::from(procedure);
                let (fds, ids) = self.new_fds(usize::from((program >> 2) & 3));
                let args = RawPayload(Bytes::from(args));
                let call = if fds.is_empty() {
                    CallFrame::encode(p.program, p.version, procedure, &args)
                } else {
                    CallFrame::encode_with_fds(p.program, p.version, procedure, &args, fds)
                }
                .expect("small calls encode");
                let id = (p.program, p.version, procedure);
                self.begin(call, id, Kind::Call, program & 0x10 != 0, ids);
            }
            Op::Reply {
                pick,
                serial,
                flags,
                fds,
                status,
                split,
                body,
            } => {
                let awaiting: Vec<usize> = (0..self.calls.len())
                    .filter(|&i| self.calls[i].sent && self.calls[i].completions == 0)
                    .collect();
                let mut header = match awaiting.get(usize::from(pick) % awaiting.len().max(1)) {
                    Some(&id) => {
                        let c = &self.calls[id];
                        frame::header(
                            c.program,
                            c.version,
                            c.procedure,
                            MessageType::Reply,
                            c.serial,
                            MessageStatus::Ok,
                        )
                    }
                    None => {
                        let p = &PROGRAMS[0];
                        frame::header(
                            p.program,
                            p.version,
                            1,
                            MessageType::Reply,
                            serial,
                            MessageStatus::Ok,
                        )
                    }
                };
                let with_fds = flags & 1 != 0;
                let (announced, short) = if fds & 0x80 != 0 {
                    (u32::from(fds & 0x3f) % 40, 0)
                } else {
                    (u32::from(fds & 3), u32::from((fds >> 2) & 3))
                };
                let mut supplied = 0;
                if with_fds {
                    header.r#type = MessageType::ReplyWithFds;
                    if announced <= frame::NUM_FDS_MAX {
                        supplied = announced.saturating_sub(short) as usize;
                    }
                }
                supplied += usize::from(fds & 0x40 != 0);
                if flags & 2 != 0 {
                    header.proc = header.proc.wrapping_add(1);
                }
                if flags & 4 != 0 {
                    header.prog = header.prog.wrapping_add(1);
                }
                if flags & 8 != 0 {
                    header.serial = serial;
                }
                header.status = [
                    MessageStatus::Ok,
                    MessageStatus::Error,
                    MessageStatus::Continue,
                ][usize::from(status % 3)];
                let mut payload = BytesMut::new();
                if with_fds {
                    payload.put_u32(announced);
                }
                payload.extend_from_slice(&body);
                let mut bytes = encode_frame(&header, &payload);
                if with_fds {
                    bytes.put_bytes(0, announced as usize);
                }
                // The descriptors come with the carriers, at the end.
                let at = usize::from(split).min(bytes.len());
                let (first, second) = bytes.split_at(at);
                if second.is_empty() {
                    self.hand_fds(supplied);
                }
                self.feed(first);
                if !second.is_empty() {
                    self.drain();
                    self.hand_fds(supplied);
                    self.feed(second);
                }
                self.drain();
            }
            Op::Garbage { bytes } => {
                self.feed(&bytes);
                self.drain();
            }
            Op::Message {
                program,
                kind,
                procedure,
                serial,
                body,
            } => {
                let (prog, vers) = match program % 6 {
                    n @ 0..=3 => (
                        PROGRAMS[usize::from(n)].program,
                        PROGRAMS[usize::from(n)].version,
                    ),
                    4 => (keepalive::PROGRAM, keepalive::VERSION),
                    _ => (0x1234_5678, 1),
                };
                let kind = [
                    MessageType::Call,
                    MessageType::Reply,
                    MessageType::Message,
                    MessageType::Stream,
                    MessageType::CallWithFds,
                    MessageType::ReplyWithFds,
                    MessageType::StreamHole,
                ][usize::from(kind % 7)];
                let header = frame::header(
                    prog,
                    vers,
                    i32::from(procedure),
                    kind,
                    serial,
                    MessageStatus::Ok,
                );
                let mut payload = BytesMut::new();
                if frame::has_fds(kind) {
                    payload.put_u32(0);
                }
                payload.extend_from_slice(&body);
                let bytes = encode_frame(&header, &payload);
                self.feed(&bytes);
                self.drain();
            }
            Op::Keepalive { pong } => {
                let procedure = if pong {
                    keepalive::ProcedureNumber::Pong
                } else {
                    keepalive::ProcedureNumber::Ping
                };
                let header = frame::header(
                    keepalive::PROGRAM,
                    keepalive::VERSION,
                    procedure as i32,
                    MessageType::Message,
                    0,
                    MessageStatus::Ok,
                );
                let bytes = encode_frame(&header, &[]);
                self.feed(&bytes);
                self.drain();
            }
            Op::Advance { millis, force } => {
                self.now += Duration::from_millis(u64::from(millis));
                let was_open = self.conn.closed().is_none();
                if force || self.conn.poll_timeout().is_some_and(|t| t <= self.now) {
                    self.conn.handle_timeout(self.now);
                }
                if let Some(e) = self.conn.closed().cloned() {
                    if was_open {
                        assert_eq!(e, ConnectionError::KeepaliveTimeout);
                        assert!(!self.paused, "keepalive closed a paused connection");
                    }
                    self.closed_by(e);
                }
                self.drain();
            }
            Op::Cancel { pick } => {
                if !self.calls.is_empty() {
                    let n = self.calls.len();
                    self.calls[usize::from(pick) % n].cancelled.set(true);
                }
            }
            Op::Eof => {
                self.conn.handle_eof();
                self.closed_by(ConnectionError::Eof);
                self.drain();
            }
            Op::Shutdown => {
                self.conn.close(ConnectionError::Shutdown);
                self.closed_by(ConnectionError::Shutdown);
                self.drain();
            }
            Op::SetKeepalive { config } => {
                let keepalive = keepalive_config(config);
                self.conn.set_keepalive(keepalive, self.now);
                // The keepalive starts afresh, but keeps a read pause: the
                // driver has not resumed reading.
                if keepalive.is_none() || self.paused {
                    assert!(
                        self.conn.poll_timeout().is_none(),
                        "a timeout with keepalive off or reading paused"
                    );
                }
                self.drain();
            }
            Op::OpenStream { flags, procedure } => {
                let p = &PROGRAMS[usize::from(flags & 3)];
                let procedure = i32::from(procedure);
                let call = CallFrame::encode(p.program, p.version, procedure, &())
                    .expect("small calls encode");
                let sparse = flags & 4 != 0;
                let id = (p.program, p.version, procedure);
                self.begin(
                    call,
                    id,
                    Kind::Stream { sparse },
                    flags & 8 != 0,
                    Vec::new(),
                );
            }
            Op::StreamIn {
                pick,
                kind,
                arg,
                body,
            } => {
                let mut wire = match self.pick_stream(pick) {
                    Some(s) => self.stream_wire(s),
                    None => Wire {
                        program: remote::PROGRAM,
                        version: remote::VERSION,
                        procedure: 209,
                        serial: arg,
                    },
                };
                if pick & 0x40 != 0 {
                    wire.procedure = wire.procedure.wrapping_add(1);
                }
                let hole = |length: i64| {
                    let mut b = BytesMut::new();
                    b.put_i64(length);
                    b.put_u32(0);
                    b.to_vec()
                };
                let error = || {
                    let e = MessageError {
                        code: arg as i32,
                        domain: 10,
                        message: None,
                        level: 2,
                        dom: None,
                        str1: None,
                        str2: None,
                        str3: None,
                        int1: -1,
                        int2: -1,
                        net: None,
                    };
                    let mut b = BytesMut::new();
                    e.encode(&mut b).expect("an error encodes");
                    b.to_vec()
                };
                use MessageStatus as St;
                use MessageType as Ty;
                let (kind, status, payload) = match kind % 9 {
                    0 => (Ty::Stream, St::Continue, body),
                    1 => (Ty::Stream, St::Continue, Vec::new()),
                    2 => {
                        let length = if arg & 0x8000_0000 != 0 {
                            i64::MAX - i64::from(arg & 0x7fff_ffff)
                        } else {
                            i64::from(arg)
                        };
                        (Ty::StreamHole, St::Continue, hole(length))
                    }
                    3 => {
                        let length = if arg == u32::MAX {
                            i64::MIN
                        } else {
                            -1 - i64::from(arg)
                        };
                        (Ty::StreamHole, St::Continue, hole(length))
                    }
                    4 => (Ty::Stream, St::Ok, body),
                    5 => (Ty::Stream, St::Error, error()),
                    6 => (Ty::Stream, St::Error, body),
                    7 => (Ty::StreamHole, St::Continue, body),
                    _ => (
                        Ty::StreamHole,
                        if arg & 1 != 0 { St::Ok } else { St::Error },
                        body,
                    ),
                };
                let header = frame::header(
                    wire.program,
                    wire.version,
                    wire.procedure,
                    kind,
                    wire.serial,
                    status,
                );
                let bytes = encode_frame(&header, &payload);
                self.feed(&bytes);
                self.drain();
            }
            Op::StreamSend { pick, kind, arg } => {
                let serial = match self.pick_stream(pick) {
                    Some(s) => self.streams[s].serial,
                    None => arg,
                };
                let big = kind & 0x10 != 0;
                let request = match kind % 4 {
                    0 => {
                        let len = if big {
                            STREAM_CHUNK - 32 + arg as usize % 64
                        } else {
                            arg as usize % 64
                        };
                        StreamRequest::Data(Bytes::from(vec![arg as u8 | 1; len]))
                    }
                    1 => StreamRequest::Hole(if big {
                        u64::MAX - u64::from(arg)
                    } else {
                        u64::from(arg)
                    }),
                    2 => StreamRequest::Finish,
                    _ => StreamRequest::Abort,
                };
                let want = self.model_stream_send(serial, &request);
                let got = self.conn.stream_send(serial, request);
                assert_eq!(got, want, "stream_send on serial {serial}");
                self.drain();
            }
            Op::StreamWritten { pick, len } => {
                let serial = match self.pick_stream(pick) {
                    Some(s) => self.streams[s].serial,
                    None => 0xffff_ff00 | u32::from(pick),
                };
                self.conn.stream_written(serial, usize::from(len));
                if let Some(Then::Stream(s)) = self.entries.get(&serial).map(|e| e.then) {
                    self.streams[s].written += usize::from(len);
                }
            }
            Op::SetFull { pick, full } => {
                if let Some(s) = self.pick_stream(pick) {
                    self.streams[s].log.borrow_mut().full = full;
                }
                // As a driver does: pause reading while some sink is full.
                let pause = self.conn.wants_read_pause();
                self.conn.set_read_paused(pause, self.now);
                self.paused = pause;
                if pause {
                    assert!(
                        self.conn.poll_timeout().is_none(),
                        "a keepalive timeout while reading is paused"
                    );
                }
            }
            Op::Subscribe {
                flags,
                procedure,
                register,
            } => {
                let p = &PROGRAMS[usize::from((flags >> 1) & 3)];
                let route = Route {
                    program: p.program,
                    procedure: i32::from(procedure),
                    with_callback_id: flags & 1 != 0,
                };
                let register = i32::from(register);
                let call = CallFrame::encode(p.program, p.version, register, &())
                    .expect("small calls encode");
                let kind = Kind::Subscribe {
                    route,
                    version: p.version,
                };
                let id = (p.program, p.version, register);
                self.begin(call, id, kind, flags & 8 != 0, Vec::new());
            }
            Op::Event {
                route,
                procedure,
                id,
                body,
            } => {
                let sub = (route & 0x80 == 0 && !self.subs.is_empty())
                    .then(|| usize::from(route & 0x1f) % self.subs.len());
                let (program, version, procedure) = match sub {
                    Some(s) => {
                        let sub = &self.subs[s];
                        (sub.route.program, sub.version, sub.route.procedure)
                    }
                    None => {
                        let p = &PROGRAMS[usize::from(route & 3)];
                        (p.program, p.version, i32::from(procedure))
                    }
                };
                let mut payload = BytesMut::new();
                if route & 0x40 == 0 {
                    let own = sub
                        .and_then(|s| self.subs[s].key)
                        .and_then(|k| k.callback_id);
                    payload.put_i32(match own {
                        Some(own) if route & 0x20 != 0 => own,
                        _ => id as i32,
                    });
                }
                payload.extend_from_slice(&body);
                let header = frame::header(
                    program,
                    version,
                    procedure,
                    MessageType::Message,
                    0,
                    MessageStatus::Ok,
                );
                let bytes = encode_frame(&header, &payload);
                self.feed(&bytes);
                self.drain();
            }
            Op::Unsubscribe { pick, id } => {
                let sub = (pick & 0x80 == 0 && !self.subs.is_empty())
                    .then(|| usize::from(pick & 0x7f) % self.subs.len());
                let key = match sub {
                    Some(s) => {
                        let sub = &self.subs[s];
                        sub.key.unwrap_or(RouteKey {
                            program: sub.route.program,
                            procedure: sub.route.procedure,
                            callback_id: sub.route.with_callback_id.then_some(id as i32),
                        })
                    }
                    None => RouteKey {
                        program: PROGRAMS[usize::from(pick & 3)].program,
                        procedure: 9999,
                        callback_id: Some(id as i32),
                    },
                };
                let got = self.conn.unsubscribe(&key).map(|sink| sink.id);
                let want = self.routes.remove(&key);
                assert_eq!(got, want, "unsubscribe({key:?}) returned another sink");
            }
            Op::Fds { count } => {
                self.hand_fds(usize::from(count % 4));
                self.conn.process_input(self.now);
                self.model_process();
                self.drain();
            }
        }
    }

    /// The stream opened `pick` (bits 0–5) -th, unless bit 7 asks for none.
    fn pick_stream(&self, pick: u8) -> Option<usize> {
        (pick & 0x80 == 0 && !self.streams.is_empty())
            .then(|| usize::from(pick & 0x3f) % self.streams.len())
    }

    fn stream_wire(&self, s: usize) -> Wire {
        let st = &self.streams[s];
        let c = &self.calls[st.call];
        Wire {
            program: c.program,
            version: c.version,
            procedure: c.procedure,
            serial: st.serial,
        }
    }

    /// Up to `n` new descriptors (fewer past the budget), with their records.
    fn new_fds(&mut self, n: usize) -> (Vec<Fd>, Vec<usize>) {
        let (mut fds, mut ids) = (Vec::new(), Vec::new());
        let watched = self.fds.iter().filter(|r| r.state != FdState::Done).count();
        for _ in 0..n.min(FD_BUDGET.saturating_sub(watched)) {
            let Some((fd, record)) = new_fd() else {
                break;
            };
            ids.push(self.fds.len());
            self.fds.push(record);
            fds.push(fd);
        }
        (fds, ids)
    }

    /// Hands the core `n` descriptors, as the transport received them.
    fn hand_fds(&mut self, n: usize) {
        let (fds, ids) = self.new_fds(n);
        for id in ids {
            if self.closed.is_some() {
                // Nothing will claim them: the core closes them at once.
                self.fds[id].state = FdState::Dropped;
            } else {
                self.fd_queue.push_back(id);
            }
        }
        self.conn.receive_fds(fds);
    }

    fn drop_fds(&mut self, ids: Vec<usize>) {
        for id in ids {
            self.fds[id].state = FdState::Dropped;
        }
    }

    /// Starts a call of `id` (program, version, procedure) in the core and
    /// in the model.
    fn begin(
        &mut self,
        call: CallFrame,
        id: (u32, u32, i32),
        kind: Kind,
        gone: bool,
        fds: Vec<usize>,
    ) {
        let call_id = self.calls.len();
        let cancelled = Rc::new(Cell::new(gone));
        let waiter = TestWaiter {
            id: call_id,
            cancelled: cancelled.clone(),
        };
        let (serial, then) = match kind {
            Kind::Call => (self.conn.start_call(call, waiter), Then::Done),
            Kind::Stream { sparse } => {
                let log = Rc::new(RefCell::new(StreamLog::default()));
                let sink = TestStream(log.clone());
                let serial = self.conn.start_stream(call, waiter, sink, sparse);
                self.streams.push(StreamModel {
                    call: call_id,
                    serial,
                    sparse,
                    phase: Phase::Open,
                    abort_on_reply: false,
                    log,
                    packets: Vec::new(),
                    end: None,
                    written: 0,
                });
                (serial, Then::Stream(self.streams.len() - 1))
            }
            Kind::Subscribe { route, version } => {
                let log = Rc::new(RefCell::new(EventLog::default()));
                let sink = TestEvents {
                    id: self.subs.len(),
                    log: log.clone(),
                };
                let serial = self.conn.start_subscription(call, waiter, route, sink);
                self.subs.push(SubModel {
                    version,
                    route,
                    key: None,
                    log,
                    frames: Vec::new(),
                    closes: Vec::new(),
                });
                (serial, Then::Subscribe(self.subs.len() - 1))
            }
        };
        let want = self.allocate_serial();
        assert_eq!(
            serial, want,
            "serials go up one by one, skipping those still in use"
        );
        let after_close = self.closed.is_some();
        self.calls.push(CallModel {
            serial,
            program: id.0,
            version: id.1,
            procedure: id.2,
            cancelled,
            sent: false,
            completions: 0,
            after_close,
            queued_fds: Vec::new(),
        });
        if let Some(e) = self.closed.clone() {
            let result = WantResult::Closed(e);
            self.want_out.push_back(WantOut::Completed {
                call: call_id,
                result,
            });
            self.drop_fds(fds);
        } else if gone {
            // Never sent, not even under the cap.
            self.drop_fds(fds);
        } else {
            let sent = self.in_flight() < self.cap;
            let entry = EntryModel {
                call: call_id,
                waiter: true,
                sent,
                then,
            };
            self.entries.insert(serial, entry);
            if sent {
                self.want_tx.push_back(WantTx::Call { call: call_id, fds });
            } else {
                self.queue.push_back((serial, call_id));
                self.calls[call_id].queued_fds = fds;
            }
        }
        self.drain();
    }

    fn allocate_serial(&mut self) -> u32 {
        loop {
            let serial = self.next_serial;
            self.next_serial = serial.wrapping_add(1);
            if !self.entries.contains_key(&serial) {
                return serial;
            }
        }
    }

    fn in_flight(&self) -> usize {
        self.entries.values().filter(|e| e.sent && e.waiter).count()
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.conn.receive_buffer().extend_from_slice(bytes);
        self.shadow.extend_from_slice(bytes);
        self.conn.process_input(self.now);
        self.model_process();
    }

    /// The model's `process_input`.
    fn model_process(&mut self) {
        while self.closed.is_none() {
            match frame::decode_frame(&mut self.shadow) {
                Ok(Some(f)) => {
                    let n = f.num_fds as usize;
                    if self.fd_queue.len() < n {
                        let received = self.fd_queue.len();
                        self.model_close(ConnectionError::MissingFds {
                            expected: f.num_fds,
                            received,
                        });
                        return;
                    }
                    let fds: Vec<usize> = self.fd_queue.drain(..n).collect();
                    self.model_route(f, fds);
                }
                Ok(None) => break,
                Err(e) => self.model_close(ConnectionError::Frame(e)),
            }
        }
        // Unclaimed descriptors at a message boundary, or too many waiting.
        if self.closed.is_none()
            && !self.fd_queue.is_empty()
            && (self.shadow.is_empty() || self.fd_queue.len() > frame::NUM_FDS_MAX as usize)
        {
            let count = self.fd_queue.len();
            self.model_close(ConnectionError::UnexpectedFds { count });
        }
    }

    fn model_route(&mut self, f: Frame, fds: Vec<usize>) {
        let h = &f.header;
        if h.prog == keepalive::PROGRAM {
            if h.r#type == MessageType::Message && h.proc == keepalive::ProcedureNumber::Ping as i32 {
                self.want_tx.push_back(WantTx::Pong);
            }
            self.drop_fds(fds);
            return;
        }
        match h.r#type {
            MessageType::Reply | MessageType::ReplyWithFds => self.model_reply(f, fds),
            MessageType::Message => {
                self.drop_fds(fds);
                self.model_event(f);
            }
            MessageType::Stream | MessageType::StreamHole => {
                self.drop_fds(fds);
                self.model_stream_packet(f);
            }
            MessageType::Call | MessageType::CallWithFds => self.drop_fds(fds),
            // No other type decodes.
            _ => self.drop_fds(fds),
        }
    }

    fn model_reply(&mut self, f: Frame, fds: Vec<usize>) {
        let h = f.header;
        let Some(e) = self.entries.get_mut(&h.serial) else {
            return self.drop_fds(fds);
        };
        let c = &self.calls[e.call];
        if !e.waiter || !e.sent || h.prog != c.program || h.vers != c.version {
            // Not the reply to that call.
            return self.drop_fds(fds);
        }
        // The caller is answered.
        e.waiter = false;
        let (call, then, procedure) = (e.call, e.then, c.procedure);
        let result = if h.proc != procedure {
            WantResult::Mismatch {
                expected: procedure,
                got: h.proc,
            }
        } else {
            match h.status {
                MessageStatus::Ok => WantResult::Ok(f.body.clone(), Vec::new()),
                MessageStatus::Error => match xdr::from_bytes::<MessageError>(f.body.clone()) {
                    Ok(_) => WantResult::Remote,
                    Err(_) => WantResult::Decode,
                },
                MessageStatus::Continue => WantResult::UnexpectedStatus,
                // No other status decodes.
                _ => WantResult::UnexpectedStatus,
            }
        };
        let ok = matches!(result, WantResult::Ok(..));
        let mut result = match result {
            WantResult::Ok(body, _) => WantResult::Ok(body, fds),
            other => {
                self.drop_fds(fds);
                other
            }
        };
        match then {
            // A stream outlives its call's reply, unless the call failed.
            Then::Stream(s) => {
                if !ok {
                    self.entries.remove(&h.serial);
                } else if self.calls[call].cancelled.get() || self.streams[s].abort_on_reply {
                    // Nobody will use the stream.
                    let _ = self.model_stream_send(h.serial, &StreamRequest::Abort);
                }
            }
            Then::Done => {
                self.entries.remove(&h.serial);
            }
            Then::Subscribe(sub) => {
                self.entries.remove(&h.serial);
                if ok && !self.register(sub, &f.body) {
                    // The reply names no callback id: the registration
                    // fails, and its reply's descriptors go with it.
                    let remaining = f.body.len();
                    let failed = WantResult::NoCallbackId { remaining };
                    if let WantResult::Ok(_, fds) = std::mem::replace(&mut result, failed) {
                        self.drop_fds(fds);
                    }
                }
            }
        }
        self.want_out.push_back(WantOut::Completed { call, result });
        self.model_release();
    }

    /// A registration succeeded with reply `body`: routes it, or, when the
    /// reply is too short to name its callback id, closes its sink (which
    /// the core then drops) and returns false.
    fn register(&mut self, sub: usize, body: &Bytes) -> bool {
        let route = self.subs[sub].route;
        let callback_id = if route.with_callback_id {
            let Some(word) = body.get(..4) else {
                // No callback id: nothing can be routed.
                self.subs[sub].closes.push(ConnectionError::Shutdown);
                return false;
            };
            Some(i32::from_be_bytes([word[0], word[1], word[2], word[3]]))
        } else {
            None
        };
        let key = RouteKey {
            program: route.program,
            procedure: route.procedure,
            callback_id,
        };
        self.subs[sub].key = Some(key);
        if let Some(old) = self.routes.insert(key, sub) {
            // The daemon reused a route: the old subscription is over.
            self.subs[old].closes.push(ConnectionError::Shutdown);
        }
        true
    }

    /// Sends queued calls while there is room under the cap; those whose
    /// callers left go unsent.
    fn model_release(&mut self) {
        while self.in_flight() < self.cap {
            let Some((serial, call)) = self.queue.pop_front() else {
                break;
            };
            let fds = std::mem::take(&mut self.calls[call].queued_fds);
            let live = self
                .entries
                .get(&serial)
                .is_some_and(|e| e.waiter && !self.calls[e.call].cancelled.get());
            if !live {
                self.entries.remove(&serial);
                self.drop_fds(fds);
                continue;
            }
            if let Some(e) = self.entries.get_mut(&serial) {
                e.sent = true;
            }
            self.want_tx.push_back(WantTx::Call { call, fds });
        }
    }

    fn model_event(&mut self, f: Frame) {
        let (program, procedure) = (f.header.prog, f.header.proc);
        let plain = RouteKey {
            program,
            procedure,
            callback_id: None,
        };
        let sub = self.routes.get(&plain).copied().or_else(|| {
            let w = f.body.get(..4)?;
            let key = RouteKey {
                callback_id: Some(i32::from_be_bytes([w[0], w[1], w[2], w[3]])),
                ..plain
            };
            self.routes.get(&key).copied()
        });
        match sub {
            Some(s) => self.subs[s].frames.push(f),
            None if !is_known_event(program, procedure) => {
                self.want_out
                    .push_back(WantOut::Unknown { program, procedure });
            }
            // A known event nobody subscribes to.
            None => {}
        }
    }

    fn model_stream_packet(&mut self, f: Frame) {
        let h = &f.header;
        let Some(e) = self.entries.get_mut(&h.serial) else {
            return;
        };
        let c = &self.calls[e.call];
        // A call still queued under the cap: the daemon knows no such stream.
        if !e.sent || (h.prog, h.vers, h.proc) != (c.program, c.version, c.procedure) {
            return;
        }
        let Then::Stream(s) = e.then else {
            return;
        };
        let st = &mut self.streams[s];
        let open = st.phase == Phase::Open;
        let end = match (h.r#type, h.status) {
            (MessageType::Stream, MessageStatus::Continue) => {
                if open {
                    st.packets.push(if f.body.is_empty() {
                        StreamPacket::Eof
                    } else {
                        StreamPacket::Data(f.body.clone())
                    });
                }
                None
            }
            (MessageType::StreamHole, MessageStatus::Continue) => {
                if !st.sparse {
                    Some(WantEnd::Protocol)
                } else if !open {
                    None
                } else if f.body.len() != 12 {
                    Some(WantEnd::Decode)
                } else {
                    let mut word = [0; 8];
                    word.copy_from_slice(&f.body[..8]);
                    match u64::try_from(i64::from_be_bytes(word)) {
                        Ok(length) => {
                            st.packets.push(StreamPacket::Hole(length));
                            None
                        }
                        Err(_) => Some(WantEnd::Protocol),
                    }
                }
            }
            (MessageType::Stream, MessageStatus::Ok) => Some(WantEnd::Ok),
            (MessageType::Stream, MessageStatus::Error) => {
                Some(match xdr::from_bytes::<MessageError>(f.body.clone()) {
                    Ok(_) => WantEnd::Remote,
                    Err(_) => WantEnd::Decode,
                })
            }
            _ => Some(WantEnd::Protocol),
        };
        if let Some(end) = end {
            st.end = Some(end);
            if e.waiter {
                e.then = Then::Done;
            } else {
                self.entries.remove(&h.serial);
            }
        }
    }

    /// The model's `stream_send`.
    fn model_stream_send(
        &mut self,
        serial: u32,
        request: &StreamRequest,
    ) -> Result<(), StreamRequestError> {
        if self.closed.is_some() {
            return Err(StreamRequestError::Closed);
        }
        let Some(e) = self.entries.get(&serial) else {
            return Err(StreamRequestError::NoStream);
        };
        let Then::Stream(s) = e.then else {
            return Err(StreamRequestError::NoStream);
        };
        let answered = !e.waiter;
        let wire = self.stream_wire(s);
        let st = &mut self.streams[s];
        let abort = *request == StreamRequest::Abort;
        if st.phase != Phase::Open {
            return if abort {
                Ok(())
            } else {
                Err(StreamRequestError::Closing)
            };
        }
        if !answered {
            if abort {
                st.abort_on_reply = true;
                return Ok(());
            }
            return Err(StreamRequestError::NotReady);
        }
        match request {
            StreamRequest::Data(data) => {
                let mut at = 0;
                while at < data.len() {
                    let end = data.len().min(at + STREAM_CHUNK);
                    self.want_tx
                        .push_back(WantTx::Data(wire, data.slice(at..end)));
                    at = end;
                }
            }
            StreamRequest::Hole(length) => {
                if !st.sparse {
                    return Err(StreamRequestError::NotSparse);
                }
                let Ok(length) = i64::try_from(*length) else {
                    return Err(StreamRequestError::HoleTooLong(*length));
                };
                self.want_tx.push_back(WantTx::Hole(wire, length));
            }
            StreamRequest::Finish => {
                st.phase = Phase::Finishing;
                self.want_tx.push_back(WantTx::Finish(wire));
            }
            StreamRequest::Abort => {
                st.phase = Phase::Aborting;
                self.want_tx.push_back(WantTx::Abort(wire));
            }
        }
        Ok(())
    }

    /// The core closed (or must have) for `error`: the model follows.
    fn closed_by(&mut self, error: ConnectionError) {
        if self.closed.is_none() {
            self.model_close(error);
        }
    }

    /// The model's `close`.
    fn model_close(&mut self, error: ConnectionError) {
        self.closed = Some(error.clone());
        for tx in std::mem::take(&mut self.want_tx) {
            if let WantTx::Call { fds, .. } = tx {
                self.drop_fds(fds);
            }
        }
        let unclaimed: Vec<usize> = self.fd_queue.drain(..).collect();
        self.drop_fds(unclaimed);
        for (_, e) in std::mem::take(&mut self.entries) {
            if let Then::Stream(s) = e.then {
                self.streams[s].end = Some(WantEnd::Closed(error.clone()));
            }
            let fds = std::mem::take(&mut self.calls[e.call].queued_fds);
            self.drop_fds(fds);
            if e.waiter {
                let result = WantResult::Closed(error.clone());
                self.want_out.push_back(WantOut::Completed {
                    call: e.call,
                    result,
                });
            }
        }
        self.queue.clear();
        for (_, sub) in std::mem::take(&mut self.routes) {
            self.subs[sub].closes.push(error.clone());
        }
        self.want_out.push_back(WantOut::Closed(error));
    }

    /// Takes every transmitted message and output, checking them against
    /// the model.
    fn drain(&mut self) {
        // A stream data header waiting for its chunk: the header and the
        // chunk's length.
        let mut header: Option<(MessageHeader, usize)> = None;
        while let Some(t) = self.conn.poll_transmit() {
            assert!(
                self.conn.closed().is_none(),
                "bytes to send on a closed connection"
            );
            let Transmit { bytes, fds, stream } = t;
            if let Some(serial) = stream {
                let (h, len) = header.take().expect("stream data without its header");
                assert!(fds.is_empty(), "descriptors with stream data");
                assert_eq!(
                    (h.r#type, h.status, h.serial, len),
                    (
                        MessageType::Stream,
                        MessageStatus::Continue,
                        serial,
                        bytes.len()
                    ),
                    "stream data does not match its header"
                );
                match self.want_tx.pop_front() {
                    Some(WantTx::Data(wire, chunk)) => {
                        assert_eq!(wire_of(&h), wire, "stream data on another stream");
                        assert!(bytes == chunk, "stream data differs from what was sent");
                    }
                    other => panic!("sent stream data on {h:?}, expected {other:?}"),
                }
                continue;
            }
            assert!(header.is_none(), "a stream data header without its data");
            assert!(bytes.len() >= 28, "transmitted a partial frame");
            let len = be32(&bytes) as usize;
            if bytes.len() == 28 && len > 28 {
                let h: MessageHeader =
                    xdr::from_bytes(bytes.slice(4..)).expect("transmitted a malformed header");
                header = Some((h, len - 28));
                continue;
            }
            let mut buf = BytesMut::from(&bytes[..]);
            buf.put_bytes(0, fds.len());
            let f = frame::decode_frame(&mut buf)
                .expect("transmitted a malformed frame")
                .expect("transmitted a partial frame");
            assert!(buf.is_empty(), "transmitted more than one frame at once");
            assert_eq!(
                f.num_fds as usize,
                fds.len(),
                "a frame's descriptor count differs from its descriptors"
            );
            self.sent_frame(f, fds);
        }
        assert!(header.is_none(), "a stream data header without its data");
        assert!(
            self.want_tx.is_empty(),
            "not transmitted: {:?}",
            self.want_tx
        );

        while let Some(out) = self.conn.poll_output() {
            self.output(out);
        }
        assert!(self.want_out.is_empty(), "not output: {:?}", self.want_out);
    }

    /// Checks one transmitted frame (other than stream data).
    fn sent_frame(&mut self, f: Frame, fds: Vec<Fd>) {
        let h = f.header;
        if h.prog == keepalive::PROGRAM {
            assert_eq!(
                (h.r#type, h.status, f.body.len(), fds.len()),
                (MessageType::Message, MessageStatus::Ok, 0, 0),
                "a malformed keepalive message"
            );
            if h.proc == keepalive::ProcedureNumber::Ping as i32 {
                // The keepalive timer's: not modelled.
                return;
            }
            assert_eq!(h.proc, keepalive::ProcedureNumber::Pong as i32);
            match self.want_tx.pop_front() {
                Some(WantTx::Pong) => {}
                other => panic!("sent a PONG, expected {other:?}"),
            }
            return;
        }
        let want = self.want_tx.pop_front();
        if !matches!(want, Some(WantTx::Call { .. })) {
            assert!(fds.is_empty(), "descriptors with a stream packet");
        }
        let empty = f.body.is_empty();
        match want {
            Some(WantTx::Call { call, fds: ids }) => {
                let c = &mut self.calls[call];
                let kind = if ids.is_empty() {
                    MessageType::Call
                } else {
                    MessageType::CallWithFds
                };
                assert_eq!(
                    (h.prog, h.vers, h.proc, h.r#type, h.serial, h.status),
                    (
                        c.program,
                        c.version,
                        c.procedure,
                        kind,
                        c.serial,
                        MessageStatus::Ok
                    ),
                    "call {call} transmitted wrongly"
                );
                assert!(!c.sent, "call {call} transmitted twice");
                assert!(!c.after_close, "a call started after close was sent");
                c.sent = true;
                assert!(
                    self.last_sent.is_none_or(|last| last < h.serial),
                    "call {} overtook an earlier one",
                    h.serial
                );
                self.last_sent = Some(h.serial);
                self.take_fds(fds, &ids, "a call");
            }
            Some(WantTx::Hole(wire, length)) => {
                assert_eq!(wire_of(&h), wire, "a hole on another stream");
                assert_eq!(
                    (h.r#type, h.status),
                    (MessageType::StreamHole, MessageStatus::Continue)
                );
                let mut want = BytesMut::new();
                want.put_i64(length);
                want.put_u32(0);
                assert_eq!(&f.body[..], &want[..], "a hole of another length");
            }
            Some(WantTx::Finish(wire)) => {
                assert_eq!(wire_of(&h), wire, "a finish on another stream");
                assert_eq!(
                    (h.r#type, h.status, empty),
                    (MessageType::Stream, MessageStatus::Ok, true)
                );
            }
            Some(WantTx::Abort(wire)) => {
                assert_eq!(wire_of(&h), wire, "an abort on another stream");
                assert_eq!(
                    (h.r#type, h.status, empty),
                    (MessageType::Stream, MessageStatus::Error, true)
                );
            }
            other => panic!("transmitted {h:?}, expected {other:?}"),
        }
    }

    /// Checks that the core hands back exactly the descriptors `want`, then
    /// closes them.
    fn take_fds(&mut self, got: Vec<Fd>, want: &[usize], what: &str) {
        assert_eq!(
            got.len(),
            want.len(),
            "{what} carries {} descriptors, not {}",
            got.len(),
            want.len()
        );
        for (fd, &id) in got.iter().zip(want) {
            let r = &self.fds[id];
            assert_eq!(r.state, FdState::Held, "descriptor {id} handed out twice");
            assert_eq!(raw_fd(fd), r.raw, "{what} carries another descriptor");
            assert_ne!(
                r.is_open(),
                Some(false),
                "{what} carries a closed descriptor"
            );
        }
        drop(got);
        self.drop_fds(want.to_vec());
    }

    /// Checks one output against the model's next.
    fn output(&mut self, out: Output<TestWaiter>) {
        let want = self.want_out.pop_front();
        match out {
            Output::Completed {
                serial,
                waiter,
                result,
            } => {
                let id = waiter.id;
                let c = &mut self.calls[id];
                assert_eq!(serial, c.serial, "call completed under another serial");
                c.completions += 1;
                assert_eq!(c.completions, 1, "call {id} completed twice");
                if self.closed_outputs > 0 {
                    assert!(c.after_close, "a call completed after Closed");
                }
                let Some(WantOut::Completed { call, result: want }) = want else {
                    panic!("call {id} completed with {result:?}, expected {want:?}");
                };
                assert_eq!(id, call, "call {id} completed instead of call {call}");
                match (want, result) {
                    (WantResult::Ok(body, fds), Ok(reply)) => {
                        assert_eq!(reply.body, body, "call {id}: reply body");
                        self.take_fds(reply.fds, &fds, "a reply");
                    }
                    (WantResult::Remote, Err(CallError::Remote(_))) => {}
                    (WantResult::Decode, Err(CallError::Decode(_))) => {}
                    (
                        WantResult::Mismatch { expected, got },
                        Err(CallError::ProcedureMismatch {
                            expected: e,
                            got: g,
                        }),
                    ) if (expected, got) == (e, g) => {}
                    (WantResult::UnexpectedStatus, Err(CallError::UnexpectedStatus)) => {}
                    (
                        WantResult::NoCallbackId { remaining },
                        Err(CallError::Decode(DecodeError::UnexpectedEnd {
                            needed: 4,
                            remaining: r,
                        })),
                    ) if r == remaining => {}
                    (WantResult::Closed(w), Err(CallError::Closed(g))) if w == g => {}
                    (want, result) => {
                        panic!("call {id} completed with {result:?}, expected {want:?}")
                    }
                }
            }
            Output::UnknownEvent { program, procedure } => match want {
                Some(WantOut::Unknown {
                    program: p,
                    procedure: q,
                }) if (p, q) == (program, procedure) => {}
                other => panic!("unknown event {program} {procedure}, expected {other:?}"),
            },
            Output::Closed(e) => {
                match want {
                    Some(WantOut::Closed(w)) => assert_eq!(e, w, "closed for another reason"),
                    other => panic!("closed for {e:?}, expected {other:?}"),
                }
                self.closed_outputs += 1;
                assert_eq!(self.closed_outputs, 1, "Closed emitted twice");
                assert!(self.conn.closed().is_some());
                assert_eq!((self.conn.in_flight(), self.conn.queued()), (0, 0));
                for (id, c) in self.calls.iter().enumerate() {
                    if !c.cancelled.get() {
                        assert_eq!(c.completions, 1, "call {id} still waiting at Closed");
                    }
                }
            }
        }
    }

    /// Compares the core with the model after a step.
    fn check(&mut self) {
        assert_eq!(
            self.conn.closed(),
            self.closed.as_ref(),
            "the connection closed, or not, unlike the model"
        );
        assert!(
            self.conn.receive_buffer()[..] == self.shadow[..],
            "the receive buffer differs from the model's"
        );
        let in_flight = self.in_flight();
        assert_eq!(
            (self.conn.in_flight(), self.conn.queued()),
            (in_flight, self.queue.len()),
            "calls in flight and queued"
        );
        assert!(
            in_flight <= self.cap,
            "{in_flight} calls in flight over a cap of {}",
            self.cap
        );
        let waiting = self.calls.iter().filter(|c| c.completions == 0).count();
        let live = self
            .calls
            .iter()
            .filter(|c| c.completions == 0 && !c.cancelled.get())
            .count();
        let held = self.conn.in_flight() + self.conn.queued();
        assert!(
            held <= waiting,
            "the core holds {held} calls, only {waiting} are waiting"
        );
        assert!(
            held >= live,
            "the core holds {held} calls, {live} are waiting"
        );

        let mut live_streams = vec![false; self.streams.len()];
        let mut live_subs = vec![false; self.subs.len()];
        for e in self.entries.values() {
            match e.then {
                Then::Stream(s) => live_streams[s] = true,
                Then::Subscribe(s) => live_subs[s] = true,
                Then::Done => {}
            }
        }
        for &s in self.routes.values() {
            live_subs[s] = true;
        }
        let open = live_streams.iter().filter(|l| **l).count();
        assert_eq!(self.conn.open_streams(), open, "open streams");
        assert_eq!(
            self.conn.subscriptions(),
            self.routes.len(),
            "subscriptions"
        );
        let mut full = false;
        for (i, st) in self.streams.iter().enumerate() {
            assert_eq!(
                Rc::strong_count(&st.log),
                1 + usize::from(live_streams[i]),
                "stream {i}: the core keeps its sink, or not, unlike the model"
            );
            let log = st.log.borrow();
            assert_eq!(log.packets, st.packets, "stream {i}: packets received");
            match (&st.end, log.ends.first()) {
                (None, None) => {}
                (Some(want), Some(got)) if want.matches(got) => {}
                (want, got) => panic!("stream {i} ended with {got:?}, expected {want:?}"),
            }
            assert_eq!(log.written, st.written, "stream {i}: bytes written");
            full |= live_streams[i] && log.full;
        }
        assert_eq!(self.conn.wants_read_pause(), full, "wants_read_pause");
        for (i, sub) in self.subs.iter().enumerate() {
            assert_eq!(
                Rc::strong_count(&sub.log),
                1 + usize::from(live_subs[i]),
                "subscription {i}: the core keeps its sink, or not, unlike the model"
            );
            let log = sub.log.borrow();
            assert_eq!(log.frames, sub.frames, "subscription {i}: events received");
            assert_eq!(log.closes, sub.closes, "subscription {i}: closes");
        }
        if self.paused || self.closed.is_some() {
            assert!(
                self.conn.poll_timeout().is_none(),
                "a timeout while paused or closed"
            );
        }
        for (id, r) in self.fds.iter_mut().enumerate() {
            match r.state {
                FdState::Held => assert_ne!(
                    r.is_open(),
                    Some(false),
                    "descriptor {id} closed while the core owes it"
                ),
                FdState::Dropped => {
                    assert_ne!(r.is_open(), Some(true), "descriptor {id} leaked");
                    r.state = FdState::Done;
                    r.keep = None;
                }
                FdState::Done => {}
            }
        }
    }

    /// Drops the core: no sink or descriptor may outlive it.
    fn finish(self) {
        let Harness {
            conn,
            streams,
            subs,
            fds,
            ..
        } = self;
        for (id, r) in fds.iter().enumerate() {
            assert_ne!(
                r.state,
                FdState::Held,
                "descriptor {id} still held after close"
            );
        }
        drop(conn);
        for (i, st) in streams.iter().enumerate() {
            assert_eq!(
                Rc::strong_count(&st.log),
                1,
                "stream {i}'s sink outlived the core"
            );
        }
        for (i, sub) in subs.iter().enumerate() {
            assert_eq!(
                Rc::strong_count(&sub.log),
                1,
                "subscription {i}'s sink outlived the core"
            );
        }
    }
}
