//! The sans-IO connection core: everything a connection decides, with no
//! sockets, no runtime and no clock of its own (time is passed in).
//!
//! The driver feeds received bytes (and descriptors) through
//! [`Connection::receive_buffer`], [`Connection::receive_fds`] and
//! [`Connection::process_input`], writes whatever
//! [`Connection::poll_transmit`] returns, and delivers each [`Output`].
//!
//! One table holds every live serial: calls waiting under the in-flight cap
//! or for their reply, and the streams those calls opened, which outlive the
//! reply. Replies are matched by serial (libvirt answers out of order),
//! stream packets go to their stream's [`StreamSink`], and event messages go
//! to the [`EventSink`] of their subscription.

mod error;
mod event;
mod fds;
mod keepalive;
mod stream;
mod table;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_events;
#[cfg(test)]
mod tests_streams;

pub use error::{CallError, ConnectionError};
pub use event::{EventSink, Route, RouteKey, callback_id};
pub use fds::Fd;
pub use keepalive::KeepaliveConfig;
pub use stream::{StreamPacket, StreamRequest, StreamRequestError, StreamSink};

use crate::frame::{self, Frame, SERIAL_OFFSET};
use crate::keepalive as ka;
use crate::virnet::{MessageError, MessageHeader, MessageStatus, MessageType};
use crate::xdr::{self, Encode, EncodeError};
use bytes::{BufMut, Bytes, BytesMut};
use event::Registry;
use keepalive::Keepalive;
use std::collections::VecDeque;
use std::time::Instant;
use stream::{Phase, StreamId, StreamState};
use table::{Entry, Queued, Table, Then};

/// Calls a connection sends before their replies arrive, by default.
///
/// libvirtd works on at most `max_client_requests` (default 5) calls of a
/// client at once and leaves the rest unread in its socket, as libvirt's
/// C client, which has no cap, relies on. Sending more than 5 keeps the
/// next calls waiting in the daemon's socket, so a slot the daemon frees is
/// refilled without a round trip to the client: measured with
/// `bench/run.sh`, a cap of 16 or 64 carries 25-50 % more calls per second
/// than 5 at 8 and 64 concurrent callers. Past this cap calls wait in the
/// client, where cancelling them costs nothing.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 64;

/// Settings of a [`Connection`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Calls sent before their replies arrive; more wait in the client.
    /// Default [`DEFAULT_MAX_IN_FLIGHT`].
    pub max_in_flight: usize,
    /// Client-initiated keepalive, or `None` to only answer the daemon's pings.
    pub keepalive: Option<KeepaliveConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            keepalive: None,
        }
    }
}

/// Whatever the driver attaches to a call to deliver its result later
/// (typically a oneshot sender).
pub trait Waiter {
    /// Whether the caller has gone, so a call not yet sent need not be sent.
    fn is_cancelled(&self) -> bool {
        false
    }
}

/// A call encoded by the caller, with a placeholder serial the core fills in.
#[derive(Debug)]
pub struct CallFrame {
    program: u32,
    version: u32,
    procedure: i32,
    bytes: BytesMut,
    fds: Vec<Fd>,
    /// Whether the reply may carry descriptors.
    reply_fds: bool,
}

impl CallFrame {
    /// Encodes a CALL of `procedure` with `args`. Done by the caller, so the
    /// encoding work stays off the connection's own task.
    pub fn encode<T: Encode + ?Sized>(
        program: u32,
        version: u32,
        procedure: i32,
        args: &T,
    ) -> Result<Self, EncodeError> {
        let header = frame::header(
            program,
            version,
            procedure,
            MessageType::Call,
            0,
            MessageStatus::Ok,
        );
        let mut bytes = BytesMut::new();
        frame::encode_message(&header, args, &mut bytes)?;
        Ok(Self {
            program,
            version,
            procedure,
            bytes,
            fds: Vec::new(),
            reply_fds: false,
        })
    }

