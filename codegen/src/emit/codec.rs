//! Rust expressions that encode, decode, size and generate one declaration,
//! built from its resolved [`Ty`] (so typedef'd bounds are checked at every
//! use). Nested element types go through the runtime's `*_with` helpers.

use crate::model::{Model, Ty};

/// Where a value is: a field (`self.name`) or a reference binding (`v`).
#[derive(Debug, Clone)]
pub struct Place {
    expr: String,
    by_ref: bool,
}

impl Place {
    /// `self.<field>`
    pub fn field(name: &str) -> Self {
        Self {
            expr: format!("self.{name}"),
            by_ref: false,
        }
    }

    /// A binding that holds a reference (closure parameter, match binding).
    pub fn binding(name: &str) -> Self {
        Self {
            expr: name.to_owned(),
            by_ref: true,
        }
    }

    /// The value, for method calls.
    pub fn expr(&self) -> &str {
        &self.expr
    }

    /// A reference to the value, for function arguments.
    pub fn borrow(&self) -> String {
        if self.by_ref {
            self.expr.clone()
        } else {
            format!("&{}", self.expr)
        }
    }
}

/// How to encode one value: an expression of type `Result<(), EncodeError>`,
/// or one of type `()` for fixed opaque data, which cannot fail.
#[derive(Debug, Clone)]
pub enum Encoding {
    Fallible(String),
    Infallible(String),
}

impl Encoding {
    /// As a statement in a function returning `Result`.
    pub fn statement(&self) -> String {
        match self {
            Encoding::Fallible(e) => format!("{e}?;"),
            Encoding::Infallible(e) => format!("{e};"),
        }
    }

    /// As the body of a closure returning `Result`.
    fn closure_body(&self) -> String {
        match self {
            Encoding::Fallible(e) => e.clone(),
            Encoding::Infallible(e) => format!("{{ {e}; {OK_UNIT} }}"),
        }
    }
}

const OK_UNIT: &str = "::core::result::Result::Ok(())";

/// The encoded length of one value: a constant part plus dynamic terms.
#[derive(Debug, Clone, Default)]
pub struct Length {
    pub fixed: u64,
    pub terms: Vec<String>,
}

impl Length {
    pub fn add(&mut self, other: Length) {
        self.fixed = self.fixed.saturating_add(other.fixed);
        self.terms.extend(other.terms);
    }

    /// As one expression: `12 + a + b`, without `+ 0`.
    pub fn expr(&self) -> String {
        let mut parts = Vec::new();
        if self.fixed > 0 || self.terms.is_empty() {
            parts.push(self.fixed.to_string());
        }
        parts.extend(self.terms.iter().cloned());
        parts.join(" + ")
    }
}

/// Builds expressions for the types of one module.
pub struct Codec<'m> {
    pub model: &'m Model,
    pub module: usize,
    /// Prepended to paths relative to the module (`super::` for code in
    /// one of its submodules), empty at the module's top level.
    pub scope: &'static str,
}

impl Codec<'_> {
    /// A bound as the generated code writes it: the constant's name (with
    /// its module's path when another module defines it), else the number.
    fn bound(&self, max: &crate::model::Bound) -> String {
        match &max.constant {
            Some((m, name)) if *m == self.module => format!("{}{name}", self.scope),
            Some((m, name)) => format!(
                "{}super::{}::{name}",
                self.scope, self.model.modules[*m].name
            ),
            None if max.value == u32::MAX => "u32::MAX".to_owned(),
            None => max.value.to_string(),
        }
    }
}

/// Closure parameter names by nesting depth, so nested closures stay readable.
fn var(depth: usize) -> String {
    if depth == 0 {
        "v".to_owned()
    } else {
        format!("v{depth}")
    }
}

