//! Strict mode: walks a document against the tables of `schema.rs`
//! ([`crate::Document::validate`], [`crate::Document::parse_strict`]). What
//! is checked, what is not, and why a valid document never fails: the
//! crate documentation's "Strict mode" section.

use std::borrow::Cow;

use crate::capabilities::{Capabilities, DomainCapabilities};
use crate::domain::Domain;
use crate::error::{Error, ErrorKind};
use crate::model::Model;
use crate::others::{
    DomainCheckpoint, DomainSnapshot, HostInterface, Network, NetworkPort, NodeDevice, NwFilter,
    NwFilterBinding, Secret, StoragePool, StorageVolume,
};
use crate::parse::MAX_DEPTH;
use crate::schema::{self, Pattern, Text, Values};
use crate::tree::{Element, Node};
use crate::view::View;

/// The namespace the `xml:` prefix is bound to.
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// A view's `model` function.
type ModelFn = fn() -> &'static Model;

/// Each document type's view and the schema file its tables were generated
/// from (`tests/schema_gen/`).
const DOCUMENTS: [(ModelFn, &str); 14] = [
    (Domain::model, "domain.rng"),
    (Network::model, "network.rng"),
    (NetworkPort::model, "networkport.rng"),
    (StoragePool::model, "storagepool.rng"),
    (StorageVolume::model, "storagevol.rng"),
    (NodeDevice::model, "nodedev.rng"),
    (Secret::model, "secret.rng"),
    (HostInterface::model, "interface.rng"),
    (NwFilter::model, "nwfilter.rng"),
    (NwFilterBinding::model, "nwfilterbinding.rng"),
    (Capabilities::model, "capability.rng"),
    (DomainCapabilities::model, "domaincaps.rng"),
    (DomainSnapshot::model, "domainsnapshot.rng"),
    (DomainCheckpoint::model, "domaincheckpoint.rng"),
];

/// The schema file of the document type whose view has `model`.
fn document_schema(model: &'static Model) -> Option<&'static str> {
    DOCUMENTS
        .iter()
        .find(|(m, _)| std::ptr::eq(m(), model))
        .map(|(_, file)| *file)
}

/// Checks `root`, viewed as the view whose model is `model`, and everything
/// under it against libvirt's schema. `src` (the text `root` was parsed
/// from) gives errors a line and column; without it they have only a path.
pub(crate) fn check(root: &Element, model: &'static Model, src: Option<&str>) -> Vec<Error> {
    let mut w = Walker {
        src,
        ns: Vec::new(),
        chain: vec![root],
        found: Vec::new(),
    };
    w.declare(root);
    let key = w.expand(&root.name, true);
    // A document type's root has its schema's root patterns (a host
    // `<interface>` is not a domain's); another view's element (a device
    // snippet for attach-device) may be any element of that name inside any
    // schema.
    let roots = document_schema(model).and_then(|file| schema::root(file, &key));
    let cands = match roots {
        Some(roots) => patterns(roots.iter().copied()),
        None => patterns(schema::anywhere(&key).into_iter()),
    };
    if cands.is_empty() {
        let kind = ErrorKind::NoSchema {
            root: root.name.clone(),
        };
        w.report(kind, None);
    } else {
        w.element(root, &cands);
    }
    w.found
}

/// The patterns with these indices, each once.
fn patterns(ids: impl Iterator<Item = u32>) -> Vec<&'static Pattern> {
    let mut ids: Vec<u32> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter().filter_map(schema::pattern).collect()
}

/// Whitespace-normalised, as RelaxNG's default `token` datatype compares.
fn normalize(s: &str) -> Cow<'_, str> {
    let mut words = s.split_whitespace();
    match (words.next(), words.next()) {
        (None, _) => Cow::Borrowed(""),
        (Some(w), None) => Cow::Borrowed(w),
        _ => Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" ")),
    }
}

/// The union of closed lists, sorted, each value once.
fn union(lists: &[&'static [&'static str]]) -> Vec<&'static str> {
    let mut all: Vec<&'static str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// `parent`'s child `child` as a path step: `name`, or `name[n]` when
