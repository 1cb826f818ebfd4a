//! Data streams: what `storage_vol_upload`/`download`, `domain_screenshot`,
//! `domain_open_console`, `domain_open_channel` and tunnelled migration
//! return beside their reply.
//!
//! A [`Stream`] is tokio's `AsyncRead` and `AsyncWrite` for plain data, and
//! offers libvirt's packet-level sparse API ([`Stream::recv`],
//! [`Stream::send_hole`], and the file helpers that keep holes) on streams
//! opened with the sparse flag. [`Stream::finish`] completes it as
//! `virStreamFinish` does; [`Stream::abort`] abandons it. Dropping a stream
//! that has not ended aborts it (or finishes it, once the daemon's data has
//! all been read); the connection stays usable either way.
//!
//! # Memory and fairness
//!
//! libvirt has no flow control of its own: the daemon sends a stream's
//! packets as fast as the socket takes them. Each stream buffers at most
//! 4 MiB of received data; when that is full the connection stops reading
//! its socket until the consumer has taken half of it. Memory stays bounded
//! at a cost: while a stream's consumer lags, replies and events for every
//! other caller on the same connection wait too, as they would behind
//! libvirt's own socket. A daemon that dies meanwhile is still noticed
//! within a fraction of a second. A consumer that stalls longer than the
//! daemon's keepalive allows (30 s by default) loses the connection, so use
//! a connection of its own for a bulk transfer whose consumer may be slow.
//! Sending waits while more than 4 MiB of a stream's data is queued for
//! the socket.

pub(crate) mod buffer;
mod file;
mod io;

use crate::driver::Command;
use crate::error::{Error, ErrorKind, Result};
use buffer::{Shared, WRITE_WINDOW};
use bytes::Bytes;
use std::future::poll_fn;
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::sync::mpsc;
use virtwire_protocol::conn::{CallError, StreamPacket, StreamRequest, StreamRequestError};

/// A piece of a stream: data, or a hole (sparse streams only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamChunk {
    /// Bytes of data.
    Data(Bytes),
    /// This many bytes of zeros, not sent (`virStreamRecvHole`).
    Hole(u64),
}

/// What a stream's halves share; dropping the last one ends the stream.
#[derive(Debug)]
pub(crate) struct Handle {
    serial: u32,
    method: &'static str,
    sparse: bool,
    shared: Shared,
    commands: mpsc::Sender<Box<Command>>,
    /// Whether `poll_shutdown` already asked for the finish.
    finish_sent: std::sync::atomic::AtomicBool,
}

