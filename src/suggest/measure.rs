//! How well `suggest` finds what editors curate, measured the way the
//! issue asks: for each source, its claims are taken out of the corpus,
//! `suggest` runs on it with the rest present, and each curated figure or
//! date claim counts as found when a suggestion of its kind has a quote
//! that overlaps its quote and the same value (the same form and figures,
//! or the same days). Used by `tests/suggest.rs` and by
//! `cargo run --release --example suggest_recall -- CORPUS`.

use super::{suggest, Article, Reading};
use crate::corpus::model::{Claim, Corpus, Value};

/// The counts behind recall and the suggestion rate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measure {
    /// Curated figure and date claims.
    pub curated: usize,
    /// Those with a matching suggestion.
    pub found: usize,
    /// Found claims whose question another source also answers.
    pub answerable: usize,
    /// Of those, the ones whose suggestion names the curator's question.
    pub named: usize,
    /// Every curated claim of the measured sources, of any kind.
    pub all_claims: usize,
    /// Suggestions made for them.
    pub suggestions: usize,
    /// Suggestions that are a curated claim (any kind): the quote overlaps
    /// and the value is the same.
    pub curated_suggestions: usize,
    /// The curated claims not found, as `id: value`, for reading.
    pub missed: Vec<String>,
    /// Found claims whose suggestion names another question (or none).
    pub misnamed: Vec<String>,
}

impl Measure {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.curated)
    }
    pub fn question_rate(&self) -> f64 {
        ratio(self.named, self.answerable)
    }
    /// The share of suggestions that are curated claims.
    pub fn precision(&self) -> f64 {
        ratio(self.curated_suggestions, self.suggestions)
    }
    pub fn per_claim(&self) -> f64 {
        ratio(self.suggestions, self.all_claims)
    }
    pub fn add(&mut self, o: Measure) {
        self.curated += o.curated;
        self.found += o.found;
        self.answerable += o.answerable;
        self.named += o.named;
        self.all_claims += o.all_claims;
        self.suggestions += o.suggestions;
        self.curated_suggestions += o.curated_suggestions;
        self.missed.extend(o.missed);
        self.misnamed.extend(o.misnamed);
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Measures every source of `corpus` that has claims.
pub fn measure(corpus: &Corpus) -> Measure {
    let mut total = Measure::default();
    for src in &corpus.sources {
        let own: Vec<&Claim> = corpus
            .claims
            .iter()
            .filter(|c| c.source == src.id && c.retired.is_none())
            .map(|c| &**c)
            .collect();
        if own.is_empty() {
            continue;
        }
        let mut rest = corpus.clone();
        rest.claims.retain(|c| c.source != src.id);
        let list = suggest(&rest, &Article::of(src));
        let mut m = Measure {
            all_claims: own.len(),
            suggestions: list.len(),
            curated_suggestions: list.iter().filter(|s| own.iter().any(|c| is_claim(s, c))).count(),
            ..Measure::default()
        };
        for c in own
            .iter()
            .filter(|c| matches!(c.value, Value::Quantity(_) | Value::Date(_)))
        {
            m.curated += 1;
            let hit = list.iter().find(|s| is_claim(s, c));
            let Some(hit) = hit else {
                m.missed.push(format!("{}: {} ({:?})", c.id, c.value, c.quote));
                continue;
            };
            m.found += 1;
            if rest.claims.iter().any(|o| o.key() == c.key()) {
                m.answerable += 1;
                if hit.question.as_ref().is_some_and(|(k, _)| *k == c.key()) {
                    m.named += 1;
                } else {
                    let got = hit.question.as_ref().map_or("none", |(k, _)| k.as_str());
                    m.misnamed
                        .push(format!("{}: {} named {got} ({})", c.id, c.key(), hit.why.join("; ")));
                }
            }
        }
        total.add(m);
    }
    total
}

/// A suggestion is a curated claim when its quote overlaps the claim's
/// and it gives the same value.
fn is_claim(s: &super::Suggestion, c: &Claim) -> bool {
    s.overlaps(c) && same_value(&s.reading, c)
}

fn same_value(r: &Reading, c: &Claim) -> bool {
    match (r, &c.value) {
        (Reading::Figure(f), Value::Quantity(g)) => f == g,
        (Reading::Date(d), Value::Date(t)) => d.interval == t.resolved.interval,
        (Reading::State(v), Value::State(w)) => v == w,
        (Reading::Fact(v), Value::Fact(w)) => v == w,
        _ => false,
    }
}
