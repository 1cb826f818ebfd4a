//! Replays the committed corpus of the `uri` fuzz target
//! (`fuzz/corpus/uri/`) through the very check the target runs
//! (`fuzz/uri_checks.rs`), so every seed and every crash once found keeps
//! being checked by a plain `cargo test`.

#[allow(dead_code, unreachable_pub, missing_docs)]
mod checks {
    include!("../../fuzz/uri_checks.rs");
}

include!("../../fuzz/replay.rs");

#[test]
fn uri_corpus() {
    replay_dir(
        &corpus_dir(env!("CARGO_MANIFEST_DIR"), "uri"),
        "uri",
        checks::check_uri,
    );
}
