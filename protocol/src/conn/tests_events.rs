//! Deterministic tests of event routing and descriptors in the connection core.

use super::*;
use crate::{qemu, remote};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Debug, Default)]
struct W;
impl Waiter for W {}

#[derive(Debug, Default)]
struct Got {
    frames: Vec<Frame>,
    closed: Option<ConnectionError>,
}

#[derive(Debug, Clone, Default)]
struct Events(Rc<RefCell<Got>>);

impl EventSink for Events {
    fn deliver(&mut self, frame: Frame) {
        self.0.borrow_mut().frames.push(frame);
    }
    fn close(&mut self, error: &ConnectionError) {
        self.0.borrow_mut().closed = Some(error.clone());
    }
}

type Conn = Connection<W, (), Events>;

fn conn() -> (Conn, Instant) {
    let now = Instant::now();
    (Connection::new(Config::default(), now), now)
}

fn msg(program: u32, proc: i32, t: MessageType, serial: u32, body: &impl Encode) -> BytesMut {
    let h = frame::header(program, 1, proc, t, serial, MessageStatus::Ok);
    let mut out = BytesMut::new();
    frame::encode_message(&h, body, &mut out).unwrap();
    out
}

fn feed(c: &mut Conn, bytes: &[u8], now: Instant) {
    c.receive_buffer().extend_from_slice(bytes);
    c.process_input(now);
}

/// Registers `route` and answers with callback id `id`.
fn subscribe(c: &mut Conn, register: i32, route: Route, id: i32, now: Instant) -> Events {
    let sink = Events::default();
    let call = CallFrame::encode(route.program, 1, register, &()).unwrap();
    let serial = c.start_subscription(call, W, route, sink.clone());
    let reply = if route.with_callback_id {
        msg(route.program, register, MessageType::Reply, serial, &id)
    } else {
        msg(route.program, register, MessageType::Reply, serial, &())
    };
    feed(c, &reply, now);
    sink
}

fn lifecycle() -> Route {
    Route {
        program: remote::REMOTE_PROGRAM,
        procedure: 318,
        with_callback_id: true,
    }
}

#[test]
fn events_reach_their_subscription_by_callback_id() {
    let (mut c, now) = conn();
    let a = subscribe(&mut c, 316, lifecycle(), 0, now);
    let b = subscribe(&mut c, 316, lifecycle(), 1, now);
    // Network ids come from another counter: the same id routes apart.
    let net_route = Route {
        program: remote::REMOTE_PROGRAM,
        procedure: 315,
        with_callback_id: true,
    };
    let net = subscribe(&mut c, 313, net_route, 0, now);
    feed(
        &mut c,
        &msg(
            remote::REMOTE_PROGRAM,
            318,
            MessageType::Message,
            1,
            &0x0000_0001_0000_0007u64,
        ),
        now,
    );
    feed(
        &mut c,
        &msg(
            remote::REMOTE_PROGRAM,
            318,
            MessageType::Message,
            1,
            &0x0000_0000_0000_0008u64,
        ),
        now,
    );
    feed(
        &mut c,
        &msg(
            remote::REMOTE_PROGRAM,
            315,
            MessageType::Message,
            1,
            &0x0000_0000_0000_0009u64,
        ),
        now,
    );
    assert_eq!(a.0.borrow().frames.len(), 1);
    assert_eq!(&a.0.borrow().frames[0].body[4..], &8u32.to_be_bytes());
    assert_eq!(&b.0.borrow().frames[0].body[4..], &7u32.to_be_bytes());
    assert_eq!(net.0.borrow().frames.len(), 1);
    assert_eq!(c.subscriptions(), 3);
}

#[test]
fn qemu_monitor_events_route_by_program() {
    let (mut c, now) = conn();
    let route = Route {
        program: qemu::QEMU_PROGRAM,
        procedure: 6,
        with_callback_id: true,
    };
    let sink = subscribe(&mut c, 4, route, 3, now);
    feed(
        &mut c,
        &msg(qemu::QEMU_PROGRAM, 6, MessageType::Message, 1, &3i32),
        now,
    );
    assert_eq!(sink.0.borrow().frames.len(), 1);
}

#[test]
fn the_connection_closed_event_has_no_callback_id() {
    let (mut c, now) = conn();
    let route = Route {
        program: remote::REMOTE_PROGRAM,
        procedure: 362,
        with_callback_id: false,
    };
    let sink = subscribe(&mut c, 360, route, 0, now);
    feed(
        &mut c,
        &msg(remote::REMOTE_PROGRAM, 362, MessageType::Message, 1, &2i32),
        now,
    );
    assert_eq!(sink.0.borrow().frames.len(), 1);
}

#[test]
fn unsubscribed_and_unknown_events_are_dropped_without_closing() {
    let (mut c, now) = conn();
    let sink = subscribe(&mut c, 316, lifecycle(), 5, now);
    let key = RouteKey {
        program: remote::REMOTE_PROGRAM,
        procedure: 318,
        callback_id: Some(5),
    };
    assert!(c.unsubscribe(&key).is_some());
    feed(
        &mut c,
        &msg(remote::REMOTE_PROGRAM, 318, MessageType::Message, 1, &5i32),
        now,
    );
    assert!(sink.0.borrow().frames.is_empty());
    assert!(
        c.poll_output()
            .is_none_or(|o| matches!(o, Output::Completed { .. }))
    );
    while c.poll_output().is_some() {}
    // A procedure a newer daemon might send: reported, not fatal.
    feed(
        &mut c,
        &msg(remote::REMOTE_PROGRAM, 9999, MessageType::Message, 1, &0i32),
        now,
    );
    assert!(matches!(
        c.poll_output(),
        Some(Output::UnknownEvent {
            procedure: 9999,
            ..
        })
    ));
    // An event too short to carry a callback id is dropped too.
    feed(
        &mut c,
        &msg(remote::REMOTE_PROGRAM, 318, MessageType::Message, 1, &()),
        now,
    );
    assert!(c.closed().is_none());
}

