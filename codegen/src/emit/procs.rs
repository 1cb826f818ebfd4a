//! The procedure table, the `procs` marker types and `roundtrip_body`.

use super::borrowed::{Twin, twin};
use super::codec::Codec;
use super::writer::Writer;
use crate::model::{Model, ProcKind, ProcTable, Stream, TypeId};

const SOME: &str = "::std::option::Option::Some";
const NONE: &str = "::std::option::Option::None";
/// `roundtrip_body` is also built for cargo-fuzz, which sets `--cfg fuzzing`.
const ROUNDTRIP_CFG: &str = "#[cfg(any(test, feature = \"testgen\", fuzzing))]";

fn opt_str(value: Option<&str>) -> String {
    match value {
        Some(s) => format!("{SOME}(\"{s}\")"),
        None => NONE.to_owned(),
    }
}

pub fn emit(w: &mut Writer, model: &Model, module: usize, table: &ProcTable) {
    let file = &model.modules[module].file;
    let codec = Codec {
        model,
        module,
        scope: "",
    };
    let xdr_name = |id: Option<TypeId>| id.map(|id| model.types[id].xdr_name.as_str());
    let rust_name = |id: Option<TypeId>| match id {
        Some(id) => format!("super::{}", model.types[id].rust_name),
        None => "()".to_owned(),
    };

    w.doc(&format!("The program number, `{}`.", table.program_const));
    w.line(format!("pub const PROGRAM: u32 = {};", table.program_const));
    w.blank();
    w.doc(&format!("The program version, `{}`.", table.version_const));
    w.line(format!("pub const VERSION: u32 = {};", table.version_const));
    w.blank();

    w.doc("Every procedure of the program, sorted by number.");
    w.open_raw("pub static PROCEDURES: &[crate::ProcedureInfo] = &[");
    for p in &table.procs {
        w.open("crate::ProcedureInfo");
        w.line("program: PROGRAM,");
        w.line("version: VERSION,");
        w.line(format!("number: {},", p.number));
        w.line(format!("name: \"{}\",", p.name));
        w.line(format!("method: \"{}\",", p.method));
        w.line(format!("args: {},", opt_str(xdr_name(p.args))));
        w.line(format!("ret: {},", opt_str(xdr_name(p.ret))));
        w.line(format!("message: {},", opt_str(xdr_name(p.message))));
        w.line(match p.kind {
            ProcKind::Call => "kind: crate::ProcedureKind::Call,",
            ProcKind::Message => "kind: crate::ProcedureKind::Message,",
        });
        w.line(match p.stream {
            None => format!("stream: {NONE},"),
            Some(Stream::Read) => format!("stream: {SOME}(crate::StreamDirection::Read),"),
            Some(Stream::Write) => format!("stream: {SOME}(crate::StreamDirection::Write),"),
        });
        w.line(format!(
            "sparse_flag: {},",
            opt_str(p.sparse_flag.as_deref())
        ));
        w.line(match p.fds {
            None => format!("fds: {NONE},"),
            Some(f) => format!(
                "fds: {SOME}(crate::FdPassing {{ send: {}, receive: {} }}),",
                f.send, f.receive
            ),
        });
        w.line(if p.high_priority {
            "priority: crate::Priority::High,"
        } else {
            "priority: crate::Priority::Low,"
        });
        w.close(",");
    }
    w.close_raw("];");
    w.blank();

    w.doc("The procedure numbered `number`, if the program has one.");
    w.block("pub fn procedure(number: i32) -> ::std::option::Option<&'static crate::ProcedureInfo>", |w| {
        w.line("PROCEDURES.binary_search_by_key(&number, |p| p.number).ok().map(|i| &PROCEDURES[i])");
    });
    w.blank();

    w.doc(
        "Decodes `body` as the `part` payload of procedure `number`, encodes it again\n\
         and checks the round trip with `crate::xdr::check_roundtrip` (a void payload\n\
         must be empty). `None` when the program has no such procedure.\n\
         \n\
         For tests and fuzzers only (feature `testgen`, or `--cfg fuzzing`): it\n\
         instantiates the codec of every payload type, which triples the release\n\
         build time of the crate.",
    );
    w.line(ROUNDTRIP_CFG);
    w.open_raw("pub fn roundtrip_body(");
    w.line("number: i32,");
    w.line("part: crate::BodyPart,");
    w.line("body: crate::xdr::Bytes,");
    w.reopen(") -> ::std::option::Option<::core::result::Result<bool, crate::xdr::DecodeError>> {");
    // No local type alias: it could shadow a generated type of the same name.
    w.open(
        "let check: fn(crate::xdr::Bytes) -> ::core::result::Result<bool, crate::xdr::DecodeError> = \
         match (number, part)",
    );
    {
        for p in &table.procs {
            for (part, id) in [("Args", p.args), ("Ret", p.ret), ("Message", p.message)] {
                if let Some(id) = id {
                    w.line(format!(
                        "({}, crate::BodyPart::{part}) => crate::xdr::check_roundtrip::<{}>,",
                        p.number, model.types[id].rust_name
                    ));
                }
            }
        }
        w.line("_ if procedure(number).is_some() => crate::xdr::check_roundtrip::<()>,");
        w.line(format!("_ => return {NONE},"));
    }
    w.close(";");
    w.line(format!("{SOME}(check(body))"));
    w.close("");
    w.blank();

    w.doc("One marker type per procedure: `crate::Procedure` for calls, `crate::Event` for\nmessages.");
    w.block("pub mod procs", |w| {
        for (index, p) in table.procs.iter().enumerate() {
            if index > 0 {
                w.blank();
            }
            w.doc(&format!(
                "`{}` ({file}:{}): `{}`.",
                p.name, p.line, p.method
            ));
            w.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]");
            w.line(format!("pub struct {};", p.marker));
            w.blank();
            let info =
                format!("const INFO: &'static crate::ProcedureInfo = &super::PROCEDURES[{index}];");
            match p.kind {
                ProcKind::Call => w.block(format!("impl crate::Procedure for {}", p.marker), |w| {
                    w.line(format!("type Args = {};", rust_name(p.args)));
                    w.line(format!("type Ret = {};", rust_name(p.ret)));
                    w.line(match twin(&codec, p.args) {
                        Twin::Unit => "type Borrowed<'a> = ();".to_owned(),
                        Twin::Owned(id) => {
                            format!("type Borrowed<'a> = super::{};", model.types[id].rust_name)
                        }
                        Twin::Borrowed(id) => format!(
                            "type Borrowed<'a> = super::borrowed::{}<'a>;",
                            model.types[id].rust_name
                        ),
                    });
                    w.line(&info);
                    if let Some(value) = p.sparse_value {
                        w.block("fn stream_is_sparse(args: &Self::Args) -> bool", |w| {
                            w.line(format!("args.flags & {value} != 0"));
                        });
                        w.block(
                            "fn borrowed_is_sparse(args: &Self::Borrowed<'_>) -> bool",
                            |w| w.line(format!("args.flags & {value} != 0")),
                        );
                    }
                }),
                ProcKind::Message => w.block(format!("impl crate::Event for {}", p.marker), |w| {
                    w.line(format!("type Message = {};", rust_name(p.message)));
                    w.line(&info);
                }),
            }
        }
    });
}
