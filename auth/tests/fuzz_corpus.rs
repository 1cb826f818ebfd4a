//! Replays the committed corpus of the `sasl_scram` fuzz target
//! (`fuzz/corpus/sasl_scram/`) through the check the target runs
//! (`fuzz/sasl_checks.rs`), so a plain `cargo test` keeps checking every
//! seed and every input a fuzzer once found.

#[allow(dead_code, unreachable_pub, missing_docs)]
mod sasl_checks {
    include!("../../fuzz/sasl_checks.rs");
}

include!("../../fuzz/replay.rs");

#[test]
fn sasl_scram_corpus() {
    replay_dir(
        &corpus_dir(env!("CARGO_MANIFEST_DIR"), "sasl_scram"),
        "sasl_scram",
        sasl_checks::check_scram_server,
    );
}
