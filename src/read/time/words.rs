//! English words of time: month, weekday and season names, number words,
//! and the cleaning every expression goes through first.

use super::*;

pub use crate::read::lang::MONTHS;

/// A month name or its common news abbreviation ("Oct.", "Sept").
pub(super) fn month_number(word: &str) -> Option<i8> {
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

pub(super) fn weekday(word: &str) -> Option<Weekday> {
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

pub(super) fn season(word: &str) -> Option<i8> {
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
pub(super) fn clean(expr: &str) -> String {
    let mut s: String = expr
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            // "at 11 p.m. (2300GMT)", "um 24 Uhr (MEZ)", RFC 9557's
            // "T23:00[Europe/London]": brackets are spacing.
            c if c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']') => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_end_matches(['.', ',', ';', ':']).to_string();
    s.strip_suffix("'s").map(str::to_string).unwrap_or(s)
}
