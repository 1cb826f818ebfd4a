//! What virtwire takes from libvirt's `tls_priority`, a GnuTLS priority
//! string (`NORMAL:-VERS-TLS1.2`, say).
//!
//! rustls has no priority strings, and its cipher suites are all ones
//! GnuTLS's `NORMAL` allows, so only the protocol versions are honoured:
//! `VERS-TLS1.2`, `VERS-TLS1.3`, `VERS-ALL` and `VERS-TLS-ALL` with `+`,
//! `-` or `!`, after a base keyword (`NONE` starts with no version, any
//! other with both). Every other token (ciphers, MACs, groups, `%`
//! modifiers) is accepted and left to rustls's defaults, which are stricter
//! than GnuTLS's `NORMAL`; they are logged at debug level.

use super::error::TlsError;

/// The protocol versions a priority string leaves on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TlsVersions {
    /// TLS 1.2.
    pub tls12: bool,
    /// TLS 1.3.
    pub tls13: bool,
}

impl Default for TlsVersions {
    /// Both, as GnuTLS's `NORMAL` (libvirt's default priority).
    fn default() -> Self {
        Self {
            tls12: true,
            tls13: true,
        }
    }
}

impl TlsVersions {
    /// The versions `priority` leaves on; an error if none is left.
    pub fn from_priority(priority: &str) -> Result<Self, TlsError> {
        let err = |reason: String| TlsError::Priority {
            priority: priority.to_owned(),
            reason,
        };
        let mut tokens = priority.split(':').map(str::trim);
        let base = tokens.next().unwrap_or_default();
        if base.is_empty() {
            return Err(err("empty priority string".into()));
        }
        let mut out = if base.eq_ignore_ascii_case("NONE") {
            Self {
                tls12: false,
                tls13: false,
            }
        } else {
            Self::default()
        };
        for token in tokens.filter(|t| !t.is_empty()) {
            let (on, name) = match token.as_bytes()[0] {
                b'+' => (true, &token[1..]),
                b'-' | b'!' => (false, &token[1..]),
                _ => {
                    tracing::debug!(token, "tls_priority token left to rustls's defaults");
                    continue;
                }
            };
            match name.to_ascii_uppercase().as_str() {
                "VERS-TLS1.2" => out.tls12 = on,
                "VERS-TLS1.3" => out.tls13 = on,
                "VERS-ALL" | "VERS-TLS-ALL" => {
                    out.tls12 = on;
                    out.tls13 = on;
                }
                _ => tracing::debug!(token, "tls_priority token left to rustls's defaults"),
            }
        }
        if !out.tls12 && !out.tls13 {
            return Err(err(
                "it enables neither TLS 1.2 nor TLS 1.3, the versions this client speaks".into(),
            ));
        }
        Ok(out)
    }

    /// The rustls protocol versions.
    pub(crate) fn rustls(self) -> Vec<&'static rustls::SupportedProtocolVersion> {
        let mut out = Vec::new();
        if self.tls13 {
            out.push(&rustls::version::TLS13);
        }
        if self.tls12 {
            out.push(&rustls::version::TLS12);
        }
        out
    }
}
