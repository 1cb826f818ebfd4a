//! TLS as libvirt's client sets it up (`virNetTLSContextNewClientPath`):
//! where the PEM files are, how they are read, which server certificates
//! are trusted, and which protocol versions `tls_priority` leaves on.
//!
//! The server certificate is verified against the CA and the URI's host
//! name unless `no_verify=1`. Like GnuTLS's `gnutls_x509_crt_check_hostname`,
//! which libvirt uses, a certificate without DNS names matches on its
//! subject common name, so PKI made by libvirt's older instructions works.

mod config;
mod error;
mod paths;
mod pem;
mod priority;
mod sanity;
mod verify;

pub use config::{TlsOptions, client_config};
pub use error::TlsError;
pub use paths::{PkiFiles, USER_PKI_SUBDIR};
pub use priority::TlsVersions;

#[cfg(test)]
mod tests;
