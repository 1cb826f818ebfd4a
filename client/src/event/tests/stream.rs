//! The public stream: decoding on the consumer, errors, end, drop hook.

use super::{generated, remote_event};
use crate::event::guard::OnDrop;
use crate::event::queue::EventQueue;
use crate::event::{DomainEvent, DomainEventKind, EventError, EventStream};
use bytes::Bytes;
use futures_core::{FusedStream, Stream};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Waker};
use virtwire_protocol::Event as _;
use virtwire_protocol::conn::ConnectionError;
use virtwire_protocol::frame::Frame;
use virtwire_protocol::remote::procs;
use virtwire_protocol::xdr::{DecodeError, to_bytes};

/// Polls once without caring about wakes.
fn next<S: Stream + Unpin>(stream: &mut S) -> Poll<Option<S::Item>> {
    Pin::new(stream).poll_next(&mut Context::from_waker(Waker::noop()))
}

/// A stream of domain events over a fresh queue, without a drop hook.
fn domain_stream(capacity: usize) -> (Arc<EventQueue<Frame>>, EventStream<DomainEvent>) {
    let queue = Arc::new(EventQueue::new(capacity));
    (queue.clone(), EventStream::new(queue, ()))
}

/// The procedure and body of a lifecycle event for callback `callback_id`.
fn lifecycle(seed: u64, callback_id: i32) -> (i32, Bytes) {
    let (mut message, _) = generated::<procs::DomainEventCallbackLifecycle>(seed);
    message.callback_id = callback_id;
    let body = to_bytes(&message).unwrap();
    (procs::DomainEventCallbackLifecycle::INFO.number, body)
}

#[test]
fn yields_decoded_events_in_order() {
    let (queue, mut stream) = domain_stream(8);
    for id in 0..3 {
        let (procedure, body) = lifecycle(id as u64, id);
        queue.push(remote_event(procedure, body));
    }
    for id in 0..3 {
        let Poll::Ready(Some(Ok(event))) = next(&mut stream) else {
            panic!("event {id} missing");
        };
        assert_eq!(event.callback_id, id);
        assert!(matches!(event.kind, DomainEventKind::Lifecycle { .. }));
    }
    assert!(next(&mut stream).is_pending());
    assert!(!stream.is_terminated());
}

#[test]
fn a_malformed_event_is_an_error_and_the_stream_goes_on() {
    let (queue, mut stream) = domain_stream(8);
    let (procedure, body) = lifecycle(1, 5);
    queue.push(remote_event(procedure, body.slice(..body.len() - 4)));
    queue.push(remote_event(procedure, body));
    match next(&mut stream) {
        Poll::Ready(Some(Err(EventError::Decode {
            procedure: p,
            error: DecodeError::UnexpectedEnd { .. },
        }))) => assert_eq!(p, procedure),
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert!(matches!(next(&mut stream), Poll::Ready(Some(Ok(e))) if e.callback_id == 5));
}

#[test]
fn an_unexpected_procedure_is_a_decode_error() {
    let (queue, mut stream) = domain_stream(8);
    queue.push(remote_event(99_999, Bytes::new()));
    assert!(matches!(
        next(&mut stream),
        Poll::Ready(Some(Err(EventError::Decode {
            procedure: 99_999,
            ..
        })))
    ));
}

#[test]
fn lag_then_retained_events_then_close_then_end() {
    let (queue, mut stream) = domain_stream(2);
    for id in 0..5 {
        let (procedure, body) = lifecycle(7, id);
        queue.push(remote_event(procedure, body));
    }
    queue.close(ConnectionError::Eof);
    assert!(matches!(
        next(&mut stream),
        Poll::Ready(Some(Err(EventError::Lagged(3))))
    ));
    assert!(matches!(next(&mut stream), Poll::Ready(Some(Ok(e))) if e.callback_id == 3));
    assert!(matches!(next(&mut stream), Poll::Ready(Some(Ok(e))) if e.callback_id == 4));
    assert_eq!(
        next(&mut stream).map(|item| item.map(|r| r.map(|_| ()))),
        Poll::Ready(Some(Err(EventError::Closed(ConnectionError::Eof))))
    );
    assert!(matches!(next(&mut stream), Poll::Ready(None)));
    assert!(stream.is_terminated());
    assert!(matches!(next(&mut stream), Poll::Ready(None)));
}

#[test]
fn dropping_the_stream_detaches_the_queue_then_runs_the_guard() {
    let queue = Arc::new(EventQueue::new(4));
    let ran = Arc::new(AtomicBool::new(false));
    let guard = {
        let (queue, ran) = (queue.clone(), ran.clone());
        // The deregistration sees the queue already detached, so nothing
        // more is buffered while it is on its way.
        OnDrop::new(move || ran.store(queue.is_detached(), Ordering::SeqCst))
    };
    let stream = EventStream::<DomainEvent>::new(queue.clone(), guard);
    let (procedure, body) = lifecycle(1, 1);
    queue.push(remote_event(procedure, body));
    drop(stream);
    assert!(ran.load(Ordering::SeqCst));
    assert_eq!(queue.len(), 0);
}

#[test]
fn errors_display_and_chain() {
    use std::error::Error as _;
    let lagged = EventError::Lagged(4);
    assert!(lagged.to_string().contains("missed 4 events"));
    assert!(lagged.source().is_none());
    let decode = EventError::Decode {
        procedure: 318,
        error: DecodeError::InvalidUtf8,
    };
    assert!(decode.to_string().contains("318"));
    assert!(decode.source().is_some());
    let closed = EventError::Closed(ConnectionError::Eof);
    assert!(closed.to_string().contains("closed"));
    assert!(closed.source().is_some());
}

#[tokio::test]
async fn a_waiting_consumer_task_is_woken_by_the_reader() {
    let (queue, mut stream) = domain_stream(4);
    let consumer = tokio::spawn(async move {
        let mut ids = Vec::new();
        while let Some(item) = std::future::poll_fn(|cx| Pin::new(&mut stream).poll_next(cx)).await
        {
            match item {
                Ok(event) => ids.push(Ok(event.callback_id)),
                Err(error) => ids.push(Err(error)),
            }
        }
        ids
    });
    tokio::task::yield_now().await;
    for id in 0..3 {
        let (procedure, body) = lifecycle(3, id);
        queue.push(remote_event(procedure, body));
        tokio::task::yield_now().await;
    }
    queue.close(ConnectionError::Shutdown);
    let ids = consumer.await.unwrap();
    assert_eq!(
        ids,
        vec![
            Ok(0),
            Ok(1),
            Ok(2),
            Err(EventError::Closed(ConnectionError::Shutdown))
        ]
    );
}

#[test]
fn the_stream_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<EventStream<DomainEvent>>();
}
