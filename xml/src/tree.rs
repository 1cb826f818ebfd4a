//! The lossless XML tree every typed document reads and writes through.
//!
//! It keeps what libvirt's own tests compare (element names with their
//! prefixes as written, attributes in order, every child in order including
//! whitespace, comments, CDATA and processing instructions), so a document
//! that is parsed and written back is the same tree even where no typed view
//! knows its elements.

/// One attribute, name as written (with any prefix) and unescaped value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Qualified name, e.g. `type` or `xmlns:qemu`.
    pub name: String,
    /// Value with entities and character references resolved.
    pub value: String,
}

/// A child of an element, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A nested element.
    Element(Element),
    /// Character data, entities resolved (whitespace is kept too).
    Text(String),
    /// A `<![CDATA[...]]>` section's content.
    CData(String),
    /// A `<!--...-->` comment's content.
    Comment(String),
    /// A `<?target data?>` processing instruction's content.
    Pi(String),
}

/// An element: name, ordered attributes, ordered children.
#[derive(Debug, Clone, Default)]
pub struct Element {
    /// Qualified name as written, e.g. `disk` or `qemu:commandline`.
    pub name: String,
    /// Attributes in document order.
    pub attrs: Vec<Attribute>,
    /// Children in document order.
    pub children: Vec<Node>,
    /// Byte offset of the start tag in the parsed source, for error
    /// positions; `None` for elements built in code.
    pub(crate) pos: Option<usize>,
}

// Equality is the tree's content: where an element came from is not part of it.
impl PartialEq for Element {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.attrs == other.attrs && self.children == other.children
    }
}
impl Eq for Element {}