    /// Encodes a CALL_WITH_FDS: the descriptor count follows the header, and
    /// the descriptors follow the message, one per carrier byte
    /// (`virNetMessageEncodeNumFDs`, `virNetClientIOWriteMessage`).
    pub fn encode_with_fds<T: Encode + ?Sized>(
        program: u32,
        version: u32,
        procedure: i32,
        args: &T,
        fds: Vec<Fd>,
    ) -> Result<Self, EncodeError> {
        if fds.len() > frame::NUM_FDS_MAX as usize {
            return Err(EncodeError::OverBound {
                len: fds.len(),
                max: frame::NUM_FDS_MAX,
            });
        }
        let header = frame::header(
            program,
            version,
            procedure,
            MessageType::CallWithFds,
            0,
            MessageStatus::Ok,
        );
        let mut bytes = BytesMut::new();
        frame::encode_message(&header, &WithFdCount(fds.len() as u32, args), &mut bytes)?;
        Ok(Self {
            program,
            version,
            procedure,
            bytes,
            fds,
            reply_fds: false,
        })
    }

    /// Marks a call whose reply may carry descriptors (`REPLY_WITH_FDS`), so
    /// the connection reads in a way that can receive them while it waits.
    pub fn expecting_fds(mut self) -> Self {
        self.reply_fds = true;
        self
    }

    /// The procedure number.
    pub fn procedure(&self) -> i32 {
        self.procedure
    }

    /// How many descriptors the call carries.
    pub fn num_fds(&self) -> usize {
        self.fds.len()
    }

    fn finish(mut self, serial: u32) -> (Bytes, Vec<Fd>) {
        self.bytes[SERIAL_OFFSET..SERIAL_OFFSET + 4].copy_from_slice(&serial.to_be_bytes());
        (self.bytes.freeze(), self.fds)
    }
}

/// A payload preceded by the descriptor count of a `*_WITH_FDS` message.
struct WithFdCount<'a, T: ?Sized>(u32, &'a T);

impl<T: Encode + ?Sized> Encode for WithFdCount<'_, T> {
    fn encoded_len(&self) -> usize {
        4 + self.1.encoded_len()
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.0.encode(out)?;
        self.1.encode(out)
    }
}

/// A successful reply's payload.
#[derive(Debug)]
pub struct Reply {
    /// The undecoded `_ret` payload.
    pub body: Bytes,
    /// The descriptors a `REPLY_WITH_FDS` carried, in order.
    pub fds: Vec<Fd>,
}

/// Bytes to write, in order, with what must follow them.
#[derive(Debug)]
pub struct Transmit {
    /// The bytes.
    pub bytes: Bytes,
    /// Descriptors to send right after the bytes, each with its own carrier
    /// byte (unix sockets only).
    pub fds: Vec<Fd>,
    /// The stream whose data these bytes are: report them with
    /// [`Connection::stream_written`] once written.
    pub stream: Option<u32>,
}

impl Transmit {
    fn bytes(bytes: Bytes) -> Self {
        Self {
            bytes,
            fds: Vec::new(),
            stream: None,
        }
    }
}

/// Something the driver must act on.
#[derive(Debug)]
pub enum Output<W> {
    /// A call finished: deliver `result` to `waiter` (it may have gone).
    Completed {
        /// The call's serial.
        serial: u32,
        /// What the call's starter attached.
        waiter: W,
        /// The reply or why there is none.
        result: Result<Reply, CallError>,
    },
    /// The daemon sent an event procedure this release does not know (a
    /// newer daemon); it was dropped.
    UnknownEvent {
        /// Its program.
        program: u32,
        /// Its procedure.
        procedure: i32,
    },
    /// The connection is finished; emitted once. Every call has completed,
    /// every stream and subscription has ended.
    Closed(ConnectionError),
}

/// The state of one connection to a libvirt daemon: `W` waits for a call's
/// reply, `S` receives a stream's packets, `E` a subscription's events.
#[derive(Debug)]
pub struct Connection<W, S = (), E = ()> {
    config: Config,
    next_serial: u32,
    table: Table<W, S, E>,
    events: Registry<E>,
    transmit: VecDeque<Transmit>,
    outputs: VecDeque<Output<W>>,
    receive: BytesMut,
    /// Descriptors received and not yet claimed by a message.
    fds: VecDeque<Fd>,
    keepalive: Keepalive,
    closed: Option<ConnectionError>,
}

