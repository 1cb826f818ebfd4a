//! libvirt error codes, domains and levels.
//!
//! These are the three numeric vocabularies carried by every libvirt error
//! (`remote_error` on the wire): the error *code* ([`ErrorCode`], C enum
//! `virErrorNumber`), the *domain* or subsystem that raised it
//! ([`ErrorDomain`], `virErrorDomain`) and its *level* ([`ErrorLevel`],
//! `virErrorLevel`).
//!
//! They are the types generated from libvirt's API description
//! ([`virtwire_protocol::api`], libvirt [`LIBVIRT_VOCABULARY`]), under the
//! names this crate has always used: [`ErrorCode`] is
//! [`api::ErrorNumber`](virtwire_protocol::api::ErrorNumber). Variant names
//! are the C names without their prefix, in Rust case (`VIR_ERR_NO_DOMAIN` →
//! [`ErrorCode::NoDomain`], `VIR_FROM_QEMU` → [`ErrorDomain::Qemu`]); the
//! `VIR_WAR_*` warning codes keep a `War` prefix (`VIR_WAR_NO_NETWORK` →
//! [`ErrorCode::WarNoNetwork`]) so they do not collide with the `VIR_ERR_*`
//! code of the same name. Per-variant documentation is libvirt's own.
//!
//! Values sent by a newer (or older, unusual) server that libvirt 11.3.0
//! does not name are kept as `Other(raw)`, so no information is lost and
//! [`raw`](ErrorCode::raw) always returns what was received.

pub use virtwire_protocol::api::{ErrorDomain, ErrorLevel, ErrorNumber as ErrorCode};

/// The libvirt release whose `virterror.h` these types were generated from.
pub const LIBVIRT_VOCABULARY: &str = virtwire_protocol::api::LIBVIRT_RELEASE;

#[cfg(test)]
#[path = "codes_tests.rs"]
mod tests;
