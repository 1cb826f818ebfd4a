//! The connection driver: one task that owns the socket and the sans-IO
//! [`Connection`], moving bytes and waking callers. Every protocol decision is
//! made by the core; this only does I/O.
//!
//! It is a hand-written future rather than a `select!` loop so that one wake
//! drains every queued command, writes everything pending in as few syscalls
//! as possible, and reads until the socket would block.

use bytes::{Buf, Bytes};
use std::collections::VecDeque;
use std::future::Future;
use std::io::IoSlice;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Instant;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{mpsc, oneshot};
use tokio::time::Sleep;
use virtwire_protocol::conn::{
    CallError, CallFrame, Connection, ConnectionError, KeepaliveConfig, Output, Reply, Waiter,
};
use virtwire_protocol::frame::Frame;

use crate::shared::Shared;

/// The result a call's waiter receives: its serial and the reply or failure.
pub(crate) type CallResult = (u32, Result<Reply, CallError>);

/// A request from a [`crate::Client`] to the driver.
pub(crate) enum Command {
    /// Start a call.
    Call {
        frame: CallFrame,
        reply: ReplySender,
    },
    /// Turn client-side keepalive on or off.
    Keepalive(Option<KeepaliveConfig>),
    /// Close the connection after the pending writes.
    Shutdown,
}

/// A call's reply channel.
pub(crate) struct ReplySender(pub(crate) oneshot::Sender<CallResult>);

impl Waiter for ReplySender {
    fn is_cancelled(&self) -> bool {
        self.0.is_closed()
    }
}

/// Sink for server-initiated messages (events, stream packets) until the
/// event and stream layers consume them.
pub(crate) type Unsolicited = Box<dyn FnMut(Frame) + Send>;

/// Reads at most this much per syscall; the buffer grows further only for
/// frames announced larger (bounded by the protocol's maximum).
const READ_CHUNK: usize = 64 * 1024;

/// Most messages handed to one vectored write (well under `IOV_MAX`).
const MAX_WRITE_SLICES: usize = 64;

