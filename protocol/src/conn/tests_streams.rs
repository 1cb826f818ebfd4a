//! Deterministic tests of streams in the connection core.

use super::*;
use crate::remote;
use crate::virnet::MessageError;
use crate::xdr::{Decode, XdrString};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const DOWNLOAD: i32 = 209;
const UPLOAD: i32 = 208;

#[derive(Debug, Clone, Default)]
struct Waiter0(Rc<Cell<bool>>);

impl Waiter for Waiter0 {
    fn is_cancelled(&self) -> bool {
        self.0.get()
    }
}

/// Everything a stream's sink saw.
#[derive(Debug, Default)]
struct Seen {
    packets: Vec<StreamPacket>,
    end: Option<Result<(), CallError>>,
    ends: usize,
    written: usize,
    full: bool,
}

#[derive(Debug, Clone, Default)]
struct Sink(Rc<RefCell<Seen>>);

impl StreamSink for Sink {
    fn receive(&mut self, packet: StreamPacket) {
        self.0.borrow_mut().packets.push(packet);
    }
    fn end(&mut self, result: Result<(), CallError>) {
        let mut seen = self.0.borrow_mut();
        seen.end = Some(result);
        seen.ends += 1;
    }
    fn written(&mut self, len: usize) {
        self.0.borrow_mut().written += len;
    }
    fn is_full(&self) -> bool {
        self.0.borrow().full
    }
}

type Conn = Connection<Waiter0, Sink>;

fn conn() -> (Conn, Instant) {
    let now = Instant::now();
    (Connection::new(Config::default(), now), now)
}

fn open(c: &mut Conn, proc: i32, sparse: bool) -> (u32, Sink) {
    let sink = Sink::default();
    let frame = CallFrame::encode(remote::REMOTE_PROGRAM, 1, proc, &()).unwrap();
    let serial = c.start_stream(frame, Waiter0::default(), sink.clone(), sparse);
    (serial, sink)
}

fn message(
    proc: i32,
    t: MessageType,
    serial: u32,
    status: MessageStatus,
    body: &impl Encode,
) -> BytesMut {
    let h = frame::header(remote::REMOTE_PROGRAM, 1, proc, t, serial, status);
    let mut out = BytesMut::new();
    frame::encode_message(&h, body, &mut out).unwrap();
    out
}

fn data(proc: i32, serial: u32, bytes: &'static [u8]) -> BytesMut {
    message(
        proc,
        MessageType::Stream,
        serial,
        MessageStatus::Continue,
        &frame::RawPayload(Bytes::from_static(bytes)),
    )
}

fn ok_reply(proc: i32, serial: u32) -> BytesMut {
    message(proc, MessageType::Reply, serial, MessageStatus::Ok, &())
}

fn feed(c: &mut Conn, bytes: &[u8], now: Instant) {
    c.receive_buffer().extend_from_slice(bytes);
    c.process_input(now);
}

/// Headers of what was transmitted, with each payload joined to its header.
fn sent(c: &mut Conn) -> Vec<(MessageHeader, Vec<u8>)> {
    let mut all = BytesMut::new();
    while let Some(t) = c.poll_transmit() {
        all.extend_from_slice(&t.bytes);
    }
    let mut out = Vec::new();
    while let Some(f) = frame::decode_frame(&mut all).unwrap() {
        out.push((f.header, f.body.to_vec()));
    }
    assert!(all.is_empty());
    out
}

fn error_body() -> MessageError {
    MessageError {
        code: 38,
        domain: 10,
        message: Some(XdrString::from("cannot read")),
        level: 2,
        dom: None,
        str1: None,
        str2: None,
        str3: None,
        int1: -1,
        int2: -1,
        net: None,
    }
}

