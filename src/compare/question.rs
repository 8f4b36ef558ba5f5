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
use super::moment::{by_time, order, order_claims, state_start, time_cmp, Order};
use super::voices::{self, who};
use super::{date, fact, framing, quantity, state};
use super::{finding_id, fingerprint, Finding, FindingKind, Reason, Side, SideStatus};
use crate::corpus::model::*;
use crate::read::time::Interval;

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
            return framing::compare(self);
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

    fn sides(&self, members: &[&Claim], status: impl Fn(&Claim) -> SideStatus) -> Vec<Side> {
        let mut groups: BTreeMap<(SideStatus, String), Vec<&Claim>> = BTreeMap::new();
        for c in members {
            groups.entry((status(c), self.value_key(c))).or_default().push(c);
        }
        let mut sides: Vec<Side> = groups
            .into_iter()
            .map(|((status, _), claims)| {
                let said_by: BTreeSet<String> = claims.iter().filter_map(|c| c.said_by.clone()).collect();
                let sources: BTreeSet<&str> = claims.iter().map(|c| c.source.as_str()).collect();
                let mut sorted = claims.clone();
                sorted.sort_by(|a, b| by_time(a, b));
                Side {
                    value: self.value_label(sorted[0]),
                    claims: sorted.iter().map(|c| c.id.clone()).collect(),
                    sources: sources.into_iter().map(str::to_string).collect(),
                    said_by: said_by.into_iter().collect(),
                    independent_voices: self.voices(&claims),
                    status,
                }
            })
            .collect();
        // Kept sides first, then by weight, then by value.
        sides.sort_by(|a, b| {
            (a.status, std::cmp::Reverse(a.independent_voices), &a.value).cmp(&(
                b.status,
                std::cmp::Reverse(b.independent_voices),
                &b.value,
            ))
        });
        sides
    }

    fn side_text(&self, side: &Side) -> String {
        // A summary names at most this many claims per side; the finding
        // lists them all.
        const SHOWN: usize = 8;
        let mut tags: Vec<String> = Vec::new();
        let mut more = 0usize;
        for c in side.claims.iter().filter_map(|id| self.corpus.claim(id)) {
            let t = self.tag(c);
            if tags.contains(&t) {
                continue;
            }
            if tags.len() == SHOWN {
                more += 1;
            } else {
                tags.push(t);
            }
        }
        if more > 0 {
            tags.push(format!("and {more} more"));
        }
        format!("{} ({})", side.value, tags.join("; "))
    }

    /// One finding for one connected disagreement, naming every side.
    fn conflict(&self, comp: &Component, reasons: &BTreeMap<(usize, usize), Reason>) -> Finding {
        let members: Vec<&Claim> = comp.members.iter().map(|&i| self.committed[i]).collect();
        let mut statuses: std::collections::HashMap<&str, SideStatus> = std::collections::HashMap::new();
        for (list, status) in [
            (&comp.undecided, SideStatus::Undecided),
            (&comp.suspects, SideStatus::Suspect),
        ] {
            statuses.extend(list.iter().map(|&i| (self.committed[i].id.as_str(), status)));
        }
        let status = |c: &Claim| statuses.get(c.id.as_str()).copied().unwrap_or(SideStatus::Kept);
        let sides = self.sides(&members, status);
        let in_comp: BTreeSet<usize> = comp.members.iter().copied().collect();
        let reason = reasons
            .iter()
            .filter(|((a, b), _)| in_comp.contains(a) && in_comp.contains(b))
            .map(|(_, r)| *r)
            .min()
            .unwrap_or(Reason::Number);
        // One voice (a source and its declared copies) and one speaker
        // contradicting itself is an internal problem, not two voices.
        let voice = |c: &Claim| voices::of(self.corpus, c);
        let one_speaker = members
            .iter()
            .all(|c| voice(c) == voice(members[0]) && c.said_by == members[0].said_by);
        let kind = if one_speaker {
            FindingKind::Internal
        } else {
            FindingKind::Conflict
        };
        let lead = self.lead(reason, comp, reasons);
        let authorities = authorities(&sides);
        // Between authorities (two agencies' magnitudes), counting the
        // outlets that cite each says nothing about which measured right:
        // nothing is set aside, and the claims stay out of any agreement.
        let (sides, suspects) = if authorities.is_some() {
            let sides = sides
                .into_iter()
                .map(|s| Side {
                    status: SideStatus::Undecided,
                    ..s
                })
                .collect();
            (sides, Vec::new())
        } else {
            (sides, comp.suspects.clone())
        };
        // The kept sides read as one consistent account (a series, or one
        // value) against each side set aside or undecided.
        let body = match &authorities {
            Some(a) => a.clone(),
            None => {
                let kept: Vec<String> = sides
                    .iter()
                    .filter(|s| s.status == SideStatus::Kept)
                    .map(|s| self.side_text(s))
                    .collect();
                let rest = sides
                    .iter()
                    .filter(|s| s.status != SideStatus::Kept)
                    .map(|s| self.side_text(s));
                (!kept.is_empty())
                    .then(|| kept.join(", "))
                    .into_iter()
                    .chain(rest)
                    .collect::<Vec<_>>()
                    .join(" vs ")
            }
        };
        let weighing = if authorities.is_some() {
            "Each outlet reports its authority's figure: which is right is a question for the authorities' methods (scale, time of measurement), not for how many outlets cite each.".to_string()
        } else {
            weighing(&sides, comp.exact)
        };
        let summary = format!("{lead}: {body}. {weighing}");
        let mut f = self.finding(kind, Some(reason), &members, summary);
        f.suspects = suspects.iter().map(|&i| self.committed[i].id.clone()).collect();
        f.suspects.sort();
        f.sides = sides;
        f
    }

    /// The first words of a conflict, saying which rule it breaks.
    fn lead(&self, reason: Reason, comp: &Component, reasons: &BTreeMap<(usize, usize), Reason>) -> String {
        let p = self.property;
        match reason {
            Reason::Number if p.fixed => "One fixed figure is reported differently".into(),
            Reason::Number => match p.monotonic {
                Some(Monotonic::Increasing) => "This count only rises, but a later report gives less".into(),
                Some(Monotonic::Decreasing) => "This count only falls, but a later report gives more".into(),
                None => "Figures for the same time cannot all hold".into(),
            },
            Reason::Date => "The dates given cannot all be right".into(),
            Reason::State if p.fixed => "This does not change, yet the sources give different answers".into(),
            Reason::State => "Different states for the same time".into(),
            Reason::Transition => {
                let mut steps = BTreeSet::new();
                for ((a, b), r) in reasons {
                    if *r != Reason::Transition || !comp.members.contains(a) || !comp.members.contains(b) {
                        continue;
                    }
                    let (x, y) = (self.committed[*a], self.committed[*b]);
                    let (first, second) = if state::before(x, y) { (x, y) } else { (y, x) };
                    steps.insert(format!("{} -> {}", state::state(first), state::state(second)));
                }
                format!(
                    "In time order these need a change the question does not allow ({})",
                    steps.into_iter().collect::<Vec<_>>().join(", ")
                )
            }
            Reason::Polarity if p.fixed => "Said both to be so and not to be so".into(),
            Reason::Polarity => "Said to have happened, and later not to have happened yet".into(),
            Reason::Framing => "The sources frame this differently".into(),
        }
    }

    /// One finding per group of claims that hold together only because
    /// their times are imprecise.
    fn closer_looks(&self, unclear: &[(usize, usize, String)]) -> Vec<Finding> {
        let n = self.committed.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for (a, b, _) in unclear {
            let (ra, rb) = (root(&mut parent, *a), root(&mut parent, *b));
            parent[ra.max(rb)] = ra.min(rb);
        }
        let mut groups: BTreeMap<usize, (BTreeSet<usize>, BTreeSet<&str>)> = BTreeMap::new();
        for (a, b, why) in unclear {
            let g = groups.entry(root(&mut parent, *a)).or_default();
            g.0.extend([*a, *b]);
            g.1.insert(why.as_str());
        }
        groups
            .into_values()
            .map(|(members, whys)| {
                let claims: Vec<&Claim> = members.iter().map(|&i| self.committed[i]).collect();
                let sides = self.sides(&claims, |_| SideStatus::Undecided);
                let body = sides.iter().map(|s| self.side_text(s)).collect::<Vec<_>>().join(" vs ");
                let why = whys.into_iter().collect::<Vec<_>>().join("; also, ");
                let summary =
                    format!("These can all hold only if their times allow it: {body}. Why it needs a look: {why}.");
                let mut f = self.finding(FindingKind::CloserLook, None, &claims, summary);
                f.sides = sides;
                f
            })
            .collect()
    }

    /// The consistent remainder: one agreement, one single-source
    /// assertion or one timeline of distinct values.
    fn remainder(&self, kept: &[&Claim]) -> Finding {
        let p = self.property;
        let mut kept = kept.to_vec();
        kept.sort_by(|a, b| by_time(a, b));
        let kept = &kept[..];
        let steps = self.steps(kept);
        let voices = self.voices(kept);
        let single = voices == 1;
        let texts: Vec<String> = steps.iter().map(|s| self.step_text(s, single)).collect();
        let mut joined = texts.first().cloned().unwrap_or_default();
        for (i, t) in texts.iter().enumerate().skip(1) {
            let (prev, next) = (steps[i - 1][steps[i - 1].len() - 1], steps[i][0]);
            let unordered =
                p.kind == Kind::Quantity && p.monotonic.is_none() && order_claims(prev, next) != Order::Before;
            joined.push_str(if unordered { ", or in unknown order, " } else { " → " });
            joined.push_str(t);
        }
        if voices == 1 {
            let sources: BTreeSet<&str> = kept.iter().map(|c| c.source.as_str()).collect();
            let who = match sources.len() {
                1 => kept[0].source.clone(),
                _ => format!(
                    "one voice ({}, copies of one story)",
                    sources.into_iter().collect::<Vec<_>>().join(", ")
                ),
            };
            let summary = format!("Only {who} answers this: {joined}.");
            let mut f = self.finding(FindingKind::SingleSource, None, kept, summary);
            if steps.len() == 1 {
                f.agreed = self.agreed(kept);
            }
            return f;
        }
        if steps.len() == 1 {
            let agreed = self.agreed(kept);
            // Where the claims word the value differently ("May 2025",
            // "last month"), each is listed with its own wording.
            let labels: BTreeSet<String> = kept.iter().map(|c| self.value_label(c)).collect();
            let list: Vec<String> = kept
                .iter()
                .map(|c| {
                    if labels.len() > 1 {
                        format!("{} ({})", self.value_label(c), self.tag(c))
                    } else {
                        self.tag(c)
                    }
                })
                .collect();
            let summary = format!(
                "{voices} independent voices agree on {}: {}.",
                agreed.clone().unwrap_or_default(),
                list.join("; ")
            );
            let mut f = self.finding(FindingKind::Agreement, None, kept, summary);
            f.agreed = agreed;
            if p.kind == Kind::EventDate {
                f.agreed_interval = date::common(kept);
            }
            return f;
        }
        let note = match p.monotonic {
            Some(Monotonic::Increasing) => " (a count that only rises orders figures of the same day)",
            Some(Monotonic::Decreasing) => " (a count that only falls orders figures of the same day)",
            None => "",
        };
        let summary = format!("It changed over time{note}: {joined}.");
        self.finding(FindingKind::Change, None, kept, summary)
    }

    /// The value all the claims allow, in words.
    fn agreed(&self, kept: &[&Claim]) -> Option<String> {
        let p = self.property;
        let unit = p.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
        match p.kind {
            Kind::Quantity => {
                if kept.iter().all(|c| self.value_key(c) == self.value_key(kept[0])) {
                    return Some(self.value_label(kept[0]));
                }
                let ranges: Vec<(f64, f64)> = kept.iter().map(|c| quantity::range(p, c)).collect();
                let common = quantity::common(&ranges)?;
                // Figures that all fall within what every claim allows read
                // better as themselves than as the tolerance's bounds.
                let points: Option<Vec<f64>> = kept.iter().map(|c| quantity::point(c)).collect();
                let (lo, hi) = ranges
                    .iter()
                    .fold((f64::NEG_INFINITY, f64::INFINITY), |a, r| (a.0.max(r.0), a.1.min(r.1)));
                match points {
                    Some(pts) if pts.iter().all(|v| lo <= *v && *v <= hi) => {
                        let min = pts.iter().copied().fold(f64::INFINITY, f64::min);
                        let max = pts.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                        Some(if min == max {
                            format!("{}{unit}", crate::read::quantity::fmt_num(min))
                        } else {
                            format!(
                                "{} to {}{unit} (within the tolerance)",
                                crate::read::quantity::fmt_num(min),
                                crate::read::quantity::fmt_num(max)
                            )
                        })
                    }
                    _ => Some(format!("{common}{unit}")),
                }
            }
            Kind::EventDate => date::common(kept).map(|i| i.human()),
            _ => Some(self.value_key(kept[0])),
        }
    }

    /// The remainder in time order, in steps of one value each.
    fn steps<'c>(&self, kept: &[&'c Claim]) -> Vec<Vec<&'c Claim>> {
        let p = self.property;
        if p.fixed {
            // One fact: one step, in the time order `remainder` gave.
            return vec![kept.to_vec()];
        }
        let mut sorted = kept.to_vec();
        let start = |c: &Claim| -> Interval {
            match p.kind {
                Kind::State => Interval {
                    start: state_start(c),
                    end: c.as_of.end,
                },
                _ => c.as_of,
            }
        };
        let value_order = |a: &Claim, b: &Claim| match (p.kind, p.monotonic) {
            (Kind::Quantity, Some(dir)) => {
                let (ra, rb) = (quantity::range(p, a), quantity::range(p, b));
                let o = ra.0.total_cmp(&rb.0).then(ra.1.total_cmp(&rb.1));
                if dir == Monotonic::Increasing {
                    o
                } else {
                    o.reverse()
                }
            }
            (Kind::Fact, _) => fact::happened(a).cmp(&fact::happened(b)),
            _ => std::cmp::Ordering::Equal,
        };
        sorted.sort_by(|a, b| {
            let same = order(&start(a), &start(b));
            let by_time = if matches!(same, Order::SameDay | Order::SamePeriod) {
                // Within one day, the parts of the day given, when the
                // claims' moments are their as-of times (no `since`).
                let at_as_of = start(a) == a.as_of && start(b) == b.as_of;
                match order_claims(a, b) {
                    Order::Before if at_as_of => std::cmp::Ordering::Less,
                    Order::After if at_as_of => std::cmp::Ordering::Greater,
                    _ => std::cmp::Ordering::Equal,
                }
            } else {
                time_cmp(&start(a), &start(b))
            };
            by_time
                .then_with(|| value_order(a, b))
                .then_with(|| time_cmp(&start(a), &start(b)))
                .then_with(|| a.id.cmp(&b.id))
        });
        let mut steps: Vec<Vec<&Claim>> = Vec::new();
        let mut range = (f64::NEG_INFINITY, f64::INFINITY);
        for c in sorted {
            let joins = steps.last().is_some_and(|step| match p.kind {
                // Figures of different moments are one step only when equal:
                // equal values are corroboration, compatible ones are not
                // simultaneous.
                Kind::Quantity => {
                    let r = quantity::range(p, c);
                    let last = step[step.len() - 1];
                    let simultaneous = matches!(order_claims(last, c), Order::SameDay | Order::SamePeriod);
                    // The same figure told again, maybe rounded ("about 230,000").
                    let same_figure = |x: &Claim| {
                        self.value_key(x) == self.value_key(c)
                            || matches!((quantity::point(x), quantity::point(c)), (Some(px), Some(pc))
                                if { let (rx, rc) = (quantity::range(p, x), quantity::range(p, c));
                                     rx.0 <= pc && pc <= rx.1 && rc.0 <= px && px <= rc.1 })
                    };
                    r.0.max(range.0) <= r.1.min(range.1) && (simultaneous || step.iter().all(|x| same_figure(x)))
                }
                _ => self.value_key(step[0]) == self.value_key(c),
            });
            if joins {
                let r = quantity::range(p, c);
                range = (range.0.max(r.0), range.1.min(r.1));
                if let Some(step) = steps.last_mut() {
                    step.push(c);
                }
            } else {
                range = if p.kind == Kind::Quantity {
                    quantity::range(p, c)
                } else {
                    range
                };
                steps.push(vec![c]);
            }
        }
        steps
    }

    fn step_text(&self, step: &[&Claim], single: bool) -> String {
        let mut values: Vec<String> = Vec::new();
        for c in step {
            let v = self.value_label(c);
            if !values.contains(&v) {
                values.push(v);
            }
        }
        let mut tags: Vec<String> = Vec::new();
        for c in step {
            let t = if single { self.own_tag(c) } else { Some(self.tag(c)) };
            if let Some(t) = t.filter(|t| !tags.contains(t)) {
                tags.push(t);
            }
        }
        if tags.is_empty() {
            values.join(" / ")
        } else {
            format!("{} ({})", values.join(" / "), tags.join("; "))
        }
    }
}

