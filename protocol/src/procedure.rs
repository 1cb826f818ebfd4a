//! Procedure tables: what each generated procedure is and how it travels.

use crate::xdr::{Decode, Encode};
use std::fmt::Debug;

/// Whether the server answers a procedure or sends it unprompted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProcedureKind {
    /// A call the client sends and the server answers with a REPLY.
    Call,
    /// An event or keepalive the server sends as a MESSAGE.
    Message,
}

/// The direction of the stream a call opens, as seen from the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StreamDirection {
    /// `@readstream`: data flows from the daemon to the client.
    Read,
    /// `@writestream`: data flows from the client to the daemon.
    Write,
}

/// Which worker pool the daemon may run a call on (`@priority`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Priority {
    /// The default pool.
    Low,
    /// May also run on the daemon's high-priority pool.
    High,
}

/// One procedure of a program, as the `.x` file declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProcedureInfo {
    /// The program number, e.g. `REMOTE_PROGRAM`.
    pub program: u32,
    /// The program version.
    pub version: u32,
    /// The procedure number.
    pub number: i32,
    /// The `.x` name, e.g. `REMOTE_PROC_DOMAIN_GET_INFO`.
    pub name: &'static str,
    /// The snake-case method name, e.g. `domain_get_info`.
    pub method: &'static str,
    /// The XDR type of the CALL payload, when it has one.
    pub args: Option<&'static str>,
    /// The XDR type of the REPLY payload, when it has one.
    pub ret: Option<&'static str>,
    /// The XDR type of the MESSAGE payload of an event.
    pub message: Option<&'static str>,
    /// Call or message.
    pub kind: ProcedureKind,
    /// The stream the call opens, if any.
    pub stream: Option<StreamDirection>,
    /// The flag (a C constant name) in `args.flags` that makes the stream sparse.
    pub sparse_flag: Option<&'static str>,
    /// The file descriptors the procedure passes (unix sockets only).
    pub fds: Option<FdPassing>,
    /// The daemon's worker priority.
    pub priority: Priority,
}

/// Which way a procedure passes file descriptors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FdPassing {
    /// The call carries descriptors (`CALL_WITH_FDS`).
    pub send: bool,
    /// The reply carries descriptors (`REPLY_WITH_FDS`).
    pub receive: bool,
}

/// A call procedure, implemented by the generated marker types in each
/// program's `procs` module.
pub trait Procedure {
    /// The CALL payload (`()` when the procedure takes none).
    type Args: Encode + Decode + Debug + Clone + PartialEq + Send + Sync + 'static;
    /// The REPLY payload (`()` when there is none).
    type Ret: Encode + Decode + Debug + Clone + PartialEq + Send + Sync + 'static;
    /// The CALL payload as borrowed data, what the `Calls` methods send:
    /// `Args`'s fields by reference, encoding to the same bytes. `Args`
    /// itself where every field is a scalar, `()` where there are none.
    type Borrowed<'a>: Encode + Debug + Send + Sync;
    /// The procedure's table entry.
    const INFO: &'static ProcedureInfo;

    /// Whether `args` carry the flag that makes the stream this procedure
    /// opens sparse (`@sparseflag`).
    fn stream_is_sparse(_args: &Self::Args) -> bool {
        false
    }

    /// [`Procedure::stream_is_sparse`] for the borrowed arguments.
    fn borrowed_is_sparse(_args: &Self::Borrowed<'_>) -> bool {
        false
    }
}

/// An event (MESSAGE) procedure, implemented by generated marker types.
pub trait Event {
    /// The MESSAGE payload.
    type Message: Encode + Decode + Debug + Clone + PartialEq + Send + Sync + 'static;
    /// The procedure's table entry.
    const INFO: &'static ProcedureInfo;
}

/// Which payload of a procedure some bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyPart {
    /// The CALL payload.
    Args,
    /// The REPLY payload.
    Ret,
    /// The MESSAGE payload.
    Message,
}

/// Whether `procedure` of `program` is an event (MESSAGE) procedure this
/// release knows; a newer daemon may send others.
pub fn is_known_event(program: u32, procedure: i32) -> bool {
    let info = match program {
        crate::remote::PROGRAM => crate::remote::procedure(procedure),
        crate::qemu::PROGRAM => crate::qemu::procedure(procedure),
        crate::lxc::PROGRAM => crate::lxc::procedure(procedure),
        crate::admin::PROGRAM => crate::admin::procedure(procedure),
        _ => None,
    };
    info.is_some_and(|p| p.kind == ProcedureKind::Message)
}
