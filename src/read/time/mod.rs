//! Time expressions: partial dates, fuzzy periods, bounds and relative
//! expressions, resolved to an interval of days and a TimeML value.
//!
//! News text rarely gives a full date. "mid-2024", "by February 2024",
//! "last month" and "on Thursday" all name a *span* of days, and comparing
//! claims means comparing those spans, so every expression resolves to an
//! [`Interval`] (inclusive days, either end possibly open) together with the
//! TimeML value an annotator would write (`2024`, `2024-05`, `2024-W17`,
//! `2024-Q3`, `2024-H1`, `2024-SU`, `199`...) and the rule that produced it,
//! so an editor can check the reading with `claimcheck date`.
//!
//! Relative expressions need a reference date (the source's publication or
//! writing date). Where the text does not say whether a bare month or day is
//! past or future, a [`Tense`] decides: claims about reported events read
//! them as past; `claimcheck date` defaults to the nearest occurrence with a
//! bias to the past, which is what news annotators choose most often.

use std::fmt;

use jiff::civil::{Date, Weekday};
use serde::Serialize;

/// An inclusive span of days; `None` at either end means unbounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Interval {
    pub start: Option<Date>,
    pub end: Option<Date>,
}

impl Interval {
    pub fn new(start: Date, end: Date) -> Interval {
        Interval {
            start: Some(start),
            end: Some(end),
        }
    }

    pub fn day(d: Date) -> Interval {
        Interval::new(d, d)
    }

    /// The days both intervals cover, if any.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let start = max_opt(self.start, other.start);
        let end = min_opt(self.end, other.end);
        match (start, end) {
            (Some(s), Some(e)) if s > e => None,
            _ => Some(Interval { start, end }),
        }
    }

    /// True when every day of `self` comes strictly before every day of `other`.
    pub fn before(&self, other: &Interval) -> bool {
        match (self.end, other.start) {
            (Some(e), Some(s)) => e < s,
            _ => false,
        }
    }

    /// True when the interval is a single known day.
    pub fn is_day(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if s == e)
    }

    /// The interval in words, for sentences: "2025-03-29", "on or after
    /// 2025-06-01", "2024-05-01 to 2024-08-31".
    pub fn human(&self) -> String {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => s.to_string(),
            (Some(s), Some(e)) => format!("{s} to {e}"),
            (Some(s), None) => format!("on or after {s}"),
            (None, Some(e)) => format!("on or before {e}"),
            (None, None) => "at any time".into(),
        }
    }

    /// The interval in words after "as of": "2025-06-09", "2025-06-01 or
    /// later", "2024-01-01 to 2024-12-31".
    pub fn as_of_words(&self) -> String {
        match (self.start, self.end) {
            (Some(s), None) => format!("{s} or later"),
            (None, Some(e)) => format!("{e} or earlier"),
            _ => self.human(),
        }
    }

    /// The earliest day, or the latest where only that is known; for sorting.
    pub fn sort_key(&self) -> (Date, Date) {
        let lo = self.start.or(self.end).unwrap_or(Date::MIN);
        let hi = self.end.or(self.start).unwrap_or(Date::MAX);
        (lo, hi)
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => write!(f, "{s}"),
            (Some(s), Some(e)) => write!(f, "{s}..{e}"),
            (Some(s), None) => write!(f, "{s}.."),
            (None, Some(e)) => write!(f, "..{e}"),
            (None, None) => write!(f, ".."),
        }
    }
}

fn max_opt(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (x, None) | (None, x) => x,
    }
}

fn min_opt(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (x, None) | (None, x) => x,
    }
}

/// How to read a bare month, day of month or weekday that the text does not
/// place in time ("in September", "on Thursday").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Tense {
    /// The most recent occurrence on or before the reference date.
    Past,
    /// The next occurrence on or after the reference date.
    Future,
    /// Whichever is nearer, preferring the past unless the future one is
    /// much nearer (bare weekdays are always read as past).
    #[default]
    Nearest,
}

/// A time expression read and resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// The TimeML value (`2025-05`, `2024-W17`, `2018/2020` for a range).
    pub value: String,
    /// The TimeML `mod` (`START`, `MID`, `END`, `BEFORE`, `ON_OR_BEFORE`,
    /// `AFTER`, `ON_OR_AFTER`, `APPROX`), if any.
    #[serde(rename = "mod")]
    pub modifier: Option<&'static str>,
    pub interval: Interval,
    /// The rule applied, in words, for editors checking a reading.
    pub rule: String,
    /// True when the reading depended on the reference date.
    pub relative: bool,
    /// The part of the day, when the expression gives one for a single day
    /// ("Sunday evening", "4:30 p.m.", "0830 UTC"): it orders two updates of
    /// one day.
    pub hours: Option<DayPart>,
}

/// A part of one day in minutes from local midnight, `from` inclusive and
/// `to` exclusive, with the UTC offset in minutes when the text names a
/// zone. "Evening" is 17:00-23:00, "4:30 p.m." the minute 16:30-16:31.
///
/// Two parts order two moments of one day only when they do not overlap,
/// and only when both are in a known zone or both are in none (the local
/// time of the story); a zoned and an unzoned time are in unknown order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DayPart {
    pub from: u16,
    pub to: u16,
    pub utc_offset: Option<i16>,
}

impl DayPart {
    /// `Some(Less)` when every minute of `self` comes before every minute
    /// of `other` on the same day, `Some(Greater)` for the reverse, `None`
    /// when they overlap or their zones do not let them be compared.
    pub fn order(&self, other: &DayPart) -> Option<std::cmp::Ordering> {
        let (shift_a, shift_b) = match (self.utc_offset, other.utc_offset) {
            (Some(a), Some(b)) => (i32::from(a), i32::from(b)),
            (None, None) => (0, 0),
            _ => return None,
        };
        let (a0, a1) = (i32::from(self.from) - shift_a, i32::from(self.to) - shift_a);
        let (b0, b1) = (i32::from(other.from) - shift_b, i32::from(other.to) - shift_b);
        if a1 <= b0 {
            Some(std::cmp::Ordering::Less)
        } else if b1 <= a0 {
            Some(std::cmp::Ordering::Greater)
        } else {
            None
        }
    }

    /// "16:30", "17:00-23:00", "08:30 UTC+00:00".
    pub fn human(&self) -> String {
        let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        let span = if self.to == self.from + 1 {
            hm(self.from)
        } else {
            format!("{}-{}", hm(self.from), hm(self.to))
        };
        match self.utc_offset {
            None => span,
            Some(o) => {
                let sign = if o < 0 { '-' } else { '+' };
                let o = o.unsigned_abs();
                format!("{span} UTC{sign}{:02}:{:02}", o / 60, o % 60)
            }
        }
    }
}

/// Named parts of a day, in minutes from midnight.
const DAY_PARTS: [(&str, u16, u16); 11] = [
    ("dawn", 4 * 60, 7 * 60),
    ("morning", 5 * 60, 12 * 60),
    ("noon", 11 * 60, 13 * 60),
    ("midday", 11 * 60, 13 * 60),
    ("afternoon", 12 * 60, 18 * 60),
    ("evening", 17 * 60, 23 * 60),
    ("tonight", 18 * 60, 24 * 60),
    ("night", 19 * 60, 24 * 60),
    ("overnight", 0, 7 * 60),
    ("predawn", 0, 6 * 60),
    ("pre-dawn", 0, 6 * 60),
];

/// The UTC offset, in minutes, of a zone named after a clock time.
fn zone_offset(w: &str) -> Option<i16> {
    let named = match w {
        "utc" | "gmt" | "z" => Some(0),
        "est" => Some(-300),
        "edt" => Some(-240),
        "cdt" => Some(-300),
        "pst" => Some(-480),
        "pdt" => Some(-420),
        "bst" | "cet" => Some(60),
        "cest" | "eet" => Some(120),
        "eest" | "msk" | "moscow" => Some(180),
        "beijing" | "china" => Some(480),
        "tokyo" | "jst" | "kst" | "seoul" => Some(540),
        _ => None,
    };
    named.or_else(|| {
        // "+08:00", "-0500", "utc+8", "gmt+05:30".
        let w = w.trim_start_matches("utc").trim_start_matches("gmt");
        let (sign, rest) = match w.as_bytes().first() {
            Some(b'+') => (1, w.get(1..)?),
            Some(b'-') => (-1, w.get(1..)?),
            _ => return None,
        };
        let digits: String = rest.chars().filter(|c| *c != ':').collect();
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (h, m) = if digits.len() <= 2 {
            (digits.parse::<i16>().ok()?, 0)
        } else {
            let (h, m) = digits.split_at(digits.len() - 2);
            (h.parse::<i16>().ok()?, m.parse::<i16>().ok()?)
        };
        (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
    })
}

/// A clock time: "4:30", "16:05", "4" before "p.m.", "0830" before a zone.
fn clock(w: &str, meridiem: Option<&str>, zoned: bool) -> Option<u16> {
    let w = w.trim_end_matches(['.', ',']);
    let (h, m) = if let Some((h, m)) = w.split_once(':') {
        let m = m.get(..2).unwrap_or(m);
        (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?)
    } else if w.len() == 4 && zoned && w.bytes().all(|b| b.is_ascii_digit()) {
        (w.get(..2)?.parse().ok()?, w.get(2..)?.parse().ok()?)
    } else if meridiem.is_some() && !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
        (w.parse().ok()?, 0)
    } else {
        return None;
    };
    if m >= 60 {
        return None;
    }
    let h = match meridiem {
        Some(pm) if (1..=12).contains(&h) => {
            if pm.starts_with('p') {
                h % 12 + 12
            } else {
                h % 12
            }
        }
        Some(_) => return None,
        None if h < 24 => h,
        None => return None,
    };
    Some(h * 60 + m)
}

