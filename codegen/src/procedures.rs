//! The procedure table of a program: one entry per member of its procedure
//! enum, with payload types found by libvirt's naming rule and the
//! annotations of the `/** ... */` comment before each member.

use crate::ast::Definition;
use crate::error::{Error, Location};
use crate::model::{Proc, ProcKind, ProcTable, Stream, TypeEntry, TypeId, TypeKind};
use crate::spec::{ProcSpec, SpecInput};

/// What the table builder asks of the resolver about one module (the
/// resolver's `Lookup` answers): the direction of the dependency is
/// resolve → procedures, never back.
pub trait Symbols {
    /// The enum, struct or union of this module with that name.
    fn own_type(&self, name: &str) -> Option<TypeId>;
    /// Whether this module has a typedef with that name.
    fn own_typedef(&self, name: &str) -> bool;
    /// The value of a constant defined in this module.
    fn own_const(&self, name: &str) -> Option<i128>;
}

/// What the annotations of one procedure say.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    pub stream: Option<Stream>,
    pub sparse_flag: Option<String>,
    pub high_priority: bool,
}

/// Reads `@readstream: N`, `@writestream: N`, `@sparseflag: FLAG` and
/// `@priority: low|high`; other annotations (`@generate`, `@acl`, ...) only
/// matter to libvirt's C code generator and are ignored.
pub fn annotations(doc: Option<&str>, at: &Location) -> Result<Annotations, Error> {
    let mut out = Annotations::default();
    let err = |message: String| Error::semantic(at.clone(), message);
    for line in doc.unwrap_or_default().lines() {
        let line = line.trim().trim_start_matches('*').trim();
        let Some((key, value)) = line.strip_prefix('@').and_then(|rest| rest.split_once(':'))
        else {
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        match key {
            "readstream" | "writestream" => {
                if value.parse::<u32>().is_err() {
                    return Err(err(format!("`@{key}: {value}` needs a parameter number")));
                }
                if out.stream.is_some() {
                    return Err(err("more than one `@readstream`/`@writestream`".to_owned()));
                }
                out.stream = Some(if key == "readstream" {
                    Stream::Read
                } else {
                    Stream::Write
                });
            }
            "sparseflag" => {
                let valid = !value.is_empty()
                    && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    return Err(err(format!("`@sparseflag: {value}` is not a flag name")));
                }
                out.sparse_flag = Some(value.to_owned());
            }
            "priority" => {
                out.high_priority = match value {
                    "high" => true,
                    "low" => false,
                    _ => return Err(err(format!("`@priority: {value}` is neither low nor high"))),
                };
            }
            _ => {}
        }
    }
    if out.sparse_flag.is_some() && out.stream.is_none() {
        return Err(err(
            "`@sparseflag` without `@readstream` or `@writestream`".to_owned()
        ));
    }
    Ok(out)
}

/// Builds the table for `spec` from its procedure enum.
pub fn extract(
    lookup: &impl Symbols,
    spec: &SpecInput<'_>,
    p: ProcSpec<'_>,
    types: &[TypeEntry],
) -> Result<ProcTable, Error> {
    let file = &spec.file_label;
    let Some(def) = spec.ast.definitions.iter().find_map(|d| match d {
        Definition::Enum(e) if e.name == p.enum_name => Some(e),
        _ => None,
    }) else {
        return Err(Error::config(format!(
            "{file}: there is no enum `{}`",
            p.enum_name
        )));
    };
    let Some(TypeKind::Enum(model)) = lookup.own_type(p.enum_name).map(|id| &types[id].kind) else {
        return Err(Error::config(format!(
            "{file}: there is no enum `{}`",
            p.enum_name
        )));
    };
    for name in [p.program_const, p.version_const] {
        match lookup.own_const(name) {
            Some(v) if u32::try_from(v).is_ok() => {}
            Some(v) => {
                return Err(Error::config(format!(
                    "{file}: `{name}` = {v} is not a u32"
                )));
            }
            None => {
                return Err(Error::config(format!(
                    "{file}: there is no constant `{name}`"
                )));
            }
        }
    }

    let mut procs = Vec::with_capacity(def.members.len());
    for (member, resolved) in def.members.iter().zip(&model.members) {
        let at = Location::new(file, member.line);
        let method = member.name[p.prefix.len()..].to_ascii_lowercase();
        let payload = |suffix: &str| -> Result<Option<TypeId>, Error> {
            let name = format!("{}{method}_{suffix}", spec.type_prefix);
            if let Some(id) = lookup.own_type(&name) {
                Ok(Some(id))
            } else if lookup.own_typedef(&name) {
                Err(Error::semantic(
                    at.clone(),
                    format!("payload `{name}` must be a struct, not a typedef"),
                ))
            } else {
                Ok(None)
            }
        };
        let (args, ret, message) = (payload("args")?, payload("ret")?, payload("msg")?);
        let notes = annotations(member.doc.as_deref(), &at)?;
        let sparse_value = match &notes.sparse_flag {
            None => None,
            Some(flag) => match crate::handwritten::sparse_flag_value(flag)
                .or_else(|| lookup.own_const(flag).and_then(|v| u32::try_from(v).ok()))
            {
                Some(value) => Some(value),
                None => {
                    return Err(Error::semantic(
                        at.clone(),
                        format!("`@sparseflag: {flag}` names a flag whose value is not known"),
                    ));
                }
            },
        };
        procs.push(Proc {
            name: member.name.clone(),
            number: resolved.value,
            method,
            marker: resolved.rust_name.clone(),
            args,
            ret,
            kind: if message.is_some() || p.all_messages {
                ProcKind::Message
            } else {
                ProcKind::Call
            },
            message,
            stream: notes
                .stream
                .or_else(|| crate::handwritten::hand_stream(&member.name)),
            sparse_flag: notes.sparse_flag,
            sparse_value,
            fds: crate::handwritten::fd_proc(&member.name),
            high_priority: notes.high_priority,
            line: member.line,
        });
    }
    procs.sort_by_key(|p| p.number);
    Ok(ProcTable {
        program_const: p.program_const.to_owned(),
        version_const: p.version_const.to_owned(),
        procs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Location {
        Location::new("t.x", 7)
    }

    #[test]
    fn reads_the_annotations_that_matter() {
        let doc = "\n     * @generate: both\n     * @readstream: 1\n     * @sparseflag: VIR_X_SPARSE\n     \
                   * @priority: high\n     * @acl: storage_vol:data_read\n     ";
        let notes = annotations(Some(doc), &at()).unwrap();
        assert_eq!(
            notes,
            Annotations {
                stream: Some(Stream::Read),
                sparse_flag: Some("VIR_X_SPARSE".to_owned()),
                high_priority: true,
            }
        );
        assert_eq!(annotations(None, &at()).unwrap(), Annotations::default());
        let write = annotations(Some("* @writestream: 2\n* @priority: low"), &at()).unwrap();
        assert_eq!(write.stream, Some(Stream::Write));
        assert!(!write.high_priority);
    }

    #[test]
    fn refuses_contradictions() {
        for doc in [
            "@readstream: 1\n@writestream: 1",
            "@priority: urgent",
            "@sparseflag: X",
            "@readstream: x",
        ] {
            let e = annotations(Some(doc), &at()).unwrap_err();
            assert!(e.to_string().starts_with("t.x:7: "), "{e}");
        }
    }
}
