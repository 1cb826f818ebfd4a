//! TLS as a [`Transport`]: rustls over TCP, one RPC message per TLS record.
//!
//! libvirtd only looks for more input when its socket polls readable; it
//! does not ask GnuTLS whether a record it already read holds more
//! plaintext (`virNetSocketHasCachedData` covers SASL and SSH, not TLS).
//! Two messages in one record would leave the second one unread until
//! something else arrives on the socket (a keepalive, seconds later). So
//! each message goes to rustls on its own and becomes its own records, and
//! the records of many messages still leave in one vectored write.

use std::collections::VecDeque;
use std::io::{self, IoSlice, Write};
use std::os::fd::OwnedFd;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_rustls::client::TlsStream;

use super::Transport;
use super::socket::Socket;

/// The TCP socket under TLS.
pub(crate) type TcpSocket = Socket<std::net::TcpStream>;

/// A TLS connection to the daemon, after its one-byte confirmation.
pub(crate) struct TlsTransport {
    stream: TlsStream<TcpSocket>,
}

impl TlsTransport {
    /// Wraps a connection whose handshake and confirmation are done.
    pub(crate) fn new(stream: TlsStream<TcpSocket>) -> Self {
        Self { stream }
    }

    /// Writes TLS records rustls holds until it holds none (`Ready(Ok)`),
    /// the socket would block (`Pending`, the waker registered), or fails.
    fn poll_write_records(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let (io, session) = self.stream.get_mut();
        while session.wants_write() {
            match session.write_tls(&mut SocketWriter { io, cx }) {
                Ok(0) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Poll::Pending,
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
        Poll::Ready(Ok(()))
    }
}

/// The TCP socket as the blocking-style writer rustls wants: `Pending`
/// becomes `WouldBlock` (with the waker registered by the poll).
struct SocketWriter<'a, 'b> {
    io: &'a mut TcpSocket,
    cx: &'a mut Context<'b>,
}

impl Write for SocketWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match Pin::new(&mut *self.io).poll_write(self.cx, buf) {
            Poll::Ready(r) => r,
            Poll::Pending => Err(io::ErrorKind::WouldBlock.into()),
        }
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        match Pin::new(&mut *self.io).poll_write_vectored(self.cx, bufs) {
            Poll::Ready(r) => r,
            Poll::Pending => Err(io::ErrorKind::WouldBlock.into()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Transport for TlsTransport {
    fn poll_read(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
        _fds: &mut VecDeque<OwnedFd>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }

    /// Each slice is one message (or the rest of one): each goes to rustls
    /// in its own `write`, so no record mixes two messages.
    fn poll_write_vectored(
        &mut self,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if bufs.iter().all(|b| b.is_empty()) {
            return Poll::Ready(Ok(0));
        }
        loop {
            // Room in rustls first: send what it already holds.
            let blocked = match self.poll_write_records(cx) {
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Ready(Ok(())) => false,
                Poll::Pending => true,
            };
            let (_, session) = self.stream.get_mut();
            let mut accepted = 0;
            for buf in bufs.iter().filter(|b| !b.is_empty()) {
                let n = session.writer().write(buf)?;
                accepted += n;
                if n < buf.len() {
                    break;
                }
            }
            if accepted > 0 {
                // Out now if the socket takes it; else poll_flush finishes.
                if let Poll::Ready(Err(e)) = self.poll_write_records(cx) {
                    return Poll::Ready(Err(e));
                }
                return Poll::Ready(Ok(accepted));
            }
            if blocked {
                return Poll::Pending;
            }
        }
    }

    fn peer_closed(&self) -> bool {
        use std::os::fd::AsFd;
        super::hung_up(self.stream.get_ref().0.as_fd())
    }

    fn poll_flush(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        std::task::ready!(self.poll_write_records(cx))?;
        let (io, _) = self.stream.get_mut();
        Pin::new(io).poll_flush(cx)
    }

    fn poll_shutdown(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