#[test]
fn a_download_delivers_data_then_eof_and_finishes() {
    let (mut c, now) = conn();
    let (serial, sink) = open(&mut c, DOWNLOAD, false);
    sent(&mut c);
    // Data may overtake the reply: it is kept for the stream all the same.
    feed(&mut c, &data(DOWNLOAD, serial, b"early"), now);
    feed(&mut c, &ok_reply(DOWNLOAD, serial), now);
    assert!(matches!(
        c.poll_output(),
        Some(Output::Completed { result: Ok(_), .. })
    ));
    feed(&mut c, &data(DOWNLOAD, serial, b"more"), now);
    feed(&mut c, &data(DOWNLOAD, serial, b""), now);
    assert_eq!(
        sink.0.borrow().packets,
        [
            StreamPacket::Data(Bytes::from_static(b"early")),
            StreamPacket::Data(Bytes::from_static(b"more")),
            StreamPacket::Eof
        ]
    );
    assert_eq!(c.open_streams(), 1);
    c.stream_send(serial, StreamRequest::Finish).unwrap();
    let out = sent(&mut c);
    assert_eq!(out.len(), 1);
    let (h, body) = &out[0];
    assert_eq!(
        (h.r#type, h.status, h.serial, h.proc),
        (MessageType::Stream, MessageStatus::Ok, serial, DOWNLOAD)
    );
    assert!(body.is_empty());
    assert!(sink.0.borrow().end.is_none());
    feed(
        &mut c,
        &message(
            DOWNLOAD,
            MessageType::Stream,
            serial,
            MessageStatus::Ok,
            &(),
        ),
        now,
    );
    assert_eq!(sink.0.borrow().end, Some(Ok(())));
    assert_eq!(c.open_streams(), 0);
    // The serial is free again and later packets for it are ignored.
    feed(&mut c, &data(DOWNLOAD, serial, b"late"), now);
    assert_eq!(sink.0.borrow().packets.len(), 3);
}

#[test]
fn a_serial_is_never_reused_while_its_stream_lives() {
    let (mut c, now) = conn();
    let (serial, _sink) = open(&mut c, DOWNLOAD, false);
    feed(&mut c, &ok_reply(DOWNLOAD, serial), now);
    c.next_serial = serial; // as after a wrap-around
    let frame = CallFrame::encode(remote::REMOTE_PROGRAM, 1, 4, &()).unwrap();
    let next = c.start_call(frame, Waiter0::default());
    assert_ne!(next, serial);
}

#[test]
fn upload_data_is_chunked_without_copying_and_reported_written() {
    let (mut c, now) = conn();
    let (serial, sink) = open(&mut c, UPLOAD, false);
    sent(&mut c);
    let payload = Bytes::from(vec![7u8; frame::STREAM_CHUNK * 2 + 10]);
    // Before the reply the daemon would drop stream packets: refused.
    assert_eq!(
        c.stream_send(serial, StreamRequest::Data(payload.clone())),
        Err(StreamRequestError::NotReady)
    );
    feed(&mut c, &ok_reply(UPLOAD, serial), now);
    c.stream_send(serial, StreamRequest::Data(payload.clone()))
        .unwrap();
    let mut items = Vec::new();
    while let Some(t) = c.poll_transmit() {
        items.push(t);
    }
    // Header, chunk, header, chunk, header, chunk.
    assert_eq!(items.len(), 6);
    let chunks: Vec<_> = items.iter().filter(|t| t.stream == Some(serial)).collect();
    assert_eq!(
        chunks.iter().map(|t| t.bytes.len()).collect::<Vec<_>>(),
        [frame::STREAM_CHUNK, frame::STREAM_CHUNK, 10]
    );
    // Zero copy: the chunks point into the caller's buffer.
    assert_eq!(chunks[0].bytes.as_ptr(), payload.as_ptr());
    for t in &chunks {
        c.stream_written(serial, t.bytes.len());
    }
    assert_eq!(sink.0.borrow().written, payload.len());
    let header = header_of(&items[0].bytes);
    assert_eq!(
        (header.r#type, header.status),
        (MessageType::Stream, MessageStatus::Continue)
    );
}

fn header_of(bytes: &Bytes) -> MessageHeader {
    let mut b = bytes.slice(4..28);
    MessageHeader::decode(&mut b).unwrap()
}

#[test]
fn holes_need_the_sparse_flag_both_ways() {
    let (mut c, now) = conn();
    let (plain, plain_sink) = open(&mut c, UPLOAD, false);
    let (sparse, _) = open(&mut c, UPLOAD, true);
    feed(&mut c, &ok_reply(UPLOAD, plain), now);
    feed(&mut c, &ok_reply(UPLOAD, sparse), now);
    sent(&mut c);
    assert_eq!(
        c.stream_send(plain, StreamRequest::Hole(4096)),
        Err(StreamRequestError::NotSparse)
    );
    assert_eq!(
        c.stream_send(sparse, StreamRequest::Hole(u64::MAX)),
        Err(StreamRequestError::HoleTooLong(u64::MAX))
    );
    c.stream_send(sparse, StreamRequest::Hole(1 << 20)).unwrap();
    let out = sent(&mut c);
    assert_eq!(out[0].0.r#type, MessageType::StreamHole);
    let hole: stream::Hole = xdr::from_bytes(Bytes::from(out[0].1.clone())).unwrap();
    assert_eq!((hole.length, hole.flags), (1 << 20, 0));
    // A daemon hole on a non-sparse stream ends that stream, not the connection.
    let body = stream::Hole {
        length: 5,
        flags: 0,
    };
    feed(
        &mut c,
        &message(
            UPLOAD,
            MessageType::StreamHole,
            plain,
            MessageStatus::Continue,
            &body,
        ),
        now,
    );
    assert!(matches!(
        plain_sink.0.borrow().end,
        Some(Err(CallError::StreamProtocol(_)))
    ));
    assert!(c.closed().is_none());
}

#[test]
fn a_sparse_download_delivers_holes() {
    let (mut c, now) = conn();
    let (serial, sink) = open(&mut c, DOWNLOAD, true);
    feed(&mut c, &ok_reply(DOWNLOAD, serial), now);
    feed(&mut c, &data(DOWNLOAD, serial, b"abc"), now);
    let hole = stream::Hole {
        length: 1 << 30,
        flags: 0,
    };
    feed(
        &mut c,
        &message(
            DOWNLOAD,
            MessageType::StreamHole,
            serial,
            MessageStatus::Continue,
            &hole,
        ),
        now,
    );
    let negative = stream::Hole {
        length: -1,
        flags: 0,
    };
    assert_eq!(
        sink.0.borrow().packets,
        [
            StreamPacket::Data(Bytes::from_static(b"abc")),
            StreamPacket::Hole(1 << 30)
        ]
    );
    feed(
        &mut c,
        &message(
            DOWNLOAD,
            MessageType::StreamHole,
            serial,
            MessageStatus::Continue,
            &negative,
        ),
        now,
    );
    assert!(matches!(
        sink.0.borrow().end,
        Some(Err(CallError::StreamProtocol(_)))
    ));
}

#[test]
fn a_daemon_error_ends_the_stream_with_its_libvirt_error() {
    let (mut c, now) = conn();
    let (serial, sink) = open(&mut c, DOWNLOAD, false);
    feed(&mut c, &ok_reply(DOWNLOAD, serial), now);
    feed(
        &mut c,
        &message(
            DOWNLOAD,
            MessageType::Stream,
            serial,
            MessageStatus::Error,
            &error_body(),
        ),
        now,
    );
    match &sink.0.borrow().end {
        Some(Err(CallError::Remote(e))) => assert_eq!(**e, error_body()),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(c.open_streams(), 0);
    assert_eq!(
        c.stream_send(serial, StreamRequest::Finish),
        Err(StreamRequestError::NoStream)
    );
}

#[test]
fn abort_sends_an_empty_error_and_waits_for_ok() {
    let (mut c, now) = conn();
    let (serial, sink) = open(&mut c, DOWNLOAD, false);
    feed(&mut c, &ok_reply(DOWNLOAD, serial), now);
    sent(&mut c);
    c.stream_send(serial, StreamRequest::Abort).unwrap();
    // Aborting twice is harmless; sending after it is not.
    c.stream_send(serial, StreamRequest::Abort).unwrap();
    assert_eq!(
        c.stream_send(serial, StreamRequest::Data(Bytes::from_static(b"x"))),
        Err(StreamRequestError::Closing)
    );
    let out = sent(&mut c);
    assert_eq!(out.len(), 1);
    assert_eq!(
        (out[0].0.r#type, out[0].0.status),
        (MessageType::Stream, MessageStatus::Error)
    );
    assert!(out[0].1.is_empty());
    // Data already on its way is dropped, not delivered.
    feed(&mut c, &data(DOWNLOAD, serial, b"stale"), now);
    assert!(sink.0.borrow().packets.is_empty());
    feed(
        &mut c,
        &message(
            DOWNLOAD,
            MessageType::Stream,
            serial,
            MessageStatus::Ok,
            &(),
        ),
        now,
    );
    assert_eq!(sink.0.borrow().end, Some(Ok(())));
}

#[test]
fn a_stream_whose_caller_left_is_aborted_when_the_reply_comes() {
    let (mut c, now) = conn();
    let sink = Sink::default();
    let waiter = Waiter0::default();
    let frame = CallFrame::encode(remote::REMOTE_PROGRAM, 1, DOWNLOAD, &()).unwrap();
    let serial = c.start_stream(frame, waiter.clone(), sink.clone(), false);
    sent(&mut c);
    waiter.0.set(true);
    feed(&mut c, &ok_reply(DOWNLOAD, serial), now);
    let out = sent(&mut c);
    assert_eq!(
        (out[0].0.r#type, out[0].0.status, out[0].0.serial),
        (MessageType::Stream, MessageStatus::Error, serial)
    );
}

#[test]
fn an_abort_before_the_reply_is_sent_after_it() {
    let (mut c, now) = conn();
    let (serial, _) = open(&mut c, DOWNLOAD, false);
    sent(&mut c);
    c.stream_send(serial, StreamRequest::Abort).unwrap();
    assert!(sent(&mut c).is_empty());
    feed(&mut c, &ok_reply(DOWNLOAD, serial), now);
    let out = sent(&mut c);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].0.status, MessageStatus::Error);
}

#[test]
fn a_failed_opening_call_leaves_no_stream() {
    let (mut c, now) = conn();
    let (serial, sink) = open(&mut c, DOWNLOAD, false);
    feed(
        &mut c,
        &message(
            DOWNLOAD,
            MessageType::Reply,
            serial,
            MessageStatus::Error,
            &error_body(),
        ),
        now,
    );
    assert!(matches!(
        c.poll_output(),
        Some(Output::Completed {
            result: Err(CallError::Remote(_)),
            ..
        })
    ));
    assert_eq!(c.open_streams(), 0);
    assert!(sink.0.borrow().end.is_none());
}

#[test]
fn closing_ends_every_stream_once() {
    let (mut c, now) = conn();
    let (a, sink_a) = open(&mut c, DOWNLOAD, false);
    let (_b, sink_b) = open(&mut c, UPLOAD, false);
    feed(&mut c, &ok_reply(DOWNLOAD, a), now);
    c.handle_eof();
    for sink in [&sink_a, &sink_b] {
        let seen = sink.0.borrow();
        assert_eq!(seen.ends, 1);
        assert!(matches!(
            seen.end,
            Some(Err(CallError::Closed(ConnectionError::Eof)))
        ));
    }
    assert_eq!(
        c.stream_send(a, StreamRequest::Finish),
        Err(StreamRequestError::Closed)
    );
}

#[test]
fn a_full_sink_asks_the_driver_to_pause_reading() {
    let (mut c, now) = conn();
    let (serial, sink) = open(&mut c, DOWNLOAD, false);
    feed(&mut c, &ok_reply(DOWNLOAD, serial), now);
    assert!(!c.wants_read_pause());
    sink.0.borrow_mut().full = true;
    assert!(c.wants_read_pause());
}

#[test]
fn keepalive_sleeps_while_reading_is_paused() {
    let now = Instant::now();
    let config = Config {
        keepalive: Some(KeepaliveConfig::default()),
        ..Config::default()
    };
    let mut c: Conn = Connection::new(config, now);
    assert!(c.poll_timeout().is_some());
    c.set_read_paused(true, now);
    assert_eq!(c.poll_timeout(), None);
    c.set_read_paused(false, now + std::time::Duration::from_secs(60));
    assert_eq!(
        c.poll_timeout(),
        Some(now + std::time::Duration::from_secs(65))
    );
}

#[test]
fn stream_packets_for_another_procedure_are_ignored() {
    let (mut c, now) = conn();
    let (serial, sink) = open(&mut c, DOWNLOAD, false);
    feed(&mut c, &ok_reply(DOWNLOAD, serial), now);
    feed(&mut c, &data(UPLOAD, serial, b"wrong"), now);
    feed(&mut c, &data(DOWNLOAD, serial + 100, b"unknown"), now);
    assert!(sink.0.borrow().packets.is_empty());
    assert!(c.closed().is_none());
}
