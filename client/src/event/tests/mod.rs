//! Tests of the event layer.

mod domain;
mod families;
mod fixture;
mod queue;
mod stream;

use bytes::Bytes;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Wake, Waker};
use virtwire_protocol::frame::{self, Frame};
use virtwire_protocol::virnet::{MessageStatus, MessageType};
use virtwire_protocol::xdr::{Encode, Gen, Generate, to_bytes};
use virtwire_protocol::{Event, remote};

/// A MESSAGE frame of the remote program, as the reader task would route it.
fn remote_event(procedure: i32, body: Bytes) -> Frame {
    event_frame(remote::PROGRAM, procedure, body)
}

/// A MESSAGE frame of `program` (serial 1 and status OK, like the daemon's).
fn event_frame(program: u32, procedure: i32, body: Bytes) -> Frame {
    Frame {
        header: frame::header(
            program,
            1,
            procedure,
            MessageType::Message,
            1,
            MessageStatus::Ok,
        ),
        num_fds: 0,
        body,
    }
}

/// A random message of event `E` from `seed`, and its encoding.
fn generated<E: Event>(seed: u64) -> (E::Message, Bytes)
where
    E::Message: Generate + Encode,
{
    let message = E::Message::generate(&mut Gen::new(seed));
    let body = to_bytes(&message).expect("a generated message encodes");
    (message, body)
}

/// A waker that counts its wakes.
#[derive(Default)]
struct CountingWaker(AtomicUsize);

impl CountingWaker {
    /// A waker and the counter behind it.
    fn new() -> (Waker, Arc<Self>) {
        let counter = Arc::new(Self::default());
        (Waker::from(counter.clone()), counter)
    }

    /// Wakes so far.
    fn wakes(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}
