//! Quantities: intervals of values (exact ± tolerance, approximate, range,
//! bound), compared by whether the property is one fixed fact, a value
//! that only rises or falls, or a value that changes freely.

use super::consistency::Relation;
use super::moment::{order_claims, same_passage, Order};
use super::Reason;
use crate::corpus::model::{Claim, Monotonic, Property, Value};
use crate::read::quantity::{fmt_num, Form};

/// The values a claim allows, as a closed interval. A figure converted
/// from another unit also allows what its written figure rounds ("6
/// miles" is 5.5 to 6.5 miles), so a conversion never makes a conflict.
pub fn range(p: &Property, c: &Claim) -> (f64, f64) {
    match &c.value {
        Value::Quantity(f) => {
            let (lo, hi) = f.interval(p.tolerance);
            let half = c.converted.as_ref().map_or(0.0, |k| k.half);
            (lo - half, hi + half)
        }
        _ => (f64::NEG_INFINITY, f64::INFINITY),
    }
}

/// A converted figure in words: as written, with its conversion at the
/// written precision ("277 miles (about 446 km)"); `None` when the claim
/// gives its figure in the question's unit.
pub fn converted_label(c: &Claim, unit: Option<&str>) -> Option<String> {
    let k = c.converted.as_ref()?;
    Some(format!(
        "{} (about {})",
        k.written,
        crate::read::quantity::with_unit(&fmt_num(k.about), unit)
    ))
}

/// The single figure a claim gives, if it gives one (exact or approximate);
/// ranges and bounds give none. A converted figure gives it at the
/// precision it was written.
pub fn point(c: &Claim) -> Option<f64> {
    match &c.value {
        // At the written precision: "6 miles" is about 10 km, not 9.656.
        Value::Quantity(Form::Exact { .. } | Form::Approx { .. }) if c.converted.is_some() => {
            c.converted.as_ref().map(|k| k.about)
        }
        Value::Quantity(Form::Exact { value } | Form::Approx { value }) => Some(*value),
        _ => None,
    }
}

fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    !(a.1 < b.0 || b.1 < a.0)
}

/// The values both intervals allow, in words ("6.5", "590 to 600").
pub fn common(ranges: &[(f64, f64)]) -> Option<String> {
    let lo = ranges.iter().map(|r| r.0).fold(f64::NEG_INFINITY, f64::max);
    let hi = ranges.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    match (lo.is_finite(), hi.is_finite()) {
        _ if lo > hi => None,
        (true, true) if lo == hi => Some(fmt_num(lo)),
        (true, true) => Some(format!("{} to {}", fmt_num(lo), fmt_num(hi))),
        (true, false) => Some(format!("at least {}", fmt_num(lo))),
        (false, true) => Some(format!("at most {}", fmt_num(hi))),
        (false, false) => Some("any value".into()),
    }
}

/// How two figures of one question relate. `stated` is the order the
/// words of a passage give them, when one does ("rose from 150,000 to
/// 212,000"; see [`super::stated`]).
pub fn relate(p: &Property, a: &Claim, b: &Claim, stated: impl FnOnce() -> Option<Order>) -> Relation {
    let (ra, rb) = (range(p, a), range(p, b));
    if overlap(ra, rb) {
        return Relation::Consistent;
    }
    let mut when = order_claims(a, b);
    // One passage of one source speaks of one moment, unless the claims
    // give their own, ordered times ("31%, down from 93% in 2019"), or
    // the words of a passage say which figure came first. A figure per
    // named period ("in 2020") is one moment whatever the words between.
    if !p.fixed && matches!(when, Order::SameDay | Order::Overlapping) {
        when = stated().unwrap_or(when);
    }
    let ordered = matches!(when, Order::Before | Order::After);
    if p.fixed || (same_passage(a, b) && !ordered) {
        return Relation::Clash(Reason::Number);
    }
    match (p.monotonic, when) {
        (Some(dir), Order::Before | Order::After) => {
            let (first, second) = if when == Order::Before { (ra, rb) } else { (rb, ra) };
            let wrong = match dir {
                Monotonic::Increasing => first.0 > second.1,
                Monotonic::Decreasing => first.1 < second.0,
            };
            if wrong {
                Relation::Clash(Reason::Number)
            } else {
                Relation::Consistent
            }
        }
        // A count that only rises or falls orders same-day figures by itself.
        (Some(_), _) => Relation::Consistent,
        (None, Order::SamePeriod) => Relation::Clash(Reason::Number),
        (None, Order::SameDay) => Relation::Unclear(
            "both are dated to the same day with no time of day, so they may be two updates of that day; \
             the hour of each report, or the figure's own as-of time, would decide it"
                .into(),
        ),
        (None, _) => Relation::Consistent,
    }
}
