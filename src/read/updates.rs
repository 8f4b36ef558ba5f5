//! Update stamps: the lines a page updated in place writes above what it
//! added ("Updated 10:51 a.m. IST", "Actualizado a las 10:51",
//! "更新时间：2016年4月18日 10时51分").
//!
//! A stamp is a paragraph that opens with an update word of the article's
//! language or of English (`data/lang/updates.toml`) followed by a day or a
//! time of day the time reader reads, counted from the page's date. The
//! words alone ("Update on the talks: ...") are not a stamp, and neither is
//! a stamp that names only a year or a month: a stamp says when.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::time::{self, Resolved, Tense};

/// One update stamp found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    /// Byte offset of the stamp's paragraph in the text: what follows it,
    /// up to the next stamp, is that update's.
    pub offset: usize,
    /// The stamp as written: its update word and its time ("Updated 10:51 a.m. IST").
    pub text: String,
    /// The time, read from the page's date.
    pub time: Resolved,
}

/// The update words of each language, longest first.
fn words(lang: &str) -> Vec<&'static str> {
    static WORDS: std::sync::OnceLock<BTreeMap<String, Vec<String>>> = std::sync::OnceLock::new();
    let all = WORDS.get_or_init(|| toml::from_str(include_str!("../../data/lang/updates.toml")).unwrap_or_default());
    let primary = lang.split('-').next().unwrap_or_default().to_ascii_lowercase();
    let mut out: Vec<&'static str> = all
        .get(&primary)
        .into_iter()
        .chain(all.get("en").filter(|_| primary != "en"))
        .flatten()
        .map(String::as_str)
        .collect();
    out.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    out
}

/// Marks a stamp's line may open with before its word ("* Updated", "[Update").
const OPENERS: &[char] = &['*', '-', '–', '—', '•', '[', '(', '#', '_', ' ', '\t'];
/// What may stand between the update word and its time ("Updated: ", "更新时间：").
const BETWEEN: &[char] = &[':', '：', ',', '-', '–', '—', ' ', '\t', '\u{a0}'];
/// How many words of the rest of the line are tried as the time.
const MOST_WORDS: usize = 10;

/// Every update stamp in `text`, in text order, its times read in `lang`
/// from `reference` (the page's date).
pub fn stamps(text: &str, lang: &str, reference: Option<Date>) -> Vec<Stamp> {
    let words = words(lang);
    let firsts: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let body = line.trim_start_matches(OPENERS);
        if body.is_empty() {
            continue;
        }
        // Most lines open with no update word: their first letter says so
        // before anything is lower-cased.
        let first = body.chars().next().and_then(|c| c.to_lowercase().next());
        if !firsts.iter().any(|f| Some(*f) == first) {
            continue;
        }
        let Some(word) = words.iter().find(|w| {
            body.get(..w.len()).is_some_and(|b| b.to_lowercase() == **w)
                && body
                    .get(w.len()..)
                    .unwrap_or_default()
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() || !c.is_ascii())
        }) else {
            continue;
        };
        let rest = body.get(word.len()..).unwrap_or_default().trim_start_matches(BETWEEN);
        if let Some((time_text, time)) = time_at_start(rest, lang, reference) {
            let head = body.get(..word.len()).unwrap_or_default();
            out.push(Stamp {
                offset: at,
                text: format!("{head} {time_text}"),
                time,
            });
        }
    }
    out
}

/// The longest run of words at the start of `rest` that reads as a day or
/// a time of day, with its reading.
fn time_at_start(rest: &str, lang: &str, reference: Option<Date>) -> Option<(String, Resolved)> {
    let words: Vec<&str> = rest.split_whitespace().take(MOST_WORDS).collect();
    (1..=words.len()).rev().find_map(|n| {
        let joined = words.get(..n).unwrap_or_default().join(" ");
        let tail = |c: char| c.is_whitespace() || ":：,-–—|)]".contains(c);
        let kept = joined.trim_end_matches(tail);
        let candidates = [
            kept.to_string(),
            kept.trim_end_matches(|c| tail(c) || c == '.').to_string(),
        ];
        candidates.into_iter().find_map(|c| {
            let r = time::resolve_in(&c, reference, Tense::Past, Some(lang)).ok()?;
            (r.interval.is_day() && r.also.is_none()).then_some((c, r))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<Date> {
        s.parse().ok()
    }

    #[test]
    fn a_stamp_is_an_update_word_and_a_time() {
        let text = "Quake kills 77\n\nUpdated 8:36 a.m. IST: The toll rose to 262.\n\nUpdate on the talks: none.\n\n* UPDATE, 10:51 a.m. — 272 dead.\n";
        let found = stamps(text, "en", day("2016-04-17"));
        let got: Vec<(&str, String)> = found
            .iter()
            .map(|s| (s.text.as_str(), s.time.hours.map(|h| h.human()).unwrap_or_default()))
            .collect();
        assert_eq!(
            got,
            [
                ("Updated 8:36 a.m. IST", "08:36".to_string()),
                ("UPDATE 10:51 a.m.", "10:51".to_string())
            ]
        );
        assert_eq!(&text[found[0].offset..found[0].offset + 7], "Updated");
        assert_eq!(found[0].time.interval.start, day("2016-04-17"));
    }

    #[test]
    fn stamps_in_the_article_language() {
        let es = stamps(
            "Actualizado a las 10:51 — Ya son 272 muertos.\n",
            "es",
            day("2016-04-17"),
        );
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].time.hours.map(|h| h.from), Some(10 * 60 + 51));
        let zh = stamps(
            "更新时间：2016年4月18日\n死亡人数升至413人。\n",
            "zh",
            day("2016-04-17"),
        );
        assert_eq!(zh.len(), 1);
        assert_eq!(zh[0].time.interval.start, day("2016-04-18"));
        let de = stamps("Aktualisiert am 18. April 2016\n", "de", day("2016-04-17"));
        assert_eq!(de.first().map(|s| s.time.interval.start), Some(day("2016-04-18")));
    }

    #[test]
    fn words_without_a_day_are_not_a_stamp() {
        assert!(stamps(
            "Updated figures came in 2016.\nUpdate: talks go on.\nUpdates follow.\n",
            "en",
            day("2016-04-17")
        )
        .is_empty());
    }
}
