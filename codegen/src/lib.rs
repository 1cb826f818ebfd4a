//! Generates Rust from libvirt's XDR `.x` protocol definitions.
