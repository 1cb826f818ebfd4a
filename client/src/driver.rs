//! The connection driver: one task that owns the transport and the sans-IO
//! [`Connection`], moving bytes and descriptors and waking callers. Every
//! protocol decision is made by the core; this only does I/O.
//!
//! It is a hand-written future rather than a `select!` loop so that one wake
//! drains every queued command, writes everything pending in as few syscalls
//! as possible, and reads until the socket would block. Nothing here waits
//! on a caller: replies go through oneshot channels, stream data into
//! bounded stream buffers, events into bounded subscriber queues.

use bytes::Buf;
use std::collections::VecDeque;
use std::future::Future;
use std::io::IoSlice;
use std::os::fd::{AsFd, OwnedFd};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Instant;
use tokio::io::ReadBuf;
use tokio::sync::{mpsc, oneshot};
use tokio::time::Sleep;
use virtwire_protocol::conn::{
    CallError, CallFrame, Connection, ConnectionError, KeepaliveConfig, Output, Reply, Route,
    RouteKey, StreamRequest, Transmit, Waiter,
};

use crate::event::fanout::Fanout;
use crate::io::Transport;
use crate::shared::{ConnectionStats, Shared};
use crate::stream::buffer::{self, ReadResume};

/// The result a call's waiter receives: its serial and the reply or failure.
pub(crate) type CallResult = (u32, Result<Reply, CallError>);

/// The core as the driver instantiates it.
type Core = Connection<ReplySender, buffer::Shared, Fanout>;

/// A request from a [`crate::Client`] to the driver. It travels boxed: the
/// channel then costs each idle connection a few hundred bytes instead of
/// a block of 32 whole commands (about 3 KiB), for one small allocation
/// per request.
pub(crate) enum Command {
    /// Start a call.
    Call {
        frame: CallFrame,
        reply: ReplySender,
    },
    /// Start a call that opens a stream delivering into `sink`.
    Stream {
        frame: CallFrame,
        reply: ReplySender,
        sink: buffer::Shared,
        sparse: bool,
    },
    /// Send data, a hole, a finish or an abort on a stream.
    StreamSend {
        serial: u32,
        request: StreamRequest,
        shared: buffer::Shared,
    },
    /// Start an event registration whose events go to `sink`.
    Subscribe {
        frame: CallFrame,
        reply: ReplySender,
        route: Route,
        sink: Fanout,
    },
    /// Stop routing a subscription's events.
    Unsubscribe(RouteKey),
    /// Turn client-side keepalive on or off.
    Keepalive(Option<KeepaliveConfig>),
    /// Close the connection after the pending writes.
    Shutdown,
    /// Put the transport behind a SASL security layer from the next byte
    /// on (sent by the SASL exchange right after the final reply).
    #[cfg(feature = "sasl-cyrus")]
    InstallLayer {
        layer: Box<dyn virtwire_auth::sasl::SecurityLayer>,
        done: oneshot::Sender<std::io::Result<()>>,
    },
}

/// A call's reply channel.
pub(crate) struct ReplySender(pub(crate) oneshot::Sender<CallResult>);

impl Waiter for ReplySender {
    fn is_cancelled(&self) -> bool {
        self.0.is_closed()
    }
}

/// What a read asks for at first and after small reads. The receive buffer
/// is allocated at this size by the first read after an idle spell, and it
/// is zeroed before a unix socket's `recvmsg`: an idle connection, or one
/// making a call at a time, costs little.
const MIN_READ: usize = 4 * 1024;

/// The most one read asks for. A read that fills what it asked for doubles
/// the next (bulk replies, streams); one that brings less than an eighth
/// halves it. A message announced larger than this is read in several.
const MAX_READ: usize = 256 * 1024;

/// Calls the client holds back under the in-flight cap before it stops
/// taking more from its callers, who then wait: a flood of calls never
/// grows memory without bound.
const MAX_QUEUED: usize = 1024;

/// How often a paused reader checks whether the daemon hung up.
const PROBE_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// Most messages handed to one vectored write (well under `IOV_MAX`).
const MAX_WRITE_SLICES: usize = 64;

