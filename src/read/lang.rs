//! Dates in the languages of the news, turned into the English
//! expressions the time reader knows ("16 de abril de 2024" → "16 april
//! 2024", "в субботу" → "saturday", "vor zwei Tagen" → "2 days ago",
//! "8月3日" → "august 3").
//!
//! Month and weekday names in every width and context (the genitive and
//! nominative months Slavic languages need, "января" / "январь"), relative
//! days and their phrases and patterns, and the names of the parts of the
//! day come from CLDR ([`crate::read::cldr`]). Slavic weekdays also decline
//! ("в субботу"), so a word matches a name that shares all of it but its
//! last two letters. The few words CLDR does not carry (relative words it
//! gives only inside phrases, deadline and range words, the little words
//! that join a date) are data in `data/lang/words.toml`.
//!
//! To add a language: add its code to `data/cldr/update.py` and run it, add
//! its `[[language]]` to `data/lang/words.toml`, then a test below.

use serde::Deserialize;

/// One language's words that CLDR does not carry (`data/lang/words.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Lang {
    code: String,
    /// Relative and other words and their English.
    words: Vec<(String, String)>,
    /// Words that only join the parts of a date ("de", "am", "в").
    joins: Vec<String>,
    /// Whether month and weekday names decline ("в январе", "в субботу").
    declines: bool,
}

/// The languages, in the order they are tried.
fn langs() -> &'static [Lang] {
    #[derive(Deserialize)]
    struct File {
        language: Vec<Lang>,
    }
    static LANGS: std::sync::OnceLock<Vec<Lang>> = std::sync::OnceLock::new();
    LANGS.get_or_init(|| {
        toml::from_str::<File>(include_str!("../../data/lang/words.toml"))
            .map(|f| f.language)
            .unwrap_or_default()
    })
}

/// English month names, lower case, January first: the words every
/// other language's month names are translated into, and the time
/// reader's own.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
use MONTHS as ENGLISH_MONTHS;
const ENGLISH_DAYS: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// Whether a word means "until" or "by" in a language claimcheck reads
/// ("hasta", "bis", "до"): a bound that ends at what follows it.
pub fn is_deadline_word(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            normalised()
                .iter()
                .flat_map(|t| t.words.iter())
                .filter(|(_, en)| matches!(en.as_str(), "until" | "by"))
                .map(|(w, _)| w.clone())
                .collect()
        })
        .contains(&norm(w))
}

/// The languages whose dates claimcheck reads, besides English.
pub fn languages() -> Vec<&'static str> {
    langs().iter().map(|l| l.code.as_str()).collect()
}

/// Lower case, without a trailing abbreviation dot; Arabic without tatweel
/// and with the hamza forms of alef as plain alef, as Arabic news spells
/// "الاثنين" and "الإثنين" alike.
fn norm(w: &str) -> String {
    w.to_lowercase()
        .chars()
        .filter(|c| *c != '\u{0640}')
        .map(|c| if matches!(c, 'أ' | 'إ' | 'آ') { 'ا' } else { c })
        .collect::<String>()
        .trim_end_matches('.')
        .to_string()
}

/// Whether `word` is `name` (both normalised), or a declined form of it
/// (Slavic weekdays: "субботу" for "суббота"): the same but for the last
/// two letters.
fn declined(word: &str, name: &str) -> bool {
    if word == name {
        return true;
    }
    let (wc, nc) = (word.chars().count(), name.chars().count());
    nc >= 5 && wc + 2 >= nc && wc <= nc + 2 && {
        let stem = nc - 2;
        wc >= stem && word.chars().take(stem).eq(name.chars().take(stem))
    }
}

/// A language's names and words, normalised once ([`norm`]).
struct Normalised {
    joins: Vec<String>,
    words: Vec<(String, String)>,
    /// Month names in every form CLDR gives, twelve a row.
    months: Vec<Vec<String>>,
    /// Weekday names likewise, seven a row, Sunday first.
    days: Vec<Vec<String>>,
}

