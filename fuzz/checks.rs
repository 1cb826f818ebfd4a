// The checks behind the fuzz targets, shared with the corpus replay test
// (`protocol/tests/fuzz_corpus.rs`) through `include!`, so a corpus file fails
// `cargo test` exactly when it would crash its fuzz target. Plain items only:
// no inner attributes, and no dependency beyond `bytes` and the protocol crate.
//
// Every check takes arbitrary bytes and panics only when the library breaks a
// promise; malformed input is expected and simply rejected.

use bytes::{BufMut, Bytes, BytesMut};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use virtwire_protocol::conn::{
    CallError, CallFrame, Config, Connection, KeepaliveConfig, Output, Waiter,
};
use virtwire_protocol::frame::{self, Frame, RawPayload};
use virtwire_protocol::virnet::{MessageError, MessageStatus, MessageType};
use virtwire_protocol::xdr::{self, DecodeError};
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
        // Stream data is raw bytes.
        (MessageType::Stream | MessageType::StreamHole, _) => return,
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
    /// Start a call of `procedure` of program `program` (mod 4) with `args`.
    Start {
        program: u8,
        procedure: u16,
        args: Vec<u8>,
    },
    /// Receive a reply to the call sent `pick`-th among those awaiting one
    /// (mod their count; or to serial `serial` when none is), split in two at
    /// `split` with a `process_input` between, `flags` bit 0: `REPLY_WITH_FDS`
    /// with `fds` carriers, bit 1: wrong procedure, bit 2: wrong program,
    /// bit 3: wrong serial; `status` (mod 3: OK, ERROR, CONTINUE).
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
}

const OPS: u8 = 10;

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
            _ => Op::SetKeepalive { config: s.u8() },
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
    cancelled: std::rc::Rc<std::cell::Cell<bool>>,
}

impl Waiter for TestWaiter {
    fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }
}

/// What the check knows about one started call.
struct CallModel {
    serial: u32,
    program: u32,
    version: u32,
    procedure: i32,
    cancelled: std::rc::Rc<std::cell::Cell<bool>>,
    sent: bool,
    completions: u32,
    /// Started on a closed connection.
    after_close: bool,
}

/// What the next completion of a call must be, for a reply just received.
enum Expect {
    Ok(Bytes, u32),
    Remote,
    Mismatch,
    UnexpectedStatus,
    Nothing,
}

struct Harness {
    conn: Connection<TestWaiter>,
    now: Instant,
    cap: usize,
    calls: Vec<CallModel>,
    by_serial: HashMap<u32, usize>,
    closed_outputs: u32,
    pongs_owed: u32,
    /// The serial of the call sent last: calls leave in the order they started.
    last_sent: Option<u32>,
}

/// Input layout: byte 0 configures the connection (bits 0–2: in-flight cap,
/// bit 3: keepalive on, bits 4–5: its count, bits 6-7: its interval in
/// seconds − 1); then operations ([`Op::read`]) until the bytes run out. After
/// every step it checks that
/// - no call completes twice, and each completes under its own serial;
/// - calls in flight never exceed the cap, and in flight plus queued never
///   exceed the calls started and not completed, nor fall below those not
///   cancelled;
/// - every transmitted message is one well-formed frame: each call is sent
///   once, under its serial, in the order the calls started, and a PING is
///   answered by a PONG;
/// - a well-formed reply to a call in flight completes exactly that call, with
///   the reply's payload, error or mismatch;
/// - `Closed` comes once, after every call it ends has completed, and
///   nothing waits or is sent afterwards.
///
/// Finally it shuts the connection down and checks that every call whose
/// caller did not go away completed exactly once.
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
        calls: Vec::new(),
        by_serial: HashMap::new(),
        closed_outputs: 0,
        pongs_owed: 0,
        last_sent: None,
    };
    let mut steps = 0;
    while !s.is_empty() && steps < 512 {
        steps += 1;
        let op = Op::read(&mut s);
        h.apply(op);
    }
    h.conn
        .close(virtwire_protocol::conn::ConnectionError::Shutdown);
    h.drain(None);
    assert_eq!(h.closed_outputs, 1, "Closed must be emitted exactly once");
    assert_eq!(
        (h.conn.in_flight(), h.conn.queued()),
        (0, 0),
        "calls left after close"
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
}

