//! The words `suggest` reads around a claim (`data/lang/suggest.toml`):
//! verbs of saying, hedges, denials, negations, and what a figure counts.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One language's words.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangWords {
    #[serde(default)]
    pub said: Vec<String>,
    #[serde(default)]
    pub according: Vec<String>,
    #[serde(default)]
    pub hedges: Vec<String>,
    #[serde(default)]
    pub denials: Vec<String>,
    #[serde(default)]
    pub negations: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    concepts: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    topics: BTreeMap<String, Vec<String>>,
    #[serde(flatten)]
    langs: BTreeMap<String, LangWords>,
}

const DATA: &str = include_str!("../../data/lang/suggest.toml");

/// The data file, read once. A file that does not parse reads as empty
/// here (the unit test below fails on it), so a run never panics.
fn file() -> &'static File {
    static FILE: std::sync::OnceLock<File> = std::sync::OnceLock::new();
    FILE.get_or_init(|| toml::from_str(DATA).unwrap_or_default())
}

/// The words of a language tag's language; English where it has none.
pub fn lang(tag: &str) -> &'static LangWords {
    static EMPTY: LangWords = LangWords {
        said: Vec::new(),
        according: Vec::new(),
        hedges: Vec::new(),
        denials: Vec::new(),
        negations: Vec::new(),
    };
    let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    let f = file();
    f.langs.get(&primary).or_else(|| f.langs.get("en")).unwrap_or(&EMPTY)
}

/// English's words too, for an article in another language that quotes
/// English ("according to Reuters" in a translated wire).
pub fn with_english(tag: &str) -> Vec<&'static LangWords> {
    let own = lang(tag);
    let en = lang("en");
    if std::ptr::eq(own, en) {
        vec![own]
    } else {
        vec![own, en]
    }
}

/// The concepts (`deaths`, `injured`...) whose words `text` holds, each
/// with the byte offset of its first word in `text`. `text` is lower case.
pub fn concepts_in(text: &str) -> Vec<(&'static str, usize)> {
    let mut out = Vec::new();
    for (name, words) in &file().concepts {
        let at = words.iter().filter_map(|w| find_word(text, w)).min();
        if let Some(at) = at {
            out.push((name.as_str(), at));
        }
    }
    out
}

/// The topics (`quake`, `treaty`...) whose words `text` holds, in any
/// language. `text` is lower case.
pub fn topics_in(text: &str) -> Vec<&'static str> {
    file()
        .topics
        .iter()
        .filter(|(_, words)| words.iter().any(|w| find_word(text, w).is_some()))
        .map(|(name, _)| name.as_str())
        .collect()
}

/// Where `word` occurs in `text` as a word (or, in a script written
/// without spaces, anywhere): not inside a longer word.
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    let cjk = word.chars().next().is_some_and(is_cjk);
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(word)).map(|i| i + from) {
        let before = text.get(..i).and_then(|t| t.chars().next_back());
        let after = text.get(i + word.len()..).and_then(|t| t.chars().next());
        let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if cjk || (bounded(before) && bounded(after)) {
            return Some(i);
        }
        from = i + word.len().max(1);
    }
    None
}

/// True for the ideographs and kana of scripts written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0xac00..=0xd7af)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The data parses, and every language the time reader knows has its
    /// words here.
    #[test]
    fn the_words_of_every_language_are_read() {
        let f: File = toml::from_str(DATA).expect("data/lang/suggest.toml parses");
        for code in [
            "en", "es", "pt", "fr", "de", "it", "ru", "uk", "bg", "ar", "tr", "zh", "ja",
        ] {
            let w = f.langs.get(code).unwrap_or_else(|| panic!("no [{code}]"));
            assert!(
                !w.said.is_empty() && !w.hedges.is_empty() && !w.negations.is_empty(),
                "{code}"
            );
        }
        assert!(concepts_in("dejó 654 muertos").iter().any(|(c, _)| *c == "deaths"));
        assert!(concepts_in("قتلى").iter().any(|(c, _)| *c == "deaths"));
        assert_eq!(topics_in("the earthquake"), ["quake"]);
    }
}
