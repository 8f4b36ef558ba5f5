//! Invariants of the comparator, checked on every corpus in the repository:
//! the shipped one, the example, and every rules corpus. Findings must never
//! contradict each other, whatever the data.
//!
//! - every asserted (committed) claim is in some finding of its question;
//! - no agreement holds two values that do not overlap;
//! - no claim is both in an agreement and among a conflict's suspects on one question;
//! - shuffling claims, sources and properties gives the same findings and ids;
//! - adding a declared copy of a source changes no voice count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use claimcheck::compare::{analyse, Analysis, FindingKind};
use claimcheck::corpus::model::{Claim, Corpus, Kind, Source, Value};

fn corpora() -> Vec<(String, Corpus)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![
        root.clone(),
        root.join("tests/corpora/example"),
        root.join("tests/corpora/news-ludian-2014"),
    ];
    let mut rules: Vec<PathBuf> = std::fs::read_dir(root.join("tests/corpora/rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    rules.sort();
    dirs.extend(rules);
    dirs.into_iter()
        .map(|d| {
            let loaded = claimcheck::corpus::load::load(&d);
            assert!(
                loaded.diagnostics.is_empty(),
                "{}: {:?}",
                d.display(),
                loaded.diagnostics
            );
            (d.display().to_string(), loaded.corpus)
        })
        .collect()
}

fn key(c: &Claim) -> String {
    format!("{}/{}", c.subject, c.property)
}

#[test]
fn every_asserted_claim_is_in_a_finding() {
    for (name, corpus) in corpora() {
        let a = analyse(&corpus);
        for c in corpus.claims.iter().filter(|c| c.modality.commits()) {
            let found = a.findings.iter().any(|f| {
                // A conflict across the questions of one event names claims of both.
                let of_question = format!("{}/{}", f.subject, f.property) == key(c)
                    || f.reason == Some(claimcheck::compare::Reason::SameEvent);
                of_question && f.claims.contains(&c.id)
            });
            assert!(found, "{name}: claim {} is in no finding", c.id);
        }
    }
}

/// The interval of values a quantity claim allows, with its property's
/// tolerance and, for a figure written in another unit, the precision it
/// was written at ("6 miles" is 5.5 to 6.5 miles).
fn range(corpus: &Corpus, c: &Claim) -> Option<(f64, f64)> {
    let p = corpus.property(&key(c))?;
    let half = c.converted.as_ref().map_or(0.0, |k| k.half);
    match &c.value {
        Value::Quantity(f) => {
            let (lo, hi) = f.interval(p.tolerance);
            Some((lo - half, hi + half))
        }
        _ => None,
    }
}

#[test]
fn no_agreement_holds_values_that_do_not_overlap() {
    for (name, corpus) in corpora() {
        let a = analyse(&corpus);
        let claim = |id: &str| &**corpus.claims.iter().find(|c| c.id == id).unwrap();
        for f in a.findings.iter().filter(|f| f.kind == FindingKind::Agreement) {
            let claims: Vec<&Claim> = f.claims.iter().map(|id| claim(id)).collect();
            for (i, x) in claims.iter().enumerate() {
                for y in &claims[i + 1..] {
                    let ok = match (&x.value, &y.value) {
                        (Value::Quantity(_), Value::Quantity(_)) => {
                            let (rx, ry) = (range(&corpus, x).unwrap(), range(&corpus, y).unwrap());
                            rx.0 <= ry.1 && ry.0 <= rx.1
                        }
                        (Value::Date(dx), Value::Date(dy)) => {
                            dx.resolved.interval.intersect(&dy.resolved.interval).is_some()
                        }
                        (vx, vy) => vx == vy,
                    };
                    assert!(ok, "{name}: agreement {} holds {} and {}", f.id, x.value, y.value);
                }
            }
            assert!(f.agreed.is_some(), "{name}: agreement {} has no agreed value", f.id);
            if claims
                .iter()
                .all(|c| corpus.property(&key(c)).unwrap().kind == Kind::EventDate)
            {
                assert!(f.agreed_interval.is_some(), "{name}: {} has no agreed interval", f.id);
            }
        }
    }
}

#[test]
fn no_suspect_is_in_an_agreement() {
    for (name, corpus) in corpora() {
        let a = analyse(&corpus);
        for f in a.findings.iter().filter(|f| f.kind == FindingKind::Agreement) {
            for g in a
                .findings
                .iter()
                .filter(|g| g.subject == f.subject && g.property == f.property)
            {
                for s in &g.suspects {
                    assert!(
                        !f.claims.contains(s),
                        "{name}: {s} is suspect in {} and agrees in {}",
                        g.id,
                        f.id
                    );
                }
            }
        }
    }
}

#[test]
fn conflicts_name_every_side_and_changes_list_distinct_steps() {
    for (name, corpus) in corpora() {
        let a = analyse(&corpus);
        for f in &a.findings {
            if matches!(f.kind, FindingKind::Conflict | FindingKind::CloserLook)
                && f.reason != Some(claimcheck::compare::Reason::Framing)
            {
                assert!(f.sides.len() >= 2, "{name}: {} has {} side(s)", f.id, f.sides.len());
                // Every side's claims are the finding's; the finding's other
                // claims are its question's rest, which holds together (one
                // finding kind per question), and none of them is a suspect.
                let in_sides: BTreeSet<&String> = f.sides.iter().flat_map(|s| &s.claims).collect();
                let claims: BTreeSet<&String> = f.claims.iter().collect();
                assert!(
                    in_sides.is_subset(&claims),
                    "{name}: {} names a side's claim it does not list",
                    f.id
                );
                for c in claims.difference(&in_sides) {
                    assert!(
                        !f.suspects.contains(c),
                        "{name}: {} sets aside {c} outside its sides",
                        f.id
                    );
                }
            }
        }
        // One conflict per question and reason at most is not required, but
        // one per connected disagreement is: no claim is in two conflicts.
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for f in a.findings.iter().filter(|f| f.kind == FindingKind::Conflict) {
            for c in &f.claims {
                if let Some(other) = seen.insert(c, &f.id) {
                    panic!("{name}: {c} is in two conflicts, {other} and {}", f.id);
                }
            }
        }
    }
}

/// The findings as text, for comparing runs.
fn render(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).unwrap()
}

