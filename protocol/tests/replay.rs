//! Replays every recorded connection (`fixtures/frames/*.frames`, see
//! `fixtures/README.md`) through the sans-IO connection core, with the core
//! in the place of the recorded client:
//!
//! * each client CALL is started in the core: `start_stream` for procedures
//!   that open a stream (sparse when the call's own arguments carry the
//!   procedure's sparse flag), `start_subscription` for event registrations
//!   (routed to the MESSAGE procedure of the registered event ID),
//!   `start_call` otherwise; a deregistration also ends its subscription
//!   (`unsubscribe`). The core must transmit the recorded bytes. Its serials
//!   (0, 1, 2, ...) replace the recorded ones in every frame, both ways;
//! * each client stream packet is sent with `stream_send` (data, hole,
//!   finish, abort) and must come out byte for byte as recorded;
//! * each server frame is fed to `receive_buffer` + `process_input`, in two
//!   pieces (so every frame also arrives split), with a fresh socket per
//!   descriptor a `REPLY_WITH_FDS` frame announces (`receive_fds`).
//!
//! It asserts that every reply reaches its waiter with the recorded result
//! (and its descriptors: the very sockets supplied), every server stream
//! packet reaches its stream's sink in order, every stream ends as recorded,
//! every event reaches the subscription registered for it, nothing is an
//! unknown event, the daemon's pings are answered as the recorded client
//! answered them, and the connection stays open to the end.
//!
//! `cargo test -p virtwire-protocol --test replay -- --nocapture` prints
//! what each fixture exercised.
#![cfg(unix)]

use bytes::Bytes;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;
use virtwire_protocol::conn::{
    CallError, CallFrame, Config, Connection, ConnectionError, EventSink, Output, Route, RouteKey,
    StreamPacket, StreamRequest, StreamSink, Waiter, callback_id,
};
use virtwire_protocol::frame::{self, Frame, RawPayload};
use virtwire_protocol::remote::procs::{StorageVolDownload, StorageVolUpload};
use virtwire_protocol::virnet::{MessageError, MessageStatus, MessageType, StreamHole};
use virtwire_protocol::{Procedure, ProcedureInfo, ProcedureKind, admin, keepalive, lxc, qemu};
use virtwire_protocol::{remote, xdr};

/// One recorded frame.
struct Recorded {
    line: usize,
    from_client: bool,
    /// The bytes on the wire (with descriptor carriers).
    raw: Vec<u8>,
    frame: Frame,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/frames")
}

fn parse(path: &Path) -> Vec<Recorded> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut frames = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{}:{}", path.display(), index + 1);
        let (tag, hex) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("{at}: not `C <hex>` or `S <hex>`"));
        assert!(hex.len() % 2 == 0, "{at}: odd number of hex digits");
        let raw: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect();
        let mut buf = bytes::BytesMut::from(&raw[..]);
        let frame = frame::decode_frame(&mut buf)
            .unwrap_or_else(|e| panic!("{at}: {e}"))
            .unwrap_or_else(|| panic!("{at}: incomplete frame"));
        assert!(buf.is_empty(), "{at}: bytes after the frame");
        frames.push(Recorded {
            line: index + 1,
            from_client: tag == "C",
            raw,
            frame,
        });
    }
    frames
}

fn procedure(program: u32, number: i32) -> Option<&'static ProcedureInfo> {
    match program {
        remote::PROGRAM => remote::procedure(number),
        qemu::PROGRAM => qemu::procedure(number),
        lxc::PROGRAM => lxc::procedure(number),
        admin::PROGRAM => admin::procedure(number),
        _ => None,
    }
}

fn by_name(program: u32, name: &str) -> &'static ProcedureInfo {
    let table = match program {
        remote::PROGRAM => remote::PROCEDURES,
        qemu::PROGRAM => qemu::PROCEDURES,
        _ => panic!("no event families in program {program:#x}"),
    };
    table
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no procedure {name}"))
}

/// How a family's registration names what it subscribes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `{int eventID; optional filter}` -> `{int callbackID}`.
    EventId,
    /// The qemu monitor's `{dom; optional event; flags}` -> `{int callbackID}`.
    Monitor,
    /// Void -> void; the event carries no callback id.
    Void,
}

/// An event family: its register and deregister calls and the MESSAGE
/// procedure of each event ID, in event ID order (libvirt's headers).
struct Family {
    program: u32,
    register: &'static str,
    deregister: &'static str,
    events: &'static [&'static str],
    shape: Shape,
}

