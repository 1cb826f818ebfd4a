//! The `libssh` and `libssh2` transports in-process, with russh (cargo
//! feature `russh`): no `ssh` binary and no C library.
//!
//! libvirt 11.3.0 (`virNetClientNewLibssh`, `virNetClientNewLibSSH2`,
//! `virNetSocketNewConnectLibssh`/`LibSSH2`) does, and so does this module:
//!
//! * connect over TCP to the URI's host and port (default 22), as the URI's
//!   user, else `root`;
//! * check the server's host key against `known_hosts=`, else
//!   `$XDG_CONFIG_HOME/libvirt/known_hosts` (`~/.config/libvirt/known_hosts`:
//!   libvirt's own file, not `~/.ssh/known_hosts`), entries written
//!   `[host]:port` unless the port is 22, following `known_hosts_verify=`:
//!   `normal` (an unknown host fails: libvirt would ask through its
//!   credential callback, which this client has not, so it never prompts),
//!   `auto` (a new key is accepted and appended), `ignore` (no check). A
//!   changed key always fails. `no_verify=1` without `known_hosts_verify`
//!   means `auto`, like ssh's `StrictHostKeyChecking=no`;
//! * try the methods of `sshauth=` in order, by default `agent,privkey,
//!   password,keyboard-interactive` (without `privkey` when there is no key):
//!   the agent at `SSH_AUTH_SOCK` (or [`ConnectOptions::ssh_agent`]), the key
//!   of `keyfile=` or the first of `~/.ssh/{identity,id_dsa,id_ecdsa,
//!   id_ed25519,id_rsa}` that exists, then a password and
//!   keyboard-interactive prompts answered by the credential callback
//!   ([`ConnectOptions::credentials`], as libvirt asks `virConnectAuth`);
//!   without a callback they are recorded as not possible and skipped;
//! * open a session channel and exec the same remote command as the `ssh`
//!   transport (`virt-ssh-helper` or netcat, [`ssh::plan_remote`]); its
//!   stdout/stdin are the connection, its stderr is kept for errors.
//!
//! [`ConnectOptions::ssh_agent`]: crate::ConnectOptions::ssh_agent
//! [`ConnectOptions::credentials`]: crate::ConnectOptions::credentials

use std::io;
use std::io::IoSlice;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use russh::client::{self, Handle, Handler, KeyboardInteractiveAuthResponse, Msg};
use russh::keys::{HashAlg, PrivateKey, PrivateKeyWithHashAlg, PublicKey, PublicKeyOrCertificate};
use russh::{ChannelId, ChannelMsg, ChannelStream};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::watch;
use virtwire_auth::sasl::{CredentialProvider, CredentialRequest, CredentialType};

use crate::error::{Error, ErrorKind, Result, SshFailure, SshFailureKind};
use crate::io::child::{STDERR_LIMIT, missing_program};
use crate::io::tunnel_end::{EndWatch, TunnelEnd, settle};
use crate::ssh::{self, RemotePlan};
use crate::transport;
use crate::uri::{self, ConnectUri, Environment, KnownHostsVerify, RemoteParams, Transport};

/// The SSH port when the URI names none.
const DEFAULT_PORT: u16 = 22;

/// The user when the URI names none (libvirt's `DEFAULT_VALUE(username,
/// "root")`).
const DEFAULT_USER: &str = "root";

/// The default private keys under `~/.ssh`, in the order libvirt looks
/// (`virNetClientFindDefaultSshKey`); the first that exists is used.
const DEFAULT_KEYS: &[&str] = &["identity", "id_dsa", "id_ecdsa", "id_ed25519", "id_rsa"];

/// An authentication method of `sshauth=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuthMethod {
    /// Keys held by an ssh-agent.
    Agent,
    /// The private key file.
    PrivKey,
    /// A password.
    Password,
    /// Keyboard-interactive.
    KeyboardInteractive,
}

impl AuthMethod {
    /// libvirt's name of the method.
    fn name(self) -> &'static str {
        match self {
            Self::Agent => "agent",
            Self::PrivKey => "privkey",
            Self::Password => "password",
            Self::KeyboardInteractive => "keyboard-interactive",
        }
    }
}

