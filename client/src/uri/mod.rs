//! libvirt connection URIs.
//!
//! Everything between the name an application passes to "open" and the
//! bytes of the first CONNECT_OPEN call, done the way libvirt 11.3.0's
//! client library does it, so `qemu:///system`, `LIBVIRT_DEFAULT_URI`,
//! `uri_aliases` and `?socket=` behave as in virsh and libvirt-python:
//!
//! * [`resolve_uri`]: the name → the URI to use (`""`, `xen`, the default
//!   URI from `LIBVIRT_DEFAULT_URI` or `libvirt.conf`, aliases);
//! * [`ConnectUri`]: the parsed URI (`driver[+transport]://[user@][host][:port]/path[?params]`),
//!   with its [`Transport`] and typed [`RemoteParams`];
//! * [`ConnectUri::connect_open_name`]: the name sent in CONNECT_OPEN;
//! * [`unix_socket`]: the daemon socket (`virtqemud-sock`, `libvirt-sock`,
//!   `-sock-ro`, session sockets) and which daemon serves it;
//! * [`admin_socket`]: the same for admin URIs (`libvirtd:///system`).
//!
//! All reads of the process environment and the file system go through an
//! [`Environment`], so a [`MemoryEnvironment`] makes every rule testable.
//!
//! ```
//! use virtwire::uri::{MemoryEnvironment, SocketDaemon, resolve_uri, unix_socket};
//!
//! // A non-root user whose session virtqemud is running.
//! let env = MemoryEnvironment::new(1000)
//!     .with_var("XDG_RUNTIME_DIR", "/run/user/1000")
//!     .with_var("LIBVIRT_DEFAULT_URI", "qemu:///session")
//!     .with_path("/run/user/1000/libvirt/virtqemud-sock");
//!
//! let uri = resolve_uri(None, false, &env)?.expect("a default URI");
//! assert_eq!(uri.connect_open_name()?, "qemu:///session");
//!
//! let socket = unix_socket(Some(&uri), false, &env)?.expect("a unix socket");
//! assert_eq!(socket.path.to_str(), Some("/run/user/1000/libvirt/virtqemud-sock"));
//! assert_eq!(socket.daemon, SocketDaemon::Direct("virtqemud".into()));
//! # Ok::<(), virtwire::uri::UriError>(())
//! ```

mod admin;
mod conf_syntax;
mod config;
mod connect_uri;
mod env;
mod error;
mod layout;
mod name;
mod params;
mod percent;
mod remote_params;
mod resolve;
mod socket;
mod syntax;
mod transport;

#[cfg(test)]
mod tests;

pub use admin::{LIBVIRT_ADMIN_DEFAULT_URI, admin_default_uri, admin_socket, admin_socket_path};
pub use config::{ADMIN_CONFIG_FILE, CLIENT_CONFIG_FILE, ClientConfig};
pub use connect_uri::ConnectUri;
pub use env::{Environment, MemoryEnvironment, SystemEnvironment};
pub use error::UriError;
pub use layout::BuildDefaults;
#[cfg(feature = "russh")]
pub(crate) use layout::user_config_dir;
pub use name::connect_open_name;
pub use params::UriParam;
pub use remote_params::{
    AuthType, KnownHostsVerify, ProxyMode, REMOTE_PARAM_NAMES, RemoteMode, RemoteParams,
};
pub use resolve::{
    LIBVIRT_DEFAULT_URI, default_uri, default_uri_with, resolve_uri, resolve_uri_with,
};
pub use socket::{LIBVIRT_AUTOSTART, SocketDaemon, UnixSocket, unix_socket, unix_socket_with};
pub use transport::{LIBVIRTD_TCP_PORT, LIBVIRTD_TLS_PORT, Transport};
