//! libvirt's enums and flags, generated from the API descriptions of the
//! pinned libvirt release ([`LIBVIRT_RELEASE`]): `libvirt-api.xml`,
//! `libvirt-qemu-api.xml`, `libvirt-lxc-api.xml` and `libvirt-admin-api.xml`.
//!
//! Each C enum type is here under its name without `vir`, in Rust case
//! (`virDomainState` → [`DomainState`], `virDomainXMLFlags` →
//! [`DomainXmlFlags`]), its values without the prefix they share
//! (`VIR_DOMAIN_RUNNING` → [`DomainState::Running`],
//! `VIR_CONNECT_LIST_DOMAINS_ACTIVE` → [`ConnectListAllDomainsFlags::ACTIVE`]).
//! libvirt's documentation and "since" versions are on each item.
//!
//! - A type whose values are bits (libvirt writes them `1 << n`) is a
//!   [`bitflags`] type over `u32`. Bits libvirt does not name are kept:
//!   build one from the wire with `from_bits_retain`.
//! - Any other is a `#[non_exhaustive]` enum. A number libvirt does not name
//!   is kept as `Other(raw)`: `from_raw` never fails and `raw()` gives back
//!   what was received. `ALL`, `name()` (the C name) and `since()` come with
//!   it, and `Display` writes the C name.
//!
//! The `…_LAST` sentinels, which grow with every release, are left out.
//!
//! Written by hand on top: [`ErrorNumber`]'s classes
//! ([`is_not_found`](ErrorNumber::is_not_found), ...) and
//! [`DomainState::virsh_name`].
//! How enums and flags are told apart, and the few decisions made by hand,
//! are described in the generator (`virtwire-codegen`, `src/api/`).

mod domain_state;
mod error_number;

include!(concat!(env!("OUT_DIR"), "/api.rs"));
