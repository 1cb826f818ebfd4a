//! Data streams: the packets a stream carries each way, its states, and the
//! sink the driver attaches to receive them.
//!
//! A stream is named by the serial of the call that opened it
//! (`virNetClientStreamNew`), and every STREAM or STREAM_HOLE packet in
//! either direction carries that serial and procedure. The daemon ends its
//! data with an empty STREAM/CONTINUE; the client then finishes (STREAM/OK)
//! or aborts (an empty STREAM/ERROR), and the daemon confirms with
//! STREAM/OK, or reports a failure with STREAM/ERROR and a `remote_error`
//! (`src/remote/remote_daemon_stream.c`).

use super::error::CallError;
use crate::frame::{self, STREAM_CHUNK};
use crate::virnet::{MessageStatus, MessageType};
use crate::xdr::{self, Decode, DecodeError, Encode, EncodeError};
use bytes::{Buf, BufMut, Bytes, BytesMut};
use std::fmt;

/// What a stream receives from the daemon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamPacket {
    /// Bytes of data.
    Data(Bytes),
    /// A hole of this many bytes (sparse streams only).
    Hole(u64),
    /// The daemon has no more data.
    Eof,
}

/// What the client sends on a stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamRequest {
    /// Bytes of data; split into libvirt's 256 KiB packets as needed.
    Data(Bytes),
    /// A hole of this many bytes (sparse streams only).
    Hole(u64),
    /// No more data: ask the daemon to finish the stream (`virStreamFinish`).
    Finish,
    /// Abandon the stream (`virStreamAbort`).
    Abort,
}

/// Where the core delivers one stream's packets. The driver implements it
/// over a bounded buffer shared with the stream's handle.
pub trait StreamSink {
    /// A packet arrived from the daemon.
    fn receive(&mut self, packet: StreamPacket);
    /// The stream is over: `Ok` once the daemon confirmed a finish or
    /// abort, `Err` when it reported a failure or the connection closed.
    /// Called exactly once, after which the core forgets the sink.
    fn end(&mut self, result: Result<(), CallError>);
    /// `len` bytes of this stream's outgoing data reached the socket.
    fn written(&mut self, _len: usize) {}
    /// Whether the sink holds all it may; while any sink is full the driver
    /// stops reading the socket.
    fn is_full(&self) -> bool {
        false
    }
}

/// A no-op sink, for connections that never open streams.
impl StreamSink for () {
    fn receive(&mut self, _packet: StreamPacket) {}
    fn end(&mut self, _result: Result<(), CallError>) {}
}

/// Why a stream request was refused; nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamRequestError {
    /// No stream is open under this serial (it ended, or never existed).
    NoStream,
    /// The opening call has not been answered yet: the daemon drops stream
    /// packets that arrive before it attached the stream.
    NotReady,
    /// The stream is finishing or aborting: nothing more may be sent.
    Closing,
    /// Holes are allowed only on streams opened with the sparse flag (the
    /// daemon drops the whole connection otherwise).
    NotSparse,
    /// A hole longer than libvirt's signed 64-bit length.
    HoleTooLong(u64),
    /// The connection is closed.
    Closed,
}

impl fmt::Display for StreamRequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoStream => f.write_str("the stream has ended"),
            Self::NotReady => f.write_str("the stream's opening call has not been answered yet"),
            Self::Closing => f.write_str("the stream is finishing or aborting"),
            Self::NotSparse => {
                f.write_str("holes can be sent only on a stream opened with the sparse flag")
            }
            Self::HoleTooLong(len) => write!(f, "hole of {len} bytes exceeds libvirt's maximum"),
            Self::Closed => f.write_str("the connection is closed"),
        }
    }
}

impl std::error::Error for StreamRequestError {}

/// Where a stream is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    /// Data may flow both ways.
    Open,
    /// The client sent STREAM/OK and waits for the daemon's.
    Finishing,
    /// The client sent an abort and waits for the daemon's STREAM/OK.
    Aborting,
}

/// One stream's state in the core's table.
#[derive(Debug)]
pub(super) struct StreamState<S> {
    pub(super) sink: S,
    pub(super) sparse: bool,
    pub(super) phase: Phase,
    /// An abort was asked for before the opening call was answered; it is
    /// sent once the reply arrives.
    pub(super) abort_on_reply: bool,
}

impl<S> StreamState<S> {
    pub(super) fn new(sink: S, sparse: bool) -> Self {
        Self {
            sink,
            sparse,
            phase: Phase::Open,
            abort_on_reply: false,
        }
    }
}

/// `virNetStreamHole` (`src/rpc/virnetprotocol.x`): the body of STREAM_HOLE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hole {
    pub(super) length: i64,
    pub(super) flags: u32,
}

impl Encode for Hole {
    fn encoded_len(&self) -> usize {
        12
    }
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        self.length.encode(out)?;
        self.flags.encode(out)
    }
}

impl Decode for Hole {
    const MIN_LEN: usize = 12;
    fn decode(input: &mut Bytes) -> Result<Self, DecodeError> {
        Ok(Self {
            length: i64::decode(input)?,
            flags: u32::decode(input)?,
        })
    }
}

/// Decodes a STREAM_HOLE body into the hole's length.
pub(super) fn decode_hole(body: Bytes) -> Result<u64, CallError> {
    let hole: Hole = xdr::from_bytes(body).map_err(CallError::Decode)?;
    u64::try_from(hole.length)
        .map_err(|_| CallError::StreamProtocol("the daemon sent a hole of negative length"))
}

/// The wire identity of a stream's packets.
#[derive(Debug, Clone, Copy)]
pub(super) struct StreamId {
    pub(super) program: u32,
    pub(super) version: u32,
    pub(super) procedure: i32,
    pub(super) serial: u32,
}

impl StreamId {
    /// The 28-byte length word and header of a packet with `payload_len` bytes.
    pub(super) fn header(
        &self,
        message_type: MessageType,
        status: MessageStatus,
        payload_len: usize,
    ) -> Bytes {
        let header = frame::header(
            self.program,
            self.version,
            self.procedure,
            message_type,
            self.serial,
            status,
        );
        let mut out = BytesMut::with_capacity(frame::LEN_WORD + frame::HEADER_LEN);
        out.put_u32((frame::LEN_WORD + frame::HEADER_LEN + payload_len) as u32);
        // A header always encodes.
        let _ = header.encode(&mut out);
        out.freeze()
    }

    /// Splits `data` into packets of at most libvirt's chunk size, each a
    /// header and a slice of `data` (no copy).
    pub(super) fn data_packets(&self, mut data: Bytes) -> Vec<(Bytes, Bytes)> {
        let mut packets = Vec::with_capacity(data.len().div_ceil(STREAM_CHUNK));
        while data.has_remaining() {
            let chunk = data.split_to(data.len().min(STREAM_CHUNK));
            let header = self.header(MessageType::Stream, MessageStatus::Continue, chunk.len());
            packets.push((header, chunk));
        }
        packets
    }

    /// A STREAM_HOLE packet, whole.
    pub(super) fn hole_packet(&self, length: i64) -> Bytes {
        let mut out =
            BytesMut::from(&self.header(MessageType::StreamHole, MessageStatus::Continue, 12)[..]);
        // Twelve bytes always encode.
        let _ = Hole { length, flags: 0 }.encode(&mut out);
        out.freeze()
    }
}
