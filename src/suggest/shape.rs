//! The shape of a skeleton: the clause its quote is cut to, what its
//! figure counts, and the slugs of a proposed question.

use std::ops::Range;

use super::find::FoundFigure;
use super::words::{concepts_in, is_cjk};

/// Marks that end a clause.
fn boundary(text: &str, i: usize) -> bool {
    let c = text.get(i..).and_then(|t| t.chars().next());
    let next = text.get(i..).and_then(|t| t.chars().nth(1));
    match c {
        Some(';' | ':' | '—' | '–' | '(' | ')' | '“' | '”' | '"' | '«' | '»' | '，' | '；' | '：' | '、' | '。') => {
            true
        }
        Some(',') => next.is_some_and(char::is_whitespace),
        _ => false,
    }
}

/// The clause of `text` around `span`, with at least four words (a
/// clause shorter than that takes in its neighbour on the right, then on
/// the left), without the punctuation that ends it.
pub fn clause(text: &str, span: Range<usize>) -> Range<usize> {
    let left_of = |from: usize| {
        (0..from)
            .rev()
            .filter(|&i| text.is_char_boundary(i))
            .find(|&i| boundary(text, i))
            .map_or(0, |i| {
                i + text.get(i..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8)
            })
    };
    let right_of = |from: usize| {
        (from..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .find(|&i| boundary(text, i))
            .unwrap_or(text.len())
    };
    let mut start = left_of(span.start);
    let mut end = right_of(span.end);
    for _ in 0..2 {
        if words(text.get(start..end).unwrap_or_default()) >= 4 {
            break;
        }
        if end < text.len() {
            end = right_of((end + 1).min(text.len()));
        } else if start > 0 {
            start = left_of(start.saturating_sub(1));
        }
    }
    trim(text, start..end)
}

/// Words of a clause; each ideograph counts as one.
fn words(s: &str) -> usize {
    s.split_whitespace()
        .count()
        .max(s.chars().filter(|c| is_cjk(*c)).count() / 2)
}

/// The range without spaces or closing punctuation at its ends.
fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = text.get(r.clone()).unwrap_or_default();
    let lead = s.len() - s.trim_start().len();
    let body = s
        .trim_start()
        .trim_end()
        .trim_end_matches(['.', ',', ';', ':', '!', '?', '。', '，']);
    r.start + lead..r.start + lead + body.len()
}

/// `r` grown to take in the word at byte `at` of `text`.
pub fn widen(text: &str, r: Range<usize>, at: usize) -> Range<usize> {
    if at < r.start {
        let start = text
            .get(..at)
            .and_then(|t| t.rfind(char::is_whitespace))
            .map_or(0, |i| i + 1);
        start.min(r.start)..r.end
    } else if at > r.end {
        let end = text
            .get(at..)
            .and_then(|t| t.find(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';')))
            .map_or(text.len(), |i| at + i);
        r.start..end.max(r.end)
    } else {
        r
    }
}

/// The concepts a figure counts: those in its clause, else the one
/// nearest it in the sentence (within a few words).
pub fn concepts_near(lower: &str, quote: &Range<usize>, figure: &Range<usize>) -> Vec<&'static str> {
    let clause = lower.get(quote.clone()).unwrap_or_default();
    let mut inside: Vec<(&'static str, usize)> = concepts_in(clause);
    if inside.is_empty() {
        inside = concepts_in(lower)
            .into_iter()
            .filter(|(_, at)| at.abs_diff(figure.start) < 60)
            .collect();
    } else {
        for c in &mut inside {
            c.1 += quote.start;
        }
    }
    inside.sort_by_key(|(c, at)| (at.abs_diff(figure.end), *c));
    inside.into_iter().map(|(c, _)| c).collect()
}

/// Concepts counted in people.
const PEOPLE: [&str; 6] = ["deaths", "injured", "missing", "displaced", "rescuers", "troops"];

