//! Event subscriptions: which sink each event MESSAGE goes to.
//!
//! libvirt's callback-style registrations (`*_EVENT_REGISTER_ANY`,
//! `CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY`, the qemu monitor's) answer
//! with a callback id that the daemon allocates, and every event they cause
//! starts with that id (`src/remote/remote_daemon_dispatch.c`). Ids come from
//! each driver's own counter, so a route is the program, the event procedure
//! and the id together. The connection-closed event carries no id.

use crate::frame::Frame;
use std::collections::HashMap;

use super::error::ConnectionError;

/// Where the core delivers one subscription's events. Delivery must not
/// wait: the reader calls it for every event it routes.
pub trait EventSink {
    /// An event for this subscription arrived.
    fn deliver(&mut self, frame: Frame);
    /// The connection closed; no more events will come.
    fn close(&mut self, error: &ConnectionError);
}

/// A no-op sink, for connections that never subscribe.
impl EventSink for () {
    fn deliver(&mut self, _frame: Frame) {}
    fn close(&mut self, _error: &ConnectionError) {}
}

/// What a registration subscribes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Route {
    /// The program of the event messages.
    pub program: u32,
    /// The event (MESSAGE) procedure.
    pub procedure: i32,
    /// Whether the registration's reply and its events carry a callback id.
    pub with_callback_id: bool,
}

/// A route with its callback id, once the daemon has named it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RouteKey {
    /// The program of the event messages.
    pub program: u32,
    /// The event (MESSAGE) procedure.
    pub procedure: i32,
    /// The daemon's callback id, for routes that carry one.
    pub callback_id: Option<i32>,
}

/// The live subscriptions.
#[derive(Debug)]
pub(super) struct Registry<E> {
    routes: HashMap<RouteKey, E>,
}

impl<E> Default for Registry<E> {
    fn default() -> Self {
        Self {
            routes: HashMap::new(),
        }
    }
}

/// The leading XDR `int` of an event body: its callback id.
pub fn callback_id(body: &[u8]) -> Option<i32> {
    let word: [u8; 4] = body.get(..4)?.try_into().ok()?;
    Some(i32::from_be_bytes(word))
}

impl<E: EventSink> Registry<E> {
    pub(super) fn insert(&mut self, key: RouteKey, sink: E) -> Option<E> {
        self.routes.insert(key, sink)
    }

    pub(super) fn remove(&mut self, key: &RouteKey) -> Option<E> {
        self.routes.remove(key)
    }

    pub(super) fn len(&self) -> usize {
        self.routes.len()
    }

    /// The sink for an event, trying the id-less route first.
    pub(super) fn sink_for(&mut self, frame: &Frame) -> Option<&mut E> {
        let mut key = RouteKey {
            program: frame.header.prog,
            procedure: frame.header.proc,
            callback_id: None,
        };
        if !self.routes.contains_key(&key) {
            key.callback_id = Some(callback_id(&frame.body)?);
        }
        self.routes.get_mut(&key)
    }

    pub(super) fn close_all(&mut self, error: &ConnectionError) {
        for (_, mut sink) in self.routes.drain() {
            sink.close(error);
        }
    }
}
