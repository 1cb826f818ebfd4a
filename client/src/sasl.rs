//! SASL authentication on a new connection, as libvirt's client runs it
//! (`remoteAuthSASL`): `AUTH_SASL_INIT` for the daemon's mechanisms, then
//! `AUTH_SASL_START` and `AUTH_SASL_STEP` until both sides are done. The
//! mechanism itself lives in `virtwire_auth::sasl`, without I/O.

use std::path::Path;
use std::sync::Arc;

use virtwire_auth::sasl::{
    AuthConfig, CredentialProvider, CredentialSources, SaslNext, SaslSession, auth_file_path,
};
use virtwire_protocol::remote::Calls as _;

use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::uri::{ConnectUri, Environment, RemoteParams};

/// What SASL needs to know about the connection being opened.
pub(crate) struct SaslContext {
    /// A unix socket, TLS or SSH: no SASL security layer needed.
    pub(crate) secure: bool,
    /// `auth=sasl.MECH`.
    pub(crate) mechanism: Option<String>,
    pub(crate) sources: CredentialSources,
}

impl SaslContext {
    /// The credential sources for `uri`: libvirt's auth file (found as
    /// libvirt finds it), the caller's provider, and the URI's user name.
    pub(crate) fn new(
        uri: Option<&ConnectUri>,
        env: &dyn Environment,
        secure: bool,
        mechanism: Option<String>,
        provider: Option<Arc<dyn CredentialProvider>>,
    ) -> Result<Self> {
        let params = match uri {
            Some(u) => RemoteParams::from_uri(u).map_err(Error::uri)?,
            None => RemoteParams::default(),
        };
        let env_file = env.var("LIBVIRT_AUTH_FILE");
        let config_dir = crate::uri::user_config_dir(env);
        let path = auth_file_path(
            env_file.as_deref(),
            params.authfile.as_deref(),
            Some(&config_dir),
            &|p: &Path| env.read_file(p).is_ok(),
        );
        let auth_file = match path {
            Some(p) => Some(AuthConfig::load(&p).map_err(Error::sasl)?),
            None => None,
        };
        let host = uri.map(ConnectUri::hostname).unwrap_or_default();
        Ok(Self {
            secure,
            mechanism,
            sources: CredentialSources {
                host: if host.is_empty() {
                    "localhost".into()
                } else {
                    host.to_owned()
                },
                default_user: uri.and_then(ConnectUri::user).map(str::to_owned),
                auth_file,
                provider,
            },
        })
    }
}

fn to_wire(data: Option<Vec<u8>>) -> (i32, Vec<i8>) {
    match data {
        Some(d) => (0, d.into_iter().map(|b| b as i8).collect()),
        None => (1, Vec::new()),
    }
}

fn from_wire(nil: i32, data: Vec<i8>) -> Option<Vec<u8>> {
    (nil == 0).then(|| data.into_iter().map(|b| b as u8).collect())
}

/// A daemon error during the exchange (a wrong password comes back as
/// libvirt's `VIR_ERR_AUTH_FAILED`) is an authentication error.
fn refused(e: Error) -> Error {
    if e.kind() == ErrorKind::Libvirt {
        e.with_kind(ErrorKind::Auth)
    } else {
        e
    }
}

/// Runs the exchange on `client`, before `CONNECT_OPEN`.
pub(crate) async fn authenticate(client: &Client, context: SaslContext) -> Result<()> {
    let mechlist = client.auth_sasl_init().await.map_err(refused)?;
    let (mut session, start) = SaslSession::start(
        mechlist.as_str(),
        context.mechanism.as_deref(),
        context.secure,
        context.sources,
    )
    .map_err(Error::sasl)?;
    tracing::debug!(mechanism = %start.mechanism, "SASL start");
    let (nil, data) = to_wire(start.data);
    let ret = client
        .auth_sasl_start(start.mechanism.as_str().into(), nil, data)
        .await
        .map_err(refused)?;
    let (mut complete, mut server) = (ret.complete != 0, from_wire(ret.nil, ret.data));
    loop {
        match session
            .next(complete, server.as_deref())
            .map_err(Error::sasl)?
        {
            SaslNext::Done => {
                tracing::debug!(mechanism = session.mechanism(), "SASL done");
                return Ok(());
            }
            SaslNext::Step(out) => {
                let (nil, data) = to_wire(out);
                let ret = client.auth_sasl_step(nil, data).await.map_err(refused)?;
                complete = ret.complete != 0;
                server = from_wire(ret.nil, ret.data);
            }
        }
    }
}
