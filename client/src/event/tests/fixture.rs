//! The domain events recorded from a real libvirtd 11.3.0
//! (`fixtures/frames/domain-events.frames`: `virsh event --all --loop` while
//! another connection defines, starts, suspends, resumes, destroys and
//! undefines `vw-fixture`).

use crate::event::family::family_of;
use crate::event::queue::EventQueue;
use crate::event::{DomainEvent, DomainEventId, DomainLifecycle, EventStream, domain};
use bytes::BytesMut;
use futures_core::Stream;
use std::collections::HashMap;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use virtwire_protocol::conn::ConnectionError;
use virtwire_protocol::conn::callback_id;
use virtwire_protocol::frame::{self, Frame};
use virtwire_protocol::remote::{
    self, ConnectDomainEventCallbackRegisterAnyArgs, ConnectDomainEventCallbackRegisterAnyRet,
};
use virtwire_protocol::virnet::MessageType;
use virtwire_protocol::xdr::from_bytes;

/// The recorded frames, in order, each with whether the client sent it.
fn recorded() -> Vec<(bool, Frame)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/frames/domain-events.frames"
    );
    let text = std::fs::read_to_string(path).expect("the recorded frames");
    let mut frames = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (direction, hex) = line.split_once(' ').expect("`C <hex>` or `S <hex>`");
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect();
        let mut buf = BytesMut::from(&bytes[..]);
        let frame = frame::decode_frame(&mut buf)
            .expect("a valid frame")
            .expect("a whole frame");
        assert!(buf.is_empty());
        frames.push((direction == "C", frame));
    }
    frames
}

/// The event ID each callbackID was registered for, from the recorded
/// CALLBACK_REGISTER_ANY calls and their replies.
fn registrations(frames: &[(bool, Frame)]) -> HashMap<i32, DomainEventId> {
    let register = domain::FAMILY.register.number;
    let mut asked = HashMap::new();
    let mut given = HashMap::new();
    for (from_client, frame) in frames {
        if frame.header.proc != register {
            continue;
        }
        if *from_client {
            let args: ConnectDomainEventCallbackRegisterAnyArgs =
                from_bytes(frame.body.clone()).unwrap();
            assert_eq!(
                args.dom, None,
                "virsh event --all registers without a filter"
            );
            asked.insert(frame.header.serial, args.event_id);
        } else {
            let ret: ConnectDomainEventCallbackRegisterAnyRet =
                from_bytes(frame.body.clone()).unwrap();
            let event_id = asked[&frame.header.serial];
            given.insert(ret.callback_id, DomainEventId::from_raw(event_id).unwrap());
        }
    }
    given
}

#[test]
fn recorded_lifecycle_events_decode() {
    let frames = recorded();
    let registered = registrations(&frames);
    // virsh registers every event ID it knows.
    assert_eq!(registered.len(), 28);

    let mut lifecycle = Vec::new();
    for (from_client, frame) in &frames {
        if *from_client || frame.header.r#type != MessageType::Message {
            continue;
        }
        let (family, event_id) = family_of(frame.header.prog, frame.header.proc).unwrap();
        assert_eq!(family.name, "domain");
        let id = callback_id(&frame.body).unwrap();
        assert_eq!(DomainEventId::from_raw(event_id), Some(registered[&id]));

        let event = DomainEvent::decode(frame.header.proc, frame.body.clone()).unwrap();
        assert_eq!(event.callback_id, id);
        assert_eq!(event.kind.id(), registered[&id]);
        assert_eq!(event.domain.name, "vw-fixture");
        lifecycle.push((event.kind.lifecycle().unwrap(), event.domain.id));
    }
    // The domain has an ID (2) only while it runs.
    assert_eq!(
        lifecycle,
        [
            (DomainLifecycle::Defined, -1),
            (DomainLifecycle::Started, 2),
            (DomainLifecycle::Suspended, 2),
            (DomainLifecycle::Resumed, 2),
            (DomainLifecycle::Stopped, -1),
            (DomainLifecycle::Undefined, -1),
        ]
    );
}

#[test]
fn recorded_events_through_a_stream() {
    let queue = Arc::new(EventQueue::new(16));
    let mut stream = EventStream::<DomainEvent>::new(queue.clone(), ());
    for (from_client, frame) in recorded() {
        if !from_client
            && frame.header.prog == remote::PROGRAM
            && frame.header.r#type == MessageType::Message
        {
            queue.push(frame);
        }
    }
    queue.close(ConnectionError::Eof);
    let mut cx = Context::from_waker(Waker::noop());
    let mut events = Vec::new();
    while let Poll::Ready(Some(item)) = Pin::new(&mut stream).poll_next(&mut cx) {
        events.push(item);
    }
    assert_eq!(events.len(), 7);
    assert!(
        events[..6]
            .iter()
            .all(|e| matches!(e, Ok(e) if e.domain.name == "vw-fixture"))
    );
    assert!(matches!(
        &events[6],
        Err(crate::event::EventError::Closed(ConnectionError::Eof))
    ));
}
