//! The resolved model the emitter works from: every constant is a number,
//! every typedef is expanded, every name has its Rust spelling, and sizes are
//! known.

/// Index of a named type (enum, struct or union) in [`Model::types`].
pub type TypeId = usize;

/// All programs, resolved together.
#[derive(Debug, Clone)]
pub struct Model {
    pub modules: Vec<Module>,
    pub types: Vec<TypeEntry>,
}

/// One generated module: one `.x` file.
#[derive(Debug, Clone)]
pub struct Module {
    /// The Rust module name (`remote`).
    pub name: String,
    /// The `.x` file name, for doc comments (`remote_protocol.x`).
    pub file: String,
    pub items: Vec<Item>,
    pub procedures: Option<ProcTable>,
}

/// A top-level item, in `.x` order.
#[derive(Debug, Clone)]
pub enum Item {
    Const(ConstItem),
    Alias(AliasItem),
    /// An enum, struct or union.
    Type(TypeId),
}

/// `const NAME = value;`
#[derive(Debug, Clone)]
pub struct ConstItem {
    pub name: String,
    pub value: i128,
    /// The value as written when it was a literal, else the resolved decimal.
    pub text: String,
    /// The definition as written, for the doc comment.
    pub source: String,
    pub line: u32,
}

/// A typedef: `pub type Uuid = [u8; 16];`.
#[derive(Debug, Clone)]
pub struct AliasItem {
    pub xdr_name: String,
    pub rust_name: String,
    pub ty: Ty,
    pub source: String,
    pub line: u32,
}

/// A Rust scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Prim {
    I32,
    U32,
    I64,
    U64,
    F32,
    F64,
    Bool,
    /// XDR `char`, one 4-byte word.
    I8,
    /// XDR `unsigned char`, one 4-byte word.
    U8,
    /// XDR `short`, one 4-byte word.
    I16,
    /// XDR `unsigned short`, one 4-byte word.
    U16,
}

impl Prim {
    pub fn rust(self) -> &'static str {
        match self {
            Prim::I32 => "i32",
            Prim::U32 => "u32",
            Prim::I64 => "i64",
            Prim::U64 => "u64",
            Prim::F32 => "f32",
            Prim::F64 => "f64",
            Prim::Bool => "bool",
            Prim::I8 => "i8",
            Prim::U8 => "u8",
            Prim::I16 => "i16",
            Prim::U16 => "u16",
        }
    }

    /// Bytes on the wire.
    pub fn size(self) -> u64 {
        match self {
            Prim::I64 | Prim::U64 | Prim::F64 => 8,
            _ => 4,
        }
    }
}

/// The bound of a variable-length item: its value (`u32::MAX` for `<>`),
/// and the constant that names it when the `.x` file used one, so the
/// generated code says `REMOTE_STRING_MAX`, not `4194304`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub value: u32,
    /// The module that defines the constant, and its name.
    pub constant: Option<(usize, String)>,
}

/// A resolved declaration type: typedefs expanded, bounds resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Prim(Prim),
    /// An enum, struct or union.
    Named(TypeId),
    /// `string x<max>`
    String {
        max: Bound,
    },
    /// `opaque x<max>`
    Opaque {
        max: Bound,
    },
    /// `opaque x[len]`
    FixedOpaque {
        len: u32,
    },
    /// `T x<max>`
    Array {
        elem: Box<Ty>,
        max: Bound,
    },
    /// `T x[len]`
    FixedArray {
        elem: Box<Ty>,
        len: u32,
    },
    /// `T *x`; `boxed` when `T` is part of a type cycle.
    Option {
        elem: Box<Ty>,
        boxed: bool,
    },
}

/// An enum, struct or union, with what the emitter needs to know about it.
#[derive(Debug, Clone)]
pub struct TypeEntry {
    pub xdr_name: String,
    pub rust_name: String,
    pub module: usize,
    pub line: u32,
    pub kind: TypeKind,
    /// The fewest bytes an encoding takes.
    pub min_len: u64,
    /// The encoded size when every value has the same one.
    pub fixed_len: Option<u64>,
    /// Whether `#[derive(Default)]` is possible.
    pub default: bool,
    /// Whether the type is part of a cycle (and so is boxed inside `Option`).
    pub cyclic: bool,
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    Enum(EnumType),
    Struct(StructType),
    Union(UnionType),
}

