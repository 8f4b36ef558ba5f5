//! Front matter, TOML loading, validation and the comparator on any bytes.
//! The input is split at NUL bytes into a source file, properties.toml and
//! a claims file (see `claimcheck::fuzzing::load`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| claimcheck::fuzzing::load(data));
