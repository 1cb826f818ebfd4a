//! libvirt's remote RPC wire protocol.
//!
//! The XDR runtime, message framing, and the types and procedure tables
//! generated at build time from libvirt's own `.x` protocol definitions.

pub mod api;
pub mod conn;
mod display;
pub mod frame;
pub mod procedure;
pub mod xdr;

pub use procedure::{
    BodyPart, Event, FdPassing, Priority, Procedure, ProcedureInfo, ProcedureKind, StreamDirection,
};

/// The main program (`remote_protocol.x`): the hypervisor-agnostic API.
pub mod remote {
    include!(concat!(env!("OUT_DIR"), "/remote.rs"));
}

/// QEMU-specific calls and events (`qemu_protocol.x`).
pub mod qemu {
    include!(concat!(env!("OUT_DIR"), "/qemu.rs"));
}

/// LXC-specific calls (`lxc_protocol.x`).
pub mod lxc {
    include!(concat!(env!("OUT_DIR"), "/lxc.rs"));
}

/// The daemon administration program (`admin_protocol.x`), served on the admin socket.
pub mod admin {
    include!(concat!(env!("OUT_DIR"), "/admin.rs"));
}

/// The message header and error types shared by all programs (`virnetprotocol.x`).
pub mod virnet {
    include!(concat!(env!("OUT_DIR"), "/virnet.rs"));
}

/// The keepalive program (`virkeepaliveprotocol.x`): PING and PONG.
pub mod keepalive {
    include!(concat!(env!("OUT_DIR"), "/keepalive.rs"));
}
