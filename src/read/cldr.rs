//! The Unicode CLDR's words and symbols for the languages claimcheck reads,
//! vendored as data (`data/cldr/cldr.json`, made by `data/cldr/update.py`
//! from the CLDR JSON release, with CLDR's licence beside it).
//!
//! Why vendored JSON rather than ICU4X: one file holds every kind of word
//! claimcheck needs (number symbols and compact number words, month and
//! weekday names, day periods with their hours, relative days and their
//! "in {0} days" patterns), its diff shows what an update changed, it adds
//! no crate to the build, and adding a language is adding its code to the
//! update script's list and running it. ICU4X's relative-time data is
//! still experimental.
//!
//! The file is compiled in and parsed once, on first use.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Everything vendored.
#[derive(Debug, Default, Deserialize)]
pub struct Cldr {
    /// The CLDR release the data came from.
    pub cldr: String,
    /// By language code (`es`, `zh`).
    pub languages: BTreeMap<String, Language>,
}

/// One language's data.
#[derive(Debug, Default, Deserialize)]
pub struct Language {
    /// The region a tag without one stands for (CLDR's likely subtags:
    /// `es` is Spain's Spanish), whose locale is the language's own.
    pub default_region: String,
    /// Number symbols and compact words by locale (`es`, `es-MX`).
    pub numbers: BTreeMap<String, Numbers>,
    /// The share of the language's speakers (CLDR's territory populations)
    /// who write each decimal separator.
    pub decimal_shares: BTreeMap<String, f64>,
    /// Month names, each row twelve long, January first, in every width and
    /// context CLDR gives.
    pub months: Vec<Vec<String>>,
    /// Weekday names, each row seven long, Sunday first.
    pub days: Vec<Vec<String>>,
    /// Names of the parts of the day (`morning1`, `midnight`...).
    pub day_periods: BTreeMap<String, Vec<String>>,
    /// When each part of the day runs (`from`, `before`, or `at`, as HH:MM).
    pub day_period_rules: BTreeMap<String, BTreeMap<String, String>>,
    /// Relative words and patterns for `day`, `week`, `month`, `year` and
    /// each weekday (`sun`...).
    pub relative: BTreeMap<String, Relative>,
    /// The language's names of the tz database's cities, lower case, and
    /// their zones ("londres" -> "Europe/London").
    #[serde(default)]
    pub cities: BTreeMap<String, String>,
}

/// A locale's number symbols.
#[derive(Debug, Default, Deserialize)]
pub struct Numbers {
    pub decimal: String,
    pub group: String,
    pub native_decimal: String,
    pub native_group: String,
    /// Compact number words and their scale (`mil` 1000, `млн` 10^6).
    pub words: Vec<(String, f64)>,
}

/// Relative words ("-1": "gestern") and patterns ("vor {0} Tagen").
#[derive(Debug, Default, Deserialize)]
pub struct Relative {
    pub words: BTreeMap<String, String>,
    pub past: Vec<String>,
    pub future: Vec<String>,
}

/// The vendored data, parsed once.
pub fn data() -> &'static Cldr {
    static DATA: std::sync::OnceLock<Cldr> = std::sync::OnceLock::new();
    DATA.get_or_init(|| serde_json::from_str(include_str!("../../data/cldr/cldr.json")).unwrap_or_default())
}

/// A language tag's language (`pt-BR` -> `pt`), lower case.
fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()
}

/// The data of a language tag's language, if claimcheck has it.
pub fn language(tag: &str) -> Option<&'static Language> {
    data().languages.get(&primary(tag))
}

/// The share of speakers above which a language's decimal separator is
/// taken as its own: below it, a figure that reads either way is flagged.
pub const DECIDED: f64 = 0.75;

/// How a language writes numbers: its decimal separator, another one that
/// a comparable share of its speakers use (when the language does not
/// decide), the characters that group digits, and its compact words.
#[derive(Clone, Debug, PartialEq)]
pub struct Separators {
    pub decimal: char,
    pub other_decimal: Option<char>,
    pub groups: Vec<char>,
    pub words: Vec<(String, f64)>,
}

/// Spaces that group digits in every language ("230 000", "230 000").
const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// The separators of a language tag: the locale's own when the tag names a
/// region CLDR has (`es-MX`), else the language's: the separator most of
/// its speakers write, and the other one when more than a quarter write it
/// (Spanish: 55% comma, 45% point). `None` for a language without data.
pub fn separators(tag: &str) -> Option<Separators> {
    let lang = language(tag)?;
    let primary = primary(tag);
    let region = tag.split(['-', '_']).nth(1).map(str::to_ascii_uppercase);
    let exact = region.and_then(|r| match r == lang.default_region {
        true => lang.numbers.get(&primary),
        false => lang.numbers.get(&format!("{primary}-{r}")),
    });
    let base = lang.numbers.get(&primary)?;
    let first = |s: &str| s.chars().next();
    let (decimal, other_decimal) = match exact {
        Some(n) => (first(&n.decimal)?, None),
        None => {
            let mut shares: Vec<(&String, &f64)> = lang.decimal_shares.iter().collect();
            shares.sort_by(|a, b| b.1.total_cmp(a.1));
            let top = shares
                .first()
                .and_then(|(d, _)| first(d))
                .or_else(|| first(&base.decimal))?;
            let other = shares
                .get(1)
                .filter(|(_, share)| **share > 1.0 - DECIDED)
                .and_then(|(d, _)| first(d));
            (top, other)
        }
    };
    // Groups: the group symbols of every locale that shares the decimal,
    // spaces, and `_` as TOML writes it; never a decimal separator.
    let mut groups: Vec<char> = SPACES.to_vec();
    groups.push('_');
    for n in lang.numbers.values() {
        if first(&n.decimal) == Some(decimal) || Some(first(&n.decimal)) == Some(other_decimal) {
            for g in [&n.group, &n.native_group] {
                if let Some(c) = first(g).filter(|c| *c != decimal && !groups.contains(c)) {
                    groups.push(c);
                }
            }
        }
    }
    if let Some(o) = other_decimal.filter(|o| !groups.contains(o)) {
        groups.push(o);
    }
    let words = exact.unwrap_or(base).words.clone();
    Some(Separators {
        decimal,
        other_decimal,
        groups,
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_data_parses_and_has_every_language() {
        let d = data();
        assert!(!d.cldr.is_empty());
        for lang in [
            "en", "es", "pt", "fr", "de", "it", "ru", "uk", "bg", "ar", "tr", "zh", "ja",
        ] {
            let l = language(lang).unwrap_or_else(|| panic!("no CLDR data for {lang}"));
            assert!(l.months.iter().all(|m| m.len() == 12), "{lang}");
            assert!(l.days.iter().all(|d| d.len() == 7), "{lang}");
            assert!(l.relative.contains_key("day"), "{lang}");
        }
    }

    #[test]
    fn separators_follow_the_language_and_its_region() {
        let pt = separators("pt").unwrap();
        assert_eq!((pt.decimal, pt.other_decimal), (',', None));
        assert!(pt.groups.contains(&'.'));
        let es = separators("es").unwrap();
        assert_eq!((es.decimal, es.other_decimal), (',', Some('.')));
        let mx = separators("es-MX").unwrap();
        assert_eq!((mx.decimal, mx.other_decimal), ('.', None));
        let en = separators("en").unwrap();
        assert_eq!((en.decimal, en.other_decimal), ('.', None));
        assert!(en.groups.contains(&',') && !en.groups.contains(&'.'));
        assert!(separators("xx").is_none());
    }
}
