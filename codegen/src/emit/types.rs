//! Constants, typedefs, enums, structs and unions, with their `Encode`,
//! `Decode` and `Generate` impls.

use super::codec::{Codec, Length, Place};
use super::writer::Writer;
use crate::model::*;

const OK: &str = "::core::result::Result::Ok";
const ENCODE_SIG: &str = "fn encode<B: crate::xdr::BufMut>(&self, out: &mut B) -> ::core::result::Result<(), crate::xdr::EncodeError>";
const DECODE_SIG: &str = "fn decode(src: &mut crate::xdr::Bytes) -> ::core::result::Result<Self, crate::xdr::DecodeError>";
pub const TESTGEN_CFG: &str = "#[cfg(any(test, feature = \"testgen\"))]";

pub struct TypeEmitter<'m> {
    pub codec: Codec<'m>,
    pub file: &'m str,
}

impl TypeEmitter<'_> {
    fn model(&self) -> &Model {
        self.codec.model
    }

    fn origin(&self, what: &str, line: u32) -> String {
        format!("`{what}` ({}:{line}).", self.file)
    }

    pub fn constant(&self, w: &mut Writer, c: &ConstItem) {
        let ty = if c.value < 0 {
            if c.value >= i128::from(i32::MIN) {
                "i32"
            } else {
                "i64"
            }
        } else if c.value <= i128::from(u32::MAX) {
            "u32"
        } else {
            "u64"
        };
        w.doc(&self.origin(&c.source, c.line));
        w.line(format!("pub const {}: {ty} = {};", c.name, c.text));
    }

    pub fn alias(&self, w: &mut Writer, a: &AliasItem) {
        w.doc(&self.origin(&a.source, a.line));
        w.line(format!(
            "pub type {} = {};",
            a.rust_name,
            self.codec.rust_type(&a.ty)
        ));
    }

    pub fn named(&self, w: &mut Writer, id: TypeId) {
        let entry = &self.model().types[id];
        match &entry.kind {
            TypeKind::Enum(e) => self.enumeration(w, entry, e),
            TypeKind::Struct(s) => self.structure(w, entry, s),
            TypeKind::Union(u) => self.union(w, entry, u),
        }
    }

    fn enumeration(&self, w: &mut Writer, entry: &TypeEntry, e: &EnumType) {
        let name = &entry.rust_name;
        w.doc(&self.origin(&format!("enum {}", entry.xdr_name), entry.line));
        w.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]");
        w.line("#[repr(i32)]");
        // libvirt adds members (procedures every release, auth types):
        // code outside this crate must not match them exhaustively.
        w.line("#[non_exhaustive]");
        w.block(format!("pub enum {name}"), |w| {
            for m in &e.members {
                w.doc(&format!("`{}`", m.source));
                w.line(format!("{} = {},", m.rust_name, m.value));
            }
        });
        w.blank();
        w.block(format!("impl {name}"), |w| {
            w.doc("Every member, in `.x` order.");
            let all: Vec<String> = e
                .members
                .iter()
                .map(|m| format!("Self::{}", m.rust_name))
                .collect();
            w.line(format!(
                "pub const ALL: &'static [Self] = &[{}];",
                all.join(", ")
            ));
        });
        w.blank();
        w.block(format!("impl ::core::convert::TryFrom<i32> for {name}"), |w| {
            w.line("type Error = crate::xdr::DecodeError;");
            w.block("fn try_from(value: i32) -> ::core::result::Result<Self, crate::xdr::DecodeError>", |w| {
                w.block("match value", |w| {
                    for m in &e.members {
                        w.line(format!("{} => {OK}(Self::{}),", m.value, m.rust_name));
                    }
                    w.open("_ => ::core::result::Result::Err(crate::xdr::DecodeError::UnknownDiscriminant");
                    w.line(format!("type_name: \"{}\",", entry.xdr_name));
                    w.line("value,");
                    w.close("),");
                });
            });
        });
        w.blank();
        w.block(format!("impl crate::xdr::Encode for {name}"), |w| {
            w.block("fn encoded_len(&self) -> usize", |w| w.line("4"));
            w.block(ENCODE_SIG, |w| w.line("(*self as i32).encode(out)"));
        });
        w.blank();
        w.block(format!("impl crate::xdr::Decode for {name}"), |w| {
            w.line("const MIN_LEN: usize = 4;");
            w.block(DECODE_SIG, |w| {
                w.line("<Self as ::core::convert::TryFrom<i32>>::try_from(i32::decode(src)?)");
            });
        });
        w.blank();
        w.line(TESTGEN_CFG);
        w.block(format!("impl crate::xdr::Generate for {name}"), |w| {
            w.block("fn generate(g: &mut crate::xdr::Gen) -> Self", |w| {
                w.line("Self::ALL[g.choose(Self::ALL.len())]");
            });
        });
    }

    fn structure(&self, w: &mut Writer, entry: &TypeEntry, s: &StructType) {
        let name = &entry.rust_name;
        let codec = &self.codec;
        w.doc(&self.origin(&format!("struct {}", entry.xdr_name), entry.line));
        w.line(if entry.default {
            "#[derive(Debug, Clone, Default, PartialEq)]"
        } else {
            "#[derive(Debug, Clone, PartialEq)]"
        });
        w.block(format!("pub struct {name}"), |w| {
            for f in &s.fields {
                w.doc(&format!("`{}`", f.source));
                w.line(format!("pub {}: {},", f.rust_name, codec.rust_type(&f.ty)));
            }
        });
        w.blank();
        w.block(format!("impl crate::xdr::Encode for {name}"), |w| {
            let mut len = Length::default();
            for f in &s.fields {
                len.add(codec.length(&f.ty, &Place::field(&f.rust_name), 0));
            }
            w.block("fn encoded_len(&self) -> usize", |w| write_sum(w, &len));
            w.block(ENCODE_SIG, |w| {
                for f in &s.fields {
                    w.line(
                        codec
                            .encode(&f.ty, &Place::field(&f.rust_name), 0)
                            .statement(),
                    );
                }
                w.line(format!("{OK}(())"));
            });
        });
        w.blank();
        w.block(format!("impl crate::xdr::Decode for {name}"), |w| {
            w.line(format!("const MIN_LEN: usize = {};", entry.min_len));
            w.block(DECODE_SIG, |w| {
                w.open(format!("{OK}(Self"));
                for f in &s.fields {
                    w.line(format!("{}: {}?,", f.rust_name, codec.decode(&f.ty)));
                }
                w.close(")");
            });
        });
        w.blank();
        w.line(TESTGEN_CFG);
        w.block(format!("impl crate::xdr::Generate for {name}"), |w| {
            w.block("fn generate(g: &mut crate::xdr::Gen) -> Self", |w| {
                w.block("Self", |w| {
                    for f in &s.fields {
                        w.line(format!("{}: {},", f.rust_name, codec.generate(&f.ty)));
                    }
                });
            });
        });
    }

    fn union(&self, w: &mut Writer, entry: &TypeEntry, u: &UnionType) {
        let name = &entry.rust_name;
        let codec = &self.codec;
        let model = self.model();
        let disc_ty = match u.discriminant {
            Discriminant::Int => "i32".to_owned(),
            Discriminant::Unsigned => "u32".to_owned(),
            Discriminant::Enum(id) => model.path(id, codec.module),
        };
        // The value of a case label as a Rust expression; in generic code a
        // same-module path gets `self::` so a type parameter cannot shadow it.
        let label_value = |c: &Case, generic: bool| match (&u.discriminant, &c.member) {
            (Discriminant::Enum(id), Some(member)) => {
                let path = model.path(*id, codec.module);
                let path = if generic && !path.starts_with("super::") {
                    format!("self::{path}")
                } else {
                    path
                };
                format!("{path}::{member}")
            }
            (Discriminant::Unsigned, _) => format!("{}u32", c.value),
            _ if c.value < 0 => format!("({}i32)", c.value),
            _ => format!("{}i32", c.value),
        };
        let pattern_value = |c: &Case| match (&u.discriminant, &c.member) {
            (Discriminant::Enum(_), Some(member)) => format!("{disc_ty}::{member}"),
            _ => c.value.to_string(),
        };

        w.doc(&self.origin(
            &format!(
                "union {} switch ({})",
                entry.xdr_name, u.discriminant_source
            ),
            entry.line,
        ));
        w.line("#[derive(Debug, Clone, PartialEq)]");
        w.block(format!("pub enum {name}"), |w| {
            for c in &u.cases {
                w.doc(&format!("`case {}: {}`", c.label, c.source));
                match &c.arm {
                    Some(ty) => w.line(format!("{}({}),", c.variant, codec.rust_type(ty))),
                    None => w.line(format!("{},", c.variant)),
                }
            }
            if let Some(d) = &u.default {
                w.doc(&format!("`default: {}`: any other discriminant.", d.source));
                match &d.arm {
                    Some(ty) => {
                        w.open("Default");
                        w.doc("The discriminant.");
                        w.line(format!("discriminant: {disc_ty},"));
                        w.doc(&format!("`{}`", d.source));
                        w.line(format!("value: {},", codec.rust_type(ty)));
                        w.close(",");
                    }
                    None => w.line(format!("Default({disc_ty}),")),
                }
            }
        });
        w.blank();

        // Encode.
        w.block(format!("impl crate::xdr::Encode for {name}"), |w| {
            w.block("fn encoded_len(&self) -> usize", |w| {
                if let Some(n) = entry.fixed_len {
                    w.line(n.to_string());
                    return;
                }
                w.open("4 + match self");
                let v = Place::binding("v");
                for c in &u.cases {
                    match &c.arm {
                        None => w.line(format!("Self::{} => 0,", c.variant)),
                        Some(ty) => {
                            let len = codec.length(ty, &v, 1);
                            let bind = if len.terms.is_empty() { "_" } else { "v" };
                            w.line(format!("Self::{}({bind}) => {},", c.variant, len.expr()));
                        }
                    }
                }
                if let Some(d) = &u.default {
                    match &d.arm {
                        None => w.line("Self::Default(_) => 0,"),
                        Some(ty) => {
                            let len = codec.length(ty, &Place::binding("value"), 1);
                            let bind = if len.terms.is_empty() {
                                ".."
                            } else {
                                "value, .."
                            };
                            w.line(format!("Self::Default {{ {bind} }} => {},", len.expr()));
                        }
                    }
                }
                w.close("");
            });
            w.block(ENCODE_SIG, |w| {
                w.block("match self", |w| {
                    for c in &u.cases {
                        let disc = format!("{}.encode(out)?", label_value(c, true));
                        match &c.arm {
                            None => w.line(format!("Self::{} => {disc},", c.variant)),
                            Some(ty) => w.block(format!("Self::{}(v) =>", c.variant), |w| {
                                w.line(format!("{disc};"));
                                w.line(codec.encode(ty, &Place::binding("v"), 1).statement());
                            }),
                        }
                    }
                    if let Some(d) = &u.default {
                        match &d.arm {
                            None => {
                                w.line("Self::Default(discriminant) => discriminant.encode(out)?,")
                            }
                            Some(ty) => w.block("Self::Default { discriminant, value } =>", |w| {
                                w.line("discriminant.encode(out)?;");
                                w.line(codec.encode(ty, &Place::binding("value"), 1).statement());
                            }),
                        }
                    }
                });
                w.line(format!("{OK}(())"));
            });
        });
        w.blank();

        // Decode.
        w.block(format!("impl crate::xdr::Decode for {name}"), |w| {
            w.line(format!("const MIN_LEN: usize = {};", entry.min_len));
            w.block(DECODE_SIG, |w| {
                w.line(format!("let discriminant = {disc_ty}::decode(src)?;"));
                w.open(format!("{OK}(match discriminant"));
                for c in &u.cases {
                    match &c.arm {
                        None => w.line(format!("{} => Self::{},", pattern_value(c), c.variant)),
                        Some(ty) => w.line(format!("{} => Self::{}({}?),", pattern_value(c), c.variant, codec.decode(ty))),
                    }
                }
                match &u.default {
                    _ if u.exhaustive => {}
                    Some(DefaultArm { arm: None, .. }) => w.line("discriminant => Self::Default(discriminant),"),
                    Some(DefaultArm { arm: Some(ty), .. }) => {
                        w.line(format!("discriminant => Self::Default {{ discriminant, value: {}? }},", codec.decode(ty)));
                    }
                    None => {
                        let value = match u.discriminant {
                            Discriminant::Int => "discriminant",
                            _ => "discriminant as i32",
                        };
                        w.open("_ =>");
                        w.line("return ::core::result::Result::Err(crate::xdr::DecodeError::UnknownDiscriminant {");
                        w.indented(|w| {
                            w.line(format!("type_name: \"{}\",", entry.xdr_name));
                            w.line(format!("value: {value},"));
                        });
                        w.line("});");
                        w.close("");
                    }
                }
                w.close(")");
            });
        });
        w.blank();

        // Generate.
        let mut choices: Vec<String> = u
            .cases
            .iter()
            .map(|c| match &c.arm {
                None => format!("Self::{}", c.variant),
                Some(ty) => format!("Self::{}({})", c.variant, codec.generate(ty)),
            })
            .collect();
        if let Some(d) = u.default.as_ref().filter(|d| !d.unused.is_empty()) {
            let unused: Vec<String> = match u.discriminant {
                Discriminant::Enum(_) => {
                    d.unused.iter().map(|m| format!("{disc_ty}::{m}")).collect()
                }
                _ => d.unused.clone(),
            };
            let disc = match unused.len() {
                1 => unused[0].clone(),
                n => format!("[{}][g.choose({n})]", unused.join(", ")),
            };
            choices.push(match &d.arm {
                None => format!("Self::Default({disc})"),
                Some(ty) => format!(
                    "Self::Default {{ discriminant: {disc}, value: {} }}",
                    codec.generate(ty)
                ),
            });
        }
        w.line(TESTGEN_CFG);
        w.block(format!("impl crate::xdr::Generate for {name}"), |w| {
            w.block("fn generate(g: &mut crate::xdr::Gen) -> Self", |w| {
                if choices.len() == 1 {
                    w.line(&choices[0]);
                    return;
                }
                w.block(format!("match g.choose({})", choices.len()), |w| {
                    let last = choices.len() - 1;
                    for (i, choice) in choices.iter().enumerate() {
                        if i == last {
                            w.line(format!("_ => {choice},"));
                        } else {
                            w.line(format!("{i} => {choice},"));
                        }
                    }
                });
            });
        });
    }
}

/// The body of `encoded_len`: one term per line when there are several.
pub(super) fn write_sum(w: &mut Writer, len: &Length) {
    let expr = len.expr();
    if expr.len() <= 80 {
        w.line(expr);
        return;
    }
    let mut parts: Vec<String> = Vec::new();
    if len.fixed > 0 {
        parts.push(len.fixed.to_string());
    }
    parts.extend(len.terms.iter().cloned());
    w.line(&parts[0]);
    w.indented(|w| {
        for part in &parts[1..] {
            w.line(format!("+ {part}"));
        }
    });
}