/// Parses `sshauth=`: names separated by commas, matched ignoring case; an
/// unknown (or empty) name is refused, as libvirt does.
pub(crate) fn parse_methods(list: &str) -> Result<Vec<AuthMethod>> {
    list.split(',')
        .map(|name| {
            [
                AuthMethod::Agent,
                AuthMethod::PrivKey,
                AuthMethod::Password,
                AuthMethod::KeyboardInteractive,
            ]
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidArgument,
                    format!("invalid SSH authentication method in sshauth=: '{name}'"),
                )
            })
        })
        .collect()
}

/// Everything needed to open a `libssh` or `libssh2` connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// `libssh` or `libssh2`, for messages.
    pub(crate) transport: Transport,
    /// The host to connect to.
    pub(crate) host: String,
    /// The port.
    pub(crate) port: u16,
    /// The user to log in as.
    pub(crate) user: String,
    /// The private key for `privkey`, if any.
    pub(crate) keyfile: Option<PathBuf>,
    /// The known_hosts file.
    pub(crate) known_hosts: PathBuf,
    /// How the host key is checked.
    pub(crate) verify: KnownHostsVerify,
    /// The authentication methods, in order.
    pub(crate) methods: Vec<AuthMethod>,
    /// What runs on the far side.
    pub(crate) remote: RemotePlan,
}

