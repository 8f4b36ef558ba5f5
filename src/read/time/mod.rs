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

mod anchored;
mod clock;
mod news;
mod parse;
mod period;
mod relative;
mod words;
mod written;

use crate::read::zone;
pub use anchored::{anchored_in_any_language, last_day_in, resolve_anchored, Shift};
pub use clock::*;
use news::*;
use parse::*;
use period::*;
pub use words::*;

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
    /// A deadline ("until 30 June", "by Wednesday"): the next occurrence
    /// unless the last is much nearer (a third as far). Set by the reader
    /// for bounds that end at an undated day, never asked for.
    #[value(skip)]
    Ahead,
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
    /// The other reading of a day, month or weekday written without its
    /// year or week, when it is about as plausible as the one chosen (a
    /// TimeML value): the text does not decide, so the editor must.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub also: Option<String>,
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
    /// Counted from a date the article names before it ("the following
    /// day"), and no date precedes it in the text given.
    NeedsAnchor(String),
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
            TimeError::NeedsAnchor(e) => write!(
                f,
                "`{e}` counts from a date the article names before it, and no date precedes it in the text given"
            ),
        }
    }
}

impl std::error::Error for TimeError {}

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
    // Irregular past forms beside the expression count as "-ed" verbs do.
    const BACK: [&str; 34] = [
        "was",
        "were",
        "had",
        "did",
        "ago",
        "earlier",
        "last",
        "yesterday",
        "began",
        "said",
        "told",
        "met",
        "held",
        "took",
        "gave",
        "went",
        "came",
        "made",
        "found",
        "broke",
        "struck",
        "fell",
        "rose",
        "led",
        "won",
        "lost",
        "sent",
        "spoke",
        "wrote",
        "saw",
        "became",
        "paid",
        "sold",
        "brought",
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
    // A past participle after "be" ("will be held") is no past.
    let participle = |i: usize| i > 0 && words.get(i - 1).is_some_and(|w| matches!(*w, "be" | "being" | "to"));
    let cue = |w: &str, distance: usize, i: usize| -> Option<Tense> {
        if (AHEAD.contains(&w) || w.ends_with("'ll")) && distance <= 10 {
            Some(Tense::Future)
        } else if participle(i) {
            None
        } else if BACK.contains(&w) && distance <= 6 {
            Some(Tense::Past)
        } else if w.len() > 4 && w.ends_with("ed") && w != "planned" && distance <= 6 {
            // A verb in the past right beside it ("issued ... Friday").
            Some(Tense::Past)
        } else {
            None
        }
    };
    // The nearest cue wins; at equal distance, the one before.
    (1..words.len())
        .flat_map(|d| [(at.checked_sub(d), d), (at.checked_add(d), d)])
        .filter_map(|(i, d)| i.and_then(|i| words.get(i).map(|w| (w, d, i))))
        .find_map(|(w, d, i)| cue(w, d, i))
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
    // "until 30 June", "by Wednesday", "hasta el 31 de octubre": a deadline
    // lies ahead of the act the sentence reports ("asked to delay Brexit
    // until 30 June"), so the sentence's tense is not the date's.
    let sentence = sentence.filter(|s| !s.trim().is_empty());
    // "8:36 a.m. IST" where the sentence says India: IST and CST name two
    // zones each, and the country named decides which.
    let pinned = sentence.and_then(|s| zone_by_country(expr, s));
    let expr = pinned.as_deref().unwrap_or(expr);
    // "The following day", "同27日": from the nearest date before it.
    if let Some(shift) = anchored_in_any_language(expr) {
        let before = sentence.map_or("", |s| text_before(s, expr));
        return resolve_anchored(expr, shift, before, reference, lang);
    }
    // "By Sunday night ... had been killed": a bound with the past perfect
    // is the time by which something had happened, not a deadline.
    let past_perfect = sentence.is_some_and(|s| s.to_lowercase().split_whitespace().any(|w| w == "had"));
    let deadline = tense == Tense::Nearest
        && !past_perfect
        && (deadline(expr, lang) || sentence.is_some_and(|s| deadline_before(s, expr, lang)));
    let Some(sentence) = sentence else {
        return resolve_in(expr, reference, if deadline { Tense::Ahead } else { tense }, lang);
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
    let cue = if deadline {
        Some(Tense::Ahead)
    } else {
        tense_of(sentence, expr)
    };
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

/// `expr` with `IST` or `CST` replaced by the zone the sentence's country
/// gives it (India: Asia/Kolkata; Israel; Ireland; China: Asia/Shanghai;
/// the United States: America/Chicago), when it names exactly one.
fn zone_by_country(expr: &str, sentence: &str) -> Option<String> {
    const BY_COUNTRY: [(&str, &[&str], &str); 6] = [
        ("ist", &["india", "indian", "delhi", "mumbai"], "Asia/Kolkata"),
        ("ist", &["israel", "israeli", "jerusalem", "tel aviv"], "Asia/Jerusalem"),
        ("ist", &["ireland", "irish", "dublin"], "Europe/Dublin"),
        ("cst", &["china", "chinese", "beijing", "shanghai"], "Asia/Shanghai"),
        (
            "cst",
            &["chicago", "texas", "mexico city", "u.s.", "united states"],
            "America/Chicago",
        ),
        ("cst", &["cuba", "havana"], "America/Havana"),
    ];
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = expr.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| matches!(w.to_lowercase().as_str(), "ist" | "cst"))?;
    let abbreviation = words.get(at)?.to_lowercase();
    let zones: Vec<&str> = BY_COUNTRY
        .iter()
        .filter(|(a, names, _)| *a == abbreviation && names.iter().any(|n| lower.contains(n)))
        .map(|(_, _, zone)| *zone)
        .collect();
    let [zone] = zones[..] else { return None };
    let mut out: Vec<&str> = words.clone();
    *out.get_mut(at)? = zone;
    Some(out.join(" "))
}

/// The offset of an ISO date-time ("2024-03-01t10:00+99:99") when it is
/// written but is no offset.
fn bad_offset(cleaned: &str) -> Option<String> {
    let (date, time) = cleaned.split_once('t')?;
    let iso_date = date.len() == 10 && date.bytes().filter(|b| *b == b'-').count() == 2;
    let at = time.find(['+', '-'])?;
    let offset = time.get(at..)?.split_whitespace().next()?;
    let valid = crate::read::zone::zone_offset_on(offset, None).is_some();
    (iso_date && !valid).then(|| offset.to_string())
}

/// The text of a sentence before an expression in it (all of it when the
/// expression is not found).
pub fn text_before<'a>(sentence: &'a str, expr: &str) -> &'a str {
    let at = sentence.to_lowercase().find(&expr.trim().to_lowercase());
    at.and_then(|i| sentence.get(..i)).unwrap_or(sentence)
}

