//! The model of moments: when a claim speaks of, as an interval of days,
//! and when two claims must be about the same moment.
//!
//! A claim's time is uncertain: "mid-2024" is four months, "not before
//! 2025-06-01" is open-ended, and a day without a time of day does not
//! order two updates published that day. So claimcheck never treats two
//! claims as simultaneous because their intervals merely overlap: they
//! are about the same moment only when their intervals are the same period
//! (the same day, or the same named year or month that both give), or when
//! they were curated from one passage of one source.

use std::cmp::Ordering;

use jiff::civil::Date;

use crate::corpus::model::Claim;
use crate::read::time::Interval;

/// How the times of two claims relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Every moment of the first comes before every moment of the second.
    Before,
    After,
    /// The same single day, no time of day: the order within it is unknown.
    SameDay,
    /// The same period longer than a day (both say "2024"): for a value
    /// given per period, the same moment.
    SamePeriod,
    /// Overlapping but not the same: the data does not fix an order.
    Overlapping,
}

/// The order of two intervals of days.
pub fn order(a: &Interval, b: &Interval) -> Order {
    if a.before(b) {
        Order::Before
    } else if b.before(a) {
        Order::After
    } else if a == b && a.is_day() {
        Order::SameDay
    } else if a == b && a.start.is_some() && a.end.is_some() {
        Order::SamePeriod
    } else {
        Order::Overlapping
    }
}

/// The order of two claims' times: [`order`] of their days, and within one
/// day the order of their parts of the day when both give one and they do
/// not overlap ("Sunday morning" before "Sunday evening"; a source
/// published at 09:00 before one published at 18:00).
pub fn order_claims(a: &Claim, b: &Claim) -> Order {
    match order(&a.as_of, &b.as_of) {
        Order::SameDay => match a.as_of_hours.zip(b.as_of_hours) {
            Some((x, y)) => match x.order(&y) {
                Some(Ordering::Less) => Order::Before,
                Some(Ordering::Greater) => Order::After,
                _ => Order::SameDay,
            },
            None => Order::SameDay,
        },
        other => other,
    }
}

/// A claim's moment in words: "2014-08-04", "2014-08-04 17:00-23:00",
/// "2025-06-01 or later".
pub fn words(c: &Claim) -> String {
    match c.as_of_hours {
        Some(h) if c.as_of.is_day() => format!("{} {}", c.as_of.as_of_words(), h.human()),
        _ => c.as_of.as_of_words(),
    }
}

/// "Tuesday" for "on Tuesday" or "On Tuesday", "2024" for "in 2024": the
/// words after "as of" or "since".
pub fn strip_preposition(t: &str) -> &str {
    ["on ", "in "]
        .iter()
        .find_map(|p| {
            t.get(..p.len())
                .filter(|h| h.eq_ignore_ascii_case(p))
                .and_then(|_| t.get(p.len()..))
        })
        .unwrap_or(t)
}

/// When a state began, in words: "since Sunday" for "on Sunday", but "by
/// 2023" as written, for "since by 2023" would misread a bound as a start.
/// `shown` is the time as it should appear after "since".
pub fn since_words(text: &str, shown: &str) -> String {
    let bound = ["by ", "before ", "after ", "not before ", "not after ", "until "]
        .iter()
        .any(|p| text.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
    if bound {
        shown.to_string()
    } else {
        format!("since {shown}")
    }
}

/// Whether two claims were curated from one passage (paragraph) of one
/// source: then they describe one moment, whatever their dates say.
pub fn same_passage(a: &Claim, b: &Claim) -> bool {
    a.source == b.source && a.anchor.line == b.anchor.line
}

/// A total order of claims in time for timelines: earliest start first
/// (an open start sorts by its end), then the narrower interval.
pub fn time_cmp(a: &Interval, b: &Interval) -> Ordering {
    a.sort_key().cmp(&b.sort_key())
}

/// Claims in time order, then by id: the order every list of claims in a
/// finding is given in.
pub fn by_time(a: &Claim, b: &Claim) -> Ordering {
    time_cmp(&a.as_of, &b.as_of)
        .then_with(|| match order_claims(a, b) {
            Order::Before => Ordering::Less,
            Order::After => Ordering::Greater,
            _ => Ordering::Equal,
        })
        .then_with(|| a.id.cmp(&b.id))
}

/// The span in which a state claim surely holds its value: from the latest
/// day its `since` allows to the first day of its as-of time.
pub fn sure_span(c: &Claim) -> Option<Interval> {
    let since = c.since.as_ref()?.resolved.interval;
    let lo = since.end.or(since.start)?;
    let hi = c.as_of.start.or(c.as_of.end)?;
    (lo <= hi).then(|| Interval::new(lo, hi))
}

/// The earliest day a state claim speaks of: its `since` if given, else its as-of time.
pub fn state_start(c: &Claim) -> Option<Date> {
    sure_span(c).and_then(|s| s.start).or(c.as_of.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::time::{resolve, Tense};

    fn iv(s: &str) -> Interval {
        resolve(s, None, Tense::Past).unwrap().interval
    }

    #[test]
    fn an_open_bound_never_pins_a_moment() {
        assert_eq!(order(&iv("before 2010-02-10"), &iv("2010-02-01")), Order::Overlapping);
        assert_eq!(order(&iv("before 2010-02-10"), &iv("2010-02-12")), Order::Before);
    }

    #[test]
    fn a_day_is_a_day_and_a_year_a_period() {
        assert_eq!(order(&iv("2016-04-17"), &iv("2016-04-17")), Order::SameDay);
        assert_eq!(order(&iv("2024"), &iv("2024")), Order::SamePeriod);
        assert_eq!(order(&iv("2024"), &iv("2024-05-08")), Order::Overlapping);
        assert_eq!(order(&iv("2024-05-08"), &iv("2024-05-09")), Order::Before);
    }
}
