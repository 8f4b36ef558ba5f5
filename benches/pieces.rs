//! The pieces of a run, timed on generated corpora of 1k and 10k claims:
//! `cargo bench --bench pieces`. Whole-process wall time and memory at
//! 1k–100k claims are measured by `bench/scale.sh`.

use std::path::PathBuf;
use std::sync::OnceLock;

#[path = "../examples/support/generate.rs"]
#[allow(dead_code)]
mod generate;

fn main() {
    divan::main();
}

/// A generated corpus of `n` claims, made once per run.
fn corpus(n: usize) -> &'static PathBuf {
    static DIRS: OnceLock<Vec<(usize, PathBuf, tempfile::TempDir)>> = OnceLock::new();
    let dirs = DIRS.get_or_init(|| {
        [1_000, 10_000]
            .into_iter()
            .map(|n| {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let path = dir.path().to_path_buf();
                generate::generate(n, 1, &path);
                (n, path, dir)
            })
            .collect()
    });
    &dirs.iter().find(|(m, _, _)| *m == n).expect("a generated size").1
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn load(n: usize) -> claimcheck::corpus::load::Loaded {
    claimcheck::corpus::load::load(corpus(n))
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn findings(bencher: divan::Bencher, n: usize) {
    let loaded = claimcheck::corpus::load::load(corpus(n));
    bencher.bench(|| claimcheck::compare::findings(&loaded.corpus));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn possible_copies(bencher: divan::Bencher, n: usize) {
    let loaded = claimcheck::corpus::load::load(corpus(n));
    bencher.bench(|| claimcheck::compare::possible_copies(&loaded.corpus));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn analyse(bencher: divan::Bencher, n: usize) {
    let loaded = claimcheck::corpus::load::load(corpus(n));
    bencher.bench(|| claimcheck::compare::analyse(&loaded.corpus));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn report_json(bencher: divan::Bencher, n: usize) {
    let loaded = claimcheck::corpus::load::load(corpus(n));
    let analysis = claimcheck::compare::analyse(&loaded.corpus);
    let reviews = claimcheck::review::Reviews::default();
    let filter = claimcheck::report::Filter::default();
    bencher.bench(|| {
        let mut out = Vec::new();
        claimcheck::report::json(&loaded.corpus, &analysis, &reviews, &filter, &mut out).expect("in memory");
        out
    });
}
