//! Unix sockets as a [`Transport`]: every read and write is a
//! `recvmsg`/`sendmsg`, so descriptors travel with the bytes.
//!
//! Reads always use `recvmsg`: a plain `read` that consumes a byte with
//! descriptors attached makes the kernel close them. On Linux one `recvmsg`
//! on a stream socket stops right after the first chunk that carried
//! descriptors, so it returns at most one `sendmsg`'s worth of them, and
//! libvirt sends one per carrier byte; the caller simply reads again.

use rustix::net::{
    RecvAncillaryBuffer, RecvAncillaryMessage, ReturnFlags, SendAncillaryBuffer,
    SendAncillaryMessage,
};
use std::collections::VecDeque;
use std::io;
use std::io::{IoSlice, IoSliceMut};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::UnixStream;

use super::Transport;
use super::socket::Socket;

/// Descriptors one receive has room for: libvirt's
/// `VIR_NET_MESSAGE_NUM_FDS_MAX`, the most a whole message may carry. A
/// peer attaching more to one `sendmsg` gets the read failed, not truncated
/// silently.
const MAX_RECV_FDS: usize = 32;

/// Control buffer length for [`MAX_RECV_FDS`] descriptors.
const RECV_CONTROL_LEN: usize = rustix::cmsg_space!(ScmRights(MAX_RECV_FDS));

/// Most bytes one receive asks for. The part of the caller's buffer that is
/// not yet initialised must be zeroed before `recvmsg` may write to it, so a
/// huge spare capacity is not zeroed in one go; a socket rarely holds more
/// than this anyway.
const MAX_READ: usize = 256 * 1024;

/// Flags for platforms with `MSG_CMSG_CLOEXEC` and `MSG_NOSIGNAL`.
#[cfg(any(
    target_os = "linux",
    target_os = "android",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
pub(super) mod flags {
    use rustix::net::{RecvFlags, SendFlags};

    /// Received descriptors are close-on-exec atomically, so a concurrent
    /// fork and exec elsewhere in the process cannot inherit them.
    pub(in crate::io) const RECV: RecvFlags = RecvFlags::CMSG_CLOEXEC.union(RecvFlags::DONTWAIT);
    /// A peer that went away is an `EPIPE` error, never a `SIGPIPE` that
    /// would kill a host program that does not ignore it.
    pub(in crate::io) const SEND: SendFlags = SendFlags::NOSIGNAL.union(SendFlags::DONTWAIT);
    /// Whether descriptors need close-on-exec set after they arrive.
    pub(in crate::io) const MARK_CLOEXEC: bool = false;
}

/// Flags for platforms without `MSG_CMSG_CLOEXEC` (macOS, illumos, ...).
#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
pub(super) mod flags {
    use rustix::net::{RecvFlags, SendFlags};

    /// Plain non-blocking receive.
    pub(in crate::io) const RECV: RecvFlags = RecvFlags::DONTWAIT;
    /// Plain non-blocking send; Rust programs ignore `SIGPIPE` by default.
    pub(in crate::io) const SEND: SendFlags = SendFlags::DONTWAIT;
    /// Whether descriptors need close-on-exec set after they arrive.
    pub(in crate::io) const MARK_CLOEXEC: bool = true;
}

/// A unix socket connection that passes descriptors, registered for
/// reading only (see [`Socket`]).
#[allow(dead_code)]
pub(crate) struct UnixTransport {
    socket: Socket<std::os::unix::net::UnixStream>,
}

#[allow(dead_code)]
impl UnixTransport {
    /// Wraps a connected stream. Must be called within a runtime.
    pub(crate) fn new(stream: UnixStream) -> io::Result<Self> {
        Ok(Self {
            socket: Socket::unix(stream)?,
        })
    }
}