/// "a.m", "p.m", "am" or "pm" (a trailing dot or comma aside): a meridiem.
fn meridiem(w: &str) -> Option<&str> {
    Some(w.trim_end_matches(['.', ','])).filter(|w| matches!(*w, "a.m" | "p.m" | "am" | "pm"))
}

/// The minute of the clock time written at word `i`, if it is one: "4:30",
/// "16:05", "4:30pm" (the meridiem glued on), "4" before "p.m.", "0830"
/// before a zone (four digits alone are a year).
fn clock_at(words: &[&str], i: usize) -> Option<u16> {
    let w = words.get(i)?;
    let (w, glued) = match w.strip_suffix("pm").or_else(|| w.strip_suffix("p.m.")) {
        Some(c) if !c.is_empty() => (c, Some("pm")),
        _ => match w.strip_suffix("am").or_else(|| w.strip_suffix("a.m.")) {
            Some(c) if !c.is_empty() => (c, Some("am")),
            _ => (*w, None),
        },
    };
    let next = words.get(i + 1).copied();
    let zoned = next.is_some_and(|z| zone_offset(z).is_some());
    clock(w, glued.or_else(|| next.and_then(meridiem)), zoned)
}

/// The part of the day an expression gives, if any: a named part ("sunday
/// evening", "last night", "early morning"), a clock time with its zone
/// ("4:30 p.m. sunday", "0830 utc", "2014-08-03t16:30+08:00"), or "early" /
/// "late" before a weekday ("late monday": 18:00-24:00).
pub fn time_of_day(cleaned: &str) -> Option<DayPart> {
    // An ISO date-time: the time and zone follow a `t`.
    let iso;
    let cleaned = match cleaned.split_once('t') {
        Some((d, t))
            if d.len() == 10
                && d.bytes().filter(|b| *b == b'-').count() == 2
                && d.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            let (clock_part, zone) = match t.find(['+', '-', 'z']) {
                Some(i) => (t.get(..i)?, t.get(i..)?),
                None => (t, ""),
            };
            let zone = if zone == "z" { "utc" } else { zone };
            iso = format!("{clock_part} {zone}");
            iso.as_str()
        }
        _ => cleaned,
    };
    let words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
    let mut part: Option<(u16, u16)> = None;
    let mut zone = None;
    for (i, w) in words.iter().enumerate() {
        if let Some(z) = zone_offset(w) {
            zone = Some(z);
            continue;
        }
        if let Some((_, from, to)) = DAY_PARTS.iter().find(|(name, _, _)| name == w) {
            part = Some((*from, *to));
            continue;
        }
        if let Some(m) = clock_at(&words, i) {
            part = Some((m, m + 1));
        }
    }
    let modifier = words.iter().find(|w| matches!(**w, "early" | "late"));
    let (from, to) = match (part, modifier) {
        (Some((f, t)), Some(&"early")) if t - f > 1 => (f, f + (t - f) / 2),
        (Some((f, t)), Some(_)) if t - f > 1 => (f + (t - f) / 2, t),
        (Some(p), _) => p,
        (None, Some(&"early")) if words.iter().any(|w| weekday(w).is_some()) => (0, 9 * 60),
        (None, Some(_)) if words.iter().any(|w| weekday(w).is_some()) => (18 * 60, 24 * 60),
        (None, _) => return None,
    };
    Some(DayPart {
        from,
        to,
        utc_offset: zone,
    })
}

/// Why an expression could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeError {
    /// Not a time expression claimcheck understands.
    Unrecognised(String),
    /// A relative expression with no reference date to count from.
    NeedsReference(String),
    /// Recognised, but names no real date (e.g. `2025-02-30`).
    Invalid(String),
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeError::Unrecognised(e) => write!(f, "`{e}` is not a time expression claimcheck can read"),
            TimeError::NeedsReference(e) => write!(
                f,
                "`{e}` is relative and needs a reference date (a source published on a known day)"
            ),
            TimeError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for TimeError {}

/// A calendar period an expression names, before modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Period {
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

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

impl Period {
    fn value(self) -> String {
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

    fn interval(self) -> Result<Interval, TimeError> {
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

fn inv(e: jiff::Error) -> TimeError {
    TimeError::Invalid(e.to_string())
}

/// The largest count of days, months or years an expression may move by:
/// jiff's calendar spans years -9999 to 9999.
const MAX_YEARS: i64 = 19_998;

fn too_far() -> TimeError {
    TimeError::Invalid("the expression reaches outside the years -9999 to 9999".into())
}

/// A span of `n` days, or an error where jiff's span constructors would panic.
fn days(n: i64) -> Result<jiff::Span, TimeError> {
    jiff::Span::new().try_days(n).map_err(|_| too_far())
}

fn months(n: i64) -> Result<jiff::Span, TimeError> {
    jiff::Span::new().try_months(n).map_err(|_| too_far())
}

/// `y - n` as a calendar year, checked.
fn year_minus(y: i16, n: i64) -> Result<i16, TimeError> {
    if !(-MAX_YEARS..=MAX_YEARS).contains(&n) {
        return Err(too_far());
    }
    i16::try_from(i64::from(y) - n)
        .ok()
        .filter(|y| (-9999..=9999).contains(y))
        .ok_or_else(too_far)
}

/// The `n` years from `first`, checked against the calendar's range.
fn span_years(first: i32, n: i32) -> Result<(Date, Date), TimeError> {
    let year = |y: i32| i16::try_from(y).map_err(|_| too_far());
    Ok((ymd(year(first)?, 1, 1)?, ymd(year(first + n - 1)?, 12, 31)?))
}

fn ymd(y: i16, m: i8, d: i8) -> Result<Date, TimeError> {
    Date::new(y, m, d).map_err(|_| TimeError::Invalid(format!("{y:04}-{m:02}-{d:02} is not a date")))
}

/// `months` months starting at month `m` (one-based) of year `y`.
fn month_span(y: i16, m: i8, months: i8) -> Result<(Date, Date), TimeError> {
    if !(1..=12).contains(&m) {
        return Err(TimeError::Invalid(format!("month {m} does not exist")));
    }
    let start = ymd(y, m, 1)?;
    let end = start
        .checked_add(jiff::Span::new().months(i64::from(months)))
        .and_then(|d| d.yesterday())
        .map_err(inv)?;
    Ok((start, end))
}

/// English month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name or its common news abbreviation ("Oct.", "Sept").
fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    for (i, name) in MONTHS.iter().enumerate() {
        if *name == w || (name.starts_with(w) && (w.len() == 3 || w == "sept")) {
            return Some(i as i8 + 1);
        }
    }
    None
}

/// The English month name, for checking quotes.
pub fn month_name(m: i8) -> &'static str {
    usize::try_from(m)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("")
}

fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.');
    let days = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    days.iter()
        .find(|(name, _)| *name == w || (w.len() >= 3 && name.starts_with(w) && w.len() <= 4))
        .map(|(_, d)| *d)
}

fn season(word: &str) -> Option<i8> {
    match word {
        "spring" => Some(0),
        "summer" => Some(1),
        "fall" | "autumn" => Some(2),
        "winter" => Some(3),
        _ => None,
    }
}

/// Small cardinal numbers as news writes them ("four years ago").
pub fn number_word(word: &str) -> Option<i64> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|w| *w == word) {
        return Some(i as i64);
    }
    match word {
        "a" | "an" => Some(1),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        "sixty" => Some(60),
        "seventy" => Some(70),
        "eighty" => Some(80),
        "ninety" => Some(90),
        "hundred" => Some(100),
        _ => word.parse().ok(),
    }
}

/// Lower-cases, folds typographic punctuation and spacing, and drops the
/// possessive and trailing punctuation, so that "Friday's" reads as "friday".
fn clean(expr: &str) -> String {
    let mut s: String = expr
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_end_matches(['.', ',', ';', ':']).to_string();
    s.strip_suffix("'s").map(str::to_string).unwrap_or(s)
}

