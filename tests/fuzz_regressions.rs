//! Every input that ever made a fuzz target crash (kept under
//! `tests/data/fuzz/<target>/` by `fuzz/run.sh`), replayed through the same
//! entry points the fuzzer drives, plus hand-made inputs from the
//! hardening issue (deep nesting, huge counts, long runs of a prefix).

use std::path::PathBuf;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let mut n = 0;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for f in files
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "README.md"))
    {
        run(&std::fs::read(&f).unwrap());
        n += 1;
    }
    n
}

#[test]
fn crashing_inputs_stay_fixed() {
    let n = replay("load", claimcheck::fuzzing::load)
        + replay("time", claimcheck::fuzzing::time)
        + replay("quantity", claimcheck::fuzzing::quantity)
        + replay("anchor", claimcheck::fuzzing::anchor);
    assert!(n >= 4, "the regression inputs are in the repository ({n} found)");
}

#[test]
fn the_hardening_cases_do_not_panic_or_overflow() {
    for s in [
        "10000000 days ago".to_string(),
        "999999 months ago".into(),
        "65536 years ago".into(),
        "by ".repeat(12_000) + "2024",
        "about ".repeat(12_000) + "2024",
        "on ".repeat(100_000) + "2024",
        "between ".repeat(5_000) + "2024 and 2025",
    ] {
        claimcheck::fuzzing::time(s.as_bytes());
    }
    claimcheck::fuzzing::quantity("9".repeat(401).as_bytes());
    claimcheck::fuzzing::quantity(b"1,2,3");
    let deep = format!("+++\n{}\n+++\nx", "a = [".repeat(5_000));
    claimcheck::fuzzing::load(deep.as_bytes());
}