impl Handle {
    pub(crate) fn new(
        serial: u32,
        method: &'static str,
        sparse: bool,
        shared: Shared,
        commands: mpsc::Sender<Box<Command>>,
    ) -> Self {
        Self {
            serial,
            method,
            sparse,
            shared,
            commands,
            finish_sent: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn request(&self, request: StreamRequest) {
        let command = Command::StreamSend {
            serial: self.serial,
            request,
            shared: self.shared.clone(),
        };
        if let Err(mpsc::error::TrySendError::Full(command)) =
            self.commands.try_send(Box::new(command))
        {
            // The queue to the connection is full: wait for room off this
            // task (a drop cannot wait), or give up when no runtime runs.
            let commands = self.commands.clone();
            if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                runtime.spawn(async move {
                    let _ = commands.send(command).await;
                });
            }
        }
        // A closed queue means a closed connection: the stream has ended.
    }

    fn error(&self, e: CallError) -> Error {
        Error::call(self.method, e)
    }

    fn refused(&self, e: StreamRequestError) -> Error {
        let kind = match e {
            StreamRequestError::NotSparse | StreamRequestError::HoleTooLong(_) => {
                ErrorKind::InvalidArgument
            }
            StreamRequestError::Closed => ErrorKind::Connection,
            _ => ErrorKind::Stream,
        };
        Error::new(kind, format!("{}: {e}", self.method))
    }

    /// The error that ends every further operation, if the stream is over.
    fn ended(&self, state: &buffer::StreamState) -> Option<Error> {
        // The daemon's own error says more than a refusal it caused.
        if let Some(Err(e)) = &state.end {
            return Some(self.error(e.clone()));
        }
        if let Some(e) = &state.refused {
            return Some(self.refused(e.clone()));
        }
        state.end.as_ref().map(|_| {
            Error::new(
                ErrorKind::Stream,
                format!("{}: the stream has ended", self.method),
            )
        })
    }

    /// Waits for the next chunk; `None` after the daemon's end of data.
    fn poll_recv(&self, cx: &mut Context<'_>) -> Poll<Result<Option<StreamChunk>>> {
        let mut state = self.shared.lock();
        match self.shared.pop(&mut state) {
            Some(StreamPacket::Data(data)) => Poll::Ready(Ok(Some(StreamChunk::Data(data)))),
            Some(StreamPacket::Hole(len)) => Poll::Ready(Ok(Some(StreamChunk::Hole(len)))),
            Some(StreamPacket::Eof) => {
                // Keep reporting the end to later reads.
                self.shared.push_front(&mut state, StreamPacket::Eof);
                Poll::Ready(Ok(None))
            }
            None => match state.end {
                // The daemon confirmed a finish: nothing more will come.
                Some(Ok(())) => Poll::Ready(Ok(None)),
                _ => match self.ended(&state) {
                    Some(e) => Poll::Ready(Err(e)),
                    None => {
                        state.reader = Some(cx.waker().clone());
                        Poll::Pending
                    }
                },
            },
        }
    }

    /// Waits until the write window has room.
    fn poll_window(&self, cx: &mut Context<'_>) -> Poll<Result<()>> {
        let mut state = self.shared.lock();
        if let Some(e) = self.ended(&state) {
            return Poll::Ready(Err(e));
        }
        if state.unwritten < WRITE_WINDOW {
            return Poll::Ready(Ok(()));
        }
        state.writer = Some(cx.waker().clone());
        Poll::Pending
    }

    /// Hands data to the connection (after [`Handle::poll_window`]).
    fn send_data(&self, data: Bytes) {
        if data.is_empty() {
            return;
        }
        self.shared.lock().unwritten += data.len();
        self.request(StreamRequest::Data(data));
    }

    /// Waits until everything sent was written to the socket.
    fn poll_written(&self, cx: &mut Context<'_>) -> Poll<Result<()>> {
        let mut state = self.shared.lock();
        if let Some(e) = self.ended(&state) {
            return Poll::Ready(Err(e));
        }
        if state.unwritten == 0 {
            return Poll::Ready(Ok(()));
        }
        state.writer = Some(cx.waker().clone());
        Poll::Pending
    }

    fn send_hole(&self, length: u64) -> Result<()> {
        if !self.sparse {
            return Err(self.refused(StreamRequestError::NotSparse));
        }
        if i64::try_from(length).is_err() {
            return Err(self.refused(StreamRequestError::HoleTooLong(length)));
        }
        if length > 0 {
            self.request(StreamRequest::Hole(length));
        }
        Ok(())
    }

    /// How a finish or abort came out, once it has: the daemon's end
    /// first, then a refusal.
    fn outcome(&self, state: &buffer::StreamState) -> Option<Result<()>> {
        match &state.end {
            Some(Ok(())) => Some(Ok(())),
            Some(Err(e)) => Some(Err(self.error(e.clone()))),
            None => state.refused.clone().map(|e| Err(self.refused(e))),
        }
    }

    /// Sends a finish or abort and waits for the daemon's answer.
    async fn close(&self, request: StreamRequest) -> Result<()> {
        if let Some(result) = self.outcome(&self.shared.lock()) {
            return result;
        }
        self.request(request);
        poll_fn(|cx| {
            let mut state = self.shared.lock();
            match self.outcome(&state) {
                Some(result) => Poll::Ready(result),
                None => {
                    state.writer = Some(cx.waker().clone());
                    Poll::Pending
                }
            }
        })
        .await
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        let state = self.shared.lock();
        if state.end.is_some() {
            return;
        }
        // All of the daemon's data was read: finishing is the clean end.
        let done = matches!(state.packets.front(), Some(StreamPacket::Eof));
        drop(state);
        self.request(if done {
            StreamRequest::Finish
        } else {
            StreamRequest::Abort
        });
    }
}

/// A data stream opened by a call (`virStreamPtr`).
///
/// Reading returns the daemon's data; writing sends data to it. For the
/// one-way streams of volume transfer and screenshots only one direction
/// applies; consoles and channels carry both, and [`Stream::into_split`]
/// lets two tasks use them at once.
#[derive(Debug)]
pub struct Stream {
    handle: Arc<Handle>,
    read: io::ReadState,
}

impl Stream {
    pub(crate) fn new(handle: Handle) -> Self {
        Self {
            handle: Arc::new(handle),
            read: io::ReadState::default(),
        }
    }

