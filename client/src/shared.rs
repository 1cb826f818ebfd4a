//! State shared by every clone of a client and its driver.

use std::sync::OnceLock;
use virtwire_protocol::conn::ConnectionError;

/// Set once by the driver when the connection ends, so later calls fail
/// fast without queueing.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    closed: OnceLock<ConnectionError>,
}

impl Shared {
    pub(crate) fn set_closed(&self, error: ConnectionError) {
        let _ = self.closed.set(error);
    }

    pub(crate) fn closed(&self) -> Option<&ConnectionError> {
        self.closed.get()
    }
}
