//! The public subscription type: an async stream of typed events.

use super::decode::DecodeEvent;
use super::error::EventError;
use super::queue::{EventQueue, QueueItem};
use futures_core::{FusedStream, Stream};
use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use virtwire_protocol::frame::Frame;

/// A subscription to events, yielding them in the order the daemon sent them.
///
/// Each item is an event or an [`EventError`]: a [`Lagged`] count when the
/// subscriber fell behind and the oldest events were dropped, a [`Decode`]
/// error for an event whose body is malformed (the stream goes on after
/// both), or [`Closed`] when the connection ended, after which the stream
/// ends.
///
/// Events are decoded here, on the task that polls the stream, so a busy
/// subscriber never slows the connection down. Dropping the stream
/// deregisters it from the daemon.
///
/// [`Lagged`]: EventError::Lagged
/// [`Decode`]: EventError::Decode
/// [`Closed`]: EventError::Closed
pub struct EventStream<T> {
    /// Where the reader task pushes this subscription's frames.
    queue: Arc<EventQueue<Frame>>,
    /// Dropped after the queue is detached: undoes the registration.
    _guard: Box<dyn Send + Sync>,
    /// Set once the stream has yielded its end.
    done: bool,
    /// `fn() -> T` so the stream is `Send` and `Sync` whatever `T` is: it
    /// holds no `T`, it only makes them.
    _event: PhantomData<fn() -> T>,
}

impl<T> EventStream<T> {
    /// A stream over the frames pushed to `queue`. `guard` is dropped when
    /// the stream is, after the queue stops accepting frames; its `Drop`
    /// should deregister the subscription (see [`super::guard::OnDrop`]).
    pub(crate) fn new(queue: Arc<EventQueue<Frame>>, guard: impl Send + Sync + 'static) -> Self {
        Self {
            queue,
            _guard: Box::new(guard),
            done: false,
            _event: PhantomData,
        }
    }
}

impl<T: DecodeEvent> Stream for EventStream<T> {
    type Item = Result<T, EventError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.done {
            return Poll::Ready(None);
        }
        let item = match ready!(this.queue.poll_pop(cx)) {
            None => {
                this.done = true;
                return Poll::Ready(None);
            }
            Some(QueueItem::Item(frame)) => {
                let procedure = frame.header.proc;
                T::decode_event(procedure, frame.body)
                    .map_err(|error| EventError::Decode { procedure, error })
            }
            Some(QueueItem::Lagged(missed)) => Err(EventError::Lagged(missed)),
            Some(QueueItem::Closed(reason)) => Err(EventError::Closed(reason)),
        };
        Poll::Ready(Some(item))
    }
}

impl<T: DecodeEvent> FusedStream for EventStream<T> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<T> Drop for EventStream<T> {
    fn drop(&mut self) {
        // Stop buffering before the guard deregisters: events already in
        // flight from the daemon are then discarded instead of queued.
        self.queue.detach();
    }
}

impl<T> fmt::Debug for EventStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventStream")
            .field("queued", &self.queue.len())
            .field("capacity", &self.queue.capacity())
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}
