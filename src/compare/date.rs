//! Event dates: when something happened is one fact, an interval of days
//! with the precision the text gave; dates that do not overlap clash.

use super::consistency::Relation;
use super::Reason;
use crate::corpus::model::{Claim, Value};
use crate::read::time::Interval;

pub fn date(c: &Claim) -> Interval {
    match &c.value {
        Value::Date(t) => t.resolved.interval,
        _ => c.as_of,
    }
}

pub fn relate(a: &Claim, b: &Claim) -> Relation {
    if date(a).intersect(&date(b)).is_some() {
        Relation::Consistent
    } else {
        Relation::Clash(Reason::Date)
    }
}

/// The days every claim's date allows, if they share any.
pub fn common(claims: &[&Claim]) -> Option<Interval> {
    let (first, rest) = claims.split_first()?;
    rest.iter().try_fold(date(first), |acc, c| acc.intersect(&date(c)))
}