/// The task that runs one connection.
pub(crate) struct Driver<T> {
    io: T,
    conn: Core,
    commands: mpsc::Receiver<Box<Command>>,
    shared: Arc<Shared>,
    /// Messages not yet (fully) written, oldest first.
    outgoing: VecDeque<Transmit>,
    /// Descriptors of a written message still to send, in order.
    fds_out: VecDeque<OwnedFd>,
    /// Descriptors received and not yet handed to the core.
    fds_in: VecDeque<OwnedFd>,
    /// Woken when a full stream buffer has room again.
    resume: Arc<ReadResume>,
    read_paused: bool,
    /// While reading is paused: when to look for a hung-up peer next
    /// (made the first time reading pauses).
    probe: Option<Pin<Box<Sleep>>>,
    /// The core's next deadline (made the first time there is one).
    timer: Option<Pin<Box<Sleep>>>,
    timer_armed: Option<Instant>,
    /// How much the next read asks for, between [`MIN_READ`] and [`MAX_READ`].
    read_size: usize,
    shutting_down: bool,
    /// How long to keep polling, yielding, for replies that are due before
    /// sleeping on the socket (see [`crate::ConnectOptions::busy_poll`]).
    busy_poll: Option<std::time::Duration>,
    /// When the current stretch of polling without input began.
    polling_since: Option<Instant>,
    /// Whether a read brought bytes since the last time the task waited.
    progressed: bool,
}

impl<T: Transport> Driver<T> {
    pub(crate) fn new(
        io: T,
        conn: Core,
        commands: mpsc::Receiver<Box<Command>>,
        shared: Arc<Shared>,
        resume: Arc<ReadResume>,
        busy_poll: Option<std::time::Duration>,
    ) -> Self {
        Self {
            io,
            conn,
            commands,
            shared,
            outgoing: VecDeque::new(),
            fds_out: VecDeque::new(),
            fds_in: VecDeque::new(),
            resume,
            read_paused: false,
            probe: None,
            timer: None,
            timer_armed: None,
            read_size: MIN_READ,
            shutting_down: false,
            busy_poll: busy_poll.filter(|d| !d.is_zero()),
            polling_since: None,
            progressed: false,
        }
    }

    /// Whether to poll again instead of sleeping: replies are due and the
    /// stretch without input is shorter than the busy-poll budget. The task
    /// then yields to the runtime, which looks at its sockets without
    /// waiting (tokio polls its I/O driver with a zero timeout before it
    /// resumes a yielded task) and runs every other ready task first, so a
    /// busy poll never holds a runtime thread nor starves anyone.
    fn keep_polling(&mut self, cx: &mut Context<'_>) -> bool {
        let Some(budget) = self.busy_poll else {
            return false;
        };
        if std::mem::take(&mut self.progressed) {
            self.polling_since = None;
        }
        if self.conn.in_flight() == 0 || self.read_paused {
            self.polling_since = None;
            return false;
        }
        let now = Instant::now();
        let since = *self.polling_since.get_or_insert(now);
        if now.duration_since(since) >= budget {
            // Spent: sleep until input comes; the next input starts a new
            // stretch.
            return false;
        }
        let yielded = std::pin::pin!(tokio::task::yield_now());
        // The first poll of a yield registers the waker and is Pending.
        let _ = yielded.poll(cx);
        true
    }

    fn take_commands(&mut self, cx: &mut Context<'_>) {
        // Past the limit the channel is not polled: callers wait in `send`,
        // and replies (which free room) bring the driver back here.
        while self.conn.queued() < MAX_QUEUED {
            let Poll::Ready(command) = self.commands.poll_recv(cx) else {
                break;
            };
            match command {
                Some(command) => {
                    if self.command(*command) {
                        break;
                    }
                }
                None => {
                    // Every Client is gone: flush, then stop.
                    self.shutting_down = true;
                    break;
                }
            }
        }
    }

