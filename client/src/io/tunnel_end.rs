//! How the end of a tunnel's byte stream (a child process's stdout, an SSH
//! channel) is reported: an end that came with a failure (an exit status,
//! stderr text) is an error carrying them, a clean end is a plain end of
//! file. Shared by the `ssh`/`ext` child and the in-process SSH channel.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::watch;

/// How long an end of stream waits for the tunnel's exit status and the
/// rest of its stderr, so the error can say why.
pub(crate) const REPORT_WAIT: Duration = Duration::from_secs(2);

/// What a tunnel knows about how it ended.
pub(crate) trait TunnelEnd: Send + Sync + 'static {
    /// Turns `true` once the exit status and all of stderr are in.
    fn done(&self) -> watch::Receiver<bool>;
    /// Whether the end deserves an error: a failure status or stderr text.
    fn failed(&self) -> bool;
    /// The exit status and stderr, for a message.
    fn describe(&self) -> String;
}

/// Waits (at most [`REPORT_WAIT`]) until `end` is done.
pub(crate) async fn settle(end: &impl TunnelEnd) {
    let mut done = end.done();
    let _ = tokio::time::timeout(REPORT_WAIT, done.wait_for(|d| *d)).await;
}

/// The end-of-stream state of one tunnel stream.
pub(crate) struct EndWatch<M> {
    monitor: Arc<M>,
    /// What ended, the start of the error message ("end of file from").
    what: &'static str,
    /// Set at end of stream while waiting for the tunnel to settle.
    wait: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
}

impl<M: TunnelEnd> EndWatch<M> {
    /// Watches `monitor`; errors read "`what` <exit status and stderr>".
    pub(crate) fn new(monitor: Arc<M>, what: &'static str) -> Self {
        Self {
            monitor,
            what,
            wait: None,
        }
    }

    /// Reads from `inner`; at its end, waits for the tunnel to settle and
    /// turns a failed end into an `UnexpectedEof` error that says why.
    pub(crate) fn poll_read<R: AsyncRead + Unpin>(
        &mut self,
        inner: &mut R,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.wait.is_none() {
            let before = buf.filled().len();
            ready!(Pin::new(inner).poll_read(cx, buf))?;
            if buf.filled().len() > before || buf.remaining() == 0 {
                return Poll::Ready(Ok(()));
            }
            let monitor = self.monitor.clone();
            self.wait = Some(Box::pin(async move { settle(&*monitor).await }));
        }
        if let Some(wait) = self.wait.as_mut() {
            ready!(wait.as_mut().poll(cx));
        }
        if self.monitor.failed() {
            Poll::Ready(Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("{} {}", self.what, self.monitor.describe()),
            )))
        } else {
            Poll::Ready(Ok(()))
        }
    }
}
