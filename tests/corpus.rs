//! The shipped corpus, guarded by snapshots: `check`, and the report in
//! every format. A change to the data or the logic shows up here as a
//! snapshot diff to review with `cargo insta review`.

mod common;
use common::*;

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_is_clean_on_the_shipped_corpus() {
    let (code, out, err) = run(&root(), &["check", "--strict"]);
    assert_eq!((code, err.as_str()), (0, ""));
    insta::assert_snapshot!(out, @"checked 5 sources, 69 properties, 113 claims: 0 errors, 0 warnings");
}

#[test]
fn report_text() {
    let (code, out, err) = run(&root(), &["report"]);
    assert_eq!((code, err.as_str()), (0, ""));
    insta::assert_snapshot!(out);
}

#[test]
fn report_markdown() {
    let (code, out, _) = run(&root(), &["report", "--format", "markdown"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn report_json() {
    let (code, out, _) = run(&root(), &["report", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    insta::assert_json_snapshot!(v);
}

/// The contradictions the corpus exists to show, with the right claims.
#[test]
fn the_known_contradictions_are_found() {
    let loaded = claimcheck::corpus::load::load(&root());
    let a = claimcheck::compare::analyse(&loaded.corpus);
    let conflict = |key: &str| {
        a.findings
            .iter()
            .find(|f| f.kind.name() == "conflict" && format!("{}/{}", f.subject, f.property) == key)
            .unwrap_or_else(|| panic!("a conflict on {key}"))
    };
    let csto = conflict("armenia/csto-status");
    assert!(csto.claims.contains(&"tms-csto-withdrawn-mid-2024".to_string()));
    assert!(csto.claims.contains(&"mt-csto-suspended".to_string()));
    // The status and the withdrawal's date are one event (same_event_as):
    // "suspended" after the one date given for the withdrawal is one
    // conflict over both questions.
    assert_eq!(csto.reason, Some(claimcheck::compare::Reason::SameEvent));
    assert!(
        csto.summary.contains("000-azerbaijan-us says it had not happened as of 2025-09-25, after 2024-05-01 to 2024-08-31 (003-transcend)"),
        "{}",
        csto.summary
    );
    // The smallest consistent reading sets aside the one source that says
    // withdrawn, in both questions.
    assert_eq!(
        csto.suspects,
        [
            "tms-csto-exit-2025",
            "tms-csto-withdrawal-mid-2024",
            "tms-csto-withdrawn-mid-2024"
        ]
    );
    assert!(
        !csto.claims.contains(&"mt-csto-may-leave".to_string()),
        "the hedged claim is context"
    );
    assert!(csto.context.contains(&"mt-csto-may-leave".to_string()));
    let peace = conflict("armenia-azerbaijan/peace-treaty-signed");
    assert!(peace.claims.contains(&"tms-peace-treaty-signed".to_string()));
    assert!(peace.claims.contains(&"mt-peace-deal-inching-closer".to_string()));
    // The signing and its date are one event (same_event_as): the one
    // voice that gives both is set aside in both, in one conflict.
    assert_eq!(peace.suspects, ["tms-peace-treaty-date", "tms-peace-treaty-signed"]);
    assert_eq!(peace.reason, Some(claimcheck::compare::Reason::SameEvent));
    // Two dates that cannot both hold, one voice each: the data cannot decide.
    let dues = conflict("armenia/csto-dues-stopped-date");
    assert!(dues.suspects.is_empty(), "{:?}", dues.suspects);
    assert!(dues.summary.contains("cannot say which is wrong"), "{}", dues.summary);
    // Values that merely changed over time are not conflicts.
    for key in [
        "russia-armenia/trade-volume",
        "armenian-public/positive-view-of-russia-ties",
        "russia-armenia/trade-trend",
    ] {
        assert!(
            !a.findings
                .iter()
                .any(|f| f.kind.name() == "conflict" && format!("{}/{}", f.subject, f.property) == key),
            "no conflict on {key}"
        );
    }
}

/// Every other corpus in the repository (the example, the news corpus and
/// each rules corpus), its report snapshotted: one snapshot per corpus,
/// named after its folder, so a change in any finding shows as a diff.
#[test]
fn report_of_every_corpus() {
    let corpora = root().join("tests/corpora");
    let mut dirs: Vec<PathBuf> = Vec::new();
    for e in std::fs::read_dir(&corpora).unwrap() {
        let p = e.unwrap().path();
        match p.file_name().and_then(|n| n.to_str()) {
            Some("broken") => {}
            Some("rules") => dirs.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path())),
            _ => dirs.push(p),
        }
    }
    dirs.sort();
    assert!(dirs.len() >= 30, "{dirs:?}");
    for dir in dirs {
        let name = dir.strip_prefix(&corpora).unwrap().to_string_lossy().replace('/', "__");
        let (code, out, err) = run(&dir, &["report", "--all"]);
        assert_eq!((code, err.as_str()), (0, ""), "{name}");
        insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("report", out);
        });
    }
}
