//! News forms: what English news writes that the core reader does not
//! know, rewritten into forms it does, each with its rule.

use super::*;

/// More of English news time, rewritten into forms the reader knows, with
/// a note saying how: months placed by "this/last/next year", financial
/// quarters and halves, fiscal years, year-end, "the year", "this past
/// spring", "earlier yesterday", and times of day, which are read as their
/// day (claimcheck's moments are days; the part of the day is kept in the
/// rule). `Ok(None)`: not one of these forms.
pub(super) fn news_forms(s: &str, reference: Option<Date>) -> Result<Option<(String, &'static str)>, TimeError> {
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
pub(super) type NewsForm = fn(&str, &str, Option<Date>) -> Result<Option<(String, &'static str)>, TimeError>;

/// [`stretches`] as a [`NewsForm`].
pub(super) fn stretches_from(
    s: &str,
    _orig: &str,
    reference: Option<Date>,
) -> Result<Option<(String, &'static str)>, TimeError> {
    stretches(s, reference)
}

/// "June last year", "January this year", "March next year".
pub(super) fn month_of_named_year(
    s: &str,
    orig: &str,
    reference: Option<Date>,
) -> Result<Option<(String, &'static str)>, TimeError> {
    let need = || reference.ok_or_else(|| TimeError::NeedsReference(orig.to_string()));
    // "June last year", "January this year", "March next year".
    for (suffix, delta) in [(" this year", 0i64), (" last year", -1), (" next year", 1)] {
        let Some(rest) = s.strip_suffix(suffix) else { continue };
        if month_number(rest).is_some() {
            let y = year_minus(need()?.year(), -delta)?;
            return Ok(Some((format!("{rest} {y}"), "month placed by the year named")));
        }
        // "Jan. 31 next year", "31 January this year": a day placed likewise.
        let mut words = rest.split(' ');
        let (a, b) = (words.next().unwrap_or_default(), words.next().unwrap_or_default());
        let day_month = month_number(a).is_some() && b.parse::<u8>().is_ok()
            || a.parse::<u8>().is_ok() && month_number(b).is_some();
        if day_month && words.next().is_none() {
            let y = year_minus(need()?.year(), -delta)?;
            return Ok(Some((format!("{rest} {y}"), "day placed by the year named")));
        }
    }
    Ok(None)
}

/// Times of day, read as their day: "saturday evening", "4:30 p.m. sunday",
/// "0830 utc", "overnight", "late tuesday night", "last night".
pub(super) fn day_parts(
    s: &str,
    _orig: &str,
    _reference: Option<Date>,
) -> Result<Option<(String, &'static str)>, TimeError> {
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
        "overnight"
            | "tonight"
            | "this morning"
            | "this afternoon"
            | "this evening"
            | "this night"
            | "earlier today"
            | "later today"
            | "midnight"
            | "noon"
            | "midday"
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
        .filter(|(d, _)| d.len() == 10 && time_of_day(s, None).is_some())
    {
        return Ok(Some((
            day.to_string(),
            "a date and time, read as its day and part of the day",
        )));
    }
    let words: Vec<&str> = s.split(' ').collect();
    // "CST" and "IST" name two zones each: dropped, read as local time. A
    // zone may be two words ("new york"), and "in" may lead it.
    let zone_at = |i: usize| -> bool {
        let w = |k: usize| words.get(k).copied().unwrap_or_default();
        let pair = |a: usize| zone::is_zone(&format!("{} {}", w(a), w(a + 1)));
        zone::is_zone(w(i)) || pair(i) || (i > 0 && pair(i - 1)) || matches!(w(i), "local" | "time" | "cst" | "ist")
    };
    let is_zone_or_in = |i: usize| zone_at(i) || (words.get(i) == Some(&"in") && zone_at(i + 1));
    let is_clock_at = |i: usize| clock_at(&words, i).is_some();
    if words.len() == 1 && is_clock_at(0) {
        return Ok(Some(("today".into(), "a time of day, on the reference date")));
    }
    let timed = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| PARTS.contains(w) || matches!(*w, "late" | "early"))
            || is_clock_at(i)
    };
    if words.len() > 1 && (0..words.len()).any(timed) {
        let day: Vec<&str> = words
            .iter()
            .enumerate()
            .filter(|(i, w)| {
                !PARTS.contains(w)
                    && !is_clock_at(*i)
                    && !is_zone_or_in(*i)
                    && meridiem(w).is_none()
                    && !matches!(**w, "at" | "late" | "early" | "on" | "as" | "of")
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
pub(super) fn stretch_ahead(
    s: &str,
    orig: &str,
    reference: Option<Date>,
) -> Result<Option<(String, &'static str)>, TimeError> {
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
pub(super) fn year_parts(
    s: &str,
    orig: &str,
    reference: Option<Date>,
) -> Result<Option<(String, &'static str)>, TimeError> {
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
pub(super) fn stretches(s: &str, reference: Option<Date>) -> Result<Option<(String, &'static str)>, TimeError> {
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
