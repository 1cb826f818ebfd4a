//! Shared by the golden tests: compare generated code with its expected
//! file, or rewrite the file when `UPDATE_GOLDEN=1`.

// Each test crate that includes this module uses part of it.
#![allow(dead_code)]
use std::path::Path;

/// `Ok` when `code` equals the file at `path` (or the file was rewritten
/// because `UPDATE_GOLDEN=1`); else the path and the first differing line.
pub fn check_golden(path: &Path, code: &str) -> Result<(), String> {
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(path, code).unwrap();
        return Ok(());
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == code {
        return Ok(());
    }
    let line = expected
        .lines()
        .zip(code.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.lines().count().min(code.lines().count()))
        + 1;
    Err(format!(
        "{} (first difference at line {line})",
        path.display()
    ))
}

/// Panics unless [`check_golden`] passes.
pub fn assert_golden(path: &Path, code: &str) {
    if let Err(e) = check_golden(path, code) {
        panic!("generated code differs from {e} (UPDATE_GOLDEN=1 rewrites it)");
    }
}