/// CLDR's names of a language (months or weekdays), normalised, every
/// width and context a row.
fn cldr_names(code: &str, rows: fn(&crate::read::cldr::Language) -> &Vec<Vec<String>>) -> Vec<Vec<String>> {
    crate::read::cldr::language(code)
        .map(|c| {
            rows(c)
                .iter()
                .map(|row| row.iter().map(|n| norm(n)).collect())
                .collect()
        })
        .unwrap_or_default()
}

/// The normalised tables of every language, in [`langs`] order.
fn normalised() -> &'static [Normalised] {
    static TABLES: std::sync::OnceLock<Vec<Normalised>> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        langs()
            .iter()
            .map(|l| Normalised {
                joins: l.joins.iter().map(|j| norm(j)).collect(),
                words: l.words.iter().map(|(k, en)| (norm(k), en.clone())).collect(),
                months: cldr_names(&l.code, |c| &c.months),
                days: cldr_names(&l.code, |c| &c.days),
            })
            .collect()
    })
}

/// The English for one word in one language, `Some("")` for a joining word.
fn word(lang: &Lang, w: &str) -> Option<String> {
    let n = norm(w);
    if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() {
        return Some(n);
    }
    let index = langs().iter().position(|l| l.code == lang.code)?;
    let t = normalised().get(index)?;
    if t.joins.contains(&n) {
        return Some(String::new());
    }
    if let Some((_, en)) = t.words.iter().find(|(k, _)| *k == n) {
        return Some(en.clone());
    }
    let same = |name: &str| if lang.declines { declined(&n, name) } else { name == n };
    for form in &t.months {
        if let Some(i) = form.iter().position(|m| same(m)) {
            return ENGLISH_MONTHS.get(i).map(|m| (*m).to_string());
        }
    }
    for form in &t.days {
        if let Some(i) = form.iter().position(|d| same(d)) {
            return ENGLISH_DAYS.get(i).map(|d| (*d).to_string());
        }
    }
    None
}

/// CJK dates: `2024年8月3日`, `8月3日`, `2024年8月`, `2024年`, and the
/// relative words and weekdays of Chinese and Japanese.
fn cjk(expr: &str) -> Option<String> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = RE
        .get_or_init(|| regex::Regex::new(r"^(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?$").ok())
        .as_ref()?;
    let s: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(c) = re.captures(&s).filter(|c| c.get(1).or(c.get(2)).is_some()) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<usize>().ok());
        let month = num(2)
            .and_then(|m| m.checked_sub(1))
            .and_then(|m| ENGLISH_MONTHS.get(m));
        return Some(match (num(1), month, num(3)) {
            (Some(y), Some(m), Some(d)) => format!("{m} {d}, {y}"),
            (Some(y), Some(m), None) => format!("{m} {y}"),
            (Some(y), None, None) => y.to_string(),
            (None, Some(m), Some(d)) => format!("{m} {d}"),
            (None, Some(m), None) => (*m).to_string(),
            _ => return None,
        });
    }
    for lang in langs().iter().filter(|l| matches!(l.code.as_str(), "zh" | "ja")) {
        if let Some(en) = word(lang, &s).filter(|en| !en.chars().all(|c| c.is_ascii_digit())) {
            return Some(en);
        }
    }
    None
}

/// `expr` in English, read as language `lang` (a BCP 47 tag such as
/// `es` or `pt-BR`), or, if that fails or no language is given, as each
/// language in turn. `None` when no language reads it.
pub fn translate(expr: &str, lang: Option<&str>) -> Option<String> {
    if let Some(en) = cjk(expr.trim()) {
        return Some(en);
    }
    let primary = lang.map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase());
    let order = langs()
        .iter()
        .filter(|l| Some(l.code.as_str()) == primary.as_deref())
        .chain(langs().iter().filter(|l| Some(l.code.as_str()) != primary.as_deref()));
    for lang in order {
        if let Some(en) = translate_in(lang, expr) {
            return Some(en);
        }
    }
    None
}

