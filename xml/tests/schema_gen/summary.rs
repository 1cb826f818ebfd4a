//! Summarises each `<element>` pattern of a loaded grammar as what the
//! strict mode checks: which attributes it may carry (each with a closed
//! list of values or any value), which child elements it may hold (by
//! expanded name, each with the patterns it may match), whether any
//! attribute or element is allowed (an `anyName` wildcard), and what text
//! it may hold.
//!
//! Every pattern under an element is walked regardless of `optional`,
//! `choice`, `interleave`, `group`, `zeroOrMore` or `oneOrMore`: the summary
//! is the union of everything the element could contain, which is what
//! makes it sound (a valid document never breaks it).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::required::{self, Required};
use crate::rng::Grammar;

/// The values an attribute (or an element's text) may take.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vals {
    /// Anything (`<text/>`, `<data>`, `<list>`, ...).
    Open,
    /// Only these, whitespace-normalised (`<value>`s under `<choice>`s).
    Closed(BTreeSet<String>),
}

impl Vals {
    fn merge(&mut self, other: Vals) {
        match (self, other) {
            (Vals::Open, _) => {}
            (s, Vals::Open) => *s = Vals::Open,
            (Vals::Closed(a), Vals::Closed(b)) => a.extend(b),
        }
    }
}

/// What one `<element>` pattern allows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Summary {
    /// Attributes by expanded name (`{ns}local`, or `local` without a
    /// namespace).
    pub attrs: BTreeMap<String, Vals>,
    /// An `<attribute><anyName/>` is somewhere in the content.
    pub any_attr: bool,
    /// Child element patterns (node ids) by expanded name.
    pub children: BTreeMap<String, BTreeSet<usize>>,
    /// An `<element><anyName/>` is somewhere in the content.
    pub any_child: bool,
    /// The text allowed; `None` when the content has no text at all.
    pub text: Option<Vals>,
    /// What every instance carries.
    pub required: Required,
}

/// A name class: concrete expanded names, or a wildcard.
struct Names {
    names: Vec<String>,
    any: bool,
}

/// Whitespace-normalised, as RelaxNG's default `token` datatype compares.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn expanded(ns: &str, local: &str) -> String {
    if ns.is_empty() {
        local.to_owned()
    } else {
        format!("{{{ns}}}{local}")
    }
}

/// Summaries of every element pattern reachable from `starts`, and the
/// patterns a document's root may match (by expanded name).
pub struct Compiled {
    /// Root element patterns by expanded name.
    pub roots: BTreeMap<String, BTreeSet<usize>>,
    /// Each reachable element pattern's summary, by node id.
    pub patterns: BTreeMap<usize, Summary>,
}

/// Compiles the grammar's top-level start.
pub fn compile(g: &Grammar) -> Result<Compiled, String> {
    let mut top = Summary::default();
    let mut seen = HashSet::new();
    for &s in g.top_starts() {
        for &c in &g.nodes[s].children {
            walk(g, c, &mut top, &mut seen)?;
        }
    }
    if top.any_child || top.children.is_empty() {
        return Err("the start pattern names no root element".into());
    }
    let mut patterns = BTreeMap::new();
    let mut todo: Vec<usize> = top.children.values().flatten().copied().collect();
    while let Some(id) = todo.pop() {
        if patterns.contains_key(&id) {
            continue;
        }
        let s = element(g, id)?;
        todo.extend(s.children.values().flatten().copied());
        patterns.insert(id, s);
    }
    Ok(Compiled {
        roots: top.children,
        patterns,
    })
}

/// The summary of `<element>` node `id`.
fn element(g: &Grammar, id: usize) -> Result<Summary, String> {
    let (_, content) = name_class(g, id, false)?;
    let mut s = Summary::default();
    let mut seen = HashSet::new();
    for &c in &content {
        walk(g, c, &mut s, &mut seen)?;
    }
    // Name classes were all read by the walk above, so they parse here.
    let name_of = |node: usize, attribute: bool| {
        let (names, _) = name_class(g, node, attribute).ok()?;
        match names.names.as_slice() {
            [one] if !names.any => Some(one.clone()),
            _ => None,
        }
    };
    s.required = required::group(g, &content, &name_of);
    Ok(s)
}

/// The names `<element>`/`<attribute>` node `id` matches, and its content
/// patterns.
fn name_class(g: &Grammar, id: usize, attribute: bool) -> Result<(Names, Vec<usize>), String> {
    let n = &g.nodes[id];
    let kids: Vec<usize> = n
        .children
        .iter()
        .copied()
        .filter(|&c| g.nodes[c].tag != "#foreign")
        .collect();
    if let Some(name) = n.attr("name") {
        let name = name.trim();
        if name.contains(':') {
            return Err(format!("{}: prefixed name {name:?}", g.whence(id)));
        }
        // Attributes do not inherit `ns`; elements do.
        let ns = if attribute {
            n.attr("ns").unwrap_or("")
        } else {
            n.ns.as_str()
        };
        let names = Names {
            names: vec![expanded(ns, name)],
            any: false,
        };
        return Ok((names, kids));
    }
    let Some((&first, rest)) = kids.split_first() else {
        return Err(format!("{}: no name", g.whence(id)));
    };
    let mut names = Names {
        names: Vec::new(),
        any: false,
    };
    name_class_node(g, first, attribute, &mut names)?;
    Ok((names, rest.to_vec()))
}

