//! The claims of one question compared by the rules of its kind.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use super::{finding_id, fingerprint, Finding, FindingKind, Reason};
use crate::model::*;
use crate::time::Interval;

/// The claims of one question, compared.
pub(super) struct Question<'a> {
    pub corpus: &'a Corpus,
    pub property: &'a Property,
    pub committed: Vec<&'a Claim>,
    pub context: Vec<&'a Claim>,
    pub out: Vec<Finding>,
}

impl<'a> Question<'a> {
    fn voices(&self, claims: &[&Claim]) -> usize {
        claims
            .iter()
            .filter_map(|c| self.corpus.source(&c.source))
            .map(Source::voice)
            .collect::<BTreeSet<_>>()
            .len()
    }

    fn push(&mut self, kind: FindingKind, reason: Option<Reason>, claims: Vec<&Claim>, summary: String) {
        let mut claims = claims;
        claims.sort_by(|a, b| (a.as_of.sort_key(), &a.id).cmp(&(b.as_of.sort_key(), &b.id)));
        claims.dedup_by(|a, b| a.id == b.id);
        let p = self.property;
        let ids: Vec<String> = claims.iter().map(|c| c.id.clone()).collect();
        let mut sources: Vec<String> = claims.iter().map(|c| c.source.clone()).collect();
        sources.sort();
        sources.dedup();
        let context: Vec<String> = self.context.iter().map(|c| c.id.clone()).collect();
        let mut all: Vec<&Claim> = claims.clone();
        all.extend(self.context.iter().copied());
        self.out.push(Finding {
            id: finding_id(kind, &p.key(), reason, &ids),
            kind,
            subject: p.subject.clone(),
            property: p.property.clone(),
            question: p.question.clone(),
            reason,
            summary,
            independent_voices: self.voices(&claims),
            claims: ids,
            context,
            sources,
            agreed_interval: None,
            fingerprint: fingerprint(&all),
        });
    }