/// [`translate`] in language `lang` alone: no other language is tried.
/// For scanning a text for dates, where most words are not dates and
/// trying every language for each would cost more than the reading.
pub fn translate_only(expr: &str, lang: &str) -> Option<String> {
    if let Some(en) = cjk(expr.trim()) {
        return Some(en);
    }
    let primary = lang.split(['-', '_']).next().unwrap_or(lang).to_lowercase();
    langs()
        .iter()
        .find(|l| l.code == primary)
        .and_then(|l| translate_in(l, expr))
}

/// The English of CLDR's relative fields: "-1" of `day` is "yesterday",
/// "1" of `week` "next week", "-1" of `sun` "last sunday".
fn relative_english(field: &str, key: &str) -> Option<String> {
    let unit = match field {
        "day" => {
            return Some(
                match key {
                    "-2" => "the day before yesterday",
                    "-1" => "yesterday",
                    "0" => "today",
                    "1" => "tomorrow",
                    "2" => "the day after tomorrow",
                    _ => return None,
                }
                .to_string(),
            )
        }
        "week" | "month" | "year" => field.to_string(),
        _ => {
            let i = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
                .iter()
                .position(|d| *d == field)?;
            (*ENGLISH_DAYS.get(i)?).to_string()
        }
    };
    let which = match key {
        "-1" => "last",
        "0" => "this",
        "1" => "next",
        _ => return None,
    };
    Some(format!("{which} {unit}"))
}

/// A language's relative phrases from CLDR, normalised: whole phrases
/// ("la semana pasada" -> "last week") and patterns around a count ("vor
/// {0} Tagen" -> "{n} days ago").
struct Phrases {
    fixed: Vec<(String, String)>,
    /// Text before the count, text after it, and the English with `{n}`.
    patterns: Vec<(String, String, String)>,
}

fn phrases(code: &str) -> Option<&'static Phrases> {
    static PHRASES: std::sync::OnceLock<std::collections::BTreeMap<String, Phrases>> = std::sync::OnceLock::new();
    PHRASES
        .get_or_init(|| {
            let mut all = std::collections::BTreeMap::new();
            for (code, lang) in &crate::read::cldr::data().languages {
                let mut p = Phrases {
                    fixed: Vec::new(),
                    patterns: Vec::new(),
                };
                for (field, rel) in &lang.relative {
                    for (key, phrase) in &rel.words {
                        if let Some(en) = relative_english(field, key) {
                            p.fixed.push((norm(phrase), en));
                        }
                    }
                    if !matches!(field.as_str(), "day" | "week" | "month" | "year") {
                        continue;
                    }
                    for (list, en) in [
                        (&rel.past, format!("{{n}} {field}s ago")),
                        (&rel.future, format!("in {{n}} {field}s")),
                    ] {
                        for pattern in list {
                            if let Some((before, after)) = norm(pattern).split_once("{0}") {
                                p.patterns.push((before.to_string(), after.to_string(), en.clone()));
                            } else if let Some((phrase, count)) = pattern.rsplit_once('|') {
                                // A phrase that names its count ("قبل يومين").
                                let n = match count {
                                    "one" => "1",
                                    "two" => "2",
                                    _ => continue,
                                };
                                p.fixed.push((norm(phrase), en.replace("{n}", n)));
                            }
                        }
                    }
                }
                all.insert(code.clone(), p);
            }
            all
        })
        .get(code)
}

/// A whole expression that is one of CLDR's relative phrases of the
/// language, in English ("übermorgen" -> "the day after tomorrow", "hace 3
/// días" -> "3 days ago", "vor zwei Tagen" with the language's number
/// words).
fn phrase(lang: &Lang, expr: &str) -> Option<String> {
    let p = phrases(&lang.code)?;
    let e = norm(expr.trim());
    if let Some((_, en)) = p.fixed.iter().find(|(k, _)| *k == e) {
        return Some(en.clone());
    }
    for (before, after, en) in &p.patterns {
        let Some(middle) = e
            .strip_prefix(before.as_str())
            .and_then(|m| m.strip_suffix(after.as_str()))
        else {
            continue;
        };
        let middle = middle.trim();
        let n = match middle.parse::<u32>() {
            Ok(n) => n,
            Err(_) => number_word(&lang.code, middle)?,
        };
        return Some(en.replace("{n}", &n.to_string()));
    }
    None
}

