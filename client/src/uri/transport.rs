//! [`Transport`]: how the remote driver reaches the daemon, and the split of
//! a scheme into driver and transport (`remoteSplitURIScheme`,
//! `src/remote/remote_sockets.c:67-120`).

use std::fmt;
use std::str::FromStr;

use super::error::UriError;

/// The TCP port of the daemon's plain TCP listener (`LIBVIRTD_TCP_PORT`).
pub const LIBVIRTD_TCP_PORT: u16 = 16509;

/// The TCP port of the daemon's TLS listener (`LIBVIRTD_TLS_PORT`).
pub const LIBVIRTD_TLS_PORT: u16 = 16514;

/// A remote-driver transport, the `+transport` part of `driver+transport://`
/// (`remoteDriverTransport`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Transport {
    /// A local UNIX socket (`unix`).
    Unix,
    /// Plain TCP, default port 16509 (`tcp`).
    Tcp,
    /// TLS over TCP, default port 16514 (`tls`).
    Tls,
    /// The system `ssh` binary running a proxy on the remote host (`ssh`).
    Ssh,
    /// In-process SSH with libssh (`libssh`).
    Libssh,
    /// In-process SSH with libssh2 (`libssh2`).
    Libssh2,
    /// An external program given by `command=` (`ext`).
    Ext,
}

impl Transport {
    /// Every transport, in libvirt's `remoteDriverTransport` order.
    pub const ALL: &'static [Transport] = &[
        Self::Tls,
        Self::Unix,
        Self::Ssh,
        Self::Libssh2,
        Self::Ext,
        Self::Tcp,
        Self::Libssh,
    ];

    /// libvirt's name for the transport (`tls`, `unix`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unix => "unix",
            Self::Tcp => "tcp",
            Self::Tls => "tls",
            Self::Ssh => "ssh",
            Self::Libssh => "libssh",
            Self::Libssh2 => "libssh2",
            Self::Ext => "ext",
        }
    }

    /// The port used when the URI names none: 16514 for TLS, 16509 for TCP,
    /// `None` for the others (ssh picks its own default).
    pub fn default_port(self) -> Option<u16> {
        match self {
            Self::Tls => Some(LIBVIRTD_TLS_PORT),
            Self::Tcp => Some(LIBVIRTD_TCP_PORT),
            _ => None,
        }
    }

    /// Whether this is one of the SSH transports (`ssh`, `libssh`, `libssh2`).
    pub fn is_ssh(self) -> bool {
        matches!(self, Self::Ssh | Self::Libssh | Self::Libssh2)
    }

    /// Whether the transport needs a daemon socket path (`unix` and the SSH
    /// transports, which hand the path to the remote proxy).
    pub fn uses_unix_socket(self) -> bool {
        self == Self::Unix || self.is_ssh()
    }

    /// The transport libvirt picks when the scheme has none: TLS if the URI
    /// names a host, else the UNIX socket.
    pub fn implied(has_host: bool) -> Self {
        if has_host { Self::Tls } else { Self::Unix }
    }
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Transport {
    type Err = UriError;

    /// Parses a transport name, ignoring ASCII case as libvirt does.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UriError::UnknownTransport {
                transport: s.to_owned(),
            })
    }
}

/// Splits `scheme` into the driver name and the transport, applying
/// libvirt's defaults and its one consistency check (no host with `unix`).
pub(crate) fn split_scheme(
    scheme: &str,
    host: Option<&str>,
) -> Result<(String, Transport), UriError> {
    let Some((driver, transport)) = scheme.split_once('+') else {
        return Ok((scheme.to_owned(), Transport::implied(host.is_some())));
    };
    let transport: Transport = transport.parse()?;
    if let (Transport::Unix, Some(host)) = (transport, host) {
        return Err(UriError::UnixWithHost {
            host: host.to_owned(),
        });
    }
    Ok((driver.to_owned(), transport))
}