    pub fn compare(&mut self) {
        if self.committed.is_empty() {
            let claims = self.context.clone();
            let summary = format!(
                "Only {} claims answer this: {}.",
                self.context
                    .iter()
                    .map(|c| c.modality.name())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect::<Vec<_>>()
                    .join(" or "),
                self.context.iter().map(|c| describe(c)).collect::<Vec<_>>().join("; ")
            );
            self.context.clear();
            self.push(FindingKind::SingleSource, None, claims, summary);
            return;
        }
        let before = self.out.len();
        match self.property.kind {
            Kind::State => self.states(),
            Kind::EventDate => self.dates(),
            Kind::Quantity => self.quantities(),
            Kind::Fact => self.facts(),
            Kind::Assessment => self.framings(),
        }
        let found_problem = self.out[before..].iter().any(|f| {
            matches!(
                f.kind,
                FindingKind::Conflict | FindingKind::Framing | FindingKind::Internal
            )
        });
        let voices = self.voices(&self.committed);
        if voices == 1 && !found_problem {
            // One voice: whatever it says, it is a single-source assertion.
            self.out.truncate(before);
            let claims = self.committed.clone();
            let src = &claims[0].source;
            let unit = self.property.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
            let summary = format!(
                "Only {src} answers this: {}.",
                claims
                    .iter()
                    .map(|c| format!("{}{unit} (as of {})", value_text(c), when(c)))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            self.push(FindingKind::SingleSource, None, claims, summary);
        }
    }

    /// Pairs of committed claims, each pair once, in id order.
    fn pairs(&self) -> Vec<(&'a Claim, &'a Claim)> {
        let mut out = Vec::new();
        for (i, a) in self.committed.iter().enumerate() {
            for b in &self.committed[i + 1..] {
                out.push((*a, *b));
            }
        }
        out
    }

    /// A pair inside one source from one speaker is an internal problem;
    /// otherwise a conflict between voices (or speakers).
    fn conflict_kind(a: &Claim, b: &Claim) -> FindingKind {
        if a.source == b.source && a.said_by == b.said_by {
            FindingKind::Internal
        } else {
            FindingKind::Conflict
        }
    }

    fn states(&mut self) {
        // Conflicting pairs grouped by (kind, reason, the two values).
        let mut groups: BTreeMap<ConflictKey, Vec<ExplainedPair>> = BTreeMap::new();
        let mut changes = Vec::new();
        for (a, b) in self.pairs() {
            let (Value::State(va), Value::State(vb)) = (&a.value, &b.value) else {
                continue;
            };
            if va == vb {
                continue;
            }
            let (da, db) = (definite(a), definite(b));
            let overlap = match (da, db) {
                (Some(x), Some(y)) => x.intersect(&y).is_some(),
                _ => false,
            } || (a.as_of.is_day() && a.as_of == b.as_of)
                || (a.as_of.is_day() && db.is_some_and(|d| d.intersect(&a.as_of).is_some()))
                || (b.as_of.is_day() && da.is_some_and(|d| d.intersect(&b.as_of).is_some()));
            let (first, second) = if precedes(a, b) {
                (a, b)
            } else if precedes(b, a) {
                (b, a)
            } else if overlap {
                (a, b)
            } else {
                continue;
            };
            let (v1, v2) = (state(first), state(second));
            if overlap {
                let why = format!(
                    "{} says {} and {} says {} for the same time",
                    who(first),
                    when_state(first),
                    who(second),
                    when_state(second)
                );
                let key = (
                    Self::conflict_kind(a, b),
                    Reason::State,
                    v1.min(v2).to_string(),
                    v1.max(v2).to_string(),
                );
                groups.entry(key).or_default().push((first, second, why));
            } else if !self.property.allows(v1, v2) {
                let why = format!(
                    "{} says {}; {} says {}; {v1} -> {v2} is not allowed",
                    who(first),
                    when_state(first),
                    who(second),
                    when_state(second)
                );
                let key = (
                    Self::conflict_kind(a, b),
                    Reason::Transition,
                    v1.to_string(),
                    v2.to_string(),
                );
                groups.entry(key).or_default().push((first, second, why));
            } else {
                changes.push((first, second));
            }
        }
        let conflicted: BTreeSet<&str> = groups
            .values()
            .flatten()
            .flat_map(|(a, b, _)| [a.id.as_str(), b.id.as_str()])
            .collect();
        for ((kind, reason, _, _), pairs) in groups {
            let mut claims: Vec<&Claim> = pairs.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
            claims.sort_by_key(|c| &c.id);
            claims.dedup_by_key(|c| &c.id);
            let more = if pairs.len() > 1 {
                format!(" ({} pairs of claims disagree this way)", pairs.len())
            } else {
                String::new()
            };
            let summary = format!("{}{more}.", representative(&pairs).2);
            self.push(kind, Some(reason), claims, summary);
        }
        // The consistent timeline: values in time order, when they changed.
        let timeline: Vec<&Claim> = self
            .committed
            .iter()
            .copied()
            .filter(|c| !conflicted.contains(c.id.as_str()))
            .collect();
        let values: BTreeSet<&str> = timeline.iter().map(|c| state(c)).collect();
        if !changes.is_empty() && values.len() > 1 {
            let mut sorted = timeline.clone();
            sorted.sort_by_key(|c| {
                (
                    definite(c).and_then(|d| d.start).unwrap_or(c.as_of.sort_key().0),
                    c.as_of.sort_key(),
                )
            });
            let steps: Vec<String> = sorted
                .iter()
                .map(|c| format!("{} {}", state(c), when_short(c)))
                .collect();
            let summary = format!(
                "The state changed over time, by allowed steps: {}.",
                steps.join(", then ")
            );
            self.push(FindingKind::Change, None, sorted, summary);
        } else if values.len() == 1 && self.voices(&timeline) >= 2 {
            let v = values.into_iter().next().unwrap_or_default().to_string();
            let n = self.voices(&timeline);
            let mut sorted = timeline.clone();
            sorted.sort_by_key(|c| (c.as_of.sort_key(), c.id.clone()));
            let times: Vec<String> = sorted.iter().map(|c| when_short(c)).collect();
            let summary = format!("{n} independent voices say {v}: {}.", times.join("; "));
            self.push(FindingKind::Agreement, None, sorted, summary);
        }
    }

    fn dates(&mut self) {
        let date = |c: &Claim| match &c.value {
            Value::Date(t) => t.resolved.interval,
            _ => unreachable!("event-date claims carry dates"),
        };
        let mut bad = Vec::new();
        for (a, b) in self.pairs() {
            if date(a).intersect(&date(b)).is_none() {
                bad.push((a, b));
            }
        }
        if !bad.is_empty() {
            let mut by_kind: BTreeMap<FindingKind, Vec<(&Claim, &Claim)>> = BTreeMap::new();
            for (a, b) in bad {
                by_kind.entry(Self::conflict_kind(a, b)).or_default().push((a, b));
            }
            for (kind, pairs) in by_kind {
                let (a, b) = pairs[0];
                let summary = format!(
                    "{} dates it {} (\"{}\") and {} dates it {} (\"{}\"): the two do not overlap.",
                    who(a),
                    date(a).human(),
                    value_text(a),
                    who(b),
                    date(b).human(),
                    value_text(b)
                );
                let claims = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
                self.push(kind, Some(Reason::Date), claims, summary);
            }
            return;
        }
        // Pairwise overlapping intervals on a line share a common span.
        let shared = self
            .committed
            .iter()
            .skip(1)
            .try_fold(date(self.committed[0]), |acc, c| acc.intersect(&date(c)));
        let n = self.voices(&self.committed);
        if n >= 2 {
            let readings: Vec<String> = self
                .committed
                .iter()
                .map(|c| format!("\"{}\" ({})", value_text(c), c.source))
                .collect();
            let summary = format!(
                "{n} independent voices agree on {}: {}.",
                shared.map(|s| s.human()).unwrap_or_default(),
                readings.join(", ")
            );
            let claims = self.committed.clone();
            self.push(FindingKind::Agreement, None, claims, summary);
            if let Some(f) = self.out.last_mut() {
                f.agreed_interval = shared;
            }
        }
    }

    fn quantities(&mut self) {
        let tol = self.property.tolerance;
        let unit = self.property.unit.clone().unwrap_or_default();
        let range = |c: &Claim| match &c.value {
            Value::Quantity(f) => f.interval(tol),
            _ => unreachable!("quantity claims carry quantities"),
        };
        let mut conflicts: BTreeMap<FindingKind, Vec<(&Claim, &Claim)>> = BTreeMap::new();
        let mut agree: Vec<&Claim> = Vec::new();
        for (a, b) in self.pairs() {
            if a.as_of.intersect(&b.as_of).is_none() {
                continue;
            }
            let ((a1, a2), (b1, b2)) = (range(a), range(b));
            if a2 < b1 || b2 < a1 {
                conflicts.entry(Self::conflict_kind(a, b)).or_default().push((a, b));
            } else if a.source != b.source {
                agree.extend([a, b]);
            }
        }
        for (kind, pairs) in conflicts {
            let (a, b) = pairs[0];
            let summary = format!(
                "For {}, {} says {} {unit} and {} says {} {unit}: the figures cannot both hold.",
                a.as_of.intersect(&b.as_of).map(|i| i.human()).unwrap_or_default(),
                who(a),
                quantity(a),
                who(b),
                quantity(b)
            );
            let claims = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
            self.push(kind, Some(Reason::Number), claims, summary);
        }
        // A series over time: a monotonic quantity must not go the wrong way.
        let mut series = self.committed.clone();
        series.sort_by_key(|c| (c.as_of.sort_key(), c.id.clone()));
        if let Some(dir) = self.property.monotonic {
            for (i, a) in series.iter().enumerate() {
                for b in &series[i + 1..] {
                    if !a.as_of.before(&b.as_of) {
                        continue;
                    }
                    let ((a1, a2), (b1, b2)) = (range(a), range(b));
                    let wrong = match dir {
                        Monotonic::Increasing => b2 < a1,
                        Monotonic::Decreasing => b1 > a2,
                    };
                    if wrong {
                        let summary = format!(
                            "This quantity only {}, but {} says {} {unit} as of {} and {} says {} {unit} as of {}.",
                            if dir == Monotonic::Increasing { "rises" } else { "falls" },
                            who(a),
                            quantity(a),
                            when(a),
                            who(b),
                            quantity(b),
                            when(b)
                        );
                        self.push(Self::conflict_kind(a, b), Some(Reason::Number), vec![a, b], summary);
                    }
                }
            }
        }
        let moments: BTreeSet<String> = series.iter().map(|c| c.as_of.to_string()).collect();
        if moments.len() > 1 && self.voices(&series) > 1 {
            let steps: Vec<String> = series
                .iter()
                .map(|c| format!("{} {unit} ({}, {})", quantity(c), when(c), who(c)))
                .collect();
            let summary = format!("A series over time, not a contradiction: {}.", steps.join("; "));
            self.push(FindingKind::Change, None, series, summary);
        }
        agree.sort_by_key(|c| &c.id);
        agree.dedup_by_key(|c| &c.id);
        if self.voices(&agree) >= 2 {
            let n = self.voices(&agree);
            let readings: Vec<String> = agree.iter().map(|c| format!("{} ({})", quantity(c), who(c))).collect();
            let summary = format!(
                "{n} independent voices give compatible figures for the same time: {}.",
                readings.join(", ")
            );
            self.push(FindingKind::Agreement, None, agree, summary);
        }
    }

    fn facts(&mut self) {
        let happened = |c: &Claim| matches!(c.value, Value::Fact(true));
        let mut bad: BTreeMap<FindingKind, Vec<(&Claim, &Claim)>> = BTreeMap::new();
        for (a, b) in self.pairs() {
            if happened(a) == happened(b) {
                continue;
            }
            let (yes, no) = if happened(a) { (a, b) } else { (b, a) };
            // It happened by the end of `when` (or of the claim's as-of time);
            // the other says it had not happened as of its own time.
            let by = yes.since.as_ref().map(|s| s.resolved.interval).unwrap_or(yes.as_of);
            let contradicts = match (by.end.or(by.start), no.as_of.start) {
                (Some(done), Some(not_yet)) => not_yet >= done,
                _ => by.intersect(&no.as_of).is_some(),
            };
            if contradicts {
                bad.entry(Self::conflict_kind(a, b)).or_default().push((yes, no));
            }
        }
        if !bad.is_empty() {
            for (kind, mut pairs) in bad {
                // Explain with the best-dated pair.
                pairs.sort_by_key(|(y, n)| (y.since.is_none(), !n.as_of.is_day(), y.id.clone(), n.id.clone()));
                let (yes, no) = pairs[0];
                let summary = format!(
                    "{} says it happened{} (as of {}); {} says it had not happened as of {}.",
                    who(yes),
                    yes.since
                        .as_ref()
                        .map(|s| format!(" on {} (\"{}\")", s.resolved.interval.human(), s.text))
                        .unwrap_or_default(),
                    yes.as_of.as_of_words(),
                    who(no),
                    no.as_of.as_of_words()
                );
                let claims = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
                self.push(kind, Some(Reason::Polarity), claims, summary);
            }
            return;
        }
        let values: BTreeSet<bool> = self.committed.iter().map(|c| happened(c)).collect();
        let n = self.voices(&self.committed);
        if values.len() == 1 && n >= 2 {
            let v = if happened(self.committed[0]) { "yes" } else { "no" };
            let claims = self.committed.clone();
            self.push(
                FindingKind::Agreement,
                None,
                claims,
                format!("{n} independent voices say {v}."),
            );
        } else if values.len() == 2 {
            let claims = self.committed.clone();
            self.push(
                FindingKind::Change,
                None,
                claims,
                "It had not happened as of the earlier claims and had happened by the later ones.".into(),
            );
        }
    }

    fn framings(&mut self) {
        let mut by_value: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
        for c in &self.committed {
            if let Value::Framing(v) = &c.value {
                by_value.entry(v.as_str()).or_default().push(c);
            }
        }
        let n = self.voices(&self.committed);
        if by_value.len() > 1 {
            let parts: Vec<String> = by_value
                .iter()
                .map(|(v, cs)| {
                    let who: BTreeSet<String> = cs.iter().map(|c| who(c)).collect();
                    format!("{v} ({})", who.into_iter().collect::<Vec<_>>().join(", "))
                })
                .collect();
            let claims = self.committed.clone();
            self.push(
                FindingKind::Framing,
                Some(Reason::Framing),
                claims,
                format!("The sources frame this differently: {}.", parts.join(" vs ")),
            );
        } else if n >= 2 {
            let v = by_value.keys().next().copied().unwrap_or_default().to_string();
            let claims = self.committed.clone();
            self.push(
                FindingKind::Agreement,
                None,
                claims,
                format!("{n} independent voices frame it as {v}."),
            );
        }
    }
}

/// Conflicting state pairs are grouped by kind, reason and the two values.
type ConflictKey = (FindingKind, Reason, String, String);
/// Two claims that disagree, first in time first, and why.
type ExplainedPair<'a> = (&'a Claim, &'a Claim, String);

/// The span in which a state claim definitely asserts its value: from the
/// latest day its `since` allows to the first day of its as-of time.
fn definite(c: &Claim) -> Option<Interval> {
    let since = c.since.as_ref()?.resolved.interval;
    let lo = since.end.or(since.start)?;
    let hi = c.as_of.start.or(c.as_of.end)?;
    (lo <= hi).then(|| Interval::new(lo, hi))
}

/// Whether every moment `a` speaks of comes before every moment `b` does.
fn precedes(a: &Claim, b: &Claim) -> bool {
    let a_end = a.as_of.end;
    let b_start: Option<Date> = definite(b).and_then(|d| d.start).or(b.as_of.start);
    matches!((a_end, b_start), (Some(e), Some(s)) if e < s)
}

fn state(c: &Claim) -> &str {
    match &c.value {
        Value::State(s) => s,
        _ => "",
    }
}

/// "001-moscow-times" or "002-trim (Dmitry Peskov)".
fn who(c: &Claim) -> String {
    match &c.said_by {
        Some(s) => format!("{} ({s})", c.source),
        None => c.source.clone(),
    }
}

fn when_state(c: &Claim) -> String {
    let since = c
        .since
        .as_ref()
        .map(|s| format!(" since {}", s.text))
        .unwrap_or_default();
    format!("{}{since} (as of {})", state(c), c.as_of.as_of_words())
}

/// The pair that best explains a conflict: one with a stated start, then
/// one whose other side is dated to the day, then by id.
fn representative<'p, 'c>(pairs: &'p [(&'c Claim, &'c Claim, String)]) -> &'p (&'c Claim, &'c Claim, String) {
    pairs
        .iter()
        .min_by_key(|(a, b, _)| {
            (
                a.since.is_none() && b.since.is_none(),
                !(a.as_of.is_day() && b.as_of.is_day()),
                b.as_of.sort_key(),
                &a.id,
                &b.id,
            )
        })
        .expect("a conflict has a pair")
}

fn when_short(c: &Claim) -> String {
    match &c.since {
        Some(s) => format!("since {} (as of {}, {})", s.text, c.as_of.as_of_words(), c.source),
        None => format!("as of {} ({})", c.as_of.as_of_words(), c.source),
    }
}

/// A date value as the article wrote it, with its reading where the words
/// alone do not say it: "last month (2025-05-01 to 2025-05-31)".
fn value_text(c: &Claim) -> String {
    match &c.value {
        Value::Date(t) if t.resolved.relative => format!("{} = {}", t.text, t.resolved.interval.human()),
        Value::Date(t) => t.text.clone(),
        v => v.to_string(),
    }
}

fn quantity(c: &Claim) -> String {
    match &c.value {
        Value::Quantity(f) => f.to_string(),
        v => v.to_string(),
    }
}

/// The claim's time as the editor wrote it, else its interval in words.
pub(super) fn when(c: &Claim) -> String {
    c.as_of_text.clone().unwrap_or_else(|| c.as_of.as_of_words())
}

fn describe(c: &Claim) -> String {
    format!("{} says {} ({})", who(c), c.value, c.modality.name())
}