/// `virDomainEventID` order: the callback-style MESSAGE of each ID.
const DOMAIN_EVENTS: &[&str] = &[
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_REBOOT",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_RTC_CHANGE",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_WATCHDOG",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_IO_ERROR",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_GRAPHICS",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_CONTROL_ERROR",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_BLOCK_JOB",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DISK_CHANGE",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TRAY_CHANGE",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMWAKEUP",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMSUSPEND",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED",
    "REMOTE_PROC_DOMAIN_EVENT_BLOCK_JOB_2",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TUNABLE",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_ADDED",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_JOB_COMPLETED",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED",
    "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_METADATA_CHANGE",
    "REMOTE_PROC_DOMAIN_EVENT_BLOCK_THRESHOLD",
    "REMOTE_PROC_DOMAIN_EVENT_MEMORY_FAILURE",
    "REMOTE_PROC_DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE",
    "REMOTE_PROC_DOMAIN_EVENT_NIC_MAC_CHANGE",
];

const FAMILIES: &[Family] = &[
    Family {
        program: remote::PROGRAM,
        register: "REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY",
        deregister: "REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY",
        events: DOMAIN_EVENTS,
        shape: Shape::EventId,
    },
    Family {
        program: remote::PROGRAM,
        register: "REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY",
        deregister: "REMOTE_PROC_CONNECT_NETWORK_EVENT_DEREGISTER_ANY",
        events: &[
            "REMOTE_PROC_NETWORK_EVENT_LIFECYCLE",
            "REMOTE_PROC_NETWORK_EVENT_CALLBACK_METADATA_CHANGE",
        ],
        shape: Shape::EventId,
    },
    Family {
        program: remote::PROGRAM,
        register: "REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY",
        deregister: "REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY",
        events: &[
            "REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE",
            "REMOTE_PROC_STORAGE_POOL_EVENT_REFRESH",
        ],
        shape: Shape::EventId,
    },
    Family {
        program: remote::PROGRAM,
        register: "REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY",
        deregister: "REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY",
        events: &[
            "REMOTE_PROC_NODE_DEVICE_EVENT_LIFECYCLE",
            "REMOTE_PROC_NODE_DEVICE_EVENT_UPDATE",
        ],
        shape: Shape::EventId,
    },
    Family {
        program: remote::PROGRAM,
        register: "REMOTE_PROC_CONNECT_SECRET_EVENT_REGISTER_ANY",
        deregister: "REMOTE_PROC_CONNECT_SECRET_EVENT_DEREGISTER_ANY",
        events: &[
            "REMOTE_PROC_SECRET_EVENT_LIFECYCLE",
            "REMOTE_PROC_SECRET_EVENT_VALUE_CHANGED",
        ],
        shape: Shape::EventId,
    },
    Family {
        program: qemu::PROGRAM,
        register: "QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER",
        deregister: "QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER",
        events: &["QEMU_PROC_DOMAIN_MONITOR_EVENT"],
        shape: Shape::Monitor,
    },
    Family {
        program: remote::PROGRAM,
        register: "REMOTE_PROC_CONNECT_REGISTER_CLOSE_CALLBACK",
        deregister: "REMOTE_PROC_CONNECT_UNREGISTER_CLOSE_CALLBACK",
        events: &["REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED"],
        shape: Shape::Void,
    },
];

/// The family a call registers (`Ok`) or deregisters (`Err`), if any.
fn family_of(info: &ProcedureInfo) -> Option<Result<usize, usize>> {
    FAMILIES.iter().enumerate().find_map(|(i, f)| {
        if f.program != info.program {
            None
        } else if info.name == f.register {
            Some(Ok(i))
        } else if info.name == f.deregister {
            Some(Err(i))
        } else {
            None
        }
    })
}

/// The leading XDR `int` of a payload (eventID or callbackID).
fn leading_int(body: &[u8], what: &str) -> i32 {
    callback_id(body).unwrap_or_else(|| panic!("{what}: payload shorter than 4 bytes"))
}

