//! Questions that tell of one event: a happened-yet fact or a status that
//! names, with `same_event_as`, the event-date question of its event.
//!
//! Each question is compared on its own first; a question alone cannot see
//! that "Sweden has not joined yet", as of July 2023, contradicts "Sweden
//! joined in April 2023" in the date question. Here the two are compared
//! together: "not yet" at a time after a date the event is given, or
//! "already" at a time before it, or a fact's own `when` outside it,
//! cannot all hold. The claims of both questions and these clashes (with
//! the date question's own) go through the same consistency check as one
//! question's, so the suspects are chosen over both, and each such
//! disagreement is one conflict. The claims it sets aside (or cannot
//! decide) are left out of each question's own comparison, so the
//! disagreement is shown once.

// Reasoned exception to the crate's no-indexing rule, as in `question`:
// every index is a position in `nodes` that the consistency check produced
// from `0..nodes.len()`.
#![allow(clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::consistency::{self, Relation};
use super::{date, fact, finding_id, fingerprint, state, voices, ByQuestion};
use super::{Finding, FindingKind, Reason, Side, SideStatus};
use crate::corpus::model::{Claim, Corpus, Kind, Linked, Property, Value};

/// Above this many claims in two linked questions, only the clashes across
/// them are checked, not each question's own (which its comparison finds).
const MOST_FOR_PAIRS: usize = 4000;

/// The conflicts across linked questions, and the claims they account for.
pub(super) fn linked<'a>(corpus: &'a Corpus, by_key: &ByQuestion<'a>) -> (Vec<Finding>, HashSet<&'a str>) {
    let mut findings = Vec::new();
    let mut taken = HashSet::new();
    for p in &corpus.properties {
        let Some(link) = &p.same_event_as else { continue };
        let Some(d) = corpus.property(&link.date) else { continue };
        let of = |q: &Property, commits: bool| -> Vec<&'a Claim> {
            by_key
                .get(&(q.subject.as_str(), q.property.as_str()))
                .map(|all| {
                    all.iter()
                        .copied()
                        .filter(|c| c.modality.commits() == commits)
                        .collect()
                })
                .unwrap_or_default()
        };
        let pair = Pair {
            corpus,
            status: p,
            date: d,
            link,
        };
        let context: Vec<String> = of(p, false)
            .iter()
            .chain(of(d, false).iter())
            .map(|c| c.id.clone())
            .collect();
        for (mut f, set_aside) in pair.conflicts(&of(p, true), &of(d, true)) {
            f.context = context.clone();
            findings.push(f);
            taken.extend(set_aside);
        }
    }
    (findings, taken)
}

/// A status (or happened-yet fact) question and its event's date question.
struct Pair<'a> {
    corpus: &'a Corpus,
    status: &'a Property,
    date: &'a Property,
    link: &'a Linked,
}

impl<'a> Pair<'a> {
    /// Whether a status claim says the event has happened by its time.
    fn happened(&self, c: &Claim) -> Option<bool> {
        match &c.value {
            Value::Fact(b) => Some(*b),
            Value::State(s) => Some(self.link.happened.contains(s)),
            _ => None,
        }
    }

    /// A date claim the comparison may hold a status against: any, for an
    /// event's date; for a date that moves, only one already past when it
    /// was given (a plan says nothing of whether the event has happened).
    fn tells_past(&self, c: &Claim) -> bool {
        self.date.fixed || date::date(c).end.zip(c.as_of.start).is_some_and(|(d, t)| d < t)
    }

