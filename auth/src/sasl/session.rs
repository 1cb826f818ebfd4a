//! [`SaslSession`]: one SASL exchange with the daemon, driven by the
//! caller's `AUTH_SASL_START`/`AUTH_SASL_STEP` round trips.

use std::sync::{Arc, Mutex};

use rsasl::callback::{CallbackError, Context, Request, SessionCallback, SessionData};
use rsasl::mechanisms::{plain::PLAIN, scram};
use rsasl::prelude::*;
use rsasl::property::{AuthId, Password};

use super::config::AuthConfig;
use super::credentials::{CredentialProvider, CredentialRequest, CredentialType};
use super::error::SaslError;

/// The mechanisms this client has, best first.
pub const SUPPORTED_MECHANISMS: &[&str] = &["SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN"];

static MECHANISMS: &[Mechanism] = &[scram::SCRAM_SHA256, scram::SCRAM_SHA1, PLAIN];

/// `REMOTE_AUTH_SASL_DATA_MAX`.
const DATA_MAX: usize = 65536;

/// Where credentials come from, in libvirt's order.
#[derive(Clone, Default)]
pub struct CredentialSources {
    /// The host authenticated to (the URI's, `localhost` for local ones),
    /// for the auth file's `[auth-libvirt-HOST]` and the provider.
    pub host: String,
    /// The URI's user name: the authname when nothing else gives one.
    pub default_user: Option<String>,
    /// libvirt's auth file, consulted first.
    pub auth_file: Option<AuthConfig>,
    /// The caller's provider, asked for what the file lacks.
    pub provider: Option<Arc<dyn CredentialProvider>>,
}

impl std::fmt::Debug for CredentialSources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CredentialSources")
            .field("host", &self.host)
            .field("default_user", &self.default_user)
            .field("auth_file", &self.auth_file.is_some())
            .field("provider", &self.provider.is_some())
            .finish()
    }
}

/// What `AUTH_SASL_START` carries.
#[derive(Debug)]
pub struct SaslStart {
    /// The chosen mechanism, as the daemon spelled it.
    pub mechanism: String,
    /// The initial response, `None` for the protocol's `nil` (no data,
    /// which differs from empty data).
    pub data: Option<Vec<u8>>,
}

/// The next move after a daemon's answer.
#[derive(Debug, PartialEq, Eq)]
pub enum SaslNext {
    /// Send `AUTH_SASL_STEP` with this data (`None`: nil).
    Step(Option<Vec<u8>>),
    /// Both sides are done: authentication succeeded.
    Done,
}

/// One exchange in progress.
pub struct SaslSession {
    session: Session,
    mechanism: String,
    client_done: bool,
    missing: Arc<Mutex<Option<CredentialType>>>,
}

impl std::fmt::Debug for SaslSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaslSession")
            .field("mechanism", &self.mechanism)
            .field("client_done", &self.client_done)
            .finish_non_exhaustive()
    }
}

impl SaslSession {
    /// Chooses a mechanism from the daemon's comma-separated `offered`
    /// list (or checks `wanted`, from `auth=sasl.MECH`), and makes the
    /// initial response. `secure` is whether the channel is already
    /// protected (unix socket, TLS, SSH); on plain TCP the mechanisms
    /// here, which have no security layer, are refused as libvirt does.
    pub fn start(
        offered: &str,
        wanted: Option<&str>,
        secure: bool,
        credentials: CredentialSources,
    ) -> Result<(Self, SaslStart), SaslError> {
        let list: Vec<&str> = offered
            .split([',', ' '])
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .collect();
        let candidates: Vec<&str> = match wanted {
            Some(w) => match list.iter().find(|m| m.eq_ignore_ascii_case(w)) {
                Some(m) => vec![*m],
                None => {
                    return Err(SaslError::NotOffered {
                        wanted: w.to_owned(),
                        offered: offered.to_owned(),
                    });
                }
            },
            None => list,
        };
        let ours: Vec<&str> = candidates
            .iter()
            .copied()
            .filter(|m| {
                SUPPORTED_MECHANISMS
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(m))
            })
            .collect();
        if ours.is_empty() {
            return Err(SaslError::NoCommonMechanism {
                offered: candidates.join(","),
            });
        }
        let upper: Vec<String> = ours.iter().map(|m| m.to_ascii_uppercase()).collect();
        let names: Vec<&Mechname> = upper
            .iter()
            .filter_map(|m| Mechname::parse(m.as_bytes()).ok())
            .collect();
        if !secure {
            // Every mechanism here has SSF 0.
            let best = SUPPORTED_MECHANISMS
                .iter()
                .find(|s| upper.iter().any(|m| m == *s))
                .copied()
                .unwrap_or("?");
            return Err(SaslError::NoSecurityLayer {
                mechanism: best.to_owned(),
            });
        }

