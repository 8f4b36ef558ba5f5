//! Expressions counted from a date the article gives rather than from its
//! publication: "the following day", "two days earlier", "that day",
//! "同27日" (the 27th of the same month). HeidelTime reads them from the
//! nearest date before them in the text; so does claimcheck, and it never
//! guesses from the publication date when no date precedes them.

use super::*;

/// How an anchored expression moves from the date it counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    /// So many days later (negative: earlier).
    Days(i64),
    /// The given day of the same month ("同27日").
    DayOfMonth(i8),
}

/// The shift an expression (cleaned English, or one of the languages'
/// phrases) makes from a date named before it, if it is such an expression.
pub fn anchored(cleaned: &str) -> Option<Shift> {
    let s = cleaned.trim().trim_start_matches("on ").trim_start_matches("the ");
    let fixed = match s {
        "following day" | "next day" | "day after" | "day after that" | "morning after" => Some(1),
        "previous day" | "day before" | "day before that" | "eve" => Some(-1),
        "that day" | "that date" | "same day" | "very same day" | "that same day" => Some(0),
        _ => None,
    };
    if let Some(d) = fixed {
        return Some(Shift::Days(d));
    }
    // "two days later", "a week earlier", "3 days before".
    let words: Vec<&str> = s.split(' ').collect();
    if let [n, unit, dir] = words.as_slice() {
        let count = match *n {
            "a" | "one" => 1,
            n => number_word(n)?,
        };
        let size = match unit.trim_end_matches('s') {
            "day" => 1,
            "week" => 7,
            _ => return None,
        };
        let sign = match *dir {
            "later" | "after" | "afterwards" => 1,
            "earlier" | "before" | "previously" => -1,
            _ => return None,
        };
        return Some(Shift::Days(sign * count * size));
    }
    None
}

/// Phrases of the other languages for the same expressions, in the
/// English [`anchored`] reads (CLDR does not carry them).
const PHRASES: [(&str, &str); 36] = [
    ("al día siguiente", "the following day"),
    ("el día siguiente", "the following day"),
    ("el día anterior", "the day before"),
    ("un día antes", "a day earlier"),
    ("un día después", "a day later"),
    ("ese día", "that day"),
    ("ese mismo día", "that same day"),
    ("no dia seguinte", "the following day"),
    ("no dia anterior", "the day before"),
    ("um dia antes", "a day earlier"),
    ("naquele dia", "that day"),
    ("le lendemain", "the following day"),
    ("la veille", "the day before"),
    ("ce jour-là", "that day"),
    ("le jour même", "that same day"),
    ("am nächsten tag", "the following day"),
    ("am folgenden tag", "the following day"),
    ("am vortag", "the day before"),
    ("am selben tag", "that same day"),
    ("an diesem tag", "that day"),
    ("il giorno dopo", "the following day"),
    ("il giorno seguente", "the following day"),
    ("il giorno prima", "the day before"),
    ("quel giorno", "that day"),
    ("на следующий день", "the following day"),
    ("накануне", "the day before"),
    ("в тот же день", "that same day"),
    ("наступного дня", "the following day"),
    ("напередодні", "the day before"),
    ("на следващия ден", "the following day"),
    ("ertesi gün", "the following day"),
    ("次日", "the following day"),
    ("翌日", "the following day"),
    ("前一天", "the day before"),
    ("当天", "that day"),
    ("同日", "that same day"),
];

/// An anchored expression in any language claimcheck reads: its shift.
pub fn anchored_in_any_language(expr: &str) -> Option<Shift> {
    let cleaned = clean(expr);
    if let Some(s) = anchored(&cleaned) {
        return Some(s);
    }
    if let Some((_, en)) = PHRASES.iter().find(|(p, _)| *p == cleaned) {
        return anchored(en);
    }
    // "同27日": the 27th of the month named before.
    let day = cleaned.strip_prefix('同')?.strip_suffix('日')?;
    day.parse::<i8>()
        .ok()
        .filter(|d| (1..=31).contains(d))
        .map(Shift::DayOfMonth)
}

/// The nearest single day named in `text` before its end: the last window
/// of up to five words that reads as one day (against the reference date,
/// in the article's language), with the words it was read from.
pub fn last_day_in(text: &str, reference: Option<Date>, lang: Option<&str>) -> Option<(Date, String)> {
    // CJK text has no spaces: a date is found in it as written ("8月3日").
    let spaced: String = text
        .chars()
        .map(|c| if matches!(c, '。' | '，' | '、') { ' ' } else { c })
        .collect();
    let words: Vec<&str> = spaced
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"'))
        .filter(|w| !w.is_empty())
        .collect();
    // The last 400 words are enough: a date is named near what counts from it.
    let start = words.len().saturating_sub(400);
    for end in (start..words.len()).rev() {
        for len in (1..=5).rev() {
            let Some(first) = (end + 1).checked_sub(len).filter(|f| *f >= start) else {
                continue;
            };
            let window = words.get(first..=end).unwrap_or_default().join(" ");
            let window = window.trim_end_matches(['.', ':']);
            // A bare number or a lone word is no date in running text.
            let dated = window.chars().any(|c| c.is_ascii_digit())
                || window.split(' ').any(|w| weekday(&w.to_lowercase()).is_some());
            if !dated || window.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            if anchored_in_any_language(window).is_some() {
                continue;
            }
            if let Ok(r) = resolve_in(window, reference, Tense::Nearest, lang) {
                if let (true, Some(d)) = (r.interval.is_day(), r.interval.start) {
                    return Some((d, window.to_string()));
                }
            }
        }
    }
    None
}

/// Applies a shift to the date it counts from.
pub fn shifted(base: Date, shift: Shift) -> Result<Date, TimeError> {
    match shift {
        Shift::Days(n) => base.checked_add(days(n)?).map_err(inv),
        Shift::DayOfMonth(d) => ymd(base.year(), base.month(), d),
    }
}

/// Reads an anchored expression from the nearest day named in `before`
/// (the article's text up to it), with the rule saying which day that was.
/// An error says so when no day precedes it: the publication date is never
/// used in its place.
pub fn resolve_anchored(
    expr: &str,
    shift: Shift,
    before: &str,
    reference: Option<Date>,
    lang: Option<&str>,
) -> Result<Resolved, TimeError> {
    let Some((base, words)) = last_day_in(before, reference, lang) else {
        return Err(TimeError::NeedsAnchor(expr.to_string()));
    };
    let day = shifted(base, shift)?;
    Ok(Resolved {
        value: day.to_string(),
        modifier: None,
        interval: Interval::day(day),
        rule: format!("counted from the nearest date before it in the text: `{words}` ({base})"),
        relative: true,
        hours: None,
        also: None,
    })
}
