//! Generates the protocol modules from libvirt's `.x` files, and the `api`
//! module of enums and flags from libvirt's API XML descriptions.
//!
//! The `.x` files are read from `protocol/xdr/` (see
//! `scripts/fetch-protocol.sh`), or from a libvirt source tree when
//! `LIBVIRT_SOURCE` is set; the API XML from `protocol/api/` (see
//! `scripts/fetch-api-xml.sh`, which `fetch-protocol.sh` runs), or from
//! `LIBVIRT_API_DIR` when set.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use virtwire_codegen::{ApiConfig, Config, ProgramSpec};

/// The libvirt release the API XML describes (as `scripts/lib/common.sh` pins it).
const LIBVIRT_RELEASE: &str = "11.3.0";

/// libvirt's API descriptions, in the order their types are emitted.
const API_FILES: &[&str] = &[
    "libvirt-api.xml",
    "libvirt-qemu-api.xml",
    "libvirt-lxc-api.xml",
    "libvirt-admin-api.xml",
];

/// One program: module, file name, where the file sits in libvirt's tree, type prefix.
struct Program {
    module: &'static str,
    file: &'static str,
    source_dir: &'static str,
    type_prefix: &'static str,
    /// `(proc enum, proc prefix, program const, version const)`
    procedures: Option<(&'static str, &'static str, &'static str, &'static str)>,
    all_messages: bool,
}

/// In dependency order: qemu and lxc use remote's types.
const PROGRAMS: &[Program] = &[
    Program {
        module: "remote",
        file: "remote_protocol.x",
        source_dir: "src/remote",
        type_prefix: "remote_",
        procedures: Some((
            "remote_procedure",
            "REMOTE_PROC_",
            "REMOTE_PROGRAM",
            "REMOTE_PROTOCOL_VERSION",
        )),
        all_messages: false,
    },
    Program {
        module: "qemu",
        file: "qemu_protocol.x",
        source_dir: "src/remote",
        type_prefix: "qemu_",
        procedures: Some((
            "qemu_procedure",
            "QEMU_PROC_",
            "QEMU_PROGRAM",
            "QEMU_PROTOCOL_VERSION",
        )),
        all_messages: false,
    },
    Program {
        module: "lxc",
        file: "lxc_protocol.x",
        source_dir: "src/remote",
        type_prefix: "lxc_",
        procedures: Some((
            "lxc_procedure",
            "LXC_PROC_",
            "LXC_PROGRAM",
            "LXC_PROTOCOL_VERSION",
        )),
        all_messages: false,
    },
    Program {
        module: "admin",
        file: "admin_protocol.x",
        source_dir: "src/admin",
        type_prefix: "admin_",
        procedures: Some((
            "admin_procedure",
            "ADMIN_PROC_",
            "ADMIN_PROGRAM",
            "ADMIN_PROTOCOL_VERSION",
        )),
        all_messages: false,
    },
    Program {
        module: "virnet",
        file: "virnetprotocol.x",
        source_dir: "src/rpc",
        type_prefix: "virNet",
        procedures: None,
        all_messages: false,
    },
    Program {
        module: "keepalive",
        file: "virkeepaliveprotocol.x",
        source_dir: "src/rpc",
        type_prefix: "keepalive_",
        procedures: Some((
            "keepalive_procedure",
            "KEEPALIVE_PROC_",
            "KEEPALIVE_PROGRAM",
            "KEEPALIVE_PROTOCOL_VERSION",
        )),
        all_messages: true,
    },
];

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=LIBVIRT_SOURCE");
    // The generated `roundtrip_body` is built for tests, `testgen` and cargo-fuzz.
    println!("cargo::rustc-check-cfg=cfg(fuzzing)");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let libvirt_source = std::env::var_os("LIBVIRT_SOURCE").map(PathBuf::from);

    let path_of = |p: &Program| -> PathBuf {
        match &libvirt_source {
            Some(root) => root.join(p.source_dir).join(p.file),
            None => manifest_dir.join("xdr").join(p.file),
        }
    };
    for p in PROGRAMS {
        println!("cargo:rerun-if-changed={}", path_of(p).display());
    }
    let missing: Vec<&str> = PROGRAMS
        .iter()
        .filter(|p| !path_of(p).is_file())
        .map(|p| p.file)
        .collect();
    if !missing.is_empty() {
        let place = match &libvirt_source {
            Some(root) => format!("under LIBVIRT_SOURCE={}", root.display()),
            None => "in protocol/xdr/".to_owned(),
        };
        eprintln!(
            "error: libvirt protocol files are missing {place}: run scripts/fetch-protocol.sh \
             (or set LIBVIRT_SOURCE=/path/to/libvirt); missing: {}",
            missing.join(", ")
        );
        return ExitCode::FAILURE;
    }

    let mut config = Config::new();
    for p in PROGRAMS {
        let (proc_enum, proc_prefix, program_const, version_const) = match p.procedures {
            Some((e, prefix, program, version)) => {
                (Some(e), Some(prefix), Some(program), Some(version))
            }
            None => (None, None, None, None),
        };
        config.program(ProgramSpec {
            module: p.module,
            path: path_of(p),
            type_prefix: p.type_prefix,
            proc_enum,
            proc_prefix,
            program_const,
            version_const,
            all_messages: p.all_messages,
        });
    }
    let written = config.generate().and_then(|files| {
        files
            .iter()
            .try_for_each(|f| f.write_into(&out_dir, Some(format)).map(drop))
    });
    if let Err(e) = written {
        eprintln!("error: generating the protocol modules failed: {e}");
        return ExitCode::FAILURE;
    }
    generate_api(&manifest_dir, &out_dir)
}

/// Writes `api.rs` from the API XML files.
fn generate_api(manifest_dir: &Path, out_dir: &Path) -> ExitCode {
    println!("cargo:rerun-if-env-changed=LIBVIRT_API_DIR");
    let (dir, place) = match std::env::var_os("LIBVIRT_API_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            let place = format!("in LIBVIRT_API_DIR={}", dir.display());
            (dir, place)
        }
        None => (manifest_dir.join("api"), "in protocol/api/".to_owned()),
    };
    let mut config = ApiConfig::new("api", LIBVIRT_RELEASE);
    for file in API_FILES {
        let path = dir.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        config.file(path);
    }
    let missing: Vec<&str> = API_FILES
        .iter()
        .copied()
        .filter(|f| !dir.join(f).is_file())
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "error: libvirt's API XML descriptions are missing {place}: run \
             scripts/fetch-protocol.sh (or set LIBVIRT_API_DIR=/usr/share/libvirt/api); \
             missing: {}",
            missing.join(", ")
        );
        return ExitCode::FAILURE;
    }
    match config
        .generate()
        .and_then(|f| f.write_into(out_dir, Some(format)))
    {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: generating the enums and flags from the API XML failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Lays the generated code out as rustfmt would (prettyplease), for IDEs
/// and docs.rs's source view; code it cannot parse is kept as generated.
fn format(code: &str) -> Option<String> {
    syn::parse_file(code)
        .ok()
        .map(|file| prettyplease::unparse(&file))
}
