//! virtwire: a pure-Rust async client for libvirt's remote RPC protocol.
//!
//! It speaks the same wire protocol as `virsh` and libvirt's C library,
//! generated from libvirt's own `.x` definitions, to `libvirtd` and the
//! modular daemons, without linking `libvirt.so`.
//!
//! ```no_run
//! use virtwire::api::ConnectListAllDomainsFlags;
//!
//! # async fn demo() -> virtwire::Result<()> {
//! let client = virtwire::Client::connect("qemu:///system").await?;
//! let dom = client.domain_lookup_by_name("guest").await?;
//! let info = dom.get_info().await?;
//! println!("{dom}: state {} memory {} KiB", info.state, info.memory);
//! for dom in client.list_all_domains(ConnectListAllDomainsFlags::ACTIVE).await? {
//!     println!("{dom} (id {:?}) is running", dom.id());
//! }
//! client.close().await?;
//! # Ok(()) }
//! ```
//!
//! libvirt's objects are [`handles`]: [`Domain`], [`Network`],
//! [`StoragePool`], [`StorageVol`], ... each a [`Client`] and the object's
//! identity, with a method for every libvirt call on the object, named as
//! in libvirt's C API (`virDomainGetInfo` → [`Domain::get_info`],
//! `virConnectListAllDomains` → [`Client::list_all_domains`]). The
//! [`handles`] module maps libvirt-python and `virt` crate calls to them.
//!
//! Underneath, every procedure of the remote, qemu and lxc programs is a
//! method of [`Client`] through the generated [`remote::Calls`],
//! [`qemu::Calls`] and [`lxc::Calls`] traits (import them with [`prelude`]),
//! returning the wire types and taking arguments borrowed (`&str`, `&[u8]`,
//! slices, `&NonnullDomain`), so a call clones nothing; the admin program
//! is [`AdminClient`]. There names follow the procedures':
//! `REMOTE_PROC_DOMAIN_GET_INFO` is `domain_get_info`. Where a handle method
//! of [`Client`] has the same name as a trait method
//! (`domain_lookup_by_name`), method syntax picks the handle method;
//! [`Client::raw`] reaches the trait's: `client.raw().domain_lookup_by_name("test")`.
//!
//! Cargo feature `russh` (off by default) runs `libssh` and `libssh2` URIs
//! in-process with russh (ring backend): no `ssh` binary needed. Without
//! it they fail with [`ErrorKind::Unsupported`].

mod admin;
mod calls;
mod client;
mod connect;
mod domain_state;
mod driver;
pub mod error;
pub mod event;
mod feature;
pub mod handles;
mod io;
mod sasl;
mod shared;
mod ssh;
#[cfg(feature = "russh")]
mod ssh_inproc;
pub mod stream;
mod tls;
mod transport;
pub mod uri;

pub use admin::AdminClient;
pub use calls::Raw;
pub use client::Client;
pub use connect::{ConnectOptions, DEFAULT_BUSY_POLL};
pub use domain_state::DomainState;
pub use error::{
    CommandFailure, CommandFailureKind, Error, ErrorCode, ErrorDomain, ErrorKind, ErrorLevel,
    LibvirtError, Result, SshFailure, SshFailureKind,
};
pub use feature::Feature;
pub use handles::{
    Domain, DomainCheckpoint, DomainInfo, DomainJobStats, DomainSnapshot, DomainStateInfo,
    DomainStatsRecord, Interface, Network, NetworkPort, NodeDevice, NwFilter, NwFilterBinding,
    Secret, StoragePool, StorageVol, TypedParamValue, TypedParams, Uuid,
};
pub use shared::ConnectionStats;
/// TLS and SASL configuration ([`virtwire_auth`]): credential providers,
/// PKI files, and the rustls that `tls` URIs use.
pub use virtwire_auth as auth;
pub use virtwire_protocol as protocol;
/// libvirt's enums and flags ([`virtwire_protocol::api`]), which the handle
/// methods take and return.
pub use virtwire_protocol::api;
pub use virtwire_protocol::conn::KeepaliveConfig;
pub use virtwire_protocol::xdr::XdrString;
pub use virtwire_protocol::{admin as admin_program, lxc, qemu, remote};

/// The generated call traits, so their methods can be called on a [`Client`]
/// and an [`AdminClient`].
pub mod prelude {
    pub use virtwire_protocol::admin::Calls as _;
    pub use virtwire_protocol::lxc::Calls as _;
    pub use virtwire_protocol::qemu::Calls as _;
    pub use virtwire_protocol::remote::Calls as _;
}
