//! Enums and flags from libvirt's API descriptions (`libvirt-api.xml`,
//! `libvirt-qemu-api.xml`, ...), which libvirt builds from its public
//! headers and Debian ships in `libvirt-dev`.
//!
//! Every C enum type becomes either a Rust enum with an `Other(i32)`
//! catch-all or a `bitflags` type over `u32`; how the two are told apart is
//! in [`classify`], the few hand-made decisions in [`exceptions`], the names
//! in [`naming`].

mod classify;
pub(crate) mod doc;
mod emit;
mod exceptions;
mod model;
mod naming;
mod xml;

use std::path::{Path, PathBuf};

use crate::GeneratedFile;
use crate::error::Error;

/// Which API XML files to read and what module to make of them.
#[derive(Debug, Clone)]
pub struct ApiConfig<'a> {
    module: &'a str,
    release: &'a str,
    files: Vec<(PathBuf, Option<String>)>,
}

impl<'a> ApiConfig<'a> {
    /// No files yet. `module` names the output (`api` → `api.rs`);
    /// `release` is the libvirt release the files describe, for the docs and
    /// the generated `LIBVIRT_RELEASE`.
    pub fn new(module: &'a str, release: &'a str) -> Self {
        Self {
            module,
            release,
            files: Vec::new(),
        }
    }

    /// Adds an API XML file to read. Types are emitted file by file, in the
    /// order added; a value may be defined as a value of an earlier or later
    /// file.
    pub fn file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.files.push((path.into(), None));
        self
    }

    /// Adds an API XML file whose text is given; `path` only names it.
    pub fn file_source(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> &mut Self {
        self.files.push((path.into(), Some(text.into())));
        self
    }

    /// The files that are read from disk (for `cargo:rerun-if-changed`).
    pub fn input_paths(&self) -> Vec<&Path> {
        self.files
            .iter()
            .filter(|(_, text)| text.is_none())
            .map(|(p, _)| p.as_path())
            .collect()
    }

    /// Reads, resolves and emits the files.
    pub fn generate(&self) -> Result<GeneratedFile, Error> {
        if !crate::valid_module(self.module) {
            return Err(Error::config(format!(
                "`{}` is not usable as a module name",
                self.module
            )));
        }
        let mut raw = Vec::with_capacity(self.files.len());
        for (path, text) in &self.files {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let text = match text {
                Some(text) => text.clone(),
                None => std::fs::read_to_string(path).map_err(|e| Error::io(path, "read", e))?,
            };
            raw.push((name.clone(), xml::read(&name, &text)?));
        }
        let model = model::resolve(&raw)?;
        let sources: Vec<String> = raw.into_iter().map(|(name, _)| name).collect();
        Ok(GeneratedFile {
            module: self.module.to_owned(),
            code: emit::module(&model, &sources, self.release),
        })
    }

    /// Generates and writes `<module>.rs` into `out_dir`, leaving the file
    /// untouched when its content is unchanged. Returns its path.
    pub fn write_to(&self, out_dir: impl AsRef<Path>) -> Result<PathBuf, Error> {
        let file = self.generate()?;
        let path = out_dir.as_ref().join(file.file_name());
        crate::write_if_changed(&path, &file.code)?;
        Ok(path)
    }
}

/// The flags types of API XML files given as `(file name, text)`: C name →
/// Rust name (`virDomainXMLFlags` → `DomainXmlFlags`).
pub(crate) fn flags_types(
    files: &[(String, String)],
) -> Result<std::collections::HashMap<String, String>, Error> {
    let mut raw = Vec::with_capacity(files.len());
    for (name, text) in files {
        raw.push((name.clone(), xml::read(name, text)?));
    }
    let model = model::resolve(&raw)?;
    Ok(model
        .types
        .into_iter()
        .filter(|t| t.kind == classify::Kind::Flags)
        .map(|t| (t.c_name, t.rust_name))
        .collect())
}
