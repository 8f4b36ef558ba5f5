//! Quote anchoring: a source and a quote split at the first NUL byte.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| claimcheck::fuzzing::anchor(data));
