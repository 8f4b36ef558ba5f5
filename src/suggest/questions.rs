//! Which question of the corpus a suggested claim most likely answers:
//! by kind and unit, by what the figure counts (a concept shared across
//! languages: "muertos" and a question about deaths), and by the words of
//! the question and of the quotes other sources' claims on it were cut
//! from. Each part of the score is kept, so the editor sees why.

use std::collections::{BTreeMap, BTreeSet};

use super::words::{concepts_in, is_cjk};
use crate::corpus::model::{Corpus, Kind, Property};

/// What a question is known by: its words and concepts.
pub struct Profile<'c> {
    pub property: &'c Property,
    /// Content words of its subject ("putin", "pashinyan").
    pub subject: BTreeSet<String>,
    /// The question's words beyond its subject and its values: the event
    /// or state it asks about ("csto", "border", "signed").
    pub event: Vec<String>,
    /// Words that pick one of a series ("first", "final"): a sentence
    /// must name them to answer it.
    pub series: Vec<String>,
    /// Years the question or its property names ("2018").
    pub years: Vec<String>,
    /// Content words of the question, its subject and property, lower case.
    own: BTreeSet<String>,
    /// Content words of the quotes its claims were cut from.
    quoted: BTreeSet<String>,
    concepts: BTreeSet<&'static str>,
    /// Sources with a claim on it.
    pub sources: BTreeSet<String>,
    /// Every live claim on it, of any source: what a suggestion may
    /// differ from.
    pub claims: Vec<&'c crate::corpus::model::Claim>,
}

/// Profiles of every live question of the corpus, leaving out the claims
/// of `except` (the article suggestions are made for).
pub fn profiles<'c>(corpus: &'c Corpus, except: &str) -> Profiles<'c> {
    let mut by_key: BTreeMap<String, Profile<'c>> = corpus
        .properties
        .iter()
        .filter(|p| p.retired.is_none())
        .map(|p| {
            let text = format!(
                "{} {} {}",
                p.question,
                p.subject.replace('-', " "),
                p.property.replace('-', " ")
            )
            .to_lowercase();
            // Topic marks ("§quake") stay event words: they carry a
            // question across languages.
            let mut subject = content_words(&p.subject.replace('-', " "));
            subject.retain(|w| !w.starts_with('§'));
            let event = content_words(&p.question)
                .into_iter()
                .filter(|w| !subject.contains(w) && !p.values.iter().any(|v| v.to_lowercase().starts_with(w.as_str())))
                .collect();
            let series = content_words(&p.question)
                .into_iter()
                .filter(|w| SERIES.contains(&w.as_str()))
                .collect();
            let years = format!("{} {}", p.question, p.property)
                .split(|c: char| !c.is_ascii_digit())
                .filter(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
                .map(str::to_string)
                .collect();
            let profile = Profile {
                property: p,
                subject,
                event,
                series,
                years,
                own: content_words(&text),
                quoted: BTreeSet::new(),
                concepts: concepts_in(&text).into_iter().map(|(c, _)| c).collect(),
                sources: BTreeSet::new(),
                claims: Vec::new(),
            };
            (p.key(), profile)
        })
        .collect();
    // A question that names no concept takes those every quote on it
    // holds: a quote may run on into another figure's words.
    let mut quoted_concepts: BTreeMap<String, Option<BTreeSet<&'static str>>> = BTreeMap::new();
    for c in corpus.claims.iter().filter(|c| c.retired.is_none()) {
        if let Some(p) = by_key.get_mut(&c.key()) {
            p.claims.push(c);
            if c.source == except {
                continue;
            }
            let lower = c.quote.to_lowercase();
            p.quoted.extend(content_words(&lower));
            p.sources.insert(c.source.clone());
            let here: BTreeSet<&'static str> = concepts_in(&lower).into_iter().map(|(k, _)| k).collect();
            let all = quoted_concepts.entry(c.key()).or_insert(None);
            *all = Some(match all.take() {
                Some(before) => before.intersection(&here).copied().collect(),
                None => here,
            });
        }
    }
    for (key, p) in &mut by_key {
        if p.concepts.is_empty() {
            if let Some(Some(c)) = quoted_concepts.remove(key) {
                p.concepts = c;
            }
        }
    }
    Profiles::new(by_key.into_values().collect())
}

/// The profiles, with where to find those a sentence may answer: by each
/// of their own words and concepts. A question that shares neither with
/// a sentence cannot be named for it ([`score`]), so at 10,000 questions
/// a sentence is matched against the few that can.
pub struct Profiles<'c> {
    pub list: Vec<Profile<'c>>,
    by_word: std::collections::HashMap<String, Vec<usize>>,
}

