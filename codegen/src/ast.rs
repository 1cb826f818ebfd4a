//! The syntax tree of one `.x` file, as written (nothing resolved yet).

use std::fmt;

/// A parsed `.x` file.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub definitions: Vec<Definition>,
}

/// A top-level definition.
#[derive(Debug, Clone, PartialEq)]
pub enum Definition {
    Const(ConstDef),
    Typedef(TypedefDef),
    Enum(EnumDef),
    Struct(StructDef),
    Union(UnionDef),
}

impl Definition {
    /// The defined name.
    pub fn name(&self) -> &str {
        match self {
            Definition::Const(d) => &d.name,
            Definition::Typedef(d) => d.decl.name().unwrap_or(""),
            Definition::Enum(d) => &d.name,
            Definition::Struct(d) => &d.name,
            Definition::Union(d) => &d.name,
        }
    }

    /// The line the definition starts on.
    pub fn line(&self) -> u32 {
        match self {
            Definition::Const(d) => d.line,
            Definition::Typedef(d) => d.line,
            Definition::Enum(d) => d.line,
            Definition::Struct(d) => d.line,
            Definition::Union(d) => d.line,
        }
    }
}

/// A constant value as written: a literal or the name of a constant.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number; the text keeps its base (`0x20008086`).
    Literal { value: i128, text: String },
    /// A constant or enum member, defined in a `.x` file or a C header.
    Name(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Literal { text, .. } => f.write_str(text),
            Value::Name(name) => f.write_str(name),
        }
    }
}

/// `const NAME = value;`
#[derive(Debug, Clone, PartialEq)]
pub struct ConstDef {
    pub name: String,
    pub value: Value,
    pub line: u32,
}

/// `typedef declaration;`
#[derive(Debug, Clone, PartialEq)]
pub struct TypedefDef {
    pub decl: Decl,
    pub line: u32,
}

/// `enum NAME { MEMBER = value, ... };`
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    pub name: String,
    pub members: Vec<EnumMember>,
    pub line: u32,
}

/// One member of an enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumMember {
    pub name: String,
    /// `None` when the value is left out (the previous member's plus one, as in C).
    pub value: Option<Value>,
    /// The `/** ... */` comment right before the member, if any.
    pub doc: Option<String>,
    pub line: u32,
}

/// `struct NAME { declaration; ... };`
#[derive(Debug, Clone, PartialEq)]
pub struct StructDef {
    pub name: String,
    pub fields: Vec<Decl>,
    pub line: u32,
}

/// `union NAME switch (declaration) { case ...: declaration; ... default: declaration; };`
#[derive(Debug, Clone, PartialEq)]
pub struct UnionDef {
    pub name: String,
    pub discriminant: Decl,
    pub arms: Vec<UnionArm>,
    pub default: Option<Decl>,
    pub line: u32,
}

/// One or more `case` labels sharing a declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionArm {
    pub labels: Vec<CaseLabel>,
    pub decl: Decl,
}

/// A `case` label and its line.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseLabel {
    pub value: Value,
    pub line: u32,
}

/// A declaration: a struct field, a typedef, a union arm or discriminant.
#[derive(Debug, Clone, PartialEq)]
pub struct Decl {
    pub kind: DeclKind,
    pub line: u32,
}

impl Decl {
    /// The declared name; `None` for `void`.
    pub fn name(&self) -> Option<&str> {
        match &self.kind {
            DeclKind::Void => None,
            DeclKind::Named { name, .. } => Some(name),
        }
    }
}

/// `void`, or a type, a name and a form.
#[derive(Debug, Clone, PartialEq)]
pub enum DeclKind {
    Void,
    Named {
        ty: TypeSpec,
        name: String,
        form: Form,
    },
}

/// The type part of a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeSpec {
    Int,
    UnsignedInt,
    Hyper,
    UnsignedHyper,
    Float,
    Double,
    Bool,
    Char,
    UnsignedChar,
    Short,
    UnsignedShort,
    /// Only with `[N]` or `<N>`.
    Opaque,
    /// Only with `<N>`.
    String,
    /// A typedef, enum, struct or union name.
    Named(String),
}

impl fmt::Display for TypeSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TypeSpec::Int => "int",
            TypeSpec::UnsignedInt => "unsigned int",
            TypeSpec::Hyper => "hyper",
            TypeSpec::UnsignedHyper => "unsigned hyper",
            TypeSpec::Float => "float",
            TypeSpec::Double => "double",
            TypeSpec::Bool => "bool",
            TypeSpec::Char => "char",
            TypeSpec::UnsignedChar => "unsigned char",
            TypeSpec::Short => "short",
            TypeSpec::UnsignedShort => "unsigned short",
            TypeSpec::Opaque => "opaque",
            TypeSpec::String => "string",
            TypeSpec::Named(name) => name,
        })
    }
}

/// How a declaration uses its type.
#[derive(Debug, Clone, PartialEq)]
pub enum Form {
    /// `T x`
    Scalar,
    /// `T x[N]`
    Fixed(Value),
    /// `T x<N>`, or `T x<>` (no bound) when `None`.
    Variable(Option<Value>),
    /// `T *x`
    Optional,
}

/// Declarations print as XDR, for the doc comments of the generated code.
impl fmt::Display for Decl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DeclKind::Void => f.write_str("void"),
            DeclKind::Named { ty, name, form } => match form {
                Form::Scalar => write!(f, "{ty} {name}"),
                Form::Fixed(n) => write!(f, "{ty} {name}[{n}]"),
                Form::Variable(Some(n)) => write!(f, "{ty} {name}<{n}>"),
                Form::Variable(None) => write!(f, "{ty} {name}<>"),
                Form::Optional => write!(f, "{ty} *{name}"),
            },
        }
    }
}