/// The route a registration call subscribes to.
fn route_of(family: &Family, body: &[u8]) -> Route {
    let index = match family.shape {
        Shape::EventId => leading_int(body, family.register),
        Shape::Monitor | Shape::Void => 0,
    };
    let event = usize::try_from(index)
        .ok()
        .and_then(|i| family.events.get(i))
        .unwrap_or_else(|| panic!("{}: unknown event ID {index}", family.register));
    let info = by_name(family.program, event);
    assert_eq!(info.kind, ProcedureKind::Message, "{event} is not an event");
    Route {
        program: family.program,
        procedure: info.number,
        with_callback_id: family.shape != Shape::Void,
    }
}

/// Whether a stream-opening call's arguments carry its sparse flag.
fn sparse_requested(info: &ProcedureInfo, body: &Bytes) -> bool {
    fn flag<P: Procedure>(body: &Bytes) -> bool {
        let args: P::Args = xdr::from_bytes(body.clone()).expect("stream call arguments decode");
        P::stream_is_sparse(&args)
    }
    if info.sparse_flag.is_none() {
        return false;
    }
    let is = |other: &ProcedureInfo| (info.program, info.number) == (other.program, other.number);
    if is(StorageVolUpload::INFO) {
        flag::<StorageVolUpload>(body)
    } else if is(StorageVolDownload::INFO) {
        flag::<StorageVolDownload>(body)
    } else {
        panic!("{}: has a sparse flag this test cannot read", info.name)
    }
}

/// The waiter of one call: the line of its CALL.
#[derive(Debug)]
struct Call(usize);

impl Waiter for Call {}

#[derive(Debug, Default)]
struct StreamSeen {
    packets: Vec<StreamPacket>,
    ends: Vec<Result<(), CallError>>,
    written: usize,
}

#[derive(Debug, Clone, Default)]
struct StreamLog(Rc<RefCell<StreamSeen>>);

impl StreamSink for StreamLog {
    fn receive(&mut self, packet: StreamPacket) {
        self.0.borrow_mut().packets.push(packet);
    }
    fn end(&mut self, result: Result<(), CallError>) {
        self.0.borrow_mut().ends.push(result);
    }
    fn written(&mut self, len: usize) {
        self.0.borrow_mut().written += len;
    }
}

#[derive(Debug, Default)]
struct EventSeen {
    frames: Vec<Frame>,
    closed: Option<ConnectionError>,
}

#[derive(Debug, Clone, Default)]
struct EventLog(Rc<RefCell<EventSeen>>);

impl EventSink for EventLog {
    fn deliver(&mut self, frame: Frame) {
        self.0.borrow_mut().frames.push(frame);
    }
    fn close(&mut self, error: &ConnectionError) {
        self.0.borrow_mut().closed = Some(error.clone());
    }
}

type Core = Connection<Call, StreamLog, EventLog>;

/// What a started call was for.
enum Opened {
    Plain,
    Stream(usize),
    Register {
        family: usize,
        route: Route,
        log: EventLog,
    },
}

/// A call started in the core and not answered yet.
struct Pending {
    line: usize,
    opened: Opened,
}

/// One stream: what its sink must have seen.
struct StreamExpect {
    log: StreamLog,
    /// The client has not finished or aborted: data still reaches the sink.
    open: bool,
    /// Its opening call failed: the sink is dropped without an end.
    failed: bool,
    packets: Vec<StreamPacket>,
    end: Option<Result<(), CallError>>,
}

/// One subscription: what its sink must have received.
struct Subscription {
    log: EventLog,
    key: RouteKey,
    family: usize,
    callback_id: Option<i32>,
    expected: Vec<Frame>,
}

/// What a replay exercised.
#[derive(Debug, Default)]
struct Stats {
    calls: usize,
    errors: usize,
    renumbered: usize,
    streams: usize,
    packets_in: usize,
    packets_out: usize,
    events: usize,
    fds_in: usize,
    fds_out: usize,
    pongs: usize,
    event_procs: BTreeSet<(u32, i32)>,
    stream_procs: BTreeSet<i32>,
    requests: BTreeSet<&'static str>,
    received: BTreeSet<&'static str>,
}

struct Replay {
    name: String,
    core: Core,
    now: Instant,
    /// Recorded serial -> the core's serial for the same call.
    serials: HashMap<u32, u32>,
    /// By the core's serial.
    pending: HashMap<u32, Pending>,
    streams: Vec<StreamExpect>,
    /// The core's serial -> index in `streams`.
    stream_of: HashMap<u32, usize>,
    subs: Vec<Subscription>,
    live: HashMap<RouteKey, usize>,
    /// PONGs the core queued, for the client PONGs recorded later.
    pongs: VecDeque<Vec<u8>>,
    stats: Stats,
}