impl Transport for UnixTransport {
    fn poll_read(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
        fds: &mut VecDeque<OwnedFd>,
    ) -> Poll<io::Result<()>> {
        let want = buf.remaining().min(MAX_READ);
        if want == 0 {
            // A zero-length receive would look like end of stream.
            return Poll::Ready(Ok(()));
        }
        let unfilled = buf.initialize_unfilled_to(want);
        // A short `recvmsg` may have stopped at a chunk carrying
        // descriptors with more data behind it: never taken as drained.
        let n = ready!(self.socket.poll_readable(
            cx,
            |socket| recv(socket, unfilled, fds),
            |_| false
        ))?;
        buf.advance(n);
        Poll::Ready(Ok(()))
    }

    fn poll_read_plain(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        // No descriptors are due: the socket's plain receive, which takes a
        // short read as draining it.
        Pin::new(&mut self.socket).poll_read(cx, buf)
    }

    fn poll_write_vectored(
        &mut self,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.socket).poll_write_vectored(cx, bufs)
    }

    fn poll_send_fd(&mut self, cx: &mut Context<'_>, fd: BorrowedFd<'_>) -> Poll<io::Result<()>> {
        let sent = ready!(self.socket.poll_writable(cx, |socket| send_fd(socket, fd)))?;
        if sent == 0 {
            return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
        }
        Poll::Ready(Ok(()))
    }

    fn can_pass_fds(&self) -> bool {
        true
    }

    fn peer_closed(&self) -> bool {
        super::hung_up(self.socket.as_fd())
    }

    fn poll_flush(&mut self, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        // Every sendmsg went straight to the kernel.
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(&mut self, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        // Nothing is buffered here: every sendmsg went to the kernel.
        Poll::Ready(self.socket.shutdown_write())
    }
}

/// One `recvmsg` into `bytes`; returns how many arrived and appends the
/// descriptors that came with them to `fds`.
fn recv(
    socket: BorrowedFd<'_>,
    bytes: &mut [u8],
    fds: &mut VecDeque<OwnedFd>,
) -> io::Result<usize> {
    let mut space = [MaybeUninit::uninit(); RECV_CONTROL_LEN];
    let mut control = RecvAncillaryBuffer::new(&mut space);
    let mut iov = [IoSliceMut::new(bytes)];
    let msg = rustix::net::recvmsg(socket, &mut iov, &mut control, flags::RECV)?;
    let first_new = fds.len();
    // Take ownership of everything that arrived before judging it, so that
    // any descriptor we drop is closed.
    for message in control.drain() {
        if let RecvAncillaryMessage::ScmRights(received) = message {
            fds.extend(received);
        }
    }
    let checked = if msg.flags.contains(ReturnFlags::CTRUNC) {
        // The kernel closed what did not fit, or what it could not install:
        // the descriptors no longer match the messages that announce them.
        Err(io::Error::other(format!(
            "file descriptors from the peer were lost: the control data was truncated \
             (more than {MAX_RECV_FDS} sent at once, or this process is out of descriptors)"
        )))
    } else if flags::MARK_CLOEXEC {
        fds.range(first_new..)
            .try_for_each(|fd| Ok(rustix::io::fcntl_setfd(fd, rustix::io::FdFlags::CLOEXEC)?))
    } else {
        Ok(())
    };
    match checked {
        Ok(()) => Ok(msg.bytes),
        Err(e) => {
            // A partial set is useless: close it rather than hand it out.
            fds.truncate(first_new);
            Err(e)
        }
    }
}

/// One `sendmsg` of a single zero byte carrying `fd`, as `virSocketSendFD`
/// does; returns the bytes sent (1).
fn send_fd(socket: BorrowedFd<'_>, fd: BorrowedFd<'_>) -> io::Result<usize> {
    let fds = [fd];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    if !control.push(SendAncillaryMessage::ScmRights(&fds)) {
        // Unreachable: the buffer is sized for exactly this message.
        return Err(io::Error::other(
            "no room for the descriptor's control data",
        ));
    }
    Ok(rustix::net::sendmsg(
        socket,
        &[IoSlice::new(&[0])],
        &mut control,
        flags::SEND,
    )?)
}
