//! Parse and serialize times of typed documents.
//!
//! `cargo bench -p virtwire-xml --bench xml`. Under `cargo test
//! --all-targets` divan runs every benchmark once, as a smoke test. Needs
//! libvirt's test data (`scripts/fetch-xml-testdata.sh`) for the
//! capabilities documents. Peak memory: `cargo run --release -p
//! virtwire-xml --example memory`.
//!
//! `parse` is `Document::<T>::parse` from a `&str`: building the owned tree
//! and checking every modelled value and rule; `tree` is the untyped
//! `parse_tree` alone; `write` is `to_xml` into a new `String`; `validate`
//! is the strict mode's `Document::validate` on a parsed document. Parsed
//! documents and written strings are dropped outside the timing (divan's
//! deferred drop).

#[allow(dead_code)]
mod data;

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use virtwire_xml::capabilities::{Capabilities, DomainCapabilities};
use virtwire_xml::domain::Domain;
use virtwire_xml::{Document, View, parse_tree};

fn main() {
    divan::main();
}

fn bench_parse<T: View>(bencher: Bencher, src: &str, items: usize) {
    bencher
        .counter(BytesCount::of_str(src))
        .counter(ItemsCount::new(items))
        .bench(|| Document::<T>::parse(black_box(src)).unwrap());
}

fn bench_tree(bencher: Bencher, src: &str) {
    bencher
        .counter(BytesCount::of_str(src))
        .bench(|| parse_tree(black_box(src)).unwrap());
}

fn bench_write<T: View + Sync>(bencher: Bencher, src: &str) {
    let doc = Document::<T>::parse(src).unwrap();
    bencher
        .counter(BytesCount::of_str(src))
        .bench(|| black_box(&doc).to_xml());
}

/// A running guest's XML with 200 devices (100 disks, 100 NICs).
mod domain_200_devices {
    use super::*;

    #[divan::bench]
    fn parse(bencher: Bencher) {
        let src = data::domain_200();
        bench_parse::<Domain>(bencher, &src, 200);
    }

    #[divan::bench]
    fn tree(bencher: Bencher) {
        bench_tree(bencher, &data::domain_200());
    }

    #[divan::bench]
    fn write(bencher: Bencher) {
        bench_write::<Domain>(bencher, &data::domain_200());
    }

    /// Strict mode on the parsed document (`Document::validate`).
    #[divan::bench]
    fn validate(bencher: Bencher) {
        let doc = Document::<Domain>::parse(&data::domain_200()).unwrap();
        bencher.bench(|| black_box(&doc).validate().unwrap());
    }

    /// Read-modify-write of one value: parse, point one disk elsewhere,
    /// write back.
    #[divan::bench]
    fn edit_one_disk(bencher: Bencher) {
        let src = data::domain_200();
        bencher.counter(BytesCount::of_str(&src)).bench(|| {
            let mut doc = Domain::from_xml(black_box(&src)).unwrap();
            let disk = doc.devices_mut().disks_mut().nth(50).unwrap();
            disk.source_mut()
                .set_file("/var/lib/libvirt/images/moved.qcow2");
            doc.to_xml()
        });
    }
}

/// `capabilityschemadata/caps-qemu-kvm.xml` from libvirt's tests.
mod capabilities {
    use super::*;

    #[divan::bench]
    fn parse(bencher: Bencher) {
        let src = data::capabilities();
        bench_parse::<Capabilities>(bencher, &src, 1);
    }

    #[divan::bench]
    fn write(bencher: Bencher) {
        bench_write::<Capabilities>(bencher, &data::capabilities());
    }
}

/// `domaincapsdata/qemu_7.0.0-tcg.x86_64.xml` from libvirt's tests.
mod domain_capabilities {
    use super::*;

    #[divan::bench]
    fn parse(bencher: Bencher) {
        let src = data::domain_capabilities();
        bench_parse::<DomainCapabilities>(bencher, &src, 1);
    }

    #[divan::bench]
    fn write(bencher: Bencher) {
        bench_write::<DomainCapabilities>(bencher, &data::domain_capabilities());
    }
}
