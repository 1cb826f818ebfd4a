//! Round-trips every XML file in libvirt's own test data through the typed
//! documents and checks the output is the same tree as the input; checks
//! every valid file also passes strict validation (no false positives), and
//! that every file libvirt's schema test expects to be invalid is refused,
//! by the lenient parse or by strict validation.
//!
//! The data comes from the pinned libvirt tarball via
//! `scripts/fetch-xml-testdata.sh`; without it this test fails (it does not
//! skip), so a green run always means the data was checked.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

use quick_xml::events::Event;
use virtwire_xml::capabilities::{Capabilities, DomainCapabilities};
use virtwire_xml::domain::Domain;
use virtwire_xml::model::Coverage;
use virtwire_xml::others::{
    DomainCheckpoint, DomainSnapshot, HostInterface, Network, NetworkPort, NodeDevice, NwFilter,
    NwFilterBinding, Secret, StoragePool, StorageVolume,
};
use virtwire_xml::{Document, Error, ValidationErrors, View};

/// Each test directory and the document its files hold. Keep in step with
/// DIRS in scripts/fetch-xml-testdata.sh.
const DIRS: &[(&str, Kind)] = &[
    ("qemuxmlconfdata", Kind::Domain),
    ("genericxml2xmlindata", Kind::Domain),
    ("networkxml2xmlin", Kind::Network),
    ("virnetworkportxml2xmldata", Kind::NetworkPort),
    ("storagepoolxml2xmlin", Kind::StoragePool),
    ("storagevolxml2xmlin", Kind::StorageVolume),
    ("nodedevschemadata", Kind::NodeDevice),
    ("secretxml2xmlin", Kind::Secret),
    ("interfaceschemadata", Kind::HostInterface),
    ("nwfilterxml2xmlin", Kind::NwFilter),
    ("virnwfilterbindingxml2xmldata", Kind::NwFilterBinding),
    ("capabilityschemadata", Kind::Capabilities),
    ("domaincapsdata", Kind::DomainCapabilities),
    ("qemudomainsnapshotxml2xmlin", Kind::DomainSnapshot),
    ("qemudomaincheckpointxml2xmlin", Kind::DomainCheckpoint),
];

/// Files named `-invalid.` that libvirt's schema test nevertheless expects to
/// be valid (`exceptions_qemuxmlconfdata` in tests/virschematest.c: the
/// outputs written for invalid inputs).
const VALID_DESPITE_NAME: &[&str] = &[
    "disk-cdrom-empty-network-invalid.x86_64-latest.xml",
    "numatune-auto-nodeset-invalid.x86_64-latest.xml",
];

#[derive(Clone, Copy, Debug)]
enum Kind {
    Domain,
    Network,
    NetworkPort,
    StoragePool,
    StorageVolume,
    NodeDevice,
    Secret,
    HostInterface,
    NwFilter,
    NwFilterBinding,
    Capabilities,
    DomainCapabilities,
    DomainSnapshot,
    DomainCheckpoint,
}

/// What one file gave: the written-back text, the coverage, and the strict
/// check's verdict.
type Outcome = (String, Coverage, Result<(), ValidationErrors>);

/// Parses as `T`, writes it back, and returns the output, coverage and the
/// strict check (with the source, so errors have positions).
fn typed<T: View>(src: &str) -> Result<Outcome, Error> {
    let doc = Document::<T>::parse(src)?;
    let strict = Document::<T>::parse_strict(src).map(|_| ());
    Ok((doc.to_xml(), doc.coverage(), strict))
}

fn round_trip(kind: Kind, src: &str) -> Result<Outcome, Error> {
    match kind {
        Kind::Domain => typed::<Domain>(src),
        Kind::Network => typed::<Network>(src),
        Kind::NetworkPort => typed::<NetworkPort>(src),
        Kind::StoragePool => typed::<StoragePool>(src),
        Kind::StorageVolume => typed::<StorageVolume>(src),
        Kind::NodeDevice => typed::<NodeDevice>(src),
        Kind::Secret => typed::<Secret>(src),
        Kind::HostInterface => typed::<HostInterface>(src),
        Kind::NwFilter => typed::<NwFilter>(src),
        Kind::NwFilterBinding => typed::<NwFilterBinding>(src),
        Kind::Capabilities => typed::<Capabilities>(src),
        Kind::DomainCapabilities => typed::<DomainCapabilities>(src),
        Kind::DomainSnapshot => typed::<DomainSnapshot>(src),
        Kind::DomainCheckpoint => typed::<DomainCheckpoint>(src),
    }
}

