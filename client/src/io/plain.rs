//! Any byte stream (TCP, TLS, a user-supplied stream) as a [`Transport`]
//! that cannot carry descriptors.

use std::collections::VecDeque;
use std::io;
use std::io::IoSlice;
use std::os::fd::OwnedFd;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::Transport;

/// A byte stream without descriptor passing.
///
/// Over a unix socket this would silently drop descriptors the peer attaches
/// (a plain `read` discards them), so unix sockets use
/// [`super::UnixTransport`] instead.
#[allow(dead_code)]
pub(crate) struct Plain<S> {
    stream: S,
    /// How to tell that the peer hung up without reading, when the stream
    /// is a socket (see [`Transport::peer_closed`]).
    hangup: Option<fn(&S) -> bool>,
}

#[allow(dead_code)]
impl<S> Plain<S> {
    /// Wraps `stream`.
    pub(crate) fn new(stream: S) -> Self {
        Self {
            stream,
            hangup: None,
        }
    }

    /// The wrapped stream.
    pub(crate) fn into_inner(self) -> S {
        self.stream
    }
}

impl Plain<super::Socket<std::net::TcpStream>> {
    /// A TCP connection, whose hang-up a paused reader can see.
    pub(crate) fn tcp(stream: super::Socket<std::net::TcpStream>) -> Self {
        Self {
            stream,
            hangup: Some(|s| {
                use std::os::fd::AsFd;
                super::hung_up(s.as_fd())
            }),
        }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send + 'static> Transport for Plain<S> {
    fn poll_read(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
        _fds: &mut VecDeque<OwnedFd>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }

    fn poll_write_vectored(
        &mut self,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn peer_closed(&self) -> bool {
        self.hangup.is_some_and(|check| check(&self.stream))
    }

    fn poll_flush(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
