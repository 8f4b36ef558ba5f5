//! Clock times and parts of the day ("4:30 p.m.", "0830 utc", "late
//! evening"): claimcheck's moments are days, and the part of the day orders
//! claims within one.

use super::*;

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
pub(super) const DAY_PARTS: [(&str, u16, u16); 12] = [
    // The midnight news means ends its day ("midnight in Brussels" on the
    // 29th, "um 24 Uhr"): 24:00, the minute after the day's last.
    ("midnight", 24 * 60, 24 * 60 + 1),
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

/// A clock time: "4:30", "16:05", "4" before "p.m.", "0830" before a zone.
pub(super) fn clock(w: &str, meridiem: Option<&str>, zoned: bool) -> Option<u16> {
    let w = w.trim_end_matches(['.', ',']);
    // "4.30pm", "19.58" after "at": a point between hours and minutes.
    let dotted = (meridiem.is_some() || zoned)
        .then(|| w.split_once('.'))
        .flatten()
        .filter(|(h, m)| h.len() <= 2 && m.len() == 2);
    let (h, m) = if let Some((h, m)) = w.split_once(':').or(dotted) {
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
        // "24:00" ("um 24 Uhr"): the end of the day, as "midnight" is.
        None if h == 24 && m == 0 => return Some(24 * 60),
        None => return None,
    };
    Some(h * 60 + m)
}

/// "a.m", "p.m", "am" or "pm" (a trailing dot or comma aside): a meridiem.
pub(super) fn meridiem(w: &str) -> Option<&str> {
    Some(w.trim_end_matches(['.', ','])).filter(|w| matches!(*w, "a.m" | "p.m" | "am" | "pm"))
}

/// The minute of the clock time written at word `i`, if it is one: "4:30",
/// "16:05", "4:30pm" (the meridiem glued on), "4" before "p.m.", "0830"
/// before a zone (four digits alone are a year).
pub(super) fn clock_at(words: &[&str], i: usize) -> Option<u16> {
    let w = words.get(i)?;
    let (w, glued) = match w.strip_suffix("pm").or_else(|| w.strip_suffix("p.m.")) {
        Some(c) if !c.is_empty() => (c, Some("pm")),
        _ => match w.strip_suffix("am").or_else(|| w.strip_suffix("a.m.")) {
            Some(c) if !c.is_empty() => (c, Some("am")),
            _ => (*w, None),
        },
    };
    // "2300gmt": a zone glued on.
    let (w, glued_zone) = match w.find(|c: char| c.is_ascii_alphabetic()) {
        Some(at) if glued.is_none() && at == 4 && zone::is_zone(w.get(at..)?) => (w.get(..at)?, true),
        _ => (w, false),
    };
    let next = words.get(i + 1).copied();
    // "at 19.58" (Italian "alle 19.58"): a clock after "at".
    let after_at = i > 0 && words.get(i - 1).is_some_and(|p| *p == "at");
    let zoned = glued_zone || after_at || next.is_some_and(zone::is_zone);
    clock(w, glued.or_else(|| next.and_then(meridiem)), zoned)
}

/// The zone glued to a four-digit clock ("2300gmt").
fn glued_zone(w: &str, day: Option<Date>) -> Option<i16> {
    let at = w.find(|c: char| c.is_ascii_alphabetic())?;
    let (digits, zone) = (w.get(..at)?, w.get(at..)?);
    (at == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| zone::zone_offset_on(zone, day))
        .flatten()
}

/// The part of the day an expression gives, if any: a named part ("sunday
/// evening", "last night", "early morning"), a clock time with its zone
/// ("4:30 p.m. sunday", "0830 utc", "2014-08-03t16:30+08:00"), or "early" /
/// "late" before a weekday ("late monday": 18:00-24:00).
pub fn time_of_day(cleaned: &str, day: Option<Date>) -> Option<DayPart> {
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
        // A zone of two words ("new york", "hora de londres" read as "time london").
        let pair = words.get(i + 1).map(|n| format!("{w} {n}"));
        if let Some(z) = pair.as_deref().and_then(|p| zone::zone_offset_on(p, day)) {
            zone = Some(z);
            continue;
        }
        if let Some(z) = zone::zone_offset_on(w, day).or_else(|| glued_zone(w, day)) {
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
