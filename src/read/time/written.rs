//! Written dates: ISO forms and dates as news writes them ("March 13,
//! 2025", "13 March", "mid-2024").

use super::*;

impl Ctx<'_> {
    /// A single calendar period, absolute or relative.
    pub(super) fn period(&self, s: &str) -> Result<(Period, String, bool), TimeError> {
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
    pub(super) fn iso(&self, s: &str) -> Result<Option<Period>, TimeError> {
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
    pub(super) fn written_date(&self, s: &str) -> Result<Option<(Period, String, bool)>, TimeError> {
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
            // Up to 99, so that "March 32" is refused with its reason
            // ("March has 31 days") rather than as no date at all.
            w.parse::<i8>().ok().filter(|d| (1..=99).contains(d))
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
            // A day that is not a day ("March 21-22, 2019") is not dropped
            // to leave the month: the form is not this one.
            [m, d, y] if month_number(m).is_some() && day_num(d).is_some() && year_num(y).is_some() => {
                (month_number(m), day_num(d), year_num(y))
            }
            [d, m, y] if month_number(m).is_some() && day_num(d).is_some() && year_num(y).is_some() => {
                (month_number(m), day_num(d), year_num(y))
            }
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
        let placed = place(
            what,
            self.tense,
            Lean::Past,
            (past, dist(past)?),
            (future, dist(future)?),
        );
        if let Some(other) = placed.other {
            self.also.set(Some(other.value()));
        }
        let chosen = (placed.chosen, placed.rule);
        Ok(Some((chosen.0, chosen.1, true)))
    }
}
