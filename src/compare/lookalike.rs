//! Questions that may be one question curated twice.

use std::collections::{BTreeMap, BTreeSet};

use super::SimilarQuestions;
use crate::model::*;

/// Questions whose wording is close: maybe one question curated twice, so
/// that a conflict split across two keys would never be seen.
pub(super) fn similar_questions(corpus: &Corpus) -> Vec<SimilarQuestions> {
    let norm = |p: &Property| -> String {
        let text = format!(
            "{} {} {}",
            p.subject.replace('-', " "),
            p.property.replace('-', " "),
            p.question.to_lowercase()
        );
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !STOP.contains(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut quotes: BTreeMap<String, Vec<(&str, String)>> = BTreeMap::new();
    for c in &corpus.claims {
        quotes
            .entry(c.key())
            .or_default()
            .push((c.source.as_str(), crate::anchor::fold(&c.quote).text.to_lowercase()));
    }
    let mut out = Vec::new();
    for (i, a) in corpus.properties.iter().enumerate() {
        for b in &corpus.properties[i + 1..] {
            if a.kind != b.kind {
                continue;
            }
            let (na, nb) = (norm(a), norm(b));
            // Character bigrams catch rewordings; the word-set overlap catches
            // one question with a word added ("status" / "membership status").
            let words = |s: &str| s.split(' ').map(str::to_string).collect::<BTreeSet<String>>();
            let (wa, wb) = (words(&na), words(&nb));
            let overlap = wa.intersection(&wb).count() as f64 / wa.len().min(wb.len()).max(1) as f64;
            let by_question = strsim::sorensen_dice(&na, &nb).max(if overlap >= 0.9 { overlap } else { 0.0 });
            // Claims from different sources quoting nearly the same words.
            let by_quotes = quotes
                .get(&a.key())
                .into_iter()
                .flatten()
                .flat_map(|qa| quotes.get(&b.key()).into_iter().flatten().map(move |qb| (qa, qb)))
                .filter(|(qa, qb)| qa.0 != qb.0)
                .map(|(qa, qb)| strsim::sorensen_dice(&qa.1, &qb.1))
                .fold(0.0, f64::max);
            let s = by_question.max(by_quotes);
            if by_question >= 0.75 || by_quotes >= 0.8 {
                out.push(SimilarQuestions {
                    properties: [a.key(), b.key()],
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

const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "did", "does", "do", "is", "are", "was", "were", "when", "what", "how",
    "which", "to", "for", "and", "with", "its", "his", "their", "has", "have",
];