    /// Why a status claim and a date claim cannot both hold, if they
    /// cannot, in words that the date claims sharing it can join ("a says
    /// it had not happened as of 2023-07-11, after 2023-04").
    fn clash(&self, s: &Claim, d: &Claim) -> Option<String> {
        let day = date::date(d);
        let at = s.as_of;
        let who = voices::who(s);
        match self.happened(s)? {
            false if day.end.zip(at.start).is_some_and(|(e, t)| e < t) => Some(format!(
                "{who} says it had not happened as of {}, after {}",
                super::moment::words(s),
                day.human()
            )),
            true if day.start.zip(at.end).is_some_and(|(b, t)| b > t) => Some(format!(
                "{who} says it had happened by {}, before {}",
                super::moment::words(s),
                day.human()
            )),
            true => {
                let when = s.since.as_ref()?.resolved.interval;
                when.intersect(&day)
                    .is_none()
                    .then(|| format!("{who} says it happened {}, not {}", when.human(), day.human()))
            }
            false => None,
        }
    }

    /// One conflict per disagreement across the two questions, with the
    /// claims it sets aside or cannot decide.
    fn conflicts(&self, statuses: &[&'a Claim], dates: &[&'a Claim]) -> Vec<(Finding, Vec<&'a str>)> {
        let dates: Vec<&Claim> = dates.iter().copied().filter(|c| self.tells_past(c)).collect();
        let nodes: Vec<&Claim> = statuses.iter().chain(dates.iter()).copied().collect();
        let n_status = statuses.len();
        let mut edges = Vec::new();
        let mut why: BTreeMap<(usize, usize), String> = BTreeMap::new();
        for (i, s) in statuses.iter().enumerate() {
            for (j, d) in dates.iter().enumerate() {
                if let Some(w) = self.clash(s, d) {
                    edges.push((i, n_status + j));
                    why.insert((i, n_status + j), w);
                }
            }
        }
        if edges.is_empty() {
            return Vec::new();
        }
        if nodes.len() <= MOST_FOR_PAIRS {
            edges.extend(self.own_clashes(&nodes, n_status));
        }
        // One voice weighs one across both questions: a source that gives
        // the date and says it happened is one voice, not two.
        let weights = voices::weights(self.corpus, &nodes, |_| String::new());
        consistency::check(nodes.len(), &edges, &weights)
            .into_iter()
            .filter(|comp| why.keys().any(|(a, _)| comp.members.contains(a)))
            .map(|comp| {
                // One reason, with every date claim that gives it.
                let mut reasons: BTreeMap<&str, Vec<String>> = BTreeMap::new();
                for ((a, b), w) in &why {
                    if comp.members.contains(a) && comp.members.contains(b) {
                        if let Some(d) = nodes.get(*b) {
                            reasons.entry(w.as_str()).or_default().push(voices::who(d));
                        }
                    }
                }
                let reasons: Vec<String> = reasons
                    .into_iter()
                    .map(|(w, who)| format!("{w} ({})", who.join(", ")))
                    .collect();
                self.finding(&nodes, &comp, &reasons)
            })
            .collect()
    }