/// Bit 3: keepalive on; bits 4–5: unanswered pings allowed; bits 6–7: the
/// interval in seconds − 1.
fn keepalive_config(config: u8) -> Option<KeepaliveConfig> {
    (config & 0x08 != 0).then(|| KeepaliveConfig {
        interval: Duration::from_secs(u64::from(config >> 6) + 1),
        count: u32::from((config >> 4) & 3),
    })
}

impl Harness {
    fn apply(&mut self, op: Op) {
        match op {
            Op::Start {
                program,
                procedure,
                args,
            } => {
                let p = &PROGRAMS[usize::from(program) % PROGRAMS.len()];
                let procedure = i32::from(procedure);
                let call = CallFrame::encode(
                    p.program,
                    p.version,
                    procedure,
                    &RawPayload(Bytes::from(args)),
                )
                .expect("small calls encode");
                let id = self.calls.len();
                let cancelled = std::rc::Rc::new(std::cell::Cell::new(false));
                let waiter = TestWaiter {
                    id,
                    cancelled: cancelled.clone(),
                };
                let after_close = self.conn.closed().is_some();
                let serial = self.conn.start_call(call, waiter);
                if let Some(&other) = self.by_serial.get(&serial) {
                    assert!(
                        self.calls[other].completions > 0 || self.calls[other].cancelled.get(),
                        "serial {serial} handed out while call {other} still uses it"
                    );
                }
                self.by_serial.insert(serial, id);
                self.calls.push(CallModel {
                    serial,
                    program: p.program,
                    version: p.version,
                    procedure,
                    cancelled,
                    sent: false,
                    completions: 0,
                    after_close,
                });
                self.drain(None);
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
                let (target, mut header) =
                    match awaiting.get(usize::from(pick) % awaiting.len().max(1)) {
                        Some(&id) => {
                            let c = &self.calls[id];
                            let h = frame::header(
                                c.program,
                                c.version,
                                c.procedure,
                                MessageType::Reply,
                                c.serial,
                                MessageStatus::Ok,
                            );
                            (Some(id), h)
                        }
                        None => {
                            let p = &PROGRAMS[0];
                            (
                                None,
                                frame::header(
                                    p.program,
                                    p.version,
                                    1,
                                    MessageType::Reply,
                                    serial,
                                    MessageStatus::Ok,
                                ),
                            )
                        }
                    };
                let with_fds = flags & 1 != 0;
                let fds = u32::from(fds % 40);
                if with_fds {
                    header.r#type = MessageType::ReplyWithFds;
                }
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
                let body = Bytes::from(body);
                let mut payload = BytesMut::new();
                if with_fds {
                    payload.put_u32(fds);
                }
                payload.extend_from_slice(&body);
                let mut bytes = BytesMut::new();
                frame::encode_message(&header, &RawPayload(payload.freeze()), &mut bytes).unwrap();
                if with_fds {
                    bytes.put_bytes(0, fds as usize);
                }
                // What must happen, when the receive buffer held no partial
                // frame that would swallow these bytes.
                let clean = self.conn.receive_buffer().is_empty() && self.conn.closed().is_none();
                let expect = match target {
                    Some(id) if clean && self.by_serial.get(&header.serial) == Some(&id) => {
                        let c = &self.calls[id];
                        // A bad descriptor count closes the connection; another
                        // program's reply is dropped.
                        let dropped = (with_fds && fds > frame::NUM_FDS_MAX)
                            || header.prog != c.program
                            || header.vers != c.version;
                        Some((
                            id,
                            if dropped {
                                Expect::Nothing
                            } else if header.proc != c.procedure {
                                Expect::Mismatch
                            } else {
                                match header.status {
                                    MessageStatus::Ok => {
                                        Expect::Ok(body.clone(), if with_fds { fds } else { 0 })
                                    }
                                    MessageStatus::Error => Expect::Remote,
                                    MessageStatus::Continue => Expect::UnexpectedStatus,
                                }
                            },
                        ))
                    }
                    _ => None,
                };
                let at = usize::from(split).min(bytes.len());
                let (first, second) = bytes.split_at(at);
                self.feed(first);
                if clean && !second.is_empty() {
                    // Less than a whole frame: nothing may complete yet.
                    let before: Vec<u32> = self.calls.iter().map(|c| c.completions).collect();
                    self.drain(None);
                    let after: Vec<u32> = self.calls.iter().map(|c| c.completions).collect();
                    if self.conn.closed().is_none() {
                        assert_eq!(before, after, "a partial frame completed a call");
                    }
                }
                self.feed(second);
                self.drain(expect);
            }
            Op::Garbage { bytes } => {
                self.feed(&bytes);
                self.drain(None);
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
                let mut bytes = BytesMut::new();
                frame::encode_message(&header, &RawPayload(payload.freeze()), &mut bytes).unwrap();
                let ping = prog == keepalive::PROGRAM
                    && kind == MessageType::Message
                    && i32::from(procedure) == keepalive::Procedure::Ping as i32;
                self.owe_pong(ping);
                self.feed(&bytes);
                self.drain(None);
            }
            Op::Keepalive { pong } => {
                let procedure = if pong {
                    keepalive::Procedure::Pong
                } else {
                    keepalive::Procedure::Ping
                };
                let header = frame::header(
                    keepalive::PROGRAM,
                    keepalive::VERSION,
                    procedure as i32,
                    MessageType::Message,
                    0,
                    MessageStatus::Ok,
                );
                let mut bytes = BytesMut::new();
                frame::encode_message(&header, &(), &mut bytes).unwrap();
                self.owe_pong(!pong);
                self.feed(&bytes);
                self.drain(None);
            }
            Op::Advance { millis, force } => {
                self.now += Duration::from_millis(u64::from(millis));
                if force || self.conn.poll_timeout().is_some_and(|t| t <= self.now) {
                    self.conn.handle_timeout(self.now);
                }
                self.drain(None);
            }
            Op::Cancel { pick } => {
                if !self.calls.is_empty() {
                    let n = self.calls.len();
                    self.calls[usize::from(pick) % n].cancelled.set(true);
                }
            }
            Op::Eof => {
                self.conn.handle_eof();
                self.drain(None);
            }
            Op::Shutdown => {
                self.conn
                    .close(virtwire_protocol::conn::ConnectionError::Shutdown);
                self.drain(None);
            }
            Op::SetKeepalive { config } => {
                let keepalive = keepalive_config(config);
                self.conn.set_keepalive(keepalive, self.now);
                if keepalive.is_none() {
                    assert!(
                        self.conn.poll_timeout().is_none(),
                        "a timeout with keepalive off"
                    );
                }
                self.drain(None);
            }
        }
    }

