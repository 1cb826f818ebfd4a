//! Replays the committed corpora of the XML fuzz targets
//! (`fuzz/corpus/xml_domain/`, `fuzz/corpus/xml_capabilities/`) through the
//! very checks the targets run (`fuzz/xml_checks.rs`), so every seed and
//! every crash once found keeps being checked by a plain `cargo test`.

#[allow(dead_code, unreachable_pub, missing_docs)]
mod checks {
    include!("../../fuzz/xml_checks.rs");
}

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// Runs `check` on every file of `fuzz/corpus/<target>/`; fails naming each
/// file that panics, and when there is no file at all.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus {} is empty", dir.display());
    let mut failed = Vec::new();
    for file in &files {
        let data =
            std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
            failed.push(file.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} {target} inputs fail: {failed:#?}",
        failed.len(),
        files.len()
    );
}

#[test]
fn xml_domain_corpus() {
    replay("xml_domain", checks::check_xml_domain);
}

#[test]
fn xml_capabilities_corpus() {
    replay("xml_capabilities", checks::check_xml_capabilities);
}

/// The seeds are real documents: each parses as its target's type (so the
/// fuzzers start from inputs that reach the typed layer).
#[test]
fn seeds_parse() {
    use virtwire_xml::View;
    use virtwire_xml::capabilities::{Capabilities, DomainCapabilities};
    use virtwire_xml::domain::Domain;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    for target in ["xml_domain", "xml_capabilities"] {
        for entry in std::fs::read_dir(dir.join(target)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.starts_with("seed-") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            let ok = match target {
                "xml_domain" => Domain::from_xml(&src).is_ok(),
                _ => {
                    Capabilities::from_xml(&src).is_ok()
                        || DomainCapabilities::from_xml(&src).is_ok()
                }
            };
            assert!(ok, "{} does not parse", path.display());
        }
    }
}
