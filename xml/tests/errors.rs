//! Bad input gives errors with line, column and element path, never panics.

use virtwire_xml::capabilities::Capabilities;
use virtwire_xml::domain::Domain;
use virtwire_xml::{ErrorKind, View};

#[test]
fn invalid_value_names_its_path_and_line() {
    let xml = "<domain type='kvm'>\n  <name>x</name>\n  <devices>\n    <disk type='file'><target dev='vda'/></disk>\n    <disk type='file'>\n      <boot order='first'/><target dev='vdb'/>\n    </disk>\n  </devices>\n</domain>\n";
    let e = Domain::from_xml(xml).unwrap_err();
    assert_eq!(e.path, "/domain/devices/disk[2]/boot/@order");
    assert_eq!((e.line, e.column), (6, 7));
    assert!(matches!(e.kind, ErrorKind::InvalidValue { .. }));
    assert!(
        e.to_string()
            .starts_with("line 6, column 7: /domain/devices/disk[2]/boot/@order")
    );
}

#[test]
fn invalid_text_value() {
    let e = Domain::from_xml("<domain>\n<memory unit='KiB'>lots</memory></domain>").unwrap_err();
    assert_eq!(e.path, "/domain/memory");
    assert_eq!((e.line, e.column), (2, 1));
}

#[test]
fn syntax_error_has_position_and_open_path() {
    let xml = "<domain>\n  <devices>\n    <disk type='file'>\n  </devices>\n</domain>";
    let e = Domain::from_xml(xml).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Syntax(_)), "{e}");
    assert_eq!(e.line, 4);
    assert_eq!(e.path, "/domain/devices/disk");
}

#[test]
fn wrong_root_is_an_error() {
    let e = Capabilities::from_xml("<domain/>").unwrap_err();
    assert!(matches!(
        e.kind,
        ErrorKind::WrongRoot {
            expected: "capabilities",
            ..
        }
    ));
}

#[test]
fn assorted_garbage_is_rejected() {
    for bad in [
        "",
        "   ",
        "<",
        "<domain",
        "<domain></other>",
        "<domain/><domain/>",
        "text<domain/>",
        "<domain>&bogus;</domain>",
        "<domain a='1' a='2'/>",
        "<domain><!-- a -- b --></domain>",
        "<domain>\u{0}</domain",
        "<?xml version='1.0'?><?xml version='1.0'?><domain/>",
    ] {
        assert!(Domain::from_xml(bad).is_err(), "accepted {bad:?}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let xml = format!(
        "<domain>{}{}</domain>",
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    );
    let e = Domain::from_xml(&xml).unwrap_err();
    assert!(e.to_string().contains("nested deeper"), "{e}");
}

#[test]
fn non_utf8_is_an_error() {
    let e = virtwire_xml::parse_tree_bytes(b"<domain>\n\xff</domain>").unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotUtf8);
    assert_eq!(e.line, 2);
}

#[test]
fn schema_rules_name_what_is_missing_or_wrong() {
    // A required child.
    let xml = "<domain>\n  <devices>\n    <disk type='file'><source file='/a'/></disk>\n  </devices>\n</domain>";
    let e = Domain::from_xml(xml).unwrap_err();
    assert_eq!(e.path, "/domain/devices/disk/target");
    assert_eq!((e.line, e.column), (3, 5));
    assert!(matches!(e.kind, ErrorKind::Constraint(_)), "{e}");
    // A range that depends on the address type: PCI slots end at 0x1f,
    // drive units do not.
    let pci = "<domain><devices><interface type='user'>\
               <address type='pci' bus='0' slot='0x20'/></interface></devices></domain>";
    let e = Domain::from_xml(pci).unwrap_err();
    assert_eq!(e.path, "/domain/devices/interface/address/@slot");
    let drive = pci.replace("type='pci' bus='0' slot='0x20'", "type='drive' unit='0x20'");
    assert!(Domain::from_xml(&drive).is_ok());
    // A pattern-typed value.
    let e = Domain::from_xml("<domain><vcpu cpuset='0-3,x'>2</vcpu></domain>").unwrap_err();
    assert_eq!(e.path, "/domain/vcpu/@cpuset");
    assert!(matches!(e.kind, ErrorKind::InvalidValue { .. }));
}
