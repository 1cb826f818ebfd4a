//! What every valid instance of an `<element>` pattern must carry: the
//! attributes and child elements present whichever way its content is
//! matched.
//!
//! Computed from the pattern's structure: a `<group>`, `<interleave>`,
//! `<mixed>` or `<oneOrMore>` requires what any of its parts requires; a
//! `<choice>` only what all of its alternatives require (so one `<empty/>`
//! alternative requires nothing), leaving out alternatives that can never
//! match (`<notAllowed/>`, the placeholder libvirt's storage schema extends
//! with `combine="choice"`); `<optional>` and `<zeroOrMore>` nothing. A
//! define given several bodies counts as a choice between them, and a ref
//! back into a define being expanded (recursion) requires nothing. Every
//! one of these rules can only drop names, never add one a valid instance
//! lacks, so the result is an under-approximation: sound for the strict
//! mode.

use std::collections::BTreeSet;

use crate::rng::Grammar;

/// Names (expanded, as in `summary.rs`) a pattern requires.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Required {
    /// Attributes every instance has.
    pub attrs: BTreeSet<String>,
    /// Child elements every instance has.
    pub children: BTreeSet<String>,
}

/// What a pattern requires, or `None` when nothing can match it.
type Req = Option<Required>;

/// Both parts' requirements (a pattern that cannot match makes the whole
/// unmatchable).
fn both(a: Req, b: Req) -> Req {
    let (mut a, b) = (a?, b?);
    a.attrs.extend(b.attrs);
    a.children.extend(b.children);
    Some(a)
}

/// What all alternatives that can match require.
fn either(alternatives: impl IntoIterator<Item = Req>) -> Req {
    let mut out: Req = None;
    for r in alternatives.into_iter().flatten() {
        out = Some(match out {
            None => r,
            Some(o) => Required {
                attrs: o.attrs.intersection(&r.attrs).cloned().collect(),
                children: o.children.intersection(&r.children).cloned().collect(),
            },
        });
    }
    out
}

/// The single expanded name of `<element>`/`<attribute>` node `id` (second
/// argument: whether it is an attribute), if it has exactly one: a
/// wildcard or a choice of names requires no one name.
pub type NameOf<'a> = &'a dyn Fn(usize, bool) -> Option<String>;

/// What the content patterns `content` (a group) require.
pub fn group(g: &Grammar, content: &[usize], name_of: NameOf<'_>) -> Required {
    let mut stack = Vec::new();
    all(g, content, name_of, &mut stack).unwrap_or_default()
}

/// What the patterns `ids`, as a group, require.
fn all(g: &Grammar, ids: &[usize], name_of: NameOf<'_>, stack: &mut Vec<String>) -> Req {
    ids.iter().try_fold(Required::default(), |acc, &c| {
        both(Some(acc), pattern(g, c, name_of, stack))
    })
}

fn pattern(g: &Grammar, id: usize, name_of: NameOf<'_>, stack: &mut Vec<String>) -> Req {
    let n = &g.nodes[id];
    match n.tag.as_str() {
        "element" => Some(Required {
            children: name_of(id, false).into_iter().collect(),
            ..Required::default()
        }),
        "attribute" => Some(Required {
            attrs: name_of(id, true).into_iter().collect(),
            ..Required::default()
        }),
        "group" | "interleave" | "mixed" | "oneOrMore" => all(g, &n.children, name_of, stack),
        "choice" => {
            let alternatives: Vec<Req> = n
                .children
                .iter()
                .map(|&c| pattern(g, c, name_of, stack))
                .collect();
            either(alternatives)
        }
        "ref" | "parentRef" => {
            let Some(name) = n.attr("name") else {
                return Some(Required::default());
            };
            let bodies = match g.defines.get(name) {
                Some(b) if !stack.iter().any(|s| s == name) => b,
                _ => return Some(Required::default()),
            };
            stack.push(name.to_owned());
            let alternatives: Vec<Req> = bodies
                .iter()
                .map(|&d| all(g, &g.nodes[d].children, name_of, stack))
                .collect();
            stack.pop();
            either(alternatives)
        }
        "grammar" => {
            let starts = g.starts.get(&id).cloned().unwrap_or_default();
            let alternatives: Vec<Req> = starts
                .iter()
                .map(|&st| all(g, &g.nodes[st].children, name_of, stack))
                .collect();
            either(alternatives)
        }
        "notAllowed" => None,
        // `optional` and `zeroOrMore` (which may be absent), text and data
        // patterns, `empty`, and annotations.
        _ => Some(Required::default()),
    }
}
