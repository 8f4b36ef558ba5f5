//! Editors' verdicts: written safely, read back, shown in reports, and
//! marked stale when the claims under them change.

mod common;
use common::*;

use claimcheck::compare::analyse;
use claimcheck::review::{self, NewVerdict, Status, WriteError};

fn corpus() -> tempfile::TempDir {
    copy_corpus("tests/corpora/example")
}

const CONFLICT: &str = "c-2ddf7d";
const OBSERVERS: &str = "s-a84a7d";

/// The arguments after `review FINDING` that record a confirmation by A.
const CONFIRMED_BY_A: [&str; 6] = ["--verdict", "confirmed", "--by", "A", "--at", "2026-11-22"];

/// `claimcheck review FINDING --verdict confirmed --by A --at 2026-11-22`.
fn confirm(dir: &std::path::Path, finding: &str) -> (i32, String, String) {
    let mut args = vec!["review", finding];
    args.extend(CONFIRMED_BY_A);
    run(dir, &args)
}

#[test]
fn a_verdict_is_written_read_back_and_reported() {
    let dir = corpus();
    let (code, out, err) = run(
        dir.path(),
        &[
            "review",
            CONFLICT,
            "--verdict",
            "confirmed",
            "--note",
            "Checked both: the aggregator is wrong.",
            "--by",
            "A. Editor",
            "--at",
            "2026-11-22",
        ],
    );
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(
        out,
        format!("recorded: {CONFLICT} confirmed by A. Editor on 2026-11-22\n")
    );
    let written = std::fs::read_to_string(dir.path().join("reviews.toml")).unwrap();
    assert!(
        written.starts_with("# Editors' verdicts on claimcheck findings, one [[review]] each.\n"),
        "a new file opens with its header:\n{written}"
    );
    let mut files = claimcheck::corpus::diag::Files::default();
    let (reviews, diags) = review::load(dir.path(), &mut files);
    assert!(diags.is_empty(), "{diags:?}");
    let v = &reviews.verdicts[CONFLICT];
    assert_eq!(
        (v.verdict.as_str(), v.by.as_str(), v.at.as_str()),
        ("confirmed", "A. Editor", "2026-11-22")
    );
    assert_eq!(v.note.as_deref(), Some("Checked both: the aggregator is wrong."));
    let (_, report, _) = run(dir.path(), &["report", "--kind", "conflict"]);
    assert!(
        report.contains("reviewed: confirmed by A. Editor on 2026-11-22: Checked both: the aggregator is wrong."),
        "{report}"
    );
    // A reviewed finding no longer needs review, nor fails --fail-on.
    let (code, list, _) = run(dir.path(), &["review"]);
    assert_eq!(code, 0);
    assert!(!list.contains(CONFLICT), "{list}");
    let (code, _, _) = run(dir.path(), &["report", "--fail-on", "conflict"]);
    assert_eq!(code, 0);
}

