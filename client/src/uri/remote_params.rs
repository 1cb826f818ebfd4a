//! [`RemoteParams`]: the query parameters the remote driver consumes itself
//! (`doRemoteOpenExtractURIArgs`, `src/remote/remote_driver.c:804-860`), typed.

use std::fmt;
use std::str::FromStr;

use super::connect_uri::ConnectUri;
use super::error::UriError;
use super::params::UriParam;
use super::transport::Transport;

/// Names of the parameters the remote driver strips from the URI before
/// sending it to the daemon (matched ignoring ASCII case).
pub const REMOTE_PARAM_NAMES: &[&str] = &[
    "name",
    "command",
    "socket",
    "auth",
    "sshauth",
    "netcat",
    "keyfile",
    "pkipath",
    "known_hosts",
    "known_hosts_verify",
    "tls_priority",
    "mode",
    "proxy",
    "no_sanity",
    "no_verify",
    "no_tty",
    "authfile",
];

/// Which daemon a local socket connection targets (`mode=`,
/// `remoteDriverMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RemoteMode {
    /// Use the per-driver daemon's socket if it exists, else libvirtd's.
    #[default]
    Auto,
    /// Always use the monolithic daemon's socket (`libvirt-sock`, served by
    /// libvirtd or virtproxyd).
    Legacy,
    /// Always use the per-driver daemon's socket (`virtqemud-sock`, ...).
    Direct,
}

/// Which program the SSH transports run on the remote host (`proxy=`,
/// `virNetClientProxy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ProxyMode {
    /// `virt-ssh-helper` if installed, else netcat.
    #[default]
    Auto,
    /// Only netcat (`nc -U socket`).
    Netcat,
    /// Only `virt-ssh-helper`.
    Native,
}

/// The authentication type forced with `auth=`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AuthType {
    /// `auth=sasl` or `auth=sasl.MECHANISM`.
    Sasl {
        /// The SASL mechanism after `sasl.` (for example `digest-md5`), as
        /// written; `None` lets SASL choose.
        mechanism: Option<String>,
    },
    /// `auth=polkit`.
    Polkit,
}

/// Host key checking of the libssh/libssh2 transports (`known_hosts_verify=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum KnownHostsVerify {
    /// Ask before accepting a new host key (virtwire never asks: an
    /// unknown host fails).
    #[default]
    Normal,
    /// Accept new host keys, still check known ones.
    Auto,
    /// Do not check host keys.
    Ignore,
}

/// The remote driver's own URI parameters, typed, and the others kept as
/// driver parameters.
///
/// A repeated parameter takes its last value, except `authfile`, which
/// takes the first one spelled exactly `authfile` (as libvirt's auth-file
/// lookup does). Values libvirt checks on every open are checked here:
/// `mode`, `proxy`, `auth`, and the integers `no_verify`, `no_tty`,
/// `no_sanity` (non-zero means true). `known_hosts_verify` is only checked
/// for the libssh/libssh2 transports, which are the only ones reading it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RemoteParams {
    /// `name=`: the CONNECT_OPEN name, overriding the one built from the URI.
    pub name: Option<String>,
    /// `command=`: the ssh binary (ssh) or the program to run (ext).
    pub command: Option<String>,
    /// `socket=`: the daemon's UNIX socket path (local for unix, remote for
    /// the SSH transports, where it forces the netcat proxy).
    pub socket: Option<String>,
    /// `auth=`: the authentication type to insist on.
    pub auth: Option<AuthType>,
    /// `authfile=`: the client auth file with credentials.
    pub authfile: Option<String>,
    /// `sshauth=`: comma-separated libssh/libssh2 methods
    /// (`agent,privkey,password,keyboard-interactive`).
    pub sshauth: Option<String>,
    /// `netcat=`: the netcat binary on the remote host.
    pub netcat: Option<String>,
    /// `keyfile=`: the SSH private key.
    pub keyfile: Option<String>,
    /// `pkipath=`: the directory with `cacert.pem`, `clientcert.pem`,
    /// `clientkey.pem`.
    pub pkipath: Option<String>,
    /// `known_hosts=`: the known_hosts file (libssh/libssh2).
    pub known_hosts: Option<String>,
    /// `known_hosts_verify=` (libssh/libssh2).
    pub known_hosts_verify: Option<KnownHostsVerify>,
    /// `tls_priority=`: the GnuTLS priority string.
    pub tls_priority: Option<String>,
    /// `mode=`; `None` means `remote_mode` from libvirt.conf, else auto.
    pub mode: Option<RemoteMode>,
    /// `proxy=`; `None` means `remote_proxy` from libvirt.conf, else the
    /// default of [`ProxyMode::resolve`].
    pub proxy: Option<ProxyMode>,
    /// `no_sanity=`: skip the checks of the client's own certificates.
    pub no_sanity: bool,
    /// `no_verify=`: TLS: do not verify the server certificate; ssh: do not
    /// check the host key strictly; libssh/libssh2 (virtwire's own rule):
    /// `known_hosts_verify=auto` unless that is given.
    pub no_verify: bool,
    /// `no_tty=`: ssh: never prompt (`BatchMode=yes`).
    pub no_tty: bool,
    /// Every other parameter, in order: passed to the daemon in the
    /// CONNECT_OPEN name for the hypervisor driver.
    pub driver_params: Vec<UriParam>,
}

