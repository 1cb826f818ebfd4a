//! Fuzz target `xml_capabilities`: see `fuzz/xml_checks.rs` for what it checks.
#![no_main]

#[allow(dead_code)]
mod checks {
    include!("../xml_checks.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_xml_capabilities(data));