impl<W: Waiter, S: StreamSink, E: EventSink> Connection<W, S, E> {
    /// A new connection in the open state.
    pub fn new(config: Config, now: Instant) -> Self {
        let keepalive = Keepalive::new(config.keepalive, now);
        Self {
            config,
            next_serial: 0,
            table: Table::default(),
            events: Registry::default(),
            transmit: VecDeque::new(),
            outputs: VecDeque::new(),
            // Allocated by the driver's first read, sized to what it reads.
            receive: BytesMut::new(),
            fds: VecDeque::new(),
            keepalive,
            closed: None,
        }
    }

    /// Turns client-side keepalive on or off (after the daemon said it
    /// supports the keepalive program).
    pub fn set_keepalive(&mut self, config: Option<KeepaliveConfig>, now: Instant) {
        self.config.keepalive = config;
        let paused = self.keepalive.is_paused();
        self.keepalive = Keepalive::new(config, now);
        self.keepalive.set_paused(paused, now);
    }

    /// Why the connection closed, once it has.
    pub fn closed(&self) -> Option<&ConnectionError> {
        self.closed.as_ref()
    }

    /// Calls sent and not yet answered.
    pub fn in_flight(&self) -> usize {
        self.table.in_flight()
    }

    /// Calls waiting for room under the in-flight cap.
    pub fn queued(&self) -> usize {
        self.table.queued()
    }

    /// Streams open (their opening call sent, their end not yet confirmed).
    pub fn open_streams(&self) -> usize {
        self.table.streams()
    }

    /// Whether a reply that may carry descriptors is awaited: only then
    /// must the driver read in a way that can receive them.
    pub fn may_receive_fds(&self) -> bool {
        self.table.fd_replies() > 0
    }

    /// Event routes subscribed.
    pub fn subscriptions(&self) -> usize {
        self.events.len()
    }

    /// Starts a call: assigns its serial, and sends it now or queues it under
    /// the in-flight cap. Returns the serial. On a closed connection the call
    /// completes at once with [`CallError::Closed`]; a call whose caller has
    /// already gone is dropped unsent.
    pub fn start_call(&mut self, call: CallFrame, waiter: W) -> u32 {
        self.start(call, waiter, Then::Done)
    }

    /// Starts a call that opens a stream (`@readstream`/`@writestream`). The
    /// stream's packets go to `sink` from now on, even those that overtake
    /// the reply; if the call fails, `sink` is dropped without an end.
    /// `sparse` says whether the call carries the procedure's sparse flag.
    pub fn start_stream(&mut self, call: CallFrame, waiter: W, sink: S, sparse: bool) -> u32 {
        self.start(call, waiter, Then::Stream(StreamState::new(sink, sparse)))
    }

    /// Starts an event registration call. When it succeeds, events on
    /// `route` (with the callback id its reply names, for routes that carry
    /// one) go to `sink` until [`Connection::unsubscribe`].
    pub fn start_subscription(&mut self, call: CallFrame, waiter: W, route: Route, sink: E) -> u32 {
        self.start(call, waiter, Then::Subscribe(route, sink))
    }

    fn start(&mut self, call: CallFrame, waiter: W, then: Then<S, E>) -> u32 {
        let serial = self.allocate_serial();
        if let Some(error) = &self.closed {
            let result = Err(CallError::Closed(error.clone()));
            self.outputs.push_back(Output::Completed {
                serial,
                waiter,
                result,
            });
            return serial;
        }
        if waiter.is_cancelled() {
            return serial;
        }
        let sent = self.table.in_flight() < self.config.max_in_flight.max(1);
        let entry = Entry {
            program: call.program,
            version: call.version,
            procedure: call.procedure,
            waiter: Some(waiter),
            sent,
            reply_fds: call.reply_fds,
            then,
        };
        let (bytes, fds) = call.finish(serial);
        self.table.insert(serial, entry);
        if sent {
            self.transmit.push_back(Transmit {
                bytes,
                fds,
                stream: None,
            });
        } else {
            self.table.enqueue(Queued { serial, bytes, fds });
        }
        serial
    }

    /// Ends a subscription: its events are dropped from now on. Returns the
    /// sink. (Deregistering on the daemon is a call of its own.)
    pub fn unsubscribe(&mut self, key: &RouteKey) -> Option<E> {
        self.events.remove(key)
    }

    /// Queues a message that expects no reply.
    pub fn send_raw(&mut self, message: Bytes) {
        if self.closed.is_none() {
            self.transmit.push_back(Transmit::bytes(message));
        }
    }

