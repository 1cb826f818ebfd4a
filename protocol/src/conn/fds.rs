//! File descriptors carried by `*_WITH_FDS` messages (unix sockets only).
//!
//! The core never touches a socket: the driver hands it the descriptors its
//! transport received, and the core hands each `REPLY_WITH_FDS` the ones its
//! frame announced, in arrival order (libvirt sends them right after the
//! message, one per carrier byte).

/// An owned file descriptor. On platforms without descriptor passing the
/// type is uninhabited, so no message there can carry one.
#[cfg(unix)]
pub type Fd = std::os::fd::OwnedFd;

/// An owned file descriptor. On platforms without descriptor passing the
/// type is uninhabited, so no message there can carry one.
#[cfg(not(unix))]
#[derive(Debug)]
pub enum Fd {}
