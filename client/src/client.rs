//! The cheap, cloneable handle through which calls are made.

use crate::driver::{CallResult, Command, ReplySender};
use crate::error::{Error, ErrorKind, Result};
use crate::shared::Shared;
use crate::stream::buffer::{self, ReadResume};
use crate::stream::{self, Stream};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tracing::Instrument;
use virtwire_protocol::conn::Fd;
use virtwire_protocol::conn::{CallFrame, ConnectionError, Reply};
use virtwire_protocol::xdr::{self, Encode};
use virtwire_protocol::{Procedure, ProcedureInfo};

/// A connection to a libvirt daemon.
///
/// Cloning is cheap; all clones share one connection, and many calls may be
/// in flight on it at once from any number of tasks. The connection closes
/// when [`Client::close`] is called or the last clone is dropped.
///
/// # Cancellation
/// Dropping a call's future never breaks the connection. A call not yet sent
/// is never sent; a call already sent still runs to completion in the daemon
/// (libvirt has no way to cancel it), and its reply is read and discarded.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) commands: mpsc::Sender<Box<Command>>,
    pub(crate) shared: Arc<Shared>,
    /// Wakes the connection's reader when a full stream buffer drains.
    pub(crate) resume: Arc<ReadResume>,
    /// Whether the transport carries file descriptors (unix sockets).
    pub(crate) can_pass_fds: bool,
    /// The event registrations shared by this connection's subscribers.
    pub(crate) events: Arc<crate::event::registry::Registrations>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) uri: std::sync::OnceLock<String>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("uri", &self.uri())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Calls procedure `P` with `args` and decodes its reply.
    ///
    /// The generated methods (the handles' `dom.get_info()` and the raw
    /// layer's `client.domain_get_info(…)`) are thin wrappers
    /// around this.
    pub async fn call<P: Procedure>(&self, args: &P::Args) -> Result<P::Ret> {
        self.call_args::<P, _>(args).await
    }

    /// [`Client::call`] with any arguments that encode as `P::Args` (its
    /// borrowed twin, for the raw layer).
    pub(crate) async fn call_args<P: Procedure, A: Encode + Sync + ?Sized>(
        &self,
        args: &A,
    ) -> Result<P::Ret> {
        let info = P::INFO;
        let span = tracing::debug_span!(
            "call",
            procedure = info.method,
            serial = tracing::field::Empty
        );
        let future = self.call_raw(info, args);
        let (serial, reply) = match self.inner.timeout {
            Some(limit) => match tokio::time::timeout(limit, future.instrument(span.clone())).await
            {
                Ok(result) => result?,
                Err(_) => {
                    return Err(Error::new(
                        ErrorKind::Timeout,
                        format!("{} did not finish within {limit:?}", info.method),
                    ));
                }
            },
            None => future.instrument(span.clone()).await?,
        };
        span.record("serial", serial);
        // Descriptors on a procedure that takes none are closed here.
        xdr::from_bytes::<P::Ret>(reply.body).map_err(|e| Error::decode(info.method, e))
    }

    /// Waits for `future` within the client's call timeout.
    async fn limited<T>(&self, method: &str, future: impl Future<Output = Result<T>>) -> Result<T> {
        match self.inner.timeout {
            Some(limit) => tokio::time::timeout(limit, future)
                .await
                .unwrap_or_else(|_| {
                    Err(Error::new(
                        ErrorKind::Timeout,
                        format!("{method} did not finish within {limit:?}"),
                    ))
                }),
            None => future.await,
        }
    }

    /// Calls procedure `P`, which opens a data stream, with any arguments
    /// that encode as `P::Args`, and returns its reply with the stream;
    /// `sparse` says whether they ask for a sparse stream. Dropping the
    /// future before the reply aborts the stream the daemon opens.
    pub(crate) async fn open_stream<P: Procedure, A: Encode + Sync + ?Sized>(
        &self,
        args: &A,
        sparse: bool,
    ) -> Result<(P::Ret, Stream)> {
        let info = P::INFO;
        let sink = buffer::Shared::new(self.inner.resume.clone());
        let frame = CallFrame::encode(info.program, info.version, info.number, args)
            .map_err(|e| Error::encode(info.method, e))?;
        let (tx, rx) = oneshot::channel::<CallResult>();
        let command = Command::Stream {
            frame,
            reply: ReplySender(tx),
            sink: sink.clone(),
            sparse,
        };
        let (serial, reply) = self
            .limited(info.method, self.send_command(info, command, rx))
            .await?;
        let ret =
            xdr::from_bytes::<P::Ret>(reply.body).map_err(|e| Error::decode(info.method, e))?;
        let handle = stream::Handle::new(
            serial,
            info.method,
            sparse,
            sink,
            self.inner.commands.clone(),
        );
        Ok((ret, Stream::new(handle)))
    }

    /// Calls procedure `P` with descriptors `fds` and returns its reply with
    /// the descriptors it carried. Unix sockets only.
    pub(crate) async fn call_with_fds<P: Procedure, A: Encode + Sync + ?Sized>(
        &self,
        args: &A,
        fds: Vec<Fd>,
    ) -> Result<(P::Ret, Vec<Fd>)> {
        let info = P::INFO;
        if !self.inner.can_pass_fds {
            return Err(Error::new(
                ErrorKind::Unsupported,
                format!(
                    "{} passes file descriptors, which only a unix socket can carry",
                    info.method
                ),
            ));
        }
        let mut frame = if fds.is_empty() {
            CallFrame::encode(info.program, info.version, info.number, args)
        } else {
            CallFrame::encode_with_fds(info.program, info.version, info.number, args, fds)
        }
        .map_err(|e| Error::encode(info.method, e))?;
        if info.fds.is_some_and(|f| f.receive) {
            frame = frame.expecting_fds();
        }
        let (tx, rx) = oneshot::channel::<CallResult>();
        let command = Command::Call {
            frame,
            reply: ReplySender(tx),
        };
        let (_, reply) = self
            .limited(info.method, self.send_command(info, command, rx))
            .await?;
        let ret =
            xdr::from_bytes::<P::Ret>(reply.body).map_err(|e| Error::decode(info.method, e))?;
        Ok((ret, reply.fds))
    }

    /// Sends a command that starts a call and waits for its result.
    pub(crate) async fn send_command(
        &self,
        info: &ProcedureInfo,
        command: Command,
        rx: oneshot::Receiver<CallResult>,
    ) -> Result<(u32, Reply)> {
        if let Some(error) = self.inner.shared.closed() {
            return Err(Error::connection(error.clone()));
        }
        if self.inner.commands.send(Box::new(command)).await.is_err() {
            return Err(self.closed_error());
        }
        match rx.await {
            Ok((serial, Ok(reply))) => Ok((serial, reply)),
            Ok((_, Err(e))) => Err(Error::call(info.method, e)),
            Err(_) => Err(self.closed_error()),
        }
    }

    /// Sends an encoded call of the procedure described by `info` and waits
    /// for its reply payload.
    pub(crate) async fn call_raw<A: Encode + ?Sized>(
        &self,
        info: &ProcedureInfo,
        args: &A,
    ) -> Result<(u32, Reply)> {
        if let Some(error) = self.inner.shared.closed() {
            return Err(Error::connection(error.clone()));
        }
        let frame = CallFrame::encode(info.program, info.version, info.number, args)
            .map_err(|e| Error::encode(info.method, e))?;
        let (tx, rx) = oneshot::channel::<CallResult>();
        let command = Command::Call {
            frame,
            reply: ReplySender(tx),
        };
        self.send_command(info, command, rx).await
    }

    pub(crate) fn closed_error(&self) -> Error {
        let error = self
            .inner
            .shared
            .closed()
            .cloned()
            .unwrap_or(ConnectionError::Shutdown);
        Error::connection(error)
    }

    /// How loaded the connection is: calls in flight and queued, open
    /// streams and event registrations (as of the driver's last wake).
    pub fn stats(&self) -> crate::ConnectionStats {
        self.inner.shared.stats()
    }

    /// Whether the connection has closed.
    pub fn is_closed(&self) -> bool {
        self.inner.shared.closed().is_some() || self.inner.commands.is_closed()
    }

    /// The URI this client was opened with (as the daemon reported it when
    /// the daemon chose the driver).
    pub fn uri(&self) -> &str {
        self.inner.uri.get().map_or("", String::as_str)
    }

    pub(crate) fn set_uri(&self, uri: &str) {
        let _ = self.inner.uri.set(uri.to_owned());
    }

    /// The same connection, with every call limited to `timeout`.
    ///
    /// A call that times out is cancelled as if its future were dropped.
    pub fn with_timeout(&self, timeout: Option<Duration>) -> Client {
        Client {
            inner: Arc::new(ClientInner {
                commands: self.inner.commands.clone(),
                shared: self.inner.shared.clone(),
                resume: self.inner.resume.clone(),
                can_pass_fds: self.inner.can_pass_fds,
                events: self.inner.events.clone(),
                timeout,
                uri: self.inner.uri.clone(),
            }),
        }
    }

    /// Closes the connection gracefully: tells the daemon with
    /// `CONNECT_CLOSE`, then closes the socket. Calls still waiting fail.
    pub async fn close(&self) -> Result<()> {
        self.close_with::<virtwire_protocol::remote::procs::ConnectClose>()
            .await
    }

    /// Sends the program's close procedure `P`, then shuts the socket.
    pub(crate) async fn close_with<P: Procedure<Args = (), Ret = ()>>(&self) -> Result<()> {
        if self.is_closed() {
            return Ok(());
        }
        let result = self.call::<P>(&()).await;
        // Closed from here on for every clone, before the driver has caught up.
        self.inner.shared.set_closed(ConnectionError::Shutdown);
        let _ = self.inner.commands.send(Box::new(Command::Shutdown)).await;
        match result {
            Err(e) if e.is_closed() => Ok(()),
            other => other,
        }
    }
}