    /// Applies one command; `true` when it asks to shut down.
    fn command(&mut self, command: Command) -> bool {
        match command {
            Command::Call { frame, reply } => {
                // A new reply is due: it earns its own busy-poll budget.
                self.progressed = true;
                let procedure = frame.procedure();
                let serial = self.conn.start_call(frame, reply);
                tracing::trace!(procedure, serial, "call started");
            }
            Command::Stream {
                frame,
                reply,
                sink,
                sparse,
            } => {
                let procedure = frame.procedure();
                let serial = self.conn.start_stream(frame, reply, sink, sparse);
                tracing::trace!(procedure, serial, sparse, "stream call started");
            }
            Command::StreamSend {
                serial,
                request,
                shared,
            } => {
                if let Err(e) = self.conn.stream_send(serial, request) {
                    tracing::debug!(serial, error = %e, "stream request refused");
                    shared.refuse(e);
                }
            }
            Command::Subscribe {
                frame,
                reply,
                route,
                sink,
            } => {
                self.conn.start_subscription(frame, reply, route, sink);
            }
            Command::Unsubscribe(key) => {
                self.conn.unsubscribe(&key);
            }
            Command::Keepalive(config) => {
                self.conn.set_keepalive(config, Instant::now());
            }
            Command::Shutdown => {
                self.shutting_down = true;
                return true;
            }
            #[cfg(feature = "sasl-cyrus")]
            Command::InstallLayer { layer, done } => {
                // No race with the daemon: it switches to the layer after
                // sending its final SASL reply and then sends nothing until
                // the client speaks again (no keepalive is armed before
                // CONNECT_SUPPORTS_FEATURE, which comes later). That reply
                // has been received, nothing else is in flight or queued
                // (the connecting task waits for this command's answer
                // before its next call), so every byte written from here on
                // is encoded and every byte read decoded.
                let result = if self.outgoing.is_empty() && !self.conn.wants_transmit() {
                    self.io.install_layer(layer)
                } else {
                    Err(std::io::Error::other(
                        "SASL security layer requested with data still to send",
                    ))
                };
                let _ = done.send(result);
            }
        }
        false
    }

    /// Writes pending output; `Ready(Err)` on an I/O failure. Messages are
    /// written as they are, several per syscall, without copying them; a
    /// message's descriptors go right after its last byte.
    fn flush(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        loop {
            while let Some(fd) = self.fds_out.front() {
                ready!(self.io.poll_send_fd(cx, fd.as_fd()))?;
                self.fds_out.pop_front();
            }
            while let Some(t) = self.conn.poll_transmit() {
                self.outgoing.push_back(t);
            }
            if self.outgoing.is_empty() {
                return self.io.poll_flush(cx);
            }
            let mut slices = [IoSlice::new(&[]); MAX_WRITE_SLICES];
            let mut count = 0;
            for t in self.outgoing.iter().take(MAX_WRITE_SLICES) {
                slices[count] = IoSlice::new(&t.bytes);
                count += 1;
                if !t.fds.is_empty() {
                    // Its descriptors must follow it before any other byte.
                    break;
                }
            }
            let mut n = ready!(self.io.poll_write_vectored(cx, &slices[..count]))?;
            if n == 0 {
                return Poll::Ready(Err(std::io::ErrorKind::WriteZero.into()));
            }
            while n > 0 {
                // A transport claiming more than it was given ends the loop.
                let Some(front) = self.outgoing.front_mut() else {
                    break;
                };
                let taken = n.min(front.bytes.len());
                if let Some(serial) = front.stream {
                    // Partial writes count too: the window is in bytes.
                    self.conn.stream_written(serial, taken);
                }
                if taken < front.bytes.len() {
                    front.bytes.advance(taken);
                    break;
                }
                n -= taken;
                let Some(done) = self.outgoing.pop_front() else {
                    break;
                };
                self.fds_out.extend(done.fds);
            }
        }
    }

    /// Reads until the socket would block; `Ready` means EOF or error.
    fn read(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        loop {
            if self.pause_for_streams(cx) {
                return Poll::Pending;
            }
            let want = self.read_size;
            let with_fds = self.conn.may_receive_fds();
            let buf = self.conn.receive_buffer();
            if buf.capacity() - buf.len() < want / 4 {
                buf.reserve(want);
            }
            // Only what this read asks for: the spare capacity may be much
            // larger (a large message reserves all of itself), and a unix
            // socket's read zeroes what it is offered.
            let spare = buf.spare_capacity_mut();
            let offered = spare.len().min(want);
            let mut read_buf = ReadBuf::uninit(&mut spare[..offered]);
            if with_fds {
                ready!(self.io.poll_read(cx, &mut read_buf, &mut self.fds_in))?;
            } else {
                // No descriptor can be due: skip zeroing the buffer that
                // `recvmsg` would need.
                ready!(self.io.poll_read_plain(cx, &mut read_buf))?;
            }
            let n = read_buf.filled().len();
            if n == 0 {
                return Poll::Ready(Ok(()));
            }
            self.progressed = true;
            if n == want {
                self.read_size = (want * 2).min(MAX_READ);
            } else if n < want / 8 {
                self.read_size = (want / 2).max(MIN_READ);
            }
            let buf = self.conn.receive_buffer();
            // SAFETY: poll_read initialised the first `n` bytes of the spare capacity.
            unsafe { buf.set_len(buf.len() + n) };
            self.conn.receive_fds(self.fds_in.drain(..));
            self.conn.process_input(Instant::now());
            self.deliver();
            if self.conn.closed().is_some() {
                return Poll::Ready(Ok(()));
            }
        }
    }

