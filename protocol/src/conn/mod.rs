//! The sans-IO connection core: everything a connection decides, with no
//! sockets, no runtime and no clock of its own (time is passed in).
//!
//! The driver feeds received bytes through [`Connection::receive_buffer`] and
//! [`Connection::process_input`], writes whatever [`Connection::poll_transmit`]
//! returns, and delivers each [`Output`]. Replies are matched to calls by
//! serial (libvirt answers out of order); a cap on calls in flight keeps
//! excess calls queued here rather than in the daemon's socket buffer.

mod error;
mod keepalive;
mod table;
#[cfg(test)]
mod tests;

pub use error::{CallError, ConnectionError};
pub use keepalive::KeepaliveConfig;

use crate::frame::{self, Frame, SERIAL_OFFSET};
use crate::keepalive as ka;
use crate::virnet::{MessageError, MessageHeader, MessageStatus, MessageType};
use crate::xdr::{self, Encode, EncodeError};
use bytes::{Bytes, BytesMut};
use keepalive::Keepalive;
use std::collections::VecDeque;
use std::time::Instant;
use table::{CallTable, Pending};

/// libvirtd's default `max_client_requests`: calls one client may have in flight.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 5;

/// Settings of a [`Connection`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Calls sent before their replies arrive; more wait in the client.
    /// Match the daemon's `max_client_requests` (default 5).
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
    /// Whether the caller has gone, so a queued call need not be sent at all.
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
        })
    }

    /// The procedure number.
    pub fn procedure(&self) -> i32 {
        self.procedure
    }

    fn finish(mut self, serial: u32) -> Bytes {
        self.bytes[SERIAL_OFFSET..SERIAL_OFFSET + 4].copy_from_slice(&serial.to_be_bytes());
        self.bytes.freeze()
    }
}

/// A successful reply's payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// The undecoded `_ret` payload.
    pub body: Bytes,
    /// File descriptors announced by a `REPLY_WITH_FDS`.
    pub num_fds: u32,
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
    /// An event (MESSAGE) from the server for a program other than keepalive.
    Event(Frame),
    /// A stream packet (STREAM or STREAM_HOLE) for `serial`.
    Stream(Frame),
    /// The connection is finished; emitted once. Every call has completed.
    Closed(ConnectionError),
}

/// The state of one connection to a libvirt daemon.
#[derive(Debug)]
pub struct Connection<W> {
    config: Config,
    next_serial: u32,
    /// Set once serials wrap around; only then can a new one still be in use.
    wrapped: bool,
    calls: CallTable<W>,
    transmit: VecDeque<Bytes>,
    outputs: VecDeque<Output<W>>,
    receive: BytesMut,
    keepalive: Keepalive,
    closed: Option<ConnectionError>,
}

impl<W: Waiter> Connection<W> {
    /// A new connection in the open state.
    pub fn new(config: Config, now: Instant) -> Self {
        let keepalive = Keepalive::new(config.keepalive, now);
        Self {
            config,
            next_serial: 0,
            wrapped: false,
            calls: CallTable::default(),
            transmit: VecDeque::new(),
            outputs: VecDeque::new(),
            receive: BytesMut::with_capacity(64 * 1024),
            keepalive,
            closed: None,
        }
    }

    /// Turns client-side keepalive on or off (after the daemon said it
    /// supports the keepalive program).
    pub fn set_keepalive(&mut self, config: Option<KeepaliveConfig>, now: Instant) {
        self.config.keepalive = config;
        self.keepalive = Keepalive::new(config, now);
    }

    /// Why the connection closed, once it has.
    pub fn closed(&self) -> Option<&ConnectionError> {
        self.closed.as_ref()
    }

    /// Calls sent and not yet answered.
    pub fn in_flight(&self) -> usize {
        self.calls.in_flight()
    }

    /// Calls waiting for room under the in-flight cap.
    pub fn queued(&self) -> usize {
        self.calls.queued()
    }

    /// Starts a call: assigns its serial, and sends it now or queues it under
    /// the in-flight cap. Returns the serial. On a closed connection the call
    /// completes at once with [`CallError::Closed`].
    pub fn start_call(&mut self, call: CallFrame, waiter: W) -> u32 {
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
        let pending = Pending {
            program: call.program,
            version: call.version,
            procedure: call.procedure,
            waiter,
        };
        let bytes = call.finish(serial);
        if self.calls.in_flight() < self.config.max_in_flight.max(1) {
            self.calls.insert(serial, pending);
            self.transmit.push_back(bytes);
        } else {
            self.calls.enqueue(serial, bytes, pending);
        }
        serial
    }

    /// Queues a message that expects no reply (stream data, keepalive, …).
    pub fn send_raw(&mut self, message: Bytes) {
        if self.closed.is_none() {
            self.transmit.push_back(message);
        }
    }

