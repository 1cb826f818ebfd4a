//! Object handles: the procedures of the remote program as methods of the
//! object they act on, named after libvirt's C API.
//!
//! A procedure whose `_args` struct starts with a `remote_nonnull_*` field
//! becomes a method of that object's handle (`Domain`, `Network`, ...), the
//! handle supplying the field; any other becomes a method of `Client`. The
//! method is named after the procedure, which libvirt names after its C
//! function (`REMOTE_PROC_DOMAIN_GET_INFO` ↔ `virDomainGetInfo`), with the
//! object's own prefix stripped (`Domain::get_info`), or `connect_` on
//! `Client` (`Client::list_all_domains`).
//!
//! Only procedures with a public C function of the same name in
//! `libvirt-api.xml` are generated, less those in [`SKIPPED`]: the C function
//! gives the doc comment and the type of a `flags` argument.
//!
//! Typed parameters (`remote_typed_param<>`) are `super::TypedParams`, in
//! arguments (`&TypedParams`) and returns alike. A procedure that takes
//! `nparams` and returns `params` with `nparams` is asked twice, as
//! libvirt's client library asks: with `nparams` 0 for the count, then for
//! that many (a daemon that fills the list on the first call, for the C
//! functions that allocate it, is asked once); its method has no `nparams`
//! argument. The procedures of [`STRING_OKAY`] set
//! `VIR_TYPED_PARAM_STRING_OKAY`.
//!
//! The output is meant to be `include!`d in a module of the client crate
//! (`virtwire`) that has the handle types, `Uuid`, `TypedParams` and `DomainInfo` in scope
//! through `super::` paths spelled in [`HANDLES`] and [`RETURN_OVERRIDES`];
//! it consists of `impl` blocks and one `SKIPPED` table only.

mod emit;
mod functions;

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::{Config, GeneratedFile, ProgramSpec};

/// One handle type: the XDR identity struct, the Rust type, and the
/// prefix its procedures share.
#[derive(Debug, Clone, Copy)]
pub struct HandleSpec {
    /// `remote_nonnull_domain`
    pub xdr: &'static str,
    /// `Domain`
    pub rust: &'static str,
    /// `domain_`: stripped from the procedure name to name the method.
    pub prefix: &'static str,
}

/// The handle types, most specific prefix first.
pub const HANDLES: &[HandleSpec] = &[
    HandleSpec {
        xdr: "remote_nonnull_domain_snapshot",
        rust: "DomainSnapshot",
        prefix: "domain_snapshot_",
    },
    HandleSpec {
        xdr: "remote_nonnull_domain_checkpoint",
        rust: "DomainCheckpoint",
        prefix: "domain_checkpoint_",
    },
    HandleSpec {
        xdr: "remote_nonnull_domain",
        rust: "Domain",
        prefix: "domain_",
    },
    HandleSpec {
        xdr: "remote_nonnull_network_port",
        rust: "NetworkPort",
        prefix: "network_port_",
    },
    HandleSpec {
        xdr: "remote_nonnull_network",
        rust: "Network",
        prefix: "network_",
    },
    HandleSpec {
        xdr: "remote_nonnull_storage_pool",
        rust: "StoragePool",
        prefix: "storage_pool_",
    },
    HandleSpec {
        xdr: "remote_nonnull_storage_vol",
        rust: "StorageVol",
        prefix: "storage_vol_",
    },
    HandleSpec {
        xdr: "remote_nonnull_node_device",
        rust: "NodeDevice",
        prefix: "node_device_",
    },
    HandleSpec {
        xdr: "remote_nonnull_secret",
        rust: "Secret",
        prefix: "secret_",
    },
    HandleSpec {
        xdr: "remote_nonnull_interface",
        rust: "Interface",
        prefix: "interface_",
    },
    HandleSpec {
        xdr: "remote_nonnull_nwfilter_binding",
        rust: "NwFilterBinding",
        prefix: "nwfilter_binding_",
    },
    HandleSpec {
        xdr: "remote_nonnull_nwfilter",
        rust: "NwFilter",
        prefix: "nwfilter_",
    },
];

