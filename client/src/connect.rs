//! Opening a connection the way libvirt's client library does: resolve the
//! URI, pick the transport and socket, authenticate, then `CONNECT_OPEN`.

use crate::client::{Client, ClientInner};
use crate::driver::{Command, Driver};
use crate::error::{Error, ErrorKind, Result};
use crate::event::registry::Registrations;
use crate::feature::Feature;
use crate::io::{Plain, TlsTransport, UnixTransport, child};
use crate::sasl::SaslContext;
use crate::shared::Shared;
use crate::ssh;
use crate::stream::buffer::ReadResume;
use crate::transport;
use crate::uri::{self, ConnectUri, Environment, SystemEnvironment, Transport};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::mpsc;
use virtwire_auth::sasl::CredentialProvider;
use virtwire_protocol::conn::{self, Connection, KeepaliveConfig};
use virtwire_protocol::remote::{self, Calls as _};

/// `VIR_CONNECT_RO`: the flag of a read-only `CONNECT_OPEN`.
const CONNECT_RO: u32 = 1;

/// How many requests may wait in the channel to the connection task before
/// callers are made to wait (backpressure).
const COMMAND_QUEUE: usize = 1024;

/// The default of [`ConnectOptions::busy_poll`].
pub const DEFAULT_BUSY_POLL: Option<Duration> = None;

/// Settings for opening a connection.
///
/// ```no_run
/// # async fn demo() -> virtwire::Result<()> {
/// let client = virtwire::ConnectOptions::new()
///     .read_only(true)
///     .timeout(Some(std::time::Duration::from_secs(30)))
///     .connect("qemu:///system")
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    read_only: bool,
    max_in_flight: usize,
    busy_poll: Option<Duration>,
    timeout: Option<Duration>,
    keepalive: Option<KeepaliveConfig>,
    event_queue: usize,
    tls_config: Option<Arc<virtwire_auth::rustls::ClientConfig>>,
    credentials: Option<Provider>,
    terminal_prompts: bool,
    #[cfg(feature = "russh")]
    ssh_agent: Option<std::path::PathBuf>,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self {
            read_only: false,
            max_in_flight: conn::DEFAULT_MAX_IN_FLIGHT,
            busy_poll: DEFAULT_BUSY_POLL,
            timeout: None,
            keepalive: Some(KeepaliveConfig::default()),
            event_queue: crate::event::DEFAULT_EVENT_QUEUE,
            tls_config: None,
            credentials: None,
            terminal_prompts: false,
            #[cfg(feature = "russh")]
            ssh_agent: None,
        }
    }
}

impl ConnectOptions {
    /// Defaults: read-write, 64 calls in flight, no call timeout, keepalive
    /// every 5 s with 6 missed answers allowed (as virsh).
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens the connection read-only, as libvirt-python's `openReadOnly`:
    /// through the daemon's `-ro` socket for local connections, and with
    /// `VIR_CONNECT_RO` in `CONNECT_OPEN`.
    pub fn read_only(mut self, read_only: bool) -> Self {
        self.read_only = read_only;
        self
    }

    /// Calls sent to the daemon before their replies arrive; more wait in
    /// the client. The daemon works on `max_client_requests` (default 5)
    /// of them at a time and leaves the rest in its socket. Default
    /// [`DEFAULT_MAX_IN_FLIGHT`](virtwire_protocol::conn::DEFAULT_MAX_IN_FLIGHT).
    pub fn max_in_flight(mut self, calls: usize) -> Self {
        self.max_in_flight = calls.max(1);
        self
    }

    /// How long the connection task keeps polling for replies that are
    /// due before it sleeps until the socket wakes it, or `None` to sleep
    /// at once. While it polls it yields to the runtime between looks, so
    /// it never holds a thread and other tasks run first; each look costs
    /// one `epoll_wait` with a zero timeout. The budget restarts whenever
    /// input arrives and is never spent on an idle connection. Default
    /// [`DEFAULT_BUSY_POLL`].
    ///
    /// Worth it when the daemon runs on the same host and throughput
    /// matters more than CPU: a client asleep in `epoll_wait` leaves CPUs
    /// idle, and the daemon's hand-offs between its own threads then have
    /// to wake them, which is slow on a virtual machine. With 8 calls
    /// in flight over TLS, 200 µs made the daemon's CPU per call fall by a
    /// third or more and calls/s rise about 1.3x, at two to three times the
    /// client's CPU per call (`BENCHMARKS.md`, "Remote hosts over TLS").
    /// Across a real network the replies take longer than any useful
    /// budget, so it only burns CPU there.
    pub fn busy_poll(mut self, budget: Option<Duration>) -> Self {
        self.busy_poll = budget;
        self
    }