        let missing = Arc::new(Mutex::new(None));
        let callback = Callback {
            sources: credentials,
            missing: missing.clone(),
        };
        let config = SASLConfig::builder()
            .with_registry(Registry::with_mechanisms(MECHANISMS))
            .with_callback(callback)
            .map_err(|e| SaslError::Mechanism {
                mechanism: "SASL".into(),
                reason: e.to_string(),
            })?;
        let session = SASLClient::new(config)
            .start_suggested(names.iter())
            .map_err(|e| SaslError::Mechanism {
                mechanism: upper.join(","),
                reason: e.to_string(),
            })?;
        let chosen = session.get_mechname().as_str().to_owned();
        // Send the name as the daemon spelled it.
        let mechanism = ours
            .iter()
            .find(|m| m.eq_ignore_ascii_case(&chosen))
            .map_or(chosen.clone(), |m| (*m).to_owned());
        let mut this = Self {
            session,
            mechanism: mechanism.clone(),
            client_done: false,
            missing,
        };
        let data = if this.session.are_we_first() {
            this.run(None)?
        } else {
            None
        };
        Ok((this, SaslStart { mechanism, data }))
    }

    /// The mechanism in use.
    pub fn mechanism(&self) -> &str {
        &self.mechanism
    }

    /// Takes the daemon's answer to START or STEP (`complete`, and its
    /// data, `None` for nil) and says what to do next, as libvirt's client
    /// loop does: the client always takes a step on data it has not seen
    /// (so a SCRAM server's final signature is verified), and stops once
    /// the daemon is complete and the mechanism is too.
    pub fn next(&mut self, complete: bool, data: Option<&[u8]>) -> Result<SaslNext, SaslError> {
        if complete && self.client_done {
            return Ok(SaslNext::Done);
        }
        let out = if self.client_done {
            if data.is_some_and(|d| !d.is_empty()) {
                return Err(SaslError::OutOfStep(
                    "the daemon sent data after the mechanism finished",
                ));
            }
            None
        } else {
            self.run(data)?
        };
        if complete {
            if !self.client_done {
                return Err(SaslError::OutOfStep(
                    "the daemon reported success before the mechanism finished",
                ));
            }
            if out.is_some_and(|o| !o.is_empty()) {
                return Err(SaslError::OutOfStep(
                    "the daemon reported success with a message still to send",
                ));
            }
            return Ok(SaslNext::Done);
        }
        Ok(SaslNext::Step(out))
    }

    fn run(&mut self, input: Option<&[u8]>) -> Result<Option<Vec<u8>>, SaslError> {
        if let Some(data) = input {
            if self.mechanism.to_ascii_uppercase().starts_with("SCRAM-") && !scram_shaped(data) {
                return Err(SaslError::Mechanism {
                    mechanism: self.mechanism.clone(),
                    reason: "malformed message from the daemon".into(),
                });
            }
        }
        let mut out = Vec::new();
        // rsasl must not take the caller down with a panic on hostile
        // input either (the check above covers the cases fuzzing found).
        let session = &mut self.session;
        let stepped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            session.step(input, &mut out)
        }))
        .map_err(|_| SaslError::Mechanism {
            mechanism: self.mechanism.clone(),
            reason: "the SASL library failed on the daemon's message".into(),
        })?;
        let state =
            stepped.map_err(
                |e| match self.missing.lock().ok().and_then(|mut m| m.take()) {
                    Some(kind) => SaslError::MissingCredential(kind),
                    None => SaslError::Mechanism {
                        mechanism: self.mechanism.clone(),
                        reason: e.to_string(),
                    },
                },
            )?;
        if out.len() > DATA_MAX {
            return Err(SaslError::TooLong(out.len()));
        }
        Ok(match state {
            State::Running => Some(out),
            State::Finished(sent) => {
                self.client_done = true;
                match sent {
                    MessageSent::Yes => Some(out),
                    MessageSent::No => None,
                }
            }
        })
    }
}

