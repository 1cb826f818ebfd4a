//! Credentials: libvirt's credential types (`virConnectCredentialType`)
//! and the caller's provider of them.

use std::fmt;
use std::sync::Arc;

/// What a credential is (`VIR_CRED_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CredentialType {
    /// `VIR_CRED_USERNAME`: the identity to act as.
    Username,
    /// `VIR_CRED_AUTHNAME`: the identity to authenticate as.
    Authname,
    /// `VIR_CRED_PASSPHRASE`: a password or passphrase.
    Passphrase,
    /// `VIR_CRED_REALM`: the authentication realm.
    Realm,
}

impl CredentialType {
    /// The key for this credential in libvirt's auth file.
    pub fn auth_file_key(self) -> &'static str {
        match self {
            Self::Username => "username",
            Self::Authname => "authname",
            Self::Passphrase => "password",
            Self::Realm => "realm",
        }
    }
}

impl fmt::Display for CredentialType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Username => "user name",
            Self::Authname => "authentication name",
            Self::Passphrase => "password",
            Self::Realm => "realm",
        })
    }
}

/// A request for one credential, as libvirt's `virConnectCredential`.
#[derive(Debug, Clone)]
pub struct CredentialRequest {
    /// What is asked for.
    pub kind: CredentialType,
    /// A prompt to show a person.
    pub prompt: String,
    /// The host being authenticated to.
    pub host: String,
    /// A suggested answer (the URI's user name for an authname).
    pub default: Option<String>,
}

/// Answers credential requests (libvirt's `virConnectAuthCallbackPtr`): a
/// password prompt, a secrets store, fixed values.
///
/// virtwire calls it on tokio's blocking pool, never on a runtime thread,
/// so it may block: prompt a person, read a vault.
pub trait CredentialProvider: Send + Sync {
    /// The credential, or `None` to decline (authentication then fails
    /// with a missing-credential error).
    fn credential(&self, request: &CredentialRequest) -> Option<String>;
}

impl<F> CredentialProvider for F
where
    F: Fn(&CredentialRequest) -> Option<String> + Send + Sync,
{
    fn credential(&self, request: &CredentialRequest) -> Option<String> {
        self(request)
    }
}

/// Fixed credentials: an authname and a password.
#[derive(Clone)]
pub struct Credentials {
    authname: String,
    password: String,
}

impl Credentials {
    /// Authenticates as `authname` with `password`.
    pub fn new(authname: impl Into<String>, password: impl Into<String>) -> Self {
        Self {
            authname: authname.into(),
            password: password.into(),
        }
    }

    /// As a shareable provider.
    pub fn into_provider(self) -> Arc<dyn CredentialProvider> {
        Arc::new(self)
    }
}

impl fmt::Debug for Credentials {
    // Never the password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("authname", &self.authname)
            .finish_non_exhaustive()
    }
}

impl CredentialProvider for Credentials {
    fn credential(&self, request: &CredentialRequest) -> Option<String> {
        match request.kind {
            CredentialType::Authname | CredentialType::Username => Some(self.authname.clone()),
            CredentialType::Passphrase => Some(self.password.clone()),
            CredentialType::Realm => None,
        }
    }
}
