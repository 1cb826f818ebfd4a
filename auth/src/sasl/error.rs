//! [`SaslError`]: why SASL authentication could not go on. Messages name
//! mechanisms, files and credential types, never credential values.

use std::fmt;
use std::path::PathBuf;

/// A SASL step that failed on this side.
#[derive(Debug)]
#[non_exhaustive]
pub enum SaslError {
    /// `auth=sasl.MECH` asked for a mechanism the daemon does not offer.
    NotOffered {
        /// The mechanism asked for.
        wanted: String,
        /// The daemon's list.
        offered: String,
    },
    /// No mechanism the daemon offers is one this client has.
    NoCommonMechanism {
        /// The daemon's list.
        offered: String,
    },
    /// The mechanism has no security layer, and the channel is plain TCP,
    /// where libvirt requires one of SSF 56 or more.
    NoSecurityLayer {
        /// The mechanism that would have been used.
        mechanism: String,
    },
    /// A credential the mechanism needs came from neither the auth file
    /// nor the credential provider.
    MissingCredential(super::CredentialType),
    /// The mechanism refused a message, or the daemon's proof failed (a
    /// SCRAM server signature that does not match: the daemon does not
    /// know the password, or something tampered with the exchange).
    Mechanism {
        /// The mechanism.
        mechanism: String,
        /// What went wrong.
        reason: String,
    },
    /// The daemon said it was done before the mechanism was (or the
    /// reverse, with nothing left to send).
    OutOfStep(&'static str),
    /// A message longer than the protocol's 65 536 bytes.
    TooLong(usize),
    /// The mechanism negotiated a security layer weaker than libvirt's
    /// minimum for plain TCP (SSF 56).
    WeakSecurityLayer {
        /// The mechanism.
        mechanism: String,
        /// The SSF negotiated.
        ssf: u32,
    },
    /// The security layer could not wrap or unwrap data (a damaged or
    /// forged packet, or a failure inside the SASL library).
    Layer(String),
    /// The SASL library failed outside a mechanism step (initialisation,
    /// a connection context, a property).
    Library(String),
    /// The auth file cannot be read or parsed.
    AuthFile {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line when there is one.
        reason: String,
    },
}

impl fmt::Display for SaslError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotOffered { wanted, offered } => write!(
                f,
                "SASL mechanism {wanted} not supported by the daemon (it offers {offered})"
            ),
            Self::NoCommonMechanism { offered } => write!(
                f,
                "none of the daemon's SASL mechanisms ({offered}) is supported by this client \
                 (it has {})",
                supported()
            ),
            Self::NoSecurityLayer { mechanism } => write!(
                f,
                "SASL mechanism {mechanism} has no security layer, and libvirt requires one \
                 (SSF of at least 56) on a plain TCP connection: use TLS, SSH or a unix socket"
            ),
            Self::MissingCredential(kind) => write!(
                f,
                "SASL needs a credential ({kind}) that neither the auth file nor the \
                 credential provider gave"
            ),
            Self::Mechanism { mechanism, reason } => write!(f, "SASL {mechanism}: {reason}"),
            Self::OutOfStep(what) => write!(f, "SASL exchange out of step: {what}"),
            Self::TooLong(n) => write!(
                f,
                "SASL message of {n} bytes is longer than the protocol's 65536"
            ),
            Self::WeakSecurityLayer { mechanism, ssf } => write!(
                f,
                "SASL {mechanism} negotiated a security layer of SSF {ssf}, below the \
                 {} libvirt requires on a plain TCP connection",
                super::MIN_TCP_SSF
            ),
            Self::Layer(reason) => write!(f, "SASL security layer: {reason}"),
            Self::Library(reason) => write!(f, "SASL library: {reason}"),
            Self::AuthFile { path, reason } => {
                write!(f, "auth file {}: {reason}", path.display())
            }
        }
    }
}

impl std::error::Error for SaslError {}

/// Every mechanism this build has, for messages.
fn supported() -> String {
    #[cfg(feature = "cyrus")]
    let list = [super::SUPPORTED_MECHANISMS, super::CYRUS_MECHANISMS].concat();
    #[cfg(not(feature = "cyrus"))]
    let list = super::SUPPORTED_MECHANISMS.to_vec();
    list.join(", ")
}