#[derive(Debug, Clone)]
pub struct EnumType {
    pub members: Vec<EnumMember>,
}

#[derive(Debug, Clone)]
pub struct EnumMember {
    pub xdr_name: String,
    pub rust_name: String,
    pub value: i32,
    /// The member as written (`REMOTE_AUTH_NONE = 0`).
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct StructType {
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub rust_name: String,
    pub ty: Ty,
    /// The declaration as written (`unsigned char state`).
    pub source: String,
}

/// The type of a union's discriminant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discriminant {
    Int,
    Unsigned,
    Enum(TypeId),
}

#[derive(Debug, Clone)]
pub struct UnionType {
    pub discriminant: Discriminant,
    /// The discriminant declaration (`int type`).
    pub discriminant_source: String,
    /// One per `case` label, in order.
    pub cases: Vec<Case>,
    pub default: Option<DefaultArm>,
    /// Whether the cases cover every member of an enum discriminant.
    pub exhaustive: bool,
}

#[derive(Debug, Clone)]
pub struct Case {
    /// The label as written.
    pub label: String,
    pub value: i64,
    /// For an enum discriminant, the member's Rust name.
    pub member: Option<String>,
    pub variant: String,
    /// `None` for a `void` arm.
    pub arm: Option<Ty>,
    /// The arm declaration as written.
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct DefaultArm {
    /// `None` for `default: void;`.
    pub arm: Option<Ty>,
    pub source: String,
    /// Discriminant values no case uses, for generating values of this arm
    /// (typed literals such as `8i32`, or enum member names); empty when there
    /// are none.
    pub unused: Vec<String>,
}

/// The procedures of a program.
#[derive(Debug, Clone)]
pub struct ProcTable {
    pub program_const: String,
    pub version_const: String,
    /// Sorted by number.
    pub procs: Vec<Proc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcKind {
    Call,
    Message,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Read,
    Write,
}

/// One procedure.
#[derive(Debug, Clone)]
pub struct Proc {
    /// `REMOTE_PROC_DOMAIN_GET_INFO`
    pub name: String,
    pub number: i32,
    /// `domain_get_info`
    pub method: String,
    /// `DomainGetInfo`: the marker type in `procs` and the `ProcedureNumber` variant.
    pub marker: String,
    pub args: Option<TypeId>,
    pub ret: Option<TypeId>,
    pub message: Option<TypeId>,
    pub kind: ProcKind,
    pub stream: Option<Stream>,
    pub sparse_flag: Option<String>,
    /// The sparse flag's value.
    pub sparse_value: Option<u32>,
    /// Descriptors the procedure passes (hand-written in libvirt).
    pub fds: Option<crate::handwritten::FdProc>,
    pub high_priority: bool,
    pub line: u32,
}

impl Model {
    /// The Rust path of `id` as seen from module `from`.
    pub fn path(&self, id: TypeId, from: usize) -> String {
        let entry = &self.types[id];
        if entry.module == from {
            entry.rust_name.clone()
        } else {
            format!(
                "super::{}::{}",
                self.modules[entry.module].name, entry.rust_name
            )
        }
    }
}

/// `n` rounded up to a multiple of 4.
pub fn padded(n: u64) -> u64 {
    n.div_ceil(4) * 4
}

impl Model {
    /// The encoded size of `ty` when every value has the same one.
    pub fn fixed_len(&self, ty: &Ty) -> Option<u64> {
        match ty {
            Ty::Prim(p) => Some(p.size()),
            Ty::Named(id) => self.types[*id].fixed_len,
            Ty::String { .. } | Ty::Opaque { .. } | Ty::Array { .. } | Ty::Option { .. } => None,
            Ty::FixedOpaque { len } => Some(padded(u64::from(*len))),
            Ty::FixedArray { elem, len } => self.fixed_len(elem)?.checked_mul(u64::from(*len)),
        }
    }

    /// The fewest bytes an encoding of `ty` takes.
    pub fn min_len(&self, ty: &Ty) -> u64 {
        match ty {
            Ty::Prim(p) => p.size(),
            Ty::Named(id) => self.types[*id].min_len,
            Ty::String { .. } | Ty::Opaque { .. } | Ty::Array { .. } | Ty::Option { .. } => 4,
            Ty::FixedOpaque { len } => padded(u64::from(*len)),
            Ty::FixedArray { elem, len } => self.min_len(elem).saturating_mul(u64::from(*len)),
        }
    }
}