#[test]
fn fail_on_conflict_fails_while_a_conflict_is_open() {
    let dir = corpus();
    let (code, _, err) = run(dir.path(), &["report", "--fail-on", "conflict"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("1 finding(s) of the kinds given to --fail-on need review"),
        "{err}"
    );
}

#[test]
fn comments_and_order_in_the_file_are_kept() {
    let dir = corpus();
    let path = dir.path().join("reviews.toml");
    std::fs::write(
        &path,
        r#"# Our newsroom's verdicts. Keep this header!

[[review]]   # the big one
finding = "c-2ddf7d"
verdict = "needs-source"
by = "B. Editor"
at = "2026-11-01"
fingerprint = "0000000000000000"  # old
note = "Ask the wire desk."

# Something written by hand, to be kept.
[[review]]
finding = "x-000000"
verdict = "dismissed"
by = "C"
at = "2026-10-01"
fingerprint = "1"
"#,
    )
    .unwrap();
    for (id, verdict) in [(CONFLICT, "confirmed"), (OBSERVERS, "dismissed")] {
        let (code, _, err) = run(
            dir.path(),
            &[
                "review",
                id,
                "--verdict",
                verdict,
                "--by",
                "A. Editor",
                "--at",
                "2026-11-22",
            ],
        );
        assert_eq!((code, err.as_str()), (0, ""));
    }
    let text = std::fs::read_to_string(&path).unwrap();
    let text = regex::Regex::new(r#"fingerprint = "[0-9a-f]{16}""#)
        .unwrap()
        .replace_all(&text, "fingerprint = \"[digest]\"");
    insta::assert_snapshot!(text);
}

#[test]
fn a_concurrent_change_is_refused_and_nothing_is_lost() {
    let dir = corpus();
    let loaded = claimcheck::corpus::load::load(dir.path());
    let analysis = analyse(&loaded.corpus);
    let f = analysis.findings.iter().find(|f| f.id == CONFLICT).unwrap();
    let path = dir.path().join("reviews.toml");
    std::fs::write(&path, "# before\n").unwrap();
    let v = NewVerdict {
        finding: f,
        verdict: "confirmed",
        note: None,
        by: "A",
        at: "2026-11-22",
        ratings: &[],
    };
    let result = review::record_with(dir.path(), &v, || {
        std::fs::write(&path, "# another editor saved this meanwhile\n").unwrap();
    });
    assert!(matches!(result, Err(WriteError::Changed)), "{result:?}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# another editor saved this meanwhile\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn a_process_killed_mid_write_leaves_the_old_file() {
    let dir = corpus();
    let path = dir.path().join("reviews.toml");
    let before = "# verdicts\n[[review]]\nfinding = \"x-1\"\nverdict = \"dismissed\"\nby = \"A\"\nat = \"2026-01-01\"\nfingerprint = \"1\"\n";
    std::fs::write(&path, before).unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["--corpus", dir.path().to_str().unwrap(), "review", CONFLICT])
        .args(CONFIRMED_BY_A)
        .env("CLAIMCHECK_TEST_CRASH_BEFORE_RENAME", "1")
        .output()
        .unwrap();
    assert!(!status.status.success(), "the process died");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "the old file, whole");
    // The dead writer's temporary file is reported by check...
    let strays = review::stray_temporaries(dir.path());
    assert_eq!(strays.len(), 1, "{strays:?}");
    let (_, _, err) = run(dir.path(), &["check"]);
    assert!(err.contains("warning[stray-temporary]"), "{err}");
    // And without the crash, the new file replaces it, whole and valid.
    let (code, _, _) = confirm(dir.path(), CONFLICT);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(before), "old records kept:\n{text}");
    toml::from_str::<toml::Table>(&text).expect("valid TOML");
    // ...and removed by the next write.
    assert!(review::stray_temporaries(dir.path()).is_empty());
}

/// Two editors recording verdicts at the same moment, many times over:
/// every verdict either lands or its writer is told it did not; none is
/// silently lost.
#[test]
fn two_concurrent_reviewers_never_lose_a_verdict() {
    let dir = corpus();
    let loaded = claimcheck::corpus::load::load(dir.path());
    let analysis = analyse(&loaded.corpus);
    let ids: Vec<String> = analysis.findings.iter().map(|f| f.id.clone()).collect();
    assert!(ids.len() >= 4);
    let bin = env!("CARGO_BIN_EXE_claimcheck");
    let corpus = dir.path().to_str().unwrap().to_string();
    for round in 0..15 {
        std::fs::remove_file(dir.path().join("reviews.toml")).ok();
        let (a, b) = (ids[round % ids.len()].clone(), ids[(round + 1) % ids.len()].clone());
        let spawn = |id: String, by: &str| {
            std::process::Command::new(bin)
                .args([
                    "--corpus",
                    &corpus,
                    "review",
                    &id,
                    "--verdict",
                    "confirmed",
                    "--by",
                    by,
                    "--at",
                    "2026-11-22",
                ])
                .spawn()
                .unwrap()
        };
        let (mut pa, mut pb) = (spawn(a.clone(), "A"), spawn(b.clone(), "B"));
        let (sa, sb) = (pa.wait().unwrap(), pb.wait().unwrap());
        let mut files = claimcheck::corpus::diag::Files::default();
        let (reviews, diags) = review::load(dir.path(), &mut files);
        assert!(diags.is_empty(), "{diags:?}");
        for (ok, id) in [(sa.success(), &a), (sb.success(), &b)] {
            if ok {
                assert!(
                    reviews.verdicts.contains_key(id),
                    "round {round}: {id} was reported recorded but lost"
                );
            }
        }
        assert!(
            sa.success() && sb.success(),
            "round {round}: with the lock, both writers succeed"
        );
    }
}