/// Reads `expr` against `reference` (the day the text was written).
///
/// ```
/// use claimcheck::read::time::{resolve, Tense};
/// let r = resolve("last month", Some(jiff::civil::date(2025, 6, 9)), Tense::Nearest).unwrap();
/// assert_eq!(r.value, "2025-05");
/// assert_eq!(r.interval.to_string(), "2025-05-01..2025-05-31");
/// ```
pub fn resolve(expr: &str, reference: Option<Date>, tense: Tense) -> Result<Resolved, TimeError> {
    resolve_in(expr, reference, tense, None)
}

/// [`resolve`] for an expression written in language `lang` (a BCP 47 tag):
/// English first, then, if English does not read it, the article's language
/// and the other languages claimcheck knows ([`crate::read::lang`]). The rule
/// says how the expression was read ("yesterday (read as `ayer`)").
pub fn resolve_in(
    expr: &str,
    reference: Option<Date>,
    tense: Tense,
    lang: Option<&str>,
) -> Result<Resolved, TimeError> {
    match resolve_english(expr, reference, tense) {
        Err(TimeError::Unrecognised(e)) => match crate::read::lang::translate(expr, lang) {
            Some(en) => match resolve_english(&en, reference, tense) {
                Ok(r) => Ok(Resolved {
                    rule: format!("{} (read as `{en}`)", r.rule),
                    ..r
                }),
                Err(TimeError::NeedsReference(_)) => Err(TimeError::NeedsReference(expr.to_string())),
                Err(_) => Err(TimeError::Unrecognised(e)),
            },
            None => Err(TimeError::Unrecognised(e)),
        },
        other => other,
    }
}

/// Which way a sentence points in time at an expression, from the cue
/// nearest to it: "will", "plans", "scheduled", "next", "expected to"
/// point ahead; "was", "had", "ago", "earlier" and verbs in -ed point
/// back. `None` when the sentence has no cue (the caller's default stands).
pub fn tense_of(sentence: &str, expr: &str) -> Option<Tense> {
    const AHEAD: [&str; 13] = [
        "will",
        "won't",
        "shall",
        "plans",
        "plan",
        "planning",
        "scheduled",
        "upcoming",
        "next",
        "intends",
        "aims",
        "expected",
        "due",
    ];
    const BACK: [&str; 9] = [
        "was",
        "were",
        "had",
        "did",
        "ago",
        "earlier",
        "last",
        "yesterday",
        "began",
    ];
    let lower = sentence.to_lowercase().replace('\u{2019}', "'");
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let first = expr.to_lowercase();
    let first = first
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?
        .to_string();
    let at = words.iter().position(|w| *w == first)?;
    // "planned for March", "scheduled for Thursday", "set for": ahead.
    let before: Vec<&str> = words.iter().take(at).rev().take(4).copied().collect();
    if let Some(f) = before.iter().position(|w| *w == "for") {
        if before
            .get(f + 1)
            .is_some_and(|w| matches!(*w, "planned" | "scheduled" | "set" | "slated"))
        {
            return Some(Tense::Future);
        }
    }
    let cue = |w: &str, distance: usize| -> Option<Tense> {
        if (AHEAD.contains(&w) || w.ends_with("'ll")) && distance <= 10 {
            Some(Tense::Future)
        } else if BACK.contains(&w) && distance <= 4 {
            Some(Tense::Past)
        } else if w.len() > 4 && w.ends_with("ed") && w != "planned" && distance <= 4 {
            // A verb in the past right beside it ("issued ... Friday").
            Some(Tense::Past)
        } else {
            None
        }
    };
    // The nearest cue wins; at equal distance, the one before.
    (1..words.len())
        .flat_map(|d| [(at.checked_sub(d), d), (at.checked_add(d), d)])
        .filter_map(|(i, d)| i.and_then(|i| words.get(i)).map(|w| (w, d)))
        .find_map(|(w, d)| cue(w, d))
}

/// [`resolve_in`] with the sentence the expression was printed in: the
/// sentence decides the direction of a bare month or weekday
/// ([`tense_of`]), and words that continue the expression in it
/// ("February this year") place it.
pub fn resolve_in_context(
    expr: &str,
    reference: Option<Date>,
    tense: Tense,
    lang: Option<&str>,
    sentence: Option<&str>,
) -> Result<Resolved, TimeError> {
    let Some(sentence) = sentence.filter(|s| !s.trim().is_empty()) else {
        return resolve_in(expr, reference, tense, lang);
    };
    let (lower, e) = (sentence.to_lowercase(), expr.trim().to_lowercase());
    // A bare day number ("on April 24 and 25") takes the month the
    // sentence names before it.
    if e.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)) {
        let before = lower
            .find(&format!(" {e}"))
            .and_then(|i| lower.get(..i))
            .unwrap_or_default();
        let month = before
            .split(|c: char| !c.is_alphabetic())
            .rev()
            .find(|w| month_number(w).is_some());
        if let Some(month) = month {
            if let Ok(r) = resolve_in(
                &format!("{month} {e}"),
                reference,
                tense_of(sentence, month).unwrap_or(tense),
                lang,
            ) {
                return Ok(Resolved {
                    rule: format!("{} (the month is the sentence's: {month})", r.rule),
                    ..r
                });
            }
        }
    }
    if let Some(after) = lower.find(&e).and_then(|i| lower.get(i + e.len()..)) {
        for suffix in [" this year", " last year", " next year"] {
            if after.starts_with(suffix) {
                if let Ok(r) = resolve_in(&format!("{expr}{suffix}"), reference, tense, lang) {
                    return Ok(Resolved {
                        rule: format!("{} (the sentence continues \"{}{suffix}\")", r.rule, expr.trim()),
                        ..r
                    });
                }
            }
        }
    }
    // A sentence with no cue either way: a bare month is this year's, as
    // news text mostly places it (HeidelTime's rule for news), unless it is
    // still to come and the sentence is otherwise undecided.
    let cue = tense_of(sentence, expr);
    if cue.is_none() && tense == Tense::Nearest && month_number(e.trim_start_matches("in ")).is_some() {
        if let Ok(r) = resolve_in(&format!("{expr} this year"), reference, tense, lang) {
            if reference.is_some_and(|d| r.interval.start.is_some_and(|s| s <= d)) {
                return Ok(Resolved {
                    rule: format!("{} (no cue in the sentence: this year's, already begun)", r.rule),
                    ..r
                });
            }
        }
    }
    resolve_in(expr, reference, cue.unwrap_or(tense), lang)
}

fn resolve_english(expr: &str, reference: Option<Date>, tense: Tense) -> Result<Resolved, TimeError> {
    // Time expressions are short; a cap bounds the parser's work and depth.
    if expr.chars().count() > MAX_EXPRESSION {
        return Err(TimeError::Invalid(format!(
            "a time expression of {} characters is longer than any claimcheck reads ({MAX_EXPRESSION})",
            expr.chars().count()
        )));
    }
    let cleaned = clean(expr);
    if cleaned.is_empty() {
        return Err(TimeError::Unrecognised(expr.to_string()));
    }
    let ctx = Ctx {
        original: expr,
        reference,
        tense,
    };
    let r = match ctx.expr(&cleaned) {
        Err(TimeError::Unrecognised(e)) => match news_forms(&cleaned, reference)? {
            Some((rewritten, note)) => {
                let r = ctx.expr(&rewritten).map_err(|_| TimeError::Unrecognised(e))?;
                Resolved {
                    rule: format!("{note}: {}", r.rule),
                    ..r
                }
            }
            None => return Err(TimeError::Unrecognised(e)),
        },
        other => other?,
    };
    // The part of the day, for a reading of one day.
    let r = Resolved {
        hours: time_of_day(&cleaned).filter(|_| r.interval.is_day()),
        ..r
    };
    // Never an empty reading: a span whose end precedes its start is no time.
    if let (Some(s), Some(e)) = (r.interval.start, r.interval.end) {
        if e < s {
            return Err(TimeError::Invalid(format!(
                "`{expr}` reads as {s} to {e}, which ends before it starts: it cannot be placed in time"
            )));
        }
    }
    Ok(r)
}

/// More of English news time, rewritten into forms the reader knows, with
/// a note saying how: months placed by "this/last/next year", financial
/// quarters and halves, fiscal years, year-end, "the year", "this past
/// spring", "earlier yesterday", and times of day, which are read as their
/// day (claimcheck's moments are days; the part of the day is kept in the
/// rule). `Ok(None)`: not one of these forms.
fn news_forms(s: &str, reference: Option<Date>) -> Result<Option<(String, &'static str)>, TimeError> {
    let orig = s;
    let s = s.trim_start_matches("the ").trim();
    let forms: [NewsForm; 5] = [
        month_of_named_year,
        day_parts,
        stretch_ahead,
        stretches_from,
        year_parts,
    ];
    for form in forms {
        if let Some(rewritten) = form(s, orig, reference)? {
            return Ok(Some(rewritten));
        }
    }
    Ok(None)
}

