//! Questions that may be one question curated twice, judged on the
//! questions themselves: their subject, kind, unit, allowed values and
//! wording.
//!
//! Shared quotes say nothing here: one sentence often answers two
//! questions ("120 dead and 540 injured"), and merging those would be
//! harmful. Two questions are suggested as one only when they ask about the
//! same subject, with the same kind and unit, and the wording of one adds
//! nothing to the other's that changes what is asked ("status" /
//! "membership status"), or the two are near rewordings. Questions are
//! first grouped by subject, kind and unit, so only questions in one group
//! are ever compared.

use std::collections::{BTreeMap, BTreeSet};

use super::SimilarQuestions;
use crate::corpus::model::*;

/// Words that carry no meaning for telling questions apart.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "did", "does", "do", "is", "are", "was", "were", "when", "what", "how",
    "which", "to", "for", "and", "with", "its", "his", "her", "their", "has", "have", "had", "by", "at", "from", "be",
    "been", "it", "that", "this", "as",
];

/// Words that only qualify what is asked; a question that adds one of these
/// to another asks the same thing.
const QUALIFIERS: &[&str] = &[
    "membership",
    "current",
    "official",
    "overall",
    "total",
    "status",
    "number",
    "many",
];

fn words(p: &Property) -> BTreeSet<String> {
    let subject: BTreeSet<String> = p.subject.split('-').map(str::to_lowercase).collect();
    // The question as worded, not the property's key: keys are ids.
    p.question
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w) && !subject.contains(*w))
        .map(str::to_string)
        .collect()
}

/// How alike two questions of one group are, from 0 to 1, and whether that
/// is enough to suggest them as one.
fn alike(a: &Property, b: &Property) -> Option<f64> {
    if matches!(a.kind, Kind::State | Kind::Assessment) {
        let (va, vb): (BTreeSet<&String>, BTreeSet<&String>) = (a.values.iter().collect(), b.values.iter().collect());
        if va.intersection(&vb).count() * 2 < va.len().min(vb.len()) {
            return None;
        }
    }
    let (wa, wb) = (words(a), words(b));
    let shared = wa.intersection(&wb).count();
    if shared == 0 {
        return None;
    }
    let jaccard = shared as f64 / wa.union(&wb).count() as f64;
    // The words only one of them has: if they all merely qualify, the two
    // ask the same thing.
    let extra: Vec<&String> = wa.symmetric_difference(&wb).collect();
    let only_qualifiers = extra.iter().all(|w| QUALIFIERS.contains(&w.as_str()));
    let subset = wa.is_subset(&wb) || wb.is_subset(&wa);
    (jaccard >= 0.8 || (subset && only_qualifiers)).then_some(jaccard.max(0.75))
}

/// Questions that look like one question curated twice, so that a conflict
/// split across two keys would never be seen.
pub(super) fn similar_questions(corpus: &Corpus) -> Vec<SimilarQuestions> {
    let mut groups: BTreeMap<(&str, &str, Option<&str>), Vec<&Property>> = BTreeMap::new();
    for p in &corpus.properties {
        groups
            .entry((p.subject.as_str(), p.kind.name(), p.unit.as_deref()))
            .or_default()
            .push(p);
    }
    let mut out = Vec::new();
    for group in groups.values() {
        for (i, a) in group.iter().enumerate() {
            for b in group.iter().skip(i + 1) {
                if let Some(s) = alike(a, b) {
                    let mut keys = [a.key(), b.key()];
                    keys.sort();
                    out.push(SimilarQuestions {
                        properties: keys,
                        similarity: (s * 100.0).round() / 100.0,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then_with(|| a.properties.cmp(&b.properties))
    });
    out
}
