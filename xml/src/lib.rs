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
//! documents still read.
//!
//! # Strict mode
//!
//! [`Document::validate`] (and [`Document::parse_strict`], which gives every
//! error a line and column too) checks a document against facts `build.rs`
//! derives from libvirt's own RelaxNG schemas: an attribute the schema does
//! not allow on its element, a value outside a closed list, an element the
//! schema does not allow at its place, and text where none is allowed, all
//! reported at once, each with its path. Wildcards (`<metadata>`'s content)
//! stay open and hypervisor namespaces (`qemu:commandline`) are matched by
//! URI. The check is sound but not complete: a document it refuses is
//! invalid, one it passes may still break rules it does not check (order,
//! cardinality, required items, data types, co-occurrence). The reasoning
//! is in `src/strict.rs`. The lenient [`Document::parse`] is unchanged.
//!
//! New elements are inserted where libvirt's schema orders them and take
//! their siblings' indentation, so edited documents still look like
//! libvirt's own output.
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
pub mod nwfilter;
pub mod others;

pub use document::Document;
pub use error::{Error, ErrorKind, ValidationErrors};
pub use parse::{MAX_DEPTH, parse_tree, parse_tree_bytes};
pub use tree::{Attribute, Element, Misc, Node, Tree};
pub use value::{AbsPath, CpuSet, Loadparm, OnOff, XmlValue, YesNo};
pub use view::View;
pub use write::{write_element_string, write_tree};