/// `path` with a leading `~/` replaced by the home directory.
fn expand_home(path: &str, env: &dyn Environment) -> PathBuf {
    match (path.strip_prefix("~/"), env.home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

/// The connection plan for a `libssh` or `libssh2` `uri`.
pub(crate) fn plan(uri: &ConnectUri, read_only: bool, env: &dyn Environment) -> Result<Plan> {
    let params = RemoteParams::from_uri(uri).map_err(Error::uri)?;
    let remote = ssh::plan_remote(uri, &params, read_only, env)?;
    let known_hosts = match params.known_hosts.as_deref() {
        Some(path) => expand_home(path, env),
        None => uri::user_config_dir(env).join("known_hosts"),
    };
    let keyfile = match params.keyfile.as_deref() {
        Some(path) => Some(expand_home(path, env)),
        None => env.home_dir().and_then(|home| {
            DEFAULT_KEYS
                .iter()
                .map(|name| home.join(".ssh").join(name))
                .find(|path| env.path_exists(path))
        }),
    };
    let methods = match params.sshauth.as_deref() {
        Some(list) => parse_methods(list)?,
        None if keyfile.is_some() => vec![
            AuthMethod::Agent,
            AuthMethod::PrivKey,
            AuthMethod::Password,
            AuthMethod::KeyboardInteractive,
        ],
        None => vec![
            AuthMethod::Agent,
            AuthMethod::Password,
            AuthMethod::KeyboardInteractive,
        ],
    };
    if methods.contains(&AuthMethod::PrivKey) && keyfile.is_none() {
        return Err(Error::new(
            ErrorKind::InvalidArgument,
            "sshauth=privkey needs a key file: keyfile=, or one of ~/.ssh/identity, \
             id_dsa, id_ecdsa, id_ed25519, id_rsa",
        ));
    }
    let verify = params.known_hosts_verify.unwrap_or(if params.no_verify {
        KnownHostsVerify::Auto
    } else {
        KnownHostsVerify::Normal
    });
    Ok(Plan {
        transport: uri.transport(),
        host: uri.hostname().to_owned(),
        port: uri.port().unwrap_or(DEFAULT_PORT),
        user: uri.user().unwrap_or(DEFAULT_USER).to_owned(),
        keyfile,
        known_hosts,
        verify,
        methods,
        remote,
    })
}

/// What is known about the remote command: its stderr, exit status, and
/// whether the channel is gone.
#[derive(Default)]
struct State {
    stderr: Vec<u8>,
    exit_status: Option<u32>,
    closed: bool,
}

/// The remote command's state, shared by the session handler, the stream
/// and whoever reports a failure.
pub(crate) struct Monitor {
    host: String,
    port: u16,
    user: String,
    remote_programs: Vec<String>,
    state: Mutex<State>,
    /// Becomes true once the channel (or the session) is closed.
    done: watch::Sender<bool>,
}

impl Monitor {
    fn update(&self, f: impl FnOnce(&mut State)) {
        let mut state = self.state.lock().expect("ssh monitor lock");
        f(&mut state);
        let closed = state.closed;
        drop(state);
        if closed {
            self.done.send_replace(true);
        }
    }

    fn stderr(&self) -> String {
        let state = self.state.lock().expect("ssh monitor lock");
        String::from_utf8_lossy(&state.stderr).trim().to_owned()
    }

    fn exit_status(&self) -> Option<u32> {
        self.state.lock().expect("ssh monitor lock").exit_status
    }

    fn failure(&self, kind: SshFailureKind) -> SshFailure {
        SshFailure {
            host: self.host.clone(),
            port: self.port,
            user: self.user.clone(),
            kind,
            stderr: self.stderr(),
            exit_status: self.exit_status(),
        }
    }

    fn error(&self, error_kind: ErrorKind, kind: SshFailureKind, message: String) -> Error {
        Error::ssh(error_kind, self.failure(kind), message)
    }

    /// The error for a connection whose handshake with the daemon failed:
    /// when the tunnel closed, the remote command's stderr and exit status
    /// are added, and a remote shell's "not found" for the helper or netcat
    /// is recognised.
    pub(crate) async fn handshake_failure(&self, cause: Error) -> Error {
        if !cause.is_closed() || cause.ssh_failure().is_some() {
            return cause;
        }
        settle(self).await;
        let programs: Vec<&str> = self.remote_programs.iter().map(String::as_str).collect();
        let described = self.describe();
        match missing_program(&self.stderr(), &programs) {
            Some(program) => self.error(
                ErrorKind::Connection,
                SshFailureKind::RemoteProgramMissing {
                    program: program.clone(),
                },
                format!(
                    "{}:{}: the remote host has no `{program}` to reach the daemon through: \
                     {described}",
                    self.host, self.port
                ),
            ),
            None => {
                let cause = cause.to_string();
                let message = if cause.contains(&described) {
                    format!(
                        "the SSH connection to {}:{} closed before it was set up: {described}",
                        self.host, self.port
                    )
                } else {
                    format!(
                        "the SSH connection to {}:{} closed before it was set up ({cause}): \
                         {described}",
                        self.host, self.port
                    )
                };
                self.error(ErrorKind::Connection, SshFailureKind::Closed, message)
            }
        }
    }
}

/// Why the session handler stopped the connection.
#[derive(Debug)]
enum HandlerError {
    /// The host key check failed.
    HostKey(SshFailureKind, String),
    /// russh failed.
    Russh(russh::Error),
}

impl From<russh::Error> for HandlerError {
    fn from(e: russh::Error) -> Self {
        Self::Russh(e)
    }
}

/// The russh client handler: checks the host key, keeps the remote
/// command's stderr and exit status.
struct SessionHandler {
    host: String,
    port: u16,
    known_hosts: PathBuf,
    verify: KnownHostsVerify,
    monitor: Arc<Monitor>,
}

impl SessionHandler {
    fn check_key(&self, key: &PublicKey) -> Result<(), HandlerError> {
        if self.verify == KnownHostsVerify::Ignore {
            return Ok(());
        }
        let fingerprint = key.fingerprint(HashAlg::Sha256).to_string();
        let file = self.known_hosts.display();
        let (host, port) = (&self.host, self.port);
        match russh::keys::check_known_hosts_path(host, port, key, &self.known_hosts) {
            Ok(true) => Ok(()),
            Ok(false) if self.verify == KnownHostsVerify::Auto => {
                record_host_key(host, port, key, &self.known_hosts).map_err(|e| {
                    HandlerError::HostKey(
                        SshFailureKind::KnownHosts {
                            known_hosts: self.known_hosts.clone(),
                            reason: e.to_string(),
                        },
                        format!("cannot add the host key of {host}:{port} to {file}: {e}"),
                    )
                })?;
                tracing::info!(%host, port, %fingerprint, known_hosts = %file, "host key added");
                Ok(())
            }
            Ok(false) => Err(HandlerError::HostKey(
                SshFailureKind::HostKeyUnknown {
                    known_hosts: self.known_hosts.clone(),
                    fingerprint: fingerprint.clone(),
                },
                format!(
                    "the SSH host key of {host}:{port} ({} {fingerprint}) is not in {file}; \
                     add it there, or connect once with known_hosts_verify=auto",
                    key.algorithm()
                ),
            )),
            Err(russh::keys::Error::KeyChanged { line }) => Err(HandlerError::HostKey(
                SshFailureKind::HostKeyMismatch {
                    known_hosts: self.known_hosts.clone(),
                    line,
                    fingerprint: fingerprint.clone(),
                },
                format!(
                    "the SSH host key of {host}:{port} ({} {fingerprint}) differs from the one \
                     recorded in {file} line {line}: possibly a man-in-the-middle attack",
                    key.algorithm()
                ),
            )),
            Err(e) => Err(HandlerError::HostKey(
                SshFailureKind::KnownHosts {
                    known_hosts: self.known_hosts.clone(),
                    reason: e.to_string(),
                },
                format!("cannot check the host key of {host}:{port} against {file}: {e}"),
            )),
        }
    }
}

impl Handler for SessionHandler {
    type Error = HandlerError;

    async fn check_server_key(
        &mut self,
        server_key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        let key = match server_key {
            PublicKeyOrCertificate::PublicKey { key, .. } => key.clone(),
            PublicKeyOrCertificate::Certificate(cert) => {
                PublicKey::new(cert.public_key().clone(), "")
            }
        };
        self.check_key(&key)?;
        Ok(true)
    }

    async fn extended_data(
        &mut self,
        _channel: ChannelId,
        ext: u32,
        data: &[u8],
        _session: &mut client::Session,
    ) -> Result<(), Self::Error> {
        if ext == 1 {
            self.monitor.update(|state| {
                state.stderr.extend_from_slice(data);
                let excess = state.stderr.len().saturating_sub(STDERR_LIMIT);
                state.stderr.drain(..excess);
            });
        }
        Ok(())
    }

    async fn exit_status(
        &mut self,
        _channel: ChannelId,
        exit_status: u32,
        _session: &mut client::Session,
    ) -> Result<(), Self::Error> {
        tracing::debug!(exit_status, "remote command exited");
        self.monitor
            .update(|state| state.exit_status = Some(exit_status));
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut client::Session,
    ) -> Result<(), Self::Error> {
        self.monitor.update(|state| state.closed = true);
        Ok(())
    }

    async fn disconnected(
        &mut self,
        reason: client::DisconnectReason<Self::Error>,
    ) -> Result<(), Self::Error> {
        self.monitor.update(|state| state.closed = true);
        match reason {
            client::DisconnectReason::ReceivedDisconnect(_) => Ok(()),
            client::DisconnectReason::Error(e) => Err(e),
        }
    }
}

/// Appends `host`'s key to the known_hosts file `path` (created, with its
/// directory, when missing), as `[host]:port` unless the port is 22.
fn record_host_key(host: &str, port: u16, key: &PublicKey, path: &Path) -> io::Result<()> {
    use std::io::{Read, Seek, SeekFrom, Write};
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)?;
    let mut last = [0u8; 1];
    let needs_newline = file.seek(SeekFrom::End(-1)).is_ok()
        && file.read_exact(&mut last).is_ok()
        && last[0] != b'\n';
    let key = key
        .to_openssh()
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
    let entry = if port == DEFAULT_PORT {
        host.to_owned()
    } else {
        format!("[{host}]:{port}")
    };
    let mut line = String::new();
    if needs_newline {
        line.push('\n');
    }
    line.push_str(&format!("{entry} {}\n", key.trim_end()));
    file.write_all(line.as_bytes())
}

/// Loads the private key at `path` (unencrypted: there is no way to ask for
/// a passphrase).
fn load_key(path: &Path) -> std::result::Result<PrivateKey, String> {
    match russh::keys::load_secret_key(path, None) {
        Ok(key) => Ok(key),
        Err(russh::keys::Error::IO(e)) if e.kind() == io::ErrorKind::NotFound => {
            Err("no such file".to_owned())
        }
        Err(russh::keys::Error::IO(e)) => Err(format!("cannot read it: {e}")),
        Err(russh::keys::Error::KeyIsEncrypted) => Err(
            "the key is encrypted and no passphrase can be asked for; add it to an ssh-agent"
                .to_owned(),
        ),
        Err(e) => Err(format!("not a usable private key: {e}")),
    }
}

impl TunnelEnd for Monitor {
    fn done(&self) -> watch::Receiver<bool> {
        self.done.subscribe()
    }

    /// Whether an end of stream deserves an error: the command complained
    /// or failed.
    fn failed(&self) -> bool {
        let state = self.state.lock().expect("ssh monitor lock");
        !state.stderr.is_empty() || state.exit_status.is_some_and(|s| s != 0)
    }

    /// `the remote command exited with status 127: <stderr>`, or what is
    /// known.
    fn describe(&self) -> String {
        let mut text = match self.exit_status() {
            Some(status) => format!("the remote command exited with status {status}"),
            None => "the remote command ended without an exit status".to_owned(),
        };
        let stderr = self.stderr();
        if stderr.is_empty() {
            text.push_str(", with nothing on stderr");
        } else {
            text.push_str(": ");
            text.push_str(&stderr);
        }
        text
    }
}

/// The SSH connection: the channel's data as a byte stream. The session
/// lives as long as this stream.
pub(crate) struct SshStream {
    /// Data that arrived before the exec request was answered.
    prefix: Vec<u8>,
    inner: ChannelStream<Msg>,
    /// Reports a failed end with the remote command's status and stderr.
    end: EndWatch<Monitor>,
    _session: Handle<SessionHandler>,
}

/// Opens the connection of `plan`: TCP, key exchange and host key check,
/// authentication, the session channel and the remote command. `agent` is
/// the ssh-agent socket (else `SSH_AUTH_SOCK` is read).
pub(crate) async fn connect(
    plan: &Plan,
    agent: Option<&Path>,
    credentials: Option<Arc<dyn CredentialProvider>>,
) -> Result<(SshStream, Arc<Monitor>)> {
    let monitor = Arc::new(Monitor {
        host: plan.host.clone(),
        port: plan.port,
        user: plan.user.clone(),
        remote_programs: plan.remote.programs.clone(),
        state: Mutex::new(State::default()),
        done: watch::Sender::new(false),
    });
    // A named key that cannot be used fails before anything is sent.
    let key = match (&plan.keyfile, plan.methods.contains(&AuthMethod::PrivKey)) {
        (Some(path), true) => Some(load_key(path).map_err(|reason| {
            monitor.error(
                ErrorKind::Auth,
                SshFailureKind::KeyFile {
                    path: path.clone(),
                    reason: reason.clone(),
                },
                format!("cannot use the SSH key {}: {reason}", path.display()),
            )
        })?),
        _ => None,
    };
    let tcp = transport::tcp(&plan.host, plan.port).await?;
    let config = client::Config {
        nodelay: true,
        ..client::Config::default()
    };
    let handler = SessionHandler {
        host: plan.host.clone(),
        port: plan.port,
        known_hosts: plan.known_hosts.clone(),
        verify: plan.verify,
        monitor: monitor.clone(),
    };
    let mut session = client::connect_stream(Arc::new(config), tcp, handler)
        .await
        .map_err(|e| match e {
            HandlerError::HostKey(kind, message) => monitor.error(ErrorKind::Auth, kind, message),
            HandlerError::Russh(e) => protocol_error(&monitor, "key exchange", &e),
        })?;
    authenticate(
        &mut session,
        plan,
        key,
        agent,
        credentials.as_ref(),
        &monitor,
    )
    .await?;
    let mut channel = session
        .channel_open_session()
        .await
        .map_err(|e| protocol_error(&monitor, "opening a session channel", &e))?;
    tracing::debug!(command = %plan.remote.command, "exec");
    channel
        .exec(true, plan.remote.command.as_str())
        .await
        .map_err(|e| protocol_error(&monitor, "running the remote command", &e))?;
    let mut prefix = Vec::new();
    loop {
        match channel.wait().await {
            Some(ChannelMsg::Success) => break,
            Some(ChannelMsg::Data { data }) => prefix.extend_from_slice(&data),
            Some(ChannelMsg::Failure) => {
                return Err(monitor.error(
                    ErrorKind::Connection,
                    SshFailureKind::Protocol {
                        reason: "exec refused".to_owned(),
                    },
                    format!(
                        "{}:{} refused to run the remote command",
                        plan.host, plan.port
                    ),
                ));
            }
            Some(ChannelMsg::Close) | None => {
                monitor.update(|state| state.closed = true);
                let cause = Error::new(ErrorKind::Connection, "the channel closed");
                return Err(monitor.handshake_failure(cause).await);
            }
            Some(_) => {}
        }
    }
    let stream = SshStream {
        prefix,
        inner: channel.into_stream(),
        end: EndWatch::new(monitor.clone(), "end of the SSH channel:"),
        _session: session,
    };
    Ok((stream, monitor))
}

/// An SSH-level failure as an error.
fn protocol_error(monitor: &Monitor, during: &str, e: &russh::Error) -> Error {
    monitor.error(
        ErrorKind::Connection,
        SshFailureKind::Protocol {
            reason: e.to_string(),
        },
        format!(
            "SSH to {}:{} failed during {during}: {e}",
            monitor.host, monitor.port
        ),
    )
}

/// Asks the credential callback on tokio's blocking pool: it may prompt a
/// person or query a secrets store.
async fn ask(
    provider: Option<&Arc<dyn CredentialProvider>>,
    request: CredentialRequest,
) -> Option<String> {
    let provider = provider?.clone();
    tokio::task::spawn_blocking(move || provider.credential(&request))
        .await
        .ok()
        .flatten()
}

/// Tries `plan.methods` in order until one succeeds.
async fn authenticate(
    session: &mut Handle<SessionHandler>,
    plan: &Plan,
    key: Option<PrivateKey>,
    agent: Option<&Path>,
    credentials: Option<&Arc<dyn CredentialProvider>>,
    monitor: &Monitor,
) -> Result<()> {
    let user = plan.user.as_str();
    let mut key = key.map(Arc::new);
    let mut tried = Vec::new();
    let auth_error = |e: &dyn std::fmt::Display| {
        monitor.error(
            ErrorKind::Connection,
            SshFailureKind::Protocol {
                reason: e.to_string(),
            },
            format!(
                "SSH to {}:{} failed during authentication: {e}",
                plan.host, plan.port
            ),
        )
    };
    for method in &plan.methods {
        match method {
            AuthMethod::Agent => {
                let socket = agent
                    .map(Path::to_path_buf)
                    .or_else(|| std::env::var_os("SSH_AUTH_SOCK").map(PathBuf::from));
                let Some(socket) = socket else {
                    tried.push("agent: no SSH_AUTH_SOCK".to_owned());
                    continue;
                };
                let mut client =
                    match russh::keys::agent::client::AgentClient::connect_uds(&socket).await {
                        Ok(client) => client,
                        Err(e) => {
                            tried.push(format!("agent {}: {e}", socket.display()));
                            continue;
                        }
                    };
                let identities = match client.request_identities().await {
                    Ok(ids) => ids,
                    Err(e) => {
                        tried.push(format!("agent {}: {e}", socket.display()));
                        continue;
                    }
                };
                if identities.is_empty() {
                    tried.push(format!("agent {}: no keys", socket.display()));
                    continue;
                }
                let (count, mut sign_errors) = (identities.len(), Vec::new());
                for identity in identities {
                    let public = identity.public_key().into_owned();
                    let hash = rsa_hash(session, &public)
                        .await
                        .map_err(|e| auth_error(&e))?;
                    let result = session
                        .authenticate_publickey_with(user, public, hash, &mut client)
                        .await;
                    match result {
                        Ok(r) if r.success() => return Ok(()),
                        Ok(_) => {}
                        Err(e) => sign_errors.push(e.to_string()),
                    }
                }
                let mut outcome = format!("agent {}: {count} key(s) refused", socket.display());
                if !sign_errors.is_empty() {
                    outcome.push_str(&format!(" (signing failed: {})", sign_errors.join(", ")));
                }
                tried.push(outcome);
            }
            AuthMethod::PrivKey => {
                let (Some(path), Some(private)) = (&plan.keyfile, key.take()) else {
                    continue;
                };
                let hash = rsa_hash(session, private.public_key())
                    .await
                    .map_err(|e| auth_error(&e))?;
                let with_hash = PrivateKeyWithHashAlg::new(private, hash);
                let result = session
                    .authenticate_publickey(user, with_hash)
                    .await
                    .map_err(|e| auth_error(&e))?;
                if result.success() {
                    return Ok(());
                }
                tried.push(format!("privkey {}: refused", path.display()));
            }
            AuthMethod::Password => {
                // As libvirt: the password comes from the caller's
                // credential callback (`ConnectOptions::credentials`).
                let request = CredentialRequest {
                    kind: CredentialType::Passphrase,
                    prompt: format!("{user}@{}'s password", plan.host),
                    host: plan.host.clone(),
                    default: None,
                };
                let Some(password) = ask(credentials, request).await else {
                    tried.push("password: no credential given".to_owned());
                    continue;
                };
                let result = session
                    .authenticate_password(user, password)
                    .await
                    .map_err(|e| auth_error(&e))?;
                if result.success() {
                    return Ok(());
                }
                tried.push("password: refused".to_owned());
            }
            AuthMethod::KeyboardInteractive => {
                let Some(provider) = credentials else {
                    tried.push("keyboard-interactive: no credential callback".to_owned());
                    continue;
                };
                let mut reply = session
                    .authenticate_keyboard_interactive_start(user, None)
                    .await
                    .map_err(|e| auth_error(&e))?;
                // Each round of prompts is answered through the callback:
                // hidden prompts as passphrases, echoed ones as names.
                let mut rounds = 0;
                let outcome = loop {
                    match reply {
                        KeyboardInteractiveAuthResponse::Success => return Ok(()),
                        KeyboardInteractiveAuthResponse::Failure { .. } => break "refused",
                        KeyboardInteractiveAuthResponse::InfoRequest { prompts, .. } => {
                            rounds += 1;
                            if rounds > 8 {
                                break "too many rounds of prompts";
                            }
                            let mut answers = Vec::with_capacity(prompts.len());
                            for p in &prompts {
                                let kind = if p.echo {
                                    CredentialType::Authname
                                } else {
                                    CredentialType::Passphrase
                                };
                                let request = CredentialRequest {
                                    kind,
                                    prompt: p.prompt.clone(),
                                    host: plan.host.clone(),
                                    default: None,
                                };
                                match ask(Some(provider), request).await {
                                    Some(answer) => answers.push(answer),
                                    None => break,
                                }
                            }
                            if answers.len() < prompts.len() {
                                break "a prompt got no answer";
                            }
                            reply = session
                                .authenticate_keyboard_interactive_respond(answers)
                                .await
                                .map_err(|e| auth_error(&e))?;
                        }
                    }
                };
                tried.push(format!("keyboard-interactive: {outcome}"));
            }
        }
    }
    Err(monitor.error(
        ErrorKind::Auth,
        SshFailureKind::AuthFailed {
            tried: tried.clone(),
        },
        format!(
            "SSH authentication as {user} to {}:{} failed; tried {}",
            plan.host,
            plan.port,
            if tried.is_empty() {
                "nothing".to_owned()
            } else {
                tried.join("; ")
            }
        ),
    ))
}

/// The signature hash for an RSA key (the best the server offers); `None`
/// for other keys.
async fn rsa_hash(
    session: &Handle<SessionHandler>,
    key: &PublicKey,
) -> std::result::Result<Option<HashAlg>, russh::Error> {
    if key.algorithm().is_rsa() {
        Ok(session.best_supported_rsa_hash().await?.flatten())
    } else {
        Ok(None)
    }
}

impl AsyncRead for SshStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if !this.prefix.is_empty() {
            let n = this.prefix.len().min(buf.remaining());
            buf.put_slice(&this.prefix[..n]);
            this.prefix.drain(..n);
            return Poll::Ready(Ok(()));
        }
        this.end.poll_read(&mut this.inner, cx, buf)
    }
}

impl AsyncWrite for SshStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
#[path = "ssh_inproc_tests.rs"]
mod tests;
