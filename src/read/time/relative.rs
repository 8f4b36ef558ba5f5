//! Relative expressions, counted from the reference date: "yesterday",
//! "last month", "on Thursday", "three days ago", "next year".

use super::*;

impl Ctx<'_> {
    pub(super) fn relative(&self, s: &str) -> Result<(Period, String, bool), TimeError> {
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