impl<'c> Profiles<'c> {
    fn new(list: Vec<Profile<'c>>) -> Profiles<'c> {
        let mut by_word: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
        for (i, p) in list.iter().enumerate() {
            let concepts = p.concepts.iter().map(|c| format!("#{c}"));
            for w in p.own.iter().cloned().chain(concepts) {
                by_word.entry(w).or_default().push(i);
            }
        }
        Profiles { list, by_word }
    }

    /// The profiles that share a word or a concept with a sentence, in
    /// their order. A word more than [`TOO_COMMON`] questions share says
    /// nothing of which one a sentence answers, and is not followed: with
    /// 10,000 questions of one kind of story, every sentence would
    /// otherwise be scored against all of them.
    pub fn candidates(&self, words: &BTreeSet<String>, concepts: &[&str]) -> Vec<&Profile<'c>> {
        let keys = words.iter().cloned().chain(concepts.iter().map(|c| format!("#{c}")));
        let mut at: Vec<usize> = keys
            .filter_map(|k| self.by_word.get(&k))
            .filter(|list| list.len() <= TOO_COMMON || self.list.len() <= TOO_COMMON)
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter().filter_map(|i| self.list.get(i)).collect()
    }
}

/// What a suggestion offers to be matched on.
pub struct Offer<'a> {
    pub kind: Kind,
    pub unit: Option<&'a str>,
    /// The sentence of the value, lower case.
    pub clause: &'a str,
    /// Its content words ([`content_words`]).
    pub words: &'a BTreeSet<String>,
    /// The clause of the value within it, lower case: its words weigh
    /// twice the rest of the sentence's.
    pub near: &'a str,
    pub concepts: &'a [&'static str],
    /// The days a date gives ("last month" read as May 2025).
    pub when: Option<crate::read::time::Interval>,
}

/// The best question for an offer, with a confidence in 0..=1 and the
/// reasons; none under `MIN_CONFIDENCE`.
pub fn best<'p, 'c>(profiles: &'p Profiles<'c>, offer: &Offer<'_>) -> Option<(&'p Profile<'c>, f64, Vec<String>)> {
    let words = offer.words;
    let near = content_words(offer.near);
    let mut scored: Vec<(&Profile, f64, Vec<String>)> = profiles
        .candidates(words, offer.concepts)
        .into_iter()
        .filter(|p| p.property.kind == offer.kind)
        .filter_map(|p| score(p, offer, words, &near).map(|(s, why)| (p, s, why)))
        .collect();
    scored.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| a.0.property.key().cmp(&b.0.property.key()))
    });
    scored.into_iter().next().filter(|(_, s, _)| *s >= MIN_CONFIDENCE)
}

/// Words that pick one of a series of events or figures.
const SERIES: [&str; 14] = [
    "first", "second", "third", "fourth", "fifth", "final", "last", "latest", "initial", "original", "minimum",
    "maximum", "lowest", "highest",
];

/// Questions sharing a word beyond which the word picks none of them.
const TOO_COMMON: usize = 200;

/// Below this, a new question is proposed instead.
pub const MIN_CONFIDENCE: f64 = 0.25;