    /// A time limit for every call, or `None` for no limit.
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }

    /// Client-side keepalive, or `None` to only answer the daemon's pings.
    pub fn keepalive(mut self, keepalive: Option<KeepaliveConfig>) -> Self {
        self.keepalive = keepalive;
        self
    }

    /// Events each subscriber may fall behind by before its oldest are
    /// dropped (and it is told how many, as
    /// [`EventError::Lagged`](crate::event::EventError::Lagged)). Default
    /// [`DEFAULT_EVENT_QUEUE`](crate::event::DEFAULT_EVENT_QUEUE).
    pub fn event_queue(mut self, events: usize) -> Self {
        self.event_queue = events.max(1);
        self
    }

    /// A rustls configuration for `tls` URIs, used instead of the one
    /// built from libvirt's PEM files and the URI's `pkipath`, `no_verify`
    /// and `tls_priority` (certificates held in memory, say). The daemon's
    /// one-byte confirmation is still required.
    pub fn tls_config(mut self, config: Arc<virtwire_auth::rustls::ClientConfig>) -> Self {
        self.tls_config = Some(config);
        self
    }

    /// Where SASL credentials come from once libvirt's auth file has none
    /// (libvirt-python's `openAuth` callback): a prompt, a secrets store, or
    /// fixed [`Credentials`](virtwire_auth::sasl::Credentials). Without
    /// one, the auth file and the URI's user name are all there is.
    pub fn credentials(mut self, provider: Arc<dyn CredentialProvider>) -> Self {
        self.credentials = Some(Provider(provider));
        self
    }

    /// Lets the program of an `ssh` or `ext` connection (ssh, or
    /// `command=`) use the caller's controlling terminal, so ssh can ask
    /// for a password, a key passphrase or a new host key there, as it does
    /// under virsh. Default `false`: the program runs in a session of its
    /// own, without a terminal, so a connection that would need an answer
    /// fails at once (with ssh's message) instead of waiting for one.
    /// Either way its stdin is the connection, never the terminal. ssh may
    /// still ask through `SSH_ASKPASS` when `DISPLAY` is set, as with
    /// libvirt; add `no_tty=1` to the URI (`-o BatchMode=yes`) to rule
    /// that out too.
    pub fn terminal_prompts(mut self, allow: bool) -> Self {
        self.terminal_prompts = allow;
        self
    }

    /// The ssh-agent socket for the `agent` method of `libssh` and
    /// `libssh2` connections (feature `russh`), instead of the
    /// `SSH_AUTH_SOCK` of the process; `None` (the default) reads
    /// `SSH_AUTH_SOCK` when connecting.
    #[cfg(feature = "russh")]
    pub fn ssh_agent(mut self, socket: Option<std::path::PathBuf>) -> Self {
        self.ssh_agent = socket;
        self
    }

    /// Opens `uri` (`qemu:///system`, `test+tcp://host/default`, …). An empty
    /// string means the default URI, as [`ConnectOptions::connect_default`].
    pub async fn connect(&self, uri: &str) -> Result<Client> {
        self.open(Some(uri), &SystemEnvironment::new()).await
    }

    /// Opens the default URI as libvirt does: `LIBVIRT_DEFAULT_URI`, else
    /// `uri_default` in `libvirt.conf`, else the local daemon's choice.
    pub async fn connect_default(&self) -> Result<Client> {
        self.open(None, &SystemEnvironment::new()).await
    }

    /// Opens a connection over an already connected byte stream (a custom
    /// transport), asking the daemon to open `uri`'s driver.
    pub async fn connect_stream<S>(&self, stream: S, uri: &str) -> Result<Client>
    where
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        let parsed = ConnectUri::parse(uri).map_err(Error::uri)?;
        let name = parsed.connect_open_name().map_err(Error::uri)?;
        let client = self.start(layered(Plain::new(stream)), parsed.as_str().to_owned());
        // The caller's stream may be anything: SASL without a security
        // layer is refused on it, as on plain TCP.
        self.handshake(
            &client,
            Some(&parsed),
            name,
            &SystemEnvironment::new(),
            Channel::default(),
        )
        .await?;
        Ok(client)
    }

    async fn open(&self, name: Option<&str>, env: &dyn Environment) -> Result<Client> {
        let uri = uri::resolve_uri(name, false, env).map_err(Error::uri)?;
        let open_name = uri::connect_open_name(uri.as_ref()).map_err(Error::uri)?;
        let display = uri
            .as_ref()
            .map_or_else(String::new, |u| u.as_str().to_owned());
        let transport = uri.as_ref().map_or(Transport::Unix, ConnectUri::transport);
        // What is behind an ssh, ext, libssh or libssh2 connection, to explain
        // a failure.
        let mut tunnel = None;
        // Secure channels need no SASL security layer (libvirt's is_secure).
        let mut channel = Channel {
            secure: transport != Transport::Tcp,
            ..Channel::default()
        };
        let client = match transport {
            Transport::Unix => {
                let socket = uri::unix_socket(uri.as_ref(), self.read_only, env)
                    .map_err(Error::uri)?
                    .ok_or_else(|| Error::new(ErrorKind::Uri, "no unix socket for this URI"))?;
                tracing::debug!(path = %socket.path.display(), "connecting");
                let stream = transport::unix(&socket.path).await?;
                self.start(registered(UnixTransport::new(stream))?, display)
            }
            Transport::Tcp => {
                let uri = uri.as_ref().expect("a tcp transport comes from a URI");
                let port = uri.effective_port().unwrap_or(uri::LIBVIRTD_TCP_PORT);
                let stream = transport::tcp(uri.hostname(), port).await?;
                if let (Ok(local), Ok(remote)) = (stream.local_addr(), stream.peer_addr()) {
                    channel.addrs = Some((local, remote));
                }
                let socket = registered(crate::io::Socket::tcp(stream))?;
                self.start(layered(Plain::tcp(socket)), display)
            }
            Transport::Tls => {
                let uri = uri.as_ref().expect("a tls transport comes from a URI");
                let port = uri.effective_port().unwrap_or(uri::LIBVIRTD_TLS_PORT);
                let options = tls_options(uri, env)?;
                let stream =
                    crate::tls::connect(uri.hostname(), port, &options, self.tls_config.clone())
                        .await?;
                channel.external_ssf = stream
                    .get_ref()
                    .1
                    .negotiated_cipher_suite()
                    .map(|s| tls_key_bits(s.suite()));
                self.start(TlsTransport::new(stream), display)
            }
            Transport::Ssh | Transport::Ext => {
                let uri = uri
                    .as_ref()
                    .expect("ssh and ext transports come from a URI");
                let plan = if transport == Transport::Ssh {
                    ssh::plan_ssh(uri, self.read_only, env)?
                } else {
                    ssh::plan_ext(uri)?
                };
                let extra_env = if transport == Transport::Ssh {
                    child::SSH_ENV
                } else {
                    &[]
                };
                let (stream, monitor) = child::spawn(&child::Spawn {
                    program: &plan.program,
                    args: plan.args,
                    extra_env,
                    terminal: self.terminal_prompts,
                })?;
                tunnel = Some(Tunnel::Child(monitor, plan.remote_programs));
                self.start(Plain::new(stream), display)
            }
            #[cfg(feature = "russh")]
            Transport::Libssh | Transport::Libssh2 => {
                let uri = uri.as_ref().expect("libssh transports come from a URI");
                let plan = crate::ssh_inproc::plan(uri, self.read_only, env)?;
                let (stream, monitor) = crate::ssh_inproc::connect(
                    &plan,
                    self.ssh_agent.as_deref(),
                    self.credentials.as_ref().map(|p| p.0.clone()),
                )
                .await?;
                tunnel = Some(Tunnel::Ssh(monitor));
                self.start(Plain::new(stream), display)
            }
            #[cfg(not(feature = "russh"))]
            other @ (Transport::Libssh | Transport::Libssh2) => {
                return Err(Error::new(
                    ErrorKind::Unsupported,
                    format!(
                        "the {} transport needs virtwire's `russh` cargo feature (SSH \
                         in-process); build with it, or use the `ssh` transport",
                        other.as_str()
                    ),
                ));
            }
        };
        if let Err(e) = self
            .handshake(&client, uri.as_ref(), open_name, env, channel)
            .await
        {
            return Err(match tunnel {
                Some(Tunnel::Child(monitor, remote)) => {
                    let remote: Vec<&str> = remote.iter().map(String::as_str).collect();
                    monitor.failure(e, &remote).await
                }
                #[cfg(feature = "russh")]
                Some(Tunnel::Ssh(monitor)) => monitor.handshake_failure(e).await,
                None => e,
            });
        }
        Ok(client)
    }

    /// Starts a connection task for the admin program (no handshake).
    pub(crate) fn start_admin(
        &self,
        stream: tokio::net::UnixStream,
        uri: String,
    ) -> Result<Client> {
        Ok(self.start(registered(UnixTransport::new(stream))?, uri))
    }

    fn start<T: crate::io::Transport>(&self, io: T, uri: String) -> Client {
        let shared = Arc::new(Shared::default());
        let resume = Arc::new(ReadResume::default());
        let can_pass_fds = io.can_pass_fds();
        let (commands, receiver) = mpsc::channel(COMMAND_QUEUE);
        let config = conn::Config {
            max_in_flight: self.max_in_flight,
            keepalive: None,
        };
        let connection = Connection::new(config, Instant::now());
        tokio::spawn(Driver::new(
            io,
            connection,
            receiver,
            shared.clone(),
            resume.clone(),
            self.busy_poll,
        ));
        let client = Client {
            inner: Arc::new(ClientInner {
                commands,
                shared,
                resume,
                can_pass_fds,
                events: Arc::new(Registrations::new(self.event_queue)),
                timeout: self.timeout,
                uri: std::sync::OnceLock::new(),
            }),
        };
        if !uri.is_empty() {
            client.set_uri(&uri);
        }
        client
    }

    /// Authentication, keepalive negotiation and `CONNECT_OPEN`, in the order
    /// the C client uses (`doRemoteOpen`).
    async fn handshake(
        &self,
        client: &Client,
        uri: Option<&ConnectUri>,
        name: String,
        env: &dyn Environment,
        channel: Channel,
    ) -> Result<()> {
        let result = self.negotiate(client, uri, name, env, channel).await;
        if result.is_err() {
            let _ = client
                .inner
                .commands
                .send(Box::new(Command::Shutdown))
                .await;
        }
        result
    }

    async fn negotiate(
        &self,
        client: &Client,
        uri: Option<&ConnectUri>,
        name: String,
        env: &dyn Environment,
        channel: Channel,
    ) -> Result<()> {
        let forced = match uri {
            Some(u) => uri::RemoteParams::from_uri(u).map_err(Error::uri)?.auth,
            None => None,
        };
        let offered = client.auth_list().await?;
        let auth = match &forced {
            // As libvirt: the type asked for must be the daemon's.
            Some(want) => {
                let (wire, name) = match want {
                    uri::AuthType::Polkit => (remote::AuthType::Polkit, "polkit"),
                    uri::AuthType::Sasl { .. } => (remote::AuthType::Sasl, "sasl"),
                };
                if !offered.contains(&wire) {
                    return Err(Error::new(
                        ErrorKind::Auth,
                        format!("requested authentication type {name} rejected by the daemon"),
                    ));
                }
                wire
            }
            None => offered.first().copied().unwrap_or(remote::AuthType::None),
        };
        match auth {
            remote::AuthType::None => {}
            remote::AuthType::Polkit => {
                client.auth_polkit().await?;
            }
            remote::AuthType::Sasl => {
                let mechanism = match forced {
                    Some(uri::AuthType::Sasl { mechanism }) => mechanism,
                    _ => None,
                };
                let provider = self.credentials.as_ref().map(|p| p.0.clone());
                let mut context = SaslContext::new(uri, env, channel.secure, mechanism, provider)?;
                context.addrs = channel.addrs;
                context.external_ssf = channel.external_ssf;
                crate::sasl::authenticate(client, context).await?;
            }
            other => {
                // A type a newer daemon may add: libvirt's client refuses
                // it too ("unsupported authentication type").
                return Err(Error::new(
                    ErrorKind::Auth,
                    format!("unsupported authentication type {other:?} required by the daemon"),
                ));
            }
        }
        if self.keepalive.is_some() && client.supports_feature(Feature::ProgramKeepalive).await? {
            let _ = client
                .inner
                .commands
                .send(Box::new(Command::Keepalive(self.keepalive)))
                .await;
        }
        let flags = if self.read_only { CONNECT_RO } else { 0 };
        client.connect_open(Some(name.as_str()), flags).await?;
        if name.is_empty() {
            // The daemon chose the driver: learn which, as libvirt does.
            let uri = client.connect_get_uri().await?;
            client.set_uri(uri.as_str());
        }
        Ok(())
    }
}

