//! The `Calls` trait: one typed async method per call procedure.
//!
//! A client implements the two required methods and gets every procedure as
//! a method: arguments are the `_args` struct's fields, and a `_ret` struct of
//! one field is unwrapped to that field.

use super::codec::Codec;
use super::writer::Writer;
use crate::model::{ProcKind, ProcTable, TypeKind};

const FUTURE: &str = "impl ::core::future::Future<Output = ::core::result::Result";

pub fn emit(w: &mut Writer, codec: &Codec<'_>, file: &str, table: &ProcTable) {
    let model = codec.model;
    if !table.procs.iter().any(|p| p.kind == ProcKind::Call) {
        return;
    }
    w.doc(
        "Every call procedure of this program as a typed async method.\n\
         \n\
         Implementors supply `call_procedure` and `call_stream_procedure`; every\n\
         other method is provided. Arguments are the fields of the procedure's\n\
         `_args` struct, in order; when its `_ret` struct has a single field, the\n\
         method returns that field.",
    );
    w.line("#[allow(clippy::too_many_arguments)]");
    w.block("pub trait Calls: ::core::marker::Sync", |w| {
        w.doc("The error every method returns.");
        w.line("type Error: ::core::marker::Send;");
        w.blank();
        w.doc("Calls procedure `P` with `args` and decodes its reply.");
        w.line(format!(
            "fn call_procedure<P: crate::Procedure>(&self, args: P::Args) -> {FUTURE}<P::Ret, Self::Error>> + ::core::marker::Send;"
        ));
        w.blank();
        w.doc("Calls procedure `P`, which opens a data stream, with `args`.");
        w.line(format!(
            "fn call_stream_procedure<P: crate::Procedure>(&self, args: P::Args) -> {FUTURE}<P::Ret, Self::Error>> + ::core::marker::Send;"
        ));
        for p in table.procs.iter().filter(|p| p.kind == ProcKind::Call) {
            w.blank();
            let mut doc = format!("`{}` ({file}:{}).", p.name, p.line);
            if p.stream.is_some() {
                doc.push_str(" Opens a data stream.");
            }
            w.doc(&doc);
            let mut params = Vec::new();
            let mut names = Vec::new();
            if let Some(id) = p.args {
                let TypeKind::Struct(s) = &model.types[id].kind else {
                    unreachable!("args types are structs")
                };
                for f in &s.fields {
                    params.push(format!("{}: {}", f.rust_name, codec.rust_type(&f.ty)));
                    names.push(f.rust_name.clone());
                }
            }
            let args = match p.args {
                Some(id) => format!("{} {{ {} }}", model.path(id, codec.module), names.join(", ")),
                None => "()".to_owned(),
            };
            let single = p.ret.and_then(|id| match &model.types[id].kind {
                TypeKind::Struct(s) if s.fields.len() == 1 => Some(&s.fields[0]),
                _ => None,
            });
            let ret = match (p.ret, single) {
                (_, Some(f)) => codec.rust_type(&f.ty),
                (Some(id), None) => model.path(id, codec.module),
                (None, None) => "()".to_owned(),
            };
            let call = if p.stream.is_some() { "call_stream_procedure" } else { "call_procedure" };
            let invoke = format!("self.{call}::<procs::{}>({args})", p.marker);
            let mut sig = vec!["&self".to_owned()];
            sig.extend(params);
            w.block(
                format!(
                    "fn {}({}) -> {FUTURE}<{ret}, Self::Error>> + ::core::marker::Send",
                    p.method,
                    sig.join(", ")
                ),
                |w| match single {
                    Some(f) => {
                        w.line(format!("let reply = {invoke};"));
                        w.line(format!("async move {{ ::core::result::Result::Ok(reply.await?.{}) }}", f.rust_name));
                    }
                    None => w.line(invoke),
                },
            );
        }
    });
}
