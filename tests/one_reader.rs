//! One reader: a claim's `value` (for dates), `as_of` and `since` are read
//! exactly as `claimcheck date --published REF --language L --context QUOTE`
//! reads them, on every corpus in the repository. An editor who checks a
//! reading with `date` sees what `check` and the reports use.

mod common;

use std::path::PathBuf;

use claimcheck::corpus::model::{Claim, Corpus, Value};

fn corpora() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.clone(), root.join("tests/corpora/news-ludian-2014")];
    let mut rules: Vec<PathBuf> = std::fs::read_dir(root.join("tests/corpora/rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    rules.sort();
    dirs.extend(rules);
    dirs
}

/// Every time a claim states in words, with the interval it was read as.
fn times(c: &Claim) -> Vec<(String, Option<String>, Option<String>)> {
    let day = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string());
    let mut out = Vec::new();
    if let Value::Date(t) = &c.value {
        let iv = t.resolved.interval;
        out.push((t.text.clone(), day(iv.start), day(iv.end)));
    }
    // A claim under a page update takes the update's time, which the
    // source's own loading reads (tests in src/read/updates.rs).
    if let Some(text) = c.as_of_text.as_ref().filter(|_| !c.under_update) {
        out.push((text.clone(), day(c.as_of.start), day(c.as_of.end)));
    }
    if let Some(since) = &c.since {
        let iv = since.resolved.interval;
        out.push((since.text.clone(), day(iv.start), day(iv.end)));
    }
    out
}

fn check_corpus(dir: &std::path::Path, corpus: &Corpus) -> (usize, Vec<String>) {
    let mut compared = 0;
    let mut differ = Vec::new();
    for c in &corpus.claims {
        let Some(source) = corpus.source(&c.source) else {
            continue;
        };
        // `date --published` takes a day: a source dated by a bound reads
        // only absolute expressions, the same way in both. A passage under
        // an update stamp of a later day counts from that day.
        let Some(reference) = source.reference_date_at(&c.quote).or(source.reference_date()) else {
            continue;
        };
        let reference = reference.to_string();
        for (text, start, end) in times(c) {
            // An expression counted from a date the article names before it
            // ("the following day") is read, as the claim reads it, in the
            // article's text up to the quote and the quote.
            let context = match claimcheck::read::time::anchored_in_any_language(&text) {
                Some(_) => {
                    let body = source.body();
                    let before = body.find(&c.quote).and_then(|i| body.get(..i)).unwrap_or_default();
                    format!("{before} {}", c.quote)
                }
                None => c.quote.clone(),
            };
            let (code, out, err) = common::run(
                dir,
                &[
                    "date",
                    &text,
                    "--published",
                    &reference,
                    "--language",
                    &source.language,
                    "--context",
                    &context,
                    "--format",
                    "json",
                ],
            );
            let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
            compared += 1;
            let got = (
                json["start"].as_str().map(str::to_string),
                json["end"].as_str().map(str::to_string),
            );
            if code != 0 || got != (start.clone(), end.clone()) {
                differ.push(format!(
                    "{} claim {}: `{text}` is {start:?}..{end:?} in the claim, {got:?} from `date` ({})",
                    dir.display(),
                    c.id,
                    json["rule"]
                ));
            }
        }
    }
    (compared, differ)
}

#[test]
fn claims_and_the_date_command_read_alike() {
    let mut compared = 0;
    let mut differ = Vec::new();
    for dir in corpora() {
        let loaded = claimcheck::corpus::load::load(&dir);
        let (n, d) = check_corpus(&dir, &loaded.corpus);
        compared += n;
        differ.extend(d);
    }
    assert!(
        compared >= 50,
        "only {compared} times compared: were the corpora moved?"
    );
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
