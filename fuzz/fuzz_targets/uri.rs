//! Fuzz target `uri`: see `fuzz/uri_checks.rs` for what it checks.
#![no_main]

#[allow(dead_code)]
mod checks {
    include!("../uri_checks.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_uri(data));
