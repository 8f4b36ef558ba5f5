//! The core reader: an expression split into bounds, ranges, parts of a
//! period ("mid-", "early", "the end of") and the period itself.

use super::*;

pub(super) struct Ctx<'a> {
    pub(super) original: &'a str,
    pub(super) reference: Option<Date>,
    pub(super) tense: Tense,
    /// The other reading of a yearless date or a bare weekday, when the
    /// choice between the two was close ([`Resolved::also`]).
    pub(super) also: std::cell::Cell<Option<String>>,
}

/// How a day, month or weekday written without its year (or week) is
/// placed: the reading before or after the reference date that the rule
/// chose, and the other one when it is about as plausible.
pub(super) struct Placed {
    pub(super) chosen: Period,
    pub(super) rule: String,
    pub(super) other: Option<Period>,
}

/// How strongly an undated reading leans to the past: the next occurrence
/// is chosen only when it is nearer than this share of the last's distance.
pub(super) enum Lean {
    /// Days and months: the next one when less than two thirds as far.
    Past,
    /// Weekdays, which news mostly reports after the fact: the next one only
    /// when less than a third as far (a Friday's "Saturday" is tomorrow).
    MostlyPast,
}

/// Chooses between the most recent occurrence (`past`, `dp` days before the
/// reference) and the next (`future`, `df` days after), by `tense`:
///
/// - past or future (a cue in the sentence, or the caller's choice): that
///   one, unless it lies over half a year away while the other is ten times
///   nearer: a tense cue never moves a date a year away from a much nearer
///   reading. The other is kept as `other` when it is at least four times
///   nearer, since the cue can be wrong about which occurrence is meant;
/// - nearest: the past one unless the future one is much nearer (see
///   [`Lean`]); when neither is twice as near as the other, the text does
///   not decide and the other is kept;
/// - ahead (a deadline): the future one unless the past one is less than a
///   third as far; the past one is kept when it is more than twice as near.
pub(super) fn place(
    what: &str,
    tense: Tense,
    lean: Lean,
    (past, dp): (Period, i64),
    (future, df): (Period, i64),
) -> Placed {
    let (dp, df) = (dp.max(0), df.max(0));
    let much_nearer = |near: i64, far: i64| far > 183 && near * 10 <= far;
    let (chosen, rule) = match tense {
        Tense::Past if much_nearer(df, dp) => (
            future,
            format!("{what} without a year: the next one, much nearer than the last the sentence's tense points to"),
        ),
        Tense::Future if much_nearer(dp, df) => (
            past,
            format!("{what} without a year: the last one, much nearer than the next the sentence's tense points to"),
        ),
        Tense::Past => (past, format!("{what} without a year: the most recent one (past tense)")),
        Tense::Future => (future, format!("{what} without a year: the next one (future tense)")),
        Tense::Ahead if dp * 3 < df => (
            past,
            format!("{what} without a year: the last one, much nearer than the next"),
        ),
        Tense::Ahead => (future, format!("{what} without a year: the next one (a deadline)")),
        Tense::Nearest => {
            let future_first = match lean {
                Lean::Past => df * 3 < dp * 2,
                Lean::MostlyPast => df * 3 < dp,
            };
            if future_first {
                (
                    future,
                    format!("{what} without a year: the next one, much nearer than the last"),
                )
            } else {
                (past, format!("{what} without a year: the most recent one"))
            }
        }
    };
    let (far, near) = if chosen == past { (dp, df) } else { (df, dp) };
    let close = match tense {
        Tense::Nearest => far.max(near) < 2 * far.min(near).max(1),
        // A deadline read ahead is in doubt only when the last occurrence
        // is more than twice as near.
        Tense::Ahead => chosen == future && dp * 2 <= df,
        _ => near * 4 <= far,
    };
    let other = if chosen == past { future } else { past };
    Placed {
        chosen,
        rule,
        other: close.then_some(other),
    }
}

pub(super) type Bound = (&'static str, &'static str);

