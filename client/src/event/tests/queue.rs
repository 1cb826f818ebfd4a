//! The bounded drop-oldest queue.

use super::CountingWaker;
use crate::event::queue::{EventQueue, QueueItem};
use std::task::{Context, Poll, Waker};
use virtwire_protocol::conn::ConnectionError;

/// Polls once without caring about wakes.
fn pop<T>(queue: &EventQueue<T>) -> Poll<Option<QueueItem<T>>> {
    queue.poll_pop(&mut Context::from_waker(Waker::noop()))
}

/// Everything the queue yields until it would wait or ends.
fn drain<T>(queue: &EventQueue<T>) -> Vec<QueueItem<T>> {
    let mut items = Vec::new();
    while let Poll::Ready(Some(item)) = pop(queue) {
        items.push(item);
    }
    items
}

#[test]
fn yields_items_in_order() {
    let queue = EventQueue::new(8);
    for i in 0..5 {
        queue.push(i);
    }
    let items = drain(&queue);
    assert_eq!(items, (0..5).map(QueueItem::Item).collect::<Vec<_>>());
    assert_eq!(pop(&queue), Poll::Pending);
}

#[test]
fn drops_the_oldest_and_reports_the_exact_count_first() {
    let queue = EventQueue::new(3);
    for i in 0..10 {
        queue.push(i);
    }
    assert_eq!(
        drain(&queue),
        vec![
            QueueItem::Lagged(7),
            QueueItem::Item(7),
            QueueItem::Item(8),
            QueueItem::Item(9)
        ]
    );
    // The count restarts after it was reported.
    for i in 10..15 {
        queue.push(i);
    }
    assert_eq!(pop(&queue), Poll::Ready(Some(QueueItem::Lagged(2))));
    assert_eq!(pop(&queue), Poll::Ready(Some(QueueItem::Item(12))));
}

#[test]
fn lag_between_reads_is_reported_where_it_happened() {
    let queue = EventQueue::new(2);
    queue.push(1);
    assert_eq!(pop(&queue), Poll::Ready(Some(QueueItem::Item(1))));
    queue.push(2);
    queue.push(3);
    queue.push(4);
    assert_eq!(
        drain(&queue),
        vec![QueueItem::Lagged(1), QueueItem::Item(3), QueueItem::Item(4)]
    );
}

#[test]
fn close_drains_then_reports_the_reason_then_ends() {
    let queue = EventQueue::new(2);
    queue.push(1);
    queue.push(2);
    queue.push(3);
    queue.close(ConnectionError::Eof);
    // Neither a later push nor a second close changes what is delivered.
    queue.push(4);
    queue.close(ConnectionError::Shutdown);
    assert_eq!(
        drain(&queue),
        vec![
            QueueItem::Lagged(1),
            QueueItem::Item(2),
            QueueItem::Item(3),
            QueueItem::Closed(ConnectionError::Eof)
        ]
    );
    assert_eq!(pop(&queue), Poll::Ready(None));
    assert_eq!(pop(&queue), Poll::Ready(None));
}

#[test]
fn close_of_an_empty_queue_reports_at_once() {
    let queue = EventQueue::<u32>::new(4);
    queue.close(ConnectionError::KeepaliveTimeout);
    assert_eq!(
        pop(&queue),
        Poll::Ready(Some(QueueItem::Closed(ConnectionError::KeepaliveTimeout)))
    );
    assert_eq!(pop(&queue), Poll::Ready(None));
}

#[test]
fn push_never_waits_and_memory_stays_bounded_without_a_reader() {
    let queue = EventQueue::new(16);
    for i in 0..100_000u32 {
        queue.push(vec![i as u8; 64]);
        assert!(queue.len() <= 16);
    }
    assert_eq!(queue.len(), 16);
    assert_eq!(
        pop(&queue),
        Poll::Ready(Some(QueueItem::Lagged(100_000 - 16)))
    );
    assert_eq!(
        pop(&queue),
        Poll::Ready(Some(QueueItem::Item(vec![(100_000u32 - 16) as u8; 64])))
    );
}

#[test]
fn zero_capacity_keeps_one() {
    let queue = EventQueue::new(0);
    assert_eq!(queue.capacity(), 1);
    queue.push('a');
    queue.push('b');
    assert_eq!(
        drain(&queue),
        vec![QueueItem::Lagged(1), QueueItem::Item('b')]
    );
}

#[test]
fn push_and_close_wake_a_waiting_consumer() {
    let queue = EventQueue::new(4);
    let (waker, counter) = CountingWaker::new();
    let mut cx = Context::from_waker(&waker);
    assert_eq!(queue.poll_pop(&mut cx), Poll::Pending);
    assert_eq!(counter.wakes(), 0);
    queue.push(1);
    assert_eq!(counter.wakes(), 1);
    // The waker is used once per wait: a second push before the consumer
    // polls again does not wake it twice.
    queue.push(2);
    assert_eq!(counter.wakes(), 1);
    assert_eq!(
        queue.poll_pop(&mut cx),
        Poll::Ready(Some(QueueItem::Item(1)))
    );
    assert_eq!(
        queue.poll_pop(&mut cx),
        Poll::Ready(Some(QueueItem::Item(2)))
    );
    assert_eq!(queue.poll_pop(&mut cx), Poll::Pending);
    queue.close(ConnectionError::Eof);
    assert_eq!(counter.wakes(), 2);
}

#[test]
fn the_latest_waker_is_the_one_woken() {
    let queue = EventQueue::new(4);
    let (first, first_count) = CountingWaker::new();
    let (second, second_count) = CountingWaker::new();
    assert_eq!(
        queue.poll_pop(&mut Context::from_waker(&first)),
        Poll::Pending
    );
    assert_eq!(
        queue.poll_pop(&mut Context::from_waker(&second)),
        Poll::Pending
    );
    queue.push(1);
    assert_eq!((first_count.wakes(), second_count.wakes()), (0, 1));
}

#[test]
fn detach_frees_the_backlog_and_ignores_later_pushes() {
    let queue = EventQueue::new(4);
    queue.push(1);
    queue.push(2);
    assert!(!queue.is_detached());
    queue.detach();
    assert!(queue.is_detached());
    assert_eq!(queue.len(), 0);
    queue.push(3);
    assert_eq!(queue.len(), 0);
    assert_eq!(pop(&queue), Poll::Ready(None));
}