    /// Sends data, a hole, a finish or an abort on the stream opened by the
    /// call `serial`.
    pub fn stream_send(
        &mut self,
        serial: u32,
        request: StreamRequest,
    ) -> Result<(), StreamRequestError> {
        if self.closed.is_some() {
            return Err(StreamRequestError::Closed);
        }
        let Some(entry) = self.table.get_mut(serial) else {
            return Err(StreamRequestError::NoStream);
        };
        let id = StreamId {
            program: entry.program,
            version: entry.version,
            procedure: entry.procedure,
            serial,
        };
        let answered = entry.waiter.is_none();
        let Some(stream) = entry.stream_mut() else {
            return Err(StreamRequestError::NoStream);
        };
        if stream.phase != Phase::Open {
            // A second abort is harmless; anything else is a misuse.
            return match request {
                StreamRequest::Abort => Ok(()),
                _ => Err(StreamRequestError::Closing),
            };
        }
        if !answered {
            if request == StreamRequest::Abort {
                stream.abort_on_reply = true;
                return Ok(());
            }
            return Err(StreamRequestError::NotReady);
        }
        match request {
            StreamRequest::Data(data) => {
                for (header, chunk) in id.data_packets(data) {
                    self.transmit.push_back(Transmit::bytes(header));
                    self.transmit.push_back(Transmit {
                        bytes: chunk,
                        fds: Vec::new(),
                        stream: Some(serial),
                    });
                }
            }
            StreamRequest::Hole(length) => {
                if !stream.sparse {
                    return Err(StreamRequestError::NotSparse);
                }
                let length =
                    i64::try_from(length).map_err(|_| StreamRequestError::HoleTooLong(length))?;
                self.transmit
                    .push_back(Transmit::bytes(id.hole_packet(length)));
            }
            StreamRequest::Finish => {
                stream.phase = Phase::Finishing;
                let header = id.header(MessageType::Stream, MessageStatus::Ok, 0);
                self.transmit.push_back(Transmit::bytes(header));
            }
            StreamRequest::Abort => {
                stream.phase = Phase::Aborting;
                let header = id.header(MessageType::Stream, MessageStatus::Error, 0);
                self.transmit.push_back(Transmit::bytes(header));
            }
        }
        Ok(())
    }

    /// Reports that the transmit item for stream `serial` (`len` bytes) was
    /// written, so its sink can let more data in.
    pub fn stream_written(&mut self, serial: u32, len: usize) {
        if let Some(stream) = self.table.get_mut(serial).and_then(Entry::stream_mut) {
            stream.sink.written(len);
        }
    }

    /// Whether some stream's sink is full, so reading should pause until its
    /// consumer catches up.
    pub fn wants_read_pause(&self) -> bool {
        self.table.any_stream(|s| s.sink.is_full())
    }

    /// Whether the driver has paused reading for a full stream: keepalive
    /// does not count the silence this causes as a dead peer.
    pub fn set_read_paused(&mut self, paused: bool, now: Instant) {
        self.keepalive.set_paused(paused, now);
    }

    fn allocate_serial(&mut self) -> u32 {
        loop {
            let serial = self.next_serial;
            self.next_serial = self.next_serial.wrapping_add(1);
            // After a wrap-around, skip serials still in use (streams live long).
            if !self.table.contains(serial) {
                return serial;
            }
        }
    }

    /// The buffer the driver reads socket bytes into, then calls
    /// [`Connection::process_input`]. It starts with no capacity: the
    /// driver reserves what it reads into (and a partial message announced
    /// larger reserves the rest of itself).
    pub fn receive_buffer(&mut self) -> &mut BytesMut {
        &mut self.receive
    }

    /// Lets go of the receive buffer's memory when it holds no partial
    /// message, so that an idle connection keeps none; the next read
    /// allocates again. Messages already handed out keep their bytes.
    /// Returns whether there was anything to free.
    pub fn release_receive_buffer(&mut self) -> bool {
        if !self.receive.is_empty() || self.receive.capacity() == 0 {
            return false;
        }
        self.receive = BytesMut::new();
        true
    }

