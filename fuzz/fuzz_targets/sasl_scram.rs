//! Fuzz target `sasl_scram`: see `fuzz/sasl_checks.rs` for what it checks.
#![no_main]

mod sasl_checks {
    include!("../sasl_checks.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| sasl_checks::check_scram_server(data));
