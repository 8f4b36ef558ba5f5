//! Event dates: when something happened is one fact, an interval of days
//! with the precision the text gave; dates that do not overlap clash.
//!
//! A date that moves (`over_time = "changes"`: a scheduled departure, a
//! postponed vote) is the date in force at each claim's time: two claims
//! clash only when they speak of one moment, and a new date later is a
//! change, as the figures of a changing count are.

use super::consistency::Relation;
use super::moment::{order_claims, same_passage, Order};
use super::Reason;
use crate::corpus::model::{Claim, Property, Value};
use crate::read::time::Interval;

pub fn date(c: &Claim) -> Interval {
    match &c.value {
        Value::Date(t) => t.resolved.interval,
        _ => c.as_of,
    }
}

pub fn relate(p: &Property, a: &Claim, b: &Claim) -> Relation {
    if date(a).intersect(&date(b)).is_some() {
        return Relation::Consistent;
    }
    if p.fixed {
        return Relation::Clash(Reason::Date);
    }
    match order_claims(a, b) {
        Order::Before | Order::After => Relation::Consistent,
        _ if same_passage(a, b) => Relation::Clash(Reason::Date),
        Order::SamePeriod => Relation::Clash(Reason::Date),
        Order::SameDay => Relation::Unclear(
            "both are dated to the same day with no time of day, so the date may have been moved that day; \
             the hour of each report would decide it"
                .into(),
        ),
        Order::Overlapping => Relation::Consistent,
    }
}

/// The days every claim's date allows, if they share any.
pub fn common(claims: &[&Claim]) -> Option<Interval> {
    let (first, rest) = claims.split_first()?;
    rest.iter().try_fold(date(first), |acc, c| acc.intersect(&date(c)))
}