impl RemoteParams {
    /// Extracts and checks the remote driver's parameters of `uri`.
    pub fn from_uri(uri: &ConnectUri) -> Result<Self, UriError> {
        let mut out = Self::default();
        // Like libvirt, keep the last string and check it afterwards.
        let (mut auth, mut mode, mut proxy, mut known_hosts_verify) = (None, None, None, None);
        for p in uri.params() {
            let value = Some(p.value.clone());
            match p.name.to_ascii_lowercase().as_str() {
                "name" => out.name = value,
                "command" => out.command = value,
                "socket" => out.socket = value,
                "auth" => auth = value,
                "sshauth" => out.sshauth = value,
                "netcat" => out.netcat = value,
                "keyfile" => out.keyfile = value,
                "pkipath" => out.pkipath = value,
                "known_hosts" => out.known_hosts = value,
                "known_hosts_verify" => known_hosts_verify = value,
                "tls_priority" => out.tls_priority = value,
                "mode" => mode = value,
                "proxy" => proxy = value,
                "no_sanity" => out.no_sanity = parse_flag(p)?,
                "no_verify" => out.no_verify = parse_flag(p)?,
                "no_tty" => out.no_tty = parse_flag(p)?,
                "authfile" => {
                    if p.name == "authfile" && out.authfile.is_none() {
                        out.authfile = value;
                    }
                }
                _ => out.driver_params.push(p.clone()),
            }
        }
        out.mode = mode.as_deref().map(str::parse).transpose()?;
        out.proxy = proxy.as_deref().map(str::parse).transpose()?;
        out.auth = auth.as_deref().map(str::parse).transpose()?;
        if matches!(uri.transport(), Transport::Libssh | Transport::Libssh2) {
            out.known_hosts_verify = known_hosts_verify.as_deref().map(str::parse).transpose()?;
        }
        if uri.transport() == Transport::Ext && out.command.is_none() {
            return Err(UriError::MissingCommand);
        }
        Ok(out)
    }
}

/// Parses an integer flag the way libvirt's `virStrToLong_i` does (leading
/// white space and a sign allowed, nothing after the digits, must fit an
/// `int`); non-zero means true.
fn parse_flag(p: &UriParam) -> Result<bool, UriError> {
    let bad = || UriError::BadParameterValue {
        name: p.name.clone(),
        value: p.value.clone(),
    };
    let text = p
        .value
        .trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let value: i32 = text
        .strip_prefix('+')
        .unwrap_or(text)
        .parse()
        .map_err(|_| bad())?;
    Ok(value != 0)
}

impl RemoteMode {
    /// libvirt's name for the mode.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Legacy => "legacy",
            Self::Direct => "direct",
        }
    }
}

impl FromStr for RemoteMode {
    type Err = UriError;

    /// Parses `auto`, `legacy` or `direct` (exact case, as libvirt).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(Self::Auto),
            "legacy" => Ok(Self::Legacy),
            "direct" => Ok(Self::Direct),
            _ => Err(UriError::UnknownMode {
                value: s.to_owned(),
            }),
        }
    }
}

impl fmt::Display for RemoteMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ProxyMode {
    /// libvirt's name for the proxy mode.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Netcat => "netcat",
            Self::Native => "native",
        }
    }

    /// The proxy the SSH transports use when neither `proxy=` nor
    /// `remote_proxy` says: netcat when `socket=` is given (virt-ssh-helper
    /// cannot take a path), native for session URIs, else auto
    /// (`remote_driver.c:1040-1045`).
    pub fn resolve(
        uri_value: Option<ProxyMode>,
        config_value: Option<ProxyMode>,
        has_socket: bool,
        session: bool,
    ) -> Self {
        match (uri_value.or(config_value), has_socket, session) {
            (Some(mode), _, _) => mode,
            (None, true, _) => Self::Netcat,
            (None, false, true) => Self::Native,
            (None, false, false) => Self::Auto,
        }
    }
}

impl FromStr for ProxyMode {
    type Err = UriError;

    /// Parses `auto`, `netcat` or `native` (exact case, as libvirt).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(Self::Auto),
            "netcat" => Ok(Self::Netcat),
            "native" => Ok(Self::Native),
            _ => Err(UriError::UnknownProxy {
                value: s.to_owned(),
            }),
        }
    }
}

impl fmt::Display for ProxyMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AuthType {
    type Err = UriError;

    /// Parses `sasl`, `sasl.MECHANISM` or `polkit`, ignoring ASCII case of
    /// the type (`remoteAuthenticate`, `remote_driver.c:3279-3291`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("sasl") {
            return Ok(Self::Sasl { mechanism: None });
        }
        if s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("sasl.")) {
            return Ok(Self::Sasl {
                mechanism: Some(s[5..].to_owned()),
            });
        }
        if s.eq_ignore_ascii_case("polkit") {
            return Ok(Self::Polkit);
        }
        Err(UriError::UnknownAuth {
            value: s.to_owned(),
        })
    }
}

impl FromStr for KnownHostsVerify {
    type Err = UriError;

    /// Parses `normal`, `auto` or `ignore`, ignoring ASCII case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            ("normal", Self::Normal),
            ("auto", Self::Auto),
            ("ignore", Self::Ignore),
        ]
        .into_iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(s))
        .map(|(_, v)| v)
        .ok_or_else(|| UriError::UnknownKnownHostsVerify {
            value: s.to_owned(),
        })
    }
}