fn name_class_node(g: &Grammar, id: usize, attribute: bool, out: &mut Names) -> Result<(), String> {
    let n = &g.nodes[id];
    match n.tag.as_str() {
        "name" => {
            let local = n.text.trim();
            if local.contains(':') {
                return Err(format!("{}: prefixed name {local:?}", g.whence(id)));
            }
            let ns = if attribute {
                n.attr("ns").unwrap_or("")
            } else {
                n.ns.as_str()
            };
            out.names.push(expanded(ns, local));
        }
        // A wildcard, with or without exceptions: treated as allowing
        // anything, which is more than it allows.
        "anyName" | "nsName" => out.any = true,
        "choice" => {
            for &c in &n.children {
                name_class_node(g, c, attribute, out)?;
            }
        }
        _ => return Err(format!("{}: not a name class", g.whence(id))),
    }
    Ok(())
}

/// The bodies of define `name`.
fn define_bodies(g: &Grammar, id: usize) -> Result<Vec<usize>, String> {
    let name = g.nodes[id]
        .attr("name")
        .ok_or_else(|| format!("{} without a name", g.whence(id)))?;
    let defs = g
        .defines
        .get(name)
        .ok_or_else(|| format!("{}: no define {name:?}", g.whence(id)))?;
    Ok(defs
        .iter()
        .flat_map(|&d| g.nodes[d].children.iter().copied())
        .collect())
}

/// Adds what pattern `id` allows to the content summary `s`. `seen` holds
/// the defines already walked for this summary (walking one twice adds
/// nothing, and refs may be recursive).
fn walk(g: &Grammar, id: usize, s: &mut Summary, seen: &mut HashSet<String>) -> Result<(), String> {
    let n = &g.nodes[id];
    match n.tag.as_str() {
        "element" => {
            let (names, _) = name_class(g, id, false)?;
            s.any_child |= names.any;
            for name in names.names {
                s.children.entry(name).or_default().insert(id);
            }
        }
        "attribute" => {
            let (names, content) = name_class(g, id, true)?;
            let vals = if content.is_empty() {
                Vals::Open
            } else {
                let mut v = Vals::Closed(BTreeSet::new());
                let mut vseen = HashSet::new();
                for c in content {
                    values(g, c, &mut v, &mut vseen)?;
                }
                v
            };
            s.any_attr |= names.any;
            for name in names.names {
                match s.attrs.get_mut(&name) {
                    Some(old) => old.merge(vals.clone()),
                    None => {
                        s.attrs.insert(name, vals.clone());
                    }
                }
            }
        }
        "ref" | "parentRef" => {
            let name = n.attr("name").unwrap_or_default().to_owned();
            if seen.insert(name) {
                for c in define_bodies(g, id)? {
                    walk(g, c, s, seen)?;
                }
            }
        }
        "grammar" => {
            for &st in g.starts.get(&id).map_or(&[][..], Vec::as_slice) {
                for &c in &g.nodes[st].children {
                    walk(g, c, s, seen)?;
                }
            }
        }
        "text" | "data" | "list" => s.text = Some(Vals::Open),
        "value" => {
            let v = Vals::Closed(BTreeSet::from([normalize(&n.text)]));
            match &mut s.text {
                Some(t) => t.merge(v),
                None => s.text = Some(v),
            }
        }
        "mixed" => {
            s.text = Some(Vals::Open);
            for &c in &n.children {
                walk(g, c, s, seen)?;
            }
        }
        "optional" | "zeroOrMore" | "oneOrMore" | "choice" | "group" | "interleave" => {
            for &c in &n.children {
                walk(g, c, s, seen)?;
            }
        }
        "empty" | "notAllowed" | "#foreign" => {}
        other => {
            return Err(format!(
                "{}: <{other}> is not supported in a pattern",
                g.whence(id)
            ));
        }
    }
    Ok(())
}

/// Adds the values attribute content pattern `id` allows to `v`. Anything
/// but `<value>`, `<empty/>`, `<choice>` and refs to such makes it open.
fn values(g: &Grammar, id: usize, v: &mut Vals, seen: &mut HashSet<String>) -> Result<(), String> {
    if *v == Vals::Open {
        return Ok(());
    }
    let n = &g.nodes[id];
    match n.tag.as_str() {
        "value" => v.merge(Vals::Closed(BTreeSet::from([normalize(&n.text)]))),
        "empty" => v.merge(Vals::Closed(BTreeSet::from([String::new()]))),
        "notAllowed" | "#foreign" => {}
        "choice" => {
            for &c in &n.children {
                values(g, c, v, seen)?;
            }
        }
        "ref" | "parentRef" => {
            let name = n.attr("name").unwrap_or_default().to_owned();
            if seen.insert(name) {
                for c in define_bodies(g, id)? {
                    values(g, c, v, seen)?;
                }
            }
        }
        _ => *v = Vals::Open,
    }
    Ok(())
}