/// Whether an expression is a deadline: a bound that ends at a day,
/// weekday or month ("until April 12", "by Wednesday", "no later than
/// June"), in English or as the article's language writes it.
fn deadline(expr: &str, _lang: Option<&str>) -> bool {
    const WORDS: [&str; 4] = ["until", "till", "by", "no"];
    let lower = expr.trim().to_lowercase();
    let mut words = lower.split_whitespace();
    let Some(first) = words.next() else { return false };
    let english = match first {
        "no" | "not" => lower.starts_with("no later than ") || lower.starts_with("not later than "),
        w => WORDS.contains(&w),
    };
    // A word that means "until" or "by" in a language ("hasta", "bis"),
    // followed by more than itself. Checked word by word, never by
    // translating: this runs for every date a corpus states.
    english || (crate::read::lang::is_deadline_word(first) && words.next().is_some())
}

/// Whether the sentence makes the expression a deadline: "until" just
/// before "30 June", "hasta el" before "31 de octubre".
fn deadline_before(sentence: &str, expr: &str, lang: Option<&str>) -> bool {
    let (lower, e) = (sentence.to_lowercase(), expr.trim().to_lowercase());
    let Some(at) = lower.find(&e) else { return false };
    let before: Vec<&str> = lower.get(..at).unwrap_or_default().split_whitespace().collect();
    (1..=2).any(|n| {
        let words = before.get(before.len().saturating_sub(n)..).unwrap_or_default();
        words.len() == n && deadline(&format!("{} {e}", words.join(" ")), lang)
    })
}

