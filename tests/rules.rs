//! Each comparison rule, pinned both ways on a purpose-made corpus under
//! `tests/corpora/rules/<case>/`. The case's `expect.toml` lists findings
//! that must appear (`[[finding]]`, `count` of them if given), findings that
//! must not (`[[absent]]`), likely copies (`[[copy]]`), similar questions
//! (`[[similar]]`) and questions that must not be suggested as one
//! (`[[not_similar]]`). A finding matches on `kind`, `property`, `reason`,
//! `voices`, `claims`, `context`, `agreed`, `suspects` and words of its
//! `summary`.

use std::path::PathBuf;

use claimcheck::compare::{analyse, Finding};

fn matches(f: &Finding, want: &toml::Table) -> bool {
    let s = |k: &str| want.get(k).and_then(|v| v.as_str());
    let list = |k: &str| {
        want.get(k).and_then(|v| v.as_array()).map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect::<Vec<_>>()
        })
    };
    s("kind").is_none_or(|k| f.kind.name() == k)
        && s("property").is_none_or(|p| format!("{}/{}", f.subject, f.property) == p)
        // The reason as the JSON report names it ("same-event").
        && s("reason").is_none_or(|r| {
            f.reason
                .and_then(|x| serde_json::to_value(x).ok())
                .is_some_and(|v| v.as_str() == Some(r))
        })
        && want
            .get("voices")
            .and_then(|v| v.as_integer())
            .is_none_or(|n| f.independent_voices as i64 == n)
        && list("claims").is_none_or(|c| {
            let mut a = c.clone();
            let mut b = f.claims.clone();
            a.sort();
            b.sort();
            a == b
        })
        && list("context").is_none_or(|c| c == f.context)
        && s("agreed").is_none_or(|a| f.agreed_interval.map(|i| i.to_string()) == Some(a.to_string()))
        && s("summary").is_none_or(|t| f.summary.contains(t))
        && list("suspects").is_none_or(|c| c == f.suspects)
}

#[test]
fn every_rule_holds_on_its_corpus() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpora/rules");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 20);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let loaded = claimcheck::corpus::load::load(case);
        assert!(
            loaded.diagnostics.is_empty(),
            "{name}: the corpus must be clean: {:?}",
            loaded.diagnostics
        );
        let analysis = analyse(&loaded.corpus);
        let expect: toml::Table = toml::from_str(&std::fs::read_to_string(case.join("expect.toml")).unwrap()).unwrap();
        let tables = |k: &str| -> Vec<toml::Table> {
            expect
                .get(k)
                .and_then(|v| v.as_array())
                .map(|a| a.iter().filter_map(|t| t.as_table().cloned()).collect())
                .unwrap_or_default()
        };
        let found: Vec<String> = analysis
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{} {:?} {}/{} voices={} claims={:?} context={:?} agreed={:?}",
                    f.kind.name(),
                    f.reason,
                    f.subject,
                    f.property,
                    f.independent_voices,
                    f.claims,
                    f.context,
                    f.agreed_interval.map(|i| i.to_string())
                )
            })
            .collect();
        for want in tables("finding") {
            let n = analysis.findings.iter().filter(|f| matches(f, &want)).count();
            let ok = match want.get("count").and_then(|v| v.as_integer()) {
                Some(count) => n as i64 == count,
                None => n > 0,
            };
            if !ok {
                failures.push(format!("{name}: expected {want:?}\n  found: {found:#?}"));
            }
        }
        for not in tables("not_similar") {
            let want: Vec<&str> = not["properties"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            if let Some(p) = analysis
                .similar_questions
                .iter()
                .find(|p| p.properties.iter().map(String::as_str).eq(want.iter().copied()))
            {
                failures.push(format!("{name}: must not suggest merging {want:?} ({})", p.similarity));
            }
        }
        for not in tables("absent") {
            if let Some(f) = analysis.findings.iter().find(|f| matches(f, &not)) {
                failures.push(format!("{name}: must not find {not:?}, found {} {}", f.id, f.summary));
            }
        }
        for copy in tables("copy") {
            let want: Vec<&str> = copy["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            if !analysis
                .possible_copies
                .iter()
                .any(|p| p.sources.iter().map(String::as_str).eq(want.iter().copied()))
            {
                failures.push(format!(
                    "{name}: expected a possible copy {want:?}, found {:?}",
                    analysis.possible_copies
                ));
            }
        }
        for sim in tables("similar") {
            let want: Vec<&str> = sim["properties"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            if !analysis
                .similar_questions
                .iter()
                .any(|p| p.properties.iter().map(String::as_str).eq(want.iter().copied()))
            {
                failures.push(format!(
                    "{name}: expected similar questions {want:?}, found {:?}",
                    analysis.similar_questions
                ));
            }
        }
        if tables("copy").is_empty() && !analysis.possible_copies.is_empty() {
            failures.push(format!(
                "{name}: unexpected possible copies {:?}",
                analysis.possible_copies
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn finding_ids_are_stable_across_runs() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let a = analyse(&claimcheck::corpus::load::load(&root).corpus);
    let b = analyse(&claimcheck::corpus::load::load(&root).corpus);
    let ids = |x: &claimcheck::compare::Analysis| {
        x.findings
            .iter()
            .map(|f| (f.id.clone(), f.fingerprint.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    let mut unique = ids(&a);
    unique.sort();
    unique.dedup_by(|x, y| x.0 == y.0);
    assert_eq!(unique.len(), a.findings.len(), "finding ids are unique");
}
