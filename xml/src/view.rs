//! Typed views: newtypes over [`Element`] whose accessors read and write the
//! tree in place, declared with the crate-internal `view!` macro.

use ref_cast::RefCast;

use crate::document::Document;
use crate::error::Error;
use crate::model::Model;
use crate::tree::{Element, Node};

/// A typed view of one element type. Every view is a `#[repr(transparent)]`
/// newtype over [`Element`], so a `&Element` can be viewed as `&Self` (and
/// `&mut` likewise) without copying, and everything the view does not model
/// stays in the element untouched.
pub trait View: RefCast<From = Element> + Sized {
    /// The element name, e.g. `disk`.
    const NAME: &'static str;
    /// What this view models.
    fn model() -> &'static Model;
    /// Wraps an element (whatever its name) in this view.
    fn from_element(el: Element) -> Self;
    /// The underlying element.
    fn into_element(self) -> Element;
    /// The underlying element, borrowed.
    fn as_element(&self) -> &Element;

    /// Parses a document whose root is this element, checking every
    /// modelled value. Any view can be a root: `<disk>` snippets for
    /// attach-device parse as `Disk::from_xml`.
    fn from_xml(src: &str) -> Result<Document<Self>, Error> {
        Document::parse(src)
    }
}

fn elem_at(el: &mut Element, i: usize) -> &mut Element {
    match &mut el.children[i] {
        Node::Element(e) => e,
        // Callers pass indices they just found or inserted as elements.
        _ => unreachable!("index {i} is not an element"),
    }
}

fn position(el: &Element, name: &str) -> Option<usize> {
    el.children
        .iter()
        .position(|n| matches!(n, Node::Element(e) if e.name == name))
}

/// The first child `name`, inserted empty (where `model` orders it) when
/// there is none.
pub(crate) fn child_or_insert<'a>(
    el: &'a mut Element,
    model: &Model,
    name: &str,
) -> &'a mut Element {
    match position(el, name) {
        Some(i) => elem_at(el, i),
        None => {
            let at = model.insert_index(el, name);
            el.insert_element(at, Element::new(name))
        }
    }
}

/// Replaces the first child named like `child` in place, or inserts it where
/// `model` orders it.
pub(crate) fn set_child<'a>(el: &'a mut Element, model: &Model, child: Element) -> &'a mut Element {
    match position(el, &child.name) {
        Some(i) => {
            el.children[i] = Node::Element(child);
            elem_at(el, i)
        }
        None => {
            let at = model.insert_index(el, &child.name);
            el.insert_element(at, child)
        }
    }
}

/// Adds `child` after its last same-named sibling, or where `model` orders
/// it when it is the first.
pub(crate) fn push_child<'a>(
    el: &'a mut Element,
    model: &Model,
    child: Element,
) -> &'a mut Element {
    let last = el
        .children
        .iter()
        .rposition(|n| matches!(n, Node::Element(e) if e.name == child.name));
    let at = match last {
        Some(i) => i + 1,
        None => model.insert_index(el, &child.name),
    };
    el.insert_element(at, child)
}

/// Sets attribute `name`: in place when present, else among the existing
/// attributes in the order `model` lists them (so a view built in code
/// writes `type` first whatever order its setters ran in), unmodelled ones
/// staying where they are.
pub(crate) fn set_attr(el: &mut Element, model: &Model, name: &str, value: String) {
    if let Some(a) = el.attrs.iter_mut().find(|a| a.name == name) {
        a.value = value;
        return;
    }
    let rank = |n: &str| model.attrs.iter().position(|a| a.name == n);
    let at = match rank(name) {
        Some(want) => el
            .attrs
            .iter()
            .position(|a| rank(&a.name).is_some_and(|r| r > want))
            .unwrap_or(el.attrs.len()),
        None => el.attrs.len(),
    };
    el.attrs.insert(
        at,
        crate::tree::Attribute {
            name: name.to_owned(),
            value,
        },
    );
}

