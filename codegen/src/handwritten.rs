//! What libvirt's hand-written C code says about some procedures that their
//! `.x` annotations do not: streams opened by `@generate: none` procedures,
//! procedures that pass file descriptors, and the values of the sparse flags
//! the `@sparseflag` annotations name. Complete for libvirt 11.3.0.

use crate::model::Stream;

/// A stream a hand-written procedure opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HandStream {
    /// The procedure's `.x` name.
    pub procedure: &'static str,
    /// Its direction.
    pub stream: Stream,
    /// Where libvirt opens it.
    pub source: &'static str,
}

/// Streams the `.x` annotations omit.
pub const HAND_STREAMS: &[HandStream] = &[HandStream {
    procedure: "REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS",
    stream: Stream::Write,
    source: "src/remote/remote_driver.c remoteDomainMigratePrepareTunnel3Params",
}];

/// How a procedure passes file descriptors (`callFull` with `fdin`/`fdout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FdProc {
    /// The procedure's `.x` name.
    pub procedure: &'static str,
    /// The call carries descriptors (CALL_WITH_FDS).
    pub send: bool,
    /// The reply carries descriptors (REPLY_WITH_FDS).
    pub receive: bool,
}

/// Every procedure that passes descriptors (`src/remote/remote_driver.c`,
/// the `callFull` calls with descriptor lists).
pub const FD_PROCS: &[FdProc] = &[
    FdProc {
        procedure: "REMOTE_PROC_DOMAIN_OPEN_GRAPHICS",
        send: true,
        receive: false,
    },
    FdProc {
        procedure: "REMOTE_PROC_DOMAIN_OPEN_GRAPHICS_FD",
        send: false,
        receive: true,
    },
    FdProc {
        procedure: "REMOTE_PROC_DOMAIN_CREATE_XML_WITH_FILES",
        send: true,
        receive: false,
    },
    FdProc {
        procedure: "REMOTE_PROC_DOMAIN_CREATE_WITH_FILES",
        send: true,
        receive: false,
    },
    FdProc {
        procedure: "REMOTE_PROC_DOMAIN_FD_ASSOCIATE",
        send: true,
        receive: false,
    },
    FdProc {
        procedure: "QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES",
        send: true,
        receive: true,
    },
    FdProc {
        procedure: "LXC_PROC_DOMAIN_OPEN_NAMESPACE",
        send: false,
        receive: true,
    },
];

/// The value of each flag an `@sparseflag` annotation names
/// (`include/libvirt/libvirt-storage.h`).
pub const SPARSE_FLAGS: &[(&str, u32)] = &[
    ("VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM", 1),
    ("VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM", 1),
];

/// The stream a procedure opens according to the hand-written code, if any.
pub fn hand_stream(procedure: &str) -> Option<Stream> {
    HAND_STREAMS
        .iter()
        .find(|h| h.procedure == procedure)
        .map(|h| h.stream)
}

/// How a procedure passes descriptors, if it does.
pub fn fd_proc(procedure: &str) -> Option<FdProc> {
    FD_PROCS.iter().find(|f| f.procedure == procedure).copied()
}

/// The value of a sparse flag.
pub fn sparse_flag_value(name: &str) -> Option<u32> {
    SPARSE_FLAGS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
}
