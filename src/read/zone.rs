//! Zones named beside a clock time: abbreviations, IANA names and cities,
//! with the offset of the day from the tz database (jiff carries it), so
//! "midnight in Brussels" is 23:00 UTC in winter and 22:00 UTC in summer.

use jiff::civil::Date;

/// Zone abbreviations news prints, with their fixed offsets in minutes.
/// The tz database does not map abbreviations to zones, so these are
/// written here. `cst` and `ist` name two zones each and are left out: a
/// time in them is read as the story's local time.
const ABBREVIATIONS: [(&str, i16); 29] = [
    ("utc", 0),
    ("gmt", 0),
    ("z", 0),
    ("wet", 0),
    ("west", 60),
    ("bst", 60),
    ("cet", 60),
    ("mez", 60),
    ("cest", 120),
    ("mesz", 120),
    ("eet", 120),
    ("eest", 180),
    ("msk", 180),
    ("trt", 180),
    ("est", -300),
    ("edt", -240),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
    ("brt", -180),
    ("art", -180),
    ("wib", 420),
    ("hkt", 480),
    ("sgt", 480),
    ("jst", 540),
    ("kst", 540),
    ("aest", 600),
];

/// Cities the tz database names by another city ("Asia/Shanghai" keeps
/// China's time), and countries said for their one zone: the zone.
const ALIASES: [(&str, &str); 10] = [
    ("beijing", "Asia/Shanghai"),
    ("china", "Asia/Shanghai"),
    ("tokyo", "Asia/Tokyo"),
    ("seoul", "Asia/Seoul"),
    ("moscow", "Europe/Moscow"),
    ("delhi", "Asia/Kolkata"),
    ("new delhi", "Asia/Kolkata"),
    ("washington", "America/New_York"),
    ("quito", "America/Guayaquil"),
    ("ankara", "Europe/Istanbul"),
];

/// The tz database's zones by their city, lower case, and by their full
/// name ("brussels", "new york", "europe/brussels").
fn cities() -> &'static std::collections::HashMap<String, String> {
    static CITIES: std::sync::OnceLock<std::collections::HashMap<String, String>> = std::sync::OnceLock::new();
    CITIES.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for name in jiff::tz::db().available() {
            let name = name.as_str().to_string();
            if !name.contains('/') || name.starts_with("Etc/") {
                continue;
            }
            let city = name
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .replace('_', " ")
                .to_lowercase();
            map.entry(city).or_insert_with(|| name.clone());
            map.insert(name.to_lowercase(), name);
        }
        for (alias, zone) in ALIASES {
            map.insert(alias.to_string(), zone.to_string());
        }
        // CLDR's names of the cities in every language ("Londres", "Pékin").
        for lang in crate::read::cldr::data().languages.values() {
            for (city, zone) in &lang.cities {
                map.entry(city.to_lowercase()).or_insert_with(|| zone.clone());
            }
        }
        map
    })
}

/// The IANA zone a word or two of text names, if any.
pub fn zone_named(w: &str) -> Option<&'static str> {
    cities().get(w).map(String::as_str)
}

/// Whether a word names a zone (an abbreviation, a city, an IANA name).
pub fn is_zone(w: &str) -> bool {
    fixed_offset(w).is_some() || zone_named(w).is_some()
}

/// The UTC offset, in minutes, of a zone named after a clock time: fixed
/// for an abbreviation or a written offset ("+08:00", "utc+8"), and for a
/// city or IANA name the offset of `day` (at noon there). `None` for a
/// city when the day is not known.
pub fn zone_offset_on(w: &str, day: Option<Date>) -> Option<i16> {
    if let Some(o) = fixed_offset(w) {
        return Some(o);
    }
    let zone = jiff::tz::db().get(zone_named(w)?).ok()?;
    let noon = day?.at(12, 0, 0, 0).to_zoned(zone).ok()?;
    i16::try_from(noon.offset().seconds() / 60).ok()
}

/// An abbreviation's offset, or a written one.
fn fixed_offset(w: &str) -> Option<i16> {
    if let Some((_, o)) = ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
        return Some(*o);
    }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn cities_take_the_offset_of_their_day() {
        let winter = Some(date(2019, 1, 31));
        let summer = Some(date(2019, 7, 31));
        assert_eq!(zone_offset_on("brussels", winter), Some(60));
        assert_eq!(zone_offset_on("brussels", summer), Some(120));
        assert_eq!(zone_offset_on("london", summer), Some(60));
        assert_eq!(zone_offset_on("new york", winter), Some(-300));
        assert_eq!(zone_offset_on("europe/london", winter), Some(0));
        assert_eq!(zone_offset_on("beijing", summer), Some(480));
        assert_eq!(zone_offset_on("mez", summer), Some(60));
        assert_eq!(zone_offset_on("+05:30", None), Some(330));
        assert_eq!(zone_offset_on("brussels", None), None);
        assert!(is_zone("londres") && is_zone("brussels") && !is_zone("sunday"));
    }
}
