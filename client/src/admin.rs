//! The admin program, spoken on a daemon's admin socket
//! (`libvirt-admin-sock`, `virtqemud-admin-sock`, …), as `virt-admin` does.

use crate::ConnectOptions;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::stream::Stream;
use crate::transport;
use crate::uri::{self, SystemEnvironment};
use virtwire_protocol::Procedure;
use virtwire_protocol::admin::{self, Calls as _};
use virtwire_protocol::conn::Fd;

/// A connection to a daemon's admin interface. Every admin procedure is a
/// method of [`admin::Calls`].
#[derive(Clone, Debug)]
pub struct AdminClient {
    client: Client,
}

impl AdminClient {
    /// Opens the admin socket named by an admin URI (`libvirtd:///system`,
    /// `virtqemud:///session`, `libvirtd:///system?socket=/path`); an empty
    /// string means `LIBVIRT_ADMIN_DEFAULT_URI` or the default daemon.
    pub async fn connect(uri: &str) -> Result<Self> {
        let env = SystemEnvironment::new();
        let uri = if uri.is_empty() {
            uri::admin_default_uri(&env).map_err(Error::uri)?
        } else {
            uri.to_owned()
        };
        let path = uri::admin_socket_path(&uri, &env).map_err(Error::uri)?;
        let stream = transport::unix(&path).await?;
        let client = ConnectOptions::new()
            .keepalive(None)
            .start_admin(stream, uri)?;
        let admin = Self { client };
        admin.connect_open(0).await?;
        Ok(admin)
    }

    /// The underlying connection.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Closes the admin connection (`ADMIN_PROC_CONNECT_CLOSE`).
    pub async fn close(&self) -> Result<()> {
        self.client.close_with::<admin::procs::ConnectClose>().await
    }
}

/// The admin program opens no streams and passes no descriptors in 11.3.0;
/// should a later one, the same client machinery serves it.
impl admin::Calls for AdminClient {
    type Error = Error;
    type Stream = Stream;

    async fn call_procedure<P: Procedure>(&self, args: P::Borrowed<'_>) -> Result<P::Ret> {
        self.client.call_args::<P, _>(&args).await
    }

    async fn call_stream_procedure<P: Procedure>(
        &self,
        args: P::Borrowed<'_>,
    ) -> Result<(P::Ret, Stream)> {
        let sparse = P::borrowed_is_sparse(&args);
        self.client.open_stream::<P, _>(&args, sparse).await
    }

    async fn call_procedure_with_fds<P: Procedure>(
        &self,
        args: P::Borrowed<'_>,
        fds: Vec<Fd>,
    ) -> Result<(P::Ret, Vec<Fd>)> {
        self.client.call_with_fds::<P, _>(&args, fds).await
    }
}