/// `raw` with the serial replaced.
fn with_serial(raw: &[u8], serial: u32) -> Vec<u8> {
    let mut out = raw.to_vec();
    out[frame::SERIAL_OFFSET..frame::SERIAL_OFFSET + 4].copy_from_slice(&serial.to_be_bytes());
    out
}

/// A socket pair: our end, and the end handed over as a descriptor.
fn socket_pair() -> (UnixStream, OwnedFd) {
    let (ours, theirs) = UnixStream::pair().expect("socketpair");
    (ours, OwnedFd::from(theirs))
}

/// Checks that `fd` is the other end of `peer`.
fn same_socket(fd: OwnedFd, peer: &mut UnixStream, at: &str) {
    let mut handed = UnixStream::from(fd);
    peer.write_all(b"x").unwrap();
    let mut byte = [0u8; 1];
    handed.read_exact(&mut byte).unwrap();
    assert_eq!(&byte, b"x", "{at}: not the descriptor supplied");
}

impl Replay {
    fn new(name: &str) -> Self {
        let now = Instant::now();
        Self {
            name: name.to_string(),
            core: Connection::new(Config::default(), now),
            now,
            serials: HashMap::new(),
            pending: HashMap::new(),
            streams: Vec::new(),
            stream_of: HashMap::new(),
            subs: Vec::new(),
            live: HashMap::new(),
            pongs: VecDeque::new(),
            stats: Stats::default(),
        }
    }

    fn at(&self, rec: &Recorded) -> String {
        format!("{}.frames:{}", self.name, rec.line)
    }

    fn core_serial(&self, rec: &Recorded) -> u32 {
        *self
            .serials
            .get(&rec.frame.header.serial)
            .unwrap_or_else(|| {
                panic!(
                    "{}: serial {} of no recorded call",
                    self.at(rec),
                    rec.frame.header.serial
                )
            })
    }

    /// Everything the core queued to write (none with descriptors), joined;
    /// stream data is reported written.
    fn transmitted(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(t) = self.core.poll_transmit() {
            assert!(t.fds.is_empty(), "{}: unexpected descriptors", self.name);
            if let Some(serial) = t.stream {
                self.core.stream_written(serial, t.bytes.len());
            }
            out.extend_from_slice(&t.bytes);
        }
        out
    }

    fn no_outputs(&mut self, at: &str) {
        if let Some(output) = self.core.poll_output() {
            panic!("{at}: unexpected output {output:?}");
        }
    }