/// The document as a flat list of tree events, read directly with quick-xml
/// (not through virtwire-xml's parser, so a bug there cannot hide itself):
/// element starts with their ordered attributes, text (entities resolved,
/// adjacent pieces joined), CDATA, comments, PIs and ends. Two documents with
/// equal lists are equal trees with equal element order.
fn events(src: &str) -> Result<Vec<String>, String> {
    let mut r = quick_xml::Reader::from_str(src);
    r.config_mut().expand_empty_elements = true;
    let mut out: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut depth = 0usize;
    loop {
        let ev = r.read_event().map_err(|e| e.to_string())?;
        let is_text = matches!(ev, Event::Text(_) | Event::GeneralRef(_));
        if !is_text && !text.is_empty() {
            // Whitespace outside the root is layout, not content.
            if depth > 0 || !text.trim().is_empty() {
                out.push(format!("T {text}"));
            }
            text.clear();
        }
        match ev {
            Event::Start(e) => {
                depth += 1;
                out.push(format!("S {}", String::from_utf8_lossy(e.name().as_ref())));
                for a in e.attributes() {
                    let a = a.map_err(|e| e.to_string())?;
                    let v = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| e.to_string())?;
                    out.push(format!("A {}={v}", String::from_utf8_lossy(a.key.as_ref())));
                }
            }
            Event::End(_) => {
                depth -= 1;
                out.push("E".into());
            }
            Event::Text(t) => text.push_str(&t.xml10_content().map_err(|e| e.to_string())?),
            Event::GeneralRef(g) => match g.resolve_char_ref().map_err(|e| e.to_string())? {
                Some(c) => text.push(c),
                None => {
                    let n = g.decode().map_err(|e| e.to_string())?;
                    let v = quick_xml::escape::resolve_predefined_entity(&n)
                        .ok_or_else(|| format!("entity {n}"))?;
                    text.push_str(v);
                }
            },
            Event::CData(c) => out.push(format!("D {}", String::from_utf8_lossy(&c))),
            Event::Comment(c) => out.push(format!("C {}", String::from_utf8_lossy(&c))),
            Event::PI(p) => out.push(format!("P {}", String::from_utf8_lossy(&p))),
            Event::Decl(d) => out.push(format!("X {}", String::from_utf8_lossy(&d))),
            Event::DocType(d) => out.push(format!("Y {}", String::from_utf8_lossy(&d))),
            Event::Eof => break,
            Event::Empty(_) => unreachable!("expand_empty_elements is on"),
        }
    }
    Ok(out)
}

fn data_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../.virtwire/libvirt-xml-tests/tests")
}

#[derive(Default)]
struct DirReport {
    files: usize,
    passed: usize,
    failed: Vec<String>,
    /// Valid files that parse, round-trip and pass strict validation.
    strict_ok: usize,
    /// Valid files strict validation refuses (false positives).
    strict_refused: Vec<String>,
    /// Invalid files the lenient parse accepts but strict validation refuses.
    invalid_strict: usize,
    invalid_rejected: usize,
    invalid_accepted: Vec<String>,
    rejections: Vec<String>,
    coverage: Coverage,
}

