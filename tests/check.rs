//! `claimcheck check` on purpose-made corpora: the valid example corpus is
//! clean, and each broken corpus under `tests/corpora/broken/` yields the
//! exact diagnostics in its snapshot, naming file and line, without a panic.

mod common;
use common::*;

use std::path::PathBuf;

fn corpora() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpora")
}

#[test]
fn the_example_corpus_is_clean_even_when_strict() {
    let (code, out, err) = run(&corpora().join("example"), &["check", "--strict"]);
    assert_eq!(err, "");
    assert_eq!(
        out,
        "checked 4 sources, 10 properties, 17 claims: 0 errors, 0 warnings\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn every_broken_corpus_fails_with_its_diagnostics() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpora().join("broken"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "one corpus per kind of bad input");
    for case in cases {
        let name = case.file_name().unwrap().to_str().unwrap().to_string();
        let (code, out, err) = run(&case, &["check"]);
        assert_eq!(code, 2, "{name} must fail");
        // Every error names a file, a line where there is one, and a code.
        assert!(err.contains("error["), "{name} has an error");
        insta::with_settings!({ snapshot_suffix => name.clone(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("broken", format!("exit: {code}\n--- stdout\n{out}--- stderr\n{err}"));
        });
    }
}