    fn client(&mut self, rec: &Recorded) {
        let header = &rec.frame.header;
        let at = self.at(rec);
        if header.prog == keepalive::PROGRAM {
            if header.proc == keepalive::ProcedureNumber::Pong as i32 {
                let pong = self
                    .pongs
                    .pop_front()
                    .unwrap_or_else(|| panic!("{at}: a PONG the core did not send"));
                assert_eq!(pong, rec.raw, "{at}: the core's PONG differs");
            } else {
                // The client's own ping: the core pings on its own timer.
                self.core.send_raw(Bytes::copy_from_slice(&rec.raw));
                assert_eq!(self.transmitted(), rec.raw, "{at}: PING");
            }
            return;
        }
        match header.r#type {
            MessageType::Call | MessageType::CallWithFds => self.call(rec),
            MessageType::Stream | MessageType::StreamHole => self.client_stream(rec),
            other => panic!("{at}: a client sent {other:?}"),
        }
        self.no_outputs(&at);
    }

    fn call(&mut self, rec: &Recorded) {
        let at = self.at(rec);
        let header = &rec.frame.header;
        let body = rec.frame.body.clone();
        let info = procedure(header.prog, header.proc)
            .unwrap_or_else(|| panic!("{at}: unknown procedure {}", header.proc));
        assert_eq!(info.kind, ProcedureKind::Call, "{at}: {}", info.name);
        let mut peers = Vec::new();
        let call = if header.r#type == MessageType::CallWithFds {
            let fds = (0..rec.frame.num_fds)
                .map(|_| {
                    let (ours, theirs) = socket_pair();
                    peers.push(ours);
                    theirs
                })
                .collect();
            CallFrame::encode_with_fds(
                header.prog,
                header.vers,
                header.proc,
                &RawPayload(body.clone()),
                fds,
            )
        } else {
            CallFrame::encode(
                header.prog,
                header.vers,
                header.proc,
                &RawPayload(body.clone()),
            )
        }
        .unwrap_or_else(|e| panic!("{at}: {e}"));
        let waiter = Call(rec.line);

        let (serial, opened) = if info.stream.is_some() {
            let log = StreamLog::default();
            let sparse = sparse_requested(info, &body);
            let serial = self.core.start_stream(call, waiter, log.clone(), sparse);
            self.streams.push(StreamExpect {
                log,
                open: true,
                failed: false,
                packets: Vec::new(),
                end: None,
            });
            self.stream_of.insert(serial, self.streams.len() - 1);
            self.stats.streams += 1;
            self.stats.stream_procs.insert(info.number);
            (serial, Opened::Stream(self.streams.len() - 1))
        } else {
            match family_of(info) {
                Some(Ok(family)) => {
                    let route = route_of(&FAMILIES[family], &body);
                    let log = EventLog::default();
                    let serial = self
                        .core
                        .start_subscription(call, waiter, route, log.clone());
                    (serial, Opened::Register { family, route, log })
                }
                Some(Err(family)) => {
                    self.deregister(family, &body, &at);
                    (self.core.start_call(call, waiter), Opened::Plain)
                }
                None => (self.core.start_call(call, waiter), Opened::Plain),
            }
        };
        if serial != header.serial {
            self.stats.renumbered += 1;
        }
        assert!(
            !self.pending.contains_key(&serial),
            "{at}: the core reused serial {serial}"
        );
        self.serials.insert(header.serial, serial);
        self.pending.insert(
            serial,
            Pending {
                line: rec.line,
                opened,
            },
        );
        self.stats.calls += 1;

        // The core sends it at once, as recorded (descriptors go after the
        // bytes, each with a carrier byte the transport adds).
        let sent = self
            .core
            .poll_transmit()
            .unwrap_or_else(|| panic!("{at}: the core did not send the call"));
        assert!(
            self.core.poll_transmit().is_none(),
            "{at}: more than the call sent"
        );
        let expected = with_serial(&rec.raw, serial);
        let carriers = peers.len();
        assert_eq!(
            sent.bytes[..],
            expected[..expected.len() - carriers],
            "{at}: the core's CALL differs from the recording"
        );
        assert!(
            expected[expected.len() - carriers..]
                .iter()
                .all(|&b| b == 0)
        );
        assert_eq!(sent.fds.len(), carriers, "{at}: descriptors sent");
        for (fd, mut peer) in sent.fds.into_iter().zip(peers) {
            same_socket(fd, &mut peer, &at);
            self.stats.fds_out += 1;
        }
    }

    fn deregister(&mut self, family: usize, body: &[u8], at: &str) {
        let id = match FAMILIES[family].shape {
            Shape::EventId | Shape::Monitor => Some(leading_int(body, FAMILIES[family].deregister)),
            Shape::Void => None,
        };
        let index = self
            .live
            .values()
            .copied()
            .find(|&i| self.subs[i].family == family && self.subs[i].callback_id == id)
            .unwrap_or_else(|| panic!("{at}: deregisters {id:?}, which is not registered"));
        let key = self.subs[index].key;
        self.live.remove(&key);
        assert!(
            self.core.unsubscribe(&key).is_some(),
            "{at}: the core had no subscription {key:?}"
        );
    }

    fn client_stream(&mut self, rec: &Recorded) {
        let at = self.at(rec);
        let header = &rec.frame.header;
        let body = rec.frame.body.clone();
        let serial = self.core_serial(rec);
        let index = *self
            .stream_of
            .get(&serial)
            .unwrap_or_else(|| panic!("{at}: stream packet for a call that opened none"));
        let (request, kind) = match (header.r#type, header.status) {
            (MessageType::Stream, MessageStatus::Continue) if !body.is_empty() => {
                (StreamRequest::Data(body), "data")
            }
            (MessageType::StreamHole, MessageStatus::Continue) => {
                let hole: StreamHole = xdr::from_bytes(body).expect("virNetStreamHole");
                assert_eq!(hole.flags, 0, "{at}: hole flags");
                let length = u64::try_from(hole.length).expect("hole length");
                (StreamRequest::Hole(length), "hole")
            }
            (MessageType::Stream, MessageStatus::Ok) => (StreamRequest::Finish, "finish"),
            (MessageType::Stream, MessageStatus::Error) => (StreamRequest::Abort, "abort"),
            (t, s) => panic!("{at}: client stream packet {t:?}/{s:?}"),
        };
        if matches!(request, StreamRequest::Finish | StreamRequest::Abort) {
            self.streams[index].open = false;
        }
        self.core
            .stream_send(serial, request)
            .unwrap_or_else(|e| panic!("{at}: stream_send: {e}"));
        assert_eq!(
            self.transmitted(),
            with_serial(&rec.raw, serial),
            "{at}: the core's stream packet differs from the recording"
        );
        self.stats.packets_out += 1;
        self.stats.requests.insert(kind);
    }

    fn server(&mut self, rec: &Recorded) {
        let at = self.at(rec);
        let header = &rec.frame.header;
        let body = rec.frame.body.clone();
        let is_keepalive = header.prog == keepalive::PROGRAM;
        let raw = match header.r#type {
            MessageType::Reply
            | MessageType::ReplyWithFds
            | MessageType::Stream
            | MessageType::StreamHole => with_serial(&rec.raw, self.core_serial(rec)),
            MessageType::Message => rec.raw.clone(),
            other => panic!("{at}: the daemon sent {other:?}"),
        };
        let serial = u32::from_be_bytes(
            raw[frame::SERIAL_OFFSET..frame::SERIAL_OFFSET + 4]
                .try_into()
                .unwrap(),
        );

        // What must follow, worked out from the recording alone.
        let mut event_sub = None;
        match header.r#type {
            MessageType::Stream | MessageType::StreamHole => {
                let index = *self
                    .stream_of
                    .get(&serial)
                    .unwrap_or_else(|| panic!("{at}: stream packet for no stream"));
                let stream = &mut self.streams[index];
                assert!(stream.end.is_none(), "{at}: packet after the stream's end");
                let kind = match (header.r#type, header.status) {
                    (MessageType::Stream, MessageStatus::Continue) => {
                        if stream.open {
                            stream.packets.push(if body.is_empty() {
                                StreamPacket::Eof
                            } else {
                                StreamPacket::Data(body.clone())
                            });
                        }
                        if body.is_empty() { "eof" } else { "data" }
                    }
                    (MessageType::StreamHole, MessageStatus::Continue) => {
                        let hole: StreamHole = xdr::from_bytes(body.clone()).expect("hole");
                        if stream.open {
                            let length = u64::try_from(hole.length).expect("hole length");
                            stream.packets.push(StreamPacket::Hole(length));
                        }
                        "hole"
                    }
                    (MessageType::Stream, MessageStatus::Ok) => {
                        stream.end = Some(Ok(()));
                        "ok"
                    }
                    (MessageType::Stream, MessageStatus::Error) => {
                        let error: MessageError = xdr::from_bytes(body.clone()).expect("error");
                        stream.end = Some(Err(CallError::Remote(Box::new(error))));
                        "error"
                    }
                    (t, s) => panic!("{at}: stream packet {t:?}/{s:?}"),
                };
                self.stats.packets_in += 1;
                self.stats.received.insert(kind);
            }
            MessageType::Message if !is_keepalive => {
                let id_less = RouteKey {
                    program: header.prog,
                    procedure: header.proc,
                    callback_id: None,
                };
                let key = if self.live.contains_key(&id_less) {
                    id_less
                } else {
                    RouteKey {
                        callback_id: callback_id(&body),
                        ..id_less
                    }
                };
                let index = *self
                    .live
                    .get(&key)
                    .unwrap_or_else(|| panic!("{at}: event {key:?} for no live registration"));
                self.subs[index].expected.push(rec.frame.clone());
                self.stats.events += 1;
                self.stats.event_procs.insert((header.prog, header.proc));
                event_sub = Some(index);
            }
            _ => {}
        }

        // Half the frame completes nothing.
        let half = raw.len() / 2;
        self.core.receive_buffer().extend_from_slice(&raw[..half]);
        self.core.process_input(self.now);
        self.no_outputs(&at);
        assert!(!self.core.wants_transmit(), "{at}: sent on half a frame");
        // Then the rest, with the descriptors its carriers bring.
        let mut peers = Vec::new();
        if rec.frame.num_fds > 0 {
            let fds: Vec<OwnedFd> = (0..rec.frame.num_fds)
                .map(|_| {
                    let (ours, theirs) = socket_pair();
                    peers.push(ours);
                    theirs
                })
                .collect();
            self.core.receive_fds(fds);
        }
        self.core.receive_buffer().extend_from_slice(&raw[half..]);
        self.core.process_input(self.now);

        match header.r#type {
            MessageType::Reply | MessageType::ReplyWithFds => {
                self.completed(rec, serial, peers);
            }
            MessageType::Message
                if is_keepalive && header.proc == keepalive::ProcedureNumber::Ping as i32 =>
            {
                let pong = self.transmitted();
                assert!(!pong.is_empty(), "{at}: no PONG for the daemon's PING");
                self.pongs.push_back(pong);
                self.stats.pongs += 1;
            }
            _ => {}
        }
        self.no_outputs(&at);
        assert!(!self.core.wants_transmit(), "{at}: unexpected transmit");
        assert!(self.core.closed().is_none(), "{at}: the connection closed");

        // Every stream and subscription holds exactly what it should.
        for (i, stream) in self.streams.iter().enumerate() {
            let seen = stream.log.0.borrow();
            assert_eq!(seen.packets, stream.packets, "{at}: stream {i} packets");
            let ends: Vec<_> = stream.end.iter().cloned().collect();
            if !stream.failed {
                assert_eq!(seen.ends, ends, "{at}: stream {i} end");
            } else {
                assert!(seen.ends.is_empty(), "{at}: failed stream {i} ended");
            }
        }
        if let Some(index) = event_sub {
            let sub = &self.subs[index];
            assert_eq!(
                sub.log.0.borrow().frames,
                sub.expected,
                "{at}: events of {:?}",
                sub.key
            );
        }
    }

    fn completed(&mut self, rec: &Recorded, serial: u32, peers: Vec<UnixStream>) {
        let at = self.at(rec);
        let Some(Output::Completed {
            serial: done,
            waiter,
            result,
        }) = self.core.poll_output()
        else {
            panic!("{at}: the reply completed no call");
        };
        assert_eq!(done, serial, "{at}: completed the wrong serial");
        let pending = self
            .pending
            .remove(&serial)
            .unwrap_or_else(|| panic!("{at}: reply to no pending call"));
        assert_eq!(waiter.0, pending.line, "{at}: reached the wrong waiter");
        match rec.frame.header.status {
            MessageStatus::Ok => {
                let reply = result.unwrap_or_else(|e| panic!("{at}: {e}"));
                assert_eq!(reply.body, rec.frame.body, "{at}: reply payload");
                assert_eq!(reply.fds.len(), peers.len(), "{at}: descriptors");
                for (fd, mut peer) in reply.fds.into_iter().zip(peers) {
                    same_socket(fd, &mut peer, &at);
                    self.stats.fds_in += 1;
                }
                if let Opened::Register { family, route, log } = pending.opened {
                    let callback_id = route
                        .with_callback_id
                        .then(|| leading_int(&rec.frame.body, "registration reply"));
                    let key = RouteKey {
                        program: route.program,
                        procedure: route.procedure,
                        callback_id,
                    };
                    self.subs.push(Subscription {
                        log,
                        key,
                        family,
                        callback_id,
                        expected: Vec::new(),
                    });
                    let previous = self.live.insert(key, self.subs.len() - 1);
                    assert!(previous.is_none(), "{at}: {key:?} registered twice");
                    assert_eq!(self.core.subscriptions(), self.live.len(), "{at}");
                }
            }
            MessageStatus::Error => {
                let error: MessageError =
                    xdr::from_bytes(rec.frame.body.clone()).expect("virNetMessageError");
                match result {
                    Err(CallError::Remote(got)) => assert_eq!(*got, error, "{at}: error"),
                    other => panic!("{at}: expected the recorded error, got {other:?}"),
                }
                if let Opened::Stream(index) = pending.opened {
                    self.streams[index].failed = true;
                }
                self.stats.errors += 1;
            }
            MessageStatus::Continue => panic!("{at}: REPLY with status CONTINUE"),
            other => panic!("{at}: a REPLY with an unknown status {other:?}"),
        }
    }

    fn finish(mut self) -> Stats {
        let name = self.name.clone();
        assert!(self.core.closed().is_none(), "{name}: closed");
        assert!(
            self.pending.is_empty(),
            "{name}: calls never answered: {:?}",
            self.pending.values().map(|p| p.line).collect::<Vec<_>>()
        );
        assert_eq!(self.core.in_flight(), 0, "{name}: in flight");
        assert_eq!(self.core.queued(), 0, "{name}: queued");
        for (i, stream) in self.streams.iter().enumerate() {
            assert!(
                stream.failed || stream.end.is_some(),
                "{name}: stream {i} never ended in the recording"
            );
        }
        assert_eq!(self.core.open_streams(), 0, "{name}: streams left open");
        assert_eq!(self.core.subscriptions(), self.live.len(), "{name}");
        assert!(
            self.pongs.is_empty(),
            "{name}: PONGs the client did not send"
        );
        // The daemon hangs up: only Closed follows, and live subscriptions close.
        self.core.handle_eof();
        match self.core.poll_output() {
            Some(Output::Closed(ConnectionError::Eof)) => {}
            other => panic!("{name}: after EOF: {other:?}"),
        }
        assert!(self.core.poll_output().is_none());
        for &index in self.live.values() {
            assert_eq!(
                self.subs[index].log.0.borrow().closed,
                Some(ConnectionError::Eof)
            );
        }
        self.stats
    }
}