fn check_file(kind: Kind, path: &Path, rep: &mut DirReport) {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let bytes = std::fs::read(path).unwrap();
    // libvirt's schema test expects files named `*-invalid.*` to fail, bar
    // its listed exceptions (virschematest.c).
    let invalid = name.contains("-invalid.") && !VALID_DESPITE_NAME.contains(&name.as_str());
    let result = catch_unwind(AssertUnwindSafe(|| {
        let src = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
        let (out, cov, strict) = round_trip(kind, src).map_err(|e| e.to_string())?;
        let (a, b) = (events(src)?, events(&out)?);
        if a != b {
            let i = a
                .iter()
                .zip(&b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(b.len()));
            return Err(format!(
                "tree differs at event {i}: input {:?}, output {:?}",
                a.get(i),
                b.get(i)
            ));
        }
        Ok((cov, strict))
    }));
    rep.files += 1;
    match result {
        Err(_) => rep.failed.push(format!("{name}: PANICKED")),
        Ok(Err(e)) if invalid => {
            rep.invalid_rejected += 1;
            rep.rejections.push(format!("{name}: {e}"));
        }
        Ok(Ok((_, Err(e)))) if invalid => {
            rep.invalid_rejected += 1;
            rep.invalid_strict += 1;
            rep.rejections.push(format!("{name}: strict: {e}"));
        }
        Ok(Ok((_, Ok(())))) if invalid => rep.invalid_accepted.push(name),
        Ok(Ok((cov, strict))) => {
            rep.passed += 1;
            rep.coverage += cov;
            match strict {
                Ok(()) => rep.strict_ok += 1,
                Err(e) => {
                    let all: Vec<String> = e.errors.iter().map(|e| e.to_string()).collect();
                    rep.strict_refused
                        .push(format!("{name}: {}", all.join("; ")));
                }
            }
        }
        Ok(Err(e)) => rep.failed.push(format!("{name}: {e}")),
    }
}

#[test]
fn libvirt_test_data_round_trips() {
    let root = data_root();
    assert!(
        root.is_dir(),
        "libvirt's XML test data is missing at {}: run scripts/fetch-xml-testdata.sh",
        root.display()
    );
    let start = Instant::now();
    let mut reports = BTreeMap::new();
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
        let mut rep = DirReport::default();
        for f in &files {
            check_file(kind, f, &mut rep);
        }
        reports.insert(dir, rep);
    }

    let mut total = DirReport::default();
    println!(
        "{:<32} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>9} {:>9}",
        "directory",
        "files",
        "passed",
        "failed",
        "strict",
        "s.fail",
        "inv.rej",
        "(strict)",
        "inv.acc",
        "modelled",
        "kept"
    );
    for (dir, r) in &reports {
        print_row(dir, r);
        for f in &r.failed {
            println!("    FAILED {f}");
        }
        for f in &r.strict_refused {
            println!("    STRICT FALSE POSITIVE {f}");
        }
        for f in &r.rejections {
            println!("    rejected {f}");
        }
        total.files += r.files;
        total.passed += r.passed;
        total.failed.extend(r.failed.iter().cloned());
        total.strict_ok += r.strict_ok;
        total
            .strict_refused
            .extend(r.strict_refused.iter().cloned());
        total.invalid_strict += r.invalid_strict;
        total.invalid_rejected += r.invalid_rejected;
        total
            .invalid_accepted
            .extend(r.invalid_accepted.iter().cloned());
        total.coverage += r.coverage;
    }
    print_row("TOTAL", &total);
    println!("took {:.2?}", start.elapsed());
    assert!(
        total.files > 2500,
        "expected libvirt's ~2700 files, found {}",
        total.files
    );
    assert!(
        total.failed.is_empty(),
        "{} files failed",
        total.failed.len()
    );
    assert!(
        total.strict_refused.is_empty(),
        "strict validation refused {} valid files",
        total.strict_refused.len()
    );
    assert_eq!(total.strict_ok, total.passed);
    assert!(
        total.invalid_accepted.is_empty(),
        "files marked -invalid were accepted by parse and strict validation: {:?}",
        total.invalid_accepted
    );
}

/// One line of the table: `strict` counts valid files that pass strict
/// validation too, `s.fail` those it refuses (false positives), `(strict)`
/// the invalid files only strict validation refuses.
fn print_row(dir: &str, r: &DirReport) {
    println!(
        "{:<32} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>9} {:>9}",
        dir,
        r.files,
        r.passed,
        r.failed.len(),
        r.strict_ok,
        r.strict_refused.len(),
        r.invalid_rejected,
        r.invalid_strict,
        r.invalid_accepted.len(),
        r.coverage.modelled,
        r.coverage.kept
    );
}
