//! Borrowed twins of the call procedures' `_args` structs, in a `borrowed`
//! submodule of each program.
//!
//! The `Calls` methods take their arguments by reference (`&str`, `&[u8]`,
//! `&NonnullDomain`, `&[TypedParam]`), so making a raw call clones nothing.
//! A twin holds those references and encodes byte for byte like the owned
//! struct; `BORROWED_CHECKS` (under `testgen`) proves it on generated values.
//! Where every field is a scalar or an enum, the owned struct is its own twin.

use std::collections::BTreeSet;

use super::codec::{Codec, Length, Place};
use super::types::{TESTGEN_CFG, write_sum};
use super::writer::Writer;
use crate::model::{Model, ProcKind, ProcTable, Ty, TypeId, TypeKind};

const ENCODE_SIG: &str = "fn encode<B: crate::xdr::BufMut>(&self, out: &mut B) -> ::core::result::Result<(), crate::xdr::EncodeError>";

/// The type an argument of type `ty` is passed as: a reference for
/// strings, bytes, arrays, structs and unions, the value for scalars and
/// enums. `lt` is a lifetime with its trailing space (`"'a "`), or empty.
pub fn param_type(codec: &Codec<'_>, ty: &Ty, lt: &str) -> String {
    match ty {
        Ty::Prim(_) => codec.rust_type(ty),
        Ty::Named(id) => match codec.model.types[*id].kind {
            TypeKind::Enum(_) => codec.rust_type(ty),
            _ => format!("&{lt}{}", codec.rust_type(ty)),
        },
        Ty::String { .. } => format!("&{lt}str"),
        Ty::Opaque { .. } => format!("&{lt}[u8]"),
        Ty::FixedOpaque { len } => format!("&{lt}[u8; {len}]"),
        Ty::Array { elem, .. } => format!("&{lt}[{}]", codec.rust_type(elem)),
        Ty::FixedArray { elem, len } => format!("&{lt}[{}; {len}]", codec.rust_type(elem)),
        Ty::Option { elem, .. } => {
            format!("::std::option::Option<{}>", param_type(codec, elem, lt))
        }
    }
}

/// Whether `ty` is passed as itself (a scalar, an enum, or an option of one).
pub fn by_value(codec: &Codec<'_>, ty: &Ty) -> bool {
    param_type(codec, ty, "") == codec.rust_type(ty)
}

/// How a procedure's `Procedure::Borrowed` type is made.
pub enum Twin {
    /// The procedure takes no arguments: `()`.
    Unit,
    /// Every field is passed by value: the owned `_args` struct.
    Owned(TypeId),
    /// The struct of the same name in the `borrowed` submodule.
    Borrowed(TypeId),
}

/// The twin of a procedure's arguments.
pub fn twin(codec: &Codec<'_>, args: Option<TypeId>) -> Twin {
    let Some(id) = args else {
        return Twin::Unit;
    };
    let TypeKind::Struct(s) = &codec.model.types[id].kind else {
        unreachable!("args types are structs")
    };
    if s.fields.iter().all(|f| by_value(codec, &f.ty)) {
        Twin::Owned(id)
    } else {
        Twin::Borrowed(id)
    }
}

/// Where a twin's field is for the codec: a reference binding when the
/// field is a reference, the field itself otherwise (values and options).
fn place(codec: &Codec<'_>, ty: &Ty, name: &str) -> Place {
    if matches!(ty, Ty::Option { .. }) || by_value(codec, ty) {
        Place::field(name)
    } else {
        Place::binding(&format!("self.{name}"))
    }
}

/// The expression that borrows field `name` of the owned value `v`.
fn borrow_field(codec: &Codec<'_>, ty: &Ty, name: &str) -> String {
    match ty {
        _ if by_value(codec, ty) => format!("v.{name}"),
        Ty::Option { elem, boxed } => match &**elem {
            Ty::String { .. } | Ty::Opaque { .. } | Ty::Array { .. } => {
                format!("v.{name}.as_deref()")
            }
            _ if *boxed => format!("v.{name}.as_deref()"),
            _ => format!("v.{name}.as_ref()"),
        },
        _ => format!("&v.{name}"),
    }
}

