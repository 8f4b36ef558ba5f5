//! A question's disagreements: each connected clash is one conflict naming
//! every side, with the suspects the consistency check set aside and the
//! reasons weighed; pairs that hold only through imprecise times get a
//! closer look.

use super::*;

impl Question<'_> {
    pub(super) fn sides(&self, members: &[&Claim], status: impl Fn(&Claim) -> SideStatus) -> Vec<Side> {
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

    pub(super) fn side_text(&self, side: &Side) -> String {
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
    pub(super) fn conflict(&self, comp: &Component, reasons: &BTreeMap<(usize, usize), Reason>) -> Finding {
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
        let first = voices::of(self.corpus, members[0]);
        let one_speaker = members
            .iter()
            .all(|c| voices::of(self.corpus, c) == first && c.said_by == members[0].said_by);
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
    pub(super) fn lead(&self, reason: Reason, comp: &Component, reasons: &BTreeMap<(usize, usize), Reason>) -> String {
        let p = self.property;
        match reason {
            Reason::Number if p.fixed => "One fixed figure is reported differently".into(),
            Reason::Number => match p.monotonic {
                Some(Monotonic::Increasing) => "This count only rises, but a later report gives less".into(),
                Some(Monotonic::Decreasing) => "This count only falls, but a later report gives more".into(),
                None => "Figures for the same time cannot all hold".into(),
            },
            Reason::SameUpdate => {
                let shared = reasons
                    .iter()
                    .filter(|((a, b), r)| {
                        **r == Reason::SameUpdate && comp.members.contains(a) && comp.members.contains(b)
                    })
                    .find_map(|((a, b), _)| self.shared_figures(self.committed[*a], self.committed[*b]))
                    .unwrap_or_default();
                let given: Vec<String> = shared
                    .iter()
                    .map(|(other, value)| format!("{value} for {other}"))
                    .collect();
                format!(
                    "Reports of one update give different figures for this (their passages give the same {}, \
                     so they report the same update, and this figure is the one in dispute)",
                    given.join(" and ")
                )
            }
            Reason::Date => "The dates given cannot all be right".into(),
            // Built across two questions (compare/linked.rs), never here.
            Reason::SameEvent => "These questions tell of one event, and their answers cannot all hold".into(),
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
    pub(super) fn closer_looks(&self, unclear: &[Unclear]) -> Vec<Finding> {
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
            g.1.insert(why);
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
}

/// When each side cites its own authorities (`said_by`), and no authority
/// is on two sides, the disagreement is between them: say so, with the
/// outlets that cite each.
pub(super) fn authorities(sides: &[Side]) -> Option<String> {
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
pub(in crate::compare) fn weighing(sides: &[Side], exact: bool) -> String {
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