    /// Whether reading must wait for a stream consumer (see
    /// [`crate::stream::buffer`] for the policy).
    fn pause_for_streams(&mut self, cx: &mut Context<'_>) -> bool {
        let mut full = self.conn.wants_read_pause();
        if full {
            self.resume.register(cx.waker());
            // A consumer may have made room before the waker was in place.
            full = self.conn.wants_read_pause();
        }
        if full != self.read_paused {
            self.read_paused = full;
            self.conn.set_read_paused(full, Instant::now());
            tracing::trace!(paused = full, "reading paused for a full stream");
            if full {
                let next = tokio::time::Instant::now() + PROBE_EVERY;
                match &mut self.probe {
                    Some(probe) => probe.as_mut().reset(next),
                    None => self.probe = Some(Box::pin(tokio::time::sleep_until(next))),
                }
            }
        }
        full
    }

    /// While reading is paused, a daemon that dies is noticed by polling
    /// for its hang-up, so calls and subscribers fail promptly.
    fn probe_paused(&mut self, cx: &mut Context<'_>) {
        while self.read_paused {
            let Some(probe) = self.probe.as_mut() else {
                return;
            };
            if probe.as_mut().poll(cx).is_pending() {
                return;
            }
            if self.io.peer_closed() {
                tracing::debug!("the daemon hung up while reading was paused");
                self.conn.handle_eof();
                self.deliver();
                return;
            }
            let next = tokio::time::Instant::now() + PROBE_EVERY;
            probe.as_mut().reset(next);
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
                Output::UnknownEvent { program, procedure } => {
                    tracing::warn!(
                        program,
                        procedure,
                        "dropped an event this release does not know (a newer daemon?)"
                    );
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
            let timer = self
                .timer
                .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline.into())));
            if self.timer_armed != Some(deadline) {
                timer.as_mut().reset(deadline.into());
                self.timer_armed = Some(deadline);
            }
            if timer.as_mut().poll(cx).is_pending() {
                return;
            }
            self.conn.handle_timeout(Instant::now());
            self.deliver();
        }
    }

    fn fail(&mut self, error: ConnectionError) {
        self.conn.close(error);
        self.fds_out.clear();
        self.outgoing.clear();
        self.deliver();
    }

    /// Fails commands that arrive after the connection closed.
    fn drain_after_close(&mut self) {
        self.commands.close();
        while let Ok(command) = self.commands.try_recv() {
            self.command(*command);
        }
        self.deliver();
    }
}

impl<T: Transport> Future for Driver<T> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        loop {
            if this.conn.closed().is_some() {
                this.drain_after_close();
                let _ = this.io.poll_shutdown(cx);
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
            this.probe_paused(cx);
            if this.conn.closed().is_some() {
                continue;
            }
            this.shared.set_stats(ConnectionStats {
                in_flight: this.conn.in_flight(),
                queued: this.conn.queued(),
                open_streams: this.conn.open_streams(),
                subscriptions: this.conn.subscriptions(),
            });
            // Reading may have produced output (pongs, released queued calls).
            if this.conn.wants_transmit() && this.conn.closed().is_none() {
                continue;
            }
            // Nothing is expected: an idle connection keeps no receive
            // buffer (events and pings find a new one on the next read).
            if this.conn.in_flight() == 0 && this.conn.open_streams() == 0 {
                this.conn.release_idle_memory();
            }
            this.keep_polling(cx);
            return Poll::Pending;
        }
    }
}
