//! tokio's `AsyncRead` and `AsyncWrite` over a stream, for plain data.
//!
//! Reading a sparse stream this way yields its holes as zeros, as a plain
//! copy would; use [`super::Stream::recv`] to see them as holes instead.

use super::{Handle, Stream, StreamChunk, StreamReader, StreamWriter};
use bytes::{Buf, Bytes};
use std::io;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll, ready};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use virtwire_protocol::conn::StreamRequest;

/// What a reader holds between reads.
#[derive(Debug, Default)]
pub(super) struct ReadState {
    /// The unread rest of a data chunk.
    data: Bytes,
    /// Zeros still owed for a hole.
    hole: u64,
}

impl ReadState {
    /// What a partial read left, as a chunk for `recv`.
    pub(super) fn take_pending(&mut self) -> Option<StreamChunk> {
        if !self.data.is_empty() {
            return Some(StreamChunk::Data(std::mem::take(&mut self.data)));
        }
        if self.hole > 0 {
            return Some(StreamChunk::Hole(std::mem::take(&mut self.hole)));
        }
        None
    }

    fn poll_read(
        &mut self,
        handle: &Handle,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        loop {
            if buf.remaining() == 0 {
                return Poll::Ready(Ok(()));
            }
            if !self.data.is_empty() {
                let n = self.data.len().min(buf.remaining());
                buf.put_slice(&self.data[..n]);
                self.data.advance(n);
                return Poll::Ready(Ok(()));
            }
            if self.hole > 0 {
                let n = usize::try_from(self.hole)
                    .unwrap_or(usize::MAX)
                    .min(buf.remaining());
                buf.initialize_unfilled_to(n).fill(0);
                buf.advance(n);
                self.hole -= n as u64;
                return Poll::Ready(Ok(()));
            }
            match ready!(handle.poll_recv(cx)) {
                Ok(Some(StreamChunk::Data(data))) => self.data = data,
                Ok(Some(StreamChunk::Hole(len))) => self.hole = len,
                Ok(None) => return Poll::Ready(Ok(())),
                Err(e) => return Poll::Ready(Err(io::Error::other(e))),
            }
        }
    }
}

fn poll_write(handle: &Handle, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
    ready!(handle.poll_window(cx)).map_err(io::Error::other)?;
    // The one copy of the payload: the caller keeps its buffer.
    handle.send_data(Bytes::copy_from_slice(buf));
    Poll::Ready(Ok(buf.len()))
}

fn poll_flush(handle: &Handle, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
    handle.poll_written(cx).map_err(io::Error::other)
}

/// Shutting down the writer finishes the stream and waits for the daemon.
fn poll_shutdown(handle: &Handle, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
    if !handle.finish_sent.swap(true, Ordering::AcqRel) {
        let state = handle.shared.lock();
        let over = state.end.is_some() || state.refused.is_some();
        drop(state);
        if !over {
            handle.request(StreamRequest::Finish);
        }
    }
    let mut state = handle.shared.lock();
    match handle.outcome(&state) {
        Some(result) => Poll::Ready(result.map_err(io::Error::other)),
        None => {
            state.writer = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// Both owners of the read side read the same way.
macro_rules! impl_read {
    ($($t:ty),*) => {$(
        impl AsyncRead for $t {
            fn poll_read(
                self: Pin<&mut Self>,
                cx: &mut Context<'_>,
                buf: &mut ReadBuf<'_>,
            ) -> Poll<io::Result<()>> {
                let this = self.get_mut();
                this.read.poll_read(&this.handle, cx, buf)
            }
        }
    )*};
}

/// Both owners of the write side write the same way.
macro_rules! impl_write {
    ($($t:ty),*) => {$(
        impl AsyncWrite for $t {
            fn poll_write(
                self: Pin<&mut Self>,
                cx: &mut Context<'_>,
                buf: &[u8],
            ) -> Poll<io::Result<usize>> {
                poll_write(&self.handle, cx, buf)
            }
            fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
                poll_flush(&self.handle, cx)
            }
            fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
                poll_shutdown(&self.handle, cx)
            }
        }
    )*};
}

impl_read!(Stream, StreamReader);
impl_write!(Stream, StreamWriter);