    /// A PING is owed a PONG when the connection is open and the bytes before
    /// it cannot swallow it.
    fn owe_pong(&mut self, ping: bool) {
        if ping && self.conn.closed().is_none() && self.conn.receive_buffer().is_empty() {
            self.pongs_owed += 1;
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.conn.receive_buffer().extend_from_slice(bytes);
        self.conn.process_input(self.now);
    }

    /// Takes every transmitted message and output, checking them and the
    /// connection's counts; `expect` is what a just-received reply must do.
    fn drain(&mut self, expect: Option<(usize, Expect)>) {
        let mut pongs = 0;
        while let Some(bytes) = self.conn.poll_transmit() {
            assert!(
                self.conn.closed().is_none(),
                "bytes to send on a closed connection"
            );
            let mut buf = BytesMut::from(&bytes[..]);
            let f = frame::decode_frame(&mut buf)
                .expect("transmitted a malformed frame")
                .expect("transmitted a partial frame");
            assert!(buf.is_empty(), "transmitted more than one frame at once");
            let h = f.header;
            if h.prog == keepalive::PROGRAM {
                assert_eq!(h.r#type, MessageType::Message);
                if h.proc == keepalive::Procedure::Pong as i32 {
                    pongs += 1;
                }
                continue;
            }
            assert_eq!(h.r#type, MessageType::Call, "transmitted a non-call: {h:?}");
            let id = *self
                .by_serial
                .get(&h.serial)
                .expect("transmitted a call under an unknown serial");
            let c = &mut self.calls[id];
            assert!(!c.sent, "call {id} transmitted twice");
            assert!(!c.after_close);
            assert_eq!(
                (h.prog, h.vers, h.proc),
                (c.program, c.version, c.procedure)
            );
            c.sent = true;
            assert!(
                self.last_sent.is_none_or(|last| last < h.serial),
                "call {} overtook an earlier one",
                h.serial
            );
            self.last_sent = Some(h.serial);
        }
        if self.conn.closed().is_none() {
            assert!(pongs >= self.pongs_owed, "a PING went unanswered");
        }
        self.pongs_owed = 0;

        let mut expect = expect;
        while let Some(out) = self.conn.poll_output() {
            match out {
                Output::Completed {
                    serial,
                    waiter,
                    result,
                } => {
                    let c = &mut self.calls[waiter.id];
                    assert_eq!(serial, c.serial, "call completed under another serial");
                    c.completions += 1;
                    assert_eq!(c.completions, 1, "call {} completed twice", waiter.id);
                    if self.closed_outputs > 0 {
                        assert!(c.after_close, "a call completed after Closed");
                    }
                    if c.after_close {
                        assert!(matches!(result, Err(CallError::Closed(_))), "{result:?}");
                    }
                    if let Some((id, want)) = expect.take_if(|(id, _)| *id == waiter.id) {
                        let _ = id;
                        match (want, &result) {
                            (Expect::Ok(body, fds), Ok(reply)) => {
                                assert_eq!((&reply.body, reply.num_fds), (&body, fds));
                            }
                            (Expect::Remote, Err(CallError::Remote(_) | CallError::Decode(_))) => {}
                            (Expect::Mismatch, Err(CallError::ProcedureMismatch { .. })) => {}
                            (Expect::UnexpectedStatus, Err(CallError::UnexpectedStatus)) => {}
                            (Expect::Nothing, Err(CallError::Closed(_))) => {}
                            (_, result) => {
                                panic!("reply to call {} completed it with {result:?}", waiter.id)
                            }
                        }
                    }
                }
                Output::Closed(_) => {
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
                Output::Event(_) | Output::Stream(_) => {}
            }
        }
        if let Some((id, want)) = expect {
            // A reply with the wrong program is dropped, and the call waits on.
            assert!(
                matches!(want, Expect::Nothing),
                "reply to call {id} completed nothing"
            );
        }

        let waiting = self.calls.iter().filter(|c| c.completions == 0).count();
        let live = self
            .calls
            .iter()
            .filter(|c| c.completions == 0 && !c.cancelled.get())
            .count();
        let held = self.conn.in_flight() + self.conn.queued();
        assert!(
            self.conn.in_flight() <= self.cap,
            "{} calls in flight over a cap of {}",
            self.conn.in_flight(),
            self.cap
        );
        assert!(
            held <= waiting,
            "the core holds {held} calls, only {waiting} are waiting"
        );
        assert!(
            held >= live,
            "the core holds {held} calls, {live} are waiting"
        );
        if self.conn.closed().is_some() {
            assert!(
                self.conn.poll_timeout().is_none(),
                "a timeout on a closed connection"
            );
        }
    }
}