    /// The clashes within each question among `nodes` (statuses first).
    fn own_clashes(&self, nodes: &[&Claim], n_status: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, a) in nodes.iter().enumerate() {
            for (j, b) in nodes.iter().enumerate().skip(i + 1) {
                let rel = match (i < n_status, j < n_status) {
                    (true, true) => match self.status.kind {
                        Kind::State => state::relate(self.status, a, b),
                        _ => fact::relate(self.status, a, b),
                    },
                    (false, false) => date::relate(self.date, a, b),
                    _ => continue,
                };
                if matches!(rel, Relation::Clash(_)) {
                    out.push((i, j));
                }
            }
        }
        out
    }

    fn finding(
        &self,
        nodes: &[&'a Claim],
        comp: &consistency::Component,
        reasons: &[String],
    ) -> (Finding, Vec<&'a str>) {
        let status_of = |i: usize| {
            if comp.suspects.contains(&i) {
                SideStatus::Suspect
            } else if comp.undecided.contains(&i) {
                SideStatus::Undecided
            } else {
                SideStatus::Kept
            }
        };
        let members: Vec<&Claim> = comp.members.iter().map(|&i| nodes[i]).collect();
        let sides = self.sides(comp.members.iter().map(|&i| (nodes[i], status_of(i))));
        let all_undecided = sides.iter().all(|s| s.status == SideStatus::Undecided);
        let set_aside: Vec<&str> = comp
            .members
            .iter()
            .filter(|&&i| all_undecided || status_of(i) != SideStatus::Kept)
            .map(|&i| nodes[i].id.as_str())
            .collect();
        const SHOWN: usize = 3;
        let mut said: Vec<String> = reasons.iter().take(SHOWN).cloned().collect();
        if reasons.len() > SHOWN {
            said.push(format!("and {} more", reasons.len() - SHOWN));
        }
        let summary = format!(
            "These questions tell of one event, and their answers cannot all hold (\"{}\" and \"{}\"): {}. {}",
            self.status.question,
            self.date.question,
            said.join("; "),
            self.weighing(&sides, &members, comp)
        );
        let mut claims: Vec<String> = members.iter().map(|c| c.id.clone()).collect();
        claims.sort();
        let key = self.status.key();
        let sources: BTreeSet<String> = members.iter().map(|c| c.source.clone()).collect();
        let mut suspects: Vec<String> = comp.suspects.iter().map(|&i| nodes[i].id.clone()).collect();
        suspects.sort();
        let f = Finding {
            id: finding_id(FindingKind::Conflict, &key, Some(Reason::SameEvent), &claims),
            kind: FindingKind::Conflict,
            subject: self.status.subject.clone(),
            property: self.status.property.clone(),
            question: format!("{} / {}", self.status.question, self.date.question),
            reason: Some(Reason::SameEvent),
            summary,
            claims,
            context: Vec::new(),
            sources: sources.into_iter().collect(),
            independent_voices: voices::count(self.corpus, &members),
            agreed_interval: None,
            agreed: None,
            sides,
            suspects,
            fingerprint: fingerprint(&members),
        };
        (f, set_aside)
    }

    /// What the consistency check concluded, as a question's conflict says
    /// it, with the voices set aside counted once across both questions.
    fn weighing(&self, sides: &[Side], members: &[&Claim], comp: &consistency::Component) -> String {
        let text = super::question::weighing(sides, comp.exact);
        let suspects: Vec<&Claim> = members
            .iter()
            .copied()
            .filter(|c| {
                sides
                    .iter()
                    .any(|s| s.status == SideStatus::Suspect && s.claims.contains(&c.id))
            })
            .collect();
        let summed: usize = sides
            .iter()
            .filter(|s| s.status == SideStatus::Suspect)
            .map(|s| s.independent_voices)
            .sum();
        let once = voices::count(self.corpus, &suspects);
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        text.replace(
            &format!("({summed} independent voice{})", plural(summed)),
            &format!("({once} independent voice{})", plural(once)),
        )
    }

    /// The sides: each question's values, with who gives them.
    fn sides<'c>(&self, members: impl Iterator<Item = (&'c Claim, SideStatus)>) -> Vec<Side> {
        let mut groups: BTreeMap<(SideStatus, String), Vec<&Claim>> = BTreeMap::new();
        for (c, st) in members {
            groups.entry((st, self.label(c))).or_default().push(c);
        }
        groups
            .into_iter()
            .map(|((status, value), claims)| Side {
                value,
                claims: claims.iter().map(|c| c.id.clone()).collect(),
                sources: claims
                    .iter()
                    .map(|c| c.source.clone())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                said_by: claims
                    .iter()
                    .filter_map(|c| c.said_by.clone())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                independent_voices: voices::count(self.corpus, &claims),
                status,
            })
            .collect()
    }

    /// A claim's answer in words, saying which question it answers.
    fn label(&self, c: &Claim) -> String {
        match &c.value {
            Value::Date(_) => format!("date {}", date::date(c).human()),
            Value::Fact(true) => format!("happened (as of {})", super::moment::words(c)),
            Value::Fact(false) => format!("not yet (as of {})", super::moment::words(c)),
            Value::State(s) => format!("{s} (as of {})", super::moment::words(c)),
            other => other.to_string(),
        }
    }
}
