//! virtwire: a pure-Rust async client for libvirt's remote RPC protocol.
