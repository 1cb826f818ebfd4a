//! SASL as libvirt's client runs it (`remoteAuthSASL`), sans I/O: pick a
//! mechanism from the daemon's list, produce each message for
//! `AUTH_SASL_START` and `AUTH_SASL_STEP`, and check the daemon's answers.
//! The caller carries the messages; this module never touches a socket.
//!
//! Mechanisms in pure Rust (with rsasl): SCRAM-SHA-256, SCRAM-SHA-1 and
//! PLAIN, none of which has a security layer, so, like libvirt's client,
//! they are only used on a secure channel (a unix socket, TLS, or SSH);
//! on plain TCP libvirt demands a layer of SSF 56 or more.
//!
//! With the `cyrus` feature, DIGEST-MD5 and GSSAPI come from the system's
//! Cyrus SASL library ([`CyrusSession`]), including their security layer
//! ([`SecurityLayer`]), which is what plain TCP needs.
//!
//! Credentials come, as in libvirt, first from the auth file
//! ([`AuthConfig`], libvirt's `auth.conf`) and then from the caller's
//! [`CredentialProvider`]; the URI's user name is the default authname.
//! No credential ever reaches a log or an error message.

mod config;
mod credentials;
#[cfg(feature = "cyrus")]
mod cyrus;
mod error;
mod layer;
mod session;

pub use config::{AuthConfig, auth_file_path};
pub use credentials::{CredentialProvider, CredentialRequest, CredentialType, Credentials};
#[cfg(feature = "cyrus")]
pub use cyrus::{CYRUS_MECHANISMS, CyrusChannel, CyrusLayer, CyrusSession};
pub use error::SaslError;
pub use layer::{MIN_TCP_SSF, SecurityLayer};
pub use session::{CredentialSources, SUPPORTED_MECHANISMS, SaslNext, SaslSession, SaslStart};

#[cfg(all(test, feature = "cyrus"))]
mod cyrus_tests;
#[cfg(test)]
mod tests;
