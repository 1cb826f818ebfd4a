//! Generates Rust from libvirt's XDR `.x` protocol definitions.
//!
//! Meant to be called from a build script. Each [`ProgramSpec`] names one
//! `.x` file and the Rust module its types go to; programs are resolved in
//! order, and a later one may use the constants and types of earlier ones
//! (`qemu_protocol.x` uses `remote_nonnull_domain`, emitted as
//! `super::remote::NonnullDomain`).
//!
//! ```no_run
//! use virtwire_codegen::{Config, ProgramSpec};
//!
//! let out_dir = std::env::var("OUT_DIR").unwrap();
//! Config::new()
//!     .program(ProgramSpec {
//!         module: "remote",
//!         path: "xdr/remote_protocol.x".into(),
//!         type_prefix: "remote_",
//!         proc_enum: Some("remote_procedure"),
//!         proc_prefix: Some("REMOTE_PROC_"),
//!         program_const: Some("REMOTE_PROGRAM"),
//!         version_const: Some("REMOTE_PROTOCOL_VERSION"),
//!         all_messages: false,
//!     })
//!     .write_to(out_dir)
//!     .unwrap();
//! ```
//!
//! [`ApiConfig`] does the same for libvirt's API XML descriptions: one
//! module of enums and `bitflags` types.
//!
//! [`HandlesConfig`] reads the remote (and qemu, lxc) programs and their API
//! XML and emits the methods of `virtwire`'s object handles (`Domain`,
//! `Network`, ...): one per procedure with a public C function, named after
//! it (see the `handles` module for the rules and what is skipped).
//!
//! The generated code expects to be `include!`d in a `pub mod <module>` of a
//! crate with the XDR runtime at `crate::xdr` and `ProcedureInfo`,
//! `Procedure`, `Event`, `BodyPart`, `ProcedureKind`, `StreamDirection` and
//! `Priority` at its root (the `virtwire-protocol` crate), every module of one
//! `Config` being a sibling of the others.

mod analysis;
mod api;
mod ast;
mod emit;
mod error;
pub mod external;
mod handles;
mod handwritten;
mod lexer;
mod model;
mod names;
mod parser;
mod procedures;
mod resolve;
mod spec;

use std::path::{Path, PathBuf};

pub use api::ApiConfig;
pub use error::{Error, ErrorKind, Location};
pub use handles::HandlesConfig;

/// One `.x` file and how to turn it into a Rust module.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgramSpec<'a> {
    /// The Rust module name, also the output file's stem (`remote` → `remote.rs`).
    pub module: &'a str,
    /// The `.x` file.
    pub path: PathBuf,
    /// Stripped from type names before camel-casing (`remote_` turns
    /// `remote_domain_get_info_ret` into `DomainGetInfoRet`).
    pub type_prefix: &'a str,
    /// The enum listing the procedures (`remote_procedure`); `None` for a file
    /// with types only. Its Rust name is always `ProcedureNumber` (not
    /// `Procedure`, the trait of the marker types).
    pub proc_enum: Option<&'a str>,
    /// The prefix of every procedure (`REMOTE_PROC_`).
    pub proc_prefix: Option<&'a str>,
    /// The constant holding the program number (`REMOTE_PROGRAM`).
    pub program_const: Option<&'a str>,
    /// The constant holding the program version (`REMOTE_PROTOCOL_VERSION`).
    pub version_const: Option<&'a str>,
    /// Whether every procedure is a MESSAGE even without a `_msg` payload
    /// (keepalive's PING and PONG).
    pub all_messages: bool,
}

/// One generated module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The module name from the [`ProgramSpec`].
    pub module: String,
    /// The Rust source.
    pub code: String,
}

impl GeneratedFile {
    /// `<module>.rs`
    pub fn file_name(&self) -> String {
        format!("{}.rs", self.module)
    }

    /// Writes the file into `out_dir`, laid out by `format` when one is
    /// given and it accepts the code, and leaves it untouched when its
    /// content is unchanged. Returns its path.
    pub fn write_into(&self, out_dir: &Path, format: Option<Formatter>) -> Result<PathBuf, Error> {
        let path = out_dir.join(self.file_name());
        let formatted = format.and_then(|f| f(&self.code)).map(|body| {
            // Formatters drop plain comments: keep the `@generated` header.
            let header: String = self
                .code
                .lines()
                .take_while(|l| {
                    l.starts_with("//") && !l.starts_with("///") && !l.starts_with("//!")
                })
                .flat_map(|l| [l, "\n"])
                .collect();
            header + &body
        });
        write_if_changed(&path, formatted.as_deref().unwrap_or(&self.code))?;
        Ok(path)
    }
}

