//! The `Calls` trait: one typed async method per call procedure.
//!
//! A client implements the two required methods and gets every procedure as
//! a method: arguments are the `_args` struct's fields, and a `_ret` struct of
//! one field is unwrapped to that field.

use super::borrowed::{Twin, param_type, twin};
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
         Implementors supply `call_procedure`, `call_stream_procedure` and\n\
         `call_procedure_with_fds`; every other method is provided. Procedures\n\
         that open a stream also return `Self::Stream`; those that pass file\n\
         descriptors take and return them (unix sockets only).\n\
         \n\
         Arguments are the fields of the procedure's `_args` struct, in order,\n\
         borrowed: `&str` for strings, `&[u8]` for bytes, slices for arrays and\n\
         references for structs, so a call clones nothing; scalars and enums\n\
         are passed by value. When the `_ret` struct has a single field, the\n\
         method returns that field.",
    );
    w.line("#[allow(clippy::too_many_arguments)]");
    w.block("pub trait Calls: ::core::marker::Sync", |w| {
        w.doc("The error every method returns.");
        w.line("type Error: ::core::marker::Send;");
        w.blank();
        w.doc("Calls procedure `P` with `args` and decodes its reply.");
        w.line(format!(
            "fn call_procedure<P: crate::Procedure>(&self, args: P::Borrowed<'_>) -> {FUTURE}<P::Ret, Self::Error>> + ::core::marker::Send;"
        ));
        w.blank();
        w.doc("The handle of a data stream a procedure opens.");
        w.line("type Stream: ::core::marker::Send;");
        w.blank();
        w.doc("Calls procedure `P`, which opens a data stream, with `args`.");
        w.line(format!(
            "fn call_stream_procedure<P: crate::Procedure>(&self, args: P::Borrowed<'_>) -> {FUTURE}<(P::Ret, Self::Stream), Self::Error>> + ::core::marker::Send;"
        ));
        w.blank();
        w.doc("Calls procedure `P`, which passes file descriptors, with `args` and `fds`;\nreturns the reply and the descriptors it carried.");
        w.line(format!(
            "fn call_procedure_with_fds<P: crate::Procedure>(&self, args: P::Borrowed<'_>, fds: ::std::vec::Vec<crate::conn::Fd>) -> {FUTURE}<(P::Ret, ::std::vec::Vec<crate::conn::Fd>), Self::Error>> + ::core::marker::Send;"
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
            // One lifetime for the client and every borrowed argument: the
            // future holds them all, and an intersection of several could not
            // be named in its type.
            let borrows = matches!(twin(codec, p.args), Twin::Borrowed(_));
            let lt = if borrows { "'a " } else { "" };
            if let Some(id) = p.args {
                let TypeKind::Struct(s) = &model.types[id].kind else {
                    unreachable!("args types are structs")
                };
                for f in &s.fields {
                    params.push(format!("{}: {}", f.rust_name, param_type(codec, &f.ty, lt)));
                    names.push(f.rust_name.clone());
                }
            }
            let args = match twin(codec, p.args) {
                Twin::Unit => "()".to_owned(),
                Twin::Owned(id) => format!("{} {{ {} }}", model.path(id, codec.module), names.join(", ")),
                Twin::Borrowed(id) => format!(
                    "borrowed::{} {{ {} }}",
                    model.types[id].rust_name,
                    names.join(", ")
                ),
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
            let fds_in = p.fds.is_some_and(|f| f.send);
            let fds_out = p.fds.is_some_and(|f| f.receive);
            if fds_in {
                params.push("fds: ::std::vec::Vec<crate::conn::Fd>".to_owned());
            }
            let marker = format!("procs::{}", p.marker);
            let (invoke, extra) = if p.stream.is_some() {
                (format!("self.call_stream_procedure::<{marker}>({args})"), Some("Self::Stream"))
            } else if p.fds.is_some() {
                let fds = if fds_in { "fds" } else { "::std::vec::Vec::new()" };
                let extra = fds_out.then_some("::std::vec::Vec<crate::conn::Fd>");
                (format!("self.call_procedure_with_fds::<{marker}>({args}, {fds})"), extra)
            } else {
                (format!("self.call_procedure::<{marker}>({args})"), None)
            };
            // A void reply beside a stream or descriptors is left out.
            let void = ret == "()";
            let output = match extra {
                Some(extra) if void => extra.to_owned(),
                Some(extra) => format!("({ret}, {extra})"),
                None => ret.clone(),
            };
            let mut sig = vec![format!("&{lt}self")];
            sig.extend(params);
            w.block(
                format!(
                    "fn {}{}({}) -> {FUTURE}<{output}, Self::Error>> + ::core::marker::Send",
                    p.method,
                    if borrows { "<'a>" } else { "" },
                    sig.join(", ")
                ),
                |w| {
                    let field = single.map(|f| f.rust_name.as_str());
                    match (p.stream.is_some() || p.fds.is_some(), extra.is_some(), field) {
                        // Plain call: unwrap a single field.
                        (false, _, Some(f)) => {
                            w.line(format!("let reply = {invoke};"));
                            w.line(format!("async move {{ ::core::result::Result::Ok(reply.await?.{f}) }}"));
                        }
                        (false, _, None) => w.line(invoke),
                        // Returns something beside the reply.
                        (true, true, Some(f)) => {
                            w.line(format!("let reply = {invoke};"));
                            w.line(format!("async move {{ let (ret, extra) = reply.await?; ::core::result::Result::Ok((ret.{f}, extra)) }}"));
                        }
                        (true, true, None) if void => {
                            w.line(format!("let reply = {invoke};"));
                            w.line("async move { let (_, extra) = reply.await?; ::core::result::Result::Ok(extra) }");
                        }
                        (true, true, None) => w.line(invoke),
                        // Descriptors only sent: drop the (empty) list returned.
                        (true, false, f) => {
                            w.line(format!("let reply = {invoke};"));
                            let pick = f.map_or_else(|| "ret".to_owned(), |f| format!("ret.{f}"));
                            w.line(format!("async move {{ let (ret, _) = reply.await?; ::core::result::Result::Ok({pick}) }}"));
                        }
                    }
                },
            );
        }
    });
}
