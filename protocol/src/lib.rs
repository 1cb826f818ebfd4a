//! libvirt's remote RPC wire protocol.
//!
//! The XDR runtime, message framing, and the types and procedure tables
//! generated at build time from libvirt's own `.x` protocol definitions.

pub mod procedure;
pub mod xdr;

pub use procedure::{BodyPart, Event, Priority, Procedure, ProcedureInfo, ProcedureKind, StreamDirection};
