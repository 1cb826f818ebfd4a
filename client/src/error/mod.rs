//! The one error type of virtwire.
//!
//! Every fallible operation returns [`Error`]. Its [`ErrorKind`] says what
//! went wrong in broad terms; when the daemon reported the failure, the
//! libvirt error it sent is kept whole in a [`LibvirtError`], with its code
//! and domain as named enums.

pub mod codes;

pub use codes::{ErrorCode, ErrorDomain, ErrorLevel};

use std::fmt;
use virtwire_protocol::conn::{CallError, ConnectionError};
use virtwire_protocol::virnet::MessageError;
use virtwire_protocol::xdr::{DecodeError, EncodeError};

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The daemon (or the hypervisor driver behind it) reported an error;
    /// see [`Error::libvirt`].
    Libvirt,
    /// The connection is closed, could not be made, or failed.
    Connection,
    /// The daemon sent something that breaks the protocol.
    Protocol,
    /// A URI could not be parsed or names something invalid.
    Uri,
    /// An argument is invalid (for example longer than the protocol allows).
    InvalidArgument,
    /// Authentication failed or needs a method this client lacks.
    Auth,
    /// The call did not finish within its timeout.
    Timeout,
    /// The feature is not supported by this client (yet), or not on this
    /// transport.
    Unsupported,
    /// A stream was used after it ended, or out of order.
    Stream,
    /// A local file operation failed (reading or writing a stream's file).
    Io,
    /// TLS could not be set up: a missing, unreadable or bad PEM file, a
    /// server certificate that is not trusted or does not match the host,
    /// or a daemon that refused this client's certificate.
    Tls,
}

/// An error reported by libvirt, as the daemon sent it (`remote_error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibvirtError {
    /// The error code (`virErrorNumber`).
    pub code: ErrorCode,
    /// The subsystem that raised it (`virErrorDomain`).
    pub domain: ErrorDomain,
    /// How severe it is.
    pub level: ErrorLevel,
    /// The human-readable message.
    pub message: String,
    /// Extra information (`str1`).
    pub str1: Option<String>,
    /// Extra information (`str2`).
    pub str2: Option<String>,
    /// Extra information (`str3`).
    pub str3: Option<String>,
    /// Extra information (`int1`).
    pub int1: i32,
    /// Extra information (`int2`).
    pub int2: i32,
}

impl LibvirtError {
    /// Converts the wire form, applying libvirt's client-side remapping of
    /// "unknown procedure" RPC errors to `VIR_ERR_NO_SUPPORT`
    /// (`src/rpc/virnetclientprogram.c`).
    pub fn from_wire(e: &MessageError) -> Self {
        let message = e.message.as_deref().unwrap_or("unknown error").to_owned();
        let mut code = ErrorCode::from_raw(e.code);
        let domain = ErrorDomain::from_raw(e.domain);
        if code == ErrorCode::Rpc
            && matches!(domain, ErrorDomain::Remote | ErrorDomain::Rpc)
            && message.starts_with("unknown procedure")
        {
            code = ErrorCode::NoSupport;
        }
        Self {
            code,
            domain,
            level: ErrorLevel::from_raw(e.level),
            message,
            str1: e.str1.as_deref().map(str::to_owned),
            str2: e.str2.as_deref().map(str::to_owned),
            str3: e.str3.as_deref().map(str::to_owned),
            int1: e.int1,
            int2: e.int2,
        }
    }
}

impl fmt::Display for LibvirtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Why the program behind an `ssh` or `ext` connection failed
/// ([`Error::command_failure`]). Such errors are of kind
/// [`ErrorKind::Connection`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CommandFailure {
    /// The program that was run (`ssh`, or the `command=` of the URI).
    pub program: String,
    /// What happened.
    pub kind: CommandFailureKind,
    /// Its exit status, when it had exited by the time of the report.
    pub status: Option<std::process::ExitStatus>,
    /// The end (at most 8 KiB) of what it wrote to stderr, trimmed.
    pub stderr: String,
}

/// What happened to the program behind an `ssh` or `ext` connection.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CommandFailureKind {
    /// The program does not exist (`command=/nonexistent/ssh`, or no `ssh`
    /// in `PATH`).
    NotFound,
    /// The program exists but could not be started (not executable, ...).
    Spawn,
    /// The remote shell could not find the program that relays to the
    /// daemon: `virt-ssh-helper` (`proxy=native`) or netcat
    /// (`proxy=netcat`, or `auto` without the helper).
    RemoteProgramMissing {
        /// The missing program, as the remote shell named it.
        program: String,
    },
    /// The program closed the connection (or exited) before the handshake
    /// with the daemon completed: a refused login, an unknown host key, no
    /// daemon socket on the far side, ... See [`CommandFailure::stderr`].
    Closed,
}