impl Element {
    /// An empty element called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Element {
            name: name.into(),
            ..Element::default()
        }
    }

    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.as_str())
    }

    /// Sets attribute `name`: in place when it exists (so attribute order is
    /// kept), appended otherwise.
    pub fn set_attr(&mut self, name: &str, value: impl Into<String>) -> &mut Self {
        let value = value.into();
        match self.attrs.iter_mut().find(|a| a.name == name) {
            Some(a) => a.value = value,
            None => self.attrs.push(Attribute {
                name: name.to_owned(),
                value,
            }),
        }
        self
    }

    /// Removes attribute `name`, returning its value.
    pub fn remove_attr(&mut self, name: &str) -> Option<String> {
        let i = self.attrs.iter().position(|a| a.name == name)?;
        Some(self.attrs.remove(i).value)
    }

    /// Child elements in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// Child elements in order, mutably.
    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The first child element called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first child element called `name`, mutably.
    pub fn child_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.elements_mut().find(|e| e.name == name)
    }

    /// Every child element called `name`, in order.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    /// Every child element called `name`, in order, mutably.
    pub fn children_named_mut<'a>(
        &'a mut self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a mut Element> {
        self.elements_mut().filter(move |e| e.name == name)
    }

    /// The element's text: its text and CDATA children concatenated, or
    /// `None` when it has neither.
    pub fn text(&self) -> Option<String> {
        let mut out: Option<String> = None;
        for n in &self.children {
            if let Node::Text(t) | Node::CData(t) = n {
                out.get_or_insert_with(String::new).push_str(t);
            }
        }
        out
    }

    /// Replaces all text and CDATA children with one text node, placed where
    /// the first of them was (so comments and elements keep their places).
    pub fn set_text(&mut self, text: impl Into<String>) -> &mut Self {
        let at = self
            .children
            .iter()
            .position(|n| matches!(n, Node::Text(_) | Node::CData(_)));
        self.children
            .retain(|n| !matches!(n, Node::Text(_) | Node::CData(_)));
        let at = at.unwrap_or(self.children.len()).min(self.children.len());
        self.children.insert(at, Node::Text(text.into()));
        self
    }

    /// Inserts `child` at element-child position `before` (an index into
    /// [`Element::children`], clamped), copying the indentation its siblings
    /// use so a read-modify-write keeps the document's layout.
    pub fn insert_element(&mut self, at: usize, child: Element) -> &mut Element {
        let at = at.min(self.children.len());
        // The whitespace libvirt puts before each child, taken from a sibling.
        let indent = self.children.iter().enumerate().find_map(|(i, n)| match n {
            Node::Element(_) if i > 0 => match &self.children[i - 1] {
                Node::Text(t) if t.trim().is_empty() => Some(t.clone()),
                _ => None,
            },
            _ => None,
        });
        match indent {
            // Put the new element after an indent, keeping the text that
            // follows position `at` (the next indent or the closing one).
            Some(ws) => {
                // If the node before `at` is whitespace, the element goes
                // after it and a fresh indent follows; else indent first.
                if at > 0 && matches!(&self.children[at - 1], Node::Text(t) if t.trim().is_empty())
                {
                    self.children.insert(at, Node::Element(child));
                    self.children.insert(at + 1, Node::Text(ws));
                    match &mut self.children[at] {
                        Node::Element(e) => e,
                        _ => unreachable!("just inserted an element"),
                    }
                } else {
                    self.children.insert(at, Node::Text(ws));
                    self.children.insert(at + 1, Node::Element(child));
                    match &mut self.children[at + 1] {
                        Node::Element(e) => e,
                        _ => unreachable!("just inserted an element"),
                    }
                }
            }
            None => {
                self.children.insert(at, Node::Element(child));
                match &mut self.children[at] {
                    Node::Element(e) => e,
                    _ => unreachable!("just inserted an element"),
                }
            }
        }
    }

    /// Removes every child element called `name` (and the indentation
    /// before each), returning how many were removed.
    pub fn remove_children(&mut self, name: &str) -> usize {
        let mut removed = 0;
        let mut i = 0;
        while i < self.children.len() {
            if matches!(&self.children[i], Node::Element(e) if e.name == name) {
                self.children.remove(i);
                removed += 1;
                if i > 0 && matches!(&self.children[i - 1], Node::Text(t) if t.trim().is_empty()) {
                    self.children.remove(i - 1);
                    i -= 1;
                }
            } else {
                i += 1;
            }
        }
        removed
    }

    /// Re-indents this subtree the way libvirt formats XML (two spaces per
    /// level) where an element holds only elements, comments and whitespace;
    /// elements with real text are left alone. `depth` is this element's
    /// nesting level.
    pub fn reindent(&mut self, depth: usize) {
        let has_text = self.children.iter().any(|n| match n {
            Node::Text(t) => !t.trim().is_empty(),
            Node::CData(_) => true,
            _ => false,
        });
        if has_text {
            return;
        }
        self.children
            .retain(|n| !matches!(n, Node::Text(t) if t.trim().is_empty()));
        if self.children.is_empty() {
            return;
        }
        let inner = format!("\n{}", "  ".repeat(depth + 1));
        let mut out = Vec::with_capacity(self.children.len() * 2 + 1);
        for mut n in self.children.drain(..) {
            if let Node::Element(e) = &mut n {
                e.reindent(depth + 1);
            }
            out.push(Node::Text(inner.clone()));
            out.push(n);
        }
        out.push(Node::Text(format!("\n{}", "  ".repeat(depth))));
        self.children = out;
    }
}

/// Something outside the root element: declaration, comment, PI, doctype or
/// whitespace between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misc {
    /// `<?xml ...?>`, its content as written (e.g. `xml version="1.0"`).
    Decl(String),
    /// A comment's content.
    Comment(String),
    /// A processing instruction's content.
    Pi(String),
    /// A `<!DOCTYPE ...>` declaration's content.
    DocType(String),
    /// Whitespace between the other items.
    Whitespace(String),
}

/// A whole XML document: what comes before the root, the root, what comes after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    /// Items before the root element.
    pub prolog: Vec<Misc>,
    /// The root element.
    pub root: Element,
    /// Items after the root element.
    pub epilog: Vec<Misc>,
}
