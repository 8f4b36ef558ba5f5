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
pub(super) use conflict::weighing;

use remainder::*;

/// What checking a question's claims gives: the components of its clash
/// graph, the reason of each clash (by pair of claims), and the pairs that
/// hold only through imprecise times.
type Checked = (Vec<Component>, BTreeMap<(usize, usize), Reason>, Vec<Unclear>);

/// A pair of claims that holds only through imprecise times, and why. The
/// reason is shared: a disagreement over many days can have a million
/// such pairs, with a handful of reasons among them.
pub(super) type Unclear = (usize, usize, std::rc::Rc<str>);

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
        let weights = voices::weights(self.corpus, &self.committed, |c| self.value_key(c));
        let (components, reasons, unclear) = self.check_classes(&self.value_classes(), &weights);
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
        let rest = (!kept.is_empty()).then(|| self.remainder(&kept));
        super::fold::one_kind(&mut out, rest, self.corpus);
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

    /// Every pair of claims related, the clashes checked for consistency:
    /// the components, each clash's reason, and the pairs that hold only
    /// through imprecise times. The reference that checking by group
    /// ([`Question::check_classes`]) is tested against.
    #[cfg(test)]
    fn check_pairs(&self, weights: &[f64]) -> Checked {
        let n = self.committed.len();
        let mut clashes = Vec::new();
        let mut reasons: BTreeMap<(usize, usize), Reason> = BTreeMap::new();
        let mut unclear: Vec<Unclear> = Vec::new();
        let mut last: std::rc::Rc<str> = "".into();
        let all: Vec<usize> = (0..n).collect();
        self.each_pair(&all, |i, j| match self.relate(self.committed[i], self.committed[j]) {
            Relation::Consistent => {}
            Relation::Clash(r) => {
                clashes.push((i, j));
                reasons.insert((i, j), r);
            }
            Relation::Unclear(why) => {
                if *last != *why {
                    last = why.into();
                }
                unclear.push((i, j, last.clone()));
            }
        });
        // In the order of every pair by position, whatever order they
        // were visited in: the check's ties are broken the same way.
        clashes.sort_unstable();
        unclear.sort_unstable_by_key(|&(i, j, _)| (i, j));
        (consistency::check(n, &clashes, weights), reasons, unclear)
    }

    /// Calls `visit` with every pair of the claims at positions `of` (as
    /// indices into `of`, the smaller first) that can relate other than
    /// consistently. A changing figure with no direction is consistent
    /// across times that are apart (that is a change, not a conflict), so
    /// for it only the pairs whose times meet are visited, by a sweep in
    /// time order: a disagreement spread over weeks costs the pairs of each
    /// day, not of every day with every day.
    fn each_pair(&self, of: &[usize], mut visit: impl FnMut(usize, usize)) {
        let n = of.len();
        let p = self.property;
        if p.kind != Kind::Quantity || p.fixed || p.monotonic.is_some() {
            for i in 0..n {
                for j in i + 1..n {
                    visit(i, j);
                }
            }
            return;
        }
        let time = |i: usize| &self.committed[of[i]].as_of;
        // By start, an open start first: once a claim's time ends before
        // another's starts, it ends before every later one's too.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| time(i).start);
        for (x, &i) in order.iter().enumerate() {
            for &j in order.iter().skip(x + 1) {
                if time(i).before(time(j)) {
                    break;
                }
                visit(i.min(j), i.max(j));
            }
        }
    }

    /// The claims grouped by what alone decides how they relate: a fixed
    /// figure's range of values, an event's days, a state's or fact's value
    /// and times.
    /// Claims of one group relate alike to every other claim, so the
    /// question is checked group by group: a disagreement of ten thousand
    /// claims over three figures is three vertices, in bounded time and
    /// memory.
    fn value_classes(&self) -> Vec<Vec<usize>> {
        let p = self.property;
        // What a claim's relations depend on, written out exactly: its
        // value and, for the kinds that change, its times (as of, part of
        // the day, since or when), and for a changing figure what its
        // passage shares with others (see `passage_key`).
        let key = |c: &Claim| -> String {
            let times = || {
                format!(
                    "{:?}|{:?}|{:?}",
                    c.as_of,
                    c.as_of_hours,
                    c.since.as_ref().map(|s| s.resolved.interval)
                )
            };
            match p.kind {
                Kind::Quantity if p.fixed => {
                    let (lo, hi) = quantity::range(p, c);
                    format!("{}|{}", lo.to_bits(), hi.to_bits())
                }
                Kind::Quantity => {
                    let (lo, hi) = quantity::range(p, c);
                    format!("{}|{}|{}|{}", lo.to_bits(), hi.to_bits(), times(), self.passage_key(c))
                }
                Kind::EventDate if p.fixed => format!("{:?}", date::date(c)),
                Kind::EventDate => format!("{:?}|{}|{}", date::date(c), times(), self.passage_key(c)),
                Kind::State if p.fixed => state::state(c).to_string(),
                Kind::Fact if p.fixed => fact::happened(c).to_string(),
                Kind::State => format!("{}|{}", state::state(c), times()),
                Kind::Fact => format!("{}|{}", fact::happened(c), times()),
                // Framings never clash (they are compared apart, before this).
                Kind::Assessment => c.value.to_string(),
            }
        };
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, c) in self.committed.iter().enumerate() {
            groups.entry(key(c)).or_default().push(i);
        }
        groups.into_values().collect()
    }

    /// What a changing figure's relations owe to its passage, beyond its
    /// value and times: nothing when the passage holds no other claim of
    /// this question (which would speak of the same moment) and no other
    /// committed figure (which two sources may share, reporting one
    /// update); otherwise the passage itself, so such a claim is a group
    /// of its own. Wire updates of one count fall in the first case, so a
    /// disagreement of thousands stays a handful of groups.
    fn passage_key(&self, c: &Claim) -> String {
        let key = self.property.key();
        let shared = self
            .passages
            .get(&(c.source.as_str(), c.anchor.line))
            .is_some_and(|all| {
                all.iter().any(|x| {
                    x.id != c.id && (x.key() == key || (matches!(x.value, Value::Quantity(_)) && x.modality.commits()))
                })
            });
        if shared {
            format!("{}|{}", c.source, c.anchor.line)
        } else {
            String::new()
        }
    }

    /// [`Question::check_pairs`] on groups of claims that relate alike: a
    /// smallest cover of the group graph is one of the claim graph (every
    /// member of a group clashes with every member of a clashing group, so a
    /// cover takes all of one or the other), with a group weighing what its
    /// claims weigh together.
    fn check_classes(&self, classes: &[Vec<usize>], weights: &[f64]) -> Checked {
        let k = classes.len();
        let rep: Vec<usize> = classes.iter().map(|c| c[0]).collect();
        let mut clashes = Vec::new();
        let mut reasons: BTreeMap<(usize, usize), Reason> = BTreeMap::new();
        let mut unclear: Vec<Unclear> = Vec::new();
        self.each_pair(&rep, |a, b| {
            match self.relate(self.committed[rep[a]], self.committed[rep[b]]) {
                Relation::Consistent => {}
                Relation::Clash(r) => {
                    clashes.push((a, b));
                    reasons.insert((rep[a].min(rep[b]), rep[a].max(rep[b])), r);
                }
                // Every member of the one group with every member of the
                // other needs the look: a star through the two
                // representatives joins them all, in linear size.
                Relation::Unclear(why) => {
                    let why: std::rc::Rc<str> = why.into();
                    let (ra, rb) = (rep[a], rep[b]);
                    unclear.push((ra.min(rb), ra.max(rb), why.clone()));
                    for (r, group) in [(ra, &classes[a]), (rb, &classes[b])] {
                        for &m in group.iter().filter(|&&m| m != r) {
                            unclear.push((r.min(m), r.max(m), why.clone()));
                        }
                    }
                }
            }
        });
        // In the order of every pair by position, as in `check_pairs`.
        clashes.sort_unstable();
        let class_weights: Vec<f64> = classes.iter().map(|c| c.iter().map(|&i| weights[i]).sum()).collect();
        let expand = |list: &[usize]| -> Vec<usize> {
            let mut out: Vec<usize> = list.iter().flat_map(|&g| classes[g].iter().copied()).collect();
            out.sort_unstable();
            out
        };
        let components = consistency::check(k, &clashes, &class_weights)
            .into_iter()
            .map(|c| Component {
                members: expand(&c.members),
                suspects: expand(&c.suspects),
                undecided: expand(&c.undecided),
                ..c
            })
            .collect();
        (components, reasons, unclear)
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
            Kind::EventDate => date::relate(p, a, b),
            Kind::Quantity => quantity::relate(p, a, b, || self.stated(a, b)),
            Kind::Fact => fact::relate(p, a, b),
            Kind::Assessment => Relation::Consistent,
        };
        if p.kind == Kind::Quantity && !matches!(rel, Relation::Clash(_)) {
            return self.same_update(a, b).unwrap_or(rel);
        }
        rel
    }

    /// The order the words of a passage give two figures ("rose from
    /// 150,000 to 212,000"), in the article's language: of two figures of
    /// the passage, or of a figure and another source's, when the passage
    /// of one gives the other's figure too, and says which came first.
    fn stated(&self, a: &Claim, b: &Claim) -> Option<Order> {
        if self.property.kind != Kind::Quantity {
            return None;
        }
        let in_passage = |x: &Claim, y: &Claim| {
            let lang = self.corpus.source(&x.source).map_or("en", |s| s.language.as_str());
            super::stated::stated_order(x, y, lang)
        };
        if super::moment::same_passage(a, b) {
            return in_passage(a, b);
        }
        // The claims of this question in `x`'s passage that give `value`.
        let key = self.property.key();
        let partners = |x: &Claim, value: &Value| -> Vec<&Claim> {
            self.passages
                .get(&(x.source.as_str(), x.anchor.line))
                .map(|all| {
                    all.iter()
                        .copied()
                        .filter(|z| z.id != x.id && &z.value == value && z.key() == key)
                        .collect()
                })
                .unwrap_or_default()
        };
        partners(a, &b.value)
            .into_iter()
            .find_map(|z| in_passage(a, z))
            .or_else(|| partners(b, &a.value).into_iter().find_map(|z| in_passage(z, b)))
    }

    /// Two sources that give different figures of a changing count on one
    /// day, in passages that give the same specific figures of other
    /// changing counts (262 dead, not a magnitude every article repeats nor
    /// a round 150,000), report the same update: then their figures should
    /// agree. Shared figures of two other counts make it a conflict when
    /// the time of day does not order the two reports; one, a closer look,
    /// since an update often moves one count and leaves the others. A figure of another count
    /// that differs between the passages proves they are different updates.
    fn same_update(&self, a: &Claim, b: &Claim) -> Option<Relation> {
        let p = self.property;
        if p.fixed || a.source == b.source || a.value == b.value || order(&a.as_of, &b.as_of) != Order::SameDay {
            return None;
        }
        let (ra, rb) = (quantity::range(p, a), quantity::range(p, b));
        if !(ra.1 < rb.0 || rb.1 < ra.0) {
            return None;
        }
        let shared = self.shared_figures(a, b)?;
        // Updates often move one count at a time (381 then 398 dead beside
        // the same 1,801 injured), so one shared figure is only a hint.
        let strong = shared.len() > 1;
        let (other, value) = shared.first()?;
        if strong && order_claims(a, b) == Order::SameDay {
            return Some(Relation::Clash(Reason::SameUpdate));
        }
        Some(Relation::Unclear(format!(
            "both give {value} for {other} in the same passage, so they may report the same update, \
             and then this figure is in dispute; the update itself would say which figure it carried"
        )))
    }

    /// The specific figures of other changing counts that the passages of
    /// `a` and `b` share (question, figure in words),
    /// or none when the passages give a differing figure of another count,
    /// which proves they report different updates.
    fn shared_figures(&self, a: &Claim, b: &Claim) -> Option<Vec<(String, String)>> {
        let pa = self.passages.get(&(a.source.as_str(), a.anchor.line))?;
        let pb = self.passages.get(&(b.source.as_str(), b.anchor.line))?;
        let key = self.property.key();
        let mut shared = Vec::new();
        for x in pa.iter().filter(|x| x.key() != key && x.modality.commits()) {
            let Some(q) = self
                .corpus
                .property(&x.key())
                .filter(|q| q.kind == Kind::Quantity && !q.fixed)
            else {
                continue;
            };
            for y in pb.iter().filter(|y| y.key() == x.key() && y.modality.commits()) {
                let (rx, ry) = (quantity::range(q, x), quantity::range(q, y));
                if rx.1 < ry.0 || ry.1 < rx.0 {
                    return None;
                }
                if specific(x) && x.value == y.value {
                    let unit = q.unit.as_deref();
                    shared.push((x.key(), crate::read::quantity::with_unit(&x.value.to_string(), unit)));
                }
            }
        }
        shared.sort();
        shared.dedup();
        (!shared.is_empty()).then_some(shared)
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

    /// The value as a report shows it ("magnitude 6.5", "withdrawn since mid-2024").
    pub fn value_label(&self, c: &Claim) -> String {
        match &c.value {
            Value::Quantity(f) => {
                let unit = self.property.unit.as_deref();
                super::quantity::converted_label(c, unit)
                    .unwrap_or_else(|| crate::read::quantity::with_unit(&f.to_string(), unit))
            }
            Value::Date(t) if t.resolved.relative => format!("{} (= {})", t.text, t.resolved.interval.human()),
            Value::Date(t) => t.text.clone(),
            Value::State(s) => match &c.since {
                Some(since) => format!(
                    "{s} {}",
                    super::moment::since_words(&since.text, super::moment::strip_preposition(&since.text))
                ),
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

/// Whether a figure is specific enough to tell one update from another:
/// exact, and not a multiple of ten (262 and 1,801, not 150,000 nor
/// "about 300").
fn specific(c: &Claim) -> bool {
    matches!(&c.value, Value::Quantity(crate::read::quantity::Form::Exact { value })
        if !(value.fract() == 0.0 && value % 10.0 == 0.0))
}

/// The claims of each passage, for [`Question::same_update`].
pub(super) fn passages(corpus: &Corpus) -> Passages<'_> {
    let mut out: Passages<'_> = Passages::default();
    for c in &corpus.claims {
        out.entry((c.source.as_str(), c.anchor.line)).or_default().push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers below `m` drawn from `seed` (xorshift): the same corpus for a
    /// seed on every run.
    fn draws(seed: u64) -> impl FnMut(u64) -> usize {
        let mut x = seed | 1;
        move |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m) as usize
        }
    }

    /// A corpus of a fixed figure, an event date, a fixed and a changing
    /// state, a rising toll and a count, each with claims from several
    /// sources, some copies of others, values drawn from a few.
    fn corpus(seed: u64, n: usize) -> crate::corpus::load::Loaded {
        let mut next = draws(seed);
        let mut sources = Vec::new();
        let mut claims = String::new();
        for s in 0..6 {
            let mut body = String::new();
            for k in 0..n {
                let (mag, day) = (["6.1", "6.5", "about 6.3", "6.8"][next(4)], 1 + next(3));
                let status = ["open", "closed", "shut"][next(3)];
                // A toll in the magnitude's passage (which two sources may
                // share, reporting one update), or in a passage of its own,
                // sometimes two to a passage; a count with no direction in
                // passages of its own.
                let (toll, toll2, day2, count) = (
                    [3, 5, 8, 12][next(4)],
                    [3, 5, 8, 12][next(4)],
                    1 + next(3),
                    [40, 60, 90][next(3)],
                );
                let shared = next(2) == 0;
                let tail = if shared {
                    format!(" {toll} dead.")
                } else {
                    String::new()
                };
                body.push_str(&format!(
                    "Report {k} gave magnitude {mag} for the quake of March {day}, 2024. The mine was {status} then.{tail}\n\n"
                ));
                if shared {
                    claims.push_str(&format!(
                        "[[claim]]\nid = \"x-{s}-{k}\"\nsource = \"s{s}\"\nquote = \"March {day}, 2024. The mine was {status} then. {toll} dead\"\nsubject = \"q\"\nproperty = \"toll\"\nvalue = \"{toll}\"\nas_of = \"March {day}, 2024\"\n\n"
                    ));
                } else {
                    let two = next(3) == 0;
                    let second = if two {
                        format!("; toll {k}b: {toll2} dead on March {day2}, 2024")
                    } else {
                        String::new()
                    };
                    body.push_str(&format!("Toll {k}: {toll} dead on March {day2}, 2024{second}.\n\n"));
                    claims.push_str(&format!(
                        "[[claim]]\nid = \"x-{s}-{k}\"\nsource = \"s{s}\"\nquote = \"Toll {k}: {toll} dead on March {day2}, 2024\"\nsubject = \"q\"\nproperty = \"toll\"\nvalue = \"{toll}\"\nas_of = \"March {day2}, 2024\"\n\n"
                    ));
                    if two {
                        claims.push_str(&format!(
                            "[[claim]]\nid = \"y-{s}-{k}\"\nsource = \"s{s}\"\nquote = \"toll {k}b: {toll2} dead on March {day2}, 2024\"\nsubject = \"q\"\nproperty = \"toll\"\nvalue = \"{toll2}\"\nas_of = \"March {day2}, 2024\"\n\n"
                        ));
                    }
                }
                body.push_str(&format!("Count {k}: {count} people on March {day2}, 2024.\n\n"));
                claims.push_str(&format!(
                    "[[claim]]\nid = \"n-{s}-{k}\"\nsource = \"s{s}\"\nquote = \"Count {k}: {count} people on March {day2}, 2024\"\nsubject = \"q\"\nproperty = \"count\"\nvalue = \"{count}\"\nas_of = \"March {day2}, 2024\"\n\n"
                ));
                claims.push_str(&format!(
                    "[[claim]]\nid = \"s-{s}-{k}\"\nsource = \"s{s}\"\nquote = \"The mine was {status}\"\nsubject = \"q\"\nproperty = \"status\"\nvalue = \"{status}\"\n\n"
                ));
                // The same words as a changing state, as of the quake's day.
                claims.push_str(&format!(
                    "[[claim]]\nid = \"t-{s}-{k}\"\nsource = \"s{s}\"\nquote = \"March {day}, 2024. The mine was {status}\"\nsubject = \"q\"\nproperty = \"mine\"\nvalue = \"{status}\"\nas_of = \"March {day}, 2024\"\n\n"
                ));
                claims.push_str(&format!(
                    "[[claim]]\nid = \"m-{s}-{k}\"\nsource = \"s{s}\"\nquote = \"Report {k} gave magnitude {mag}\"\nsubject = \"q\"\nproperty = \"magnitude\"\nvalue = \"{mag}\"\n\n[[claim]]\nid = \"d-{s}-{k}\"\nsource = \"s{s}\"\nquote = \"the quake of March {day}, 2024\"\nsubject = \"q\"\nproperty = \"date\"\nvalue = \"March {day}, 2024\"\n\n"
                ));
            }
            let copy = if s == 5 { "syndicated_from = \"s4\"\n" } else { "" };
            sources.push((
                format!("sources/s{s}.txt"),
                format!("+++\ntitle = \"S\"\noutlet = \"O{s}\"\npublished = \"2024-03-05\"\npublished_basis = \"x\"\nkind = \"news\"\nlanguage = \"en\"\n{copy}+++\n{body}"),
            ));
        }
        let props = "[[property]]\nsubject = \"q\"\nproperty = \"magnitude\"\nquestion = \"Magnitude?\"\nkind = \"quantity\"\nunit = \"magnitude\"\nover_time = \"fixed\"\n\n[[property]]\nsubject = \"q\"\nproperty = \"date\"\nquestion = \"When?\"\nkind = \"event-date\"\n\n[[property]]\nsubject = \"q\"\nproperty = \"status\"\nquestion = \"Status?\"\nkind = \"state\"\nvalues = [\"open\", \"closed\", \"shut\"]\nover_time = \"fixed\"\n\n[[property]]\nsubject = \"q\"\nproperty = \"mine\"\nquestion = \"Mine?\"\nkind = \"state\"\nvalues = [\"open\", \"closed\", \"shut\"]\ntransitions = [\"open -> closed\", \"closed -> shut\"]\n\n[[property]]\nsubject = \"q\"\nproperty = \"toll\"\nquestion = \"Toll?\"\nkind = \"quantity\"\nunit = \"people\"\nmonotonic = \"increasing\"\n\n[[property]]\nsubject = \"q\"\nproperty = \"count\"\nquestion = \"Count?\"\nkind = \"quantity\"\nunit = \"people\"\n";
        let sources: Vec<(&str, &str)> = sources.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        crate::corpus::load::load_texts(&sources, Some(props), &[("claims/c.toml", claims.as_str())])
    }

    /// The sweep over a changing figure's times skips only pairs that are
    /// consistent: every pair that clashes or needs a look is visited, on
    /// random claims as of days, a month, a span and an open time.
    #[test]
    fn the_time_sweep_skips_only_consistent_pairs() {
        let mut seen = 0;
        for seed in 1..30u64 {
            let mut next = draws(seed);
            let mut sources = Vec::new();
            let mut claims = String::new();
            for s in 0..5 {
                let mut body = String::new();
                // Two counts to a paragraph: one passage speaks of one moment.
                for k in 0..6 {
                    let mut para = Vec::new();
                    for half in ["a", "b"] {
                        let v = [120, 150, 180][next(3)];
                        let when = [
                            "March 1, 2024",
                            "March 2, 2024",
                            "March 2024",
                            "March 1-3, 2024",
                            "since March 2, 2024",
                            "March 9, 2024",
                        ][next(6)];
                        para.push(format!("Count {k}{half}: {v} people on {when}"));
                        claims.push_str(&format!(
                            "[[claim]]\nid = \"c-{s}-{k}{half}\"\nsource = \"s{s}\"\nquote = \"Count {k}{half}: {v} people on {when}\"\nsubject = \"q\"\nproperty = \"n\"\nvalue = \"{v}\"\nas_of = \"{when}\"\n\n"
                        ));
                    }
                    body.push_str(&format!("{}.\n\n", para.join("; ")));
                }
                sources.push((
                    format!("sources/s{s}.txt"),
                    format!("+++\ntitle = \"S\"\noutlet = \"O{s}\"\npublished = \"2024-03-{:02}\"\npublished_basis = \"x\"\nkind = \"news\"\nlanguage = \"en\"\n+++\n{body}", 10 + s),
                ));
            }
            let props = "[[property]]\nsubject = \"q\"\nproperty = \"n\"\nquestion = \"N?\"\nkind = \"quantity\"\nunit = \"people\"\n";
            let sources: Vec<(&str, &str)> = sources.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            let loaded = crate::corpus::load::load_texts(&sources, Some(props), &[("claims/c.toml", claims.as_str())]);
            assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics);
            let c = &loaded.corpus;
            let passages = passages(c);
            let q = Question {
                corpus: c,
                property: &c.properties[0],
                committed: c.claims.iter().map(|b| &**b).collect(),
                context: Vec::new(),
                passages: &passages,
            };
            let n = q.committed.len();
            let related =
                |i: usize, j: usize| !matches!(q.relate(q.committed[i], q.committed[j]), Relation::Consistent);
            let every: Vec<(usize, usize)> = (0..n)
                .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
                .filter(|&(i, j)| related(i, j))
                .collect();
            let mut swept = Vec::new();
            let all: Vec<usize> = (0..n).collect();
            q.each_pair(&all, |i, j| {
                if related(i, j) {
                    swept.push((i, j));
                }
            });
            swept.sort_unstable();
            assert_eq!(swept, every, "seed {seed}");
            seen += every.len();
        }
        assert!(seen > 100, "only {seen} related pairs: the data tests too little");
    }

    /// Checking claims group by group finds what checking every pair finds:
    /// the same components, suspects and undecided claims, on random data.
    #[test]
    fn groups_and_pairs_agree() {
        let (mut unclear_seen, mut conflicts_seen) = (0, 0);
        for seed in 1..40 {
            let loaded = corpus(seed, 1 + (seed as usize % 5));
            assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics);
            let c = &loaded.corpus;
            let passages = passages(c);
            for p in &c.properties {
                let committed: Vec<&Claim> = c.claims.iter().map(|b| &**b).filter(|x| x.key() == p.key()).collect();
                let q = Question {
                    corpus: c,
                    property: p,
                    committed,
                    context: Vec::new(),
                    passages: &passages,
                };
                let weights = voices::weights(c, &q.committed, |x| q.value_key(x));
                let classes = q.value_classes();
                let (mut by_group, _, unclear_g) = q.check_classes(&classes, &weights);
                let (mut by_pair, _, unclear_p) = q.check_pairs(&weights);
                // The closer looks are the same findings either way.
                let looks = |u: &[Unclear]| serde_json::to_string(&q.closer_looks(u)).unwrap();
                assert_eq!(looks(&unclear_g), looks(&unclear_p), "seed {seed}, {}", p.key());
                unclear_seen += usize::from(!unclear_p.is_empty());
                conflicts_seen += usize::from(!by_pair.is_empty());
                for list in [&mut by_group, &mut by_pair] {
                    list.sort_by(|a, b| a.members.cmp(&b.members));
                    for comp in list.iter_mut() {
                        comp.exact = true;
                        comp.weight = (comp.weight * 1e6).round();
                    }
                }
                assert_eq!(by_group, by_pair, "seed {seed}, {}", p.key());
            }
        }
        assert!(
            unclear_seen > 5 && conflicts_seen > 20,
            "{unclear_seen} {conflicts_seen}: the data tests too little"
        );
    }
}
