//! Reading bytes into a [`Tree`] with quick-xml's reader.

use quick_xml::events::{BytesRef, Event};
use quick_xml::{Reader, XmlVersion};

use crate::error::{Error, ErrorKind};
use crate::tree::{Attribute, Element, Misc, Node, Tree};

/// How deep elements may nest.
pub const MAX_DEPTH: usize = 256;

/// Parses a whole document. Never panics: any input that is not one
/// well-formed UTF-8 XML document is an [`Error`] with its position.
pub fn parse_tree(src: &str) -> Result<Tree, Error> {
    let mut reader = Reader::from_str(src);
    let cfg = reader.config_mut();
    // libxml2 (what libvirt uses) rejects `--` in comments; so do we.
    cfg.check_comments = true;
    cfg.check_end_names = true;
    cfg.expand_empty_elements = false;
    cfg.trim_text(false);

    let mut prolog = Vec::new();
    let mut epilog = Vec::new();
    let mut root: Option<Element> = None;
    // Open elements, innermost last.
    let mut stack: Vec<Element> = Vec::new();

    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).ok();
                return Err(Error::at(
                    ErrorKind::Syntax(e.to_string()),
                    src,
                    at,
                    open_path(&stack),
                ));
            }
        };
        let syntax = |msg: String, stack: &[Element]| {
            Error::at(ErrorKind::Syntax(msg), src, Some(start), open_path(stack))
        };
        match ev {
            Event::Start(e) | Event::Empty(e) if root.is_some() && stack.is_empty() => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                return Err(syntax(
                    format!("second root element <{name}> after the first"),
                    &stack,
                ));
            }
            Event::Start(e) => {
                let el = start_element(&e, start).map_err(|m| syntax(m, &stack))?;
                // Deep trees would make dropping, cloning and comparing them
                // recurse without bound; libxml2 stops at the same depth.
                if stack.len() >= MAX_DEPTH {
                    return Err(syntax(
                        format!("elements nested deeper than {MAX_DEPTH}"),
                        &stack,
                    ));
                }
                stack.push(el);
            }
            Event::Empty(e) => {
                let el = start_element(&e, start).map_err(|m| syntax(m, &stack))?;
                close(el, &mut stack, &mut root);
            }
            Event::End(_) => {
                // check_end_names made the reader verify the name matches.
                let Some(el) = stack.pop() else {
                    return Err(syntax("end tag without start tag".into(), &stack));
                };
                close(el, &mut stack, &mut root);
            }
            Event::Text(t) => {
                let text = t
                    .xml10_content()
                    .map_err(|e| syntax(e.to_string(), &stack))?;
                push_text(&text, &mut stack, root.is_some(), &mut prolog, &mut epilog)
                    .map_err(|m| syntax(m, &stack))?;
            }
            Event::GeneralRef(r) => {
                let text = resolve_ref(&r).map_err(|m| syntax(m, &stack))?;
                push_text(&text, &mut stack, root.is_some(), &mut prolog, &mut epilog)
                    .map_err(|m| syntax(m, &stack))?;
            }
            Event::CData(c) => {
                let text = c.decode().map_err(|e| syntax(e.to_string(), &stack))?;
                let Some(top) = stack.last_mut() else {
                    return Err(syntax("CDATA outside the root element".into(), &stack));
                };
                top.children.push(Node::CData(text.into_owned()));
            }
            Event::Comment(c) => {
                let text = c.decode().map_err(|e| syntax(e.to_string(), &stack))?;
                misc_or_node(
                    Misc::Comment(text.clone().into_owned()),
                    Node::Comment(text.into_owned()),
                    &mut stack,
                    root.is_some(),
                    &mut prolog,
                    &mut epilog,
                );
            }
            Event::PI(p) => {
                let text = String::from_utf8_lossy(&p).into_owned();
                misc_or_node(
                    Misc::Pi(text.clone()),
                    Node::Pi(text),
                    &mut stack,
                    root.is_some(),
                    &mut prolog,
                    &mut epilog,
                );
            }
            Event::Decl(d) => {
                if root.is_some() || !stack.is_empty() || !prolog.is_empty() {
                    return Err(syntax("XML declaration not at the start".into(), &stack));
                }
                prolog.push(Misc::Decl(String::from_utf8_lossy(&d).into_owned()));
            }
            Event::DocType(d) => {
                if root.is_some() || !stack.is_empty() {
                    return Err(syntax("DOCTYPE after the root element".into(), &stack));
                }
                let text = d.decode().map_err(|e| syntax(e.to_string(), &stack))?;
                prolog.push(Misc::DocType(text.into_owned()));
            }
            Event::Eof => {
                if !stack.is_empty() {
                    return Err(syntax(
                        format!(
                            "unexpected end of input inside <{}>",
                            stack[stack.len() - 1].name
                        ),
                        &stack,
                    ));
                }
                let Some(root) = root else {
                    return Err(Error::at(
                        ErrorKind::NoRoot,
                        src,
                        Some(start),
                        String::new(),
                    ));
                };
                return Ok(Tree {
                    prolog,
                    root,
                    epilog,
                });
            }
        }
    }
}