/// Prefixes that turn a period into a bound, with the TimeML mod they give.
pub(super) const BOUNDS: [(&str, Bound); 12] = [
    ("no later than ", ("ON_OR_BEFORE", "on or before the end of")),
    ("no earlier than ", ("ON_OR_AFTER", "on or after the start of")),
    ("not before ", ("ON_OR_AFTER", "on or after the start of")),
    ("not after ", ("ON_OR_BEFORE", "on or before the end of")),
    ("by ", ("ON_OR_BEFORE", "on or before the end of")),
    ("until ", ("ON_OR_BEFORE", "on or before the end of")),
    ("since ", ("ON_OR_AFTER", "on or after the start of")),
    ("from ", ("ON_OR_AFTER", "on or after the start of")),
    ("before ", ("BEFORE", "before the start of")),
    ("after ", ("AFTER", "after the end of")),
    ("post-", ("AFTER", "after the end of")),
    ("pre-", ("BEFORE", "before the start of")),
];

impl Ctx<'_> {
    pub(super) fn unrecognised(&self) -> TimeError {
        TimeError::Unrecognised(self.original.to_string())
    }

    pub(super) fn reference(&self) -> Result<Date, TimeError> {
        self.reference
            .ok_or_else(|| TimeError::NeedsReference(self.original.to_string()))
    }

    pub(super) fn expr(&self, s: &str) -> Result<Resolved, TimeError> {
        // Ranges first: "between 2018 and 2020", "2018..2020", "from May to July 2024".
        if let Some(r) = self.range(s)? {
            return Ok(r);
        }
        for (prefix, (modifier, words)) in BOUNDS {
            if let Some(rest) = s.strip_prefix(prefix) {
                let inner = self.expr_or_news(rest)?;
                let iv = inner.interval;
                let interval = match modifier {
                    "ON_OR_BEFORE" => Interval {
                        start: None,
                        end: iv.end,
                    },
                    "ON_OR_AFTER" => Interval {
                        start: iv.start,
                        end: None,
                    },
                    "BEFORE" => Interval {
                        start: None,
                        end: iv.start.map(|d| d.yesterday().unwrap_or(d)),
                    },
                    _ => Interval {
                        start: iv.end.map(|d| d.tomorrow().unwrap_or(d)),
                        end: None,
                    },
                };
                return Ok(Resolved {
                    value: inner.value,
                    modifier: Some(modifier),
                    interval,
                    rule: format!("{words} {}", inner.rule),
                    relative: inner.relative,
                    hours: None,
                    also: None,
                });
            }
        }
        for prefix in [
            "around ",
            "about ",
            "circa ",
            "c. ",
            "approximately ",
            "roughly ",
            "some ",
        ] {
            if let Some(rest) = s.strip_prefix(prefix) {
                let inner = self.expr(rest)?;
                return Ok(Resolved {
                    modifier: Some("APPROX"),
                    rule: format!("approximately {}", inner.rule),
                    ..inner
                });
            }
        }
        // "in 3 days", "in two weeks": counted ahead of the reference date.
        if let Some(r) = self.in_n_units(s)? {
            return Ok(r);
        }
        for prefix in ["on ", "in ", "during ", "the ", "of ", "at ", "as of "] {
            if let Some(rest) = s.strip_prefix(prefix) {
                return self.expr(rest);
            }
        }
        if let Some(r) = self.part_of(s)? {
            return Ok(r);
        }
        let (period, rule, relative) = self.period(s)?;
        Ok(Resolved {
            value: period.value(),
            modifier: None,
            interval: period.interval()?,
            rule,
            relative,
            hours: None,
            also: None,
        })
    }

    pub(super) fn range(&self, s: &str) -> Result<Option<Resolved>, TimeError> {
        if let Some(r) = self.days_of_a_month(s)? {
            return Ok(Some(r));
        }
        if let Some(r) = self.alternatives(s)? {
            return Ok(Some(r));
        }
        let split = if let Some(rest) = s.strip_prefix("between ") {
            rest.split_once(" and ")
        } else if let Some(rest) = s.strip_prefix("from ") {
            rest.split_once(" to ").or_else(|| rest.split_once(" until "))
        } else {
            s.split_once("..").or_else(|| {
                // "2018-2020" and "2018–2020": two years joined by a dash.
                let b = s.as_bytes();
                match (b.len(), b.get(4), s.get(..4), s.get(5..)) {
                    (9, Some(b'-'), Some(a), Some(z)) if a.parse::<u16>().is_ok() && z.parse::<u16>().is_ok() => {
                        Some((a, z))
                    }
                    _ => None,
                }
            })
        };
        let Some((a, b)) = split else { return Ok(None) };
        let (a, b) = (a.trim(), b.trim());
        let mut first = self.expr(a);
        let second = self.expr(b)?;
        // "from May to July 2024": the first part takes the second's year.
        if first.is_err() || !a.chars().any(|c| c.is_ascii_digit()) {
            if let (Some(m), Some(y)) = (month_number(a), second.interval.start.map(|d| d.year())) {
                first = Ok(Resolved {
                    value: format!("{y:04}-{m:02}"),
                    modifier: None,
                    interval: Period::Month(y, m).interval()?,
                    rule: "month, year from the range's end".into(),
                    relative: false,
                    hours: None,
                    also: None,
                });
            }
        }
        let first = first?;
        if let (Some(s1), Some(e2)) = (first.interval.start, second.interval.end) {
            if s1 > e2 {
                return Err(TimeError::Invalid(format!(
                    "the range `{}` ends before it starts",
                    self.original
                )));
            }
        }
        Ok(Some(Resolved {
            value: format!("{}/{}", first.value, second.value),
            modifier: None,
            interval: Interval {
                start: first.interval.start,
                end: second.interval.end,
            },
            rule: format!("range from {} to {}", first.rule, second.rule),
            relative: first.relative || second.relative,
            hours: None,
            also: None,
        }))
    }

    /// [`Ctx::expr`], or a news form rewritten for it ("the end of the
    /// year" inside "by the end of the year").
    fn expr_or_news(&self, s: &str) -> Result<Resolved, TimeError> {
        match self.expr(s) {
            Err(TimeError::Unrecognised(e)) => match news_forms(s, self.reference)? {
                Some((rewritten, note)) => {
                    let r = self.expr(&rewritten).map_err(|_| TimeError::Unrecognised(e))?;
                    Ok(Resolved {
                        rule: format!("{note}: {}", r.rule),
                        ..r
                    })
                }
                None => Err(TimeError::Unrecognised(e)),
            },
            other => other,
        }
    }

    /// Two days of one month: "March 21-22", "21-22 March 2019", "from
    /// March 21 to 22", "20 to 21 june" (Spanish "del 20 al 21 de junio"),
    /// "April 11 or 12". A range is both days; alternatives ("or") are read
    /// as the span of both, and the rule says it is one or the other.
    fn days_of_a_month(&self, s: &str) -> Result<Option<Resolved>, TimeError> {
        static RE: std::sync::OnceLock<Option<(regex::Regex, regex::Regex)>> = std::sync::OnceLock::new();
        let Some((month_first, day_first)) = RE
            .get_or_init(|| {
                let d = r"(\d{1,2})(?:st|nd|rd|th)?";
                let join = r" ?(-|to|and|or|through) ?";
                let year = r"(?:,? (\d{4}))?";
                let a = regex::Regex::new(&format!(r"^(?:from )?([a-z]+\.?) {d}{join}{d}{year}$")).ok()?;
                let b = regex::Regex::new(&format!(r"^(?:from )?{d}{join}{d} (?:of )?([a-z]+\.?){year}$")).ok()?;
                Some((a, b))
            })
            .as_ref()
        else {
            return Ok(None);
        };
        let (month, d1, join, d2, year) = if let Some(c) = month_first.captures(s) {
            let g = |i: usize| c.get(i).map_or("", |m| m.as_str());
            (g(1), g(2), g(3), g(4), g(5))
        } else if let Some(c) = day_first.captures(s) {
            let g = |i: usize| c.get(i).map_or("", |m| m.as_str());
            (g(4), g(1), g(2), g(3), g(5))
        } else {
            return Ok(None);
        };
        if month_number(month).is_none() {
            return Ok(None);
        }
        let first = self.expr(format!("{month} {d1} {year}").trim())?;
        let (Some(start), Some(d2)) = (first.interval.start, d2.parse::<i8>().ok()) else {
            return Ok(None);
        };
        let end = ymd(start.year(), start.month(), d2)?;
        if end < start {
            return Err(TimeError::Invalid(format!(
                "the range `{}` ends before it starts",
                self.original
            )));
        }
        let either = join == "or";
        Ok(Some(Resolved {
            value: format!("{start}/{end}"),
            modifier: None,
            interval: Interval::new(start, end),
            rule: if either {
                format!("one of two days of a month, {}", first.rule)
            } else {
                format!("days of a month, {}", first.rule)
            },
            relative: first.relative,
            hours: None,
            also: None,
        }))
    }

    /// "April 11 or April 12", "Monday or Tuesday": either reading, so the
    /// span of both; the rule says it is one or the other.
    fn alternatives(&self, s: &str) -> Result<Option<Resolved>, TimeError> {
        let Some((a, b)) = s.split_once(" or ") else {
            return Ok(None);
        };
        let (Ok(first), Ok(second)) = (self.expr(a.trim()), self.expr(b.trim())) else {
            return Ok(None);
        };
        let start = first.interval.start.min(second.interval.start);
        let start = if first.interval.start.is_none() || second.interval.start.is_none() {
            None
        } else {
            start
        };
        let end = first.interval.end.max(second.interval.end);
        let end = if first.interval.end.is_none() || second.interval.end.is_none() {
            None
        } else {
            end
        };
        let (first, second) = if second.interval.start < first.interval.start {
            (second, first)
        } else {
            (first, second)
        };
        Ok(Some(Resolved {
            value: format!("{}/{}", first.value, second.value),
            modifier: None,
            interval: Interval { start, end },
            rule: format!("one of two: {} or {}", first.rule, second.rule),
            relative: first.relative || second.relative,
            hours: None,
            also: None,
        }))
    }

    /// "early 2025", "mid-2024", "late May", "the end of 2023", "first half of 2024".
    pub(super) fn part_of(&self, s: &str) -> Result<Option<Resolved>, TimeError> {
        const PARTS: [(&str, &str); 12] = [
            ("early ", "START"),
            ("early-", "START"),
            ("beginning of ", "START"),
            ("start of ", "START"),
            ("mid ", "MID"),
            ("mid-", "MID"),
            ("middle of ", "MID"),
            ("late ", "END"),
            ("late-", "END"),
            ("end of ", "END"),
            ("the end of ", "END"),
            ("the middle of ", "MID"),
        ];
        for (prefix, modifier) in PARTS {
            let Some(rest) = s.strip_prefix(prefix) else { continue };
            let rest = rest.trim_start_matches("the ");
            let (period, rule, relative) = self.period(rest)?;
            let (s2, e2) = match period {
                // Months split into days 1-10, 11-20 and 21 to the end.
                Period::Month(y, m) => match modifier {
                    "START" => (ymd(y, m, 1)?, ymd(y, m, 10)?),
                    "MID" => (ymd(y, m, 11)?, ymd(y, m, 20)?),
                    _ => (ymd(y, m, 21)?, month_span(y, m, 1)?.1),
                },
                // Years split into January-April, May-August, September-December.
                Period::Year(y) => match modifier {
                    "START" => month_span(y, 1, 4)?,
                    "MID" => month_span(y, 5, 4)?,
                    _ => month_span(y, 9, 4)?,
                },
                // Anything else splits into thirds of its days.
                _ => {
                    let iv = period.interval()?;
                    let (Some(start), Some(end)) = (iv.start, iv.end) else {
                        return Err(self.unrecognised());
                    };
                    let n = i64::from((end - start).get_days()) + 1;
                    let (a, b) = match modifier {
                        // A day has no thirds at this precision ("late
                        // Monday"): the part lies within the day itself.
                        _ if n < 3 => (0, n - 1),
                        "START" => (0, n / 3 - 1),
                        "MID" => (n / 3, n - n / 3 - 1),
                        _ => (n - n / 3, n - 1),
                    };
                    (
                        start.checked_add(days(a)?).map_err(inv)?,
                        start.checked_add(days(b)?).map_err(inv)?,
                    )
                }
            };
            let word = match modifier {
                "START" => "early part",
                "MID" => "middle part",
                _ => "late part",
            };
            return Ok(Some(Resolved {
                value: period.value(),
                modifier: Some(modifier),
                interval: Interval::new(s2, e2),
                rule: format!("{word} (a third) of {rule}"),
                relative,
                hours: None,
                also: None,
            }));
        }
        for (prefix, half) in [
            ("first half of ", 1),
            ("second half of ", 2),
            ("the first half of ", 1),
            ("the second half of ", 2),
        ] {
            if let Some(rest) = s.strip_prefix(prefix) {
                let (period, _, relative) = self.period(rest)?;
                let Period::Year(y) = period else {
                    return Err(self.unrecognised());
                };
                let p = Period::Half(y, half);
                return Ok(Some(Resolved {
                    value: p.value(),
                    modifier: None,
                    interval: p.interval()?,
                    rule: "half year".into(),
                    relative,
                    hours: None,
                    also: None,
                }));
            }
        }
        Ok(None)
    }
}
