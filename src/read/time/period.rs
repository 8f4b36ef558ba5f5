//! Calendar periods (day, week, month, quarter, half, season, year,
//! decade, century) as intervals and TimeML values, and the checked date
//! arithmetic the readers share.

use super::*;

/// A calendar period an expression names, before modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Period {
    Day(Date),
    Week(i16, i8),
    Month(i16, i8),
    Quarter(i16, i8),
    Half(i16, i8),
    /// 0 spring, 1 summer, 2 fall, 3 winter (December of the year into February).
    Season(i16, i8),
    Year(i16),
    Decade(i16),
    Century(i16),
}

pub(super) const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

impl Period {
    pub(super) fn value(self) -> String {
        match self {
            Period::Day(d) => d.to_string(),
            Period::Week(y, w) => format!("{y:04}-W{w:02}"),
            Period::Month(y, m) => format!("{y:04}-{m:02}"),
            Period::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Period::Half(y, h) => format!("{y:04}-H{h}"),
            Period::Season(y, s) => format!("{y:04}-{}", SEASONS.get(s as usize).unwrap_or(&"SU")),
            Period::Year(y) => format!("{y:04}"),
            Period::Decade(d) => format!("{d:03}"),
            Period::Century(c) => format!("{c:02}"),
        }
    }

    pub(super) fn interval(self) -> Result<Interval, TimeError> {
        let (s, e) = match self {
            Period::Day(d) => (d, d),
            Period::Week(y, w) => {
                let start = jiff::civil::ISOWeekDate::new(y, w, Weekday::Monday)
                    .map_err(|_| TimeError::Invalid(format!("{y}-W{w:02} is not an ISO week")))?
                    .date();
                (start, start.saturating_add(jiff::Span::new().days(6)))
            }
            Period::Month(y, m) => month_span(y, m, 1)?,
            Period::Quarter(y, q) if (1..=4).contains(&q) => month_span(y, (q - 1) * 3 + 1, 3)?,
            Period::Half(y, h) if (1..=2).contains(&h) => month_span(y, (h - 1) * 6 + 1, 6)?,
            Period::Quarter(_, n) | Period::Half(_, n) => {
                return Err(TimeError::Invalid(format!("there is no quarter or half number {n}")))
            }
            Period::Season(y, s) => match s {
                0 => month_span(y, 3, 3)?,
                1 => month_span(y, 6, 3)?,
                2 => month_span(y, 9, 3)?,
                _ => (
                    ymd(y, 12, 1)?,
                    ymd(y.checked_add(1).ok_or_else(too_far)?, 3, 1)?
                        .yesterday()
                        .map_err(inv)?,
                ),
            },
            Period::Year(y) => (ymd(y, 1, 1)?, ymd(y, 12, 31)?),
            Period::Decade(d) => span_years(i32::from(d) * 10, 10)?,
            Period::Century(c) => span_years(i32::from(c) * 100, 100)?,
        };
        Ok(Interval::new(s, e))
    }
}

/// A date computation that left the calendar: the one way it can fail.
pub(super) fn inv(_: jiff::Error) -> TimeError {
    too_far()
}

/// The largest count of days, months or years an expression may move by:
/// jiff's calendar spans years -9999 to 9999.
pub(super) const MAX_YEARS: i64 = 19_998;

pub(super) fn too_far() -> TimeError {
    TimeError::Invalid("the expression reaches outside the years -9999 to 9999".into())
}

/// A span of `n` days, or an error where jiff's span constructors would panic.
pub(super) fn days(n: i64) -> Result<jiff::Span, TimeError> {
    jiff::Span::new().try_days(n).map_err(|_| too_far())
}

pub(super) fn months(n: i64) -> Result<jiff::Span, TimeError> {
    jiff::Span::new().try_months(n).map_err(|_| too_far())
}

/// `y - n` as a calendar year, checked.
pub(super) fn year_minus(y: i16, n: i64) -> Result<i16, TimeError> {
    if !(-MAX_YEARS..=MAX_YEARS).contains(&n) {
        return Err(too_far());
    }
    i16::try_from(i64::from(y) - n)
        .ok()
        .filter(|y| (-9999..=9999).contains(y))
        .ok_or_else(too_far)
}

/// The `n` years from `first`, checked against the calendar's range.
pub(super) fn span_years(first: i32, n: i32) -> Result<(Date, Date), TimeError> {
    let year = |y: i32| i16::try_from(y).map_err(|_| too_far());
    Ok((ymd(year(first)?, 1, 1)?, ymd(year(first + n - 1)?, 12, 31)?))
}

pub(super) fn ymd(y: i16, m: i8, d: i8) -> Result<Date, TimeError> {
    Date::new(y, m, d).map_err(|_| {
        // "March has 31 days", "February 2023 has 28 days": the reason.
        let days_in = Date::new(y, m, 1).ok().map(|first| first.days_in_month());
        match days_in {
            Some(n) if m == 2 => {
                TimeError::Invalid(format!("{y:04}-{m:02}-{d:02} is not a date: February {y} has {n} days"))
            }
            Some(n) => TimeError::Invalid(format!(
                "{y:04}-{m:02}-{d:02} is not a date: {} has {n} days",
                capitalised(month_name(m))
            )),
            None => TimeError::Invalid(format!("{y:04}-{m:02}-{d:02} is not a date")),
        }
    })
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// `months` months starting at month `m` (one-based) of year `y`.
pub(super) fn month_span(y: i16, m: i8, months: i8) -> Result<(Date, Date), TimeError> {
    if !(1..=12).contains(&m) {
        return Err(TimeError::Invalid(format!("month {m} does not exist")));
    }
    let start = ymd(y, m, 1)?;
    // The last day of the last month, found within it (so that a period
    // ending 9999-12-31 does not pass through 10000-01-01).
    let last = start
        .checked_add(jiff::Span::new().months(i64::from(months) - 1))
        .map_err(inv)?;
    let end = last.last_of_month();
    Ok((start, end))
}

pub(super) fn season_of(d: Date) -> (i16, i8) {
    match d.month() {
        3..=5 => (d.year(), 0),
        6..=8 => (d.year(), 1),
        9..=11 => (d.year(), 2),
        12 => (d.year(), 3),
        _ => (d.year() - 1, 3),
    }
}
