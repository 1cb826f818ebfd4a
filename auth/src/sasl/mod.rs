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
//! Credentials come, as in libvirt, first from the auth file
//! ([`AuthConfig`], libvirt's `auth.conf`) and then from the caller's
//! [`CredentialProvider`]; the URI's user name is the default authname.
//! No credential ever reaches a log or an error message.

mod config;
mod credentials;
mod error;
mod session;

pub use config::{AuthConfig, auth_file_path};
pub use credentials::{CredentialProvider, CredentialRequest, CredentialType, Credentials};
pub use error::SaslError;
pub use session::{CredentialSources, SUPPORTED_MECHANISMS, SaslNext, SaslSession, SaslStart};

#[cfg(test)]
mod tests;
