//! A socket registered with the runtime for reading only.
//!
//! tokio's sockets register for reading and writing at once. The daemon
//! reading a request then raises a writability edge that nobody waits
//! for, yet it wakes the connection task: one extra `epoll_wait` and, on
//! an idle machine, one extra sleep and wake-up per call (counted with
//! `bench/counts.sh`: at 8 concurrent calls, 4.1 → 1.6 syscalls and
//! 1.5 → 0.6 context switches per call). Here the socket is registered
//! for reading only, writes go straight to the kernel, and only a write
//! that finds the send buffer full registers a duplicate of the socket
//! for writability, until that write goes through.

use std::io::{self, IoSlice};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use tokio::io::unix::AsyncFd;
use tokio::io::{AsyncRead, AsyncWrite, Interest, ReadBuf};

/// Most slices one `sendmsg` takes; more fail with `EMSGSIZE` (`IOV_MAX` is
/// 1024 on Linux and the BSDs).
const MAX_IOVECS: usize = 1024;

/// A connected, non-blocking stream socket (`S` is a std socket type).
pub(crate) struct Socket<S: AsRawFd> {
    socket: AsyncFd<S>,
    /// The duplicate registered for writability while a write waits.
    write_wait: Option<AsyncFd<OwnedFd>>,
}

impl Socket<std::os::unix::net::UnixStream> {
    /// Takes over a tokio unix stream. Must be called within a runtime.
    pub(crate) fn unix(stream: tokio::net::UnixStream) -> io::Result<Self> {
        Self::new(stream.into_std()?)
    }
}

impl Socket<std::net::TcpStream> {
    /// Takes over a tokio TCP stream. Must be called within a runtime.
    pub(crate) fn tcp(stream: tokio::net::TcpStream) -> io::Result<Self> {
        Self::new(stream.into_std()?)
    }
}

impl<S: AsRawFd + AsFd> Socket<S> {
    /// Registers `socket`, which must be non-blocking (tokio's `into_std`
    /// leaves it so).
    fn new(socket: S) -> io::Result<Self> {
        // SAFETY: `socket` owns its descriptor for as long as the AsyncFd
        // holds it, and `as_raw_fd` always returns that one.
        let socket = unsafe { AsyncFd::register_with_interest(socket, Interest::READABLE) }?;
        Ok(Self {
            socket,
            write_wait: None,
        })
    }

    /// Runs `op` (a receive) once the socket is readable, retrying when the
    /// readiness was stale or a signal interrupted it. When `drained` says
    /// the result emptied the socket (a read shorter than asked for, where
    /// nothing can have stopped it early), the readiness is cleared, so the
    /// next read waits for new data instead of asking the kernel again.
    pub(crate) fn poll_readable<R>(
        &self,
        cx: &mut Context<'_>,
        mut op: impl FnMut(BorrowedFd<'_>) -> io::Result<R>,
        drained: impl Fn(&R) -> bool,
    ) -> Poll<io::Result<R>> {
        loop {
            let mut guard = ready!(self.socket.poll_read_ready(cx))?;
            // `try_io` clears the readiness when `op` reports `WouldBlock`,
            // so the next poll registers the waker.
            match guard.try_io(|socket| op(socket.get_ref().as_fd())) {
                Ok(Err(e)) if e.kind() == io::ErrorKind::Interrupted => {}
                Ok(result) => {
                    if matches!(&result, Ok(r) if drained(r)) {
                        guard.clear_ready();
                    }
                    return Poll::Ready(result);
                }
                Err(_would_block) => {}
            }
        }
    }

    /// Runs `op` (a send); when the send buffer is full, waits for room on
    /// a duplicate registered for writability only.
    pub(crate) fn poll_writable<R>(
        &mut self,
        cx: &mut Context<'_>,
        mut op: impl FnMut(BorrowedFd<'_>) -> io::Result<R>,
    ) -> Poll<io::Result<R>> {
        loop {
            match op(self.socket.get_ref().as_fd()) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                result => {
                    // Registered no longer than needed: each edge it
                    // reports would wake the task for nothing.
                    self.write_wait = None;
                    return Poll::Ready(result);
                }
            }
            let wait = match &self.write_wait {
                Some(wait) => wait,
                None => {
                    let dup = rustix::io::fcntl_dupfd_cloexec(self.socket.get_ref(), 0)?;
                    // Registering reports the socket writable at once if
                    // room appeared since the failed send: no wake-up is
                    // lost.
                    // SAFETY: `dup` is owned by the AsyncFd until it is
                    // dropped.
                    let wait = unsafe { AsyncFd::register_with_interest(dup, Interest::WRITABLE) }?;
                    self.write_wait.insert(wait)
                }
            };
            let mut guard = ready!(wait.poll_write_ready(cx))?;
            guard.clear_ready();
        }
    }

    /// Whether a write is waiting for room (registered for writability).
    #[cfg(test)]
    pub(crate) fn watching_for_room(&self) -> bool {
        self.write_wait.is_some()
    }

    /// Shuts down the writing half; a peer already gone is not an error.
    pub(crate) fn shutdown_write(&self) -> io::Result<()> {
        match rustix::net::shutdown(self.socket.get_ref(), rustix::net::Shutdown::Write) {
            Err(rustix::io::Errno::NOTCONN) => Ok(()),
            result => Ok(result?),
        }
    }
}

impl<S: AsRawFd + AsFd> AsFd for Socket<S> {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.socket.get_ref().as_fd()
    }
}

impl<S: AsRawFd + AsFd + Unpin> AsyncRead for Socket<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let want = buf.remaining();
        if want == 0 {
            return Poll::Ready(Ok(()));
        }
        // SAFETY: recv only writes into the slice; `assume_init` below covers
        // exactly the bytes it reports written.
        let unfilled = unsafe { buf.unfilled_mut() };
        // A plain receive is never cut short by ancillary data here (this
        // is no descriptor-passing read), so a short one drained the socket.
        let n = ready!(self.poll_readable(
            cx,
            |socket| {
                let ((filled, _), _) =
                    rustix::net::recv(socket, &mut *unfilled, rustix::net::RecvFlags::DONTWAIT)?;
                Ok(filled.len())
            },
            |&n| n < want
        ))?;
        // SAFETY: the kernel initialised the first `n` bytes.
        unsafe { buf.assume_init(n) };
        buf.advance(n);
        Poll::Ready(Ok(()))
    }
}

impl<S: AsRawFd + AsFd + Unpin> AsyncWrite for Socket<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.poll_write_vectored(cx, &[IoSlice::new(buf)])
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let bufs = &bufs[..bufs.len().min(MAX_IOVECS)];
        if bufs.iter().all(|b| b.is_empty()) {
            return Poll::Ready(Ok(0));
        }
        self.get_mut().poll_writable(cx, |socket| {
            let mut no_control = rustix::net::SendAncillaryBuffer::default();
            Ok(rustix::net::sendmsg(
                socket,
                bufs,
                &mut no_control,
                super::unix::flags::SEND,
            )?)
        })
    }

    fn is_write_vectored(&self) -> bool {
        true
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        // Every send went straight to the kernel.
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(self.shutdown_write())
    }
}
