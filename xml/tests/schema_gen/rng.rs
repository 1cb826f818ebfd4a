//! Reads libvirt's RelaxNG schema files (XML syntax) into one arena of
//! nodes per document schema, resolving `<include>`s and collecting every
//! `<define>` and `<start>`.
//!
//! Nested `<grammar>`s (domainsnapshot.rng embeds domain.rng that way) are
//! flattened: all defines of one document schema share a single table, and a
//! define given several times is the union of its bodies. That can only
//! allow more than the schema does, never less, which is the direction the
//! strict mode needs (see `src/strict.rs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};

/// One element of a schema file. Elements outside the RelaxNG namespace
/// (annotations) get the tag `#foreign` and are ignored.
pub struct Node {
    /// Local name in the RelaxNG namespace, e.g. `element`, `ref`.
    pub tag: String,
    /// Attributes as written (unprefixed ones only).
    pub attrs: Vec<(String, String)>,
    /// Child nodes in order.
    pub children: Vec<usize>,
    /// Text content (for `value`, `name`, `param`).
    pub text: String,
    /// The `ns` in scope (inherited from the nearest ancestor with one).
    pub ns: String,
    /// The file the node comes from, for error messages.
    pub file: usize,
}

impl Node {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One document schema (e.g. domain.rng and everything it includes).
#[derive(Default)]
pub struct Grammar {
    /// Every node of every file loaded.
    pub nodes: Vec<Node>,
    /// Files loaded, by index (`Node::file`).
    pub files: Vec<PathBuf>,
    /// Each define's bodies (the `<define>` nodes), all grammars flattened.
    pub defines: HashMap<String, Vec<usize>>,
    /// The `<start>` nodes of each `<grammar>` node.
    pub starts: HashMap<usize, Vec<usize>>,
    /// The root `<grammar>` node of each file already loaded, so a file
    /// included twice is read once.
    loaded: HashMap<PathBuf, usize>,
    /// The top-level grammar's node.
    pub top: usize,
}

impl Grammar {
    /// Loads `path` and everything it includes.
    pub fn load(path: &Path) -> Result<Grammar, String> {
        let mut g = Grammar::default();
        g.top = g.load_file(path)?;
        Ok(g)
    }

    /// The `<start>` nodes of the top-level grammar.
    pub fn top_starts(&self) -> &[usize] {
        self.starts.get(&self.top).map_or(&[], Vec::as_slice)
    }

    /// Where node `id` comes from, for messages.
    pub fn whence(&self, id: usize) -> String {
        let n = &self.nodes[id];
        format!("<{}> in {}", n.tag, self.files[n.file].display())
    }

    fn load_file(&mut self, path: &Path) -> Result<usize, String> {
        let path = path
            .canonicalize()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if let Some(&root) = self.loaded.get(&path) {
            return Ok(root);
        }
        let src = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file = self.files.len();
        self.files.push(path.clone());
        let root = self
            .parse(&src, file)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if self.nodes[root].tag != "grammar" {
            return Err(format!("{}: the root is not <grammar>", path.display()));
        }
        self.loaded.insert(path.clone(), root);
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        self.collect(root, &dir)?;
        Ok(root)
    }

