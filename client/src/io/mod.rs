//! The I/O edge: a byte stream that, on unix sockets, also carries file
//! descriptors the way libvirt does.
//!
//! libvirt sends a message's descriptors after the message: each one is a
//! separate `sendmsg` of a single zero byte with one `SCM_RIGHTS` descriptor
//! attached (`virSocketSendFD`). Those carrier bytes are part of the byte
//! stream, so a reader sees the message followed by one byte per descriptor,
//! and the descriptors themselves in a side queue. Pairing them with the
//! message that announced them is the framing layer's job, not this one's.

use std::collections::VecDeque;
use std::io;
use std::io::IoSlice;
use std::os::fd::{BorrowedFd, OwnedFd};
use std::task::{Context, Poll};
use tokio::io::ReadBuf;

pub(crate) mod child;
#[cfg(feature = "sasl-cyrus")]
mod layered;
mod plain;
pub(crate) mod socket;
mod tls;
pub(crate) mod tunnel_end;
#[cfg(unix)]
mod unix;

#[cfg(feature = "sasl-cyrus")]
pub(crate) use layered::Layered;
#[allow(unused_imports)]
pub(crate) use plain::Plain;
pub(crate) use socket::Socket;
pub(crate) use tls::{TcpSocket, TlsTransport};
#[cfg(unix)]
#[allow(unused_imports)]
pub(crate) use unix::UnixTransport;

#[cfg(all(test, feature = "sasl-cyrus"))]
mod layered_tests;
#[cfg(test)]
mod tests;

/// Whether the peer of a socket hung up, without reading and without
/// waiting (`poll` with a zero timeout for `POLLRDHUP`/`POLLHUP`/`POLLERR`).
pub(crate) fn hung_up(socket: BorrowedFd<'_>) -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let mut fds = [PollFd::new(&socket, PollFlags::RDHUP)];
    matches!(poll(&mut fds, Some(&Timespec::default())), Ok(n) if n > 0)
        && fds[0]
            .revents()
            .intersects(PollFlags::RDHUP | PollFlags::HUP | PollFlags::ERR)
}

/// A connection to the daemon as the driver uses it: vectored byte writes,
/// reads that may bring descriptors, and descriptor sends.
///
/// The methods follow `AsyncRead`/`AsyncWrite`: `Pending` registers the
/// waker, and nothing ever blocks the thread.
#[allow(dead_code)]
pub(crate) trait Transport: Send + Unpin + 'static {
    /// Reads bytes into `buf` with one receive; nothing filled (with room in
    /// `buf`) means end of stream. Descriptors that arrive (`SCM_RIGHTS`) are
    /// appended to `fds` in arrival order; each one arrives no later than its
    /// carrier byte.
    fn poll_read(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
        fds: &mut VecDeque<OwnedFd>,
    ) -> Poll<io::Result<()>>;

    /// Like [`Transport::poll_read`] when no descriptor can be due (no call
    /// whose reply carries descriptors is in flight): a transport may then
    /// read into uninitialised memory with a plain receive. Descriptors a
    /// misbehaving peer attaches anyway are closed by the kernel, and the
    /// frame that announces them then fails the connection.
    fn poll_read_plain(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let mut stray = VecDeque::new();
        self.poll_read(cx, buf, &mut stray)
    }

    /// Writes some prefix of `bufs` as one stream of bytes and returns its
    /// length, like `AsyncWrite::poll_write_vectored`.
    fn poll_write_vectored(
        &mut self,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>>;

    /// Sends one descriptor the way libvirt does (`virSocketSendFD`): one
    /// `sendmsg` of a single zero byte carrying exactly one `SCM_RIGHTS`
    /// descriptor. Call it once per descriptor, in order, only after every
    /// byte of the message that announces them was written.
    /// Transports that cannot carry descriptors keep this default, an
    /// `Unsupported` error.
    fn poll_send_fd(&mut self, _cx: &mut Context<'_>, _fd: BorrowedFd<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "passing file descriptors needs a unix socket connection",
        )))
    }

    /// Whether this transport can carry descriptors (unix sockets only).
    fn can_pass_fds(&self) -> bool {
        false
    }

    /// Whether the peer has hung up, checked without reading (the driver
    /// asks while it holds off reading for a slow stream consumer, so a
    /// dead daemon is noticed anyway). `false` when the transport cannot
    /// tell.
    fn peer_closed(&self) -> bool {
        false
    }

    /// Flushes bytes buffered by the transport itself (TLS records, say).
    fn poll_flush(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>>;

    /// Shuts down the writing half after a flush.
    fn poll_shutdown(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>>;

    /// Puts every later byte, both ways, through a SASL security layer.
    /// Only transports that can carry one ([`Layered`]) accept it.
    #[cfg(feature = "sasl-cyrus")]
    fn install_layer(
        &mut self,
        layer: Box<dyn virtwire_auth::sasl::SecurityLayer>,
    ) -> io::Result<()> {
        drop(layer);
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "this transport cannot carry a SASL security layer",
        ))
    }
}
