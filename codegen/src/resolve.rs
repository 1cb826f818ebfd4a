//! From syntax trees to the [`Model`]: constants become numbers (across files
//! and from the [`external`](crate::external) table), typedefs are expanded,
//! Rust names are chosen and checked for collisions, and the sizes, defaults
//! and cycles of every type are worked out.

use std::collections::{BTreeMap, HashMap};

use crate::ast::{self, Decl, DeclKind, Definition, Form, TypeSpec, Value};
use crate::error::{Error, Location};
use crate::model::*;
use crate::procedures::{self, Symbols};
use crate::spec::SpecInput;
use crate::{analysis, external, names};

#[derive(Debug, Clone, Copy)]
enum Symbol {
    Const {
        module: usize,
        def: usize,
    },
    Member {
        module: usize,
        def: usize,
        member: usize,
    },
    Type {
        module: usize,
        id: TypeId,
    },
    Typedef {
        module: usize,
        def: usize,
    },
}

impl Symbol {
    fn module(self) -> usize {
        match self {
            Symbol::Const { module, .. }
            | Symbol::Member { module, .. }
            | Symbol::Type { module, .. }
            | Symbol::Typedef { module, .. } => module,
        }
    }
}

struct Resolver<'a> {
    specs: &'a [SpecInput<'a>],
    symbols: HashMap<String, (Symbol, u32)>,
    const_cache: HashMap<String, i128>,
    typedef_cache: HashMap<String, Ty>,
    types: Vec<TypeEntry>,
    modules: Vec<Module>,
}

/// Resolves all programs; later ones may use the constants and types of
/// earlier ones, not the other way round.
pub fn resolve(specs: &[SpecInput<'_>]) -> Result<Model, Error> {
    let mut r = Resolver {
        specs,
        symbols: HashMap::new(),
        const_cache: HashMap::new(),
        typedef_cache: HashMap::new(),
        types: Vec::new(),
        modules: Vec::new(),
    };
    for (index, spec) in specs.iter().enumerate() {
        if r.modules.iter().any(|m| m.name == spec.module) {
            return Err(Error::config(format!(
                "two programs use the module name `{}`",
                spec.module
            )));
        }
        r.register(index)?;
        let module = r.build_module(index)?;
        r.modules.push(module);
    }
    r.analyse()?;
    for (index, spec) in specs.iter().enumerate() {
        let table = match spec.procedures {
            Some(p) => Some(procedures::extract(
                &r.lookup_table(index),
                spec,
                p,
                &r.types,
            )?),
            None => None,
        };
        r.modules[index].procedures = table;
        r.check_collisions(index)?;
    }
    Ok(Model {
        modules: r.modules,
        types: r.types,
    })
}

/// Finds one module's things by XDR name for [`procedures::extract`].
pub struct Lookup<'r> {
    resolver: &'r Resolver<'r>,
    module: usize,
}

impl Symbols for Lookup<'_> {
    fn own_type(&self, name: &str) -> Option<TypeId> {
        match self.resolver.symbols.get(name) {
            Some((Symbol::Type { module, id }, _)) if *module == self.module => Some(*id),
            _ => None,
        }
    }

    fn own_typedef(&self, name: &str) -> bool {
        matches!(self.resolver.symbols.get(name), Some((Symbol::Typedef { module, .. }, _)) if *module == self.module)
    }

    fn own_const(&self, name: &str) -> Option<i128> {
        match self.resolver.symbols.get(name) {
            Some((Symbol::Const { module, .. }, _)) if *module == self.module => {
                self.resolver.const_cache.get(name).copied()
            }
            _ => None,
        }
    }
}

fn loc(spec: &SpecInput<'_>, line: u32) -> Location {
    Location::new(&spec.file_label, line)
}