fn replay(path: &Path) -> Stats {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let mut replay = Replay::new(&name);
    for rec in parse(path) {
        if rec.from_client {
            replay.client(&rec);
        } else {
            replay.server(&rec);
        }
    }
    replay.finish()
}

#[test]
fn recorded_connections_replay_through_the_core() {
    let dir = fixtures_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "frames"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());

    let mut all = Stats::default();
    let mut report = String::new();
    for path in &files {
        let stats = replay(path);
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let _ = writeln!(
            report,
            "{name:>24}: {:>3} calls ({} errors, {} renumbered), {} streams ({} in / {} out), \
             {} events, fds {} in / {} out, {} pongs",
            stats.calls,
            stats.errors,
            stats.renumbered,
            stats.streams,
            stats.packets_in,
            stats.packets_out,
            stats.events,
            stats.fds_in,
            stats.fds_out,
            stats.pongs
        );
        all.events += stats.events;
        all.fds_in += stats.fds_in;
        all.fds_out += stats.fds_out;
        all.pongs += stats.pongs;
        all.event_procs.extend(stats.event_procs);
        all.stream_procs.extend(stats.stream_procs);
        all.requests.extend(stats.requests);
        all.received.extend(stats.received);
    }
    println!("{report}");

    // What the fixtures must keep covering.
    let remote_events = [
        "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE",
        "REMOTE_PROC_NETWORK_EVENT_LIFECYCLE",
        "REMOTE_PROC_NETWORK_EVENT_CALLBACK_METADATA_CHANGE",
        "REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE",
        "REMOTE_PROC_STORAGE_POOL_EVENT_REFRESH",
        "REMOTE_PROC_SECRET_EVENT_LIFECYCLE",
        "REMOTE_PROC_SECRET_EVENT_VALUE_CHANGED",
        "REMOTE_PROC_NODE_DEVICE_EVENT_LIFECYCLE",
    ];
    for name in remote_events {
        let info = by_name(remote::PROGRAM, name);
        assert!(
            all.event_procs.contains(&(info.program, info.number)),
            "no fixture delivers {name}"
        );
    }
    let monitor = by_name(qemu::PROGRAM, "QEMU_PROC_DOMAIN_MONITOR_EVENT");
    assert!(all.event_procs.contains(&(monitor.program, monitor.number)));
    for name in [
        "REMOTE_PROC_DOMAIN_SCREENSHOT",
        "REMOTE_PROC_STORAGE_VOL_DOWNLOAD",
        "REMOTE_PROC_STORAGE_VOL_UPLOAD",
        "REMOTE_PROC_DOMAIN_OPEN_CONSOLE",
    ] {
        let info = by_name(remote::PROGRAM, name);
        assert!(all.stream_procs.contains(&info.number), "no {name} stream");
    }
    for kind in ["data", "hole", "finish"] {
        assert!(all.requests.contains(kind), "no client stream {kind}");
    }
    for kind in ["data", "eof", "hole", "ok"] {
        assert!(all.received.contains(kind), "no server stream {kind}");
    }
    assert!(all.fds_in > 0, "no REPLY_WITH_FDS replayed");
    assert!(all.fds_out > 0, "no CALL_WITH_FDS replayed");
    assert!(all.pongs > 0, "no daemon PING replayed");
}