impl Codec<'_> {
    /// The Rust type of a declaration.
    pub fn rust_type(&self, ty: &Ty) -> String {
        match ty {
            Ty::Prim(p) => p.rust().to_owned(),
            Ty::Named(id) => format!("{}{}", self.scope, self.model.path(*id, self.module)),
            Ty::String { .. } => "crate::xdr::XdrString".to_owned(),
            Ty::Opaque { .. } => "crate::xdr::Bytes".to_owned(),
            Ty::FixedOpaque { len } => format!("[u8; {len}]"),
            Ty::Array { elem, .. } => format!("::std::vec::Vec<{}>", self.rust_type(elem)),
            Ty::FixedArray { elem, len } => format!("[{}; {len}]", self.rust_type(elem)),
            Ty::Option { elem, boxed: false } => {
                format!("::std::option::Option<{}>", self.rust_type(elem))
            }
            Ty::Option { elem, boxed: true } => {
                format!(
                    "::std::option::Option<::std::boxed::Box<{}>>",
                    self.rust_type(elem)
                )
            }
        }
    }

    /// Whether values are read and written through the `Encode`/`Decode`
    /// traits directly (a scalar or a named type).
    fn is_simple(ty: &Ty) -> bool {
        matches!(ty, Ty::Prim(_) | Ty::Named(_))
    }

    /// The encoded length of the value at `place`.
    pub fn length(&self, ty: &Ty, place: &Place, depth: usize) -> Length {
        if let Some(n) = self.model.fixed_len(ty) {
            return Length {
                fixed: n,
                terms: Vec::new(),
            };
        }
        let v = var(depth);
        let p = place.expr();
        let term = match ty {
            Ty::Prim(_) | Ty::FixedOpaque { .. } => unreachable!("fixed size"),
            Ty::Named(_) => format!("{p}.encoded_len()"),
            Ty::String { .. } | Ty::Opaque { .. } => format!("crate::xdr::opaque_len({p}.len())"),
            Ty::Array { elem, .. } => match self.model.fixed_len(elem) {
                Some(n) => {
                    return Length {
                        fixed: 4,
                        terms: vec![format!("{p}.len() * {n}")],
                    };
                }
                None if matches!(**elem, Ty::Named(_)) => {
                    format!("crate::xdr::array_len({})", place.borrow())
                }
                None => {
                    let inner = self.length(elem, &Place::binding(&v), depth + 1).expr();
                    format!(
                        "crate::xdr::array_len_with({}, |{v}| {inner})",
                        place.borrow()
                    )
                }
            },
            Ty::FixedArray { elem, .. } => {
                let inner = self.length(elem, &Place::binding(&v), depth + 1).expr();
                format!("{p}.iter().map(|{v}| {inner}).sum::<usize>()")
            }
            Ty::Option { elem, .. } => match self.model.fixed_len(elem) {
                Some(n) => format!("crate::xdr::option_len_with({}, |_| {n})", place.borrow()),
                None => {
                    let inner = self.length(elem, &Place::binding(&v), depth + 1).expr();
                    format!(
                        "crate::xdr::option_len_with({}, |{v}| {inner})",
                        place.borrow()
                    )
                }
            },
        };
        Length {
            fixed: 0,
            terms: vec![term],
        }
    }

    /// Writes the value at `place` to `out`.
    pub fn encode(&self, ty: &Ty, place: &Place, depth: usize) -> Encoding {
        let v = var(depth);
        let closure = |elem: &Ty| {
            let body = self
                .encode(elem, &Place::binding(&v), depth + 1)
                .closure_body();
            format!("|{v}, out| {body}")
        };
        let e = match ty {
            Ty::Prim(_) | Ty::Named(_) => format!("{}.encode(out)", place.expr()),
            Ty::String { max } => format!(
                "crate::xdr::encode_string({}, {}, out)",
                place.borrow(),
                self.bound(max)
            ),
            Ty::Opaque { max } => format!(
                "crate::xdr::encode_opaque({}, {}, out)",
                place.borrow(),
                self.bound(max)
            ),
            Ty::FixedOpaque { .. } => {
                return Encoding::Infallible(format!(
                    "crate::xdr::encode_fixed_opaque({}, out)",
                    place.borrow()
                ));
            }
            Ty::Array { elem, max } if Self::is_simple(elem) => {
                format!(
                    "crate::xdr::encode_array({}, {}, out)",
                    place.borrow(),
                    self.bound(max)
                )
            }
            Ty::Array { elem, max } => {
                format!(
                    "crate::xdr::encode_array_with({}, {}, out, {})",
                    place.borrow(),
                    self.bound(max),
                    closure(elem)
                )
            }
            Ty::FixedArray { elem, .. } => {
                format!(
                    "crate::xdr::encode_fixed_array_with({}, out, {})",
                    place.borrow(),
                    closure(elem)
                )
            }
            Ty::Option { elem, .. } => {
                format!(
                    "crate::xdr::encode_option_with({}, out, {})",
                    place.borrow(),
                    closure(elem)
                )
            }
        };
        Encoding::Fallible(e)
    }

    /// An expression of type `Result<T, DecodeError>` reading from `src`.
    pub fn decode(&self, ty: &Ty) -> String {
        match ty {
            Ty::Prim(_) | Ty::Named(_) => format!("{}::decode(src)", self.rust_type(ty)),
            Ty::String { max } => format!("crate::xdr::decode_string(src, {})", self.bound(max)),
            Ty::Opaque { max } => format!("crate::xdr::decode_opaque(src, {})", self.bound(max)),
            Ty::FixedOpaque { len } => format!("crate::xdr::decode_fixed_opaque::<{len}>(src)"),
            Ty::Array { elem, max } if Self::is_simple(elem) => {
                format!(
                    "crate::xdr::decode_array::<{}>(src, {})",
                    self.rust_type(elem),
                    self.bound(max)
                )
            }
            Ty::Array { elem, max } => format!(
                "crate::xdr::decode_array_with(src, {}, {}, {})",
                self.bound(max),
                self.model.min_len(elem),
                self.decode_fn(elem)
            ),
            Ty::FixedArray { elem, len } => format!(
                "crate::xdr::decode_fixed_array_with::<_, {len}>(src, {}, {})",
                self.model.min_len(elem),
                self.decode_fn(elem)
            ),
            Ty::Option { elem, boxed: false } => format!(
                "crate::xdr::decode_option_with(src, {})",
                self.decode_fn(elem)
            ),
            Ty::Option { elem, boxed: true } => format!(
                "crate::xdr::decode_option_with(src, |src| {}.map(::std::boxed::Box::new))",
                self.decode(elem)
            ),
        }
    }

    /// A function (path or closure) from `&mut Bytes` to `Result<T, DecodeError>`.
    fn decode_fn(&self, ty: &Ty) -> String {
        match ty {
            Ty::Prim(_) | Ty::Named(_) => format!("{}::decode", self.rust_type(ty)),
            Ty::FixedOpaque { len } => format!("crate::xdr::decode_fixed_opaque::<{len}>"),
            _ => format!("|src| {}", self.decode(ty)),
        }
    }

    /// An expression of the type, made from the generator `g`, within every bound.
    pub fn generate(&self, ty: &Ty) -> String {
        match ty {
            Ty::Prim(_) | Ty::Named(_) => format!("{}::generate(g)", self.rust_type(ty)),
            Ty::String { max } => format!("g.string({})", self.bound(max)),
            Ty::Opaque { max } => format!("g.bytes({})", self.bound(max)),
            Ty::FixedOpaque { .. } => "g.array(u8::generate)".to_owned(),
            Ty::Array { elem, max } => {
                format!("g.vec({}, {})", self.bound(max), self.generate_fn(elem))
            }
            Ty::FixedArray { elem, .. } => format!("g.array({})", self.generate_fn(elem)),
            Ty::Option { elem, boxed: false } => format!("g.option({})", self.generate_fn(elem)),
            Ty::Option { elem, boxed: true } => {
                format!(
                    "g.option(|g| ::std::boxed::Box::new({}))",
                    self.generate(elem)
                )
            }
        }
    }

    fn generate_fn(&self, ty: &Ty) -> String {
        if Self::is_simple(ty) {
            format!("{}::generate", self.rust_type(ty))
        } else {
            format!("|g| {}", self.generate(ty))
        }
    }
}
