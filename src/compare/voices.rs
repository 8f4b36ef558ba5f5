//! Independent voices: copies of one story count once.
//!
//! A source's voice is resolved when the corpus is loaded (its outlet, or
//! the outlet of the story it declares it copies). In the consistency check
//! each claim weighs one voice divided among the claims of that voice that
//! give the same value, so a story syndicated to five papers weighs as much
//! as one paper, never five.

use std::collections::{BTreeMap, BTreeSet};

use crate::corpus::model::{Claim, Corpus};

/// The number of distinct voices among the claims' sources.
pub fn count(corpus: &Corpus, claims: &[&Claim]) -> usize {
    claims
        .iter()
        .filter(|c| c.via.is_some() || corpus.source(&c.source).is_some())
        .map(|c| of(corpus, c))
        .collect::<BTreeSet<_>>()
        .len()
}

/// The voice of a claim: the wire it names (`via`), or its source's.
pub fn of<'a>(corpus: &'a Corpus, c: &'a Claim) -> &'a str {
    match &c.via {
        Some(v) => v.as_str(),
        None => corpus.source(&c.source).map_or("", |s| s.voice.as_str()),
    }
}

/// Each claim's weight in the consistency check: one voice, shared among
/// the claims of that voice with the same value (`key`).
pub fn weights(corpus: &Corpus, claims: &[&Claim], key: impl Fn(&Claim) -> String) -> Vec<f64> {
    let keys: Vec<(&str, String)> = claims.iter().map(|c| (of(corpus, c), key(c))).collect();
    let mut counts: BTreeMap<&(&str, String), usize> = BTreeMap::new();
    for k in &keys {
        *counts.entry(k).or_default() += 1;
    }
    keys.iter()
        .map(|k| 1.0 / counts.get(k).copied().unwrap_or(1).max(1) as f64)
        .collect()
}

/// "001-moscow-times" or "002-trim (Dmitry Peskov)".
pub fn who(c: &Claim) -> String {
    match &c.said_by {
        Some(s) => format!("{} ({s})", c.source),
        None => c.source.clone(),
    }
}