impl Resolver<'_> {
    fn lookup_table(&self, module: usize) -> Lookup<'_> {
        Lookup {
            resolver: self,
            module,
        }
    }

    fn at(&self, module: usize, line: u32) -> Location {
        loc(&self.specs[module], line)
    }

    fn describe(&self, symbol: Symbol, line: u32) -> String {
        self.at(symbol.module(), line).to_string()
    }

    fn define(&mut self, name: &str, symbol: Symbol, line: u32) -> Result<(), Error> {
        if let Some((previous, previous_line)) = self.symbols.get(name) {
            let first = self.describe(*previous, *previous_line);
            return Err(Error::semantic(
                self.at(symbol.module(), line),
                format!("`{name}` is already defined at {first}"),
            ));
        }
        self.symbols.insert(name.to_owned(), (symbol, line));
        Ok(())
    }

    /// Enters every name `module` defines.
    fn register(&mut self, module: usize) -> Result<(), Error> {
        let spec = &self.specs[module];
        let proc_enum = spec.procedures.map(|p| p.enum_name);
        for (def, definition) in spec.ast.definitions.iter().enumerate() {
            let line = definition.line();
            match definition {
                Definition::Const(c) => {
                    self.define(&c.name, Symbol::Const { module, def }, line)?
                }
                Definition::Typedef(t) => {
                    let name = t.decl.name().unwrap_or_default();
                    self.define(name, Symbol::Typedef { module, def }, line)?;
                }
                Definition::Enum(_) | Definition::Struct(_) | Definition::Union(_) => {
                    let name = definition.name();
                    let rust_name = if Some(name) == proc_enum {
                        "ProcedureNumber".to_owned()
                    } else {
                        names::type_ident(name, spec.type_prefix)
                    };
                    // A placeholder of the right kind until the module is built.
                    let kind = match definition {
                        Definition::Enum(_) => TypeKind::Enum(EnumType {
                            members: Vec::new(),
                        }),
                        _ => TypeKind::Struct(StructType { fields: Vec::new() }),
                    };
                    let id = self.types.len();
                    self.types.push(TypeEntry {
                        xdr_name: name.to_owned(),
                        rust_name,
                        module,
                        line,
                        kind,
                        min_len: 0,
                        fixed_len: None,
                        default: false,
                        cyclic: false,
                    });
                    self.define(name, Symbol::Type { module, id }, line)?;
                    if let Definition::Enum(e) = definition {
                        for (member, m) in e.members.iter().enumerate() {
                            self.define(
                                &m.name,
                                Symbol::Member {
                                    module,
                                    def,
                                    member,
                                },
                                m.line,
                            )?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The value of a constant expression used at `module:line`.
    fn value(&mut self, value: &Value, module: usize, line: u32) -> Result<i128, Error> {
        match value {
            Value::Literal { value, .. } => Ok(*value),
            Value::Name(name) => self.named_const(name, module, line, &mut Vec::new()),
        }
    }

    fn named_const(
        &mut self,
        name: &str,
        module: usize,
        line: u32,
        visiting: &mut Vec<String>,
    ) -> Result<i128, Error> {
        if let Some(v) = self.const_cache.get(name) {
            return Ok(*v);
        }
        let Some(&(symbol, _)) = self.symbols.get(name) else {
            return match external::lookup(name) {
                Some(c) => Ok(i128::from(c.value)),
                None => Err(Error::semantic(
                    self.at(module, line),
                    format!("unknown constant `{name}`"),
                )),
            };
        };
        if visiting.iter().any(|v| v == name) {
            return Err(Error::semantic(
                self.at(module, line),
                format!("constant `{name}` is defined in terms of itself"),
            ));
        }
        let specs = self.specs;
        visiting.push(name.to_owned());
        let value = match symbol {
            Symbol::Const { module: m, def } => {
                let Definition::Const(c) = &specs[m].ast.definitions[def] else {
                    unreachable!()
                };
                match &c.value {
                    Value::Literal { value, .. } => *value,
                    Value::Name(other) => self.named_const(other, m, c.line, visiting)?,
                }
            }
            Symbol::Member {
                module: m,
                def,
                member,
            } => {
                let Definition::Enum(e) = &specs[m].ast.definitions[def] else {
                    unreachable!()
                };
                let mem = &e.members[member];
                match &mem.value {
                    Some(Value::Literal { value, .. }) => *value,
                    Some(Value::Name(other)) => self.named_const(other, m, mem.line, visiting)?,
                    None if member == 0 => 0,
                    None => {
                        self.named_const(&e.members[member - 1].name, m, mem.line, visiting)? + 1
                    }
                }
            }
            Symbol::Type { .. } | Symbol::Typedef { .. } => {
                return Err(Error::semantic(
                    self.at(module, line),
                    format!("`{name}` is a type, not a constant"),
                ));
            }
        };
        visiting.pop();
        self.const_cache.insert(name.to_owned(), value);
        Ok(value)
    }

    /// A size or bound: `0..=u32::MAX`.
    fn bound(&mut self, value: &Value, module: usize, line: u32) -> Result<u32, Error> {
        let v = self.value(value, module, line)?;
        u32::try_from(v).map_err(|_| {
            Error::semantic(
                self.at(module, line),
                format!("size `{value}` = {v} is not in 0..=4294967295"),
            )
        })
    }

    /// The type of a declaration `ty name<form>`.
    fn decl_ty(
        &mut self,
        ty: &TypeSpec,
        form: &Form,
        module: usize,
        line: u32,
        visiting: &mut Vec<String>,
    ) -> Result<Ty, Error> {
        let base = match ty {
            TypeSpec::Opaque | TypeSpec::String => {
                let string = *ty == TypeSpec::String;
                return match form {
                    Form::Fixed(n) if !string => Ok(Ty::FixedOpaque {
                        len: self.bound(n, module, line)?,
                    }),
                    Form::Variable(n) => {
                        let max = self.max_bound(n.as_ref(), module, line)?;
                        Ok(if string {
                            Ty::String { max }
                        } else {
                            Ty::Opaque { max }
                        })
                    }
                    _ => Err(Error::semantic(
                        self.at(module, line),
                        format!("`{ty}` needs a size"),
                    )),
                };
            }
            TypeSpec::Named(name) => self.named_type(name, module, line, visiting)?,
            TypeSpec::Int => Ty::Prim(Prim::I32),
            TypeSpec::UnsignedInt => Ty::Prim(Prim::U32),
            TypeSpec::Hyper => Ty::Prim(Prim::I64),
            TypeSpec::UnsignedHyper => Ty::Prim(Prim::U64),
            TypeSpec::Float => Ty::Prim(Prim::F32),
            TypeSpec::Double => Ty::Prim(Prim::F64),
            TypeSpec::Bool => Ty::Prim(Prim::Bool),
            TypeSpec::Char => Ty::Prim(Prim::I8),
            TypeSpec::UnsignedChar => Ty::Prim(Prim::U8),
            TypeSpec::Short => Ty::Prim(Prim::I16),
            TypeSpec::UnsignedShort => Ty::Prim(Prim::U16),
        };
        Ok(match form {
            Form::Scalar => base,
            Form::Fixed(n) => Ty::FixedArray {
                elem: Box::new(base),
                len: self.bound(n, module, line)?,
            },
            Form::Variable(n) => Ty::Array {
                elem: Box::new(base),
                max: self.max_bound(n.as_ref(), module, line)?,
            },
            Form::Optional => Ty::Option {
                elem: Box::new(base),
                boxed: false,
            },
        })
    }

    /// The bound of `<N>`; `<>` is `u32::MAX`.
    fn max_bound(
        &mut self,
        value: Option<&Value>,
        module: usize,
        line: u32,
    ) -> Result<Bound, Error> {
        let Some(n) = value else {
            return Ok(Bound {
                value: u32::MAX,
                constant: None,
            });
        };
        let bound = self.bound(n, module, line)?;
        // Only constants of the `.x` files are emitted; the C headers'
        // ones (the external table) stay numbers.
        let constant = match n {
            Value::Name(name) => match self.symbols.get(name.as_str()) {
                Some((Symbol::Const { module: m, .. }, _)) => Some((*m, name.clone())),
                _ => None,
            },
            Value::Literal { .. } => None,
        };
        Ok(Bound {
            value: bound,
            constant,
        })
    }

    /// The type a name stands for, typedefs expanded.
    fn named_type(
        &mut self,
        name: &str,
        module: usize,
        line: u32,
        visiting: &mut Vec<String>,
    ) -> Result<Ty, Error> {
        match self.symbols.get(name).copied() {
            Some((Symbol::Type { id, .. }, _)) => Ok(Ty::Named(id)),
            Some((Symbol::Typedef { module: m, def }, _)) => {
                if let Some(ty) = self.typedef_cache.get(name) {
                    return Ok(ty.clone());
                }
                if visiting.iter().any(|v| v == name) {
                    return Err(Error::semantic(
                        self.at(module, line),
                        format!("typedef `{name}` is defined in terms of itself"),
                    ));
                }
                let specs = self.specs;
                let Definition::Typedef(t) = &specs[m].ast.definitions[def] else {
                    unreachable!()
                };
                let DeclKind::Named { ty, form, .. } = &t.decl.kind else {
                    unreachable!()
                };
                visiting.push(name.to_owned());
                let resolved = self.decl_ty(ty, form, m, t.line, visiting)?;
                visiting.pop();
                self.typedef_cache.insert(name.to_owned(), resolved.clone());
                Ok(resolved)
            }
            Some(_) => Err(Error::semantic(
                self.at(module, line),
                format!("`{name}` is a constant, not a type"),
            )),
            None => Err(Error::semantic(
                self.at(module, line),
                format!("unknown type `{name}`"),
            )),
        }
    }

    fn resolve_decl(&mut self, decl: &Decl, module: usize) -> Result<Ty, Error> {
        match &decl.kind {
            DeclKind::Void => Err(Error::semantic(
                self.at(module, decl.line),
                "`void` is not allowed here",
            )),
            DeclKind::Named { ty, form, .. } => {
                self.decl_ty(ty, form, module, decl.line, &mut Vec::new())
            }
        }
    }

    fn type_id(&self, name: &str) -> TypeId {
        match self.symbols.get(name) {
            Some((Symbol::Type { id, .. }, _)) => *id,
            _ => unreachable!("registered above"),
        }
    }

    fn build_module(&mut self, module: usize) -> Result<Module, Error> {
        let spec = &self.specs[module];
        let mut items = Vec::new();
        for definition in &spec.ast.definitions {
            let item = match definition {
                Definition::Const(c) => {
                    if c.name.chars().any(|ch| ch.is_ascii_lowercase()) {
                        // A lower-case constant could turn a binding in the
                        // generated code (`v`, `out`) into a constant pattern.
                        return Err(Error::semantic(
                            self.at(module, c.line),
                            format!("constant `{}` is not upper case", c.name),
                        ));
                    }
                    let value = self.value(&c.value, module, c.line)?;
                    self.const_cache.insert(c.name.clone(), value);
                    let text = match &c.value {
                        Value::Literal { text, .. }
                            if text.starts_with("0x") || text.starts_with("0X") =>
                        {
                            format!("0x{}", &text[2..])
                        }
                        _ => value.to_string(),
                    };
                    if !(i128::from(i64::MIN)..=i128::from(u64::MAX)).contains(&value) {
                        return Err(Error::semantic(
                            self.at(module, c.line),
                            format!("constant `{}` = {value} does not fit 64 bits", c.name),
                        ));
                    }
                    Item::Const(ConstItem {
                        name: c.name.clone(),
                        value,
                        text,
                        source: format!("const {} = {}", c.name, c.value),
                        line: c.line,
                    })
                }
                Definition::Typedef(t) => {
                    let name = t.decl.name().unwrap_or_default();
                    let ty = self.named_type(name, module, t.line, &mut Vec::new())?;
                    Item::Alias(AliasItem {
                        xdr_name: name.to_owned(),
                        rust_name: names::type_ident(name, spec.type_prefix),
                        ty,
                        source: format!("typedef {}", t.decl),
                        line: t.line,
                    })
                }
                Definition::Enum(e) => {
                    let id = self.type_id(&e.name);
                    let kind = self.build_enum(e, module)?;
                    self.types[id].kind = TypeKind::Enum(kind);
                    Item::Type(id)
                }
                Definition::Struct(s) => {
                    let id = self.type_id(&s.name);
                    let kind = self.build_struct(s, module)?;
                    self.types[id].kind = TypeKind::Struct(kind);
                    Item::Type(id)
                }
                Definition::Union(u) => {
                    let id = self.type_id(&u.name);
                    let kind = self.build_union(u, module)?;
                    self.types[id].kind = TypeKind::Union(kind);
                    Item::Type(id)
                }
            };
            items.push(item);
        }
        Ok(Module {
            name: spec.module.to_owned(),
            file: spec.doc_name.clone(),
            items,
            procedures: None,
        })
    }

    fn build_enum(&mut self, e: &ast::EnumDef, module: usize) -> Result<EnumType, Error> {
        let spec = &self.specs[module];
        let names: Vec<&str> = e.members.iter().map(|m| m.name.as_str()).collect();
        let strip = match spec.procedures {
            Some(p) if p.enum_name == e.name => {
                if let Some(m) = e
                    .members
                    .iter()
                    .find(|m| !m.name.starts_with(p.prefix) || m.name.len() == p.prefix.len())
                {
                    return Err(Error::semantic(
                        self.at(module, m.line),
                        format!("procedure `{}` does not start with `{}`", m.name, p.prefix),
                    ));
                }
                p.prefix.len()
            }
            _ if names.len() > 1 => names::common_prefix_len(&names),
            _ => 0,
        };
        let mut members = Vec::new();
        let mut seen_values: BTreeMap<i32, &str> = BTreeMap::new();
        let mut seen_names: BTreeMap<String, &str> = BTreeMap::new();
        for m in &e.members {
            let value = self.named_const(&m.name, module, m.line, &mut Vec::new())?;
            let value = i32::try_from(value).map_err(|_| {
                Error::semantic(
                    self.at(module, m.line),
                    format!("enum value {} = {value} does not fit an int", m.name),
                )
            })?;
            if let Some(other) = seen_values.insert(value, &m.name) {
                return Err(Error::semantic(
                    self.at(module, m.line),
                    format!("`{}` has the same value ({value}) as `{other}`", m.name),
                ));
            }
            let rust_name = names::variant_ident(&m.name[strip..]);
            if let Some(other) = seen_names.insert(rust_name.clone(), &m.name) {
                return Err(Error::semantic(
                    self.at(module, m.line),
                    format!(
                        "`{}` and `{other}` both become the Rust variant `{rust_name}`",
                        m.name
                    ),
                ));
            }
            let source = match &m.value {
                Some(v) => format!("{} = {v}", m.name),
                None => m.name.clone(),
            };
            members.push(EnumMember {
                xdr_name: m.name.clone(),
                rust_name,
                value,
                source,
            });
        }
        Ok(EnumType { members })
    }

    fn build_struct(&mut self, s: &ast::StructDef, module: usize) -> Result<StructType, Error> {
        let mut fields = Vec::new();
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for decl in &s.fields {
            let xdr_name = decl.name().unwrap_or_default();
            let rust_name = names::field_ident(xdr_name);
            if let Some(other) = seen.insert(rust_name.clone(), xdr_name) {
                return Err(Error::semantic(
                    self.at(module, decl.line),
                    format!("fields `{xdr_name}` and `{other}` both become `{rust_name}` in Rust"),
                ));
            }
            let ty = self.resolve_decl(decl, module)?;
            fields.push(Field {
                rust_name,
                ty,
                source: decl.to_string(),
            });
        }
        Ok(StructType { fields })
    }

    fn build_union(&mut self, u: &ast::UnionDef, module: usize) -> Result<UnionType, Error> {
        let disc_line = u.discriminant.line;
        let bad_disc = || {
            format!(
                "the discriminant of union `{}` must be an int, unsigned int or enum",
                u.name
            )
        };
        let discriminant = match &u.discriminant.kind {
            DeclKind::Named {
                ty,
                form: Form::Scalar,
                ..
            } => match ty {
                TypeSpec::Int => Discriminant::Int,
                TypeSpec::UnsignedInt => Discriminant::Unsigned,
                TypeSpec::Named(name) => {
                    match self.named_type(name, module, disc_line, &mut Vec::new())? {
                        Ty::Prim(Prim::I32) => Discriminant::Int,
                        Ty::Prim(Prim::U32) => Discriminant::Unsigned,
                        Ty::Named(id) if matches!(self.types[id].kind, TypeKind::Enum(_)) => {
                            Discriminant::Enum(id)
                        }
                        _ => return Err(Error::semantic(self.at(module, disc_line), bad_disc())),
                    }
                }
                _ => return Err(Error::semantic(self.at(module, disc_line), bad_disc())),
            },
            _ => return Err(Error::semantic(self.at(module, disc_line), bad_disc())),
        };
        let enum_members: Option<Vec<(String, String, i32)>> = match discriminant {
            Discriminant::Enum(id) => Some(self.enum_members(id)),
            _ => None,
        };

        // Variant names: the common prefix of the named labels is stripped.
        let label_names: Vec<&str> = u
            .arms
            .iter()
            .flat_map(|a| &a.labels)
            .filter_map(|l| match &l.value {
                Value::Name(n) => Some(n.as_str()),
                Value::Literal { .. } => None,
            })
            .collect();
        let strip = if label_names.len() > 1 {
            names::common_prefix_len(&label_names)
        } else {
            0
        };

        let mut cases = Vec::new();
        let mut seen_values: BTreeMap<i64, String> = BTreeMap::new();
        let mut seen_variants: BTreeMap<String, String> = BTreeMap::new();
        seen_variants.insert("Default".to_owned(), "the default arm".to_owned());
        for arm in &u.arms {
            let arm_ty = match arm.decl.kind {
                DeclKind::Void => None,
                DeclKind::Named { .. } => Some(self.resolve_decl(&arm.decl, module)?),
            };
            for label in &arm.labels {
                let at = self.at(module, label.line);
                let value = self.value(&label.value, module, label.line)?;
                let (value, member) = match (&discriminant, &enum_members) {
                    (Discriminant::Enum(_), Some(members)) => {
                        let Some((_, rust, v)) =
                            members.iter().find(|(_, _, v)| i128::from(*v) == value)
                        else {
                            return Err(Error::semantic(
                                at,
                                format!(
                                    "case `{}` = {value} is not a member of the discriminant's enum",
                                    label.value
                                ),
                            ));
                        };
                        (i64::from(*v), Some(rust.clone()))
                    }
                    (Discriminant::Unsigned, _) => match u32::try_from(value) {
                        Ok(v) => (i64::from(v), None),
                        Err(_) => {
                            return Err(Error::semantic(
                                at,
                                format!("case {value} does not fit an unsigned int"),
                            ));
                        }
                    },
                    _ => match i32::try_from(value) {
                        Ok(v) => (i64::from(v), None),
                        Err(_) => {
                            return Err(Error::semantic(
                                at,
                                format!("case {value} does not fit an int"),
                            ));
                        }
                    },
                };
                if let Some(other) = seen_values.insert(value, label.value.to_string()) {
                    return Err(Error::semantic(
                        at,
                        format!(
                            "case `{}` has the same value ({value}) as case `{other}`",
                            label.value
                        ),
                    ));
                }
                let variant = match &label.value {
                    Value::Name(n) => names::variant_ident(&n[strip..]),
                    Value::Literal { .. } if value < 0 => {
                        format!("CaseMinus{}", value.unsigned_abs())
                    }
                    Value::Literal { .. } => format!("Case{value}"),
                };
                if let Some(other) = seen_variants.insert(variant.clone(), label.value.to_string())
                {
                    return Err(Error::semantic(
                        at,
                        format!(
                            "case `{}` and {other} both become the Rust variant `{variant}`",
                            label.value
                        ),
                    ));
                }
                cases.push(Case {
                    label: label.value.to_string(),
                    value,
                    member,
                    variant,
                    arm: arm_ty.clone(),
                    source: arm.decl.to_string(),
                });
            }
        }

        let exhaustive = enum_members
            .as_ref()
            .is_some_and(|m| m.len() == cases.len());
        let default = match &u.default {
            None => None,
            Some(decl) => {
                let arm = match decl.kind {
                    DeclKind::Void => None,
                    DeclKind::Named { .. } => Some(self.resolve_decl(decl, module)?),
                };
                let unused = match &enum_members {
                    Some(members) => members
                        .iter()
                        .filter(|(_, _, v)| !seen_values.contains_key(&i64::from(*v)))
                        .map(|(_, rust, _)| rust.clone())
                        .collect(),
                    None => {
                        let (lo, hi) = if discriminant == Discriminant::Unsigned {
                            (0, i64::from(u32::MAX))
                        } else {
                            (i64::from(i32::MIN), i64::from(i32::MAX))
                        };
                        let suffix = if discriminant == Discriminant::Unsigned {
                            "u32"
                        } else {
                            "i32"
                        };
                        let start = seen_values.keys().max().map_or(0, |m| m + 1);
                        (start..=hi)
                            .chain((lo..start).rev())
                            .filter(|v| !seen_values.contains_key(v))
                            .take(4)
                            .map(|v| format!("{v}{suffix}"))
                            .collect()
                    }
                };
                Some(DefaultArm {
                    arm,
                    source: decl.to_string(),
                    unused,
                })
            }
        };
        Ok(UnionType {
            discriminant,
            discriminant_source: u.discriminant.to_string(),
            cases,
            default,
            exhaustive,
        })
    }

    /// `(xdr name, rust name, value)` of each member of enum `id`.
    fn enum_members(&mut self, id: TypeId) -> Vec<(String, String, i32)> {
        if let TypeKind::Enum(e) = &self.types[id].kind {
            if !e.members.is_empty() {
                return e
                    .members
                    .iter()
                    .map(|m| (m.xdr_name.clone(), m.rust_name.clone(), m.value))
                    .collect();
            }
        }
        // The enum is defined later in the same file: build it now.
        let entry = &self.types[id];
        let module = entry.module;
        let specs = self.specs;
        let Some(Definition::Enum(e)) = specs[module]
            .ast
            .definitions
            .iter()
            .find(|d| matches!(d, Definition::Enum(e) if e.name == entry.xdr_name))
        else {
            return Vec::new();
        };
        match self.build_enum(e, module) {
            Ok(kind) => {
                let members = kind
                    .members
                    .iter()
                    .map(|m| (m.xdr_name.clone(), m.rust_name.clone(), m.value))
                    .collect();
                self.types[id].kind = TypeKind::Enum(kind);
                members
            }
            // The error is reported again when the enum itself is built.
            Err(_) => Vec::new(),
        }
    }

    /// Sizes, defaults and cycles, once every type is known.
    fn analyse(&mut self) -> Result<(), Error> {
        let aliases = self
            .modules
            .iter_mut()
            .flat_map(|m| &mut m.items)
            .filter_map(|item| match item {
                Item::Alias(a) => Some(&mut a.ty),
                _ => None,
            });
        analysis::analyse(&mut self.types, aliases).map_err(|(id, message)| {
            let e = &self.types[id];
            Error::semantic(self.at(e.module, e.line), message)
        })
    }

    /// Rust names must not collide within a module.
    fn check_collisions(&self, module: usize) -> Result<(), Error> {
        let m = &self.modules[module];
        let mut types = Names::default();
        let mut values = Names::default();
        let at = |line| self.at(module, line);
        for item in &m.items {
            match item {
                Item::Const(c) => {
                    values.reserve(&c.name, format!("constant `{}`", c.name), at(c.line))?
                }
                Item::Alias(a) => types.reserve(
                    &a.rust_name,
                    format!("typedef `{}`", a.xdr_name),
                    at(a.line),
                )?,
                Item::Type(id) => {
                    let t = &self.types[*id];
                    types.reserve(&t.rust_name, format!("type `{}`", t.xdr_name), at(t.line))?;
                }
            }
        }
        let line = m
            .procedures
            .as_ref()
            .and_then(|t| t.procs.first())
            .map_or(1, |p| p.line);
        if m.procedures.is_some() {
            for name in [
                "PROGRAM",
                "VERSION",
                "PROCEDURES",
                "procedure",
                "roundtrip_body",
            ] {
                values.reserve(name, format!("the generated item `{name}`"), at(line))?;
            }
            types.reserve("procs", "the generated module `procs`".to_owned(), at(line))?;
        }
        values.reserve(
            "ALL_TYPES",
            "the generated item `ALL_TYPES`".to_owned(),
            at(line),
        )?;
        Ok(())
    }
}

/// The Rust names taken in one namespace of a module.
#[derive(Default)]
struct Names(BTreeMap<String, (String, Location)>);

impl Names {
    fn reserve(&mut self, name: &str, what: String, at: Location) -> Result<(), Error> {
        if let Some((other, first)) = self.0.get(name) {
            return Err(Error::semantic(
                at,
                format!(
                    "{what} becomes the Rust name `{name}`, already taken by {other} (at {first})"
                ),
            ));
        }
        self.0.insert(name.to_owned(), (what, at));
        Ok(())
    }
}