/// What authentication needs to know about the transport.
#[derive(Debug, Default, Clone, Copy)]
struct Channel {
    /// A unix socket, TLS or SSH (libvirt's `is_secure`).
    secure: bool,
    /// The TCP addresses (local, remote).
    addrs: Option<(std::net::SocketAddr, std::net::SocketAddr)>,
    /// Over TLS, the cipher's key size in bits.
    external_ssf: Option<u32>,
}

/// A transport that can take a SASL security layer after authentication
/// (plain TCP and caller-supplied streams, with `sasl-cyrus`).
#[cfg(feature = "sasl-cyrus")]
fn layered<T: crate::io::Transport>(io: T) -> crate::io::Layered<T> {
    crate::io::Layered::new(io)
}

/// Without `sasl-cyrus` there is no layer to take: the transport as is.
#[cfg(not(feature = "sasl-cyrus"))]
fn layered<T: crate::io::Transport>(io: T) -> T {
    io
}

/// The key size in bits of a TLS cipher suite, as libvirt passes
/// GnuTLS's to SASL as the external SSF.
fn tls_key_bits(suite: virtwire_auth::rustls::CipherSuite) -> u32 {
    let name = format!("{suite:?}");
    if name.contains("AES_128") {
        128
    } else if name.contains("AES_256") || name.contains("CHACHA20") {
        256
    } else {
        0
    }
}

