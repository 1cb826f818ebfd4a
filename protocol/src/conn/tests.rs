//! Deterministic tests of the connection core: no runtime, no sockets.

use super::*;
use crate::remote;
use crate::virnet::MessageError;
use crate::xdr::{Decode, XdrString};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

#[derive(Debug, Clone)]
struct TestWaiter {
    id: u32,
    cancelled: Rc<Cell<bool>>,
}

impl TestWaiter {
    fn new(id: u32) -> Self {
        Self {
            id,
            cancelled: Rc::new(Cell::new(false)),
        }
    }
}

impl Waiter for TestWaiter {
    fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }
}

fn conn(max_in_flight: usize) -> (Connection<TestWaiter>, Instant) {
    let now = Instant::now();
    (
        Connection::new(
            Config {
                max_in_flight,
                keepalive: None,
            },
            now,
        ),
        now,
    )
}

fn call(proc: i32) -> CallFrame {
    CallFrame::encode(remote::REMOTE_PROGRAM, 1, proc, &()).unwrap()
}

fn header_of(bytes: &Bytes) -> MessageHeader {
    let mut b = bytes.slice(4..28);
    MessageHeader::decode(&mut b).unwrap()
}

fn transmitted(c: &mut Connection<TestWaiter>) -> Vec<MessageHeader> {
    std::iter::from_fn(|| c.poll_transmit())
        .map(|t| header_of(&t.bytes))
        .collect()
}

fn reply(serial: u32, proc: i32, status: MessageStatus, body: &impl Encode) -> BytesMut {
    let h = frame::header(
        remote::REMOTE_PROGRAM,
        1,
        proc,
        MessageType::Reply,
        serial,
        status,
    );
    let mut out = BytesMut::new();
    frame::encode_message(&h, body, &mut out).unwrap();
    out
}

fn feed(c: &mut Connection<TestWaiter>, bytes: &[u8], now: Instant) {
    c.receive_buffer().extend_from_slice(bytes);
    c.process_input(now);
}

fn completions(c: &mut Connection<TestWaiter>) -> Vec<(u32, Result<Reply, CallError>)> {
    let mut done = Vec::new();
    while let Some(out) = c.poll_output() {
        if let Output::Completed { waiter, result, .. } = out {
            done.push((waiter.id, result));
        }
    }
    done
}

#[test]
fn serials_count_up_from_zero_like_libvirt() {
    let (mut c, _) = conn(5);
    for i in 0..3 {
        assert_eq!(c.start_call(call(66), TestWaiter::new(i)), i);
    }
    let sent = transmitted(&mut c);
    assert_eq!(sent.iter().map(|h| h.serial).collect::<Vec<_>>(), [0, 1, 2]);
    assert!(
        sent.iter()
            .all(|h| h.r#type == MessageType::Call && h.proc == 66)
    );
}

#[test]
fn out_of_order_replies_reach_their_callers() {
    let (mut c, now) = conn(5);
    for i in 0..4 {
        c.start_call(call(4), TestWaiter::new(i));
    }
    transmitted(&mut c);
    for serial in [2u32, 0, 3, 1] {
        feed(
            &mut c,
            &reply(serial, 4, MessageStatus::Ok, &u64::from(serial * 100)),
            now,
        );
    }
    let done = completions(&mut c);
    let ids: Vec<u32> = done.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, [2, 0, 3, 1]);
    for (id, result) in done {
        let body = result.unwrap().body;
        assert_eq!(xdr::from_bytes::<u64>(body).unwrap(), u64::from(id * 100));
    }
}

#[test]
fn calls_beyond_the_cap_wait_in_the_client() {
    let (mut c, now) = conn(2);
    for i in 0..5 {
        c.start_call(call(4), TestWaiter::new(i));
    }
    assert_eq!(transmitted(&mut c).len(), 2);
    assert_eq!((c.in_flight(), c.queued()), (2, 3));
    feed(&mut c, &reply(1, 4, MessageStatus::Ok, &0u64), now);
    assert_eq!(
        transmitted(&mut c)
            .iter()
            .map(|h| h.serial)
            .collect::<Vec<_>>(),
        [2]
    );
    assert_eq!((c.in_flight(), c.queued()), (2, 2));
}

#[test]
fn cancelled_queued_calls_are_never_sent() {
    let (mut c, now) = conn(1);
    c.start_call(call(4), TestWaiter::new(0));
    let gone = TestWaiter::new(1);
    c.start_call(call(4), gone.clone());
    c.start_call(call(4), TestWaiter::new(2));
    transmitted(&mut c);
    gone.cancelled.set(true);
    feed(&mut c, &reply(0, 4, MessageStatus::Ok, &0u64), now);
    assert_eq!(
        transmitted(&mut c)
            .iter()
            .map(|h| h.serial)
            .collect::<Vec<_>>(),
        [2]
    );
}

