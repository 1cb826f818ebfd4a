//! Authentication for virtwire, kept apart from the I/O: TLS client
//! configuration built from libvirt's PKI file layout and URI parameters.
//!
//! Nothing here opens a socket. The client crate (`virtwire`) runs the
//! handshake and the daemon's confirmation byte on top of what this crate
//! configures.

pub mod sasl;
pub mod tls;

/// The rustls this crate configures, for callers that build their own
/// [`rustls::ClientConfig`] or inspect its errors.
pub use rustls;