/// Whether a SCRAM server message has the shape rsasl 2.3's parser assumes
/// without checking: each of its first three attributes (`r=`, `s=`, `i=`
/// of server-first; `v=` or `e=` of server-final) at least two bytes long.
/// It slices `attr[0..2]` and panics on anything shorter.
/// Also refuses an iteration count above [`MAX_SCRAM_ITERATIONS`], which
/// would have the client hash for minutes or hours at a daemon's word.
fn scram_shaped(data: &[u8]) -> bool {
    let mut parts = data.split(|&b| b == b',').take(3);
    parts.all(|part| {
        if part.len() < 2 {
            return false;
        }
        match part.strip_prefix(b"i=") {
            Some(count) => std::str::from_utf8(count)
                .ok()
                .and_then(|c| c.parse::<u64>().ok())
                .is_none_or(|c| c <= MAX_SCRAM_ITERATIONS),
            None => true,
        }
    })
}

/// The most PBKDF2 iterations a daemon may ask of SCRAM (Cyrus's default
/// is 4096; RFC 7677 recommends at least that).
const MAX_SCRAM_ITERATIONS: u64 = 1 << 20;

/// Answers rsasl's requests from the credential sources, remembering what
/// it could not answer (rsasl's own error would not say).
struct Callback {
    sources: CredentialSources,
    missing: Arc<Mutex<Option<CredentialType>>>,
}

impl CredentialSources {
    /// One credential in libvirt's order: the auth file, then the
    /// provider (with `prompt`, or a generic one), then the URI's user
    /// name for an authname or user name. Values are never logged.
    pub(crate) fn lookup(&self, kind: CredentialType, prompt: Option<&str>) -> Option<String> {
        if let Some(file) = &self.auth_file {
            match file.lookup(&self.host, kind) {
                Ok(Some(value)) => return Some(value.to_owned()),
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "auth file ignored"),
            }
        }
        let default = match kind {
            CredentialType::Authname | CredentialType::Username => self.default_user.clone(),
            _ => None,
        };
        if let Some(provider) = &self.provider {
            let request = CredentialRequest {
                kind,
                prompt: prompt.map_or_else(
                    || format!("Please enter your {kind} for {}", self.host),
                    str::to_owned,
                ),
                host: self.host.clone(),
                default: default.clone(),
            };
            if let Some(value) = provider.credential(&request) {
                return Some(value);
            }
        }
        default
    }
}

impl Callback {
    fn get(&self, kind: CredentialType) -> Result<String, SessionError> {
        if let Some(value) = self.sources.lookup(kind, None) {
            return Ok(value);
        }
        if let Ok(mut m) = self.missing.lock() {
            *m = Some(kind);
        }
        Err(CallbackError::NoValue.into())
    }
}

impl SessionCallback for Callback {
    fn callback(
        &self,
        _session: &SessionData,
        _context: &Context,
        request: &mut Request,
    ) -> Result<(), SessionError> {
        if request.is::<AuthId>() {
            let authname = self.get(CredentialType::Authname)?;
            request.satisfy::<AuthId>(&authname)?;
        } else if request.is::<Password>() {
            let password = self.get(CredentialType::Passphrase)?;
            request.satisfy::<Password>(password.as_bytes())?;
        }
        Ok(())
    }
}