    /// Allocates a serial without starting a call, for messages the caller
    /// frames itself.
    pub fn allocate_serial(&mut self) -> u32 {
        loop {
            let serial = self.next_serial;
            self.next_serial = self.next_serial.wrapping_add(1);
            self.wrapped |= self.next_serial == 0;
            // After a wrap-around, skip serials still in use.
            if !self.wrapped || !self.calls.contains(serial) {
                return serial;
            }
        }
    }

    /// The buffer the driver reads socket bytes into, then calls
    /// [`Connection::process_input`].
    pub fn receive_buffer(&mut self) -> &mut BytesMut {
        &mut self.receive
    }

    /// Decodes and routes every complete message in the receive buffer. A
    /// malformed frame closes the connection.
    pub fn process_input(&mut self, now: Instant) {
        while self.closed.is_none() {
            match frame::decode_frame(&mut self.receive) {
                Ok(Some(frame)) => {
                    self.keepalive.received(now);
                    self.route(frame);
                }
                Ok(None) => break,
                Err(e) => self.close(ConnectionError::Frame(e)),
            }
        }
    }

    fn route(&mut self, frame: Frame) {
        let header = &frame.header;
        if header.prog == ka::KEEPALIVE_PROGRAM {
            if header.r#type == MessageType::Message {
                self.keepalive_message(header.proc);
            }
            return;
        }
        match header.r#type {
            MessageType::Reply | MessageType::ReplyWithFds => self.complete(frame),
            MessageType::Message => self.outputs.push_back(Output::Event(frame)),
            MessageType::Stream | MessageType::StreamHole => {
                self.outputs.push_back(Output::Stream(frame))
            }
            // A daemon never calls its client: ignore, as libvirt's client does.
            MessageType::Call | MessageType::CallWithFds => {}
        }
    }

    fn complete(&mut self, frame: Frame) {
        let header = frame.header;
        let Some(pending) = self.calls.take_in_flight(header.serial) else {
            // The serial is unknown: nothing waits for it.
            return;
        };
        if header.prog != pending.program || header.vers != pending.version {
            // Not the reply to that call; put it back and drop the packet.
            self.calls.insert(header.serial, pending);
            return;
        }
        let result = if header.proc != pending.procedure {
            Err(CallError::ProcedureMismatch {
                expected: pending.procedure,
                got: header.proc,
            })
        } else {
            match header.status {
                MessageStatus::Ok => Ok(Reply {
                    body: frame.body,
                    num_fds: frame.num_fds,
                }),
                MessageStatus::Error => match xdr::from_bytes::<MessageError>(frame.body) {
                    Ok(error) => Err(CallError::Remote(Box::new(error))),
                    Err(e) => Err(CallError::Decode(e)),
                },
                MessageStatus::Continue => Err(CallError::UnexpectedStatus),
            }
        };
        self.outputs.push_back(Output::Completed {
            serial: header.serial,
            waiter: pending.waiter,
            result,
        });
        self.release_queued();
    }

    fn release_queued(&mut self) {
        let cap = self.config.max_in_flight.max(1);
        while self.calls.in_flight() < cap {
            let Some((serial, bytes, pending)) = self.calls.dequeue() else {
                break;
            };
            if pending.waiter.is_cancelled() {
                continue;
            }
            self.calls.insert(serial, pending);
            self.transmit.push_back(bytes);
        }
    }

    fn keepalive_message(&mut self, procedure: i32) {
        if procedure == ka::Procedure::Ping as i32 {
            self.transmit
                .push_back(keepalive_message(ka::Procedure::Pong));
        }
        // A PONG needs nothing more: receiving it already counted as traffic.
    }

    /// The next bytes to write to the socket, in order.
    pub fn poll_transmit(&mut self) -> Option<Bytes> {
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
            keepalive::Action::Ping => self
                .transmit
                .push_back(keepalive_message(ka::Procedure::Ping)),
            keepalive::Action::Dead => self.close(ConnectionError::KeepaliveTimeout),
        }
    }

    /// The peer closed the socket.
    pub fn handle_eof(&mut self) {
        self.close(ConnectionError::Eof);
    }

    /// Closes the connection for `error`: every call still waiting or queued
    /// completes with [`CallError::Closed`], and [`Output::Closed`] follows.
    pub fn close(&mut self, error: ConnectionError) {
        if self.closed.is_some() {
            return;
        }
        self.closed = Some(error.clone());
        self.transmit.clear();
        for (serial, pending) in self.calls.drain() {
            let result = Err(CallError::Closed(error.clone()));
            self.outputs.push_back(Output::Completed {
                serial,
                waiter: pending.waiter,
                result,
            });
        }
        self.outputs.push_back(Output::Closed(error));
    }
}

fn keepalive_message(procedure: ka::Procedure) -> Bytes {
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
