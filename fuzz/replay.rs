// Replays a committed fuzz corpus through a target's check, for the corpus
// tests of each crate (`protocol/tests/fuzz_corpus.rs`,
// `xml/tests/fuzz_corpus.rs`, `auth/tests/fuzz_corpus.rs`), which `include!`
// this file. Plain items only.

/// `fuzz/corpus/<target>/`, from the including crate's manifest dir.
fn corpus_dir(manifest_dir: &str, target: &str) -> std::path::PathBuf {
    std::path::Path::new(manifest_dir)
        .join("../fuzz/corpus")
        .join(target)
}

/// Runs `check` on every file of `dir`; fails naming each file that
/// panics, and when there is no file at all.
fn replay_dir(dir: &std::path::Path, target: &str, check: fn(&[u8])) {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus {} is empty", dir.display());
    let mut failed = Vec::new();
    for file in &files {
        let data =
            std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
            failed.push(file.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} {target} inputs fail: {failed:#?}",
        failed.len(),
        files.len()
    );
}
