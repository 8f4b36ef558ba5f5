//! Who says a sentence's claim, and how: reported, hedged or denied.

use super::words::{find_word, with_english};
use crate::corpus::model::Modality;

/// The speaker the sentence names: "according to X", "X said", "said X",
/// "据X报道". None when it names none.
pub fn said_by(text: &str, lang: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None;
    }
    for w in with_english(lang) {
        for a in longest_first(&w.according) {
            if let Some(at) = find_word(&lower, a) {
                let rest = text.get(at + a.len()..).unwrap_or_default();
                if let Some(name) = name_after(rest) {
                    return Some(name);
                }
            }
        }
        for v in longest_first(&w.said) {
            let Some(at) = find_word(&lower, v) else { continue };
            let before = text.get(..at).unwrap_or_default();
            if let Some(name) = name_before(before) {
                return Some(name);
            }
            if let Some(name) = name_after(text.get(at + v.len()..).unwrap_or_default()) {
                return Some(name);
            }
        }
    }
    zh_source(text)
}

fn longest_first(words: &[String]) -> Vec<&str> {
    let mut v: Vec<&str> = words.iter().map(String::as_str).collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
}

/// Words a speaker's name may start with in lower case: the articles of
/// the languages read, and kinds of speaker.
const SPEAKER_LEADS: [&str; 22] = [
    "the",
    "el",
    "la",
    "los",
    "las",
    "le",
    "les",
    "l'",
    "der",
    "die",
    "das",
    "il",
    "lo",
    "gli",
    "o",
    "os",
    "officials",
    "police",
    "authorities",
    "state",
    "local",
    "government",
];

/// Up to six words after a verb or "according to", to the clause's end.
fn name_after(rest: &str) -> Option<String> {
    let clause = rest
        .split([',', '.', ';', ':', '(', '"', '“', '”', '\n'])
        .next()
        .unwrap_or_default();
    let words: Vec<&str> = clause.split_whitespace().take(6).collect();
    let first = words.first()?;
    // "said that ..." or "said on Monday" names no one.
    let starts_name =
        first.chars().next().is_some_and(char::is_uppercase) || SPEAKER_LEADS.contains(&first.to_lowercase().as_str());
    if !starts_name || ["that", "on", "in", "it", "he", "she", "they"].contains(&first.to_lowercase().as_str()) {
        return None;
    }
    Some(words.join(" ").trim_end_matches(['.', ',']).to_string())
}

/// The words before a verb of saying, back to the clause's start: a name
/// or a title ("Vice President Jorge Glas", "officials").
fn name_before(before: &str) -> Option<String> {
    let clause = before
        .rsplit([',', ';', ':', '(', '"', '“', '”', '\n'])
        .next()
        .unwrap_or_default()
        .trim();
    let words: Vec<&str> = clause.split_whitespace().collect();
    let tail: Vec<&str> = words.iter().rev().take(5).rev().copied().collect();
    // From the first capitalised word or a known kind of speaker.
    let start = tail.iter().position(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || [
                "officials",
                "police",
                "authorities",
                "rescuers",
                "residents",
                "witnesses",
            ]
            .contains(&w.to_lowercase().as_str())
    })?;
    let name = tail.get(start..)?.join(" ");
    let lower = name.to_lowercase();
    (!name.is_empty() && !["it", "he", "she", "they", "we", "i", "the", "this"].contains(&lower.as_str()))
        .then_some(name)
}

/// "据中国地震台网测定" / "据新华社报道": the source between 据 and its verb.
fn zh_source(text: &str) -> Option<String> {
    let at = text.find('据')?;
    let rest = text.get(at + '据'.len_utf8()..)?;
    let end = ["报道", "消息", "通报", "测定", "统计", "介绍", "称"]
        .iter()
        .filter_map(|v| rest.find(v))
        .min()?;
    let name = rest.get(..end)?.trim();
    (!name.is_empty() && name.chars().count() <= 12).then(|| name.to_string())
}

/// Denied when a denial word is in the sentence; hedged when a hedge is;
/// reported when someone is quoted; otherwise asserted.
pub fn modality(text: &str, lang: &str, quoted: bool) -> Modality {
    let lower = text.to_lowercase();
    let any = |pick: fn(&super::words::LangWords) -> &Vec<String>| {
        with_english(lang)
            .into_iter()
            .any(|w| pick(w).iter().any(|x| find_word(&lower, x).is_some()))
    };
    if any(|w| &w.denials) {
        Modality::Denied
    } else if any(|w| &w.hedges) {
        Modality::Hedged
    } else if quoted {
        Modality::Reported
    } else {
        Modality::Asserted
    }
}

/// True when the clause says no ("has not yet signed", "todavía no").
pub fn negated(clause: &str, lang: &str) -> bool {
    with_english(lang).into_iter().any(|w| {
        w.negations
            .iter()
            .any(|n| find_word(clause, n).is_some() || (n.ends_with('\'') && clause.contains(n.as_str())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_found_in_the_ways_news_names_them() {
        assert_eq!(
            said_by("Vice President Jorge Glas said the toll rose to 233.", "en").as_deref(),
            Some("Vice President Jorge Glas")
        );
        assert_eq!(
            said_by("The toll rose to 233, according to the Interior Ministry.", "en").as_deref(),
            Some("the Interior Ministry")
        );
        assert_eq!(
            said_by("Hay 77 muertos, dijo Rafael Correa.", "es").as_deref(),
            Some("Rafael Correa")
        );
        assert_eq!(
            said_by("据中国地震台网测定，震级6.5级。", "zh").as_deref(),
            Some("中国地震台网")
        );
        assert_eq!(said_by("The quake struck at night.", "en"), None);
    }

    #[test]
    fn hedges_and_denials_set_the_modality() {
        assert_eq!(
            modality("Armenia may even leave altogether.", "en", false),
            Modality::Hedged
        );
        assert_eq!(
            modality("The ministry denied that 500 had died.", "en", true),
            Modality::Denied
        );
        assert_eq!(modality("Officials said 77 died.", "en", true), Modality::Reported);
        assert!(negated("has not yet signed", "en"));
        assert!(!negated("signed a treaty", "en"));
    }
}
