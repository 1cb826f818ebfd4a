//! Typed, lossless XML for libvirt's documents.
//!
//! # Design
//!
//! Every document is first read into a small owned XML tree ([`Element`]:
//! name as written, attributes in order, children in order including
//! whitespace, comments, CDATA and processing instructions), using
//! quick-xml's reader. The typed API is a set of *views*: `#[repr(transparent)]`
//! newtypes over [`Element`] (e.g. [`domain::Disk`]) whose getters read
//! attributes and children out of the tree and whose setters write them back
//! into it, in place.
//!
//! Why views over a tree rather than serde structs with an `extra` bag:
//!
//! * **Lossless by construction.** Nothing is ever converted out of the tree
//!   and back, so an element, attribute or value no view knows (a newer
//!   libvirt's, a hypervisor namespace's, a comment) is written back exactly
//!   where it was. A read-modify-write changes only the nodes the program
//!   set. There is no second representation to keep in sync.
//! * **libvirt's tagged choices.** `<disk type='file'>` decides which
//!   attributes `<source>` has; serde's derive cannot express "internally
//!   tagged by an attribute, content in a sibling element" and quick-xml's
//!   serde support loses ordering between differently named children. A view
//!   simply offers all the variants' accessors plus a typed helper
//!   ([`domain::Disk::source_kind`]) that looks at the tag.
//! * **Unknown enum values** stay strings: enums have an `Other(String)`
//!   variant, and the text in the tree is never rewritten unless set.
//! * **Borrowing views** cost nothing: `&Element` becomes `&Disk` by a
//!   `ref-cast` (no copy), so iterating a domain's disks allocates nothing.
//!
//! Each view is declared once with an internal macro that generates its
//! accessors and its [`model::Model`]: the table of attributes, children and
//! text it understands, and the rules of libvirt's schema on the element as
//! a whole ([`model::Rule`]: required attributes and children, conditions
//! such as "a network disk has a source" or "a PCI slot is at most 0x1f").
//! The same table validates parsed documents (a modelled number that does
//! not parse, or a broken rule, is an [`Error`] with line, column and a path
//! like `/domain/devices/disk[2]/target/@dev`) and counts how much of a
//! document is modelled versus merely kept ([`model::Coverage`]). What the
//! validation never refuses: unknown elements and attributes, and values
//! outside a closed list (they stay `Other`), so a newer libvirt's
//! documents still read. The strict mode below refuses those too.
//!
//! New elements are inserted where libvirt's schema orders them and take
//! their siblings' indentation, so edited documents still look like
//! libvirt's own output.
//!
//! # Strict mode
//!
//! [`Document::validate`] (and [`Document::parse_strict`], which gives every
//! error a line and column too) checks a document against facts derived from
//! libvirt's own RelaxNG schemas, reporting every violation at once, each
//! with its path (`/domain/devices/disk[2]/source/@file`). The lenient
//! [`Document::parse`] is unchanged.
//!
//! ## What is checked
//!
//! A generator (`tests/schema_gen/`, run by `tests/schema_tables_fresh.rs`)
//! reads libvirt 11.3.0's schema of each document type (`domain.rng`,
//! `network.rng`, ..., with everything they include) and summarises every
//! `<element>` pattern as the union of what it may contain:
//! the attributes it may carry, each with a closed list of values or "any";
//! the child elements it may hold, each with the element patterns it may
//! match; and the text it may hold (none, a closed list, or any); plus the
//! attributes and children it always has. `<ref>`s
//! are followed, and `<optional>`, `<choice>`, `<interleave>`, `<group>`,
//! `<zeroOrMore>`, `<oneOrMore>` and `<mixed>` are all read as "may occur".
//!
//! The check walks the document from the root, carrying the set of element
//! patterns each element may match (the union over its parent's candidates,
//! so the context is the whole path, not just the name), and reports every
//! place where, under *all* of the candidates:
//!
//! * an attribute is not allowed (e.g. a typo like `srcporttend`);
//! * an attribute's value is outside a closed list: the schema gives only
//!   `<value>`s there (through `<choice>`s and `<ref>`s), no `<data>`,
//!   `<text/>` or `<list>` alternative (e.g. `<gic version='none'>`);
//! * a child element is not allowed at that place;
//! * non-blank text is outside a closed list, or in an element whose
//!   content has no text at all;
//! * an attribute or child element every candidate requires is missing.
//!   What a pattern requires is worked out from its structure (`<choice>`
//!   requires only what all its alternatives do, `<optional>` nothing; see
//!   `tests/schema_gen/required.rs`), so `<disk>` without `<target>` is
//!   reported but a `<disk>` without `<source>` is not (some readings have
//!   none).
//!
//! A document type's root is checked against its schema's root (a host
//! `<interface>` against interface.rng). Any other view used as a root (a
//! `<disk>` snippet for attach-device) is checked as any element of that
//! name inside any schema (a domain's `<interface>`, not a host's).
//!
//! Values compare whitespace-normalised, as RelaxNG's default `token` type
//! does. Names compare by namespace URI and local name: prefixes are
//! resolved through the document's `xmlns` declarations, which are not
//! attributes.
//!
//! ## Why it never refuses a valid document
//!
//! Every summary allows at least what its pattern allows and requires at
//! most what it requires, and the candidate set of an element contains
//! every pattern it could match in a valid reading. Where the schema has a wildcard (`<anyName/>`: the content of
//! `<metadata>`, a snapshot's `<cookie>`), everything below is left
//! unchecked, even a child whose name a non-wildcard pattern also knows.
//! Nested `<grammar>`s (domainsnapshot.rng embeds domain.rng that way) are
//! flattened, a define given several times is the union of its bodies, and
//! an `<nsName>` or `anyName` with `<except>` counts as allowing anything:
//! each of these only allows more. The generator fails on a construct it
//! does not read (`<div>`, `<externalRef>`, overrides inside `<include>`)
//! rather than guess. `xml/tests/libvirt_testdata.rs` checks that each of libvirt's
//! ~2700 valid input test files passes, and that each `*-invalid` one is
//! refused; `xml/tests/strict_testdata.rs` that ~840 more files of
//! directories libvirt's schema test validates pass too.
//!
//! ## What is not checked
//!
//! What the union gives up: order and cardinality (`<optional>` versus
//! `<oneOrMore>`, or an element given twice), requirements that depend on
//! the reading (a `dir` pool's `<target>` needs a `<path>`, another pool
//! type's may not, and the check does not follow `type`; the typed views'
//! rules, which [`Document::parse`] checks, catch some of these, that one
//! among them), choices between
//! combinations (`<disk type='file'>` with a network disk's
//! `<source protocol=...>` attributes passes when both are allowed on some
//! `<source>` of a `<disk>`), and `<data>` types and patterns (an integer
//! attribute holding `abc`; though the lenient parse already refuses many
//! such values that the typed views model). So a document that passes is
//! not necessarily valid; one that fails is certainly invalid.
//!
//! ## Why derived tables, not a RelaxNG validator
//!
//! A full validator would have to load the schemas at run time (a library
//! cannot count on their path) or carry their ~450 KB of text, and its
//! errors would still have to be mapped onto this crate's tree and paths.
//! The pure-Rust candidate on crates.io, `relaxng-validator`, is a single
//! 0.1.0 release that needs Rust 1.88 (this workspace supports 1.85), so it
//! was not adopted. The derived tables are ~570 merged element patterns,
//! checked in less time than parsing takes, and the soundness argument
//! above is short enough to review.
//!
//! ## Where the tables come from
//!
//! The tables are generated on purpose, not at build time, and committed as
//! `src/generated/schema_tables.rs` (marked `@generated`, naming the libvirt
//! release), so the crate builds from its own package with no input: no
//! build script, no schema files. They hold only facts taken from libvirt's
//! schemas (element and attribute names, closed value lists, which pattern
//! a child may match, what is required), no schema text, and the package
//! ships no `.rng` file; the crate stays MIT OR Apache-2.0.
//! `tests/schema_tables_fresh.rs` regenerates them from the schemas that
//! `scripts/fetch-xml-testdata.sh` extracts from the pinned libvirt tarball
//! (or from `LIBVIRT_SOURCE=/path/to/libvirt`) and fails if they differ from
//! the committed file, or if the schemas are missing; `UPDATE_GOLDEN=1`
//! rewrites the file (after moving to a new libvirt release, say).
//!
//! # Example
//!
//! ```
//! use virtwire_xml::domain::Domain;
//! use virtwire_xml::View;
//!
//! let xml = "<domain type='kvm'><name>demo</name><memory unit='MiB'>512</memory></domain>";
//! let mut dom = Domain::from_xml(xml).unwrap();
//! assert_eq!(dom.name().as_deref(), Some("demo"));
//! dom.set_name("renamed");
//! assert!(dom.to_xml().contains("<name>renamed</name>"));
//! ```

mod document;
mod error;
pub mod model;
mod parse;
mod schema;
mod strict;
mod tree;
mod value;
mod view;
mod write;

pub mod capabilities;
pub mod domain;
pub mod host_interface;
pub mod network;
pub mod nodedev;
pub mod nwfilter;
pub mod others;
pub mod secret;
pub mod storage;

pub use document::Document;
pub use error::{Error, ErrorKind, ValidationErrors};
pub use parse::{MAX_DEPTH, parse_tree, parse_tree_bytes};
pub use tree::{Attribute, Element, Misc, Node, Tree};
pub use value::{AbsPath, CpuSet, Loadparm, OnOff, XmlValue, YesNo};
pub use view::View;
pub use write::{write_element_string, write_tree};
