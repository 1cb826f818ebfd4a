//! The one table of live entries, keyed by serial: calls waiting to be sent
//! or answered, and the streams those calls opened. A serial is never reused
//! while any entry holds it.

use super::event::Route;
use super::fds::Fd;
use super::stream::StreamState;
use bytes::Bytes;
use std::collections::{HashMap, VecDeque};

/// What happens once a call is answered successfully.
#[derive(Debug)]
pub(super) enum Then<S, E> {
    /// Nothing: a plain call.
    Done,
    /// The call opened a stream, live from the start (a read stream's data
    /// may overtake its reply).
    Stream(StreamState<S>),
    /// The call registers for events: the sink is routed once the reply
    /// names the daemon's callback id.
    Subscribe(Route, E),
}

/// One live serial.
#[derive(Debug)]
pub(super) struct Entry<W, S, E> {
    pub(super) program: u32,
    pub(super) version: u32,
    pub(super) procedure: i32,
    /// The caller waiting for the reply; `None` once it was delivered.
    pub(super) waiter: Option<W>,
    /// Whether the call was written (it may still wait under the cap).
    pub(super) sent: bool,
    /// Whether its reply may carry descriptors.
    pub(super) reply_fds: bool,
    pub(super) then: Then<S, E>,
}

impl<W, S, E> Entry<W, S, E> {
    pub(super) fn stream_mut(&mut self) -> Option<&mut StreamState<S>> {
        match &mut self.then {
            Then::Stream(s) => Some(s),
            _ => None,
        }
    }
}

/// A call waiting for room under the in-flight cap.
#[derive(Debug)]
pub(super) struct Queued {
    pub(super) serial: u32,
    pub(super) bytes: Bytes,
    pub(super) fds: Vec<Fd>,
}

#[derive(Debug)]
pub(super) struct Table<W, S, E> {
    entries: HashMap<u32, Entry<W, S, E>>,
    queue: VecDeque<Queued>,
    /// Calls sent and not yet answered.
    in_flight: usize,
    /// Entries that carry a stream.
    streams: usize,
    /// Calls awaiting a reply that may carry descriptors.
    fd_replies: usize,
}

impl<W, S, E> Table<W, S, E> {
    /// Frees the map's and the queue's memory when they hold nothing.
    pub(super) fn release_if_empty(&mut self) {
        if self.entries.is_empty() && self.entries.capacity() > 0 {
            self.entries = HashMap::new();
        }
        if self.queue.is_empty() {
            self.queue = VecDeque::new();
        }
    }
}

impl<W, S, E> Default for Table<W, S, E> {
    fn default() -> Self {
        Self {
            entries: HashMap::new(),
            queue: VecDeque::new(),
            in_flight: 0,
            streams: 0,
            fd_replies: 0,
        }
    }
}

impl<W, S, E> Table<W, S, E> {
    pub(super) fn in_flight(&self) -> usize {
        self.in_flight
    }

    pub(super) fn queued(&self) -> usize {
        self.queue.len()
    }

    pub(super) fn streams(&self) -> usize {
        self.streams
    }

    pub(super) fn fd_replies(&self) -> usize {
        self.fd_replies
    }

    pub(super) fn contains(&self, serial: u32) -> bool {
        self.entries.contains_key(&serial)
    }

    pub(super) fn get_mut(&mut self, serial: u32) -> Option<&mut Entry<W, S, E>> {
        self.entries.get_mut(&serial)
    }

    /// Adds an entry; `sent` says whether it is in flight already.
    pub(super) fn insert(&mut self, serial: u32, entry: Entry<W, S, E>) {
        self.in_flight += usize::from(entry.sent && entry.waiter.is_some());
        self.streams += usize::from(matches!(entry.then, Then::Stream(_)));
        self.fd_replies += usize::from(entry.reply_fds && entry.waiter.is_some());
        if let Some(old) = self.entries.insert(serial, entry) {
            // Serial allocation skips live entries, so this cannot happen;
            // keep the counts right regardless.
            self.forget(&old);
        }
    }

    pub(super) fn remove(&mut self, serial: u32) -> Option<Entry<W, S, E>> {
        let entry = self.entries.remove(&serial)?;
        self.forget(&entry);
        Some(entry)
    }

    fn forget(&mut self, entry: &Entry<W, S, E>) {
        self.in_flight -= usize::from(entry.sent && entry.waiter.is_some());
        self.streams -= usize::from(matches!(entry.then, Then::Stream(_)));
        self.fd_replies -= usize::from(entry.reply_fds && entry.waiter.is_some());
    }

    /// Takes the waiter of an answered call; the entry stays if it carries
    /// a stream.
    pub(super) fn answered(&mut self, serial: u32) -> Option<(W, Then<S, E>)> {
        let entry = self.entries.get_mut(&serial)?;
        let waiter = entry.waiter.take()?;
        if entry.sent {
            self.in_flight -= 1;
        }
        if entry.reply_fds {
            self.fd_replies -= 1;
        }
        if matches!(entry.then, Then::Stream(_)) {
            return Some((waiter, Then::Done));
        }
        let entry = self.remove(serial)?;
        Some((waiter, entry.then))
    }

    pub(super) fn enqueue(&mut self, queued: Queued) {
        self.queue.push_back(queued);
    }

    pub(super) fn dequeue(&mut self) -> Option<Queued> {
        self.queue.pop_front()
    }

    /// Marks a queued entry sent.
    pub(super) fn mark_sent(&mut self, serial: u32) {
        if let Some(entry) = self.entries.get_mut(&serial) {
            if !entry.sent {
                entry.sent = true;
                self.in_flight += usize::from(entry.waiter.is_some());
            }
        }
    }

    /// Ends an entry's stream: the entry goes too unless its call still
    /// waits for the reply.
    pub(super) fn take_stream(&mut self, serial: u32) -> Option<StreamState<S>> {
        let entry = self.entries.get_mut(&serial)?;
        if !matches!(entry.then, Then::Stream(_)) {
            return None;
        }
        let then = if entry.waiter.is_some() {
            self.streams -= 1;
            std::mem::replace(&mut entry.then, Then::Done)
        } else {
            self.remove(serial)?.then
        };
        match then {
            Then::Stream(s) => Some(s),
            _ => None,
        }
    }

    pub(super) fn any_stream(&self, mut f: impl FnMut(&StreamState<S>) -> bool) -> bool {
        self.streams > 0
            && self.entries.values().any(|e| match &e.then {
                Then::Stream(s) => f(s),
                _ => false,
            })
    }

    /// Every entry, by serial, for closing.
    pub(super) fn drain(&mut self) -> Vec<(u32, Entry<W, S, E>)> {
        self.queue.clear();
        self.in_flight = 0;
        self.streams = 0;
        self.fd_replies = 0;
        let mut all: Vec<_> = self.entries.drain().collect();
        all.sort_by_key(|(serial, _)| *serial);
        all
    }
}
