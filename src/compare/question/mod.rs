//! One question, one coherent verdict.
//!
//! The claims of a question are related pairwise by the rules of its kind;
//! the consistency check sets aside the smallest weight of claims that
//! makes the rest consistent; then every finding is read off that one
//! model:
//!
//! - each connected disagreement is one conflict (or an internal finding,
//!   when one source and speaker disagrees with itself), naming every side;
//! - pairs consistent only because their times are imprecise need a
//!   closer look;
//! - the consistent remainder is one agreement (one value, two or more
//!   voices), one single-source assertion (one voice), or one timeline of
//!   distinct values in time order (a change).
//!
//! So every asserted claim is in at least one finding, no agreement holds
//! values that do not overlap, and no suspect claim is in an agreement.

// Reasoned exception to the crate's no-indexing rule: every index here is a
// position in `committed` that this module produced from `0..n`, and every
// list indexed at 0 is non-empty by construction (the remainder, its steps
// and a conflict's members); no input reaches an index unchecked.
#![allow(clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};

use super::consistency::{self, Component, Relation};
use super::framing::{self, Framings};
use super::moment::{by_time, order, order_claims, state_start, time_cmp, Order};
use super::voices::{self, who};
use super::{date, fact, quantity, state};
use super::{finding_id, fingerprint, Finding, FindingKind, Reason, Side, SideStatus};
use crate::corpus::model::*;
use crate::read::time::Interval;

mod conflict;
mod remainder;

use remainder::*;

/// Claims by passage (source and paragraph line), to spot two sources
/// reporting the same update.
pub(super) type Passages<'a> = std::collections::HashMap<
    (&'a str, usize),
    Vec<&'a Claim>,
    std::hash::BuildHasherDefault<crate::corpus::model::IdHasher>,
>;

pub(super) struct Question<'a> {
    pub corpus: &'a Corpus,
    pub property: &'a Property,
    pub committed: Vec<&'a Claim>,
    pub context: Vec<&'a Claim>,
    pub passages: &'a Passages<'a>,
}

impl<'a> Question<'a> {
    pub fn voices(&self, claims: &[&Claim]) -> usize {
        voices::count(self.corpus, claims)
    }

    /// A finding on this question; claims in time order, context attached.
    pub fn finding(&self, kind: FindingKind, reason: Option<Reason>, claims: &[&Claim], summary: String) -> Finding {
        let mut claims = claims.to_vec();
        claims.sort_by(|a, b| by_time(a, b));
        claims.dedup_by(|a, b| a.id == b.id);
        let p = self.property;
        let ids: Vec<String> = claims.iter().map(|c| c.id.clone()).collect();
        let sources: BTreeSet<&str> = claims.iter().map(|c| c.source.as_str()).collect();
        let mut all = claims.clone();
        all.extend(self.context.iter().copied());
        Finding {
            id: finding_id(kind, &p.key(), reason, &ids),
            kind,
            subject: p.subject.clone(),
            property: p.property.clone(),
            question: p.question.clone(),
            reason,
            summary,
            independent_voices: self.voices(&claims),
            claims: ids,
            context: self.context.iter().map(|c| c.id.clone()).collect(),
            sources: sources.into_iter().map(str::to_string).collect(),
            agreed_interval: None,
            agreed: None,
            sides: Vec::new(),
            suspects: Vec::new(),
            fingerprint: fingerprint(&all),
        }
    }