#[test]
fn a_symlinked_or_duplicated_reviews_file_is_refused() {
    let dir = corpus();
    let target = dir.path().join("elsewhere.toml");
    std::fs::write(&target, "").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&target, dir.path().join("reviews.toml")).unwrap();
        let (code, _, err) = confirm(dir.path(), CONFLICT);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("symbolic link"), "{err}");
        assert!(
            std::fs::symlink_metadata(dir.path().join("reviews.toml"))
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link is left as it was"
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "", "its target is untouched");
        std::fs::remove_file(dir.path().join("reviews.toml")).unwrap();
    }
    let record = "[[review]]\nfinding = \"c-2ddf7d\"\nverdict = \"confirmed\"\nby = \"A\"\nat = \"yesterday-ish\"\nfingerprint = \"1\"\n";
    std::fs::write(
        dir.path().join("reviews.toml"),
        format!("{record}{}", record.replace("yesterday-ish", "2026-11-22")),
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("`at = \"yesterday-ish\"` is not a date"), "{err}");
    assert!(
        err.contains("a second verdict for `c-2ddf7d`; the first is at line 1"),
        "{err}"
    );
}

#[test]
fn a_verdict_goes_stale_when_its_claims_change() {
    let dir = corpus();
    let (code, _, _) = run(
        dir.path(),
        &[
            "review",
            OBSERVERS,
            "--verdict",
            "confirmed",
            "--by",
            "A",
            "--at",
            "2026-11-22",
        ],
    );
    assert_eq!(code, 0);
    let claims = dir.path().join("claims/example.toml");
    let text = std::fs::read_to_string(&claims).unwrap();
    std::fs::write(&claims, text.replace("value = \"fewer than 50\"", "value = \"50\"")).unwrap();
    let loaded = claimcheck::corpus::load::load(dir.path());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let analysis = analyse(&loaded.corpus);
    let f = analysis
        .findings
        .iter()
        .find(|f| f.id == OBSERVERS)
        .expect("same finding id: same claims");
    let mut files = claimcheck::corpus::diag::Files::default();
    let (reviews, _) = review::load(dir.path(), &mut files);
    assert!(matches!(reviews.status(f), Status::Stale(_)));
    let (_, report, _) = run(dir.path(), &["report", "--kind", "single-source"]);
    assert!(
        report.contains("STALE review: confirmed by A on 2026-11-22; the claims changed since, look again"),
        "{report}"
    );
    let (_, list, _) = run(dir.path(), &["review"]);
    assert!(
        list.contains(&format!("{OBSERVERS}  single-source summit/observers (stale review)")),
        "{list}"
    );
}

#[test]
fn check_warns_about_verdicts_for_findings_that_no_longer_exist() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("reviews.toml"),
        "[[review]]\nfinding = \"c-2ddf7e\"\nverdict = \"confirmed\"\nby = \"A\"\nat = \"2026-11-22\"\nfingerprint = \"1\"\n",
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 0, "a warning does not fail check");
    insta::assert_snapshot!(err, @r#"
    warning[stale-review]: a verdict for `c-2ddf7e`, which is no longer a finding
     --> reviews.toml:2:11
      |
    2 | finding = "c-2ddf7e"
      |           ^^^^^^^^^^ no such finding
      |
      = help: the nearest finding id is `c-2ddf7d`; the claims may have changed, so review it afresh
    "#);
    let (code, _, _) = run(dir.path(), &["check", "--strict"]);
    assert_eq!(code, 2);
}