/// A credential provider, shown in `Debug` without its contents.
#[derive(Clone)]
struct Provider(Arc<dyn CredentialProvider>);

impl std::fmt::Debug for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CredentialProvider")
    }
}

/// What carries an ssh, ext, libssh or libssh2 connection, kept to explain
/// a connection that fails before it is set up.
enum Tunnel {
    /// The program (`ssh`, `command=`) and the programs it runs remotely.
    Child(Arc<child::Monitor>, Vec<String>),
    /// The in-process SSH session.
    #[cfg(feature = "russh")]
    Ssh(Arc<crate::ssh_inproc::Monitor>),
}

/// libvirt's TLS settings for `uri`: the PEM files for this process
/// (`pkipath=`, else `~/.pki/libvirt` when not root, else `/etc/pki`), and
/// `no_verify`, `no_sanity` and `tls_priority` (else libvirt.conf's).
fn tls_options(uri: &ConnectUri, env: &dyn Environment) -> Result<virtwire_auth::tls::TlsOptions> {
    let params = uri::RemoteParams::from_uri(uri).map_err(Error::uri)?;
    let files = virtwire_auth::tls::PkiFiles::for_process(
        params.pkipath.as_deref().map(std::path::Path::new),
        env.euid(),
        env.home_dir().as_deref(),
    );
    let mut options = virtwire_auth::tls::TlsOptions::new(files);
    options.verify = !params.no_verify;
    options.sanity = !params.no_sanity;
    options.priority = match params.tls_priority {
        Some(p) => Some(p),
        // As libvirt: the client libvirt.conf's `tls_priority` otherwise.
        None => uri::ClientConfig::load(env)
            .map_err(Error::uri)?
            .tls_priority()
            .map_err(Error::uri)?
            .map(str::to_owned),
    };
    Ok(options)
}

impl Client {
    /// Opens `uri` with default [`ConnectOptions`].
    pub async fn connect(uri: &str) -> Result<Client> {
        ConnectOptions::new().connect(uri).await
    }

    /// Opens `uri` read-only (libvirt-python's `openReadOnly`).
    pub async fn connect_read_only(uri: &str) -> Result<Client> {
        ConnectOptions::new().read_only(true).connect(uri).await
    }

    /// Opens the default URI (`LIBVIRT_DEFAULT_URI`, `uri_default`, or the
    /// local daemon's choice).
    pub async fn connect_default() -> Result<Client> {
        ConnectOptions::new().connect_default().await
    }

    /// Asks the daemon whether it supports `feature` (`CONNECT_SUPPORTS_FEATURE`).
    pub async fn supports_feature(&self, feature: Feature) -> Result<bool> {
        Ok(self.connect_supports_feature(feature.raw()).await? != 0)
    }
}

/// A socket taken over from tokio, or why it could not be.
fn registered<T>(socket: std::io::Result<T>) -> Result<T> {
    socket.map_err(|e| {
        Error::io(
            "cannot register the connection's socket with the runtime",
            e,
        )
    })
}
