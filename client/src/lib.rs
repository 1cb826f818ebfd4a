//! virtwire: a pure-Rust async client for libvirt's remote RPC protocol.

pub mod error;
pub mod uri;