    /// Lets go of every buffer an idle connection does not need: the
    /// receive buffer (as [`Connection::release_receive_buffer`]) and the
    /// empty queues and call table, which keep the capacity the last burst
    /// gave them (about 1 KiB after one call). The next call allocates them
    /// again, a few small allocations against tens of microseconds per
    /// call, for a quarter less memory per idle connection.
    pub fn release_idle_memory(&mut self) {
        self.release_receive_buffer();
        if self.transmit.is_empty() {
            self.transmit = VecDeque::new();
        }
        if self.outputs.is_empty() {
            self.outputs = VecDeque::new();
        }
        if self.fds.is_empty() {
            self.fds = VecDeque::new();
        }
        self.table.release_if_empty();
    }

    /// Descriptors the transport received (with the bytes last read),
    /// claimed in order by the `*_WITH_FDS` messages that announce them.
    pub fn receive_fds(&mut self, fds: impl IntoIterator<Item = Fd>) {
        if self.closed.is_some() {
            // Nothing will claim them: close them now.
            return;
        }
        self.fds.extend(fds);
    }

    /// Decodes and routes every complete message in the receive buffer. A
    /// malformed frame closes the connection.
    pub fn process_input(&mut self, now: Instant) {
        while self.closed.is_none() {
            match frame::decode_frame(&mut self.receive) {
                Ok(Some(frame)) => {
                    self.keepalive.received(now);
                    let Some(fds) = self.claim_fds(frame.num_fds) else {
                        return;
                    };
                    self.route(frame, fds);
                }
                Ok(None) => break,
                Err(e) => self.close(ConnectionError::Frame(e)),
            }
        }
        // At a message boundary every descriptor received belongs to a
        // message already routed; more would pile up forever.
        let stray = self.receive.is_empty() && !self.fds.is_empty();
        if (stray || self.fds.len() > frame::NUM_FDS_MAX as usize) && self.closed.is_none() {
            let count = self.fds.len();
            self.close(ConnectionError::UnexpectedFds { count });
        }
    }

    /// The descriptors a frame announced; their carriers were part of the
    /// frame, so they have arrived or never will.
    fn claim_fds(&mut self, count: u32) -> Option<Vec<Fd>> {
        let count_usize = count as usize;
        if self.fds.len() < count_usize {
            let received = self.fds.len();
            self.close(ConnectionError::MissingFds {
                expected: count,
                received,
            });
            return None;
        }
        Some(self.fds.drain(..count_usize).collect())
    }