/// One family of news forms: the expression (without a leading "the"),
/// the expression as given (for errors) and the reference date, to the
/// rewritten expression and the rule, or `Ok(None)`.
type NewsForm = fn(&str, &str, Option<Date>) -> Result<Option<(String, &'static str)>, TimeError>;

/// [`stretches`] as a [`NewsForm`].
fn stretches_from(s: &str, _orig: &str, reference: Option<Date>) -> Result<Option<(String, &'static str)>, TimeError> {
    stretches(s, reference)
}

/// "June last year", "January this year", "March next year".
fn month_of_named_year(
    s: &str,
    orig: &str,
    reference: Option<Date>,
) -> Result<Option<(String, &'static str)>, TimeError> {
    let need = || reference.ok_or_else(|| TimeError::NeedsReference(orig.to_string()));
    // "June last year", "January this year", "March next year".
    for (suffix, delta) in [(" this year", 0i64), (" last year", -1), (" next year", 1)] {
        if let Some(month) = s.strip_suffix(suffix).filter(|m| month_number(m).is_some()) {
            let y = year_minus(need()?.year(), -delta)?;
            return Ok(Some((format!("{month} {y}"), "month placed by the year named")));
        }
    }
    Ok(None)
}

/// Times of day, read as their day: "saturday evening", "4:30 p.m. sunday",
/// "0830 utc", "overnight", "late tuesday night", "last night".
fn day_parts(s: &str, _orig: &str, _reference: Option<Date>) -> Result<Option<(String, &'static str)>, TimeError> {
    // Times of day: "saturday evening", "sunday morning", "4:30 p.m. sunday",
    // "0830 utc", "overnight", "late tuesday night".
    const PARTS: [&str; 11] = [
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "midday",
        "midnight",
        "dawn",
        "predawn",
        "pre-dawn",
        "overnight",
    ];
    if matches!(
        s,
        "overnight" | "tonight" | "this morning" | "this afternoon" | "this evening" | "earlier today" | "later today"
    ) {
        return Ok(Some(("today".into(), "a part of the reference day")));
    }
    if matches!(
        s,
        "earlier yesterday" | "yesterday morning" | "yesterday afternoon" | "yesterday evening" | "last night"
    ) {
        return Ok(Some((
            "yesterday".into(),
            "a part of the day before the reference date",
        )));
    }
    // An ISO date-time ("2014-08-03t16:30+08:00"): its day.
    if let Some((day, _)) = s
        .split_once('t')
        .filter(|(d, _)| d.len() == 10 && time_of_day(s).is_some())
    {
        return Ok(Some((
            day.to_string(),
            "a date and time, read as its day and part of the day",
        )));
    }
    let words: Vec<&str> = s.split(' ').collect();
    // "CST" and "IST" name two zones each: dropped, read as local time.
    let is_zone = |w: &str| zone_offset(w).is_some() || matches!(w, "local" | "time" | "cst" | "ist");
    let is_clock_at = |i: usize| clock_at(&words, i).is_some();
    if words.len() > 1 && (0..words.len()).any(|i| words.get(i).is_some_and(|w| PARTS.contains(w)) || is_clock_at(i)) {
        let day: Vec<&str> = words
            .iter()
            .enumerate()
            .filter(|(i, w)| {
                !PARTS.contains(w)
                    && !is_clock_at(*i)
                    && !is_zone(w)
                    && meridiem(w).is_none()
                    && !matches!(**w, "at" | "late" | "early" | "on")
            })
            .map(|(_, w)| *w)
            .collect();
        if day.len() < words.len() {
            if day.is_empty() {
                return Ok(Some(("today".into(), "a time of day, on the reference date")));
            }
            return Ok(Some((day.join(" "), "a time of day, on its day")));
        }
    }
    Ok(None)
}

/// "in the coming days", "within weeks": forward intervals from the
/// reference, for what is expected (hedged claims).
fn stretch_ahead(s: &str, orig: &str, reference: Option<Date>) -> Result<Option<(String, &'static str)>, TimeError> {
    let need = || reference.ok_or_else(|| TimeError::NeedsReference(orig.to_string()));
    // "in the coming days", "within weeks": forward intervals from the
    // reference, for what is expected (hedged claims).
    let ahead = [
        ("in the coming days", 1, 14),
        ("in the next few days", 1, 7),
        ("within days", 0, 14),
        ("in the coming weeks", 1, 56),
        ("within weeks", 0, 56),
        ("in the coming months", 1, 365),
        ("within months", 0, 365),
    ];
    let full = format!("{}{s}", if s.starts_with("coming") { "in the " } else { "" });
    if let Some((_, from, to)) = ahead.iter().find(|(w, _, _)| *w == s || *w == full) {
        let r = need()?;
        let start = r.checked_add(days(*from)?).map_err(inv)?;
        let end = r.checked_add(days(*to)?).map_err(inv)?;
        return Ok(Some((
            format!("{start}..{end}"),
            "a stretch ahead of the reference date",
        )));
    }
    Ok(None)
}

/// "this past spring", "the year", year-end, the latest quarter, fiscal
/// years, and quarters and halves ("third quarter of 1998", "first half").
fn year_parts(s: &str, orig: &str, reference: Option<Date>) -> Result<Option<(String, &'static str)>, TimeError> {
    let need = || reference.ok_or_else(|| TimeError::NeedsReference(orig.to_string()));
    const ORDINALS: [(&str, i8); 4] = [("first", 1), ("second", 2), ("third", 3), ("fourth", 4)];
    // "this past spring": the most recent one.
    if let Some(season_word) = s.strip_prefix("this past ") {
        return Ok(Some((format!("last {season_word}"), "this past: the most recent one")));
    }
    // "the year", "the full year", "the current year", "the current fiscal year", "year-end".
    match s {
        "year" | "full year" | "current year" | "current fiscal year" | "fiscal year" => {
            return Ok(Some((
                "this year".into(),
                "the year under report: the reference date's year",
            )));
        }
        "year-end" | "year end" | "end of the year" => return Ok(Some(("end of this year".into(), "year-end"))),
        "latest quarter" | "quarter" | "latest three months" => {
            let r = need()?;
            let q = (r.month() - 1) / 3 + 1;
            let (y, q) = if q == 1 {
                (year_minus(r.year(), 1)?, 4)
            } else {
                (r.year(), q - 1)
            };
            return Ok(Some((format!("{y}-q{q}"), "the latest completed quarter")));
        }
        _ => {}
    }
    // "fiscal 1989", "fiscal year 1989", "fy1989".
    for prefix in ["fiscal year ", "fiscal ", "fy"] {
        if let Some(y) = s
            .strip_prefix(prefix)
            .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
        {
            return Ok(Some((
                y.to_string(),
                "a fiscal year, read as its calendar year (fiscal years differ)",
            )));
        }
    }
    // "third quarter", "third-quarter", "the third quarter of 1998", "first half".
    let flat = s.replace('-', " ");
    for (word, n) in ORDINALS {
        for (unit, short, count) in [("quarter", 'q', 4), ("half", 'h', 2)] {
            let Some(rest) = flat.strip_prefix(&format!("{word} {unit}")) else {
                continue;
            };
            if n > count {
                continue;
            }
            let rest = rest.trim().trim_start_matches("of ").trim();
            if rest.len() == 4 && rest.chars().all(|c| c.is_ascii_digit()) {
                return Ok(Some((
                    format!("{rest}-{short}{n}"),
                    "a quarter or half of the year named",
                )));
            }
            if rest.is_empty() || rest == "results" || rest == "earnings" {
                // The most recent such quarter or half, this year's if begun.
                let r = need()?;
                let current = if short == 'q' {
                    (r.month() - 1) / 3 + 1
                } else {
                    (r.month() - 1) / 6 + 1
                };
                let y = if n <= current {
                    r.year()
                } else {
                    year_minus(r.year(), 1)?
                };
                return Ok(Some((
                    format!("{y}-{short}{n}"),
                    "a quarter or half without a year: the most recent",
                )));
            }
        }
    }
    Ok(None)
}

/// Stretches and periods counted from the reference date that news uses:
/// "the past two weeks", "the last decade" (up to the reference date),
/// "recent years" (on or before it), weekends, "the year-ago quarter",
/// "the previous quarter", "the prior year", "the 1998 fiscal year",
/// "the second quarter of fiscal 1999". Anaphoric forms ("the day
/// before", "a year earlier") count from an event in the text, not the
/// reference date, and are left unread rather than guessed.
fn stretches(s: &str, reference: Option<Date>) -> Result<Option<(String, &'static str)>, TimeError> {
    let need = || reference.ok_or_else(|| TimeError::NeedsReference(s.to_string()));
    let s = s.trim_start_matches("in ").trim_start_matches("the ");
    let words: Vec<&str> = s.split(' ').collect();
    // "past two weeks", "last 10 days", "past decade", "last three months".
    let counted = match words.as_slice() {
        ["past" | "last" | "previous", unit] if matches!(*unit, "decade" | "century") => Some((1, *unit)),
        ["past" | "last" | "previous", n, unit] => {
            number_word(n).filter(|n| (1..=1000).contains(n)).map(|n| (n, *unit))
        }
        _ => None,
    };
    if let Some((n, unit)) = counted {
        let r = need()?;
        let span = match unit.trim_end_matches('s') {
            "day" => days(n)?,
            "week" => days(n.checked_mul(7).ok_or_else(too_far)?)?,
            "month" => months(n)?,
            "year" => months(n.checked_mul(12).ok_or_else(too_far)?)?,
            "decade" => months(n.checked_mul(120).ok_or_else(too_far)?)?,
            "century" => months(n.checked_mul(1200).ok_or_else(too_far)?)?,
            _ => return Ok(None),
        };
        let start = r.checked_sub(span).map_err(inv)?;
        return Ok(Some((format!("{start}..{r}"), "a stretch up to the reference date")));
    }
    match s {
        "recent years" | "recent months" | "recent weeks" | "recent days" | "recently" => {
            return Ok(Some((
                format!("by {}", need()?),
                "vague, in the past: on or before the reference date",
            )))
        }
        "prior year" | "previous year" | "year before last" => {
            let y = year_minus(need()?.year(), if s == "year before last" { 2 } else { 1 })?;
            return Ok(Some((y.to_string(), "the year before the reference date's")));
        }
        _ => {}
    }
    // Weekends: Saturday and Sunday.
    let weekend = match s {
        "weekend" | "the weekend" => Some(None),
        // Reported: the most recent weekend begun.
        "over the weekend" => Some(Some(if need()?.weekday().to_monday_zero_offset() >= 5 {
            0
        } else {
            -1
        })),
        "last weekend" | "past weekend" | "this past weekend" => Some(Some(-1)),
        "this weekend" | "this coming weekend" => Some(Some(0)),
        "next weekend" | "coming weekend" => Some(Some(1)),
        _ => None,
    };
    if let Some(which) = weekend {
        let r = need()?;
        let monday = r
            .checked_sub(days(i64::from(r.weekday().to_monday_zero_offset()))?)
            .map_err(inv)?;
        let this_saturday = monday.checked_add(days(5)?).map_err(inv)?;
        // Undirected: the weekend just past early in the week, else this one.
        let week = which.unwrap_or(if r.weekday().to_monday_zero_offset() < 3 { -1 } else { 0 });
        let saturday = this_saturday.checked_add(days(7 * week)?).map_err(inv)?;
        let sunday = saturday.tomorrow().map_err(inv)?;
        return Ok(Some((
            format!("{saturday}..{sunday}"),
            "a weekend: Saturday and Sunday",
        )));
    }
    // Financial quarters counted from the latest completed one.
    let latest = |r: Date| -> Result<(i16, i8), TimeError> {
        let q = (r.month() - 1) / 3 + 1;
        Ok(if q == 1 {
            (year_minus(r.year(), 1)?, 4)
        } else {
            (r.year(), q - 1)
        })
    };
    match s {
        "year-ago quarter" | "year-earlier quarter" | "same quarter last year" | "year-ago period" => {
            let (y, q) = latest(need()?)?;
            return Ok(Some((
                format!("{}-q{q}", year_minus(y, 1)?),
                "the latest completed quarter, a year before",
            )));
        }
        "previous quarter" | "prior quarter" | "preceding quarter" => {
            let (y, q) = latest(need()?)?;
            let (y, q) = if q == 1 { (year_minus(y, 1)?, 4) } else { (y, q - 1) };
            return Ok(Some((
                format!("{y}-q{q}"),
                "the quarter before the latest completed one",
            )));
        }
        _ => {}
    }
    // "1998 fiscal year", "second quarter of fiscal 1999", "fiscal 1998 fourth quarter".
    if let [y, "fiscal", "year"] = words.as_slice() {
        if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(Some((
                y.to_string(),
                "a fiscal year, read as its calendar year (fiscal years differ)",
            )));
        }
    }
    if let Some((part, y)) = s.split_once(" of fiscal ") {
        if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
            if let Some((rewritten, _)) = news_forms(&format!("{part} of {y}"), reference)? {
                return Ok(Some((
                    rewritten,
                    "a quarter of a fiscal year, read in its calendar year (fiscal years differ)",
                )));
            }
        }
    }
    Ok(None)
}

