//! Strict mode (`Document::validate`, `Document::parse_strict`): what libvirt's
//! schema refuses is reported with its path (and, from source, its line and
//! column); what it allows, wildcards included, passes; lenient parsing is
//! unchanged.

use virtwire_xml::capabilities::DomainCapabilities;
use virtwire_xml::domain::{Disk, Domain, Interface};
use virtwire_xml::others::{HostInterface, NwFilter};
use virtwire_xml::{Document, ErrorKind, ValidationErrors, View, parse_tree};

/// The only error strict parsing of `xml` as `T` reports.
fn only_error<T: View + std::fmt::Debug>(xml: &str) -> virtwire_xml::Error {
    let errs = Document::<T>::parse_strict(xml).expect_err("strict mode accepted it");
    assert_eq!(errs.errors.len(), 1, "{errs:?}");
    errs.errors.into_iter().next().expect("one error")
}

#[test]
fn unknown_attribute_is_reported_with_path_and_position() {
    // The typo of libvirt's nwfilterxml2xmlin/quirks-invalid.xml.
    let xml = "<filter name='t'>\n  <rule action='accept' direction='in'>\n    <tcp srcportstart='22'/>\n    <tcp match='no' srcporttend='24'/>\n  </rule>\n</filter>\n";
    // Lenient parsing keeps it, as before.
    let doc = NwFilter::from_xml(xml).expect("lenient parse");
    let e = only_error::<NwFilter>(xml);
    assert_eq!(e.path, "/filter/rule/tcp[2]/@srcporttend");
    assert_eq!((e.line, e.column), (4, 5));
    assert_eq!(
        e.kind,
        ErrorKind::AttributeNotAllowed {
            name: "srcporttend".into()
        }
    );
    // Without the source, the same error without a position.
    let e = doc.validate().expect_err("validate").errors.remove(0);
    assert_eq!(e.path, "/filter/rule/tcp[2]/@srcporttend");
    assert_eq!((e.line, e.column), (0, 0));
}

#[test]
fn value_outside_a_closed_list_is_reported() {
    // libvirt's qemuxmlconfdata/aarch64-gic-invalid.xml.
    let xml = "<domain type='kvm'>\n  <name>g</name>\n  <features>\n    <gic version='none'/>\n  </features>\n</domain>";
    assert!(Domain::from_xml(xml).is_ok(), "lenient parse keeps Other");
    let e = only_error::<Domain>(xml);
    assert_eq!(e.path, "/domain/features/gic/@version");
    assert_eq!((e.line, e.column), (4, 5));
    assert_eq!(
        e.kind,
        ErrorKind::ValueNotAllowed {
            value: "none".into(),
            allowed: vec!["2", "3", "host"],
        }
    );
    // libvirt's hugepages-memaccess-invalid.xml: an indexed path.
    let xml = "<domain type='kvm'><name>g</name><cpu><numa>\
               <cell id='0' cpus='0' memory='1024' memAccess='shared'/>\
               <cell id='1' cpus='1' memory='1024' memAccess='invalid'/>\
               </numa></cpu></domain>";
    let e = only_error::<Domain>(xml);
    assert_eq!(e.path, "/domain/cpu/numa/cell[2]/@memAccess");
    assert!(
        e.to_string()
            .ends_with("value \"invalid\" is not allowed: expected \"private\", \"shared\""),
        "{e}"
    );
}

#[test]
fn element_the_schema_does_not_know_is_reported() {
    let xml = "<domain type='kvm'>\n  <name>g</name>\n  <devices>\n    <disk type='file'><target dev='vda'/><sorce file='/a'/></disk>\n  </devices>\n</domain>";
    let e = only_error::<Domain>(xml);
    assert_eq!(e.path, "/domain/devices/disk/sorce");
    assert_eq!((e.line, e.column), (4, 42));
    assert_eq!(
        e.kind,
        ErrorKind::ElementNotAllowed {
            name: "sorce".into()
        }
    );
    // Known elsewhere but not here: context, not just the name, counts.
    let e = only_error::<Domain>("<domain type='kvm'><name>g</name><target dev='vda'/></domain>");
    assert_eq!(e.path, "/domain/target");
}

