//! [`TlsError`]: every way a TLS setup can be wrong, each naming the file
//! or value at fault.

use std::fmt;
use std::path::PathBuf;

/// A TLS configuration that cannot be used.
#[derive(Debug)]
#[non_exhaustive]
pub enum TlsError {
    /// A file libvirt requires is missing (the CA certificate always; the
    /// client key when its certificate is there, and the reverse).
    MissingFile {
        /// What the file is ("CA certificate", "client key", ...).
        role: &'static str,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A file exists but cannot be read.
    Unreadable {
        /// What the file is.
        role: &'static str,
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file is not valid PEM, or holds nothing of the expected kind.
    BadPem {
        /// What the file is.
        role: &'static str,
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A certificate fails libvirt's sanity checks (expired, not yet
    /// valid, not a CA, not for TLS clients); `no_sanity=1` skips them.
    BadCertificate {
        /// The file it came from.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The client certificate and key do not belong together, or rustls
    /// refused them.
    BadIdentity {
        /// The certificate file.
        cert: PathBuf,
        /// The key file.
        key: PathBuf,
        /// rustls's reason.
        reason: String,
    },
    /// `tls_priority` leaves no protocol version this client speaks.
    Priority {
        /// The priority string as given.
        priority: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The host name of the URI is not a valid DNS name or IP address.
    BadHostName(String),
    /// rustls refused the configuration.
    Rustls(rustls::Error),
}

impl fmt::Display for TlsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingFile { role, path } => {
                write!(f, "the {role} {} does not exist", path.display())
            }
            Self::Unreadable { role, path, source } => {
                write!(f, "cannot read the {role} {}: {source}", path.display())
            }
            Self::BadPem { role, path, reason } => {
                write!(f, "the {role} {} is not usable: {reason}", path.display())
            }
            Self::BadCertificate { path, reason } => {
                write!(f, "the certificate {}: {reason}", path.display())
            }
            Self::BadIdentity { cert, key, reason } => write!(
                f,
                "the client certificate {} and key {} cannot be used together: {reason}",
                cert.display(),
                key.display()
            ),
            Self::Priority { priority, reason } => {
                write!(f, "tls_priority {priority:?}: {reason}")
            }
            Self::BadHostName(host) => {
                write!(f, "{host:?} is not a host name TLS can verify")
            }
            Self::Rustls(e) => write!(f, "TLS configuration refused: {e}"),
        }
    }
}

impl std::error::Error for TlsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Unreadable { source, .. } => Some(source),
            Self::Rustls(e) => Some(e),
            _ => None,
        }
    }
}