/// Why an in-process SSH connection (`libssh` and `libssh2` URIs, cargo
/// feature `russh`) could not be made ([`Error::ssh_failure`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SshFailure {
    /// The host as the URI names it.
    pub host: String,
    /// The port connected to.
    pub port: u16,
    /// The user logged in as (the URI's, else `root`, as libvirt).
    pub user: String,
    /// What went wrong.
    pub kind: SshFailureKind,
    /// The end (at most 8 KiB) of what the remote command wrote to stderr,
    /// trimmed; empty when it never ran.
    pub stderr: String,
    /// The remote command's exit status, when the server sent one.
    pub exit_status: Option<u32>,
}

/// What went wrong on an in-process SSH connection.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SshFailureKind {
    /// The server's host key is not in the known_hosts file and
    /// `known_hosts_verify` is `normal`: nothing is asked, the connection
    /// fails. Add the key to the file, or connect once with
    /// `known_hosts_verify=auto`.
    HostKeyUnknown {
        /// The known_hosts file that was searched.
        known_hosts: std::path::PathBuf,
        /// The server key's SHA-256 fingerprint (`SHA256:...`).
        fingerprint: String,
    },
    /// The known_hosts file has a different key of the same type for this
    /// host: possibly a man-in-the-middle attack.
    HostKeyMismatch {
        /// The known_hosts file.
        known_hosts: std::path::PathBuf,
        /// The line of the recorded key.
        line: usize,
        /// The key the server offered (`SHA256:...`).
        fingerprint: String,
    },
    /// The known_hosts file could not be read or written.
    KnownHosts {
        /// The file.
        known_hosts: std::path::PathBuf,
        /// Why.
        reason: String,
    },
    /// A private key (`keyfile=`, or the default `~/.ssh/id_*`) is missing,
    /// unreadable, encrypted, or not a key.
    KeyFile {
        /// The key file.
        path: std::path::PathBuf,
        /// Why it cannot be used.
        reason: String,
    },
    /// Every authentication method of `sshauth=` (or libvirt's default
    /// list) failed.
    AuthFailed {
        /// Each method tried, with what happened (`agent: no SSH_AUTH_SOCK`,
        /// `privkey /root/.ssh/id_ed25519: refused`, ...).
        tried: Vec<String>,
    },
    /// The remote shell could not find the program that relays to the
    /// daemon (`virt-ssh-helper`, or netcat).
    RemoteProgramMissing {
        /// The missing program, as the remote shell named it.
        program: String,
    },
    /// The session or its channel ended before the connection to the
    /// daemon was set up; see [`SshFailure::stderr`] and
    /// [`SshFailure::exit_status`].
    Closed,
    /// The SSH protocol failed (key exchange, channel refused, ...).
    Protocol {
        /// russh's description.
        reason: String,
    },
}

/// An error from virtwire.
pub struct Error(Box<Inner>);