/// The unit of a figure: what the reader saw ("percent"), a currency, or
/// what its concept counts in ("people" for deaths, "magnitude").
pub fn unit_of(text: &str, f: &FoundFigure, concepts: &[&str]) -> Option<String> {
    let lower = text.to_lowercase();
    let before = text.get(..f.span.start).unwrap_or_default();
    let after = lower.get(f.span.end..).unwrap_or_default().trim_start();
    let written = text.get(f.span.clone()).unwrap_or_default();
    if f.unit.as_deref() == Some("percent") || written.ends_with('%') {
        return Some("percent".into());
    }
    for (mark, unit) in [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₽", "RUB")] {
        if written.starts_with(mark) || before.ends_with(mark) {
            return Some(unit.into());
        }
    }
    let money = [
        ("dollars", "USD"),
        ("dólares", "USD"),
        ("dolares", "USD"),
        ("dollari", "USD"),
        ("долларов", "USD"),
        ("美元", "USD"),
        ("euros", "EUR"),
        ("euro", "EUR"),
        ("евро", "EUR"),
        ("欧元", "EUR"),
        ("rubles", "RUB"),
        ("roubles", "RUB"),
        ("рублей", "RUB"),
        ("km", "km"),
        ("kilomet", "km"),
        ("公里", "km"),
        ("miles", "miles"),
    ];
    // The unit may follow a scale word and "de": "3.000 millones de dólares".
    let near: Vec<&str> = after.split_whitespace().take(3).collect();
    for (word, unit) in money {
        if after.starts_with(word) || near.iter().any(|w| w.starts_with(word)) {
            return Some(unit.into());
        }
    }
    match concepts.first() {
        Some(c) if PEOPLE.contains(c) => Some("people".into()),
        Some(&"magnitude") => Some("magnitude".into()),
        Some(&"depth") => Some("km".into()),
        _ => f
            .unit
            .clone()
            .filter(|u| u.chars().all(char::is_alphabetic) && u.len() > 2),
    }
}

/// "deaths, people" for the why list.
pub fn describe(concepts: &[&str], unit: Option<&str>) -> String {
    let mut parts: Vec<&str> = concepts.iter().take(1).copied().collect();
    if let Some(u) = unit.filter(|u| !parts.contains(u)) {
        parts.push(u);
    }
    parts.join(", ")
}

/// A slug of the words after a figure ("houses-damaged"), for a proposed
/// question; "figure" when there are none.
pub fn counted_slug(text: &str, span: &Range<usize>) -> String {
    let after = text.get(span.end..).unwrap_or_default();
    let words: Vec<String> = super::questions::content_words(after.split([',', '.', ';']).next().unwrap_or_default())
        .into_iter()
        .take(2)
        .collect();
    slug_or(&words, "figure")
}

/// A slug of the clause's words around a date ("quake-struck"), for a
/// proposed event-date question.
pub fn event_slug(text: &str, span: &Range<usize>) -> String {
    let c = clause(text, span.clone());
    let without = format!(
        "{} {}",
        text.get(c.start..span.start).unwrap_or_default(),
        text.get(span.end..c.end).unwrap_or_default()
    );
    let words: Vec<String> = super::questions::content_words(&without).into_iter().take(2).collect();
    slug_or(&words, "event")
}

fn slug_or(words: &[String], default: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // "dólares" is "dolares": accents dropped, other scripts left out.
    let s: String = words
        .join("-")
        .nfd()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if s.trim_matches('-').is_empty() {
        default.to_string()
    } else {
        s.trim_matches('-').to_string()
    }
}

/// Where a word starting with `stem` begins in `lower`.
pub fn word_starting(lower: &str, stem: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = lower.get(from..).and_then(|t| t.find(stem)).map(|i| i + from) {
        if lower
            .get(..i)
            .and_then(|t| t.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(i);
        }
        from = i + stem.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_is_the_value_and_its_words() {
        let s = "A magnitude 7.8 earthquake struck late on Saturday, and officials said 77 people were confirmed dead.";
        let at = s.find("77").unwrap();
        assert_eq!(
            s.get(clause(s, at..at + 2)),
            Some("and officials said 77 people were confirmed dead")
        );
        let t = "Toll: 413.";
        let at = t.find("413").unwrap();
        assert_eq!(t.get(clause(t, at..at + 3)), Some("Toll: 413"));
    }
}
