// The checks behind the `xml_*` fuzz targets, shared with the corpus replay
// test (`xml/tests/fuzz_corpus.rs`) through `include!`, so a corpus file fails
// `cargo test` exactly when it would crash its fuzz target. Plain items only:
// no inner attributes, and no dependency beyond virtwire-xml.
//
// Every check takes arbitrary bytes and panics only when the library breaks a
// promise: parsing and strict validation never panic, and a document that parses is written back
// as text that parses again to the same document and the same tree, and
// writing that again gives the same text.

use virtwire_xml::capabilities::{Capabilities, DomainCapabilities};
use virtwire_xml::domain::Domain;
use virtwire_xml::{Document, View, parse_tree, parse_tree_bytes};

/// `data` as a `T` document (see the file comment for what must hold).
pub fn check_document<T: View + PartialEq + std::fmt::Debug>(data: &[u8]) {
    let tree = parse_tree_bytes(data);
    let Ok(src) = std::str::from_utf8(data) else {
        assert!(tree.is_err(), "bytes that are not UTF-8 parsed");
        return;
    };
    let Ok(doc) = Document::<T>::parse(src) else {
        return;
    };
    // Strict mode must not panic either, and agrees with itself whether or
    // not it has the source.
    let strict = Document::<T>::parse_strict(src).map(|_| ());
    assert_eq!(
        strict.is_ok(),
        doc.validate().is_ok(),
        "parse_strict and validate disagree"
    );
    let tree = tree.expect("a typed document parsed but its tree did not");
    let out = doc.to_xml();
    let again = match Document::<T>::parse(&out) {
        Ok(d) => d,
        Err(e) => panic!("the written document does not parse: {e}\n{out}"),
    };
    assert_eq!(again, doc, "the written document reads back differently");
    let out_tree = parse_tree(&out).expect("the written tree parses");
    assert_eq!(out_tree, tree, "the written tree differs from the input's");
    assert_eq!(again.to_xml(), out, "writing is not stable");
}

/// The `xml_domain` target: a `<domain>`.
pub fn check_xml_domain(data: &[u8]) {
    check_document::<Domain>(data);
}

/// The `xml_capabilities` target: `<capabilities>` and `<domainCapabilities>`
/// (whichever root the input has; the other is refused).
pub fn check_xml_capabilities(data: &[u8]) {
    check_document::<Capabilities>(data);
    check_document::<DomainCapabilities>(data);
}