/// The longest time expression read, in characters. The parser strips
/// prefixes one at a time ("by about ..."), so this also bounds its depth.
pub const MAX_EXPRESSION: usize = 200;

struct Ctx<'a> {
    original: &'a str,
    reference: Option<Date>,
    tense: Tense,
}

type Bound = (&'static str, &'static str);

/// Prefixes that turn a period into a bound, with the TimeML mod they give.
const BOUNDS: [(&str, Bound); 12] = [
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
    fn unrecognised(&self) -> TimeError {
        TimeError::Unrecognised(self.original.to_string())
    }

    fn reference(&self) -> Result<Date, TimeError> {
        self.reference
            .ok_or_else(|| TimeError::NeedsReference(self.original.to_string()))
    }

    fn expr(&self, s: &str) -> Result<Resolved, TimeError> {
        // Ranges first: "between 2018 and 2020", "2018..2020", "from May to July 2024".
        if let Some(r) = self.range(s)? {
            return Ok(r);
        }
        for (prefix, (modifier, words)) in BOUNDS {
            if let Some(rest) = s.strip_prefix(prefix) {
                let inner = self.expr(rest)?;
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
        for prefix in ["on ", "in ", "during ", "the ", "of ", "at "] {
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
        })
    }

    fn range(&self, s: &str) -> Result<Option<Resolved>, TimeError> {
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
        }))
    }

    /// "early 2025", "mid-2024", "late May", "the end of 2023", "first half of 2024".
    fn part_of(&self, s: &str) -> Result<Option<Resolved>, TimeError> {
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
                }));
            }
        }
        Ok(None)
    }

    /// A single calendar period, absolute or relative.
    fn period(&self, s: &str) -> Result<(Period, String, bool), TimeError> {
        if let Some(p) = self.iso(s)? {
            return Ok((p, "ISO calendar value".into(), false));
        }
        if let Some(r) = self.written_date(s)? {
            return Ok(r);
        }
        self.relative(s)
    }

    /// `2024-03-07`, `2024-03`, `2024`, `2024-W17`, `2024-Q3`, `2024-H1`,
    /// `2024-SU`, `199` (a decade), `1990s`, `Q3 2024`, `spring 2024`.
    fn iso(&self, s: &str) -> Result<Option<Period>, TimeError> {
        let year = |t: &str| -> Option<i16> {
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        };
        if let Some(y) = year(s) {
            return Ok(Some(Period::Year(y)));
        }
        if s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(d) = s.parse() {
                return Ok(Some(Period::Decade(d)));
            }
        }
        if let Some(d) = s.strip_suffix("s").map(|d| d.trim_start_matches('\'')) {
            if let Some(y) = year(d) {
                if y % 10 == 0 {
                    return Ok(Some(Period::Decade(y / 10)));
                }
            }
        }
        if let Some(c) = s.strip_suffix(" century") {
            let n: String = c.chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(n) = n.parse::<i16>() {
                return Ok(Some(Period::Century(n - 1)));
            }
        }
        let parts: Vec<&str> = s.split(['-', ' ']).collect();
        match parts.as_slice() {
            [y, rest] if year(y).is_some() => {
                let Some(y) = year(y) else { return Ok(None) };
                let num = |p: &str| p.parse::<i8>().ok();
                if let Some(m) = num(rest).filter(|_| rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit())) {
                    if !(1..=12).contains(&m) {
                        return Err(TimeError::Invalid(format!("{s}: there is no month {m}")));
                    }
                    return Ok(Some(Period::Month(y, m)));
                }
                if let Some(w) = rest.strip_prefix('w').and_then(num) {
                    return Ok(Some(Period::Week(y, w)));
                }
                if let Some(q) = rest.strip_prefix('q').and_then(num).filter(|q| (1..=4).contains(q)) {
                    return Ok(Some(Period::Quarter(y, q)));
                }
                if let Some(h) = rest.strip_prefix('h').and_then(num).filter(|h| (1..=2).contains(h)) {
                    return Ok(Some(Period::Half(y, h)));
                }
                if let Some(i) = SEASONS.iter().position(|x| x.eq_ignore_ascii_case(rest)) {
                    return Ok(Some(Period::Season(y, i as i8)));
                }
                Ok(None)
            }
            [q, y] if year(y).is_some() => {
                let Some(y) = year(y) else { return Ok(None) };
                if let Some(q) = q.strip_prefix('q').and_then(|q| q.parse::<i8>().ok()) {
                    return Ok(Some(Period::Quarter(y, q)));
                }
                if let Some(h) = q.strip_prefix('h').and_then(|h| h.parse::<i8>().ok()) {
                    return Ok(Some(Period::Half(y, h)));
                }
                if let Some(se) = season(q) {
                    return Ok(Some(Period::Season(y, se)));
                }
                Ok(None)
            }
            [y, m, d] if year(y).is_some() && m.len() == 2 && d.len() == 2 => {
                let (m, d) = (m.parse::<i8>(), d.parse::<i8>());
                match (year(y), m, d) {
                    (Some(y), Ok(m), Ok(d)) => Ok(Some(Period::Day(
                        Date::new(y, m, d).map_err(|_| TimeError::Invalid(format!("{s} is not a date")))?,
                    ))),
                    _ => Ok(None),
                }
            }
            [se, "of", y] => match (season(se), year(y)) {
                (Some(se), Some(y)) => Ok(Some(Period::Season(y, se))),
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// "March 13, 2025", "13 March 2025", "March 2025", "Oct. 23", "Friday, Oct. 23", "May".
    fn written_date(&self, s: &str) -> Result<Option<(Period, String, bool)>, TimeError> {
        let s = s.replace(',', " ");
        let mut words: Vec<&str> = s.split_whitespace().collect();
        // A leading weekday is redundant beside a written date: "Friday, Oct. 23".
        if words.len() > 1
            && words.first().is_some_and(|w| weekday(w).is_some())
            && words.iter().skip(1).any(|w| month_number(w).is_some())
        {
            words.remove(0);
        }
        let day_num = |w: &str| -> Option<i8> {
            let w = w
                .trim_end_matches("st")
                .trim_end_matches("nd")
                .trim_end_matches("rd")
                .trim_end_matches("th");
            w.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
        };
        let year_num = |w: &str| -> Option<i16> { (w.len() == 4).then(|| w.parse::<i16>().ok()).flatten() };
        let (month, day, year) = match words.as_slice() {
            [m] => (month_number(m), None, None),
            [m, x] if month_number(m).is_some() => {
                if let Some(y) = year_num(x) {
                    (month_number(m), None, Some(y))
                } else {
                    (month_number(m), day_num(x), None)
                }
            }
            [d, m] if month_number(m).is_some() => (month_number(m), day_num(d), None),
            [m, "of", y] if month_number(m).is_some() => (month_number(m), None, year_num(y)),
            [m, d, y] if month_number(m).is_some() => (month_number(m), day_num(d), year_num(y)),
            [d, m, y] if month_number(m).is_some() => (month_number(m), day_num(d), year_num(y)),
            _ => return Ok(None),
        };
        let Some(m) = month else { return Ok(None) };
        if words.len() > 1 && day.is_none() && year.is_none() {
            return Ok(None);
        }
        if let Some(y) = year {
            return Ok(Some(match day {
                Some(d) => (Period::Day(ymd(y, m, d)?), "written date".into(), false),
                None => (Period::Month(y, m), "written month and year".into(), false),
            }));
        }
        // No year: place it against the reference.
        let r = self.reference()?;
        let candidates = |y: i16| -> Result<Period, TimeError> {
            Ok(match day {
                Some(d) => Period::Day(ymd(y, m, d)?),
                None => Period::Month(y, m),
            })
        };
        let this = candidates(r.year())?;
        let this_iv = this.interval()?;
        let (past, future) = if this_iv.start.is_some_and(|s| s > r) {
            (candidates(r.year() - 1)?, this)
        } else if this_iv.end.is_some_and(|e| e < r) {
            (this, candidates(r.year() + 1)?)
        } else {
            // The reference falls inside it: this month, or today.
            return Ok(Some((
                this,
                "the month or day containing the reference date".into(),
                true,
            )));
        };
        let dist = |p: Period| -> Result<i64, TimeError> {
            let iv = p.interval()?;
            let mid = iv.start.ok_or_else(|| self.unrecognised())?;
            Ok((mid - r).get_days().abs() as i64 + (r - mid).get_days().abs() as i64)
        };
        let what = if day.is_some() { "day" } else { "month" };
        let chosen = match self.tense {
            Tense::Past => (past, format!("{what} without a year: the most recent one (past tense)")),
            Tense::Future => (future, format!("{what} without a year: the next one (future tense)")),
            Tense::Nearest => {
                // Prefer the past unless the future occurrence is much nearer.
                if dist(future)? * 3 < dist(past)? * 2 {
                    (
                        future,
                        format!("{what} without a year: the next one, much nearer than the last"),
                    )
                } else {
                    (past, format!("{what} without a year: the most recent one"))
                }
            }
        };
        Ok(Some((chosen.0, chosen.1, true)))
    }

    fn relative(&self, s: &str) -> Result<(Period, String, bool), TimeError> {
        // Named days with a fixed date are read like a bare "May 9".
        for (name, date) in [
            ("victory day", "may 9"),
            ("christmas", "december 25"),
            ("christmas day", "december 25"),
            ("new year's day", "january 1"),
            ("new year", "january 1"),
            ("independence day", "july 4"),
        ] {
            if s == name {
                if let Some((p, rule, rel)) = self.written_date(date)? {
                    return Ok((p, format!("{name} ({date}); {rule}"), rel));
                }
            }
        }
        if s == "election day" {
            // US Election Day: the Tuesday after the first Monday of November.
            let y = self.reference()?.year();
            let nov1 = ymd(y, 11, 1)?;
            let to_monday = (7 - nov1.weekday().to_monday_zero_offset() as i64) % 7;
            let day = nov1.checked_add(days(to_monday + 1)?).map_err(inv)?;
            return Ok((Period::Day(day), "US Election Day of the reference year".into(), true));
        }
        let words: Vec<&str> = s.split_whitespace().collect();
        let rel = |p: Period, rule: &str| Ok((p, rule.to_string(), true));
        match words.as_slice() {
            ["today"] | ["tonight"] | ["this", "morning" | "afternoon" | "evening"] | ["now"] => {
                rel(Period::Day(self.reference()?), "the reference date")
            }
            ["yesterday"] => rel(
                Period::Day(self.reference()?.yesterday().map_err(inv)?),
                "the day before the reference date",
            ),
            ["tomorrow"] => rel(
                Period::Day(self.reference()?.tomorrow().map_err(inv)?),
                "the day after the reference date",
            ),
            [w] if weekday(w).is_some() => match weekday(w) {
                Some(wd) => self.weekday(wd, None),
                None => Err(self.unrecognised()),
            },
            [dir @ ("last" | "next" | "this" | "past" | "coming"), w] if weekday(w).is_some() => match weekday(w) {
                Some(wd) => self.weekday(wd, Some(dir)),
                None => Err(self.unrecognised()),
            },
            [dir @ ("last" | "next" | "this" | "past" | "coming"), unit] => self.shift(dir, unit),
            [dir @ ("earlier" | "later"), "this", unit] => {
                let (p, _, _) = self.shift("this", unit)?;
                rel(p, &format!("this {unit}, {dir} than the reference date"))
            }
            [n @ .., unit, "ago"] => {
                let n: Vec<&str> = n
                    .iter()
                    .copied()
                    .filter(|w| {
                        !matches!(
                            *w,
                            "almost" | "nearly" | "about" | "some" | "more" | "than" | "over" | "just"
                        )
                    })
                    .collect();
                let count = match n.as_slice() {
                    [] => 1,
                    [w] => number_word(w).ok_or_else(|| self.unrecognised())?,
                    _ => return Err(self.unrecognised()),
                };
                self.ago(count, unit)
            }
            _ => Err(self.unrecognised()),
        }
    }

    fn weekday(&self, wd: Weekday, dir: Option<&str>) -> Result<(Period, String, bool), TimeError> {
        let r = self.reference()?;
        let back = (r.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7) as i64;
        let (day, rule) = match (dir, self.tense) {
            (Some("next" | "coming"), _) | (None, Tense::Future) => {
                let fwd = (7 - back) % 7;
                let fwd = if fwd == 0 && dir.is_some() { 7 } else { fwd };
                (r.checked_add(days(fwd)?).map_err(inv)?, "weekday: the next one")
            }
            (Some("last" | "past"), _) => {
                let back = if back == 0 { 7 } else { back };
                (
                    r.checked_sub(days(back)?).map_err(inv)?,
                    "weekday: the one before the reference date",
                )
            }
            _ => (
                r.checked_sub(days(back)?).map_err(inv)?,
                "weekday: the most recent one, on or before the reference date",
            ),
        };
        Ok((Period::Day(day), rule.into(), true))
    }

    /// "last month", "this year", "next week", "last fall", "last October".
    fn shift(&self, dir: &str, unit: &str) -> Result<(Period, String, bool), TimeError> {
        let r = self.reference()?;
        let delta: i32 = match dir {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let unit = unit.trim_end_matches('\'');
        let p = match unit {
            "week" => {
                let d = r.checked_add(days(i64::from(delta) * 7)?).map_err(inv)?;
                let w = d.iso_week_date();
                Period::Week(w.year(), w.week())
            }
            "month" => {
                let d = r.first_of_month().checked_add(months(i64::from(delta))?).map_err(inv)?;
                Period::Month(d.year(), d.month())
            }
            "quarter" => {
                let d = r
                    .first_of_month()
                    .checked_add(months(i64::from(delta) * 3)?)
                    .map_err(inv)?;
                Period::Quarter(d.year(), (d.month() - 1) / 3 + 1)
            }
            "year" => Period::Year(year_minus(r.year(), -i64::from(delta))?),
            _ => {
                if let Some(se) = season(unit) {
                    // The season containing the reference, or the one before/after it.
                    let (y, cur) = season_of(r);
                    let y = match (dir, se.cmp(&cur)) {
                        ("last" | "past", std::cmp::Ordering::Less) => y,
                        ("last" | "past", _) => y - 1,
                        ("next" | "coming", std::cmp::Ordering::Greater) => y,
                        ("next" | "coming", _) => y + 1,
                        _ => y,
                    };
                    Period::Season(y, se)
                } else if let Some(m) = month_number(unit) {
                    let y = match (dir, m.cmp(&r.month())) {
                        ("last" | "past", std::cmp::Ordering::Less) => r.year(),
                        ("last" | "past", _) => r.year() - 1,
                        ("next" | "coming", std::cmp::Ordering::Greater) => r.year(),
                        ("next" | "coming", _) => r.year() + 1,
                        _ => r.year(),
                    };
                    Period::Month(y, m)
                } else {
                    return Err(self.unrecognised());
                }
            }
        };
        Ok((p, format!("{dir} {unit}, counted from the reference date"), true))
    }

    /// "two years ago", "11 days ago": the period that long before the reference.
    fn ago(&self, n: i64, unit: &str) -> Result<(Period, String, bool), TimeError> {
        let r = self.reference()?;
        let unit = unit.trim_end_matches('s');
        let p = match unit {
            "day" => Period::Day(r.checked_sub(days(n)?).map_err(inv)?),
            "week" => {
                let d = r
                    .checked_sub(days(n.checked_mul(7).ok_or_else(too_far)?)?)
                    .map_err(inv)?;
                let w = d.iso_week_date();
                Period::Week(w.year(), w.week())
            }
            "month" => {
                let d = r.checked_sub(months(n)?).map_err(inv)?;
                Period::Month(d.year(), d.month())
            }
            "year" => Period::Year(year_minus(r.year(), n)?),
            "decade" => Period::Year(year_minus(r.year(), n.checked_mul(10).ok_or_else(too_far)?)?),
            _ => return Err(self.unrecognised()),
        };
        Ok((p, format!("{n} {unit}(s) before the reference date"), true))
    }
}

fn season_of(d: Date) -> (i16, i8) {
    match d.month() {
        3..=5 => (d.year(), 0),
        6..=8 => (d.year(), 1),
        9..=11 => (d.year(), 2),
        12 => (d.year(), 3),
        _ => (d.year() - 1, 3),
    }
}

/// Parses a plain ISO date (`2025-06-09`), as used for `--published`.
pub fn parse_day(s: &str) -> Result<Date, TimeError> {
    s.trim()
        .parse::<Date>()
        .map_err(|_| TimeError::Invalid(format!("`{s}` is not a day in the form YYYY-MM-DD")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sentence_decides_the_direction() {
        let r = |e: &str, s: &str| {
            resolve_in_context(e, Some(date(1998, 10, 26)), Tense::Nearest, None, Some(s))
                .unwrap()
                .value
        };
        assert_eq!(
            r("Tuesday", "On Tuesday, the league plans to hold a news conference."),
            "1998-10-27"
        );
        assert_eq!(
            r("Tuesday", "The league held a news conference on Tuesday."),
            "1998-10-20"
        );
        assert_eq!(
            r("Tuesday", "A service planned at the chapel for Tuesday was canceled."),
            "1998-10-20"
        );
        assert_eq!(r("March", "The accession was planned for early March."), "1999-03");
        assert_eq!(r("February", "The process began in February this year."), "1998-02");
        assert_eq!(tense_of("No cue here about Friday.", "Friday"), None);
        assert_eq!(r("25", "The summit will be held on April 24 and 25."), "1999-04-25");
    }

    #[test]
    fn more_of_english_news_time() {
        let r = |e: &str| resolve(e, Some(date(1998, 12, 3)), Tense::Nearest).map(|r| r.value);
        assert_eq!(r("June last year").unwrap(), "1997-06");
        assert_eq!(r("January this year").unwrap(), "1998-01");
        assert_eq!(r("the third quarter").unwrap(), "1998-Q3");
        assert_eq!(r("third-quarter").unwrap(), "1998-Q3");
        assert_eq!(r("the fourth quarter of 1997").unwrap(), "1997-Q4");
        assert_eq!(r("the latest quarter").unwrap(), "1998-Q3");
        assert_eq!(r("fiscal 1989").unwrap(), "1989");
        assert_eq!(r("the year").unwrap(), "1998");
        assert_eq!(r("this past spring").unwrap(), "1998-SP");
        assert_eq!(r("earlier yesterday").unwrap(), "1998-12-02");
        assert_eq!(r("Saturday evening").unwrap(), "1998-11-28");
        assert_eq!(r("4:30 p.m. Sunday").unwrap(), "1998-11-29");
        assert_eq!(r("0830 UTC Monday").unwrap(), "1998-11-30");
        assert_eq!(r("overnight").unwrap(), "1998-12-03");
        assert_eq!(r("in the coming days").unwrap(), "1998-12-04/1998-12-17");
        assert_eq!(r("within weeks").unwrap(), "1998-12-03/1999-01-28");
        // Stretches up to the reference date, weekends, financial periods.
        assert_eq!(r("the past two weeks").unwrap(), "1998-11-19/1998-12-03");
        assert_eq!(r("the last decade").unwrap(), "1988-12-03/1998-12-03");
        assert_eq!(r("in recent years").unwrap(), "1998-12-03");
        assert_eq!(r("over the weekend").unwrap(), "1998-11-28/1998-11-29");
        assert_eq!(r("this weekend").unwrap(), "1998-12-05/1998-12-06");
        assert_eq!(r("the year-ago quarter").unwrap(), "1997-Q3");
        assert_eq!(r("the previous quarter").unwrap(), "1998-Q2");
        assert_eq!(r("the prior year").unwrap(), "1997");
        assert_eq!(r("the 1998 fiscal year").unwrap(), "1998");
        assert_eq!(r("the second quarter of fiscal 1999").unwrap(), "1999-Q2");
        // Anaphoric: counted from an event in the text, so not guessed.
        assert!(r("the day before").is_err());
        assert!(r("a year earlier").is_err());
    }

    /// Times of day as news prints them (wording modelled on earthquake
    /// and election coverage): each is its day plus a part of it.
    #[test]
    fn times_of_day_are_parts_of_their_day() {
        let h = |e: &str| {
            let r = resolve(e, Some(date(2014, 8, 4)), Tense::Past).unwrap();
            (r.value, r.hours.map(|h| h.human()).unwrap_or_default())
        };
        let pair = |v: &str, h: &str| (v.to_string(), h.to_string());
        assert_eq!(h("Sunday evening"), pair("2014-08-03", "17:00-23:00"));
        assert_eq!(h("early Sunday morning"), pair("2014-08-03", "05:00-08:30"));
        assert_eq!(h("4:30 p.m. Sunday"), pair("2014-08-03", "16:30"));
        assert_eq!(h("Sunday at 4pm"), pair("2014-08-03", "16:00"));
        assert_eq!(h("12 a.m. Sunday"), pair("2014-08-03", "00:00"));
        assert_eq!(h("0830 UTC"), pair("2014-08-04", "08:30 UTC+00:00"));
        assert_eq!(h("16:30 Beijing time on Aug 3"), pair("2014-08-03", "16:30 UTC+08:00"));
        assert_eq!(h("2014-08-03T16:30+08:00"), pair("2014-08-03", "16:30 UTC+08:00"));
        assert_eq!(h("2014-08-03T08:30Z"), pair("2014-08-03", "08:30 UTC+00:00"));
        assert_eq!(h("last night"), pair("2014-08-03", "19:00-24:00"));
        assert_eq!(h("overnight"), pair("2014-08-04", "00:00-07:00"));
        assert_eq!(h("late Monday"), pair("2014-08-04", "18:00-24:00"));
        assert_eq!(h("early Wednesday"), pair("2014-07-30", "00:00-09:00"));
        // No part of the day: none is made up.
        assert_eq!(h("Sunday"), pair("2014-08-03", ""));
        assert_eq!(h("August 2014"), pair("2014-08", ""));
        // "CST" is Central or China Standard Time: not read as a zone.
        assert_eq!(h("4 p.m. CST Sunday").1, "16:00");
    }

    #[test]
    fn parts_of_a_day_order_only_when_apart_and_comparable() {
        let part = |e: &str| resolve(e, Some(date(2014, 8, 4)), Tense::Past).unwrap().hours.unwrap();
        use std::cmp::Ordering::*;
        assert_eq!(part("Sunday morning").order(&part("Sunday evening")), Some(Less));
        assert_eq!(part("Sunday evening").order(&part("6 p.m. Sunday")), None);
        assert_eq!(part("Sunday evening").order(&part("4:30 p.m. Sunday")), Some(Greater));
        assert_eq!(part("6 p.m. Sunday").order(&part("4:30 p.m. Sunday")), Some(Greater));
        // 08:30 UTC is 16:30 in Beijing: before 17:00 Beijing time.
        assert_eq!(
            part("0830 UTC Sunday").order(&part("17:00 Beijing time Sunday")),
            Some(Less)
        );
        assert_eq!(
            part("0930 UTC Sunday").order(&part("17:00 Beijing time Sunday")),
            Some(Greater)
        );
        // A zoned and an unzoned time: unknown order.
        assert_eq!(part("0830 UTC Sunday").order(&part("Sunday evening")), None);
    }

    use super::*;
    use jiff::civil::date;

    fn r(expr: &str, reference: Date) -> String {
        match resolve(expr, Some(reference), Tense::Nearest) {
            Ok(r) => format!(
                "{}{} {}",
                r.value,
                r.modifier.map(|m| format!(" {m}")).unwrap_or_default(),
                r.interval
            ),
            Err(e) => format!("error: {e}"),
        }
    }

    const REF: Date = date(2025, 6, 9);

    #[test]
    fn iso_forms_with_precision() {
        assert_eq!(r("2024-03-07", REF), "2024-03-07 2024-03-07");
        assert_eq!(r("2024-03", REF), "2024-03 2024-03-01..2024-03-31");
        assert_eq!(r("2024", REF), "2024 2024-01-01..2024-12-31");
        assert_eq!(r("2024-W17", REF), "2024-W17 2024-04-22..2024-04-28");
        assert_eq!(r("2024-Q3", REF), "2024-Q3 2024-07-01..2024-09-30");
        assert_eq!(r("2024-H1", REF), "2024-H1 2024-01-01..2024-06-30");
        assert_eq!(r("2024-H2", REF), "2024-H2 2024-07-01..2024-12-31");
        assert_eq!(r("2024-WI", REF), "2024-WI 2024-12-01..2025-02-28");
        assert_eq!(r("the 1990s", REF), "199 1990-01-01..1999-12-31");
        assert_eq!(r("2024-02-30", REF), "error: 2024-02-30 is not a date");
        assert_eq!(r("2024-13", REF), "error: 2024-13: there is no month 13");
    }

    #[test]
    fn fuzzy_parts_of_periods() {
        assert_eq!(r("mid-2024", REF), "2024 MID 2024-05-01..2024-08-31");
        assert_eq!(r("early 2025", REF), "2025 START 2025-01-01..2025-04-30");
        assert_eq!(r("late 2023", REF), "2023 END 2023-09-01..2023-12-31");
        assert_eq!(r("late May", REF), "2025-05 END 2025-05-21..2025-05-31");
        assert_eq!(r("first half of 2024", REF), "2024-H1 2024-01-01..2024-06-30");
    }

    #[test]
    fn bounds() {
        assert_eq!(r("by February 2024", REF), "2024-02 ON_OR_BEFORE ..2024-02-29");
        assert_eq!(r("by 2024-02", REF), "2024-02 ON_OR_BEFORE ..2024-02-29");
        assert_eq!(r("after 2023-09", REF), "2023-09 AFTER 2023-10-01..");
        assert_eq!(r("before 2023", REF), "2023 BEFORE ..2022-12-31");
        assert_eq!(r("not before 2025-06-01", REF), "2025-06-01 ON_OR_AFTER 2025-06-01..");
        assert_eq!(r("post-1959", REF), "1959 AFTER 1960-01-01..");
        assert_eq!(r("between 2018 and 2020", REF), "2018/2020 2018-01-01..2020-12-31");
        assert_eq!(r("2018..2020", REF), "2018/2020 2018-01-01..2020-12-31");
    }

    #[test]
    fn written_dates() {
        assert_eq!(r("March 13, 2025", REF), "2025-03-13 2025-03-13");
        assert_eq!(r("13 March 2025", REF), "2025-03-13 2025-03-13");
        assert_eq!(r("in April 2024", REF), "2024-04 2024-04-01..2024-04-30");
        assert_eq!(r("Friday, Oct. 23", date(1998, 11, 21)), "1998-10-23 1998-10-23");
        assert_eq!(r("Sept. 5, 2023", REF), "2023-09-05 2023-09-05");
    }

    #[test]
    fn relative_expressions() {
        assert_eq!(r("last month", REF), "2025-05 2025-05-01..2025-05-31");
        assert_eq!(r("on Thursday", date(2025, 9, 25)), "2025-09-25 2025-09-25");
        assert_eq!(r("Tuesday", date(2024, 5, 8)), "2024-05-07 2024-05-07");
        assert_eq!(r("yesterday", REF), "2025-06-08 2025-06-08");
        assert_eq!(r("last year", REF), "2024 2024-01-01..2024-12-31");
        assert_eq!(r("last week", REF), "2025-W23 2025-06-02..2025-06-08");
        assert_eq!(r("this week", REF), "2025-W24 2025-06-09..2025-06-15");
        assert_eq!(r("in January", REF), "2025-01 2025-01-01..2025-01-31");
        assert_eq!(r("last fall", date(1999, 4, 10)), "1998-FA 1998-09-01..1998-11-30");
        assert_eq!(
            r("almost four years ago", date(1999, 3, 12)),
            "1995 1995-01-01..1995-12-31"
        );
        assert_eq!(r("11 days ago", date(1999, 4, 19)), "1999-04-08 1999-04-08");
        assert_eq!(r("Friday's", date(1999, 3, 13)), "1999-03-12 1999-03-12");
        assert_eq!(r("Victory Day", REF), "2025-05-09 2025-05-09");
        assert_eq!(r("Election Day", date(1998, 10, 26)), "1998-11-03 1998-11-03");
    }

    /// A sentence with no cue either way places a bare month in this year
    /// when it has begun ("In January, ..." in an October article).
    #[test]
    fn an_undecided_sentence_reads_a_month_as_this_years() {
        let in_ctx = |e: &str, d: Date, sentence: &str| {
            resolve_in_context(e, Some(d), Tense::Nearest, Some("en"), Some(sentence))
                .unwrap()
                .value
        };
        let oct = date(1998, 10, 25);
        assert_eq!(
            in_ctx(
                "January",
                oct,
                "In January, a week after the anniversary, the clinic closed its doors"
            ),
            "1998-01"
        );
        assert_eq!(
            in_ctx("March", oct, "Prices in March stood at their highest"),
            "1998-03"
        );
        // A cue ahead still wins; a month still to come this year is not forced.
        assert_eq!(in_ctx("January", oct, "The law will take effect in January"), "1999-01");
        assert_eq!(
            in_ctx("December", date(1999, 4, 10), "The car was found in December"),
            "1998-12"
        );
    }

    #[test]
    fn bare_months_follow_the_tense() {
        // Four months ahead is much nearer than eight months back.
        assert_eq!(r("April", date(1998, 12, 5)), "1999-04 1999-04-01..1999-04-30");
        assert_eq!(r("December", date(1999, 4, 10)), "1998-12 1998-12-01..1998-12-31");
        let past = resolve("September", Some(date(2024, 5, 8)), Tense::Past).unwrap();
        assert_eq!(past.value, "2023-09");
        let future = resolve("September", Some(date(2024, 5, 8)), Tense::Future).unwrap();
        assert_eq!(future.value, "2024-09");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(
            r("whenever", REF),
            "error: `whenever` is not a time expression claimcheck can read"
        );
        assert_eq!(
            resolve("last month", None, Tense::Nearest).unwrap_err().to_string(),
            "`last month` is relative and needs a reference date (a source published on a known day)"
        );
    }

    #[test]
    fn intervals_intersect_and_order() {
        let a = resolve("May 2025", None, Tense::Nearest).unwrap().interval;
        let b = resolve("last month", Some(REF), Tense::Nearest).unwrap().interval;
        assert_eq!(a.intersect(&b), Some(a));
        let c = resolve("by February 2024", None, Tense::Nearest).unwrap().interval;
        assert!(c.intersect(&a).is_none());
        assert!(c.before(&a));
    }
}
