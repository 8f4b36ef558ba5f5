//! Relative expressions, counted from the reference date: "yesterday",
//! "last month", "on Thursday", "three days ago", "next year".

use super::*;

impl Ctx<'_> {
    pub(super) fn relative(&self, s: &str) -> Result<(Period, String, bool), TimeError> {
        if let Some(r) = self.named_day(s)? {
            return Ok(r);
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
            ["day", "before", "yesterday"] => rel(
                Period::Day(self.reference()?.checked_sub(days(2)?).map_err(inv)?),
                "two days before the reference date",
            ),
            ["day", "after", "tomorrow"] => rel(
                Period::Day(self.reference()?.checked_add(days(2)?).map_err(inv)?),
                "two days after the reference date",
            ),
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
                // "−5 days ago" is no time: never read as five days later.
                if count < 0 {
                    return Err(TimeError::Invalid(format!(
                        "`{}`: a count before \"ago\" cannot be negative",
                        self.original
                    )));
                }
                self.ago(count, unit)
            }
            _ => Err(self.unrecognised()),
        }
    }

    /// A weekday: "next" and "last" say which; "this" is the nearer of the
    /// two; a bare weekday is placed by the tense (see [`place`]), so a
    /// Friday article's "on Saturday" with no cue is the next day.
    pub(super) fn weekday(&self, wd: Weekday, dir: Option<&str>) -> Result<(Period, String, bool), TimeError> {
        let r = self.reference()?;
        let back = (r.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7) as i64;
        let before = |n: i64| -> Result<Period, TimeError> { Ok(Period::Day(r.checked_sub(days(n)?).map_err(inv)?)) };
        let after = |n: i64| -> Result<Period, TimeError> { Ok(Period::Day(r.checked_add(days(n)?).map_err(inv)?)) };
        let ahead = (7 - back) % 7;
        let (day, rule) = match dir {
            Some("next" | "coming") => (
                after(if ahead == 0 { 7 } else { ahead })?,
                "weekday: the next one".into(),
            ),
            Some("last" | "past") => (
                before(if back == 0 { 7 } else { back })?,
                "weekday: the one before the reference date".into(),
            ),
            _ if back == 0 => (Period::Day(r), "weekday: the reference date's own".into()),
            Some(_) if matches!(self.tense, Tense::Nearest | Tense::Ahead) => {
                if ahead < back {
                    (after(ahead)?, "weekday after \"this\": the nearer one, ahead".into())
                } else {
                    (before(back)?, "weekday after \"this\": the nearer one, before".into())
                }
            }
            _ => {
                let placed = place(
                    "weekday",
                    self.tense,
                    Lean::MostlyPast,
                    (before(back)?, back),
                    (after(ahead)?, ahead),
                );
                if let Some(other) = placed.other {
                    self.also.set(Some(other.value()));
                }
                (placed.chosen, placed.rule.replace(" without a year", ""))
            }
        };
        Ok((day, rule, true))
    }

    /// "last month", "this year", "next week", "last fall", "last October".
    pub(super) fn shift(&self, dir: &str, unit: &str) -> Result<(Period, String, bool), TimeError> {
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
    /// A named day (`data/lang/holidays.toml`): "Halloween", "Ostermontag",
    /// "New Year 2020". With a year, that year's; without, a fixed date is
    /// placed like "May 9" and Easter's days like any undated day.
    fn named_day(&self, s: &str) -> Result<Option<(Period, String, bool)>, TimeError> {
        for h in holidays().values() {
            for name in &h.names {
                let Some(rest) = s.strip_prefix(name.as_str()) else {
                    continue;
                };
                let rest = rest.trim();
                let year = match rest {
                    "" => None,
                    y if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => y.parse::<i16>().ok(),
                    _ => continue,
                };
                return self.holiday(name, h, year).map(Some);
            }
        }
        Ok(None)
    }

    fn holiday(&self, name: &str, h: &Holiday, year: Option<i16>) -> Result<(Period, String, bool), TimeError> {
        let fixed = h
            .date
            .as_deref()
            .and_then(|d| d.split_once('-'))
            .and_then(|(m, d)| Some((m.parse::<i8>().ok()?, d.parse::<i8>().ok()?)));
        match (fixed, h.easter, year) {
            (Some((m, d)), _, Some(y)) => Ok((Period::Day(ymd(y, m, d)?), format!("{name}, {y}"), false)),
            (Some((m, d)), _, None) => {
                let date = format!("{} {d}", month_name(m));
                let (p, rule, rel) = self.written_date(&date)?.ok_or_else(|| self.unrecognised())?;
                Ok((p, format!("{name} ({date}); {rule}"), rel))
            }
            (None, Some(offset), Some(y)) => {
                let day = easter(y)?.checked_add(days(offset)?).map_err(inv)?;
                Ok((Period::Day(day), format!("{name}, {y} (Western Easter)"), false))
            }
            (None, Some(offset), None) => {
                let r = self.reference()?;
                let on = |y: i16| -> Result<Date, TimeError> { easter(y)?.checked_add(days(offset)?).map_err(inv) };
                let this = on(r.year())?;
                let (past, future) = if this > r {
                    (on(r.year() - 1)?, this)
                } else {
                    (this, on(r.year() + 1)?)
                };
                let gap = |a: Date, b: Date| (a - b).get_days().abs() as i64;
                let placed = place(
                    name,
                    self.tense,
                    Lean::Past,
                    (Period::Day(past), gap(r, past)),
                    (Period::Day(future), gap(future, r)),
                );
                if let Some(other) = placed.other {
                    self.also.set(Some(other.value()));
                }
                Ok((placed.chosen, format!("{} (Western Easter)", placed.rule), true))
            }
            _ => Err(self.unrecognised()),
        }
    }

    /// "in 3 days", "in two weeks": `n` units after the reference date.
    pub(super) fn in_n_units(&self, s: &str) -> Result<Option<Resolved>, TimeError> {
        let Some(rest) = s.strip_prefix("in ") else {
            return Ok(None);
        };
        let [n, unit] = rest.split(' ').collect::<Vec<_>>()[..] else {
            return Ok(None);
        };
        let unit_ok = matches!(unit.trim_end_matches('s'), "day" | "week" | "month" | "year");
        let Some(n) = number_word(n).filter(|n| unit_ok && (1..=1000).contains(n)) else {
            return Ok(None);
        };
        let (period, _, _) = self.ago(-n, unit)?;
        Ok(Some(Resolved {
            value: period.value(),
            modifier: None,
            interval: period.interval()?,
            rule: format!("{n} {}(s) after the reference date", unit.trim_end_matches('s')),
            relative: true,
            hours: None,
            also: None,
        }))
    }

    pub(super) fn ago(&self, n: i64, unit: &str) -> Result<(Period, String, bool), TimeError> {
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

/// A named day's date, fixed or counted from Easter.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Holiday {
    date: Option<String>,
    easter: Option<i64>,
    names: Vec<String>,
}

/// The named days of `data/lang/holidays.toml`.
pub(super) fn holidays() -> &'static std::collections::BTreeMap<String, Holiday> {
    static DAYS: std::sync::OnceLock<std::collections::BTreeMap<String, Holiday>> = std::sync::OnceLock::new();
    DAYS.get_or_init(|| toml::from_str(include_str!("../../../data/lang/holidays.toml")).unwrap_or_default())
}

/// Western Easter Sunday of a year (the anonymous Gregorian algorithm).
pub(super) fn easter(y: i16) -> Result<Date, TimeError> {
    let y = i32::from(y);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    let year = i16::try_from(y).map_err(|_| too_far())?;
    ymd(
        year,
        i8::try_from(month).map_err(|_| too_far())?,
        i8::try_from(day).map_err(|_| too_far())?,
    )
}