/// A pass that lays generated code out for reading (rustfmt's style, as
/// `prettyplease` prints it, say), so that IDEs and docs.rs's source view
/// show it well; `None` keeps the code as generated. The generator itself
/// stays std-only: the build script that runs it brings the formatter.
pub type Formatter = fn(&str) -> Option<String>;

/// The programs to generate, in dependency order.
#[derive(Debug, Clone, Default)]
pub struct Config<'a> {
    programs: Vec<(ProgramSpec<'a>, Option<String>)>,
}

impl<'a> Config<'a> {
    /// No programs yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a program read from `spec.path`.
    pub fn program(&mut self, spec: ProgramSpec<'a>) -> &mut Self {
        self.programs.push((spec, None));
        self
    }

    /// Adds a program whose `.x` text is given; `spec.path` only names it in
    /// messages and doc comments.
    pub fn program_source(
        &mut self,
        spec: ProgramSpec<'a>,
        source: impl Into<String>,
    ) -> &mut Self {
        self.programs.push((spec, Some(source.into())));
        self
    }

    /// The `.x` files the programs are read from (for `cargo:rerun-if-changed`).
    pub fn input_paths(&self) -> Vec<&Path> {
        self.programs
            .iter()
            .filter(|(_, s)| s.is_none())
            .map(|(p, _)| p.path.as_path())
            .collect()
    }

    /// Parses and resolves every program, in order.
    pub(crate) fn model(&self) -> Result<model::Model, Error> {
        let mut inputs = Vec::with_capacity(self.programs.len());
        for (spec, source) in &self.programs {
            inputs.push(self.input(spec, source.as_deref())?);
        }
        resolve::resolve(&inputs)
    }

    /// Parses, resolves and emits every program, in order.
    pub fn generate(&self) -> Result<Vec<GeneratedFile>, Error> {
        let model = self.model()?;
        Ok((0..model.modules.len())
            .map(|i| GeneratedFile {
                module: model.modules[i].name.clone(),
                code: emit::module(&model, i),
            })
            .collect())
    }

    /// Generates and writes `<module>.rs` for every program into `out_dir`,
    /// leaving a file untouched when its content is unchanged. Returns the
    /// paths of all the files.
    pub fn write_to(&self, out_dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, Error> {
        let out_dir = out_dir.as_ref();
        let mut written = Vec::new();
        for file in self.generate()? {
            let path = out_dir.join(file.file_name());
            write_if_changed(&path, &file.code)?;
            written.push(path);
        }
        Ok(written)
    }

    fn input(
        &self,
        spec: &ProgramSpec<'a>,
        source: Option<&str>,
    ) -> Result<spec::SpecInput<'a>, Error> {
        if !valid_module(spec.module) {
            return Err(Error::config(format!(
                "`{}` is not usable as a module name",
                spec.module
            )));
        }
        let procedures = match (
            spec.proc_enum,
            spec.proc_prefix,
            spec.program_const,
            spec.version_const,
        ) {
            (None, _, _, _) => None,
            (Some(enum_name), Some(prefix), Some(program_const), Some(version_const)) => {
                Some(spec::ProcSpec {
                    enum_name,
                    prefix,
                    program_const,
                    version_const,
                    all_messages: spec.all_messages,
                })
            }
            _ => {
                return Err(Error::config(format!(
                    "program `{}`: proc_enum needs proc_prefix, program_const and version_const",
                    spec.module
                )));
            }
        };
        let file_label = spec.path.display().to_string();
        let doc_name = spec
            .path
            .file_name()
            .map_or_else(|| file_label.clone(), |n| n.to_string_lossy().into_owned());
        let text = match source {
            Some(text) => text.to_owned(),
            None => {
                std::fs::read_to_string(&spec.path).map_err(|e| Error::io(&spec.path, "read", e))?
            }
        };
        let tokens = lexer::lex(&file_label, &text)?;
        let ast = parser::parse(&file_label, &tokens)?;
        Ok(spec::SpecInput {
            module: spec.module,
            file_label,
            doc_name,
            type_prefix: spec.type_prefix,
            procedures,
            ast,
        })
    }
}

/// Whether `name` can be a module name (and a file stem).
fn valid_module(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && names::field_ident(name) == name
}

/// Writes `code` to `path` unless the file already holds exactly that.
fn write_if_changed(path: &Path, code: &str) -> Result<(), Error> {
    let unchanged = std::fs::read(path).is_ok_and(|old| old == code.as_bytes());
    if !unchanged {
        std::fs::write(path, code).map_err(|e| Error::io(path, "write", e))?;
    }
    Ok(())
}