/// A claim's time in words: the day, or the period as the editor wrote it
/// ("2024", "between 2018 and 2020"), or the bound ("2025-06-01 or later").
fn as_of(c: &Claim) -> String {
    match &c.as_of_text {
        Some(t) if !c.as_of.is_day() && c.as_of.start.is_some() && c.as_of.end.is_some() => t.clone(),
        _ => super::moment::words(c),
    }
}

/// When each side cites its own authorities (`said_by`), and no authority
/// is on two sides, the disagreement is between them: say so, with the
/// outlets that cite each.
fn authorities(sides: &[Side]) -> Option<String> {
    if sides.len() < 2 || sides.iter().any(|s| s.said_by.is_empty()) {
        return None;
    }
    let mut seen = BTreeSet::new();
    for s in sides {
        for a in &s.said_by {
            if !seen.insert(a) {
                return None;
            }
        }
    }
    let parts: Vec<String> = sides
        .iter()
        .map(|s| {
            format!(
                "{} says {} (cited by {})",
                s.said_by.join(" and "),
                s.value,
                s.sources.join(", ")
            )
        })
        .collect();
    Some(format!("the disagreement is between authorities: {}", parts.join("; ")))
}

/// Which side the data points at, or that it cannot say.
fn weighing(sides: &[Side], exact: bool) -> String {
    let voices = |st: SideStatus| -> usize {
        sides
            .iter()
            .filter(|s| s.status == st)
            .map(|s| s.independent_voices)
            .sum()
    };
    let suspect: Vec<&str> = sides
        .iter()
        .filter(|s| s.status == SideStatus::Suspect)
        .map(|s| s.value.as_str())
        .collect();
    let mut text = if sides.iter().any(|s| s.status == SideStatus::Undecided) {
        "The sides weigh the same in independent voices: the data cannot say which is wrong.".to_string()
    } else if !suspect.is_empty() {
        let n = voices(SideStatus::Suspect);
        format!(
            "Setting aside {} ({n} independent voice{}) leaves the rest consistent: check {} first.",
            suspect.join(" and "),
            if n == 1 { "" } else { "s" },
            if suspect.len() == 1 { "it" } else { "them" }
        )
    } else {
        String::new()
    };
    if !exact {
        text.push_str(" (Too many claims to search every reading: this choice is approximate.)");
    }
    text
}

/// The claims of each passage, for [`Question::same_update`].
pub(super) fn passages(corpus: &Corpus) -> Passages<'_> {
    let mut out: Passages<'_> = Passages::default();
    for c in &corpus.claims {
        out.entry((c.source.as_str(), c.anchor.line)).or_default().push(c);
    }
    out
}
