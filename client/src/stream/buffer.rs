//! The state one stream shares between its handle and the connection's
//! reader: a bounded buffer of received packets, the count of bytes sent
//! but not yet written to the socket, and the stream's end.
//!
//! The flow-control policy these implement is described in the
//! [`stream`](super) module docs: [`READ_LIMIT`] bytes buffered pause the
//! connection's reading until half are consumed; [`WRITE_WINDOW`] bytes
//! queued make the sender wait.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::Waker;
use virtwire_protocol::conn::{CallError, StreamPacket, StreamRequestError, StreamSink};

/// Received bytes a stream may hold before the connection stops reading.
pub(crate) const READ_LIMIT: usize = 4 << 20;

/// Sent bytes a stream may have waiting for the socket before its writer
/// waits.
pub(crate) const WRITE_WINDOW: usize = 4 << 20;

/// Wakes the connection's reader once a full stream has room again.
#[derive(Debug, Default)]
pub(crate) struct ReadResume(Mutex<Option<Waker>>);

impl ReadResume {
    /// Registers the reader's waker while reading is paused.
    pub(crate) fn register(&self, waker: &Waker) {
        let mut slot = lock(&self.0);
        if !slot.as_ref().is_some_and(|w| w.will_wake(waker)) {
            *slot = Some(waker.clone());
        }
    }

    fn wake(&self) {
        if let Some(waker) = lock(&self.0).take() {
            waker.wake();
        }
    }
}

/// What a stream's handle and the reader share.
#[derive(Debug, Default)]
pub(crate) struct StreamState {
    /// Packets received and not yet consumed.
    pub(crate) packets: VecDeque<StreamPacket>,
    /// Data bytes in `packets`.
    pub(crate) buffered: usize,
    /// How the stream ended, once it has.
    pub(crate) end: Option<Result<(), CallError>>,
    /// A request the connection refused.
    pub(crate) refused: Option<StreamRequestError>,
    /// Bytes handed to the connection and not yet written.
    pub(crate) unwritten: usize,
    /// The consumer waiting for packets or the end.
    pub(crate) reader: Option<Waker>,
    /// The producer waiting for room in the write window.
    pub(crate) writer: Option<Waker>,
}

/// A stream's shared state, and the connection's reader to wake.
#[derive(Debug, Clone)]
pub(crate) struct Shared {
    state: Arc<Mutex<StreamState>>,
    resume: Arc<ReadResume>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere while holding the lock leaves plain data behind.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn wake(slot: &mut Option<Waker>) {
    if let Some(w) = slot.take() {
        w.wake();
    }
}

impl Shared {
    pub(crate) fn new(resume: Arc<ReadResume>) -> Self {
        Self {
            state: Arc::default(),
            resume,
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, StreamState> {
        lock(&self.state)
    }

    /// Takes the next packet; wakes the reader of the connection when the
    /// buffer drains below half the limit.
    pub(crate) fn pop(&self, state: &mut StreamState) -> Option<StreamPacket> {
        let packet = state.packets.pop_front()?;
        if let StreamPacket::Data(data) = &packet {
            let was_full = state.buffered >= READ_LIMIT;
            state.buffered -= data.len();
            if was_full || state.buffered < READ_LIMIT / 2 {
                self.resume.wake();
            }
        }
        Some(packet)
    }

    /// Puts back the unread rest of a data packet.
    pub(crate) fn push_front(&self, state: &mut StreamState, packet: StreamPacket) {
        if let StreamPacket::Data(data) = &packet {
            state.buffered += data.len();
        }
        state.packets.push_front(packet);
    }

    /// Records a refused request and wakes both sides.
    pub(crate) fn refuse(&self, error: StreamRequestError) {
        let mut state = self.lock();
        state.refused = Some(error);
        wake(&mut state.reader);
        wake(&mut state.writer);
    }
}

impl StreamSink for Shared {
    fn receive(&mut self, packet: StreamPacket) {
        let mut state = self.lock();
        if let StreamPacket::Data(data) = &packet {
            state.buffered += data.len();
        }
        state.packets.push_back(packet);
        wake(&mut state.reader);
    }

    fn end(&mut self, result: Result<(), CallError>) {
        let mut state = self.lock();
        state.end = Some(result);
        wake(&mut state.reader);
        wake(&mut state.writer);
    }

    fn written(&mut self, len: usize) {
        let mut state = self.lock();
        state.unwritten = state.unwritten.saturating_sub(len);
        if state.unwritten < WRITE_WINDOW {
            wake(&mut state.writer);
        }
    }

    fn is_full(&self) -> bool {
        self.lock().buffered >= READ_LIMIT
    }
}
