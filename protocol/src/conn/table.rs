//! Calls in flight, keyed by serial, and calls queued under the cap.

use bytes::Bytes;
use std::collections::{HashMap, VecDeque};

#[derive(Debug)]
pub(super) struct Pending<W> {
    pub(super) program: u32,
    pub(super) version: u32,
    pub(super) procedure: i32,
    pub(super) waiter: W,
}

#[derive(Debug)]
pub(super) struct CallTable<W> {
    in_flight: HashMap<u32, Pending<W>>,
    queue: VecDeque<(u32, Bytes, Pending<W>)>,
}

impl<W> Default for CallTable<W> {
    fn default() -> Self {
        Self {
            in_flight: HashMap::new(),
            queue: VecDeque::new(),
        }
    }
}

impl<W> CallTable<W> {
    pub(super) fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    pub(super) fn queued(&self) -> usize {
        self.queue.len()
    }

    pub(super) fn contains(&self, serial: u32) -> bool {
        self.in_flight.contains_key(&serial) || self.queue.iter().any(|(s, ..)| *s == serial)
    }

    pub(super) fn insert(&mut self, serial: u32, pending: Pending<W>) {
        self.in_flight.insert(serial, pending);
    }

    pub(super) fn take_in_flight(&mut self, serial: u32) -> Option<Pending<W>> {
        self.in_flight.remove(&serial)
    }

    pub(super) fn enqueue(&mut self, serial: u32, bytes: Bytes, pending: Pending<W>) {
        self.queue.push_back((serial, bytes, pending));
    }

    pub(super) fn dequeue(&mut self) -> Option<(u32, Bytes, Pending<W>)> {
        self.queue.pop_front()
    }

    /// Every call, in flight first (by serial) then queued, for closing.
    pub(super) fn drain(&mut self) -> Vec<(u32, Pending<W>)> {
        let mut all: Vec<_> = self.in_flight.drain().collect();
        all.sort_by_key(|(serial, _)| *serial);
        all.extend(
            self.queue
                .drain(..)
                .map(|(serial, _, pending)| (serial, pending)),
        );
        all
    }
}
