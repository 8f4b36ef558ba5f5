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

/// One question of `kind` with 10,000 claims that disagree (three values, or
/// both polarities of a fact, across 2,000 sources), in memory: the findings of one large
/// disagreement, which must stay near-linear.
fn disagreement(kind: &str) -> claimcheck::corpus::load::Loaded {
    let (declaration, values): (&str, [&str; 3]) = match kind {
        "fixed-quantity" => (
            "kind = \"quantity\"\nunit = \"magnitude\"\nover_time = \"fixed\"",
            ["6.1", "6.5", "6.8"],
        ),
        "changing-quantity" => ("kind = \"quantity\"\nunit = \"people\"", ["120", "150", "180"]),
        "rising-count" => (
            "kind = \"quantity\"\nunit = \"people\"\nmonotonic = \"increasing\"",
            ["120", "150", "180"],
        ),
        "fact" => ("kind = \"fact\"", ["true", "false", "true"]),
        "state" => (
            "kind = \"state\"\nvalues = [\"open\", \"closed\", \"shut\"]\ntransitions = [\"open -> closed\"]",
            ["open", "closed", "shut"],
        ),
        _ => (
            "kind = \"event-date\"",
            ["March 1, 2024", "March 2, 2024", "March 3, 2024"],
        ),
    };
    let mut sources = Vec::new();
    let mut claims = String::new();
    for s in 0..2_000 {
        let mut body = String::new();
        for k in 0..5 {
            let v = values[(s * 5 + k) % 3];
            body.push_str(&format!("Report {k} of source {s} gave {v} for it.\n\n"));
            claims.push_str(&format!(
                "[[claim]]\nid = \"c-{s}-{k}\"\nsource = \"s{s}\"\nquote = \"Report {k} of source {s} gave {v}\"\nsubject = \"q\"\nproperty = \"p\"\nvalue = {}\n\n",
                if kind == "fact" { v.to_string() } else { format!("\"{v}\"") }
            ));
        }
        sources.push((
            format!("sources/s{s}.txt"),
            // Spread over four weeks, so that a changing state has a time order.
            format!(
                "+++\ntitle = \"S\"\noutlet = \"O{s}\"\npublished = \"2024-03-{:02}\"\npublished_basis = \"x\"\nkind = \"news\"\nlanguage = \"en\"\n+++\n{body}",
                1 + s % 28
            ),
        ));
    }
    let props = format!("[[property]]\nsubject = \"q\"\nproperty = \"p\"\nquestion = \"Q?\"\n{declaration}\n");
    let sources: Vec<(&str, &str)> = sources.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    claimcheck::corpus::load::load_texts(&sources, Some(&props), &[("claims/c.toml", claims.as_str())])
}

#[divan::bench(args = ["fixed-quantity", "changing-quantity", "rising-count", "event-date", "state", "fact"], sample_count = 5)]
fn one_disagreement_of_10k_claims(bencher: divan::Bencher, kind: &str) {
    let loaded = disagreement(kind);
    assert_eq!(loaded.errors(), 0);
    bencher.bench(|| claimcheck::compare::findings(&loaded.corpus));
}

/// `suggest` on the shipped corpus's longest article with the rest of the
/// corpus present: the issue asks well under 100 ms for 2,000 words.
#[divan::bench(sample_count = 10)]
fn suggest_one_article(bencher: divan::Bencher) {
    let loaded = claimcheck::corpus::load::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let src = loaded
        .corpus
        .sources
        .iter()
        .max_by_key(|s| s.body().len())
        .expect("the shipped corpus has sources");
    bencher.bench(|| claimcheck::suggest::suggest(&loaded.corpus, &claimcheck::suggest::Article::of(src)));
}
