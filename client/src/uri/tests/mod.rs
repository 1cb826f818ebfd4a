//! Unit tests for the URI module.
//!
//! Expected values come from libvirt 11.3.0's source and, where marked
//! "oracle", from Debian's virsh 11.3.0 run with `LIBVIRT_DEBUG=1` (its
//! "proceeding with name = ..." and "Chosen UNIX sockname=..." lines).

mod admin;
mod config;
mod env;
mod name;
mod params;
mod parse;
mod resolve;
mod socket;

use super::{ConnectUri, MemoryEnvironment};

/// Parses a URI that must be valid.
fn uri(text: &str) -> ConnectUri {
    ConnectUri::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// A root environment with nothing on disk.
fn root() -> MemoryEnvironment {
    MemoryEnvironment::new(0)
}

/// A non-root environment with `XDG_RUNTIME_DIR=/run/user/1000` and
/// `HOME=/home/u`.
fn user() -> MemoryEnvironment {
    MemoryEnvironment::new(1000)
        .with_var("XDG_RUNTIME_DIR", "/run/user/1000")
        .with_var("HOME", "/home/u")
}