    /// Whether the stream was opened with the sparse flag, so holes may
    /// travel on it.
    pub fn is_sparse(&self) -> bool {
        self.handle.sparse
    }

    /// The next chunk from the daemon: data, or a hole on a sparse stream;
    /// `None` once the daemon has sent all its data (then call
    /// [`Stream::finish`]).
    pub async fn recv(&mut self) -> Result<Option<StreamChunk>> {
        if let Some(chunk) = self.read.take_pending() {
            return Ok(Some(chunk));
        }
        poll_fn(|cx| self.handle.poll_recv(cx)).await
    }

    /// The next chunk if one has arrived: `Some(None)` at the end of data,
    /// `None` when nothing is there yet.
    pub(crate) fn try_recv(&mut self) -> Result<Option<Option<StreamChunk>>> {
        if let Some(chunk) = self.read.take_pending() {
            return Ok(Some(Some(chunk)));
        }
        let waker = std::task::Waker::noop();
        match self.handle.poll_recv(&mut Context::from_waker(waker)) {
            Poll::Ready(r) => r.map(Some),
            Poll::Pending => Ok(None),
        }
    }

    /// Sends `data`, waiting while more than the write window is queued.
    pub async fn send(&mut self, data: Bytes) -> Result<()> {
        poll_fn(|cx| self.handle.poll_window(cx)).await?;
        self.handle.send_data(data);
        Ok(())
    }

    /// Sends a hole of `length` bytes (`virStreamSendHole`); only on a
    /// stream opened with the sparse flag.
    pub async fn send_hole(&mut self, length: u64) -> Result<()> {
        poll_fn(|cx| self.handle.poll_window(cx)).await?;
        self.handle.send_hole(length)
    }

    /// Completes the stream (`virStreamFinish`): after an upload, waits
    /// until the daemon has stored everything; after a download, confirms
    /// the end of data. Reports the daemon's error if the transfer failed.
    pub async fn finish(self) -> Result<()> {
        self.handle.close(StreamRequest::Finish).await
    }

    /// Abandons the stream (`virStreamAbort`); the connection stays usable.
    pub async fn abort(self) -> Result<()> {
        self.handle.close(StreamRequest::Abort).await
    }

    /// Splits the stream into halves that two tasks can use at once (a
    /// console: one reads, one types). The stream ends when both are dropped.
    pub fn into_split(self) -> (StreamReader, StreamWriter) {
        let reader = StreamReader {
            handle: self.handle.clone(),
            read: self.read,
        };
        (
            reader,
            StreamWriter {
                handle: self.handle,
            },
        )
    }
}

/// The reading half of a [`Stream`].
#[derive(Debug)]
pub struct StreamReader {
    handle: Arc<Handle>,
    read: io::ReadState,
}

impl StreamReader {
    /// As [`Stream::recv`].
    pub async fn recv(&mut self) -> Result<Option<StreamChunk>> {
        if let Some(chunk) = self.read.take_pending() {
            return Ok(Some(chunk));
        }
        poll_fn(|cx| self.handle.poll_recv(cx)).await
    }
}

/// The writing half of a [`Stream`].
#[derive(Debug)]
pub struct StreamWriter {
    handle: Arc<Handle>,
}

impl StreamWriter {
    /// As [`Stream::send`].
    pub async fn send(&mut self, data: Bytes) -> Result<()> {
        poll_fn(|cx| self.handle.poll_window(cx)).await?;
        self.handle.send_data(data);
        Ok(())
    }
}