/// Procedures with a public C function that are deliberately not
/// generated, and why; those of programs other than remote are named with
/// their module first (`qemu_connect_...`). Procedures without a public C
/// function of the same name (migration phases, `auth_*`, ...) are skipped
/// as well, with the reason "no public C function".
pub const SKIPPED: &[(&str, &str)] = &[
    (
        "connect_open",
        "`Client::connect` and `ConnectOptions` open the connection",
    ),
    ("connect_close", "`Client::close` closes the connection"),
    (
        "connect_domain_event_register",
        "events: `Client::domain_events`",
    ),
    (
        "connect_domain_event_deregister",
        "events: `Client::domain_events`",
    ),
    (
        "connect_domain_event_register_any",
        "events: `Client::domain_events`",
    ),
    (
        "connect_domain_event_deregister_any",
        "events: `Client::domain_events`",
    ),
    (
        "connect_domain_event_callback_register_any",
        "events: `Client::domain_events`",
    ),
    (
        "connect_domain_event_callback_deregister_any",
        "events: `Client::domain_events`",
    ),
    (
        "connect_network_event_register_any",
        "events: `Client::network_events`",
    ),
    (
        "connect_network_event_deregister_any",
        "events: `Client::network_events`",
    ),
    (
        "connect_storage_pool_event_register_any",
        "events: `Client::storage_pool_events`",
    ),
    (
        "connect_storage_pool_event_deregister_any",
        "events: `Client::storage_pool_events`",
    ),
    (
        "connect_node_device_event_register_any",
        "events: `Client::node_device_events`",
    ),
    (
        "connect_node_device_event_deregister_any",
        "events: `Client::node_device_events`",
    ),
    (
        "connect_secret_event_register_any",
        "events: `Client::secret_events`",
    ),
    (
        "connect_secret_event_deregister_any",
        "events: `Client::secret_events`",
    ),
    (
        "connect_register_close_callback",
        "events: `Client::connection_closed_events`",
    ),
    (
        "connect_unregister_close_callback",
        "events: `Client::connection_closed_events`",
    ),
    (
        "domain_get_cpu_stats",
        "written by hand: `Domain::get_cpu_stats`, `get_cpu_stats_total` and \
         `get_cpu_stats_per_cpu` ask for the counts and split the strides",
    ),
    (
        "domain_get_scheduler_parameters",
        "written by hand: `Domain::get_scheduler_parameters` asks \
         `virDomainGetSchedulerType` for the count",
    ),
    (
        "domain_get_scheduler_parameters_flags",
        "written by hand: `Domain::get_scheduler_parameters_flags` asks \
         `virDomainGetSchedulerType` for the count",
    ),
    (
        "connect_get_all_domain_stats",
        "written by hand: `Client::get_all_domain_stats` and \
         `Client::domain_list_get_stats`",
    ),
    (
        "qemu_connect_domain_monitor_event_register",
        "events: `Client::qemu_monitor_events`",
    ),
    (
        "qemu_connect_domain_monitor_event_deregister",
        "events: `Client::qemu_monitor_events`",
    ),
];

/// Procedures whose return value is converted by hand-written code:
/// `(procedure, Rust type)`; the type implements `From` of the whole `_ret`
/// struct.
pub const RETURN_OVERRIDES: &[(&str, &str)] = &[
    ("domain_get_info", "super::DomainInfo"),
    ("domain_get_state", "super::DomainStateInfo"),
    ("domain_get_job_stats", "super::DomainJobStats"),
];

/// The procedures whose C function sets `VIR_TYPED_PARAM_STRING_OKAY` in
/// `flags` (when the driver supports string parameters, as every daemon
/// since libvirt 0.9.8 does): their methods set it too, and leave
/// `virTypedParameterFlags` out of the type of `flags` when the C function
/// names another flags type as well.
pub const STRING_OKAY: &[&str] = &[
    "domain_get_memory_parameters",
    "domain_get_numa_parameters",
    "domain_get_blkio_parameters",
    "domain_block_stats_flags",
    "domain_get_interface_parameters",
    "domain_get_block_io_tune",
    "domain_get_launch_security_info",
    "node_get_memory_parameters",
    "node_get_sev_info",
];

/// The procedures that return a C `int` used as a boolean besides the
/// `is_*` and `has_*` ones.
pub const BOOL_RETURNS: &[&str] = &[
    "domain_get_autostart",
    "network_get_autostart",
    "storage_pool_get_autostart",
    "node_device_get_autostart",
    "interface_is_active",
];

