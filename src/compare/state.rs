//! States: a value that holds over a span of time (a membership status).
//! Two claims clash when one surely held its value throughout the other's
//! moment, or when their order needs a change the property does not
//! allow, even through intermediate states.

use std::collections::BTreeSet;

use super::consistency::Relation;
use super::moment::{order_claims, state_start, sure_span, Order};
use super::Reason;
use crate::corpus::model::{Claim, Property, Value};

pub fn state(c: &Claim) -> &str {
    match &c.value {
        Value::State(s) => s,
        _ => "",
    }
}

/// Whether the state may go from `from` to `to` in one or more allowed steps.
pub fn reachable(p: &Property, from: &str, to: &str) -> bool {
    if from == to || p.transitions.is_empty() {
        return true;
    }
    let mut seen = BTreeSet::from([from]);
    let mut frontier = vec![from];
    while let Some(x) = frontier.pop() {
        for (a, b) in &p.transitions {
            if a == x && seen.insert(b.as_str()) {
                if b == to {
                    return true;
                }
                frontier.push(b);
            }
        }
    }
    false
}

pub fn relate(p: &Property, a: &Claim, b: &Claim) -> Relation {
    let (va, vb) = (state(a), state(b));
    if va == vb {
        return Relation::Consistent;
    }
    if p.fixed {
        return Relation::Clash(Reason::State);
    }
    // Both surely held their values over a common stretch longer than the
    // day one may have changed into the other.
    if let (Some(x), Some(y)) = (sure_span(a), sure_span(b)) {
        if x.intersect(&y)
            .is_some_and(|i| matches!((i.start, i.end), (Some(s), Some(e)) if s < e))
        {
            return Relation::Clash(Reason::State);
        }
    }
    // One surely held its value throughout the other's moment.
    let inside = |x: &Claim, y: &Claim| {
        sure_span(x).is_some_and(|s| match (s.start, s.end, y.as_of.start, y.as_of.end) {
            (Some(lo), Some(hi), Some(ys), Some(ye)) => lo < ys && ye <= hi,
            _ => false,
        })
    };
    if inside(a, b) || inside(b, a) {
        return Relation::Clash(Reason::State);
    }
    if before(a, b) {
        return transition(p, va, vb);
    }
    if before(b, a) {
        return transition(p, vb, va);
    }
    let either = reachable(p, va, vb) || reachable(p, vb, va);
    match (either, order_claims(a, b)) {
        (false, _) => Relation::Clash(Reason::State),
        // Two parts of one day in order ("Sunday morning", "Sunday evening").
        (true, Order::Before) if a.since.is_none() && b.since.is_none() => transition(p, va, vb),
        (true, Order::After) if a.since.is_none() && b.since.is_none() => transition(p, vb, va),
        (true, Order::SameDay) if a.since.is_none() && b.since.is_none() => Relation::Unclear(
            "both describe the same day with no time of day; the change may have happened that day, and \
             the hour of each report would decide it"
                .into(),
        ),
        _ => Relation::Consistent,
    }
}

/// Whether `x`'s moment ends before `y`'s state surely began.
pub fn before(x: &Claim, y: &Claim) -> bool {
    matches!((x.as_of.end, state_start(y)), (Some(e), Some(s)) if e < s)
}

fn transition(p: &Property, from: &str, to: &str) -> Relation {
    if reachable(p, from, to) {
        Relation::Consistent
    } else {
        Relation::Clash(Reason::Transition)
    }
}