/// `parent` has several children of that name.
fn step(parent: &Element, child: &Element) -> String {
    let mut nth = 0;
    let mut total = 0;
    for e in parent.children_named(&child.name) {
        total += 1;
        if std::ptr::eq(e, child) {
            nth = total;
        }
    }
    if total > 1 {
        format!("{}[{nth}]", child.name)
    } else {
        child.name.clone()
    }
}

struct Walker<'a, 's> {
    src: Option<&'s str>,
    /// In-scope namespace declarations, innermost last: (prefix, URI), the
    /// default namespace with an empty prefix.
    ns: Vec<(&'a str, &'a str)>,
    /// The elements from the root down to the one being checked (paths are
    /// only spelled out for errors).
    chain: Vec<&'a Element>,
    found: Vec<Error>,
}

impl<'a> Walker<'a, '_> {
    /// Records an error at the innermost element of the chain, or at `at`
    /// below it (`@attr`, or a missing child's name).
    fn report(&mut self, kind: ErrorKind, at: Option<&str>) {
        let mut path = String::new();
        let mut parent: Option<&Element> = None;
        for &el in &self.chain {
            path.push('/');
            match parent {
                Some(p) => path.push_str(&step(p, el)),
                None => path.push_str(&el.name),
            }
            parent = Some(el);
        }
        if let Some(at) = at {
            path.push('/');
            path.push_str(at);
        }
        let pos = parent.and_then(|el| el.pos);
        let e = match self.src {
            Some(src) => Error::at(kind, src, pos, path),
            None => Error::at(kind, "", None, path),
        };
        self.found.push(e);
    }

    /// Pushes `el`'s namespace declarations; returns the mark to truncate
    /// back to.
    fn declare(&mut self, el: &'a Element) -> usize {
        let mark = self.ns.len();
        for a in &el.attrs {
            if a.name == "xmlns" {
                self.ns.push(("", &a.value));
            } else if let Some(p) = a.name.strip_prefix("xmlns:") {
                self.ns.push((p, &a.value));
            }
        }
        mark
    }

    /// The URI `prefix` is bound to (`Some("")` for no namespace).
    fn uri(&self, prefix: &str) -> Option<&'a str> {
        if prefix == "xml" {
            return Some(XML_NS);
        }
        match self.ns.iter().rev().find(|(p, _)| *p == prefix) {
            Some((_, uri)) => Some(uri),
            None if prefix.is_empty() => Some(""),
            None => None,
        }
    }

    /// `name`'s expanded form as the tables spell it (an element's
    /// unprefixed name is in the default namespace, an attribute's in
    /// none). An unbound prefix gives a name no table has.
    fn expand<'n>(&self, name: &'n str, element: bool) -> Cow<'n, str> {
        let (prefix, local) = match name.split_once(':') {
            Some((p, l)) => (p, l),
            None if element => ("", name),
            None => return Cow::Borrowed(name),
        };
        match self.uri(prefix) {
            Some("") => Cow::Borrowed(local),
            Some(uri) => Cow::Owned(format!("{{{uri}}}{local}")),
            None => Cow::Owned(format!("{{unbound prefix {prefix}}}{local}")),
        }
    }

    /// Checks `el` (the innermost element of the chain, its namespace
    /// declarations pushed), which may match any of `cands`, and its
    /// subtree.
    fn element(&mut self, el: &'a Element, cands: &[&'static Pattern]) {
        if self.chain.len() > MAX_DEPTH {
            let kind = ErrorKind::Constraint(format!("elements nested deeper than {MAX_DEPTH}"));
            self.report(kind, None);
            return;
        }
        self.attributes(el, cands);
        self.required(el, cands);
        self.text(el, cands);
        // Below a wildcard anything goes, even a child a named pattern
        // also knows: it may be matching the wildcard.
        if cands.iter().any(|p| p.any_child) {
            return;
        }
        for c in el.elements() {
            let mark = self.declare(c);
            let key = self.expand(&c.name, true);
            let next = patterns(
                cands
                    .iter()
                    .filter_map(|p| p.child(&key))
                    .flat_map(|ids| ids.iter().copied()),
            );
            self.chain.push(c);
            if next.is_empty() {
                let kind = ErrorKind::ElementNotAllowed {
                    name: c.name.clone(),
                };
                self.report(kind, None);
            } else {
                self.element(c, &next);
            }
            self.chain.pop();
            self.ns.truncate(mark);
        }
    }

    fn attributes(&mut self, el: &Element, cands: &[&'static Pattern]) {
        if cands.iter().any(|p| p.any_attr) {
            return;
        }
        for a in &el.attrs {
            if a.name == "xmlns" || a.name.starts_with("xmlns:") {
                continue;
            }
            let key = self.expand(&a.name, false);
            let mut vals = cands.iter().filter_map(|p| p.attr(&key)).peekable();
            let kind = if vals.peek().is_none() {
                Some(ErrorKind::AttributeNotAllowed {
                    name: a.name.clone(),
                })
            } else {
                value_error(&a.value, vals)
            };
            if let Some(kind) = kind {
                self.report(kind, Some(&format!("@{}", a.name)));
            }
        }
    }

    /// Reports the attributes and children every candidate requires that
    /// `el` lacks.
    fn required(&mut self, el: &'a Element, cands: &[&'static Pattern]) {
        let Some((first, rest)) = cands.split_first() else {
            return;
        };
        let everywhere = |name: &&str, list: fn(&Pattern) -> &'static [&'static str]| {
            rest.iter().all(|p| list(p).binary_search(name).is_ok())
        };
        for name in first.required_attrs {
            if !everywhere(name, |p| p.required_attrs) {
                continue;
            }
            let present = el.attrs.iter().any(|a| {
                a.name != "xmlns"
                    && !a.name.starts_with("xmlns:")
                    && self.expand(&a.name, false) == *name
            });
            if !present {
                let kind = ErrorKind::MissingAttribute {
                    name: (*name).to_owned(),
                };
                self.report(kind, Some(&format!("@{name}")));
            }
        }
        for name in first.required_children {
            if !everywhere(name, |p| p.required_children) {
                continue;
            }
            let mut present = false;
            for c in el.elements() {
                let mark = self.declare(c);
                present = self.expand(&c.name, true) == *name;
                self.ns.truncate(mark);
                if present {
                    break;
                }
            }
            if !present {
                let kind = ErrorKind::MissingElement {
                    name: (*name).to_owned(),
                };
                self.report(kind, Some(name));
            }
        }
    }

    fn text(&mut self, el: &Element, cands: &[&'static Pattern]) {
        let has_text = el.children.iter().any(|n| match n {
            Node::Text(t) | Node::CData(t) => !t.trim().is_empty(),
            _ => false,
        });
        // Blank text is layout; whether an empty value is allowed depends
        // on what else the content holds, which the summaries do not keep.
        if !has_text {
            return;
        }
        let text = el.text().unwrap_or_default();
        let mut vals = cands
            .iter()
            .filter_map(|p| match &p.text {
                Text::Some(v) => Some(v),
                Text::None => None,
            })
            .peekable();
        let kind = if vals.peek().is_none() {
            Some(ErrorKind::TextNotAllowed {
                text: normalize(&text).into_owned(),
            })
        } else {
            value_error(&text, vals)
        };
        if let Some(kind) = kind {
            self.report(kind, None);
        }
    }
}

/// Why `value` is none of `vals`, or `None` when it is allowed (some
/// alternative takes any value, or a closed list has it).
fn value_error<'v>(value: &str, vals: impl Iterator<Item = &'v Values>) -> Option<ErrorKind> {
    let mut lists = Vec::new();
    for v in vals {
        match v {
            Values::Any => return None,
            Values::OneOf(l) => lists.push(*l),
        }
    }
    let norm = normalize(value);
    if lists
        .iter()
        .any(|l| l.binary_search(&norm.as_ref()).is_ok())
    {
        return None;
    }
    Some(ErrorKind::ValueNotAllowed {
        value: value.to_owned(),
        allowed: union(&lists),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_type_has_its_schema_root() {
        for (model, file) in DOCUMENTS {
            let name = model().name;
            assert!(
                schema::root(file, name).is_some(),
                "{file} has no root <{name}>"
            );
        }
    }
}