/// Declares a typed view: the newtype, its [`Model`], and accessors.
///
/// Attributes: `getter, setter: "name" => Type;` gives `getter() ->
/// Option<Type>` and `setter(impl Into<Type>)`. Children: `one getter,
/// getter_mut, setter: "name" => View;` (optional single child; `_mut`
/// creates it) or `many iter, iter_mut, push: "name" => View;`. Text:
/// `getter, setter => Type;`. Rules: `rules { Rule::RequiredAttr("x"), ... }`
/// ([`crate::model::Rule`]).
macro_rules! view {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident = $elname:literal {
            $( attrs { $( $(#[$am:meta])* $aget:ident, $aset:ident : $aname:literal => $aty:ty; )* } )?
            $( children { $( $(#[$cm:meta])* $card:ident $cget:ident, $cmut:ident, $cadd:ident : $cname:literal => $cty:ty; )* } )?
            $( text { $(#[$tm:meta])* $tget:ident, $tset:ident => $tty:ty; } )?
            $( rules { $($rule:expr),* $(,)? } )?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, ref_cast::RefCast)]
        #[repr(transparent)]
        $vis struct $name(pub $crate::Element);

        impl $crate::View for $name {
            const NAME: &'static str = $elname;
            fn model() -> &'static $crate::model::Model {
                static MODEL: $crate::model::Model = $crate::model::Model {
                    name: $elname,
                    attrs: &[ $($( $crate::model::AttrModel {
                        name: $aname,
                        check: $crate::value::check::<$aty>,
                        expected: <$aty as $crate::XmlValue>::EXPECTED,
                    }, )*)? ],
                    children: &[ $($( $crate::model::ChildModel {
                        name: $cname,
                        model: <$cty as $crate::View>::model,
                    }, )*)? ],
                    text: $crate::view::view!(@text $($tty)?),
                    rules: &[ $($( $rule, )*)? ],
                };
                &MODEL
            }
            fn from_element(el: $crate::Element) -> Self {
                $name(el)
            }
            fn into_element(self) -> $crate::Element {
                self.0
            }
            fn as_element(&self) -> &$crate::Element {
                &self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name($crate::Element::new($elname))
            }
        }

        impl ::std::ops::Deref for $name {
            type Target = $crate::Element;
            fn deref(&self) -> &$crate::Element {
                &self.0
            }
        }

        impl ::std::ops::DerefMut for $name {
            fn deref_mut(&mut self) -> &mut $crate::Element {
                &mut self.0
            }
        }

        #[allow(dead_code)]
        impl $name {
            #[doc = concat!("An empty `<", $elname, ">`.")]
            pub fn new() -> Self {
                Self::default()
            }

            $($(
                $(#[$am])*
                pub fn $aget(&self) -> Option<$aty> {
                    self.0.attr($aname).and_then(<$aty as $crate::XmlValue>::from_xml)
                }

                #[doc = concat!("Sets the `", $aname, "` attribute (in place when present, else in schema order).")]
                pub fn $aset(&mut self, v: impl Into<$aty>) -> &mut Self {
                    let v: $aty = v.into();
                    let m = <Self as $crate::View>::model();
                    $crate::view::set_attr(&mut self.0, m, $aname, $crate::XmlValue::to_xml(&v).into_owned());
                    self
                }
            )*)?

            $($(
                $crate::view::view!(@child $card [$(#[$cm])*] $cget $cmut $cadd $cname $cty);
            )*)?

            $(
                $(#[$tm])*
                pub fn $tget(&self) -> Option<$tty> {
                    self.0.text().and_then(|t| <$tty as $crate::XmlValue>::from_xml(t.trim()))
                }

                /// Sets the element's text.
                pub fn $tset(&mut self, v: impl Into<$tty>) -> &mut Self {
                    let v: $tty = v.into();
                    self.0.set_text($crate::XmlValue::to_xml(&v));
                    self
                }
            )?
        }
    };

    (@text) => { None };
    (@text $t:ty) => {
        Some($crate::model::TextModel {
            check: $crate::value::check::<$t>,
            expected: <$t as $crate::XmlValue>::EXPECTED,
        })
    };

    (@child one [$(#[$cm:meta])*] $get:ident $mut:ident $add:ident $cname:literal $cty:ty) => {
        $(#[$cm])*
        pub fn $get(&self) -> Option<&$cty> {
            self.0.child($cname).map(<$cty as ref_cast::RefCast>::ref_cast)
        }

        #[doc = concat!("The `<", $cname, ">` child, created empty when absent.")]
        pub fn $mut(&mut self) -> &mut $cty {
            let m = <Self as $crate::View>::model();
            <$cty as ref_cast::RefCast>::ref_cast_mut($crate::view::child_or_insert(&mut self.0, m, $cname))
        }

        #[doc = concat!("Replaces the `<", $cname, ">` child in place, or inserts it (renamed `", $cname, "` if need be).")]
        pub fn $add(&mut self, v: $cty) -> &mut $cty {
            let m = <Self as $crate::View>::model();
            let mut el = $crate::View::into_element(v);
            // Shared views (TextElement, CharDevice, ...) take the name of
            // the place they are put.
            $cname.clone_into(&mut el.name);
            <$cty as ref_cast::RefCast>::ref_cast_mut($crate::view::set_child(&mut self.0, m, el))
        }
    };

    (@child many [$(#[$cm:meta])*] $get:ident $mut:ident $add:ident $cname:literal $cty:ty) => {
        $(#[$cm])*
        pub fn $get(&self) -> impl Iterator<Item = &$cty> {
            self.0.children_named($cname).map(<$cty as ref_cast::RefCast>::ref_cast)
        }

        #[doc = concat!("Every `<", $cname, ">` child, mutably.")]
        pub fn $mut(&mut self) -> impl Iterator<Item = &mut $cty> {
            self.0.children_named_mut($cname).map(<$cty as ref_cast::RefCast>::ref_cast_mut)
        }

        #[doc = concat!("Adds a `<", $cname, ">` after the existing ones (renamed `", $cname, "` if need be).")]
        pub fn $add(&mut self, v: $cty) -> &mut $cty {
            let m = <Self as $crate::View>::model();
            let mut el = $crate::View::into_element(v);
            // Shared views (TextElement, CharDevice, ...) take the name of
            // the place they are put.
            $cname.clone_into(&mut el.name);
            <$cty as ref_cast::RefCast>::ref_cast_mut($crate::view::push_child(&mut self.0, m, el))
        }
    };
}
pub(crate) use view;
