//! Derives the strict mode's tables (`src/schema.rs`) from libvirt's
//! RelaxNG schemas.
//!
//! The schemas are read from `.virtwire/libvirt-xml-tests/src/conf/schemas/`
//! (see `scripts/fetch-xml-testdata.sh`), or from a libvirt source tree when
//! `LIBVIRT_SOURCE` is set. What is derived, and why it is sound, is
//! described in `src/strict.rs`.

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "build/emit.rs"]
mod emit;
#[path = "build/required.rs"]
mod required;
#[path = "build/rng.rs"]
mod rng;
#[path = "build/summary.rs"]
mod summary;

/// The document schemas compiled, one per root element the crate models.
const SCHEMAS: &[&str] = &[
    "domain.rng",
    "network.rng",
    "networkport.rng",
    "storagepool.rng",
    "storagevol.rng",
    "nodedev.rng",
    "secret.rng",
    "interface.rng",
    "nwfilter.rng",
    "nwfilterbinding.rng",
    "capability.rng",
    "domaincaps.rng",
    "domainsnapshot.rng",
    "domaincheckpoint.rng",
];

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-env-changed=LIBVIRT_SOURCE");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let (dir, place) = match std::env::var_os("LIBVIRT_SOURCE") {
        Some(src) => {
            let d = PathBuf::from(src).join("src/conf/schemas");
            let place = format!("in LIBVIRT_SOURCE's {}", d.display());
            (d, place)
        }
        None => {
            let d = manifest_dir.join("../.virtwire/libvirt-xml-tests/src/conf/schemas");
            let place = format!("at {}", d.display());
            (d, place)
        }
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    let missing: Vec<&str> = SCHEMAS
        .iter()
        .copied()
        .filter(|f| !dir.join(f).is_file())
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "error: libvirt's RelaxNG schemas are missing {place}: run \
             scripts/fetch-xml-testdata.sh (or set LIBVIRT_SOURCE=/path/to/libvirt); \
             missing: {}",
            missing.join(", ")
        );
        return ExitCode::FAILURE;
    }
    let mut inputs = Vec::new();
    for file in SCHEMAS {
        let compiled = rng::Grammar::load(&dir.join(file)).and_then(|g| {
            for f in &g.files {
                println!("cargo:rerun-if-changed={}", f.display());
            }
            summary::compile(&g)
        });
        match compiled {
            Ok(compiled) => inputs.push(emit::Input {
                file: (*file).to_owned(),
                compiled,
            }),
            Err(e) => {
                eprintln!("error: compiling {file}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("schema_tables.rs");
    if let Err(e) = std::fs::write(&out, emit::emit(&inputs)) {
        eprintln!("error: writing {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
