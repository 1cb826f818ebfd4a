//! SASL authentication on a new connection, as libvirt's client runs it
//! (`remoteAuthSASL`): `AUTH_SASL_INIT` for the daemon's mechanisms, then
//! `AUTH_SASL_START` and `AUTH_SASL_STEP` until both sides are done. The
//! mechanism itself lives in `virtwire_auth::sasl`, without I/O.
//!
//! Two backends: SCRAM and PLAIN in pure Rust (rsasl), used on secure
//! channels as long as the daemon offers one of them; and, with the
//! `sasl-cyrus` feature, the system's Cyrus SASL for DIGEST-MD5, GSSAPI
//! and anything on plain TCP, where a security layer is required. A layer
//! negotiated with an SSF above zero is handed to the connection task,
//! which then wraps every byte (see `Command::InstallLayer`).

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
    /// The TCP addresses (local, remote), for Cyrus.
    #[cfg_attr(not(feature = "sasl-cyrus"), allow(dead_code))]
    pub(crate) addrs: Option<(std::net::SocketAddr, std::net::SocketAddr)>,
    /// Over TLS, the cipher's key size in bits (Cyrus's external SSF).
    #[cfg_attr(not(feature = "sasl-cyrus"), allow(dead_code))]
    pub(crate) external_ssf: Option<u32>,
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
            addrs: None,
            external_ssf: None,
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

/// Runs `f` on tokio's blocking pool: a SASL step may call the caller's
/// credential callback, hash a SCRAM password (up to 2^20 iterations from
/// a hostile daemon), or for GSSAPI reach a KDC, none of which may hold up
/// the runtime's thread.
async fn off_thread<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        Error::new(
            ErrorKind::Auth,
            format!("the SASL step did not finish: {e}"),
        )
    })
}

/// The two backends' common shape.
trait Exchange: Send + 'static {
    fn next(
        &mut self,
        complete: bool,
        data: Option<&[u8]>,
    ) -> std::result::Result<SaslNext, virtwire_auth::sasl::SaslError>;
    fn mechanism(&self) -> &str;
}

impl Exchange for SaslSession {
    fn next(
        &mut self,
        complete: bool,
        data: Option<&[u8]>,
    ) -> std::result::Result<SaslNext, virtwire_auth::sasl::SaslError> {
        SaslSession::next(self, complete, data)
    }
    fn mechanism(&self) -> &str {
        SaslSession::mechanism(self)
    }
}

#[cfg(feature = "sasl-cyrus")]
impl Exchange for virtwire_auth::sasl::CyrusSession {
    fn next(
        &mut self,
        complete: bool,
        data: Option<&[u8]>,
    ) -> std::result::Result<SaslNext, virtwire_auth::sasl::SaslError> {
        virtwire_auth::sasl::CyrusSession::next(self, complete, data)
    }
    fn mechanism(&self) -> &str {
        virtwire_auth::sasl::CyrusSession::mechanism(self)
    }
}

/// Whether Cyrus should run this exchange: always on plain TCP (only a
/// mechanism with a security layer will do there), and on a secure
/// channel when the mechanism asked for, or every one offered, is not one
/// of the pure-Rust ones.
#[cfg(feature = "sasl-cyrus")]
fn wants_cyrus(offered: &str, wanted: Option<&str>, secure: bool) -> bool {
    let ours = |m: &str| {
        virtwire_auth::sasl::SUPPORTED_MECHANISMS
            .iter()
            .any(|s| s.eq_ignore_ascii_case(m.trim()))
    };
    if !secure {
        return true;
    }
    match wanted {
        Some(w) => !ours(w),
        None => !offered.split([',', ' ']).any(ours),
    }
}

/// Runs the exchange on `client`, before `CONNECT_OPEN`.
pub(crate) async fn authenticate(client: &Client, context: SaslContext) -> Result<()> {
    let mechlist = client.auth_sasl_init().await.map_err(refused)?;
    #[cfg(feature = "sasl-cyrus")]
    if wants_cyrus(
        mechlist.as_str(),
        context.mechanism.as_deref(),
        context.secure,
    ) {
        let channel = virtwire_auth::sasl::CyrusChannel {
            secure: context.secure,
            host: context.sources.host.clone(),
            local: context.addrs.map(|a| a.0),
            remote: context.addrs.map(|a| a.1),
            external_ssf: context.external_ssf,
        };
        let (offered, wanted, sources) = (
            mechlist.as_str().to_owned(),
            context.mechanism.clone(),
            context.sources,
        );
        let (session, start) = off_thread(move || {
            virtwire_auth::sasl::CyrusSession::start(&offered, wanted.as_deref(), &channel, sources)
        })
        .await?
        .map_err(Error::sasl)?;
        let session = exchange(client, session, start).await?;
        if let Some(layer) = session.into_layer().map_err(Error::sasl)? {
            client.install_layer(Box::new(layer)).await?;
        }
        return Ok(());
    }
    let (offered, wanted, secure, sources) = (
        mechlist.as_str().to_owned(),
        context.mechanism,
        context.secure,
        context.sources,
    );
    let (session, start) =
        off_thread(move || SaslSession::start(&offered, wanted.as_deref(), secure, sources))
            .await?
            .map_err(Error::sasl)?;
    exchange(client, session, start).await?;
    Ok(())
}

/// START, then STEP until both sides are done.
async fn exchange<S: Exchange>(
    client: &Client,
    mut session: S,
    start: virtwire_auth::sasl::SaslStart,
) -> Result<S> {
    tracing::debug!(mechanism = %start.mechanism, "SASL start");
    let (nil, data) = to_wire(start.data);
    let ret = client
        .auth_sasl_start(start.mechanism.as_str(), nil, &data)
        .await
        .map_err(refused)?;
    let (mut complete, mut server) = (ret.complete != 0, from_wire(ret.nil, ret.data));
    loop {
        let (back, next) = off_thread(move || {
            let next = session.next(complete, server.as_deref());
            (session, next)
        })
        .await?;
        session = back;
        match next.map_err(Error::sasl)? {
            SaslNext::Done => {
                tracing::debug!(mechanism = session.mechanism(), "SASL done");
                return Ok(session);
            }
            SaslNext::Step(out) => {
                let (nil, data) = to_wire(out);
                let ret = client.auth_sasl_step(nil, &data).await.map_err(refused)?;
                complete = ret.complete != 0;
                server = from_wire(ret.nil, ret.data);
            }
        }
    }
}

#[cfg(feature = "sasl-cyrus")]
impl Client {
    /// Hands a negotiated security layer to the connection task and waits
    /// until it is in place, so the next call is the first one wrapped.
    async fn install_layer(
        &self,
        layer: Box<dyn virtwire_auth::sasl::SecurityLayer>,
    ) -> Result<()> {
        let (done, rx) = tokio::sync::oneshot::channel();
        let command = crate::driver::Command::InstallLayer { layer, done };
        if self.inner.commands.send(Box::new(command)).await.is_err() {
            return Err(self.closed_error());
        }
        match rx.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => {
                Err(Error::io("cannot install the SASL security layer", e)
                    .with_kind(ErrorKind::Auth))
            }
            Err(_) => Err(self.closed_error()),
        }
    }
}