fn score(
    p: &Profile<'_>,
    offer: &Offer<'_>,
    words: &BTreeSet<String>,
    near: &BTreeSet<String>,
) -> Option<(f64, Vec<String>)> {
    let mut s = 0.0;
    let mut why = Vec::new();
    match (offer.unit, p.property.unit.as_deref()) {
        (Some(a), Some(b)) if same_unit(a, b) => {
            s += 0.15;
            why.push(format!("unit {b}"));
        }
        // A percentage never answers a count, nor a count a percentage.
        (Some(a), Some(b)) if a == "percent" || b == "percent" => return None,
        _ => {}
    }
    // What the figure counts is the concept nearest it: a sentence with
    // a toll and an injured count gives each its own.
    let counts = match (offer.concepts.first(), p.concepts.is_empty()) {
        (Some(c), false) if p.concepts.contains(c) => {
            s += 0.45;
            why.push(format!("counts {c}"));
            true
        }
        (Some(_), false) if offer.kind == Kind::Quantity => return None,
        _ => false,
    };
    // A question about one of a series ("the first meeting", "the final
    // toll") is answered only by a sentence that names which.
    if p.series.iter().any(|w| !words.contains(w)) {
        return None;
    }
    // So is a question about one year's ("meetings in 2018", "the 2022
    // summit"): the sentence names the year.
    let in_year = |y: &String| {
        offer.clause.contains(y.as_str())
            || offer.when.is_some_and(|w| {
                let year = |d: Option<jiff::civil::Date>| d.map(|d| d.year().to_string());
                year(w.start).as_ref() == Some(y) && year(w.end).as_ref() == Some(y)
            })
    };
    if !p.years.is_empty() && !p.years.iter().any(in_year) {
        return None;
    }
    let own: Vec<&String> = p.own.iter().filter(|w| words.contains(*w)).collect();
    // Sharing only the subject's words ("Putin", "Pashinyan") says who,
    // not which question: a word of the question's own event must be
    // shared too, or what the figure counts.
    if !counts && !own.iter().any(|w| !p.subject.contains(w.as_str())) {
        return None;
    }
    let quoted = p
        .quoted
        .iter()
        .filter(|w| words.contains(*w) && !p.own.contains(*w))
        .count();
    let weight: f64 = own.iter().map(|w| if near.contains(*w) { 1.0 } else { 0.5 }).sum();
    let own_share = weight / (p.own.len().max(3) as f64);
    s += (own_share * 0.8).min(0.6) + (quoted as f64 * 0.05).min(0.25);
    if !own.is_empty() {
        let list: Vec<&str> = own.iter().take(4).map(|w| w.as_str()).collect();
        why.push(format!("question words {}", list.join(", ")));
    }
    if quoted > 0 {
        why.push(format!("{quoted} word(s) of other sources' quotes"));
    }
    Some((s.min(1.0), why))
}

/// Units that name one thing ("people" and "persons", "USD" and "dollars").
fn same_unit(a: &str, b: &str) -> bool {
    let norm = |u: &str| match u.to_lowercase().as_str() {
        "people" | "persons" | "person" => "people".to_string(),
        "usd" | "dollars" | "$" => "usd".to_string(),
        "eur" | "euros" | "€" => "eur".to_string(),
        "percent" | "%" | "per cent" => "percent".to_string(),
        other => other.to_string(),
    };
    norm(a) == norm(b)
}

/// Words that carry meaning: not the little words of the languages
/// claimcheck reads, not numbers. Ideographs count one by one.
pub fn content_words(text: &str) -> BTreeSet<String> {
    const STOP: [&str; 84] = [
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "is", "was", "were",
        "are", "be", "been", "has", "have", "had", "did", "does", "do", "what", "when", "how", "many", "much", "which",
        "who", "its", "it", "that", "this", "as", "than", "into", "after", "before", "since", "not", "yet", "there",
        "their", "they", "said", "says", "de", "la", "el", "los", "las", "en", "y", "que", "del", "un", "una", "le",
        "les", "des", "du", "et", "à", "der", "die", "das", "und", "im", "mit", "von", "в", "и", "на", "с", "по", "о",
        "mid", "early", "late", "date",
    ];
    let mut out = BTreeSet::new();
    let text = text.to_lowercase();
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let w = w.trim_matches('\'').trim_end_matches("'s");
        if w.chars().any(is_cjk) {
            out.extend(w.chars().filter(|c| is_cjk(*c)).map(String::from));
            continue;
        }
        if w.chars().count() < 3 || w.chars().all(|c| c.is_ascii_digit()) || STOP.contains(&w) {
            continue;
        }
        out.insert(stem(w));
    }
    // A story's topic in any language is one shared word.
    out.extend(super::words::topics_in(&text).into_iter().map(|t| format!("§{t}")));
    out
}

/// A crude stem so "treaty" meets "treaties" and "signed" meets "signing":
/// the word without a plural or verb ending, at least four letters kept.
fn stem(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.chars().count() >= 3) {
        return format!("{s}y");
    }
    for end in ["ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(end) {
            if s.chars().count() >= 4 && !s.ends_with('s') {
                // "stopped" and "stop": a doubled last letter is one.
                let mut c = s.chars().rev();
                let (last, before) = (c.next(), c.next());
                if end != "s" && last == before && last.is_some_and(|l| !"aeiou".contains(l)) {
                    return s
                        .get(..s.len() - last.map_or(0, char::len_utf8))
                        .unwrap_or(s)
                        .to_string();
                }
                return s.to_string();
            }
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_leave_out_little_words_and_stem() {
        let w = content_words("Have Armenia and Azerbaijan signed the peace treaties?");
        assert_eq!(
            w.into_iter().collect::<Vec<_>>(),
            ["armenia", "azerbaijan", "peace", "sign", "treaty"]
        );
        assert!(content_words("地震死亡").contains("震"));
    }
}
