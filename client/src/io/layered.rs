//! A transport that a SASL security layer can be put into after
//! authentication (plain TCP and caller-supplied streams, the channels
//! where libvirt requires one).
//!
//! Until [`Transport::install_layer`] is called every method goes straight
//! to the inner transport: no buffer, no copy. Afterwards writes are
//! encoded into packets (chunked by the layer) and reads decoded, with the
//! packet boundaries independent of libvirt's message boundaries, as in
//! libvirt's `virNetSocketWriteSASL`/`ReadSASL`.

use std::collections::VecDeque;
use std::io;
use std::io::IoSlice;
use std::os::fd::{BorrowedFd, OwnedFd};
use std::task::{Context, Poll, ready};
use tokio::io::ReadBuf;
use virtwire_auth::sasl::SecurityLayer;

use super::Transport;

/// Plaintext taken from the driver per encode: several packets' worth, so
/// a bulk write becomes a few large socket writes.
const MAX_GATHER: usize = 256 * 1024;

/// Raw bytes read per receive under a layer.
const RAW_READ: usize = 64 * 1024;

/// A transport whose bytes go through a SASL security layer once one is
/// installed.
pub(crate) struct Layered<T> {
    inner: T,
    state: Option<Box<LayerState>>,
}

/// Buffers that exist only with a layer.
struct LayerState {
    layer: Box<dyn SecurityLayer>,
    /// Plaintext gathered from the driver's slices for one encode.
    gather: Vec<u8>,
    /// Wrapped bytes not yet written, from `out_pos`.
    out: Vec<u8>,
    out_pos: usize,
    /// Raw bytes read from the socket.
    raw: Vec<u8>,
    /// Decoded plaintext not yet handed to the driver, from `plain_pos`.
    plain: Vec<u8>,
    plain_pos: usize,
}

impl<T> Layered<T> {
    /// Wraps `inner`, with no layer yet.
    pub(crate) fn new(inner: T) -> Self {
        Self { inner, state: None }
    }
}

fn layer_error(e: virtwire_auth::sasl::SaslError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e)
}

impl<T: Transport> Layered<T> {
    /// Writes the wrapped bytes still pending; `Ready(Ok)` once all are out.
    fn drain(inner: &mut T, s: &mut LayerState, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while s.out_pos < s.out.len() {
            let n = ready!(inner.poll_write_vectored(cx, &[IoSlice::new(&s.out[s.out_pos..])]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            s.out_pos += n;
        }
        s.out.clear();
        s.out_pos = 0;
        Poll::Ready(Ok(()))
    }

    fn read_layered(
        inner: &mut T,
        s: &mut LayerState,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        loop {
            if s.plain_pos < s.plain.len() {
                let n = (s.plain.len() - s.plain_pos).min(buf.remaining());
                buf.put_slice(&s.plain[s.plain_pos..s.plain_pos + n]);
                s.plain_pos += n;
                if s.plain_pos == s.plain.len() {
                    s.plain.clear();
                    s.plain_pos = 0;
                }
                return Poll::Ready(Ok(()));
            }
            s.raw.resize(RAW_READ, 0);
            let mut raw = ReadBuf::new(&mut s.raw);
            ready!(inner.poll_read_plain(cx, &mut raw))?;
            let n = raw.filled().len();
            if n == 0 {
                // End of stream (a packet cut short is simply lost, as the
                // connection is).
                return Poll::Ready(Ok(()));
            }
            // A partial packet leaves `plain` empty: read on.
            s.layer
                .decode(&s.raw[..n], &mut s.plain)
                .map_err(layer_error)?;
        }
    }
}

impl<T: Transport> Transport for Layered<T> {
    fn poll_read(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
        fds: &mut VecDeque<OwnedFd>,
    ) -> Poll<io::Result<()>> {
        match &mut self.state {
            None => self.inner.poll_read(cx, buf, fds),
            Some(s) => Self::read_layered(&mut self.inner, s, cx, buf),
        }
    }

    fn poll_read_plain(
        &mut self,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match &mut self.state {
            None => self.inner.poll_read_plain(cx, buf),
            Some(s) => Self::read_layered(&mut self.inner, s, cx, buf),
        }
    }

    fn poll_write_vectored(
        &mut self,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let Some(s) = &mut self.state else {
            return self.inner.poll_write_vectored(cx, bufs);
        };
        // Earlier packets first: take no more plaintext while they wait.
        ready!(Self::drain(&mut self.inner, s, cx))?;
        for b in bufs {
            let room = MAX_GATHER - s.gather.len();
            if room == 0 {
                break;
            }
            s.gather.extend_from_slice(&b[..b.len().min(room)]);
        }
        let taken = s.gather.len();
        if taken == 0 {
            return Poll::Ready(Ok(0));
        }
        let encoded = s.layer.encode(&s.gather, &mut s.out);
        s.gather.clear();
        encoded.map_err(layer_error)?;
        // The plaintext is accepted now; what the socket does not take yet
        // goes out on the next write or flush.
        if let Poll::Ready(Err(e)) = Self::drain(&mut self.inner, s, cx) {
            return Poll::Ready(Err(e));
        }
        Poll::Ready(Ok(taken))
    }

    fn poll_send_fd(&mut self, cx: &mut Context<'_>, fd: BorrowedFd<'_>) -> Poll<io::Result<()>> {
        self.inner.poll_send_fd(cx, fd)
    }

    fn can_pass_fds(&self) -> bool {
        self.inner.can_pass_fds()
    }

    fn peer_closed(&self) -> bool {
        self.inner.peer_closed()
    }

    fn poll_flush(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some(s) = &mut self.state {
            ready!(Self::drain(&mut self.inner, s, cx))?;
        }
        self.inner.poll_flush(cx)
    }

    fn poll_shutdown(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some(s) = &mut self.state {
            ready!(Self::drain(&mut self.inner, s, cx))?;
        }
        self.inner.poll_shutdown(cx)
    }

    fn install_layer(&mut self, layer: Box<dyn SecurityLayer>) -> io::Result<()> {
        if self.state.is_some() {
            return Err(io::Error::other(
                "a SASL security layer is already installed",
            ));
        }
        tracing::debug!(ssf = layer.ssf(), "SASL security layer installed");
        self.state = Some(Box::new(LayerState {
            layer,
            gather: Vec::new(),
            out: Vec::new(),
            out_pos: 0,
            raw: Vec::new(),
            plain: Vec::new(),
            plain_pos: 0,
        }));
        Ok(())
    }
}