/// A fixed permutation (no randomness in tests): reverse, then rotate.
fn shuffle<T>(v: &mut [T]) {
    v.reverse();
    let n = v.len();
    if n > 2 {
        v.rotate_left(n / 3);
    }
}

#[test]
fn order_of_claims_and_files_does_not_matter() {
    for (name, corpus) in corpora() {
        let before = render(&analyse(&corpus));
        let mut c = corpus.clone();
        shuffle(&mut c.claims);
        shuffle(&mut c.sources);
        shuffle(&mut c.properties);
        assert_eq!(before, render(&analyse(&c)), "{name}: order changed the findings");
    }
}

#[test]
fn a_declared_copy_adds_no_voice() {
    for (name, corpus) in corpora() {
        let before = analyse(&corpus);
        let Some(original) = corpus.sources.first() else {
            continue;
        };
        let mut c = corpus.clone();
        // A copy declared by the original's id: one voice with it (the
        // loader resolves `syndicated_from` to the original's voice).
        let copy = Source {
            id: format!("{}-copy", original.id),
            syndicated_from: Some(original.id.clone()),
            outlet: "Another Paper".into(),
            ..original.clone()
        };
        let loaded_voice = {
            let mut l = c.clone();
            l.sources.push(copy.clone());
            l.sources.iter().find(|s| s.id == original.id).unwrap().voice.clone()
        };
        c.sources.push(Source {
            voice: loaded_voice,
            ..copy.clone()
        });
        let copies: Vec<Box<Claim>> = corpus
            .claims
            .iter()
            .filter(|x| x.source == original.id)
            .map(|x| {
                Box::new(Claim {
                    id: format!("{}-copy", x.id),
                    source: copy.id.clone(),
                    ..(**x).clone()
                })
            })
            .collect();
        c.claims.extend(copies);
        c.claims.sort_by(|a, b| a.id.cmp(&b.id));
        c.sources.sort_by(|a, b| a.id.cmp(&b.id));
        let after = analyse(&c);
        let voices = |a: &Analysis| {
            let mut v: BTreeMap<(String, String, FindingKind), usize> = BTreeMap::new();
            for f in &a.findings {
                let e = v.entry((f.subject.clone(), f.property.clone(), f.kind)).or_default();
                *e = (*e).max(f.independent_voices);
            }
            v
        };
        assert_eq!(
            voices(&before),
            voices(&after),
            "{name}: a declared copy changed voice counts"
        );
        assert!(
            !after
                .possible_copies
                .iter()
                .any(|p| p.sources.contains(&copy.id) && p.sources.contains(&original.id)),
            "{name}: a declared copy is reported as an undeclared copy of its original"
        );
    }
}
