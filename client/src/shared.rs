//! State shared by every clone of a client and its driver.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use virtwire_protocol::conn::ConnectionError;

/// Set by the driver: why the connection ended (once), so later calls fail
/// fast without queueing, and the counts [`crate::Client::stats`] reports.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    closed: OnceLock<ConnectionError>,
    in_flight: AtomicUsize,
    queued: AtomicUsize,
    open_streams: AtomicUsize,
    subscriptions: AtomicUsize,
}

/// A snapshot of one connection's load, for monitoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ConnectionStats {
    /// Calls sent and not yet answered.
    pub in_flight: usize,
    /// Calls waiting in the client for room under the in-flight cap.
    pub queued: usize,
    /// Streams open.
    pub open_streams: usize,
    /// Event registrations with the daemon.
    pub subscriptions: usize,
}

impl Shared {
    pub(crate) fn set_closed(&self, error: ConnectionError) {
        let _ = self.closed.set(error);
    }

    pub(crate) fn closed(&self) -> Option<&ConnectionError> {
        self.closed.get()
    }

    /// Publishes the driver's counts (relaxed: a monitoring snapshot).
    pub(crate) fn set_stats(&self, stats: ConnectionStats) {
        self.in_flight.store(stats.in_flight, Ordering::Relaxed);
        self.queued.store(stats.queued, Ordering::Relaxed);
        self.open_streams
            .store(stats.open_streams, Ordering::Relaxed);
        self.subscriptions
            .store(stats.subscriptions, Ordering::Relaxed);
    }

    pub(crate) fn stats(&self) -> ConnectionStats {
        ConnectionStats {
            in_flight: self.in_flight.load(Ordering::Relaxed),
            queued: self.queued.load(Ordering::Relaxed),
            open_streams: self.open_streams.load(Ordering::Relaxed),
            subscriptions: self.subscriptions.load(Ordering::Relaxed),
        }
    }
}
