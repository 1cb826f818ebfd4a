//! What the generator is told about each program: plain data shared by the
//! resolver and the procedure-table builder, so that neither depends on
//! the other's internals.

use crate::ast;

/// What the resolver needs to know about one program besides its syntax tree.
#[derive(Debug, Clone)]
pub struct SpecInput<'a> {
    /// The Rust module name.
    pub module: &'a str,
    /// How errors name the file (the path as given).
    pub file_label: String,
    /// How doc comments name the file (its base name).
    pub doc_name: String,
    /// The prefix the program's XDR type names share (`remote_`), left out
    /// of the Rust names.
    pub type_prefix: &'a str,
    /// Where its procedure table comes from, if it has one.
    pub procedures: Option<ProcSpec<'a>>,
    /// The parsed `.x` file.
    pub ast: ast::File,
}

/// Where a program's procedure table comes from.
#[derive(Debug, Clone, Copy)]
pub struct ProcSpec<'a> {
    /// The XDR enum that numbers the procedures (`remote_procedure`).
    pub enum_name: &'a str,
    /// The prefix its members share (`REMOTE_PROC_`).
    pub prefix: &'a str,
    /// The constant holding the program number.
    pub program_const: &'a str,
    /// The constant holding the protocol version.
    pub version_const: &'a str,
    /// Whether every procedure is a message (keepalive), not a call.
    pub all_messages: bool,
}