    fn route(&mut self, frame: Frame, fds: Vec<Fd>) {
        let header = &frame.header;
        if header.prog == ka::KEEPALIVE_PROGRAM {
            if header.r#type == MessageType::Message {
                self.keepalive_message(header.proc);
            }
            return;
        }
        match header.r#type {
            MessageType::Reply | MessageType::ReplyWithFds => self.complete(frame, fds),
            MessageType::Message => self.event(frame),
            MessageType::Stream | MessageType::StreamHole => self.stream_packet(frame),
            // A daemon never calls its client: ignore, as libvirt's client does.
            MessageType::Call | MessageType::CallWithFds => {}
        }
    }

    fn complete(&mut self, frame: Frame, fds: Vec<Fd>) {
        let header = frame.header;
        let Some(entry) = self.table.get_mut(header.serial) else {
            // The serial is unknown: nothing waits for it.
            return;
        };
        if entry.waiter.is_none()
            || !entry.sent
            || header.prog != entry.program
            || header.vers != entry.version
        {
            // Not the reply to that call: drop the packet.
            return;
        }
        let result = if header.proc != entry.procedure {
            Err(CallError::ProcedureMismatch {
                expected: entry.procedure,
                got: header.proc,
            })
        } else {
            match header.status {
                MessageStatus::Ok => Ok(Reply {
                    body: frame.body,
                    fds,
                }),
                MessageStatus::Error => match xdr::from_bytes::<MessageError>(frame.body) {
                    Ok(error) => Err(CallError::Remote(Box::new(error))),
                    Err(e) => Err(CallError::Decode(e)),
                },
                MessageStatus::Continue => Err(CallError::UnexpectedStatus),
            }
        };
        let serial = header.serial;
        let Some((waiter, then)) = self.table.answered(serial) else {
            return;
        };
        let result = match result {
            Ok(reply) => match self.answered_ok(serial, &waiter, &reply.body, then) {
                Ok(()) => Ok(reply),
                Err(e) => Err(e),
            },
            // No stream or registration exists on the daemon.
            Err(e) => {
                self.table.remove(serial);
                Err(e)
            }
        };
        self.outputs.push_back(Output::Completed {
            serial,
            waiter,
            result,
        });
        self.release_queued();
    }

    /// What a successful reply sets up: a stream goes live (or is aborted
    /// when nobody will use it), a registration gets its route.
    fn answered_ok(
        &mut self,
        serial: u32,
        waiter: &W,
        body: &Bytes,
        then: Then<S, E>,
    ) -> Result<(), CallError> {
        match then {
            Then::Done => {
                let gone = waiter.is_cancelled();
                if let Some(stream) = self.table.get_mut(serial).and_then(Entry::stream_mut) {
                    if gone || stream.abort_on_reply {
                        // The daemon opened a stream nobody will read.
                        let _ = self.stream_send(serial, StreamRequest::Abort);
                    }
                }
            }
            Then::Stream(_) => {}
            Then::Subscribe(route, mut sink) => {
                let callback_id = if route.with_callback_id {
                    match callback_id(body) {
                        Some(id) => Some(id),
                        None => {
                            // Nothing can be routed without the id.
                            let error = ConnectionError::Shutdown;
                            sink.close(&error);
                            return Err(CallError::Decode(xdr::DecodeError::UnexpectedEnd {
                                needed: 4,
                                remaining: body.len(),
                            }));
                        }
                    }
                } else {
                    None
                };
                let key = RouteKey {
                    program: route.program,
                    procedure: route.procedure,
                    callback_id,
                };
                if let Some(mut old) = self.events.insert(key, sink) {
                    // The daemon reused an id we still route: the old
                    // subscription can receive nothing more.
                    old.close(&ConnectionError::Shutdown);
                }
            }
        }
        Ok(())
    }

    fn event(&mut self, frame: Frame) {
        let (program, procedure) = (frame.header.prog, frame.header.proc);
        if let Some(sink) = self.events.sink_for(&frame) {
            sink.deliver(frame);
        } else if !crate::procedure::is_known_event(program, procedure) {
            self.outputs
                .push_back(Output::UnknownEvent { program, procedure });
        }
        // A known event nobody subscribes to (one that crossed its
        // deregistration) is dropped silently.
    }

    fn stream_packet(&mut self, frame: Frame) {
        let header = frame.header;
        let Some(entry) = self.table.get_mut(header.serial) else {
            // A stream that ended: libvirt's client ignores these too.
            return;
        };
        if !entry.sent
            || header.prog != entry.program
            || header.vers != entry.version
            || header.proc != entry.procedure
        {
            // Not for a stream the daemon knows of yet.
            return;
        }
        let Some(stream) = entry.stream_mut() else {
            return;
        };
        let end = match (header.r#type, header.status) {
            (MessageType::Stream, MessageStatus::Continue) => {
                if stream.phase == Phase::Open {
                    stream.sink.receive(if frame.body.is_empty() {
                        StreamPacket::Eof
                    } else {
                        StreamPacket::Data(frame.body)
                    });
                }
                // Data still in flight after our finish or abort is moot.
                None
            }
            (MessageType::StreamHole, MessageStatus::Continue) => {
                if !stream.sparse {
                    Some(Err(CallError::StreamProtocol(
                        "the daemon sent a hole on a stream opened without the sparse flag",
                    )))
                } else if stream.phase != Phase::Open {
                    None
                } else {
                    match stream::decode_hole(frame.body) {
                        Ok(len) => {
                            stream.sink.receive(StreamPacket::Hole(len));
                            None
                        }
                        Err(e) => Some(Err(e)),
                    }
                }
            }
            (MessageType::Stream, MessageStatus::Ok) => Some(Ok(())),
            (MessageType::Stream, MessageStatus::Error) => {
                Some(match xdr::from_bytes::<MessageError>(frame.body) {
                    Ok(error) => Err(CallError::Remote(Box::new(error))),
                    Err(e) => Err(CallError::Decode(e)),
                })
            }
            _ => Some(Err(CallError::StreamProtocol(
                "the daemon sent a stream packet with an invalid status",
            ))),
        };
        let Some(result) = end else {
            return;
        };
        if let Some(mut stream) = self.table.take_stream(header.serial) {
            stream.sink.end(result);
        }
    }

    fn release_queued(&mut self) {
        let cap = self.config.max_in_flight.max(1);
        while self.table.in_flight() < cap {
            let Some(queued) = self.table.dequeue() else {
                break;
            };
            let cancelled = self
                .table
                .get_mut(queued.serial)
                .is_none_or(|e| e.waiter.as_ref().is_none_or(Waiter::is_cancelled));
            if cancelled {
                self.table.remove(queued.serial);
                continue;
            }
            self.table.mark_sent(queued.serial);
            self.transmit.push_back(Transmit {
                bytes: queued.bytes,
                fds: queued.fds,
                stream: None,
            });
        }
    }

    fn keepalive_message(&mut self, procedure: i32) {
        if procedure == ka::ProcedureNumber::Ping as i32 {
            self.transmit.push_back(Transmit::bytes(keepalive_message(
                ka::ProcedureNumber::Pong,
            )));
        }
        // A PONG needs nothing more: receiving it already counted as traffic.
    }

    /// The next bytes to write to the socket, in order.
    pub fn poll_transmit(&mut self) -> Option<Transmit> {
        self.transmit.pop_front()
    }

    /// Whether bytes are waiting to be written.
    pub fn wants_transmit(&self) -> bool {
        !self.transmit.is_empty()
    }

    /// The next event for the driver.
    pub fn poll_output(&mut self) -> Option<Output<W>> {
        self.outputs.pop_front()
    }

    /// When [`Connection::handle_timeout`] should next be called.
    pub fn poll_timeout(&self) -> Option<Instant> {
        if self.closed.is_some() {
            None
        } else {
            self.keepalive.deadline()
        }
    }

    /// Advances timers: sends keepalive pings, and closes the connection when
    /// too many went unanswered.
    pub fn handle_timeout(&mut self, now: Instant) {
        if self.closed.is_some() {
            return;
        }
        match self.keepalive.on_timeout(now) {
            keepalive::Action::None => {}
            keepalive::Action::Ping => self.transmit.push_back(Transmit::bytes(keepalive_message(
                ka::ProcedureNumber::Ping,
            ))),
            keepalive::Action::Dead => self.close(ConnectionError::KeepaliveTimeout),
        }
    }

    /// The peer closed the socket.
    pub fn handle_eof(&mut self) {
        self.close(ConnectionError::Eof);
    }

    /// Closes the connection for `error`: every call still waiting or queued
    /// completes with [`CallError::Closed`], every stream ends with it, every
    /// subscription is closed, and [`Output::Closed`] follows.
    pub fn close(&mut self, error: ConnectionError) {
        if self.closed.is_some() {
            return;
        }
        self.closed = Some(error.clone());
        self.transmit.clear();
        self.fds.clear();
        for (serial, entry) in self.table.drain() {
            if let Then::Stream(mut stream) = entry.then {
                stream.sink.end(Err(CallError::Closed(error.clone())));
            }
            if let Some(waiter) = entry.waiter {
                let result = Err(CallError::Closed(error.clone()));
                self.outputs.push_back(Output::Completed {
                    serial,
                    waiter,
                    result,
                });
            }
        }
        self.events.close_all(&error);
        self.outputs.push_back(Output::Closed(error));
    }
}

fn keepalive_message(procedure: ka::ProcedureNumber) -> Bytes {
    let header = frame::header(
        ka::KEEPALIVE_PROGRAM,
        ka::KEEPALIVE_PROTOCOL_VERSION,
        procedure as i32,
        MessageType::Message,
        0,
        MessageStatus::Ok,
    );
    let mut out = BytesMut::with_capacity(28);
    // A header-only message always fits.
    let _ = frame::encode_message(&header, &(), &mut out);
    out.freeze()
}

/// Encodes a header-only message, or one with a raw payload, for the driver.
pub fn encode_raw(header: &MessageHeader, payload: Bytes) -> Result<Bytes, EncodeError> {
    let mut out = BytesMut::new();
    frame::encode_message(header, &frame::RawPayload(payload), &mut out)?;
    Ok(out.freeze())
}
