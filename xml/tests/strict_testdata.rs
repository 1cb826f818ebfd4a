//! Strict mode against more of libvirt's schema-tested files: the output
//! and driver directories `tests/virschematest.c` validates against the
//! schemas the strict mode is derived from, beyond the input directories
//! `libvirt_testdata.rs` round-trips. Every file libvirt expects to be valid
//! must pass `validate()` (no false positives); the `*-invalid` ones are
//! listed with whether they were refused.
//!
//! The files are only parsed as trees (not every one of them is a document
//! the typed views accept, e.g. outputs written for invalid inputs), then
//! wrapped in the document type of their directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use virtwire_xml::capabilities::Capabilities;
use virtwire_xml::domain::Domain;
use virtwire_xml::others::{
    DomainCheckpoint, DomainSnapshot, Network, NodeDevice, NwFilter, StoragePool, StorageVolume,
};
use virtwire_xml::{Document, ValidationErrors, View, parse_tree};

/// Each directory and the document type its files hold. Keep in step with
/// the second group of DIRS in scripts/fetch-xml-testdata.sh.
const DIRS: &[(&str, Kind)] = &[
    ("domainschemadata", Kind::Domain),
    ("xmconfigdata", Kind::Domain),
    ("lxcxml2xmldata", Kind::Domain),
    ("lxcxml2xmloutdata", Kind::Domain),
    ("bhyvexml2argvdata", Kind::Domain),
    ("bhyvexml2xmloutdata", Kind::Domain),
    ("genericxml2xmloutdata", Kind::Domain),
    ("xlconfigdata", Kind::Domain),
    ("libxlxml2domconfigdata", Kind::Domain),
    ("qemuhotplugtestdomains", Kind::Domain),
    ("qemuhotplugtestcpus", Kind::Domain),
    ("securityselinuxlabeldata", Kind::Domain),
    ("domainconfdata", Kind::Domain),
    ("lxcconf2xmldata", Kind::Domain),
    ("qemumemlockdata", Kind::Domain),
    ("vmx2xmldata", Kind::Domain),
    ("xml2vmxdata", Kind::Domain),
    ("bhyveargv2xmldata", Kind::Domain),
    ("qemuagentdata", Kind::Domain),
    ("chxml2xmlin", Kind::Domain),
    ("chxml2xmlout", Kind::Domain),
    ("qemudomaincheckpointxml2xmlout", Kind::DomainCheckpoint),
    ("qemudomainsnapshotxml2xmlout", Kind::DomainSnapshot),
    ("networkxml2xmlout", Kind::Network),
    ("networkxml2xmlupdateout", Kind::Network),
    ("networkxml2firewalldata", Kind::Network),
    ("nodedevxml2xmlout", Kind::NodeDevice),
    ("nwfilterxml2xmlout", Kind::NwFilter),
    ("nwfilterxml2firewalldata", Kind::NwFilter),
    ("storagepoolxml2xmlout", Kind::StoragePool),
    ("storagepoolschemadata", Kind::StoragePool),
    ("storagevolxml2xmlout", Kind::StorageVolume),
    ("storagevolschemadata", Kind::StorageVolume),
    ("qemucaps2xmloutdata", Kind::Capabilities),
];

#[derive(Clone, Copy, Debug)]
enum Kind {
    Domain,
    DomainCheckpoint,
    DomainSnapshot,
    Network,
    NodeDevice,
    NwFilter,
    StoragePool,
    StorageVolume,
    Capabilities,
}

/// `tree` as a `T` document, validated.
fn validate_as<T: View>(tree: virtwire_xml::Tree) -> Result<(), ValidationErrors> {
    Document {
        prolog: tree.prolog,
        root: T::from_element(tree.root),
        epilog: tree.epilog,
    }
    .validate()
}

fn validate(kind: Kind, src: &str) -> Result<(), String> {
    let tree = parse_tree(src).map_err(|e| e.to_string())?;
    let r = match kind {
        Kind::Domain => validate_as::<Domain>(tree),
        Kind::DomainCheckpoint => validate_as::<DomainCheckpoint>(tree),
        Kind::DomainSnapshot => validate_as::<DomainSnapshot>(tree),
        Kind::Network => validate_as::<Network>(tree),
        Kind::NodeDevice => validate_as::<NodeDevice>(tree),
        Kind::NwFilter => validate_as::<NwFilter>(tree),
        Kind::StoragePool => validate_as::<StoragePool>(tree),
        Kind::StorageVolume => validate_as::<StorageVolume>(tree),
        Kind::Capabilities => validate_as::<Capabilities>(tree),
    };
    r.map_err(|e| {
        let all: Vec<String> = e.errors.iter().map(|e| e.to_string()).collect();
        all.join("; ")
    })
}

#[derive(Default)]
struct Counts {
    valid: usize,
    passed: usize,
    invalid: usize,
    invalid_refused: usize,
}

#[test]
fn strict_mode_passes_every_file_libvirts_schema_test_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.virtwire/libvirt-xml-tests/tests");
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut false_positives = Vec::new();
    for &(dir, kind) in DIRS {
        let path = root.join(dir);
        assert!(
            path.is_dir(),
            "{} is missing: run scripts/fetch-xml-testdata.sh",
            path.display()
        );
        let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "xml"))
            .collect();
        files.sort();
        let c = counts.entry(dir).or_default();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            let src = std::fs::read_to_string(&f).unwrap();
            let result = validate(kind, &src);
            if name.contains("-invalid.") {
                c.invalid += 1;
                match result {
                    Err(e) => {
                        c.invalid_refused += 1;
                        println!("    refused {dir}/{name}: {e}");
                    }
                    Ok(()) => println!("    accepted {dir}/{name} (libvirt's schema refuses it)"),
                }
                continue;
            }
            c.valid += 1;
            match result {
                Ok(()) => c.passed += 1,
                Err(e) => false_positives.push(format!("{dir}/{name}: {e}")),
            }
        }
    }
    println!(
        "{:<32} {:>6} {:>7} {:>8} {:>8}",
        "directory", "valid", "strict", "invalid", "refused"
    );
    let mut total = Counts::default();
    for (dir, c) in &counts {
        println!(
            "{:<32} {:>6} {:>7} {:>8} {:>8}",
            dir, c.valid, c.passed, c.invalid, c.invalid_refused
        );
        total.valid += c.valid;
        total.passed += c.passed;
        total.invalid += c.invalid;
        total.invalid_refused += c.invalid_refused;
    }
    println!(
        "{:<32} {:>6} {:>7} {:>8} {:>8}",
        "TOTAL", total.valid, total.passed, total.invalid, total.invalid_refused
    );
    for f in &false_positives {
        println!("    FALSE POSITIVE {f}");
    }
    assert!(
        total.valid > 800,
        "expected ~850 files, found {}",
        total.valid
    );
    assert!(
        false_positives.is_empty(),
        "strict mode refused {} files libvirt's schema accepts",
        false_positives.len()
    );
}
