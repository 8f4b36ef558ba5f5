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
/// is enough to suggest them as one. `wa` and `wb` are their [`words`].
fn alike(a: &Property, b: &Property, wa: &BTreeSet<String>, wb: &BTreeSet<String>) -> Option<f64> {
    if matches!(a.kind, Kind::State | Kind::Assessment) {
        let (va, vb): (BTreeSet<&String>, BTreeSet<&String>) = (a.values.iter().collect(), b.values.iter().collect());
        if va.intersection(&vb).count() * 2 < va.len().min(vb.len()) {
            return None;
        }
    }
    alike_words(wa, wb)
}

/// Words that turn a question into its opposite or another of a series
/// ("voted for" / "voted against", "first round" / "second round"): two
/// questions whose wording differs by one of these ask different things,
/// and merging them would merge votes for with votes against.
const POLAR: &[&str] = &[
    "against",
    "oppose",
    "opposed",
    "support",
    "supported",
    "favour",
    "favor",
    "first",
    "second",
    "third",
    "fourth",
    "final",
    "last",
    "before",
    "after",
    "minimum",
    "maximum",
    "lowest",
    "highest",
    "least",
    "most",
    "rise",
    "fall",
    "increase",
    "decrease",
    "gain",
    "loss",
    "won",
    "lost",
    "yes",
    "no",
    "not",
    "never",
    "without",
    "dead",
    "injured",
    "missing",
    "import",
    "imports",
    "export",
    "exports",
];

/// [`alike`] on the questions' words alone.
fn alike_words(wa: &BTreeSet<String>, wb: &BTreeSet<String>) -> Option<f64> {
    let shared = wa.intersection(wb).count();
    if shared == 0 || wa.symmetric_difference(wb).any(|w| POLAR.contains(&w.as_str())) {
        return None;
    }
    let jaccard = shared as f64 / wa.union(wb).count() as f64;
    // The words only one of them has: if they all merely qualify, the two
    // ask the same thing.
    let extra: Vec<&String> = wa.symmetric_difference(wb).collect();
    let only_qualifiers = extra.iter().all(|w| QUALIFIERS.contains(&w.as_str()));
    let subset = wa.is_subset(wb) || wb.is_subset(wa);
    (jaccard >= JACCARD || (subset && only_qualifiers)).then_some(jaccard.max(0.75))
}

/// The share of words two questions must have in common to be near
/// rewordings.
const JACCARD: f64 = 0.8;

/// The pairs of a group (indexes into it) that may be alike, found without
/// comparing every pair (thousands of questions share a subject, kind and
/// unit in a large corpus). Two questions are alike in one of two ways,
/// and each has its block:
/// - one adds only qualifiers to the other: then their words other than
///   qualifiers are the same set, and they share a bucket keyed by it;
/// - near rewordings (shared words at least 0.8 of all): then they share a
///   word among the rarest few of each (prefix filtering: the first
///   `len - ceil(0.8 len) + 1` words in order of rarity), the classic exact
///   filter for set-similarity joins.
fn candidates(words: &[BTreeSet<String>]) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    let mut buckets: BTreeMap<Vec<&str>, Vec<usize>> = BTreeMap::new();
    for (i, w) in words.iter().enumerate() {
        let key: Vec<&str> = w
            .iter()
            .map(String::as_str)
            .filter(|w| !QUALIFIERS.contains(w))
            .collect();
        buckets.entry(key).or_default().push(i);
    }
    for members in buckets.values() {
        for (k, a) in members.iter().enumerate() {
            for b in members.iter().skip(k + 1) {
                out.insert((*a, *b));
            }
        }
    }
    let mut frequency: BTreeMap<&str, usize> = BTreeMap::new();
    for w in words.iter().flatten() {
        *frequency.entry(w.as_str()).or_default() += 1;
    }
    let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, w) in words.iter().enumerate() {
        let mut sorted: Vec<&str> = w.iter().map(String::as_str).collect();
        sorted.sort_by_key(|w| (frequency.get(w).copied().unwrap_or(0), *w));
        let len = sorted.len();
        let prefix = len - (JACCARD * len as f64).ceil() as usize + 1;
        for w in sorted.into_iter().take(prefix) {
            let seen = by_word.entry(w).or_default();
            for j in seen.iter() {
                out.insert((*j, i));
            }
            seen.push(i);
        }
    }
    out
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
        let words: Vec<BTreeSet<String>> = group.iter().map(|p| words(p)).collect();
        for (i, j) in candidates(&words) {
            let (Some(a), Some(b), Some(wa), Some(wb)) = (group.get(i), group.get(j), words.get(i), words.get(j))
            else {
                continue;
            };
            if let Some(s) = alike(a, b, wa, wb) {
                let mut keys = [a.key(), b.key()];
                keys.sort();
                out.push(SimilarQuestions {
                    properties: keys,
                    similarity: (s * 100.0).round() / 100.0,
                });
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Wording that says the opposite, or another of a series, is never
    /// one question: votes for and votes against stay apart.
    #[test]
    fn opposite_wording_is_not_alike() {
        let w =
            |q: &str| -> BTreeSet<String> { q.split(' ').filter(|x| !STOP.contains(x)).map(str::to_string).collect() };
        let pairs = [
            ("how many mps voted for the deal", "how many mps voted against the deal"),
            ("turnout in the first round", "turnout in the second round"),
            ("number of people dead", "number of people injured"),
        ];
        for (a, b) in pairs {
            assert_eq!(alike_words(&w(a), &w(b)), None, "{a} / {b}");
        }
        // A mere qualifier or rewording is still suggested.
        assert!(alike_words(&w("armenia csto status"), &w("armenia csto membership status")).is_some());
        assert!(alike_words(&w("how many mps voted for the deal"), &w("how many mps voted for deal")).is_some());
    }

    /// The blocking misses no pair the full comparison finds: on random
    /// groups of questions over a small vocabulary (qualifiers included),
    /// every alike pair is a candidate.
    #[test]
    fn blocking_misses_no_alike_pair() {
        let vocabulary = [
            "flood",
            "toll",
            "deaths",
            "status",
            "membership",
            "total",
            "region",
            "army",
            "vote",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..200 {
            let size = 2 + next(30);
            let words: Vec<BTreeSet<String>> = (0..size)
                .map(|_| {
                    (0..1 + next(5))
                        .map(|_| vocabulary[next(vocabulary.len() as u64)].to_string())
                        .collect()
                })
                .collect();
            let found = candidates(&words);
            for i in 0..size {
                for j in i + 1..size {
                    if alike_words(&words[i], &words[j]).is_some() {
                        assert!(found.contains(&(i, j)), "missed {:?} ~ {:?}", words[i], words[j]);
                    }
                }
            }
        }
    }
}
