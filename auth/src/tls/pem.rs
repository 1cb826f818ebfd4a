//! Reading PEM files with rustls-pki-types, with errors that name the file.

use std::path::Path;

use rustls::pki_types::pem::{self, PemObject};
use rustls::pki_types::{CertificateDer, CertificateRevocationListDer, PrivateKeyDer};

use super::error::TlsError;

fn read(role: &'static str, path: &Path) -> Result<Vec<u8>, TlsError> {
    std::fs::read(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            TlsError::MissingFile {
                role,
                path: path.to_owned(),
            }
        } else {
            TlsError::Unreadable {
                role,
                path: path.to_owned(),
                source,
            }
        }
    })
}

fn bad(role: &'static str, path: &Path, e: pem::Error) -> TlsError {
    TlsError::BadPem {
        role,
        path: path.to_owned(),
        reason: e.to_string(),
    }
}

/// Every certificate in a PEM file; none at all is an error.
pub(crate) fn certificates(
    role: &'static str,
    path: &Path,
) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let bytes = read(role, path)?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(role, path, e))?;
    if certs.is_empty() {
        return Err(TlsError::BadPem {
            role,
            path: path.to_owned(),
            reason: "no CERTIFICATE block".into(),
        });
    }
    Ok(certs)
}

/// The first private key (PKCS#8, PKCS#1 or SEC1) in a PEM file.
pub(crate) fn private_key(
    role: &'static str,
    path: &Path,
) -> Result<PrivateKeyDer<'static>, TlsError> {
    let bytes = read(role, path)?;
    PrivateKeyDer::from_pem_slice(&bytes).map_err(|e| match e {
        pem::Error::NoItemsFound => TlsError::BadPem {
            role,
            path: path.to_owned(),
            reason: "no PRIVATE KEY block".into(),
        },
        e => bad(role, path, e),
    })
}

/// Every revocation list in a PEM file.
pub(crate) fn crls(
    role: &'static str,
    path: &Path,
) -> Result<Vec<CertificateRevocationListDer<'static>>, TlsError> {
    let bytes = read(role, path)?;
    CertificateRevocationListDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(role, path, e))
}
