//! The hook that lets dropping an [`EventStream`](super::EventStream) undo
//! its registration.

/// Runs a closure once when dropped: the deregistration an event stream
/// carries (for example sending the family's deregister call for its
/// callback ID to the connection driver, which must not block here).
pub(crate) struct OnDrop<F: FnOnce()>(Option<F>);

impl<F: FnOnce()> OnDrop<F> {
    /// A guard that runs `f` when dropped.
    pub(crate) fn new(f: F) -> Self {
        Self(Some(f))
    }
}

impl<F: FnOnce()> Drop for OnDrop<F> {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}