    /// Registers the defines, starts and includes found under node `id`
    /// (every nested grammar too).
    fn collect(&mut self, id: usize, dir: &Path) -> Result<(), String> {
        if self.nodes[id].tag == "#foreign" {
            return Ok(());
        }
        let children = self.nodes[id].children.clone();
        if self.nodes[id].tag == "grammar" {
            self.starts.entry(id).or_default();
            for &c in &children {
                match self.nodes[c].tag.as_str() {
                    "start" => self.starts.entry(id).or_default().push(c),
                    "define" => {
                        let name = self.nodes[c]
                            .attr("name")
                            .ok_or_else(|| format!("{} without a name", self.whence(c)))?
                            .to_owned();
                        self.defines.entry(name).or_default().push(c);
                    }
                    "include" => {
                        if self.nodes[c]
                            .children
                            .iter()
                            .any(|&k| matches!(self.nodes[k].tag.as_str(), "define" | "start"))
                        {
                            // Overrides inside <include> would replace the
                            // included definitions; unioning them instead
                            // would still be sound, but libvirt has none, so
                            // say so rather than guess.
                            return Err(format!(
                                "{}: overriding definitions in <include> is not supported",
                                self.whence(c)
                            ));
                        }
                        let href = self.nodes[c]
                            .attr("href")
                            .ok_or_else(|| format!("{} without href", self.whence(c)))?;
                        let included = self.load_file(&dir.join(href))?;
                        let inner = self.starts.get(&included).cloned().unwrap_or_default();
                        self.starts.entry(id).or_default().extend(inner);
                    }
                    "div" => {
                        return Err(format!("{}: <div> is not supported", self.whence(c)));
                    }
                    _ => {}
                }
            }
        }
        for c in children {
            if self.nodes[c].tag != "include" {
                self.collect(c, dir)?;
            }
        }
        Ok(())
    }

    /// Parses one file's XML into nodes; returns the root's index.
    fn parse(&mut self, src: &str, file: usize) -> Result<usize, String> {
        let mut r = quick_xml::Reader::from_str(src);
        let mut stack: Vec<usize> = Vec::new();
        let mut root = None;
        loop {
            let ev = r.read_event().map_err(|e| e.to_string())?;
            match ev {
                Event::Start(e) | Event::Empty(e) if root.is_some() && stack.is_empty() => {
                    return Err(format!(
                        "second root element {:?}",
                        String::from_utf8_lossy(e.name().as_ref())
                    ));
                }
                Event::Start(e) => {
                    let id = self.open(&e, &stack, file)?;
                    root.get_or_insert(id);
                    stack.push(id);
                }
                Event::Empty(e) => {
                    let id = self.open(&e, &stack, file)?;
                    root.get_or_insert(id);
                }
                Event::End(_) => {
                    stack.pop();
                }
                Event::Text(t) => {
                    if let Some(&top) = stack.last() {
                        let t = t.xml10_content().map_err(|e| e.to_string())?;
                        self.nodes[top].text.push_str(&t);
                    }
                }
                Event::CData(t) => {
                    if let Some(&top) = stack.last() {
                        self.nodes[top].text.push_str(&String::from_utf8_lossy(&t));
                    }
                }
                Event::GeneralRef(g) => {
                    if let Some(&top) = stack.last() {
                        let c = match g.resolve_char_ref().map_err(|e| e.to_string())? {
                            Some(c) => c.to_string(),
                            None => {
                                let n = g.decode().map_err(|e| e.to_string())?;
                                quick_xml::escape::resolve_predefined_entity(&n)
                                    .ok_or_else(|| format!("unknown entity &{n};"))?
                                    .to_owned()
                            }
                        };
                        self.nodes[top].text.push_str(&c);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        root.ok_or_else(|| "no root element".to_owned())
    }

    /// Adds the node for start tag `e` under the innermost open node.
    fn open(&mut self, e: &BytesStart<'_>, stack: &[usize], file: usize) -> Result<usize, String> {
        let qname = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        // The schemas write RelaxNG unprefixed; prefixed elements are
        // annotations (e.g. netcf's `v:` in interface.rng).
        let tag = if qname.contains(':') {
            "#foreign".to_owned()
        } else {
            qname
        };
        let mut attrs = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|e| e.to_string())?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            if key.contains(':') || key == "xmlns" {
                continue;
            }
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| e.to_string())?
                .into_owned();
            attrs.push((key, v));
        }
        let parent = stack.last().copied();
        let ns = attrs
            .iter()
            .find(|(k, _)| k == "ns")
            .map(|(_, v)| v.clone())
            .or_else(|| parent.map(|p| self.nodes[p].ns.clone()))
            .unwrap_or_default();
        let id = self.nodes.len();
        self.nodes.push(Node {
            tag,
            attrs,
            children: Vec::new(),
            text: String::new(),
            ns,
            file,
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(id);
        }
        Ok(id)
    }
}