#[test]
fn interactive_review_records_each_answer_as_given() {
    let dir = corpus();
    // Confirm the first (the conflict) with a note, skip the second, then quit.
    let (code, out, err) = run_in(
        dir.path(),
        "c\nBoth sources checked.\ns\nq\n",
        &["review", "--interactive", "--by", "A", "--at", "2026-11-22"],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains(&format!("[1/10] CONFLICT {CONFLICT}")), "{out}");
    assert!(
        out.contains("\"the withdrawal was complete in mid-2024\""),
        "quotes shown side by side:\n{out}"
    );
    assert!(out.contains("recorded confirmed"));
    assert!(out.contains("[2/10] SINGLE-SOURCE"));
    assert!(out.contains("[3/10]"), "the third is shown, and quit is its answer");
    assert!(!out.contains("[4/10]"), "nothing after quitting");
    let mut files = claimcheck::corpus::diag::Files::default();
    let (reviews, _) = review::load(dir.path(), &mut files);
    assert_eq!(reviews.verdicts.len(), 1);
    assert_eq!(
        reviews.verdicts[CONFLICT].note.as_deref(),
        Some("Both sources checked.")
    );
    // Leaving at end of input, mid-way, keeps what was answered.
    let (code, _, _) = run_in(
        dir.path(),
        "d\n\n",
        &["review", "--interactive", "--by", "A", "--at", "2026-11-22"],
    );
    assert_eq!(code, 0);
    let (reviews, _) = review::load(dir.path(), &mut files);
    assert_eq!(reviews.verdicts.len(), 2);
}

#[test]
fn dismissed_findings_are_hidden_unless_all() {
    let dir = corpus();
    run(
        dir.path(),
        &[
            "review",
            OBSERVERS,
            "--verdict",
            "dismissed",
            "--by",
            "A",
            "--at",
            "2026-11-22",
        ],
    );
    let (_, hidden, _) = run(dir.path(), &["report"]);
    assert!(!hidden.contains(OBSERVERS));
    let (_, all, _) = run(dir.path(), &["report", "--all"]);
    assert!(all.contains(OBSERVERS));
    assert!(all.contains("reviewed: dismissed by A on 2026-11-22"));
}

#[test]
fn a_bad_verdict_or_unknown_finding_is_refused() {
    let dir = corpus();
    let (code, _, err) = run(dir.path(), &["review", CONFLICT, "--verdict", "ok", "--by", "A"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`ok` is not a verdict: use one of confirmed, dismissed, needs-source, corrected"),
        "{err}"
    );
    let (code, _, err) = run(
        dir.path(),
        &["review", "c-2ddf7e", "--verdict", "confirmed", "--by", "A"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("help: did you mean `c-2ddf7d`?"), "{err}");
    assert!(!dir.path().join("reviews.toml").exists(), "nothing written");
}

/// Fingerprints are kept in editors' files, so the digest must never change
/// its bytes: verdicts written by earlier versions (these two by the version
/// of 2026-11-22) stay current while their claims are unchanged.
#[test]
fn verdicts_written_by_earlier_versions_stay_current() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("reviews.toml"),
        format!(
            "[[review]]\nfinding = \"{CONFLICT}\"\nverdict = \"confirmed\"\nby = \"A\"\nat = \"2026-11-22\"\nfingerprint = \"dabced2cffbc0434\"\n\n\
             [[review]]\nfinding = \"{OBSERVERS}\"\nverdict = \"dismissed\"\nby = \"A\"\nat = \"2026-11-22\"\nfingerprint = \"feb8e9ded64bd31e\"\n"
        ),
    )
    .unwrap();
    let loaded = claimcheck::corpus::load::load(dir.path());
    let analysis = analyse(&loaded.corpus);
    let mut files = claimcheck::corpus::diag::Files::default();
    let (reviews, diags) = review::load(dir.path(), &mut files);
    assert!(diags.is_empty(), "{diags:?}");
    for id in [CONFLICT, OBSERVERS] {
        let f = analysis.findings.iter().find(|f| f.id == id).unwrap();
        assert!(
            matches!(reviews.status(f), Status::Reviewed(_)),
            "{id}: {:?}",
            reviews.status(f)
        );
    }
}
