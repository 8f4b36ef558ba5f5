//! Sources that share long passages: likely copies of one story.

use std::collections::BTreeSet;

use super::{fnv, PossibleCopy};
use crate::model::*;

/// Sources sharing long passages (8-word shingles): undeclared copies.
pub(super) fn possible_copies(corpus: &Corpus) -> Vec<PossibleCopy> {
    let shingles = |s: &Source| -> BTreeSet<u64> {
        let words: Vec<String> = s
            .folded
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words.windows(8).map(|w| fnv(w.join(" ").as_bytes())).collect()
    };
    let sets: Vec<(&Source, BTreeSet<u64>)> = corpus.sources.iter().map(|s| (s, shingles(s))).collect();
    let mut out = Vec::new();
    for (i, (a, sa)) in sets.iter().enumerate() {
        for (b, sb) in &sets[i + 1..] {
            if a.voice() == b.voice() || sa.is_empty() || sb.is_empty() {
                continue;
            }
            let shared = sa.intersection(sb).count();
            let overlap = shared as f64 / sa.len().min(sb.len()) as f64;
            if overlap >= 0.3 {
                let mut pair = [a.id.clone(), b.id.clone()];
                pair.sort();
                out.push(PossibleCopy {
                    sources: pair,
                    overlap: (overlap * 100.0).round() / 100.0,
                });
            }
        }
    }
    out.sort_by(|a, b| a.sources.cmp(&b.sources));
    out
}