#[test]
fn a_failed_registration_routes_nothing() {
    let (mut c, now) = conn();
    let sink = Events::default();
    let call = CallFrame::encode(remote::REMOTE_PROGRAM, 1, 316, &()).unwrap();
    let serial = c.start_subscription(call, W, lifecycle(), sink.clone());
    let error = crate::virnet::MessageError {
        code: 1,
        domain: 0,
        message: None,
        level: 2,
        dom: None,
        str1: None,
        str2: None,
        str3: None,
        int1: 0,
        int2: 0,
        net: None,
    };
    let h = frame::header(
        remote::REMOTE_PROGRAM,
        1,
        316,
        MessageType::Reply,
        serial,
        MessageStatus::Error,
    );
    let mut out = BytesMut::new();
    frame::encode_message(&h, &error, &mut out).unwrap();
    feed(&mut c, &out, now);
    assert_eq!(c.subscriptions(), 0);
}

#[test]
fn closing_closes_every_subscription() {
    let (mut c, now) = conn();
    let sink = subscribe(&mut c, 316, lifecycle(), 0, now);
    c.handle_eof();
    assert_eq!(sink.0.borrow().closed, Some(ConnectionError::Eof));
    assert_eq!(c.subscriptions(), 0);
}

#[cfg(unix)]
mod fds {
    use super::*;
    use std::os::fd::OwnedFd;

    /// Two descriptors (a socket pair: `std::io::pipe` is newer than the MSRV).
    fn pipe() -> (OwnedFd, OwnedFd) {
        let (r, w) = std::os::unix::net::UnixStream::pair().unwrap();
        (r.into(), w.into())
    }

    fn reply_with_fds(serial: u32, count: u32) -> BytesMut {
        let h = frame::header(
            remote::REMOTE_PROGRAM,
            1,
            343,
            MessageType::ReplyWithFds,
            serial,
            MessageStatus::Ok,
        );
        let mut out = BytesMut::new();
        frame::encode_message(&h, &count, &mut out).unwrap();
        out.extend_from_slice(&vec![0u8; count as usize]);
        out
    }

    #[test]
    fn a_reply_claims_the_descriptors_it_announces() {
        let (mut c, now) = conn();
        let call = CallFrame::encode(remote::REMOTE_PROGRAM, 1, 343, &()).unwrap();
        let serial = c.start_call(call, W);
        let (r, w) = pipe();
        c.receive_fds([w]);
        feed(&mut c, &reply_with_fds(serial, 1), now);
        let Some(Output::Completed {
            result: Ok(reply), ..
        }) = c.poll_output()
        else {
            panic!("no reply");
        };
        assert_eq!(reply.fds.len(), 1);
        assert!(reply.body.is_empty());
        drop(r);
    }

    #[test]
    fn only_calls_marked_for_descriptors_make_the_reader_expect_them() {
        let (mut c, now) = conn();
        let plain = CallFrame::encode(remote::REMOTE_PROGRAM, 1, 4, &()).unwrap();
        c.start_call(plain, W);
        assert!(!c.may_receive_fds());
        let call = CallFrame::encode(remote::REMOTE_PROGRAM, 1, 343, &())
            .unwrap()
            .expecting_fds();
        let serial = c.start_call(call, W);
        assert!(c.may_receive_fds());
        let (_r, w) = pipe();
        c.receive_fds([w]);
        feed(&mut c, &reply_with_fds(serial, 1), now);
        assert!(!c.may_receive_fds(), "answered: nothing more is due");
        let call = CallFrame::encode(remote::REMOTE_PROGRAM, 1, 343, &())
            .unwrap()
            .expecting_fds();
        c.start_call(call, W);
        c.handle_eof();
        assert!(!c.may_receive_fds());
    }

    #[test]
    fn descriptors_that_never_arrive_close_the_connection() {
        let (mut c, now) = conn();
        let call = CallFrame::encode(remote::REMOTE_PROGRAM, 1, 343, &()).unwrap();
        let serial = c.start_call(call, W);
        feed(&mut c, &reply_with_fds(serial, 2), now);
        assert_eq!(
            c.closed(),
            Some(&ConnectionError::MissingFds {
                expected: 2,
                received: 0
            })
        );
    }

    #[test]
    fn unannounced_descriptors_close_the_connection() {
        let (mut c, now) = conn();
        let (r, _w) = pipe();
        c.receive_fds([r]);
        c.process_input(now);
        assert_eq!(
            c.closed(),
            Some(&ConnectionError::UnexpectedFds { count: 1 })
        );
    }

    #[test]
    fn a_call_with_fds_carries_the_count_and_its_descriptors() {
        let (mut c, _) = conn();
        let (r, w) = pipe();
        let call =
            CallFrame::encode_with_fds(remote::REMOTE_PROGRAM, 1, 249, &7u32, vec![r, w]).unwrap();
        c.start_call(call, W);
        let t = c.poll_transmit().unwrap();
        assert_eq!(t.fds.len(), 2);
        let mut buf = BytesMut::from(&t.bytes[..]);
        buf.extend_from_slice(&[0, 0]);
        let f = frame::decode_frame(&mut buf).unwrap().unwrap();
        assert_eq!((f.header.r#type, f.num_fds), (MessageType::CallWithFds, 2));
        assert_eq!(&f.body[..], &7u32.to_be_bytes());
    }
}