/// [`resolve`] in English alone: no other language is tried when English
/// does not read `expr`. For scanning a text, where most words are not
/// dates.
pub fn resolve_english_only(expr: &str, reference: Option<Date>, tense: Tense) -> Result<Resolved, TimeError> {
    resolve_english(expr, reference, tense)
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
        also: std::cell::Cell::new(None),
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
    // An ISO date-time's offset must be one ("+99:99" is not).
    if let Some(bad) = bad_offset(&cleaned) {
        return Err(TimeError::Invalid(format!(
            "`{bad}` is not a UTC offset: hours go up to 14 and minutes below 60"
        )));
    }
    // The part of the day, for a reading of one day.
    let r = Resolved {
        hours: time_of_day(&cleaned, r.interval.start).filter(|_| r.interval.is_day()),
        also: ctx.also.take(),
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

/// The longest time expression read, in characters. The parser strips
/// prefixes one at a time ("by about ..."), so this also bounds its depth.
pub const MAX_EXPRESSION: usize = 200;

/// Parses a plain ISO date (`2025-06-09`), as used for `--published`.
pub fn parse_day(s: &str) -> Result<Date, TimeError> {
    s.trim()
        .parse::<Date>()
        .map_err(|_| TimeError::Invalid(format!("`{s}` is not a day in the form YYYY-MM-DD")))
}

#[cfg(test)]
mod tests {
    /// Dates without a year or week are not assumed past: deadlines,
    /// schedules and plans are read ahead, the nearest reading wins over a
    /// past tense far from the expression, and a close call says so.
    #[test]
    fn undated_days_take_the_nearest_fitting_reading() {
        let r = |e: &str, published: Date, s: &str, lang: Option<&str>| {
            resolve_in_context(e, Some(published), Tense::Nearest, lang, Some(s)).unwrap()
        };
        let brexit = date(2019, 3, 21);
        let deadline = "The original March 29 deadline for Britain's departure was put off by the EU.";
        assert_eq!(r("March 29", brexit, deadline, None).value, "2019-03-29");
        assert_eq!(
            r("until April 12", date(2019, 4, 2), "Britain has until April 12.", None).value,
            "2019-04-12"
        );
        let asked = "May asked to delay Brexit until 30 June.";
        assert_eq!(r("30 June", date(2019, 4, 8), asked, None).value, "2019-06-30");
        let extended = "The deadline was extended until 31 January.";
        assert_eq!(
            r("until 31 January", date(2019, 10, 22), extended, None).value,
            "2020-01-31"
        );
        let es = "La UE concedió una prórroga hasta el 31 de octubre.";
        assert_eq!(
            r("31 de octubre", date(2019, 4, 11), es, Some("es")).value,
            "2019-10-31"
        );
        let friday = date(2024, 3, 1);
        assert_eq!(
            r("Samstag", friday, "Am Samstag beginnt das Turnier.", Some("de")).value,
            "2024-03-02"
        );
        assert_eq!(
            r("by Wednesday", friday, "MPs must approve it by Wednesday.", None).value,
            "2024-03-06"
        );
        // "By Sunday night ... had been killed": a time by which, not a deadline.
        let had = "By Sunday night state media said at least 150 people had been killed";
        assert_eq!(r("Sunday", date(2014, 8, 4), had, None).value, "2014-08-03");
        let this = resolve("this Thursday", Some(friday), Tense::Future).unwrap();
        assert_eq!(this.value, "2024-03-07");
        assert_eq!(r("Jan. 31 next year", date(2019, 10, 29), "", None).value, "2020-01-31");
        // Two readings about as likely: the other is given, never dropped.
        let wednesday = resolve("Saturday", Some(date(2024, 2, 28)), Tense::Nearest).unwrap();
        assert_eq!(
            (wednesday.value.as_str(), wednesday.also.as_deref()),
            ("2024-02-24", Some("2024-03-02"))
        );
        let october = resolve("31 October", Some(date(2019, 4, 15)), Tense::Nearest).unwrap();
        assert_eq!(october.also.as_deref(), Some("2019-10-31"));
        // A past tense beside the month still places it most of a year back,
        // but the next January, four times nearer, is named beside it.
        let jan = r(
            "January",
            date(1998, 10, 25),
            "Sales fell in January, the company said.",
            None,
        );
        assert_eq!((jan.value.as_str(), jan.also.as_deref()), ("1998-01", Some("1999-01")));
    }

    /// Ranges and alternatives of days are intervals, never a month; named
    /// days (fixed and Easter's) are read in every language they are named in.
    #[test]
    fn ranges_alternatives_and_named_days() {
        let r = |e: &str, lang: Option<&str>| {
            let r = resolve_in(e, Some(date(2019, 3, 10)), Tense::Nearest, lang).unwrap();
            (
                r.interval.start.map(|d| d.to_string()),
                r.interval.end.map(|d| d.to_string()),
            )
        };
        let days = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(r("March 21-22", None), days("2019-03-21", "2019-03-22"));
        assert_eq!(r("March 21\u{2013}22, 2019", None), days("2019-03-21", "2019-03-22"));
        assert_eq!(r("21-22 March", None), days("2019-03-21", "2019-03-22"));
        assert_eq!(r("del 20 al 21 de junio", Some("es")), days("2019-06-20", "2019-06-21"));
        assert_eq!(r("du 20 au 21 juin", Some("fr")), days("2019-06-20", "2019-06-21"));
        assert_eq!(r("April 11 or April 12", None), days("2019-04-11", "2019-04-12"));
        assert_eq!(r("April 11 or 12", None), days("2019-04-11", "2019-04-12"));
        assert_eq!(r("New Year 2020", None), days("2020-01-01", "2020-01-01"));
        assert_eq!(r("Easter 2024", None), days("2024-03-31", "2024-03-31"));
        assert_eq!(r("Ostermontag", Some("de")), days("2019-04-22", "2019-04-22"));
        assert_eq!(r("Halloween 2019", None), days("2019-10-31", "2019-10-31"));
        assert_eq!(r("by the end of the year", None), (None, Some("2019-12-31".into())));
        assert_eq!(r("bis Ende des Jahres", Some("de")), (None, Some("2019-12-31".into())));
        assert_eq!(relative::easter(2019).unwrap(), date(2019, 4, 21));
        assert_eq!(relative::easter(2000).unwrap(), date(2000, 4, 23));
    }

    /// Clock times, parts of the day and zones as each language writes
    /// them; a city's zone takes the offset of its day (the tz database).
    #[test]
    fn clock_times_day_parts_and_zones_in_every_language() {
        let h = |e: &str, lang: Option<&str>| {
            let r = resolve_in(e, Some(date(2019, 3, 29)), Tense::Nearest, lang).unwrap();
            (r.value, r.hours.map(|h| h.human()))
        };
        let at = |d: &str, hm: &str| (d.to_string(), Some(hm.to_string()));
        assert_eq!(h("4.30pm on Sunday", None), at("2019-03-24", "16:30"));
        assert_eq!(h("late on Tuesday", None), at("2019-03-26", "18:00-24:00"));
        assert_eq!(h("As of 2 p.m. on Monday", None), at("2019-03-25", "14:00"));
        assert_eq!(h("at 11 p.m. (2300GMT)", None), at("2019-03-29", "23:00 UTC+00:00"));
        assert_eq!(h("midnight in Brussels", None), at("2019-03-29", "24:00 UTC+01:00"));
        assert_eq!(
            h("2019-03-29T23:00[Europe/London]", None),
            at("2019-03-29", "23:00 UTC+00:00")
        );
        assert_eq!(h("16时30分", Some("zh")), at("2019-03-29", "16:30"));
        assert_eq!(h("截止20点", Some("zh")), at("2019-03-29", "20:00"));
        assert_eq!(
            h("北京时间8月3日16时30分", Some("zh")),
            at("2019-08-03", "16:30 UTC+08:00")
        );
        assert_eq!(
            h("a las 23, hora de Londres", Some("es")),
            at("2019-03-29", "23:00 UTC+00:00")
        );
        assert_eq!(
            h("heute um 24 Uhr (MEZ)", Some("de")),
            at("2019-03-29", "24:00 UTC+01:00")
        );
        assert_eq!(h("Mitternacht", Some("de")), at("2019-03-29", "24:00"));
        assert_eq!(
            h("alle 19.58 di ieri ora locale", Some("it")),
            at("2019-03-28", "19:58")
        );
        assert_eq!(
            h("la noche de este sábado", Some("es")),
            at("2019-03-30", "19:00-24:00")
        );
        assert_eq!(h("esta noche", Some("es")), at("2019-03-29", "19:00-24:00"));
        assert_eq!(h("à 23h30", Some("fr")), at("2019-03-29", "23:30"));
        assert_eq!(h("в 23:00", Some("ru")), at("2019-03-29", "23:00"));
        // Midnight in Brussels is eleven in London: the same moment.
        let brussels = resolve("midnight in Brussels", Some(date(2019, 3, 29)), Tense::Nearest).unwrap();
        let london = resolve("11 p.m. London time", Some(date(2019, 3, 29)), Tense::Nearest).unwrap();
        assert_eq!(brussels.hours.unwrap().order(&london.hours.unwrap()), None);
        // IST is India's where the sentence says India, else local time.
        let india = "Updated 8:36 a.m. IST as rescuers from India arrived.";
        let ist = resolve_in_context(
            "8:36 a.m. IST",
            Some(date(2016, 4, 18)),
            Tense::Nearest,
            None,
            Some(india),
        )
        .unwrap();
        assert_eq!(ist.hours.map(|h| h.human()).as_deref(), Some("08:36 UTC+05:30"));
        assert_eq!(h("8:36 a.m. IST", None), at("2019-03-29", "08:36"));
        // Summer time moves a city's offset.
        let july = resolve("midnight in Brussels", Some(date(2019, 7, 5)), Tense::Nearest).unwrap();
        assert_eq!(july.hours.map(|h| h.human()).as_deref(), Some("24:00 UTC+02:00"));
    }

    /// Expressions counted from a date the text names before them are read
    /// from it, in any language; with no date before them, a refusal.
    #[test]
    fn counted_from_the_nearest_date_before() {
        let r = |e: &str, s: &str, lang: Option<&str>| {
            resolve_in_context(e, Some(date(2019, 4, 1)), Tense::Nearest, lang, Some(s)).map(|r| r.value)
        };
        let met = "The EU met on March 27, and the following day MPs voted again.";
        assert_eq!(r("the following day", met, None).unwrap(), "2019-03-28");
        assert_eq!(
            r(
                "two days earlier",
                "On March 27 it was decided, two days earlier than planned.",
                None
            )
            .unwrap(),
            "2019-03-25"
        );
        let es = "El 12 de abril es la fecha límite; un día antes se reúne el Consejo.";
        assert_eq!(r("un día antes", es, Some("es")).unwrap(), "2019-04-11");
        let zh = "8月26日，当地召开会议。同27日，救援队撤离。";
        assert_eq!(
            resolve_in_context("同27日", Some(date(2014, 8, 29)), Tense::Nearest, Some("zh"), Some(zh))
                .unwrap()
                .value,
            "2014-08-27"
        );
        assert_eq!(
            r("the following day", "The following day MPs voted again.", None),
            Err(TimeError::NeedsAnchor("the following day".into()))
        );
        assert_eq!(
            resolve("the day after", Some(date(2019, 4, 1)), Tense::Nearest),
            Err(TimeError::Unrecognised("the day after".into()))
        );
    }

    /// Impossible dates and offsets are refused with their reason, and a
    /// negative count is never read as the other way.
    #[test]
    fn impossible_dates_say_why() {
        let e = |x: &str| {
            resolve(x, Some(date(2024, 3, 10)), Tense::Nearest)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(e("March 32, 2024"), "2024-03-32 is not a date: March has 31 days");
        assert_eq!(
            e("February 30, 2024"),
            "2024-02-30 is not a date: February 2024 has 29 days"
        );
        assert_eq!(
            e("\u{2212}5 days ago"),
            "`\u{2212}5 days ago`: a count before \"ago\" cannot be negative"
        );
        assert!(e("2024-03-01T10:00+99:99").starts_with("`+99:99` is not a UTC offset"));
        let q4 = resolve("Q4 9999", None, Tense::Nearest).unwrap();
        assert_eq!(q4.interval.end, Some(date(9999, 12, 31)));
    }

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