    pub fn compare(&self) -> Vec<Finding> {
        if self.committed.is_empty() {
            return vec![self.context_only()];
        }
        if self.property.kind == Kind::Assessment {
            return self.framings();
        }
        let n = self.committed.len();
        let mut clashes = Vec::new();
        let mut reasons: BTreeMap<(usize, usize), Reason> = BTreeMap::new();
        let mut unclear: Vec<(usize, usize, String)> = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                match self.relate(self.committed[i], self.committed[j]) {
                    Relation::Consistent => {}
                    Relation::Clash(r) => {
                        clashes.push((i, j));
                        reasons.insert((i, j), r);
                    }
                    Relation::Unclear(why) => unclear.push((i, j, why)),
                }
            }
        }
        let weights = voices::weights(self.corpus, &self.committed, |c| self.value_key(c));
        let components = consistency::check(n, &clashes, &weights);
        let mut out = Vec::new();
        let mut set_aside = BTreeSet::new();
        for comp in &components {
            let f = self.conflict(comp, &reasons);
            if f.sides.iter().all(|s| s.status == SideStatus::Undecided) {
                set_aside.extend(comp.members.iter().copied());
            }
            set_aside.extend(comp.suspects.iter().copied());
            set_aside.extend(comp.undecided.iter().copied());
            out.push(f);
        }
        // Claims that hold only through imprecise times are not asserted
        // as a timeline either: the closer look is their finding.
        for (a, b, _) in &unclear {
            set_aside.extend([*a, *b]);
        }
        out.extend(self.closer_looks(&unclear));
        let kept: Vec<&Claim> = (0..n)
            .filter(|i| !set_aside.contains(i))
            .map(|i| self.committed[i])
            .collect();
        if !kept.is_empty() {
            out.push(self.remainder(&kept));
        }
        out
    }

    /// Only hedged or denied claims answer the question.
    /// An assessment's findings: differing framings are one framing
    /// finding; one framing is an agreement or a single source's.
    fn framings(&self) -> Vec<Finding> {
        let v = match framing::compare(&self.committed) {
            Framings::Differ(summary) => {
                return vec![self.finding(FindingKind::Framing, Some(Reason::Framing), &self.committed, summary)]
            }
            Framings::One(v) => v,
        };
        let n = self.voices(&self.committed);
        let mut f = if n >= 2 {
            self.finding(
                FindingKind::Agreement,
                None,
                &self.committed,
                format!("{n} independent voices frame it as {v}."),
            )
        } else {
            let src = self.committed.first().map(|c| c.source.clone()).unwrap_or_default();
            self.finding(
                FindingKind::SingleSource,
                None,
                &self.committed,
                format!("Only {src} answers this: {v}."),
            )
        };
        f.agreed = Some(v);
        vec![f]
    }

    fn context_only(&self) -> Finding {
        let modalities: BTreeSet<&str> = self.context.iter().map(|c| c.modality.name()).collect();
        let summary = format!(
            "Only {} claims answer this: {}.",
            modalities.into_iter().collect::<Vec<_>>().join(" or "),
            self.context
                .iter()
                .map(|c| format!("{} says {} ({})", who(c), c.value, c.modality.name()))
                .collect::<Vec<_>>()
                .join("; ")
        );
        let mut f = self.finding(FindingKind::SingleSource, None, &self.context, summary);
        f.context.clear();
        f
    }

    fn relate(&self, a: &Claim, b: &Claim) -> Relation {
        let p = self.property;
        let rel = match p.kind {
            Kind::State => state::relate(p, a, b),
            Kind::EventDate => date::relate(a, b),
            Kind::Quantity => quantity::relate(p, a, b),
            Kind::Fact => fact::relate(p, a, b),
            Kind::Assessment => Relation::Consistent,
        };
        if p.kind == Kind::Quantity && !matches!(rel, Relation::Clash(_)) {
            if let Some(why) = self.same_update(a, b) {
                return Relation::Unclear(why);
            }
        }
        rel
    }

    /// Two sources that give different figures of a changing count on one
    /// day, in passages that give the same figure of another count, most
    /// likely report the same update: then the two figures should agree.
    fn same_update(&self, a: &Claim, b: &Claim) -> Option<String> {
        let p = self.property;
        if p.fixed || a.source == b.source || order_claims(a, b) != Order::SameDay || a.value == b.value {
            return None;
        }
        let (ra, rb) = (quantity::range(p, a), quantity::range(p, b));
        if !(ra.1 < rb.0 || rb.1 < ra.0) {
            return None;
        }
        let pa = self.passages.get(&(a.source.as_str(), a.anchor.line))?;
        let pb = self.passages.get(&(b.source.as_str(), b.anchor.line))?;
        let key = p.key();
        let mut found: Vec<(String, String)> = pa
            .iter()
            .flat_map(|x| pb.iter().map(move |y| (x, y)))
            .filter(|(x, y)| x.key() == y.key() && x.key() != key && x.value == y.value)
            .filter(|(x, y)| matches!(x.value, Value::Quantity(_)) && x.modality.commits() && y.modality.commits())
            .map(|(x, _)| {
                let unit = self
                    .corpus
                    .property(&x.key())
                    .and_then(|q| q.unit.clone())
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default();
                (x.key(), format!("{}{unit}", x.value))
            })
            .collect();
        found.sort();
        found.dedup();
        let (other, value) = found.into_iter().next()?;
        Some(format!(
            "both give {value} for {other} in the same passage, so they most likely report the same update; \
             the update itself would say which figure it carried"
        ))
    }

    /// How claims with the same value are recognised (sides, weights).
    pub fn value_key(&self, c: &Claim) -> String {
        match &c.value {
            Value::Date(t) => t.resolved.interval.to_string(),
            Value::Fact(true) => "yes".into(),
            Value::Fact(false) => "no".into(),
            v => v.to_string(),
        }
    }

    /// The value as a report shows it ("6.5 magnitude", "withdrawn since mid-2024").
    pub fn value_label(&self, c: &Claim) -> String {
        let unit = self.property.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
        match &c.value {
            Value::Quantity(f) => format!("{f}{unit}"),
            Value::Date(t) if t.resolved.relative => format!("{} (= {})", t.text, t.resolved.interval.human()),
            Value::Date(t) => t.text.clone(),
            Value::State(s) => match &c.since {
                Some(since) => format!("{s} since {}", since.text),
                None => s.clone(),
            },
            Value::Fact(true) => match &c.since {
                Some(w) => format!("yes, {}", w.text),
                None => "yes".into(),
            },
            Value::Fact(false) => "no".into(),
            v => v.to_string(),
        }
    }

    /// A claim in a list: who says it and, for answers that change, when.
    pub fn tag(&self, c: &Claim) -> String {
        if self.property.fixed {
            who(c)
        } else {
            format!("{}, as of {}", who(c), as_of(c))
        }
    }

    /// A claim in a single source's list: the speaker, if any, and when.
    fn own_tag(&self, c: &Claim) -> Option<String> {
        let mut parts: Vec<String> = c.said_by.iter().map(|s| format!("said by {s}")).collect();
        if !self.property.fixed {
            parts.push(format!("as of {}", as_of(c)));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// The claims of each passage, for [`Question::same_update`].
pub(super) fn passages(corpus: &Corpus) -> Passages<'_> {
    let mut out: Passages<'_> = Passages::default();
    for c in &corpus.claims {
        out.entry((c.source.as_str(), c.anchor.line)).or_default().push(c);
    }
    out
}
