//! Helpers shared by the integration tests.
// Each test crate compiles this module and uses only some of it.
#![allow(dead_code)]

use std::path::Path;

use claimcheck::cli::{self, Args};
use clap::Parser;

/// Runs claimcheck in-process on `corpus` with `input` as standard input;
/// returns (exit code, stdout, stderr).
pub fn run_in(corpus: &Path, input: &str, args: &[&str]) -> (i32, String, String) {
    let mut argv = vec!["claimcheck", "--corpus", corpus.to_str().unwrap()];
    argv.extend_from_slice(args);
    let parsed = Args::try_parse_from(argv).expect("arguments parse");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut input = std::io::Cursor::new(input.as_bytes().to_vec());
    let code = cli::run(parsed, &mut input, &mut out, &mut err, false).expect("no I/O error");
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

/// [`run_in`] with empty standard input.
pub fn run(corpus: &Path, args: &[&str]) -> (i32, String, String) {
    run_in(corpus, "", args)
}

/// A private copy of a corpus (its `sources/` and `claims/`) to write into.
/// `from` is relative to the repository root: `""` for the shipped corpus.
pub fn copy_corpus(from: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(from);
    for sub in ["sources", "claims"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        for e in std::fs::read_dir(from.join(sub)).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), dir.path().join(sub).join(e.file_name())).unwrap();
        }
    }
    dir
}
