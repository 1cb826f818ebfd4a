//! [`UriError`]: everything that can be wrong with a connection URI, its
//! parameters, or the client configuration used to resolve it.

use std::fmt;

use super::Transport;

/// Why a connection URI (or the configuration around it) was rejected.
///
/// Each variant names one problem; where libvirt reports the same problem,
/// the [`Display`](fmt::Display) text follows libvirt's message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UriError {
    /// The URI has no `driver:` scheme (`/system`, `//host/system`, `qemu`).
    MissingScheme {
        /// The URI as given.
        uri: String,
    },
    /// The text before the first `:` is not an RFC 3986 scheme (it must
    /// start with a letter and hold only letters, digits, `+`, `-`, `.`).
    BadScheme {
        /// The offending scheme.
        scheme: String,
    },
    /// A character that is not allowed where it appears (for example a space,
    /// a non-ASCII character, or a second `#`).
    InvalidCharacter {
        /// The URI as given.
        uri: String,
        /// Byte offset of the character in `uri`.
        position: usize,
        /// The character.
        character: char,
    },
    /// A `%` not followed by two hexadecimal digits.
    BadPercentEscape {
        /// The URI as given.
        uri: String,
        /// Byte offset of the `%` in `uri`.
        position: usize,
    },
    /// The port is empty, not a number, or out of range.
    BadPort {
        /// The URI as given.
        uri: String,
        /// The port text.
        port: String,
    },
    /// An IPv6 literal host (`[...]`) has no closing `]`.
    UnterminatedIpv6Host {
        /// The URI as given.
        uri: String,
    },
    /// A percent-decoded component is not valid UTF-8.
    InvalidUtf8 {
        /// The URI as given.
        uri: String,
        /// Which component (`"user"`, `"host"`, `"path"`, `"fragment"`,
        /// `"parameter"`).
        component: &'static str,
    },
    /// The `+transport` part of the scheme is not one of libvirt's transports.
    UnknownTransport {
        /// The transport as written.
        transport: String,
    },
    /// `driver+unix://host/...`: the unix transport cannot reach a host.
    UnixWithHost {
        /// The host named in the URI.
        host: String,
    },
    /// `qemu://system` (a driver that needs a path, with `system` or
    /// `session` as the host): libvirt refuses it and suggests `qemu:///system`.
    MissingSlash {
        /// The URI as given.
        uri: String,
        /// The URI libvirt suggests instead.
        suggestion: String,
    },
    /// `mode=` (or `remote_mode` in libvirt.conf) is not `auto`, `legacy`
    /// or `direct`.
    UnknownMode {
        /// The value given.
        value: String,
    },
    /// `proxy=` (or `remote_proxy` in libvirt.conf) is not `auto`, `netcat`
    /// or `native`.
    UnknownProxy {
        /// The value given.
        value: String,
    },
    /// `auth=` is not `sasl`, `sasl.MECHANISM` or `polkit`.
    UnknownAuth {
        /// The value given.
        value: String,
    },
    /// `known_hosts_verify=` is not `normal`, `auto` or `ignore`.
    UnknownKnownHostsVerify {
        /// The value given.
        value: String,
    },
    /// A parameter that must be an integer (`no_verify`, `no_tty`,
    /// `no_sanity`) is not one.
    BadParameterValue {
        /// The parameter name as written.
        name: String,
        /// The value given.
        value: String,
    },
    /// The `ext` transport needs a `command=` parameter.
    MissingCommand,
    /// `mode=direct` was asked for a transport that does not reach a local
    /// UNIX socket (ssh, libssh, libssh2).
    DirectModeUnsupported {
        /// The transport of the URI.
        transport: Transport,
    },
    /// No URI was given and no daemon socket could be found to probe.
    NoDaemonSocket,
    /// The client configuration file could not be read or parsed.
    Config {
        /// The file (or a description of the text) that was parsed.
        path: String,
        /// The 1-based line of a syntax error, if known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A configuration setting has the wrong type.
    ConfigType {
        /// The file the setting came from.
        path: String,
        /// The setting name.
        key: String,
        /// What was expected (`"a string"`, `"a string list"`).
        expected: &'static str,
    },
    /// A `uri_aliases` entry is malformed.
    MalformedAlias {
        /// The entry as written.
        entry: String,
        /// Whether the `=` is missing (otherwise the alias name holds
        /// characters outside `a-Z, 0-9, _, -`).
        missing_equals: bool,
    },
    /// An admin URI carries a parameter other than `socket`.
    UnknownAdminParameter {
        /// The parameter name.
        name: String,
    },
    /// An admin URI whose scheme is neither `libvirtd` nor `virt...`.
    UnsupportedAdminScheme {
        /// The scheme, if any.
        scheme: Option<String>,
    },
    /// An admin URI whose path is neither `/system` nor `/session`.
    InvalidAdminPath {
        /// The path as parsed.
        path: String,
    },
}

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingScheme { uri } => {
                write!(f, "URI '{uri}' does not include a driver name")
            }
            Self::BadScheme { scheme } => write!(f, "invalid URI scheme '{scheme}'"),
            Self::InvalidCharacter {
                uri,
                position,
                character,
            } => write!(
                f,
                "Unable to parse URI {uri}: unexpected character {character:?} at offset {position}"
            ),
            Self::BadPercentEscape { uri, position } => write!(
                f,
                "Unable to parse URI {uri}: bad percent-escape at offset {position}"
            ),
            Self::BadPort { uri, port } => {
                write!(f, "Unable to parse URI {uri}: bad port '{port}'")
            }
            Self::UnterminatedIpv6Host { uri } => {
                write!(f, "Unable to parse URI {uri}: unterminated IPv6 host")
            }
            Self::InvalidUtf8 { uri, component } => {
                write!(f, "URI {uri}: the decoded {component} is not valid UTF-8")
            }
            Self::UnknownTransport { transport } => write!(
                f,
                "remote_open: transport in URL not recognised \
                 (should be tls|unix|ssh|ext|tcp|libssh2|libssh): '{transport}'"
            ),
            Self::UnixWithHost { host } => write!(
                f,
                "using unix socket and remote server '{host}' is not supported."
            ),
            Self::MissingSlash { uri, suggestion } => {
                write!(f, "invalid URI {uri} (maybe you want {suggestion})")
            }
            Self::UnknownMode { value } => write!(f, "Unknown remote mode '{value}'"),
            Self::UnknownProxy { value } => write!(f, "Unknown proxy type '{value}'"),
            Self::UnknownAuth { value } => write!(f, "unknown authentication type {value}"),
            Self::UnknownKnownHostsVerify { value } => {
                write!(f, "Invalid host key verification method: '{value}'")
            }
            Self::BadParameterValue { name, value } => write!(
                f,
                "Failed to parse value of URI component {name} ('{value}' is not an integer)"
            ),
            Self::MissingCommand => {
                f.write_str("remote_open: for 'ext' transport, command is required")
            }
            Self::DirectModeUnsupported { transport } => {
                write!(f, "Cannot use direct socket mode for {transport} transport")
            }
            Self::NoDaemonSocket => f.write_str(
                "No URI is provided and cannot identify any listening daemon socket path \
                 to attempt to connect to",
            ),
            Self::Config {
                path,
                line: Some(line),
                message,
            } => write!(f, "{path}:{line}: {message}"),
            Self::Config {
                path,
                line: None,
                message,
            } => write!(f, "{path}: {message}"),
            Self::ConfigType {
                path,
                key,
                expected,
            } => write!(f, "{path}: expected {expected} for '{key}' parameter"),
            Self::MalformedAlias {
                entry,
                missing_equals: true,
            } => write!(
                f,
                "Malformed 'uri_aliases' config entry '{entry}', expected 'alias=uri://host/path'"
            ),
            Self::MalformedAlias {
                entry,
                missing_equals: false,
            } => write!(
                f,
                "Malformed 'uri_aliases' config entry '{entry}', \
                 aliases may only contain 'a-Z, 0-9, _, -'"
            ),
            Self::UnknownAdminParameter { name } => write!(f, "Unknown URI parameter '{name}'"),
            Self::UnsupportedAdminScheme { scheme: None } => f.write_str("No URI scheme specified"),
            Self::UnsupportedAdminScheme {
                scheme: Some(scheme),
            } => write!(f, "Unsupported URI scheme '{scheme}'"),
            Self::InvalidAdminPath { path } => {
                write!(f, "Invalid URI path '{path}', try '/system'")
            }
        }
    }
}

impl std::error::Error for UriError {}
