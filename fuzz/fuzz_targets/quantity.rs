//! The quantity parser and the number finder on any string.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| claimcheck::fuzzing::quantity(data));
