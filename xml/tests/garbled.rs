//! Property test: truncated and garbled copies of libvirt's test files must
//! give an `Ok` or an `Err`, never a panic, through every document type and
//! the strict mode.

use std::path::Path;

use virtwire_xml::capabilities::{Capabilities, DomainCapabilities};
use virtwire_xml::domain::Domain;
use virtwire_xml::others::{Network, StoragePool};
use virtwire_xml::{Document, View, parse_tree_bytes};

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(src: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut v = src.to_vec();
    match rng.below(5) {
        0 => v.truncate(rng.below(v.len() + 1)),
        1 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(v.len());
                const PICK: &[u8] = b"<>/='\"&;![]-? \nax\xff\x00";
                if let Some(b) = v.get_mut(i) {
                    *b = PICK[rng.below(PICK.len())];
                }
            }
        }
        2 => {
            let a = rng.below(v.len());
            let b = (a + rng.below(64)).min(v.len());
            v.drain(a..b);
        }
        3 => {
            let a = rng.below(v.len());
            let b = (a + rng.below(64)).min(v.len());
            let chunk = v[a..b].to_vec();
            let at = rng.below(v.len());
            v.splice(at..at, chunk);
        }
        _ => {
            // Swap two chunks: mismatched tags and attributes out of place.
            let a = rng.below(v.len());
            let b = rng.below(v.len());
            let (a, b) = (a.min(b), a.max(b));
            v[a..b].reverse();
        }
    }
    v
}

fn exercise(bytes: &[u8]) {
    let _ = parse_tree_bytes(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        if let Ok(d) = Domain::from_xml(s) {
            // Whatever parses must write back and re-parse to the same tree.
            let out = d.to_xml();
            let again = Domain::from_xml(&out).expect("own output parses");
            assert_eq!(again.to_xml(), out);
            if let Some(dev) = d.devices() {
                let _ = dev.disk_targets().count();
                let _ = dev.interface_targets().count();
                let _ = dev.graphics_ports().count();
            }
            let _ = d.coverage();
            // Strict mode, with and without the source, agrees with itself.
            let strict = Document::<Domain>::parse_strict(s).map(|_| ());
            assert_eq!(strict.is_ok(), d.validate().is_ok());
        }
        let _ = Capabilities::from_xml(s);
        let _ = DomainCapabilities::from_xml(s);
        let _ = Network::from_xml(s);
        let _ = StoragePool::from_xml(s);
        let _ = Document::<DomainCapabilities>::parse_strict(s);
        let _ = Document::<Network>::parse_strict(s);
    }
}

#[test]
fn garbled_test_files_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.virtwire/libvirt-xml-tests/tests");
    assert!(
        root.is_dir(),
        "libvirt's XML test data is missing: run scripts/fetch-xml-testdata.sh"
    );
    let mut files = Vec::new();
    for dir in [
        "qemuxmlconfdata",
        "capabilityschemadata",
        "domaincapsdata",
        "networkxml2xmlin",
    ] {
        let mut v: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "xml"))
            .collect();
        v.sort();
        // Every 25th file keeps the test quick while covering each kind.
        files.extend(v.into_iter().step_by(25));
    }
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut cases = 0;
    for f in &files {
        let src = std::fs::read(f).unwrap();
        exercise(&src);
        for _ in 0..40 {
            exercise(&mutate(&src, &mut rng));
            cases += 1;
        }
    }
    println!("{cases} garbled inputs from {} files", files.len());
}
