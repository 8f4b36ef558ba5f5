//! The generator's corpora (`examples/support/generate.rs`) in the test
//! suite: valid, their injected findings found, and the same report on one
//! core as on two. Timing is measured by `bench/scale.sh`, not here.

#[path = "../examples/support/generate.rs"]
#[allow(dead_code)]
mod generate;

use claimcheck::compare::analyse;

fn report(dir: &std::path::Path) -> String {
    let loaded = claimcheck::corpus::load::load(dir);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics.first());
    let analysis = analyse(&loaded.corpus);
    let mut out = Vec::new();
    claimcheck::report::json(
        &loaded.corpus,
        &analysis,
        &claimcheck::review::Reviews::default(),
        &claimcheck::report::Filter::default(),
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn injected_findings_are_found() {
    for seed in [1, 2] {
        let dir = tempfile::tempdir().unwrap();
        generate::generate(1_500, seed, dir.path());
        let loaded = claimcheck::corpus::load::load(dir.path());
        assert!(
            loaded.diagnostics.is_empty(),
            "seed {seed}: {:?}",
            loaded.diagnostics.first()
        );
        let analysis = analyse(&loaded.corpus);
        let expected: toml::Table =
            toml::from_str(&std::fs::read_to_string(dir.path().join("expected.toml")).unwrap()).unwrap();
        let findings = expected["finding"].as_array().unwrap();
        assert!(findings.len() > 30, "seed {seed}: {} injected findings", findings.len());
        let mut conflicts = 0;
        for want in findings {
            let (kind, property) = (want["kind"].as_str().unwrap(), want["property"].as_str().unwrap());
            let found = analysis
                .findings
                .iter()
                .any(|f| f.kind.name() == kind && format!("{}/{}", f.subject, f.property) == property);
            assert!(found, "seed {seed}: no {kind} on {property}");
            conflicts += usize::from(kind == "conflict");
            // An injected conflict has no agreement holding its outlier, and
            // an agreement is never also a conflict.
            let other = if kind == "conflict" { "agreement" } else { "conflict" };
            if kind == "agreement" {
                assert!(
                    !analysis
                        .findings
                        .iter()
                        .any(|f| f.kind.name() == other && format!("{}/{}", f.subject, f.property) == property),
                    "seed {seed}: {property} is both"
                );
            }
        }
        assert!(conflicts > 0, "seed {seed}: some conflicts are injected");
        for copy in expected["copy"].as_array().unwrap() {
            let pair: Vec<&str> = copy["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert!(
                analysis
                    .possible_copies
                    .iter()
                    .any(|p| p.sources.iter().map(String::as_str).eq(pair.iter().copied())),
                "seed {seed}: undeclared copy {pair:?} not reported"
            );
        }
        // Declared copies are one voice: never reported as copies.
        for p in &analysis.possible_copies {
            let voice = |id: &str| loaded.corpus.source(id).unwrap().voice.clone();
            assert_ne!(voice(&p.sources[0]), voice(&p.sources[1]));
        }
    }
}

#[test]
fn the_report_is_the_same_on_one_core_and_on_two() {
    let dir = tempfile::tempdir().unwrap();
    generate::generate(2_000, 3, dir.path());
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| report(dir.path()));
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap()
        .install(|| report(dir.path()));
    assert_eq!(one.len(), two.len());
    assert!(one == two, "the report differs between one and two threads");
}

/// `CLAIMCHECK_TIMINGS` says where a run's time goes, on stderr, in the
/// order of the phases, and leaves the report itself unchanged.
#[test]
fn timings_go_to_stderr_and_leave_the_report_alone() {
    let dir = tempfile::tempdir().unwrap();
    generate::generate(300, 4, dir.path());
    let run = |timings: bool| {
        let mut cmd = assert_cmd::Command::cargo_bin("claimcheck").unwrap();
        cmd.arg("--corpus").arg(dir.path()).args(["report", "--format", "json"]);
        cmd.env_remove("CLAIMCHECK_TIMINGS");
        if timings {
            cmd.env("CLAIMCHECK_TIMINGS", "1");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        (out.stdout, String::from_utf8(out.stderr).unwrap())
    };
    let (plain, quiet) = run(false);
    let (timed, stderr) = run(true);
    assert_eq!(plain, timed);
    assert_eq!(quiet, "");
    let phases: Vec<&str> = stderr
        .lines()
        .map(|l| {
            assert!(l.starts_with("timings: "), "{l}");
            l.split("  ").last().unwrap().trim()
        })
        .collect();
    for want in [
        "sources read",
        "claims parsed",
        "loaded",
        "analysed",
        "report written",
        "done",
    ] {
        assert!(phases.contains(&want), "no `{want}` in {phases:?}");
    }
    let at = |p: &str| phases.iter().position(|x| *x == p).unwrap();
    assert!(at("loaded") < at("analysed") && at("analysed") < at("report written"));
}