struct Inner {
    kind: ErrorKind,
    message: String,
    libvirt: Option<LibvirtError>,
    connection: Option<ConnectionError>,
    command: Option<CommandFailure>,
    ssh: Option<SshFailure>,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// The result type of virtwire's operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self(Box::new(Inner {
            kind,
            message: message.into(),
            libvirt: None,
            connection: None,
            command: None,
            ssh: None,
            source: None,
        }))
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        self.0.source = Some(Box::new(source));
        self
    }

    /// A failure of the program behind an `ssh` or `ext` connection.
    pub(crate) fn command(failure: CommandFailure, message: impl Into<String>) -> Self {
        let mut error = Self::new(ErrorKind::Connection, message);
        error.0.command = Some(failure);
        error
    }

    /// A failure of an in-process SSH connection.
    #[cfg(feature = "russh")]
    pub(crate) fn ssh(kind: ErrorKind, failure: SshFailure, message: impl Into<String>) -> Self {
        let mut error = Self::new(kind, message);
        error.0.ssh = Some(failure);
        error
    }

    pub(crate) fn libvirt_error(e: LibvirtError) -> Self {
        let mut error = Self::new(ErrorKind::Libvirt, e.message.clone());
        error.0.libvirt = Some(e);
        error
    }

    pub(crate) fn connection(e: ConnectionError) -> Self {
        let mut error = Self::new(ErrorKind::Connection, e.to_string());
        error.0.connection = Some(e);
        error
    }

    pub(crate) fn io(context: &str, e: std::io::Error) -> Self {
        Self::new(ErrorKind::Connection, format!("{context}: {e}")).with_source(e)
    }

    pub(crate) fn tls(e: virtwire_auth::tls::TlsError) -> Self {
        Self::new(ErrorKind::Tls, e.to_string()).with_source(e)
    }

    pub(crate) fn sasl(e: virtwire_auth::sasl::SaslError) -> Self {
        Self::new(ErrorKind::Auth, e.to_string()).with_source(e)
    }

    /// The same error under another kind (a daemon's refusal during
    /// authentication is an authentication error, with its libvirt code).
    pub(crate) fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.0.kind = kind;
        self
    }

    pub(crate) fn uri(e: crate::uri::UriError) -> Self {
        Self::new(ErrorKind::Uri, e.to_string()).with_source(e)
    }

    pub(crate) fn decode(procedure: &str, e: DecodeError) -> Self {
        Self::new(
            ErrorKind::Protocol,
            format!("malformed reply to {procedure}: {e}"),
        )
        .with_source(e)
    }

    pub(crate) fn encode(procedure: &str, e: EncodeError) -> Self {
        Self::new(
            ErrorKind::InvalidArgument,
            format!("cannot encode {procedure}: {e}"),
        )
        .with_source(e)
    }

    pub(crate) fn call(procedure: &str, e: CallError) -> Self {
        match e {
            CallError::Remote(wire) => Self::libvirt_error(LibvirtError::from_wire(&wire)),
            CallError::Closed(c) => Self::connection(c),
            CallError::Decode(d) => Self::decode(procedure, d),
            other => Self::new(ErrorKind::Protocol, format!("{procedure}: {other}")),
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The error libvirt reported, when the daemon reported one.
    pub fn libvirt(&self) -> Option<&LibvirtError> {
        self.0.libvirt.as_ref()
    }

    /// libvirt's error code, when the daemon reported the error.
    pub fn code(&self) -> Option<ErrorCode> {
        self.0.libvirt.as_ref().map(|e| e.code)
    }

    /// libvirt's error domain, when the daemon reported the error.
    pub fn domain(&self) -> Option<ErrorDomain> {
        self.0.libvirt.as_ref().map(|e| e.domain)
    }

    /// Why the connection ended, when that is the error.
    pub fn connection_error(&self) -> Option<&ConnectionError> {
        self.0.connection.as_ref()
    }

    /// What went wrong with the program an `ssh` or `ext` connection runs
    /// (ssh itself, or `command=`), when that is why the connection could
    /// not be made.
    pub fn command_failure(&self) -> Option<&CommandFailure> {
        self.0.command.as_ref()
    }

    /// What went wrong with an in-process SSH connection (`libssh` and
    /// `libssh2` URIs with the `russh` feature), when that is why the
    /// connection could not be made: an unknown or changed host key, a
    /// refused login, a bad key file, a missing remote helper, ...
    pub fn ssh_failure(&self) -> Option<&SshFailure> {
        self.0.ssh.as_ref()
    }

    /// Whether an object the call named does not exist (no such domain,
    /// network, pool, volume, …).
    pub fn is_not_found(&self) -> bool {
        self.code().is_some_and(ErrorCode::is_not_found)
    }

    /// Whether the daemon or driver does not support the operation.
    pub fn is_unsupported(&self) -> bool {
        self.0.kind == ErrorKind::Unsupported || self.code().is_some_and(ErrorCode::is_unsupported)
    }

    /// Whether the connection is closed (or could not be made).
    pub fn is_closed(&self) -> bool {
        self.0.kind == ErrorKind::Connection
    }

    /// Whether the call timed out.
    pub fn is_timeout(&self) -> bool {
        self.0.kind == ErrorKind::Timeout
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Error");
        d.field("kind", &self.0.kind)
            .field("message", &self.0.message);
        if let Some(e) = &self.0.libvirt {
            d.field("code", &e.code).field("domain", &e.domain);
        }
        if let Some(c) = &self.0.command {
            d.field("command", c);
        }
        if let Some(s) = &self.0.ssh {
            d.field("ssh", s);
        }
        if let Some(s) = &self.0.source {
            d.field("source", s);
        }
        d.finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.libvirt {
            Some(e) => write!(f, "{} ({}, {})", e.message, e.code, e.domain),
            None => f.write_str(&self.0.message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source.as_deref().map(|s| s as _)
    }
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod wire_tests;
