//! libvirt's checks of the client's own certificates before it connects
//! (`virNetTLSContextSanityCheckCredentials`): a mistake in the local PKI is
//! reported as such, instead of as a handshake the daemon refuses.
//! `no_sanity=1` skips them.

use std::path::Path;

use rustls::pki_types::CertificateDer;
use x509_parser::prelude::*;

use super::error::TlsError;

fn parse<'a>(path: &Path, der: &'a CertificateDer<'_>) -> Result<X509Certificate<'a>, TlsError> {
    X509Certificate::from_der(der.as_ref())
        .map(|(_, cert)| cert)
        .map_err(|e| TlsError::BadCertificate {
            path: path.to_owned(),
            reason: format!("not a valid X.509 certificate: {e}"),
        })
}

fn times(path: &Path, cert: &X509Certificate<'_>) -> Result<(), TlsError> {
    let now = ASN1Time::now();
    let validity = cert.validity();
    let bad = |reason: String| TlsError::BadCertificate {
        path: path.to_owned(),
        reason,
    };
    if now < validity.not_before {
        return Err(bad(format!("is not active until {}", validity.not_before)));
    }
    if now > validity.not_after {
        return Err(bad(format!("expired on {}", validity.not_after)));
    }
    Ok(())
}

/// Each CA certificate must be current and marked as a CA.
pub(crate) fn check_ca(path: &Path, certs: &[CertificateDer<'_>]) -> Result<(), TlsError> {
    for der in certs {
        let cert = parse(path, der)?;
        times(path, &cert)?;
        let is_ca = matches!(cert.basic_constraints(), Ok(Some(bc)) if bc.value.ca);
        if !is_ca {
            return Err(TlsError::BadCertificate {
                path: path.to_owned(),
                reason: format!(
                    "{} is not a CA certificate (its basic constraints do not say CA)",
                    cert.subject()
                ),
            });
        }
    }
    Ok(())
}

/// The client certificate must be current, not a CA, and (when it limits
/// its purposes) usable by a TLS client. A non-critical purpose list that
/// lacks client use is only warned about, as libvirt does.
pub(crate) fn check_client(path: &Path, der: &CertificateDer<'_>) -> Result<(), TlsError> {
    let cert = parse(path, der)?;
    times(path, &cert)?;
    let bad = |reason: &str| TlsError::BadCertificate {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    if matches!(cert.basic_constraints(), Ok(Some(bc)) if bc.value.ca) {
        return Err(bad("is a CA certificate, not a client certificate"));
    }
    if let Ok(Some(eku)) = cert.extended_key_usage() {
        if !eku.value.client_auth && !eku.value.any {
            if eku.critical {
                return Err(bad("its purposes do not allow use by a TLS client"));
            }
            tracing::warn!(path = %path.display(), "client certificate's purposes do not include TLS client use");
        }
    }
    Ok(())
}

/// Whether `cert` names `host` in its subject common name and has no DNS
/// names, the match GnuTLS falls back to for older certificates.
pub(crate) fn common_name_matches(der: &CertificateDer<'_>, host: &str) -> bool {
    let Ok((_, cert)) = X509Certificate::from_der(der.as_ref()) else {
        return false;
    };
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        let has_dns = san
            .value
            .general_names
            .iter()
            .any(|n| matches!(n, GeneralName::DNSName(_)));
        if has_dns {
            return false;
        }
    }
    cert.subject()
        .iter_common_name()
        .filter_map(|cn| cn.as_str().ok())
        .any(|cn| cn.eq_ignore_ascii_case(host))
}