/// The remote program's `.x` file and libvirt's `libvirt-api.xml`, the
/// programs that build on it (qemu, lxc) with their API XML, and the module
/// to make of them.
#[derive(Debug, Clone)]
pub struct HandlesConfig<'a> {
    module: &'a str,
    remote: PathBuf,
    api: PathBuf,
    /// `(module, .x file, API XML file)`
    extra: Vec<(&'a str, PathBuf, PathBuf)>,
}

impl<'a> HandlesConfig<'a> {
    /// `module` names the output (`handles` → `handles.rs`); `remote` is
    /// `remote_protocol.x`, `api` is `libvirt-api.xml`.
    pub fn new(module: &'a str, remote: impl Into<PathBuf>, api: impl Into<PathBuf>) -> Self {
        Self {
            module,
            remote: remote.into(),
            api: api.into(),
            extra: Vec::new(),
        }
    }

    /// Adds a program that uses the remote program's types, named `module`
    /// (`qemu`: `qemu_protocol.x`, its types prefixed `qemu_`, its
    /// procedures `QEMU_PROC_*`) with its API XML (`libvirt-qemu-api.xml`).
    /// Its procedures become methods with the module in their names:
    /// `QEMU_PROC_DOMAIN_MONITOR_COMMAND` ↔ `virDomainQemuMonitorCommand` is
    /// `Domain::qemu_monitor_command`.
    pub fn program(
        &mut self,
        module: &'a str,
        x: impl Into<PathBuf>,
        api: impl Into<PathBuf>,
    ) -> &mut Self {
        self.extra.push((module, x.into(), api.into()));
        self
    }

    /// The files read (for `cargo:rerun-if-changed`).
    pub fn input_paths(&self) -> Vec<&Path> {
        let mut paths = vec![self.remote.as_path(), self.api.as_path()];
        for (_, x, api) in &self.extra {
            paths.push(x.as_path());
            paths.push(api.as_path());
        }
        paths
    }

    /// Reads the files and emits the handle methods.
    pub fn generate(&self) -> Result<GeneratedFile, Error> {
        let names: Vec<[String; 5]> = self
            .extra
            .iter()
            .map(|(m, _, _)| {
                let upper = m.to_ascii_uppercase();
                [
                    format!("{m}_"),
                    format!("{m}_procedure"),
                    format!("{upper}_PROC_"),
                    format!("{upper}_PROGRAM"),
                    format!("{upper}_PROTOCOL_VERSION"),
                ]
            })
            .collect();
        let mut config = Config::new();
        config.program(ProgramSpec {
            module: "remote",
            path: self.remote.clone(),
            type_prefix: "remote_",
            proc_enum: Some("remote_procedure"),
            proc_prefix: Some("REMOTE_PROC_"),
            program_const: Some("REMOTE_PROGRAM"),
            version_const: Some("REMOTE_PROTOCOL_VERSION"),
            all_messages: false,
        });
        for ((module, x, _), n) in self.extra.iter().zip(&names) {
            config.program(ProgramSpec {
                module,
                path: x.clone(),
                type_prefix: &n[0],
                proc_enum: Some(&n[1]),
                proc_prefix: Some(&n[2]),
                program_const: Some(&n[3]),
                version_const: Some(&n[4]),
                all_messages: false,
            });
        }
        let model = config.model()?;
        let mut functions = Vec::new();
        let mut api_files = Vec::new();
        for path in std::iter::once(&self.api).chain(self.extra.iter().map(|(_, _, api)| api)) {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, "read", e))?;
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            functions.extend(functions::read(&name, &text)?);
            api_files.push((name, text));
        }
        let flags = crate::api::flags_types(&api_files)?;
        let code = emit::module(&model, &functions, &flags)?;
        Ok(GeneratedFile {
            module: self.module.to_owned(),
            code,
        })
    }

    /// Generates and writes `<module>.rs` into `out_dir`, leaving the file
    /// untouched when its content is unchanged. Returns its path.
    pub fn write_to(&self, out_dir: impl AsRef<Path>) -> Result<PathBuf, Error> {
        let file = self.generate()?;
        let path = out_dir.as_ref().join(file.file_name());
        crate::write_if_changed(&path, &file.code)?;
        Ok(path)
    }
}