/// The task that runs one connection.
pub(crate) struct Driver<S> {
    io: S,
    conn: Connection<ReplySender>,
    commands: mpsc::Receiver<Command>,
    shared: Arc<Shared>,
    /// Encoded messages not yet (fully) written, oldest first.
    outgoing: VecDeque<Bytes>,
    timer: Pin<Box<Sleep>>,
    timer_armed: Option<Instant>,
    unsolicited: Option<Unsolicited>,
    shutting_down: bool,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Driver<S> {
    pub(crate) fn new(
        io: S,
        conn: Connection<ReplySender>,
        commands: mpsc::Receiver<Command>,
        shared: Arc<Shared>,
    ) -> Self {
        Self {
            io,
            conn,
            commands,
            shared,
            outgoing: VecDeque::new(),
            timer: Box::pin(tokio::time::sleep(std::time::Duration::from_secs(3600))),
            timer_armed: None,
            unsolicited: None,
            shutting_down: false,
        }
    }

    /// Where events and stream packets go.
    #[allow(dead_code)]
    pub(crate) fn set_unsolicited(&mut self, sink: Unsolicited) {
        self.unsolicited = Some(sink);
    }

    fn take_commands(&mut self, cx: &mut Context<'_>) {
        while let Poll::Ready(command) = self.commands.poll_recv(cx) {
            match command {
                Some(Command::Call { frame, reply }) => {
                    let procedure = frame.procedure();
                    let serial = self.conn.start_call(frame, reply);
                    tracing::trace!(procedure, serial, "call started");
                }
                Some(Command::Keepalive(config)) => {
                    self.conn.set_keepalive(config, Instant::now());
                }
                Some(Command::Shutdown) | None => {
                    // Every Client is gone or asked to close: flush, then stop.
                    self.shutting_down = true;
                    break;
                }
            }
        }
    }

    /// Writes pending output; `Ready(Err)` on an I/O failure. Messages are
    /// written as they are, several per syscall, without copying them.
    fn flush(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        loop {
            while let Some(bytes) = self.conn.poll_transmit() {
                self.outgoing.push_back(bytes);
            }
            if self.outgoing.is_empty() {
                return Pin::new(&mut self.io).poll_flush(cx);
            }
            let mut slices = [IoSlice::new(&[]); MAX_WRITE_SLICES];
            let count = self.outgoing.len().min(MAX_WRITE_SLICES);
            for (slice, bytes) in slices.iter_mut().zip(&self.outgoing) {
                *slice = IoSlice::new(bytes);
            }
            let mut n = ready!(Pin::new(&mut self.io).poll_write_vectored(cx, &slices[..count]))?;
            if n == 0 {
                return Poll::Ready(Err(std::io::ErrorKind::WriteZero.into()));
            }
            while n > 0 {
                // A transport claiming more than it was given ends the loop.
                let Some(front) = self.outgoing.front_mut() else {
                    break;
                };
                if n >= front.len() {
                    n -= front.len();
                    self.outgoing.pop_front();
                } else {
                    front.advance(n);
                    n = 0;
                }
            }
        }
    }

    /// Reads until the socket would block; `Ready` means EOF or error.
    fn read(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        loop {
            let buf = self.conn.receive_buffer();
            if buf.capacity() - buf.len() < READ_CHUNK / 4 {
                buf.reserve(READ_CHUNK);
            }
            let spare = buf.spare_capacity_mut();
            let mut read_buf = ReadBuf::uninit(spare);
            ready!(Pin::new(&mut self.io).poll_read(cx, &mut read_buf))?;
            let n = read_buf.filled().len();
            if n == 0 {
                return Poll::Ready(Ok(()));
            }
            let buf = self.conn.receive_buffer();
            // SAFETY: poll_read initialised the first `n` bytes of the spare capacity.
            unsafe { buf.set_len(buf.len() + n) };
            self.conn.process_input(Instant::now());
            self.deliver();
            if self.conn.closed().is_some() {
                return Poll::Ready(Ok(()));
            }
        }
    }

    fn deliver(&mut self) {
        while let Some(output) = self.conn.poll_output() {
            match output {
                Output::Completed {
                    serial,
                    waiter,
                    result,
                } => {
                    // The caller may have gone: its reply is dropped here.
                    let _ = waiter.0.send((serial, result));
                }
                Output::Event(frame) | Output::Stream(frame) => {
                    if let Some(sink) = &mut self.unsolicited {
                        sink(frame);
                    } else {
                        tracing::trace!(
                            procedure = frame.header.proc,
                            "unsolicited message dropped"
                        );
                    }
                }
                Output::Closed(error) => {
                    tracing::debug!(%error, "connection closed");
                    self.shared.set_closed(error);
                }
            }
        }
    }

    fn poll_timer(&mut self, cx: &mut Context<'_>) {
        loop {
            let Some(deadline) = self.conn.poll_timeout() else {
                return;
            };
            if self.timer_armed != Some(deadline) {
                self.timer.as_mut().reset(deadline.into());
                self.timer_armed = Some(deadline);
            }
            if self.timer.as_mut().poll(cx).is_pending() {
                return;
            }
            self.conn.handle_timeout(Instant::now());
            self.deliver();
        }
    }

    fn fail(&mut self, error: ConnectionError) {
        self.conn.close(error);
        self.deliver();
    }

    /// Fails commands that arrive after the connection closed.
    fn drain_after_close(&mut self) {
        self.commands.close();
        while let Ok(command) = self.commands.try_recv() {
            if let Command::Call { frame, reply } = command {
                self.conn.start_call(frame, reply);
            }
        }
        self.deliver();
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Future for Driver<S> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        loop {
            if this.conn.closed().is_some() {
                this.drain_after_close();
                return Poll::Ready(());
            }
            this.take_commands(cx);
            match this.flush(cx) {
                Poll::Ready(Err(e)) => {
                    this.fail(ConnectionError::io(&e));
                    continue;
                }
                Poll::Ready(Ok(())) if this.shutting_down => {
                    this.fail(ConnectionError::Shutdown);
                    continue;
                }
                _ => {}
            }
            match this.read(cx) {
                Poll::Ready(Ok(())) => {
                    if this.conn.closed().is_none() {
                        this.conn.handle_eof();
                        this.deliver();
                    }
                    continue;
                }
                Poll::Ready(Err(e)) => {
                    this.fail(ConnectionError::io(&e));
                    continue;
                }
                Poll::Pending => {}
            }
            this.poll_timer(cx);
            // Reading may have produced output (pongs, released queued calls).
            if this.conn.wants_transmit() && this.conn.closed().is_none() {
                continue;
            }
            return Poll::Pending;
        }
    }
}
