//! The sink the core routes one daemon registration's events into: the
//! queues of every local subscriber that shares the registration.

use super::queue::EventQueue;
use std::sync::{Arc, Mutex, MutexGuard};
use virtwire_protocol::conn::{ConnectionError, EventSink};
use virtwire_protocol::frame::Frame;

/// The subscribers of one registration. Cloning shares them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fanout(Arc<Mutex<Vec<Arc<EventQueue<Frame>>>>>);

impl Fanout {
    fn lock(&self) -> MutexGuard<'_, Vec<Arc<EventQueue<Frame>>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a subscriber's queue.
    pub(crate) fn add(&self, queue: Arc<EventQueue<Frame>>) {
        self.lock().push(queue);
    }

    /// Forgets subscribers that left; whether none is left.
    pub(crate) fn prune(&self) -> bool {
        let mut queues = self.lock();
        queues.retain(|q| !q.is_detached());
        queues.is_empty()
    }
}

impl EventSink for Fanout {
    /// Never waits: each queue drops its oldest event when full.
    fn deliver(&mut self, frame: Frame) {
        let mut queues = self.lock();
        queues.retain(|q| !q.is_detached());
        if let Some((last, rest)) = queues.split_last() {
            for queue in rest {
                queue.push(frame.clone());
            }
            last.push(frame);
        }
    }

    fn close(&mut self, error: &ConnectionError) {
        for queue in self.lock().drain(..) {
            queue.close(error.clone());
        }
    }
}
