//! The time expression reader on any string, with every tense.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| claimcheck::fuzzing::time(data));
