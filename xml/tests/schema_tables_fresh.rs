//! Regenerates the strict mode's tables (`src/generated/schema_tables.rs`)
//! from libvirt's RelaxNG schemas and checks they equal the committed file;
//! `UPDATE_GOLDEN=1` rewrites the file instead.
//!
//! The generator (`tests/schema_gen/`) is only compiled into this test, so
//! the library builds from its own package with no schema at hand, and
//! ships only the facts the tables hold (element and attribute names, value
//! lists), no schema text. What is derived, and why it is sound, is
//! described in `src/lib.rs` ("Strict mode").
//!
//! The schemas are read from `.virtwire/libvirt-xml-tests/src/conf/schemas/`
//! (put there by `scripts/fetch-xml-testdata.sh`), or from a libvirt source
//! tree when `LIBVIRT_SOURCE` is set. Without them this test fails (it does
//! not skip), so a green run always means the tables were checked.
//!
//! The output is laid out by `rustfmt` (or `$RUSTFMT`), so that the
//! committed file passes `cargo fmt --check`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[path = "schema_gen/emit.rs"]
mod emit;
#[path = "schema_gen/required.rs"]
mod required;
#[path = "schema_gen/rng.rs"]
mod rng;
#[path = "schema_gen/summary.rs"]
mod summary;

/// The libvirt release whose schemas the committed tables come from; keep in
/// step with `VIRTWIRE_LIBVIRT_VERSION` in `scripts/lib/common.sh`.
const LIBVIRT_RELEASE: &str = "11.3.0";

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

/// The committed tables.
fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/generated/schema_tables.rs")
}

/// The schema directory and a description of where it is, for messages.
fn schema_dir() -> (PathBuf, String) {
    match std::env::var_os("LIBVIRT_SOURCE") {
        Some(src) => {
            let d = PathBuf::from(src).join("src/conf/schemas");
            let place = format!("in LIBVIRT_SOURCE's {}", d.display());
            (d, place)
        }
        None => {
            let d = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../.virtwire/libvirt-xml-tests/src/conf/schemas");
            let place = format!("at {}", d.display());
            (d, place)
        }
    }
}

/// The generated source, before formatting.
fn generate() -> String {
    let (dir, place) = schema_dir();
    let missing: Vec<&str> = SCHEMAS
        .iter()
        .copied()
        .filter(|f| !dir.join(f).is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "libvirt's RelaxNG schemas are missing {place}: run \
         scripts/fetch-xml-testdata.sh (or set LIBVIRT_SOURCE=/path/to/libvirt); \
         missing: {}",
        missing.join(", ")
    );
    let inputs: Vec<emit::Input> = SCHEMAS
        .iter()
        .map(|file| {
            let compiled = rng::Grammar::load(&dir.join(file))
                .and_then(|g| summary::compile(&g))
                .unwrap_or_else(|e| panic!("compiling {file}: {e}"));
            emit::Input {
                file: (*file).to_owned(),
                compiled,
            }
        })
        .collect();
    let header = format!(
        "// @generated from libvirt {LIBVIRT_RELEASE}'s RelaxNG schemas (src/conf/schemas/*.rng)\n\
         // by xml/tests/schema_tables_fresh.rs. Do not edit.\n\
         //\n\
         // Facts only: element and attribute names and their closed value lists.\n\
         // To regenerate: scripts/fetch-xml-testdata.sh, then\n\
         //   UPDATE_GOLDEN=1 cargo test -p virtwire-xml --test schema_tables_fresh\n"
    );
    emit::emit(&header, &inputs)
}

/// `code` as rustfmt lays it out (edition 2024, default options, as the
/// workspace has no rustfmt.toml).
fn rustfmt(code: &str) -> String {
    let bin = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let mut child = Command::new(&bin)
        .args(["--edition", "2024", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "running {}: {e} (install it with `rustup component add rustfmt`, \
                 or set RUSTFMT)",
                bin.to_string_lossy()
            )
        });
    let mut stdin = child.stdin.take().unwrap();
    let input = code.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "rustfmt failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn schema_tables_are_fresh() {
    let code = rustfmt(&generate());
    let path = committed();
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, &code).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected == code {
        return;
    }
    let line = expected
        .lines()
        .zip(code.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.lines().count().min(code.lines().count()))
        + 1;
    panic!(
        "the strict mode's tables differ from {} (first difference at line {line}); \
         UPDATE_GOLDEN=1 rewrites it",
        path.display()
    );
}
