//! Facts: something that happened (or is so). A changing fact goes from
//! "not yet" to "happened" and never back; a fixed one is true or false
//! for all time.

use super::consistency::Relation;
use super::moment::{order, Order};
use super::Reason;
use crate::corpus::model::{Claim, Property, Value};
use crate::read::time::Interval;

pub fn happened(c: &Claim) -> bool {
    matches!(c.value, Value::Fact(true))
}

/// By when a "yes" claim says it happened: its `when`, else its as-of time.
pub fn by(c: &Claim) -> Interval {
    c.since.as_ref().map(|s| s.resolved.interval).unwrap_or(c.as_of)
}

pub fn relate(p: &Property, a: &Claim, b: &Claim) -> Relation {
    if happened(a) == happened(b) {
        return Relation::Consistent;
    }
    if p.fixed {
        return Relation::Clash(Reason::Polarity);
    }
    let (yes, no) = if happened(a) { (a, b) } else { (b, a) };
    // It happened by the end of `by`; "not yet" as of a moment after that
    // cannot hold. Without a `when`, "yes as of D" is "happened on or before D".
    let done = by(yes);
    let done = Interval {
        start: if yes.since.is_some() { done.start } else { None },
        end: done.end,
    };
    if order(&done, &no.as_of) == Order::Before {
        return Relation::Clash(Reason::Polarity);
    }
    match order(&by(yes), &no.as_of) {
        Order::SameDay => Relation::Unclear(
            "one says it happened on the day the other says it had not happened yet; the hour of each \
             report would decide whether the second was simply written before the news"
                .into(),
        ),
        _ => Relation::Consistent,
    }
}