#[test]
fn what_every_reading_requires_is_reported_missing() {
    // A <disk> needs a <target> however it is read; a <source> only in
    // some readings, so its absence is not reported.
    // (The lenient parse's own rules refuse a disk without a target too,
    // so check the tree directly.)
    let tree = parse_tree(
        "<domain type='kvm'><name>g</name><devices><disk type='file'/></devices></domain>",
    )
    .unwrap();
    let doc = Document {
        prolog: tree.prolog,
        root: Domain::from_element(tree.root),
        epilog: tree.epilog,
    };
    let errs = doc.validate().unwrap_err();
    assert_eq!(errs.errors.len(), 1, "{errs}");
    let e = &errs.errors[0];
    assert_eq!(e.path, "/domain/devices/disk/target");
    assert_eq!(
        e.kind,
        ErrorKind::MissingElement {
            name: "target".into()
        }
    );
    let e = only_error::<Domain>("<domain><name>g</name></domain>");
    assert_eq!(e.path, "/domain/@type");
    assert_eq!(
        e.kind,
        ErrorKind::MissingAttribute {
            name: "type".into()
        }
    );
}

#[test]
fn text_where_the_schema_has_none_is_reported() {
    let e =
        only_error::<Domain>("<domain type='kvm'><name>g</name><devices>oops</devices></domain>");
    assert_eq!(e.path, "/domain/devices");
    assert_eq!(
        e.kind,
        ErrorKind::TextNotAllowed {
            text: "oops".into()
        }
    );
}

#[test]
fn every_error_is_reported_in_document_order() {
    let xml = "<domain type='kvm' bogus='1'><name>g</name><features><gic version='9'/></features><nope/></domain>";
    let errs: ValidationErrors = Document::<Domain>::parse_strict(xml).unwrap_err();
    let paths: Vec<&str> = errs.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/domain/@bogus",
            "/domain/features/gic/@version",
            "/domain/nope"
        ]
    );
    assert!(errs.to_string().ends_with("(and 2 more)"), "{errs}");
}

#[test]
fn wildcards_and_namespaces_stay_open() {
    // <metadata> takes any element with any attributes; the qemu namespace
    // is matched by URI, whatever its prefix.
    let xml = "<domain type='kvm' xmlns:q='http://libvirt.org/schemas/domain/qemu/1.0'>\
               <name>g</name>\
               <metadata><app:x xmlns:app='urn:app' anything='goes'><deep whatever='1'>t</deep></app:x></metadata>\
               <q:commandline><q:arg value='-S'/></q:commandline>\
               </domain>";
    Document::<Domain>::parse_strict(xml).expect("valid");
    // The same element in an undeclared or a foreign namespace is refused.
    let foreign = xml.replace("domain/qemu/1.0", "domain/qemu/9.9");
    let e = only_error::<Domain>(&foreign);
    assert_eq!(e.path, "/domain/q:commandline");
}

#[test]
fn values_compare_as_tokens() {
    // RelaxNG's default `token` type ignores surrounding whitespace.
    let xml =
        "<domain type=' kvm '><name>g</name><features><gic version=' 3 '/></features></domain>";
    Document::<Domain>::parse_strict(xml).expect("valid");
}

#[test]
fn snippets_are_checked_as_that_element_anywhere() {
    let ok = "<disk type='file' device='disk'><source file='/a'/><target dev='vda'/></disk>";
    Document::<Disk>::parse_strict(ok).expect("valid");
    let e = only_error::<Disk>("<disk type='file' devcie='disk'><target dev='vda'/></disk>");
    assert_eq!(e.path, "/disk/@devcie");
    // A domain's <interface> is not a host's (interface.rng's root), and
    // the other way round.
    let vdpa = "<interface type='vdpa'><source dev='/dev/vhost-vdpa-0'/></interface>";
    Document::<Interface>::parse_strict(vdpa).expect("a domain's interface");
    let errs = Document::<HostInterface>::parse_strict(vdpa).unwrap_err();
    let paths: Vec<&str> = errs.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["/interface/@type", "/interface/source"]);
    // Document::parse refuses a wrong root; a document built in code may
    // have any.
    let built = Document::new(Disk::from_element(virtwire_xml::Element::new("nosuch")));
    let e = built.validate().unwrap_err().errors.remove(0);
    assert_eq!(
        e.kind,
        ErrorKind::NoSchema {
            root: "nosuch".into()
        }
    );
}

#[test]
fn other_document_types_have_their_schema() {
    let e = only_error::<DomainCapabilities>(
        "<domainCapabilities><path>/usr/bin/qemu</path><domain>kvm</domain>\
         <arch>x86_64</arch><bogus/></domainCapabilities>",
    );
    assert_eq!(e.path, "/domainCapabilities/bogus");
}

#[test]
fn code_built_documents_validate() {
    let mut dom = Domain::from_xml("<domain type='kvm'><name>g</name></domain>").unwrap();
    dom.set_name("renamed");
    dom.validate().expect("valid");
}
