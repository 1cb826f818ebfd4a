//! Opening a TLS connection the way libvirt's client does
//! (`virNetClientSetTLSSession`): TCP, the handshake, the check of the
//! daemon's certificate, then the daemon's one-byte verdict on ours.

use std::sync::Arc;

use tokio::io::AsyncReadExt;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use virtwire_auth::rustls::{self, CertificateError};
use virtwire_auth::tls::{TlsOptions, client_config};

use crate::error::{Error, ErrorKind, Result};
use crate::transport;

/// The byte the daemon sends once it accepted the client's certificate and
/// address (`virNetServerClientDispatchHandshake`).
const CONFIRMED: u8 = 1;

/// A TLS connection to `host:port` with libvirt's checks.
pub(crate) async fn connect(
    host: &str,
    port: u16,
    options: &TlsOptions,
    config: Option<Arc<rustls::ClientConfig>>,
) -> Result<TlsStream<crate::io::TcpSocket>> {
    let config = match config {
        Some(config) => config,
        None => client_config(options).map_err(Error::tls)?,
    };
    let name = TlsOptions::server_name(host).map_err(Error::tls)?;
    let tcp = transport::tcp(host, port).await?;
    let tcp = crate::io::Socket::tcp(tcp)
        .map_err(|e| Error::io(&format!("cannot set up the socket to {host}:{port}"), e))?;
    let mut tls = TlsConnector::from(config)
        .connect(name, tcp)
        .await
        .map_err(|e| handshake_error(host, port, options, e))?;
    let mut verdict = [0u8; 1];
    match tls.read(&mut verdict).await {
        Ok(1) if verdict[0] == CONFIRMED => Ok(tls),
        Ok(1) => Err(refused(
            host,
            port,
            options,
            &format!("it answered {}", verdict[0]),
        )),
        Ok(_) => Err(refused(host, port, options, "it closed the connection")),
        Err(e) => {
            let why = match rustls_error(&e) {
                Some(rustls::Error::AlertReceived(alert)) => format!("it sent the alert {alert:?}"),
                _ if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                    "it closed the connection".to_owned()
                }
                _ => e.to_string(),
            };
            Err(refused(host, port, options, &why).with_source(e))
        }
    }
}

/// The daemon's checks of this client failed (libvirt: "server
/// verification (of our certificate or IP address) failed").
fn refused(host: &str, port: u16, options: &TlsOptions, why: &str) -> Error {
    let files = &options.files;
    let advice = if files.client_cert.exists() && files.client_key.exists() {
        format!(
            "the client certificate {} must be signed by the daemon's CA and allowed by its \
             tls_allowed_dn_list",
            files.client_cert.display()
        )
    } else {
        format!(
            "no client certificate was presented ({} and {} do not both exist)",
            files.client_cert.display(),
            files.client_key.display()
        )
    };
    Error::new(
        ErrorKind::Tls,
        format!(
            "the daemon at {host}:{port} refused this client's certificate or address \
             ({why}): {advice}"
        ),
    )
}

fn rustls_error(e: &std::io::Error) -> Option<&rustls::Error> {
    e.get_ref().and_then(|inner| inner.downcast_ref())
}

fn handshake_error(host: &str, port: u16, options: &TlsOptions, e: std::io::Error) -> Error {
    let ca = options.files.ca_cert.display();
    let message = match rustls_error(&e) {
        Some(rustls::Error::InvalidCertificate(cert)) => match cert {
            CertificateError::UnknownIssuer | CertificateError::BadSignature => {
                format!("the certificate of {host}:{port} is not signed by a CA in {ca}")
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                format!("the certificate of {host}:{port} does not match the host name {host}")
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                format!("the certificate of {host}:{port} has expired")
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                format!("the certificate of {host}:{port} is not valid yet")
            }
            CertificateError::Revoked => {
                format!(
                    "the certificate of {host}:{port} is revoked by {}",
                    options.files.ca_crl.display()
                )
            }
            other => format!("the certificate of {host}:{port} is not acceptable: {other:?}"),
        },
        Some(rustls::Error::AlertReceived(alert)) => {
            format!("the daemon at {host}:{port} ended the TLS handshake with the alert {alert:?}")
        }
        Some(other) => format!("TLS handshake with {host}:{port} failed: {other}"),
        None => format!("TLS handshake with {host}:{port} failed: {e}"),
    };
    Error::new(ErrorKind::Tls, message).with_source(e)
}
