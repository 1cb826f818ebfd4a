//! [`client_config`]: a rustls client configuration from libvirt's files
//! and URI parameters.

use std::path::Path;
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::ServerCertVerifier;
use rustls::pki_types::ServerName;
use rustls::{ClientConfig, RootCertStore};

use super::error::TlsError;
use super::paths::PkiFiles;
use super::priority::TlsVersions;
use super::verify::{LibvirtVerifier, NoVerifier};
use super::{pem, sanity};

/// What a TLS connection needs from the URI and the environment.
#[derive(Debug, Clone)]
pub struct TlsOptions {
    /// The PEM files (see [`PkiFiles::for_process`]).
    pub files: PkiFiles,
    /// Verify the server's certificate (libvirt's default; `no_verify=1`
    /// turns it off).
    pub verify: bool,
    /// Check the client's own certificates first (libvirt's default;
    /// `no_sanity=1` turns it off).
    pub sanity: bool,
    /// `tls_priority=`, a GnuTLS priority string; only its protocol
    /// versions are used (see [`TlsVersions::from_priority`]).
    pub priority: Option<String>,
}

impl TlsOptions {
    /// libvirt's defaults for `files`: verify and check everything, with
    /// GnuTLS's `NORMAL` priority.
    pub fn new(files: PkiFiles) -> Self {
        Self {
            files,
            verify: true,
            sanity: true,
            priority: None,
        }
    }

    /// The name the server's certificate must carry: the URI's host, as a
    /// DNS name or an IP address.
    pub fn server_name(host: &str) -> Result<ServerName<'static>, TlsError> {
        // A URI writes IPv6 addresses in brackets.
        let bare = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        ServerName::try_from(bare.to_owned()).map_err(|_| TlsError::BadHostName(host.to_owned()))
    }
}

/// Builds the rustls configuration libvirt's client would use: the CA
/// certificate (required, even with `no_verify`, as in libvirt), the CRL
/// when it exists, and the client certificate and key when both exist.
pub fn client_config(options: &TlsOptions) -> Result<Arc<ClientConfig>, TlsError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let versions = match &options.priority {
        Some(p) => TlsVersions::from_priority(p)?,
        None => TlsVersions::default(),
    };
    let files = &options.files;

    let ca = pem::certificates("CA certificate", &files.ca_cert)?;
    if options.sanity {
        sanity::check_ca(&files.ca_cert, &ca)?;
    }
    let crls = if files.ca_crl.exists() {
        pem::crls("CA revocation list", &files.ca_crl)?
    } else {
        Vec::new()
    };
    let identity = identity(options)?;

    let verifier: Arc<dyn ServerCertVerifier> = if options.verify {
        let mut roots = RootCertStore::empty();
        for cert in ca {
            roots.add(cert).map_err(|e| TlsError::BadPem {
                role: "CA certificate",
                path: files.ca_cert.clone(),
                reason: format!("not a usable CA certificate: {e}"),
            })?;
        }
        let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
            .with_crls(crls)
            .build()
            .map_err(|e| TlsError::BadPem {
                role: "CA certificate or revocation list",
                path: files.ca_cert.clone(),
                reason: e.to_string(),
            })?;
        Arc::new(LibvirtVerifier { inner })
    } else {
        tracing::warn!("no_verify=1: the daemon's certificate is not verified");
        Arc::new(NoVerifier {
            algorithms: provider.signature_verification_algorithms,
        })
    };

    let builder = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&versions.rustls())
        .map_err(TlsError::Rustls)?
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    let config = match identity {
        Some((chain, key)) => {
            builder
                .with_client_auth_cert(chain, key)
                .map_err(|e| TlsError::BadIdentity {
                    cert: files.client_cert.clone(),
                    key: files.client_key.clone(),
                    reason: e.to_string(),
                })?
        }
        None => builder.with_no_client_auth(),
    };
    Ok(Arc::new(config))
}

type Identity = (
    Vec<rustls::pki_types::CertificateDer<'static>>,
    rustls::pki_types::PrivateKeyDer<'static>,
);

/// The client certificate chain and key, when both files exist. libvirt
/// connects without them otherwise (the daemon then decides); so does this,
/// with a warning.
fn identity(options: &TlsOptions) -> Result<Option<Identity>, TlsError> {
    let files = &options.files;
    let (cert, key) = (&files.client_cert, &files.client_key);
    if !exists(cert) || !exists(key) {
        tracing::warn!(
            cert = %cert.display(),
            key = %key.display(),
            "no client certificate and key: connecting without one"
        );
        return Ok(None);
    }
    let chain = pem::certificates("client certificate", cert)?;
    if options.sanity {
        sanity::check_client(cert, &chain[0])?;
    }
    let key = pem::private_key("client key", key)?;
    Ok(Some((chain, key)))
}

fn exists(path: &Path) -> bool {
    path.exists()
}
