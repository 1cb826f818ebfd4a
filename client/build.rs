//! Generates the object handles' methods (`handles.rs`) from libvirt's
//! `remote_protocol.x`, `qemu_protocol.x` and `lxc_protocol.x` and their API
//! XML (`libvirt-api.xml`, ...), the same files the protocol
//! crate is generated from: `../protocol/xdr/` and `../protocol/api/`, or
//! `LIBVIRT_SOURCE` and `LIBVIRT_API_DIR` when set.

use std::path::PathBuf;
use std::process::ExitCode;

use virtwire_codegen::HandlesConfig;

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=LIBVIRT_SOURCE");
    println!("cargo:rerun-if-env-changed=LIBVIRT_API_DIR");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let protocol = manifest_dir.join("../protocol");
    let x = |file: &str| match std::env::var_os("LIBVIRT_SOURCE") {
        Some(root) => PathBuf::from(root).join("src/remote").join(file),
        None => protocol.join("xdr").join(file),
    };
    let api = |file: &str| match std::env::var_os("LIBVIRT_API_DIR") {
        Some(dir) => PathBuf::from(dir).join(file),
        None => protocol.join("api").join(file),
    };
    let mut config = HandlesConfig::new("handles", x("remote_protocol.x"), api("libvirt-api.xml"));
    config
        .program("qemu", x("qemu_protocol.x"), api("libvirt-qemu-api.xml"))
        .program("lxc", x("lxc_protocol.x"), api("libvirt-lxc-api.xml"));
    for path in config.input_paths() {
        println!("cargo:rerun-if-changed={}", path.display());
        if !path.is_file() {
            eprintln!(
                "error: {} is missing: run scripts/fetch-protocol.sh (or set LIBVIRT_SOURCE \
                 and LIBVIRT_API_DIR)",
                path.display()
            );
            return ExitCode::FAILURE;
        }
    }
    match config
        .generate()
        .and_then(|f| f.write_into(&out_dir, Some(format)))
    {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: generating the object handles failed: {e}");
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
