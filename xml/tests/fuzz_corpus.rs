//! Replays the committed corpora of the XML fuzz targets
//! (`fuzz/corpus/xml_domain/`, `fuzz/corpus/xml_capabilities/`) through the
//! very checks the targets run (`fuzz/xml_checks.rs`), so every seed and
//! every crash once found keeps being checked by a plain `cargo test`.

#[allow(dead_code, unreachable_pub, missing_docs)]
mod checks {
    include!("../../fuzz/xml_checks.rs");
}

use std::path::Path;

include!("../../fuzz/replay.rs");

/// Runs `check` on every file of `fuzz/corpus/<target>/`.
fn replay(target: &str, check: fn(&[u8])) {
    replay_dir(
        &corpus_dir(env!("CARGO_MANIFEST_DIR"), target),
        target,
        check,
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
