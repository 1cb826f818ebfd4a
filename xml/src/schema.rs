//! The facts the strict mode checks, derived from libvirt's RelaxNG schemas.
//!
//! The tables themselves are generated, and committed, in
//! `generated/schema_tables.rs` (by `tests/schema_tables_fresh.rs`, which
//! also checks they are up to date), so building the crate needs no schema.
//!
//! One [`Pattern`] stands for one `<element>` of the schemas (equal ones
//! merged): the union of everything that element may contain, whatever
//! `optional`, `choice` or `interleave` it sits in. Names are expanded:
//! `local` without a namespace, `{uri}local` with one.

/// The values an attribute, or an element's text, may take.
#[derive(Debug)]
pub(crate) enum Values {
    /// Any value (the schema has `<text/>`, `<data>` or `<list>` here).
    Any,
    /// Only these, whitespace-normalised and sorted.
    OneOf(&'static [&'static str]),
}

/// What an element's text may be.
#[derive(Debug)]
pub(crate) enum Text {
    /// The element holds no text (whitespace aside).
    None,
    /// Text with these values.
    Some(Values),
}

/// What one element pattern allows.
#[derive(Debug)]
pub(crate) struct Pattern {
    /// Attributes by expanded name, sorted.
    pub attrs: &'static [(&'static str, Values)],
    /// Child elements by expanded name, sorted, each with the patterns
    /// (indices into [`PATTERNS`]) it may match.
    pub children: &'static [(&'static str, &'static [u32])],
    /// Any attribute is allowed (an `anyName` wildcard).
    pub any_attr: bool,
    /// Any child element is allowed (an `anyName` wildcard).
    pub any_child: bool,
    /// The text allowed.
    pub text: Text,
    /// Attributes (expanded names) every instance carries.
    pub required_attrs: &'static [&'static str],
    /// Child elements (expanded names) every instance holds.
    pub required_children: &'static [&'static str],
}

impl Pattern {
    /// The values attribute `name` may take, if the pattern has it.
    pub fn attr(&self, name: &str) -> Option<&'static Values> {
        let i = self.attrs.binary_search_by(|(n, _)| (*n).cmp(name)).ok()?;
        self.attrs.get(i).map(|(_, v)| v)
    }

    /// The patterns child element `name` may match, if any.
    pub fn child(&self, name: &str) -> Option<&'static [u32]> {
        let i = self
            .children
            .binary_search_by(|(n, _)| (*n).cmp(name))
            .ok()?;
        self.children.get(i).map(|(_, p)| *p)
    }
}

/// One document schema.
#[derive(Debug)]
pub(crate) struct Schema {
    /// The schema file it was derived from, e.g. `domain.rng`.
    pub file: &'static str,
    /// The root elements it allows, with their patterns.
    pub roots: &'static [(&'static str, &'static [u32])],
}

/// The patterns root element `name` (expanded) may match in schema `file`.
pub(crate) fn root(file: &str, name: &str) -> Option<&'static [u32]> {
    let schema = SCHEMAS.iter().find(|s| s.file == file)?;
    schema
        .roots
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| *p)
}

/// Every pattern of an element called `name` (expanded) inside any schema
/// (roots aside): what a snippet such as an attach-device `<disk>` may
/// match.
pub(crate) fn anywhere(name: &str) -> Vec<u32> {
    PATTERNS
        .iter()
        .filter_map(|p| p.child(name))
        .flat_map(|ids| ids.iter().copied())
        .collect()
}

/// Pattern `i` (indices come from the generated tables themselves).
pub(crate) fn pattern(i: u32) -> Option<&'static Pattern> {
    PATTERNS.get(usize::try_from(i).ok()?)
}

#[path = "generated/schema_tables.rs"]
mod tables;

use tables::{PATTERNS, SCHEMAS};
