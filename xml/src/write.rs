//! Writing a [`Tree`] back out as XML text.
//!
//! Written straight into a `String` rather than through quick-xml's
//! `Writer`: its attribute escaping leaves newlines and tabs literal, which
//! an XML parser then normalizes to spaces, so a value holding them would not
//! survive a round trip. Here they become character references.

use std::fmt::Write as _;

use crate::tree::{Element, Misc, Node, Tree};

/// The document as XML text: exactly the tree, no layout added or removed.
pub fn write_tree(tree: &Tree) -> String {
    write_parts(&tree.prolog, &tree.root, &tree.epilog)
}

/// A document from its parts: what precedes the root, the root, what follows.
pub fn write_parts(prolog: &[Misc], root: &Element, epilog: &[Misc]) -> String {
    let mut out = String::new();
    for m in prolog {
        write_misc(&mut out, m);
    }
    write_element(&mut out, root);
    for m in epilog {
        write_misc(&mut out, m);
    }
    out
}

/// One element and its subtree as XML text.
pub fn write_element_string(el: &Element) -> String {
    let mut out = String::new();
    write_element(&mut out, el);
    out
}

fn write_misc(out: &mut String, m: &Misc) {
    match m {
        Misc::Decl(d) => {
            let _ = write!(out, "<?{d}?>");
        }
        Misc::Comment(c) => {
            let _ = write!(out, "<!--{c}-->");
        }
        Misc::Pi(p) => {
            let _ = write!(out, "<?{p}?>");
        }
        Misc::DocType(d) => {
            let _ = write!(out, "<!DOCTYPE {d}>");
        }
        Misc::Whitespace(w) => out.push_str(w),
    }
}

fn write_element(out: &mut String, el: &Element) {
    // An explicit stack instead of recursion: arbitrarily deep input must not
    // overflow ours.
    enum Step<'a> {
        Node(&'a Node),
        Open(&'a Element),
        Close(&'a Element),
    }
    let mut todo = vec![Step::Open(el)];
    while let Some(step) = todo.pop() {
        match step {
            Step::Close(e) => {
                let _ = write!(out, "</{}>", e.name);
            }
            Step::Node(Node::Element(e)) | Step::Open(e) => {
                out.push('<');
                out.push_str(&e.name);
                for a in &e.attrs {
                    out.push(' ');
                    out.push_str(&a.name);
                    out.push_str("=\"");
                    escape_attr(out, &a.value);
                    out.push('"');
                }
                if e.children.is_empty() {
                    out.push_str("/>");
                    continue;
                }
                out.push('>');
                todo.push(Step::Close(e));
                // Reversed so they pop in document order.
                todo.extend(e.children.iter().rev().map(Step::Node));
            }
            Step::Node(Node::Text(t)) => escape_text(out, t),
            Step::Node(Node::CData(c)) => {
                // "]]>" cannot appear inside one section: split it across two.
                out.push_str("<![CDATA[");
                out.push_str(&c.replace("]]>", "]]]]><![CDATA[>"));
                out.push_str("]]>");
            }
            Step::Node(Node::Comment(c)) => {
                let _ = write!(out, "<!--{c}-->");
            }
            Step::Node(Node::Pi(p)) => {
                let _ = write!(out, "<?{p}?>");
            }
        }
    }
}

fn escape_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

fn escape_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
}
