//! The consistent remainder of a question: one agreement, one single
//! source's answer, or a timeline of distinct values in time order.

use super::*;

impl Question<'_> {
    /// Each claim's place among the claims of its passage whose words say
    /// which came first: how many of them came before it.
    fn stated_ranks<'c>(&self, kept: &[&'c Claim]) -> std::collections::HashMap<&'c str, usize> {
        let mut by_passage: BTreeMap<(&str, usize), Vec<&Claim>> = BTreeMap::new();
        for c in kept {
            by_passage
                .entry((c.source.as_str(), c.anchor.line))
                .or_default()
                .push(c);
        }
        let mut out = std::collections::HashMap::new();
        for group in by_passage.values().filter(|g| g.len() > 1) {
            for c in group {
                let before = group
                    .iter()
                    .filter(|o| o.id != c.id && self.stated(o, c) == Some(Order::Before))
                    .count();
                out.insert(c.id.as_str(), before);
            }
        }
        out
    }

    /// The consistent remainder: one agreement, one single-source
    /// assertion or one timeline of distinct values.
    pub(super) fn remainder(&self, kept: &[&Claim]) -> Finding {
        let p = self.property;
        let mut kept = kept.to_vec();
        // Within a passage whose words order its figures ("rose from
        // 150,000 to 212,000"), the earlier first; otherwise by time.
        let rank = self.stated_ranks(&kept);
        let rank_of = |c: &Claim| rank.get(c.id.as_str()).copied().unwrap_or(0);
        kept.sort_by(|a, b| {
            time_cmp(&a.as_of, &b.as_of)
                .then_with(|| rank_of(a).cmp(&rank_of(b)))
                .then_with(|| by_time(a, b))
        });
        let kept = &kept[..];
        let steps = self.steps(kept);
        let voices = self.voices(kept);
        let single = voices == 1;
        let texts: Vec<String> = steps.iter().map(|s| self.step_text(s, single)).collect();
        let mut joined = texts.first().cloned().unwrap_or_default();
        for (i, t) in texts.iter().enumerate().skip(1) {
            let (prev, next) = (steps[i - 1][steps[i - 1].len() - 1], steps[i][0]);
            let unordered = matches!(p.kind, Kind::Quantity | Kind::EventDate)
                && p.monotonic.is_none()
                && order_claims(prev, next) != Order::Before
                && self.stated(prev, next) != Some(Order::Before);
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
                "{voices} independent voices agree on {}{}: {}.",
                agreed.clone().unwrap_or_default(),
                self.who_gives_more(kept),
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
        let summary = if p.kind == Kind::EventDate {
            format!("The date moved over time (each date as given, from when it was given): {joined}.")
        } else {
            format!("It changed over time{note}: {joined}.")
        };
        self.finding(FindingKind::Change, None, kept, summary)
    }

    /// For an agreement on a date given at several precisions, who gives
    /// more than the precision all share ("; politico gives 23 May 2019
    /// (2019-05-23)"); empty otherwise.
    fn who_gives_more(&self, kept: &[&Claim]) -> String {
        if self.property.kind != Kind::EventDate {
            return String::new();
        }
        let Some(wide) = shared_precision(kept) else {
            return String::new();
        };
        // Grouped by the days each gives, so one date written two ways is
        // named once. A closed date gives more when it lies within `wide`,
        // an open bound ("after November 9, 2020") when it narrows it.
        let mut more: BTreeMap<String, (Interval, Vec<String>)> = BTreeMap::new();
        for c in kept {
            let d = date::date(c);
            let narrower = wide.intersect(&d).is_some_and(|i| i != wide);
            if d != wide && (narrower || (closed(&d) && wide.intersect(&d) == Some(d))) {
                let entry = more.entry(d.human()).or_insert_with(|| (d, Vec::new()));
                entry.1.push(voices::who(c));
            }
        }
        more.into_values()
            .map(|(d, who)| {
                let verb = if who.len() > 1 { "give" } else { "gives" };
                let days = d.human();
                let label = match written(kept, d) {
                    Some(text) if closed(&d) && text != days => format!("{text} ({days})"),
                    Some(text) => text,
                    None => days,
                };
                format!("; {} {verb} {label}", who.join(", "))
            })
            .collect()
    }

    /// The value all the claims allow, in words.
    pub(super) fn agreed(&self, kept: &[&Claim]) -> Option<String> {
        let p = self.property;
        let unit = |figure: String| crate::read::quantity::with_unit(&figure, p.unit.as_deref());
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
                            unit(crate::read::quantity::fmt_num(min))
                        } else {
                            let span = format!(
                                "{} to {}",
                                crate::read::quantity::fmt_num(min),
                                crate::read::quantity::fmt_num(max)
                            );
                            format!("{} (within the tolerance)", unit(span))
                        })
                    }
                    _ => Some(unit(common.to_string())),
                }
            }
            // At the precision every claim gives: the coarsest date, as
            // written ("May 2019"), when they differ in precision.
            Kind::EventDate => match shared_precision(kept) {
                Some(wide) => Some(written(kept, wide).unwrap_or_else(|| wide.human())),
                None => date::common(kept).map(|i| i.human()),
            },
            _ => Some(self.value_key(kept[0])),
        }
    }

    /// The remainder in time order, in steps of one value each.
    pub(super) fn steps<'c>(&self, kept: &[&'c Claim]) -> Vec<Vec<&'c Claim>> {
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
                // A date told again at another precision ("March 2019",
                // "29 March 2019") is the same date in force.
                Kind::EventDate => step
                    .iter()
                    .try_fold(date::date(c), |acc, x| acc.intersect(&date::date(x)))
                    .is_some(),
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

    pub(super) fn step_text(&self, step: &[&Claim], single: bool) -> String {
        let mut values: Vec<String> = Vec::new();
        for c in step {
            let v = self.value_label(c);
            if !values.contains(&v) {
                values.push(v);
            }
        }
        // One date written several ways ("January 31, 2020", "31 January
        // 2020") is the days they all allow.
        if self.property.kind == Kind::EventDate && values.len() > 1 {
            if let Some(common) = date::common(step) {
                values = vec![common.human()];
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
pub(super) fn as_of(c: &Claim) -> String {
    match &c.as_of_text {
        Some(t) if !c.as_of.is_day() && c.as_of.start.is_some() && c.as_of.end.is_some() => t.clone(),
        _ => crate::compare::moment::words(c),
    }
}

/// The date every claim gives when they give it at several precisions:
/// the widest closed date, when every other closed date lies within it
/// ("2023" for "2023" and "September 2023"). None when all give the same
/// days, or all are open bounds, or the closed dates only overlap.
fn shared_precision(kept: &[&Claim]) -> Option<Interval> {
    let days = |d: &Interval| match (d.start, d.end) {
        (Some(s), Some(e)) => s.until(e).map_or(0, |span| i64::from(span.get_days())),
        _ => 0,
    };
    let dates: Vec<Interval> = kept.iter().map(|c| date::date(c)).collect();
    let wide = dates.iter().copied().filter(closed).max_by_key(days)?;
    let all_within = dates.iter().all(|d| !closed(d) || wide.intersect(d) == Some(*d));
    let differ = dates.iter().any(|d| *d != wide);
    (all_within && differ).then_some(wide)
}

/// The date as a claim wrote it, from the first claim (by id) that gives
/// exactly these days in words that need no reference date ("May 2019",
/// not "last month").
fn written(kept: &[&Claim], d: Interval) -> Option<String> {
    let mut sorted: Vec<&&Claim> = kept.iter().filter(|c| date::date(c) == d).collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    sorted.into_iter().find_map(|c| match &c.value {
        Value::Date(t) if !t.resolved.relative => Some(t.text.trim_start_matches("on ").to_string()),
        _ => None,
    })
}

/// True when both ends of the interval are known.
fn closed(d: &Interval) -> bool {
    d.start.is_some() && d.end.is_some()
}
