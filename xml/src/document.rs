//! A whole document: what surrounds the root, and the root as a typed view.

use std::ops::{Deref, DerefMut};

use crate::error::{Error, ErrorKind, ValidationErrors};
use crate::model::{Coverage, coverage, validate};
use crate::parse::parse_tree;
use crate::strict;
use crate::tree::{Misc, Tree};
use crate::view::View;
use crate::write::write_parts;

/// A parsed (or built) document whose root is the view `T`. Dereferences to
/// the root, so `doc.name()` reads the domain's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<T> {
    /// Declaration, comments and whitespace before the root, as read.
    pub prolog: Vec<Misc>,
    /// The root element.
    pub root: T,
    /// Comments and whitespace after the root, as read.
    pub epilog: Vec<Misc>,
}

impl<T: View> Document<T> {
    /// A document holding only `root`, laid out the way libvirt indents.
    pub fn new(root: T) -> Self {
        let mut el = root.into_element();
        el.reindent(0);
        Document {
            prolog: Vec::new(),
            root: T::from_element(el),
            epilog: Vec::new(),
        }
    }

    /// Parses `src`: it must be well-formed, have `T`'s root element, and
    /// every value `T` models must parse as its type.
    pub fn parse(src: &str) -> Result<Self, Error> {
        let tree = parse_tree(src)?;
        if tree.root.name != T::NAME {
            return Err(Error::at(
                ErrorKind::WrongRoot {
                    expected: T::NAME,
                    found: tree.root.name.clone(),
                },
                src,
                tree.root.pos,
                format!("/{}", tree.root.name),
            ));
        }
        validate(&tree.root, T::model(), src, &format!("/{}", T::NAME))?;
        Ok(Document {
            prolog: tree.prolog,
            root: T::from_element(tree.root),
            epilog: tree.epilog,
        })
    }

    /// Parses `src` like [`Document::parse`], then checks it against
    /// libvirt's schema like [`Document::validate`], with line and column in
    /// every error.
    pub fn parse_strict(src: &str) -> Result<Self, ValidationErrors> {
        let doc = Self::parse(src)?;
        let errors = strict::check(doc.root.as_element(), T::model(), Some(src));
        if errors.is_empty() {
            Ok(doc)
        } else {
            Err(ValidationErrors { errors })
        }
    }

    /// Strict mode: checks the document against facts derived from
    /// libvirt's RelaxNG schema for its root element (a snippet such as a
    /// `<disk>` against every `<disk>` of the schemas). Reports every
    /// attribute the schema does not allow on its element, value outside a
    /// closed list, element not allowed at its place, text where none is
    /// allowed, and attribute or element the schema always requires there
    /// but is missing, each with its path (line and column are 0 here: the
    /// source is gone; [`Document::parse_strict`] has them). Wildcards in
    /// the schema (`<metadata>`'s content) stay open. What is and is not
    /// checked, and why a valid document never fails: the crate
    /// documentation's "Strict mode" section.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let errors = strict::check(self.root.as_element(), T::model(), None);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors { errors })
        }
    }

    /// The document as XML text, exactly as the tree holds it.
    pub fn to_xml(&self) -> String {
        write_parts(&self.prolog, self.root.as_element(), &self.epilog)
    }

    /// How many elements, attributes and text values `T`'s views model, and
    /// how many are only kept.
    pub fn coverage(&self) -> Coverage {
        coverage(self.root.as_element(), T::model())
    }

    /// The whole document as an untyped tree.
    pub fn into_tree(self) -> Tree {
        Tree {
            prolog: self.prolog,
            root: self.root.into_element(),
            epilog: self.epilog,
        }
    }
}

impl<T> Deref for Document<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.root
    }
}

impl<T> DerefMut for Document<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.root
    }
}
