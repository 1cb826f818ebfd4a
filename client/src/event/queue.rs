//! One subscriber's bounded queue between the connection's reader task and
//! the subscriber.
//!
//! The reader must never wait on a slow subscriber (that would stall every
//! call on the connection), so [`EventQueue::push`] is synchronous and, when
//! the queue is full, drops the oldest item and counts it. The subscriber
//! learns about drops from a [`QueueItem::Lagged`] before the items that
//! follow them.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use virtwire_protocol::conn::ConnectionError;

/// What the consumer side of an [`EventQueue`] yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QueueItem<T> {
    /// The next retained item.
    Item(T),
    /// This many items were dropped just before the next retained one.
    Lagged(u64),
    /// The connection ended; nothing follows.
    Closed(ConnectionError),
}

/// Where the queue is in its life.
#[derive(Debug)]
enum Phase {
    /// Accepting items.
    Open,
    /// Closed by the connection; the reason is delivered after the backlog.
    Closing(ConnectionError),
    /// The reason was delivered (or the consumer left): nothing more comes.
    Finished,
}

/// The state behind the lock.
#[derive(Debug)]
struct State<T> {
    /// Retained items, oldest first.
    items: VecDeque<T>,
    /// Items dropped since the consumer last heard about drops.
    missed: u64,
    /// Open, closing or finished.
    phase: Phase,
    /// The consumer's waker while it waits on an empty queue.
    waker: Option<Waker>,
    /// The consumer is gone: pushes are discarded.
    detached: bool,
}

/// A bounded, drop-oldest, single-consumer queue.
///
/// Shared (in an `Arc`) by the producer, which calls [`push`](Self::push) and
/// [`close`](Self::close), and one consumer, which calls
/// [`poll_pop`](Self::poll_pop). The lock is held only for a few field
/// updates, never across an await or a wake.
#[derive(Debug)]
pub(crate) struct EventQueue<T> {
    /// The most items retained.
    capacity: usize,
    /// Everything else; see [`EventQueue::lock`].
    state: Mutex<State<T>>,
}

impl<T> EventQueue<T> {
    /// A queue that retains at most `capacity` items (at least one).
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            state: Mutex::new(State {
                items: VecDeque::new(),
                missed: 0,
                phase: Phase::Open,
                waker: None,
                detached: false,
            }),
        }
    }

    /// The most items the queue retains.
    pub(crate) fn capacity(&self) -> usize {
        self.capacity
    }

    /// Items currently retained.
    pub(crate) fn len(&self) -> usize {
        self.lock().items.len()
    }

    /// Appends `item` without waiting, dropping the oldest item when full.
    /// Ignored once the queue is closed or its consumer is gone.
    pub(crate) fn push(&self, item: T) {
        let waker = {
            let mut state = self.lock();
            if state.detached || !matches!(state.phase, Phase::Open) {
                return;
            }
            if state.items.len() >= self.capacity {
                state.items.pop_front();
                state.missed = state.missed.saturating_add(1);
            }
            state.items.push_back(item);
            state.waker.take()
        };
        // Wake outside the lock: the consumer may run at once and lock it.
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// Ends the queue: the consumer gets what is queued, then
    /// [`QueueItem::Closed`] with `reason`, then the end. Only the first
    /// close counts.
    pub(crate) fn close(&self, reason: ConnectionError) {
        let waker = {
            let mut state = self.lock();
            if !matches!(state.phase, Phase::Open) {
                return;
            }
            state.phase = Phase::Closing(reason);
            state.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// The consumer is gone: frees what is queued and discards later pushes,
    /// so a forgotten subscription costs no memory until it is deregistered.
    pub(crate) fn detach(&self) {
        let mut state = self.lock();
        state.detached = true;
        state.items = VecDeque::new();
        state.waker = None;
        state.phase = Phase::Finished;
    }

    /// Whether the consumer has gone, so the producer can stop routing here.
    pub(crate) fn is_detached(&self) -> bool {
        self.lock().detached
    }

    /// The next item, or `Ready(None)` once the close reason was delivered.
    /// `Pending` registers `cx`'s waker for the next push or close.
    pub(crate) fn poll_pop(&self, cx: &mut Context<'_>) -> Poll<Option<QueueItem<T>>> {
        let mut state = self.lock();
        // Drops happened before every retained item, so report them first.
        if state.missed > 0 {
            let missed = std::mem::take(&mut state.missed);
            return Poll::Ready(Some(QueueItem::Lagged(missed)));
        }
        if let Some(item) = state.items.pop_front() {
            return Poll::Ready(Some(QueueItem::Item(item)));
        }
        match std::mem::replace(&mut state.phase, Phase::Finished) {
            Phase::Closing(reason) => Poll::Ready(Some(QueueItem::Closed(reason))),
            Phase::Finished => Poll::Ready(None),
            Phase::Open => {
                state.phase = Phase::Open;
                match &mut state.waker {
                    Some(waker) if waker.will_wake(cx.waker()) => {}
                    slot => *slot = Some(cx.waker().clone()),
                }
                Poll::Pending
            }
        }
    }

    /// Locks the state. A panic elsewhere cannot leave it inconsistent (every
    /// update is a few plain assignments), so a poisoned lock is still used.
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
