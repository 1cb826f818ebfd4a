//! Writes the compiled schemas as Rust statics for `src/schema.rs`
//! (committed as `src/generated/schema_tables.rs`).
//!
//! Element patterns are numbered globally (one table for all document
//! schemas); patterns that summarise identically, children included, are
//! merged first, so the copies of domaincommon.rng that domain.rng,
//! domainsnapshot.rng and domaincheckpoint.rng each load are mostly stored
//! once. Closed value lists are stored once each.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::required::Required;
use crate::summary::{Compiled, Summary, Vals};

/// One document schema to emit: its file name and what it compiled to.
pub struct Input {
    /// The schema file, e.g. `domain.rng`.
    pub file: String,
    /// Its compiled element patterns.
    pub compiled: Compiled,
}

/// A summary with children as class numbers, for merging equal patterns.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    attrs: Vec<(String, Vals)>,
    any_attr: bool,
    any_child: bool,
    text: Option<Vals>,
    children: Vec<(String, BTreeSet<usize>)>,
    required: Required,
}

fn key(s: &Summary, class: &impl Fn(usize) -> usize) -> Key {
    Key {
        attrs: s
            .attrs
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        any_attr: s.any_attr,
        any_child: s.any_child,
        text: s.text.clone(),
        children: s
            .children
            .iter()
            .map(|(k, ids)| (k.clone(), ids.iter().map(|&i| class(i)).collect()))
            .collect(),
        required: s.required.clone(),
    }
}

/// Merges equal patterns (Moore's partition refinement over all schemas'
/// patterns, keyed `(schema, node)`); returns each pattern's class and the
/// number of classes.
fn classes(inputs: &[Input]) -> (HashMap<(usize, usize), usize>, usize) {
    let all: Vec<(usize, usize)> = inputs
        .iter()
        .enumerate()
        .flat_map(|(i, inp)| inp.compiled.patterns.keys().map(move |&n| (i, n)))
        .collect();
    let mut class: HashMap<(usize, usize), usize> = all.iter().map(|&p| (p, 0)).collect();
    let mut count = 1;
    loop {
        let mut ids: HashMap<(usize, Key), usize> = HashMap::new();
        let mut next = HashMap::new();
        for &(i, n) in &all {
            let s = &inputs[i].compiled.patterns[&n];
            let k = key(s, &|c| class[&(i, c)]);
            let len = ids.len();
            let id = *ids.entry((class[&(i, n)], k)).or_insert(len);
            next.insert((i, n), id);
        }
        let new_count = ids.len();
        class = next;
        if new_count == count {
            return (class, count);
        }
        count = new_count;
    }
}

/// The generated Rust source, starting with `header` (comment lines), before
/// formatting.
pub fn emit(header: &str, inputs: &[Input]) -> String {
    let (class, count) = classes(inputs);
    // One representative summary per class.
    let mut reps: BTreeMap<usize, (usize, &Summary)> = BTreeMap::new();
    for (i, inp) in inputs.iter().enumerate() {
        for (&n, s) in &inp.compiled.patterns {
            reps.entry(class[&(i, n)]).or_insert((i, s));
        }
    }
    assert_eq!(reps.len(), count);
    let mut lists: BTreeMap<BTreeSet<String>, usize> = BTreeMap::new();
    let mut list_id = |set: &BTreeSet<String>| {
        let len = lists.len();
        *lists.entry(set.clone()).or_insert(len)
    };
    let vals = |v: &Vals, list_id: &mut dyn FnMut(&BTreeSet<String>) -> usize| match v {
        Vals::Open => "Values::Any".to_owned(),
        Vals::Closed(set) => format!("Values::OneOf(V{})", list_id(set)),
    };
    let mut out = String::new();
    out.push_str(header);
    out.push_str("\nuse super::{Pattern, Schema, Text, Values};\n\n");
    let _ = writeln!(out, "pub(crate) static PATTERNS: [Pattern; {count}] = [");
    for (&c, &(i, s)) in &reps {
        let cls = |n: usize| class[&(i, n)];
        let _ = writeln!(out, "    // {c}");
        out.push_str("    Pattern {\n        attrs: &[");
        for (name, v) in &s.attrs {
            let _ = write!(out, "({name:?}, {}), ", vals(v, &mut list_id));
        }
        out.push_str("],\n        children: &[");
        for (name, ids) in &s.children {
            let set: BTreeSet<usize> = ids.iter().map(|&n| cls(n)).collect();
            let _ = write!(out, "({name:?}, &{}), ", slice(&set));
        }
        let text = match &s.text {
            None => "Text::None".to_owned(),
            Some(v) => format!("Text::Some({})", vals(v, &mut list_id)),
        };
        let _ = writeln!(
            out,
            "],\n        any_attr: {},\n        any_child: {},\n        text: {text},\n        \
             required_attrs: &{},\n        required_children: &{},\n    }},",
            s.any_attr,
            s.any_child,
            slice(&s.required.attrs),
            slice(&s.required.children),
        );
    }
    out.push_str("];\n\n");
    for (set, id) in &lists {
        let _ = writeln!(out, "static V{id}: &[&str] = &{};", slice(set));
    }
    out.push_str("\npub(crate) static SCHEMAS: &[Schema] = &[\n");
    for (i, inp) in inputs.iter().enumerate() {
        let _ = write!(
            out,
            "    Schema {{\n        file: {:?},\n        roots: &[",
            inp.file
        );
        for (name, ids) in &inp.compiled.roots {
            let set: BTreeSet<usize> = ids.iter().map(|&n| class[&(i, n)]).collect();
            let _ = write!(out, "({name:?}, &{}), ", slice(&set));
        }
        out.push_str("],\n    },\n");
    }
    out.push_str("];\n");
    out
}

/// `[a, b, ...]` with each item as a Rust literal.
fn slice<T: std::fmt::Debug>(items: &BTreeSet<T>) -> String {
    let items: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
    format!("[{}]", items.join(", "))
}
