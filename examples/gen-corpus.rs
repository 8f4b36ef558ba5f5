//! Writes a synthetic corpus of realistic shape for benchmarks and scale
//! tests: `cargo run --release --example gen-corpus -- --claims N --seed S OUT`.
//! The generator itself is `support/generate.rs`, shared with the benches
//! and the scale test.

use std::path::PathBuf;

#[path = "support/generate.rs"]
mod generate;
use generate::generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut claims_wanted = 1000usize;
    let mut seed = 1u64;
    let mut out: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--claims" => claims_wanted = args.next().and_then(|v| v.parse().ok()).expect("--claims N"),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed S"),
            other => out = Some(PathBuf::from(other)),
        }
    }
    let out = out.expect("usage: gen-corpus --claims N --seed S OUT");
    generate(claims_wanted, seed, &out);
}