/// Parses bytes, rejecting input that is not UTF-8 (libvirt's documents are).
pub fn parse_tree_bytes(bytes: &[u8]) -> Result<Tree, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => parse_tree(s),
        Err(e) => {
            let ok = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
            let (line, column) = crate::error::line_col(ok, ok.len());
            Err(Error {
                kind: ErrorKind::NotUtf8,
                line,
                column,
                path: String::new(),
            })
        }
    }
}

fn start_element(e: &quick_xml::events::BytesStart<'_>, pos: usize) -> Result<Element, String> {
    let name = std::str::from_utf8(e.name().as_ref())
        .map_err(|e| e.to_string())?
        .to_owned();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let aname = std::str::from_utf8(a.key.as_ref())
            .map_err(|e| e.to_string())?
            .to_owned();
        if attrs.iter().any(|x: &Attribute| x.name == aname) {
            return Err(format!("duplicate attribute {aname:?}"));
        }
        // Normalized the XML 1.0 way (as libxml2 does): entities resolved,
        // literal newlines and tabs become spaces.
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?
            .into_owned();
        attrs.push(Attribute { name: aname, value });
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
        pos: Some(pos),
    })
}

fn close(el: Element, stack: &mut [Element], root: &mut Option<Element>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(el)),
        None => *root = Some(el),
    }
}

/// The text of `&name;`: predefined entities and character references only,
/// as libvirt's documents never declare their own.
fn resolve_ref(r: &BytesRef<'_>) -> Result<String, String> {
    if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
        return Ok(c.to_string());
    }
    let name = r.decode().map_err(|e| e.to_string())?;
    match quick_xml::escape::resolve_predefined_entity(&name) {
        Some(s) => Ok(s.to_owned()),
        None => Err(format!("unknown entity &{name};")),
    }
}

// quick-xml splits text at entity references; join the pieces into one node.
fn push_text(
    text: &str,
    stack: &mut [Element],
    after_root: bool,
    prolog: &mut Vec<Misc>,
    epilog: &mut Vec<Misc>,
) -> Result<(), String> {
    match stack.last_mut() {
        Some(top) => {
            if let Some(Node::Text(t)) = top.children.last_mut() {
                t.push_str(text);
            } else {
                top.children.push(Node::Text(text.to_owned()));
            }
            Ok(())
        }
        None if text.trim().is_empty() => {
            let list = if after_root { epilog } else { prolog };
            if let Some(Misc::Whitespace(w)) = list.last_mut() {
                w.push_str(text);
            } else {
                list.push(Misc::Whitespace(text.to_owned()));
            }
            Ok(())
        }
        None => Err("text outside the root element".into()),
    }
}

fn misc_or_node(
    misc: Misc,
    node: Node,
    stack: &mut [Element],
    after_root: bool,
    prolog: &mut Vec<Misc>,
    epilog: &mut Vec<Misc>,
) {
    match stack.last_mut() {
        Some(top) => top.children.push(node),
        None if after_root => epilog.push(misc),
        None => prolog.push(misc),
    }
}

/// `/a/b[2]/c` for the open elements, numbering a step when an earlier
/// sibling has the same name.
fn open_path(stack: &[Element]) -> String {
    let mut out = String::new();
    for (i, el) in stack.iter().enumerate() {
        out.push('/');
        out.push_str(&el.name);
        if i > 0 {
            let n = stack[i - 1]
                .elements()
                .filter(|e| e.name == el.name)
                .count();
            if n > 0 {
                out.push_str(&format!("[{}]", n + 1));
            }
        }
    }
    out
}