/// A small number written as a word in the language (`data/lang/figures.toml`).
fn number_word(code: &str, w: &str) -> Option<u32> {
    let words = crate::read::quantity::figure_words(code)?;
    words.number(w)
}

/// Clock times as each language writes them, rewritten to `H:MM`: "16时30分",
/// "20点" (Chinese), "24 Uhr" (German), "a las 23", "alle 19.58", "à 23h30",
/// "в 23.00"; spaces put between Chinese and Japanese words and digits.
fn clock_times(expr: &str) -> String {
    static RE: std::sync::OnceLock<Option<[regex::Regex; 4]>> = std::sync::OnceLock::new();
    let Some([cjk, uhr, after, french]) = RE
        .get_or_init(|| {
            Some([
                regex::Regex::new(r"(\d{1,2})[时時点點](?:(\d{1,2})分)?").ok()?,
                regex::Regex::new(r"(?i)\b(\d{1,2})(?:[.:](\d{2}))?\s*uhr\b").ok()?,
                regex::Regex::new(r"(?i)(?:^|\s)(?:alle|all'|um|a las|a la|às|à|ás|в|о|об|saat)\s+(\d{1,2})(?:[.:h](\d{2}))?(?:$|[\s,])").ok()?,
                regex::Regex::new(r"\b(\d{1,2})\s?h\s?(\d{2})?\b").ok()?,
            ])
        })
        .as_ref()
    else {
        return expr.to_string();
    };
    let hm = |c: &regex::Captures<'_>| {
        let h = c.get(1).map_or("0", |m| m.as_str());
        let m = c.get(2).map_or("00", |m| m.as_str());
        format!(" {h}:{m:0>2} ")
    };
    let s = cjk.replace_all(expr, |c: &regex::Captures<'_>| hm(c)).into_owned();
    let s = uhr.replace_all(&s, |c: &regex::Captures<'_>| hm(c)).into_owned();
    let s = after.replace_all(&s, |c: &regex::Captures<'_>| hm(c)).into_owned();
    let s = french.replace_all(&s, |c: &regex::Captures<'_>| hm(c)).into_owned();
    // Chinese and Japanese dates inside a longer expression ("8月3日16时30分").
    static DATE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let s = match DATE
        .get_or_init(|| regex::Regex::new(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日").ok())
        .as_ref()
    {
        Some(re) => re
            .replace_all(&s, |c: &regex::Captures<'_>| {
                let month = c
                    .get(2)
                    .and_then(|m| m.as_str().parse::<usize>().ok())
                    .and_then(|m| m.checked_sub(1))
                    .and_then(|m| ENGLISH_MONTHS.get(m))
                    .copied()
                    .unwrap_or_default();
                let day = c.get(3).map_or("", |m| m.as_str());
                let year = c.get(1).map_or(String::new(), |y| format!(" {}", y.as_str()));
                format!(" {month} {day}{year} ")
            })
            .into_owned(),
        None => s,
    };
    // Chinese and Japanese words beside digits: spaced, so each is a word.
    let mut out = String::with_capacity(s.len());
    let mut last: Option<char> = None;
    for c in s.chars() {
        let cjk_char = |c: char| c > '\u{2e80}';
        if let Some(p) = last {
            if (cjk_char(p) && c.is_ascii_digit()) || (p.is_ascii_digit() && cjk_char(c)) {
                out.push(' ');
            }
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// A word that is English already: a clock time ("16:30"), a meridiem, or
/// a zone ("mez", "londres", "utc+8").
fn passes_through(w: &str) -> bool {
    let clock = w.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len()) && m.len() == 2 && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    });
    clock || ENGLISH_MONTHS.contains(&w) || crate::read::zone::is_zone(w)
}

/// The English part of the day for one of CLDR's day periods of the
/// language ("abends" -> evening, "Mitternacht" -> midnight).
fn day_period(lang: &Lang, w: &str) -> Option<&'static str> {
    let c = crate::read::cldr::language(&lang.code)?;
    for (key, names) in &c.day_periods {
        let matches = names.iter().any(|n| {
            let n = norm(n);
            n == w || n.rsplit(' ').next() == Some(w)
        });
        if matches {
            return Some(match key.trim_end_matches(char::is_numeric) {
                "morning" => "morning",
                "afternoon" => "afternoon",
                "evening" => "evening",
                "night" => "night",
                "midnight" => "midnight",
                "noon" => "noon",
                _ => continue,
            });
        }
    }
    None
}

fn translate_in(lang: &Lang, expr: &str) -> Option<String> {
    if let Some(en) = phrase(lang, expr) {
        return Some(en);
    }
    let rewritten = clock_times(expr);
    let words: Vec<&str> = rewritten
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::new();
    // Whether a word was this language's own, or a clock was rewritten.
    let mut own = rewritten.trim() != expr.trim();
    for w in words {
        let lower = norm(w);
        // A meridiem after a clock ("4:30 pm"); elsewhere "am" is a word of
        // the language (German "am Montag").
        let after_clock = out.last().is_some_and(|p| p.contains(':'));
        if passes_through(&lower) || (after_clock && matches!(lower.as_str(), "am" | "pm")) {
            out.push(lower);
            continue;
        }
        own = true;
        // "3." (German day), "1º" and "1er" (first of the month).
        let w = w.trim_end_matches(['º', 'ª']);
        let w = match w.strip_suffix("er") {
            Some(d) if !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()) => d,
            _ => w,
        };
        let en = match word(lang, w) {
            Some(en) => en,
            None => day_period(lang, &norm(w))?.to_string(),
        };
        if !en.is_empty() {
            out.push(en);
        }
    }
    // "اليوم الأحد", "heute, Montag": the relative day says it; the weekday
    // only names it.
    if out
        .iter()
        .any(|w| matches!(w.as_str(), "today" | "yesterday" | "tomorrow"))
    {
        out.retain(|w| !ENGLISH_DAYS.contains(&w.as_str()));
    }
    // "la semana pasada", "settimana scorsa": English puts the word for
    // which one first ("last week").
    if let [unit, which] = out.as_slice() {
        if matches!(which.as_str(), "last" | "next" | "this") {
            out = vec![which.clone(), unit.clone()];
        }
    }
    // A translation that is only numbers or empty is no date.
    if out.is_empty() || out.iter().all(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    // Nothing of the expression was the language's own: not this language.
    if !own {
        return None;
    }
    Some(out.join(" "))
}

/// Whether a name of month `m` (1-12), in any language claimcheck reads,
/// occurs in `text` (lower-cased): a date in the article's language is
/// checked against the quote in that language.
pub fn month_in(m: i8, text: &str) -> bool {
    let Some(i) = usize::try_from(m).ok().and_then(|m| m.checked_sub(1)) else {
        return false;
    };
    normalised()
        .iter()
        .flat_map(|l| l.months.iter())
        .filter_map(|form| form.get(i))
        .any(|n| n.chars().count() >= 3 && text.contains(n.as_str()))
        || (text.contains(&format!("{m}月")))
}

#[cfg(test)]
mod tests {
    use super::translate;

    /// The words file parses, with every language claimcheck reads, each
    /// with its CLDR data.
    #[test]
    fn every_language_has_its_words_and_its_cldr_data() {
        let codes = super::languages();
        assert_eq!(
            codes,
            ["es", "pt", "fr", "de", "it", "ru", "uk", "bg", "ar", "tr", "zh", "ja"]
        );
        for code in codes {
            assert!(crate::read::cldr::language(code).is_some(), "{code}");
        }
    }

    /// CLDR's relative days and phrases, in every language: the words for
    /// tomorrow, two days ago, last week, and phrases that name their count.
    #[test]
    fn relative_phrases_from_cldr() {
        assert_eq!(t("domani", "it"), "tomorrow");
        assert_eq!(t("yarın", "tr"), "tomorrow");
        assert_eq!(t("утре", "bg"), "tomorrow");
        assert_eq!(t("übermorgen", "de"), "the day after tomorrow");
        assert_eq!(t("vor zwei Tagen", "de"), "2 days ago");
        assert_eq!(t("hace 3 días", "es"), "3 days ago");
        assert_eq!(t("il y a 2 jours", "fr"), "2 days ago");
        assert_eq!(t("3 дня назад", "ru"), "3 days ago");
        assert_eq!(t("3天前", "zh"), "3 days ago");
        assert_eq!(t("قبل يومين", "ar"), "2 days ago");
        assert_eq!(t("la semana pasada", "es"), "last week");
        assert_eq!(t("el domingo pasado", "es"), "last sunday");
        assert_eq!(t("lundi dernier", "fr"), "last monday");
        assert_eq!(t("周日", "zh"), "sunday");
        assert_eq!(t("日曜日", "ja"), "sunday");
    }

    fn t(expr: &str, lang: &str) -> String {
        translate(expr, Some(lang)).unwrap_or_else(|| panic!("{expr:?} ({lang}) not read"))
    }

    #[test]
    fn written_dates_in_the_languages_of_the_news() {
        assert_eq!(t("16 de abril", "es"), "16 april");
        assert_eq!(t("16 de abril de 2024", "es"), "16 april 2024");
        assert_eq!(t("3 de agosto de 2014", "pt"), "3 august 2014");
        assert_eq!(t("1er mars 2025", "fr"), "1 march 2025");
        assert_eq!(t("3. März 2024", "de"), "3 march 2024");
        assert_eq!(t("24 agosto 2016", "it"), "24 august 2016");
        assert_eq!(t("24 января 2024", "ru"), "24 january 2024");
        assert_eq!(t("в январе", "ru"), "january");
        assert_eq!(t("24 січня", "uk"), "24 january");
        assert_eq!(t("24 януари", "bg"), "24 january");
        assert_eq!(t("6 فبراير 2023", "ar"), "6 february 2023");
        assert_eq!(t("6 Şubat 2023", "tr"), "6 february 2023");
        assert_eq!(t("2014年8月3日", "zh"), "august 3, 2014");
        assert_eq!(t("8月3日", "zh"), "august 3");
        assert_eq!(t("2016年4月", "ja"), "april 2016");
    }

    #[test]
    fn relative_words_and_weekdays() {
        assert_eq!(t("este sábado", "es"), "this saturday");
        assert_eq!(t("ayer", "es"), "yesterday");
        assert_eq!(t("ieri", "it"), "yesterday");
        assert_eq!(t("hoje", "pt"), "today");
        assert_eq!(t("gestern", "de"), "yesterday");
        assert_eq!(t("в субботу", "ru"), "saturday");
        assert_eq!(t("в среду", "ru"), "wednesday");
        assert_eq!(t("вчора", "uk"), "yesterday");
        assert_eq!(t("اليوم الأحد", "ar"), "today");
        assert_eq!(t("الجمعة", "ar"), "friday");
        assert_eq!(t("الاثنين", "ar"), "monday");
        assert_eq!(t("geçen hafta", "tr"), "last week");
        assert_eq!(t("la semana pasada", "es"), "last week");
        assert_eq!(t("il mese scorso", "it"), "last month");
        assert_eq!(t("昨天", "zh"), "yesterday");
        assert_eq!(t("土曜日", "ja"), "saturday");
    }

    #[test]
    fn what_is_not_a_date_is_not_read() {
        assert_eq!(translate("el presidente", Some("es")), None);
        assert_eq!(translate("2024", Some("es")), None);
        assert_eq!(translate("", None), None);
    }

    #[test]
    fn the_article_language_goes_first() {
        // "mar" is a Spanish abbreviation of marzo; read as Spanish first.
        assert_eq!(t("15 mar 2024", "es"), "15 march 2024");
    }
}