/// The `borrowed` submodule of a program: one twin per call procedure's
/// arguments that has a field passed by reference.
pub fn emit(w: &mut Writer, model: &Model, module: usize, table: &ProcTable) {
    let top = Codec {
        model,
        module,
        scope: "",
    };
    let mut ids = BTreeSet::new();
    for p in table.procs.iter().filter(|p| p.kind == ProcKind::Call) {
        if let Twin::Borrowed(id) = twin(&top, p.args) {
            ids.insert(id);
        }
    }
    if ids.is_empty() {
        return;
    }
    let nested = Codec {
        model,
        module,
        scope: "super::",
    };
    w.doc(
        "The call procedures' arguments as borrowed data: each struct has the\n\
         fields of the `_args` struct of the same name, by reference, and\n\
         encodes to the same bytes. These are the `Procedure::Borrowed` types\n\
         that the `Calls` methods send.",
    );
    w.block("pub mod borrowed", |w| {
        w.line("#[allow(unused_imports)]");
        w.line("use crate::xdr::Encode as _;");
        for &id in &ids {
            w.blank();
            struct_twin(w, &nested, id);
        }
        w.blank();
        w.doc(
            "For each twin: generates an owned value from a seed, borrows it, and\n\
             checks that both encode to the same bytes.",
        );
        w.line(TESTGEN_CFG);
        w.open_raw("pub static BORROWED_CHECKS: &[crate::xdr::TypeCheck] = &[");
        for &id in &ids {
            let t = &model.types[id];
            let TypeKind::Struct(s) = &t.kind else {
                unreachable!("args types are structs")
            };
            let fields: Vec<String> = s
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "{}: {}",
                        f.rust_name,
                        borrow_field(&nested, &f.ty, &f.rust_name)
                    )
                })
                .collect();
            w.line(format!(
                "(\"{}\", |seed| crate::xdr::check_borrowed::<super::{}>(seed, |v| crate::xdr::to_bytes(&{} {{ {} }}))),",
                t.xdr_name,
                t.rust_name,
                t.rust_name,
                fields.join(", ")
            ));
        }
        w.close_raw("];");
    });
}

fn struct_twin(w: &mut Writer, codec: &Codec<'_>, id: TypeId) {
    let t = &codec.model.types[id];
    let TypeKind::Struct(s) = &t.kind else {
        unreachable!("args types are structs")
    };
    let name = &t.rust_name;
    w.doc(&format!(
        "[`super::{name}`] by reference: encodes to the same bytes."
    ));
    w.line("#[derive(Debug, Clone, Copy)]");
    w.block(format!("pub struct {name}<'a>"), |w| {
        for f in &s.fields {
            w.doc(&format!("`{}`", f.source));
            w.line(format!(
                "pub {}: {},",
                f.rust_name,
                param_type(codec, &f.ty, "'a ")
            ));
        }
    });
    w.blank();
    w.block(format!("impl crate::xdr::Encode for {name}<'_>"), |w| {
        let mut len = Length::default();
        for f in &s.fields {
            len.add(codec.length(&f.ty, &place(codec, &f.ty, &f.rust_name), 0));
        }
        // Inline: only the calls a program makes are compiled, in that
        // program, not 450 of them in this crate.
        w.line("#[inline]");
        w.block("fn encoded_len(&self) -> usize", |w| write_sum(w, &len));
        w.block(ENCODE_SIG, |w| {
            for f in &s.fields {
                w.line(
                    codec
                        .encode(&f.ty, &place(codec, &f.ty, &f.rust_name), 0)
                        .statement(),
                );
            }
            w.line("::core::result::Result::Ok(())");
        });
    });
}