#[test]
fn unknown_serials_and_foreign_programs_are_dropped() {
    let (mut c, now) = conn(5);
    c.start_call(call(4), TestWaiter::new(0));
    feed(&mut c, &reply(77, 4, MessageStatus::Ok, &0u64), now);
    let h = frame::header(0x1234, 1, 4, MessageType::Reply, 0, MessageStatus::Ok);
    let mut other = BytesMut::new();
    frame::encode_message(&h, &0u64, &mut other).unwrap();
    feed(&mut c, &other, now);
    assert!(completions(&mut c).is_empty());
    assert_eq!(c.in_flight(), 1);
    feed(&mut c, &reply(0, 4, MessageStatus::Ok, &0u64), now);
    assert_eq!(completions(&mut c).len(), 1);
}

#[test]
fn error_replies_carry_the_libvirt_error() {
    let (mut c, now) = conn(5);
    c.start_call(call(23), TestWaiter::new(0));
    let error = MessageError {
        code: 42,
        domain: 12,
        message: Some(XdrString::from("Domain not found")),
        level: 2,
        dom: None,
        str1: Some(XdrString::from("Domain not found")),
        str2: None,
        str3: None,
        int1: -1,
        int2: -1,
        net: None,
    };
    feed(&mut c, &reply(0, 23, MessageStatus::Error, &error), now);
    let done = completions(&mut c);
    match &done[0].1 {
        Err(CallError::Remote(e)) => assert_eq!(**e, error),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_reply_naming_another_procedure_fails_that_call() {
    let (mut c, now) = conn(5);
    c.start_call(call(4), TestWaiter::new(0));
    feed(&mut c, &reply(0, 5, MessageStatus::Ok, &0u64), now);
    assert!(matches!(
        completions(&mut c)[0].1,
        Err(CallError::ProcedureMismatch {
            expected: 4,
            got: 5
        })
    ));
}

#[test]
fn replies_split_across_reads_are_reassembled() {
    let (mut c, now) = conn(5);
    c.start_call(call(4), TestWaiter::new(0));
    c.start_call(call(4), TestWaiter::new(1));
    let mut bytes = reply(0, 4, MessageStatus::Ok, &1u64);
    bytes.extend_from_slice(&reply(1, 4, MessageStatus::Ok, &2u64));
    for chunk in bytes.chunks(5) {
        feed(&mut c, chunk, now);
    }
    assert_eq!(completions(&mut c).len(), 2);
}

#[test]
fn a_malformed_frame_fails_every_call_and_closes() {
    let (mut c, now) = conn(1);
    c.start_call(call(4), TestWaiter::new(0));
    c.start_call(call(4), TestWaiter::new(1));
    feed(&mut c, &[0, 0, 0, 3], now);
    let mut outputs = Vec::new();
    while let Some(o) = c.poll_output() {
        outputs.push(o);
    }
    assert_eq!(outputs.len(), 3);
    for o in &outputs[..2] {
        assert!(matches!(
            o,
            Output::Completed {
                result: Err(CallError::Closed(ConnectionError::Frame(_))),
                ..
            }
        ));
    }
    assert!(matches!(
        outputs[2],
        Output::Closed(ConnectionError::Frame(_))
    ));
    // Later calls fail at once.
    c.start_call(call(4), TestWaiter::new(2));
    assert!(matches!(
        completions(&mut c)[0].1,
        Err(CallError::Closed(_))
    ));
    assert!(c.poll_transmit().is_none());
}

#[test]
fn eof_fails_pending_calls() {
    let (mut c, _) = conn(5);
    c.start_call(call(4), TestWaiter::new(0));
    c.handle_eof();
    assert!(matches!(
        completions(&mut c)[0].1,
        Err(CallError::Closed(ConnectionError::Eof))
    ));
}

#[test]
fn a_cancelled_call_under_the_cap_is_never_sent() {
    let (mut c, _) = conn(5);
    let gone = TestWaiter::new(0);
    gone.cancelled.set(true);
    c.start_call(call(4), gone);
    assert!(c.poll_transmit().is_none());
    assert_eq!((c.in_flight(), c.queued()), (0, 0));
    // The next call still goes out, with the next serial.
    assert_eq!(c.start_call(call(4), TestWaiter::new(1)), 1);
    assert_eq!(transmitted(&mut c)[0].serial, 1);
}

#[test]
fn answers_server_pings() {
    let (mut c, now) = conn(5);
    feed(&mut c, &keepalive_message(ka::ProcedureNumber::Ping), now);
    let sent = transmitted(&mut c);
    assert_eq!(sent.len(), 1);
    assert_eq!(
        (sent[0].prog, sent[0].proc, sent[0].serial),
        (ka::KEEPALIVE_PROGRAM, 2, 0)
    );
    assert_eq!(sent[0].r#type, MessageType::Message);
}

#[test]
fn client_keepalive_pings_then_gives_up() {
    let start = Instant::now();
    let config = KeepaliveConfig {
        interval: Duration::from_secs(5),
        count: 2,
    };
    let mut c: Connection<TestWaiter> = Connection::new(
        Config {
            keepalive: Some(config),
            ..Config::default()
        },
        start,
    );
    assert_eq!(c.poll_timeout(), Some(start + Duration::from_secs(5)));
    c.handle_timeout(start + Duration::from_secs(4));
    assert!(c.poll_transmit().is_none());
    c.handle_timeout(start + Duration::from_secs(5));
    assert_eq!(transmitted(&mut c)[0].proc, 1);
    // Traffic resets the count.
    feed(
        &mut c,
        &keepalive_message(ka::ProcedureNumber::Pong),
        start + Duration::from_secs(6),
    );
    assert_eq!(c.poll_timeout(), Some(start + Duration::from_secs(11)));
    c.handle_timeout(start + Duration::from_secs(11));
    c.handle_timeout(start + Duration::from_secs(16));
    assert_eq!(transmitted(&mut c).len(), 2);
    c.handle_timeout(start + Duration::from_secs(21));
    assert_eq!(c.closed(), Some(&ConnectionError::KeepaliveTimeout));
}

#[test]
fn the_receive_buffer_is_released_only_between_messages() {
    let (mut c, now) = conn(5);
    assert_eq!(c.receive_buffer().capacity(), 0, "no buffer before a read");
    assert!(!c.release_receive_buffer());
    c.start_call(call(4), TestWaiter::new(0));
    c.start_call(call(4), TestWaiter::new(1));
    transmitted(&mut c);
    let first = reply(0, 4, MessageStatus::Ok, &7u64);
    let second = reply(1, 4, MessageStatus::Ok, &8u64);
    // As a driver does: room for more than one read brings.
    c.receive_buffer().reserve(4096);
    // A whole message and half of the next: the half must stay.
    let mut bytes = first.to_vec();
    bytes.extend_from_slice(&second[..10]);
    feed(&mut c, &bytes, now);
    assert!(!c.release_receive_buffer());
    assert_eq!(c.receive_buffer().len(), 10);
    feed(&mut c, &second[10..], now);
    let done = completions(&mut c);
    assert_eq!(done.len(), 2);
    // Nothing partial is left: the memory goes, the replies keep theirs.
    assert!(c.release_receive_buffer());
    assert_eq!(c.receive_buffer().capacity(), 0);
    assert!(!c.release_receive_buffer());
    let bodies: Vec<u64> = done
        .into_iter()
        .map(|(_, r)| xdr::from_bytes::<u64>(r.unwrap().body).unwrap())
        .collect();
    assert_eq!(bodies, [7, 8]);
    // And the connection reads on as before.
    c.start_call(call(4), TestWaiter::new(2));
    transmitted(&mut c);
    feed(&mut c, &reply(2, 4, MessageStatus::Ok, &9u64), now);
    assert_eq!(completions(&mut c).len(), 1);
}

#[test]
fn releasing_idle_memory_keeps_everything_pending() {
    let (mut c, now) = conn(5);
    // One call answered, one still due: the release must keep the second.
    c.start_call(call(4), TestWaiter::new(0));
    c.start_call(call(4), TestWaiter::new(1));
    transmitted(&mut c);
    feed(&mut c, &reply(0, 4, MessageStatus::Ok, &7u64), now);
    assert_eq!(completions(&mut c).len(), 1);
    c.release_idle_memory();
    assert_eq!(c.in_flight(), 1);
    feed(&mut c, &reply(1, 4, MessageStatus::Ok, &8u64), now);
    let done = completions(&mut c);
    assert_eq!(done.len(), 1);
    assert_eq!(
        xdr::from_bytes::<u64>(done[0].1.as_ref().unwrap().body.clone()).unwrap(),
        8
    );
    // Idle now: everything goes, and the next call works as the first.
    c.release_idle_memory();
    assert_eq!(c.receive_buffer().capacity(), 0);
    c.start_call(call(4), TestWaiter::new(2));
    assert_eq!(transmitted(&mut c).len(), 1);
    feed(&mut c, &reply(2, 4, MessageStatus::Ok, &9u64), now);
    assert_eq!(completions(&mut c).len(), 1);
}
