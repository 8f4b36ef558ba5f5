//! `claimcheck suggest`: the claims worth curating in an article, as
//! skeletons an editor can accept.
//!
//! Every sentence is read with the readers claims go through: its figures
//! ([`find::figures`]), its time expressions ([`find::times`]), the states
//! and yes/no facts the corpus's questions ask about. Each value becomes
//! one skeleton: the shortest clause that carries it and its qualifier,
//! the value as the claim would write it, the time it describes, who says
//! it and how (hedged, denied). Each skeleton names the corpus question it
//! most likely answers ([`questions`]) or proposes one, says whether it
//! differs from what other sources say then, and is ranked by features an
//! editor can check, each one named in `why`. No model, no network: the
//! same article and corpus give the same list.

pub mod find;
pub mod measure;
pub mod output;
pub mod questions;
pub mod sentences;
pub mod words;

use std::collections::BTreeSet;
use std::ops::Range;

use jiff::civil::Date;

use crate::corpus::model::{Claim, Corpus, Kind, Modality, Property, Source};
use crate::read::quantity::Form;
use crate::read::time::{Interval, Resolved};
use questions::{Offer, Profile, Profiles};

/// The article suggestions are made for.
#[derive(Clone, Copy, Debug)]
pub struct Article<'a> {
    pub id: &'a str,
    pub language: &'a str,
    /// The day its relative words count from.
    pub reference: Option<Date>,
    /// The day it speaks of as "now", for claims with no time of their own.
    pub now: Option<Interval>,
    pub body: &'a str,
}

impl<'a> Article<'a> {
    /// A source of the corpus.
    pub fn of(s: &'a Source) -> Article<'a> {
        Article {
            id: &s.id,
            language: &s.language,
            reference: s.reference_date(),
            now: Some(s.now()),
            body: s.body(),
        }
    }
}

/// The value a skeleton gives, read.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    Figure(Form),
    Date(Resolved),
    State(String),
    Fact(bool),
}

/// A question proposed for a value no corpus question asks about.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct NewQuestion {
    pub subject: String,
    pub property: String,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub question: String,
}

/// One claim skeleton.
#[derive(Clone, Debug)]
pub struct Suggestion {
    /// Its place in the ranked list, from 1.
    pub number: usize,
    pub source: String,
    /// Bytes of the article's body.
    pub sentence: Range<usize>,
    pub quote: Range<usize>,
    pub kind: Kind,
    /// The value as the claim writes it ("at least 381", "mid-2024").
    pub value: String,
    pub reading: Reading,
    /// The time it describes as written, when the sentence gives one.
    pub as_of: Option<String>,
    /// `as_of` as read in its sentence.
    pub as_of_days: Option<Interval>,
    /// How the time was chosen.
    pub as_of_rule: &'static str,
    pub said_by: Option<String>,
    pub modality: Modality,
    /// The corpus question it most likely answers, and how sure.
    pub question: Option<(String, f64)>,
    pub new_question: Option<NewQuestion>,
    /// What other sources say that it differs from, when it does.
    pub conflict: Option<String>,
    /// What another source says of a changing count at about the same
    /// time, when it differs: an update or a conflict, to be looked at.
    pub closer_look: Option<String>,
    pub score: f64,
    pub why: Vec<String>,
}

impl Suggestion {
    /// Whether its quote and a claim's overlap in their article.
    pub fn overlaps(&self, c: &Claim) -> bool {
        self.quote.start < c.quote_span.end && c.quote_span.start < self.quote.end
    }
}

/// The skeletons for `article`, best first, leaving out what the corpus
/// already holds from it (a claim of the article on the same question
/// whose quote overlaps). The article's own claims do not count as other
/// sources' words for its questions.
pub fn suggest(corpus: &Corpus, article: &Article<'_>) -> Vec<Suggestion> {
    Suggester::new(corpus, article.id).suggest(article)
}

/// What suggestions for many articles share: the questions' profiles and
/// the claims by source, made once (`suggest --all` over a large corpus
/// would otherwise read every claim once per article).
pub struct Suggester<'c> {
    corpus: &'c Corpus,
    profiles: Profiles<'c>,
    by_source: std::collections::HashMap<&'c str, Vec<&'c Claim>>,
}

impl<'c> Suggester<'c> {
    /// Profiles that leave out the claims of source `except` (none for
    /// `""`: then an article's own quotes are among its questions' words).
    pub fn new(corpus: &'c Corpus, except: &str) -> Suggester<'c> {
        let mut by_source: std::collections::HashMap<&str, Vec<&Claim>> = std::collections::HashMap::new();
        for c in &corpus.claims {
            by_source.entry(c.source.as_str()).or_default().push(c);
        }
        Suggester {
            corpus,
            profiles: questions::profiles(corpus, except),
            by_source,
        }
    }

    /// The skeletons for one article, as [`suggest`] gives them.
    pub fn suggest(&self, article: &Article<'_>) -> Vec<Suggestion> {
        let mut out = Vec::new();
        for sentence in sentences::sentences(article.body) {
            in_sentence(self.corpus, &self.profiles, article, sentence, &mut out);
        }
        let curated = self.by_source.get(article.id).map_or(&[][..], Vec::as_slice);
        out.retain(|s: &Suggestion| {
            !curated.iter().any(|c| {
                let key = s.question.as_ref().map(|(k, _)| k.as_str());
                s.overlaps(c) && key.is_none_or(|k| k == c.key())
            })
        });
        propose_questions(&mut out, article);
        rank(&mut out);
        out
    }
}

/// One sentence as suggestions are made from it.
struct Sentence<'s> {
    corpus: &'s Corpus,
    profiles: &'s Profiles<'s>,
    a: &'s Article<'s>,
    range: Range<usize>,
    text: &'s str,
    lower: String,
    /// The content words of `lower`, for matching questions.
    words: BTreeSet<String>,
    times: Vec<find::FoundTime>,
    said_by: Option<String>,
    modality: Modality,
}

/// The skeletons of one sentence.
fn in_sentence<'s>(
    corpus: &'s Corpus,
    profiles: &'s Profiles<'s>,
    a: &'s Article<'s>,
    range: Range<usize>,
    out: &mut Vec<Suggestion>,
) {
    let Some(text) = a.body.get(range.clone()) else { return };
    let said_by = attribution::said_by(text, a.language);
    let lower = text.to_lowercase();
    let s = Sentence {
        corpus,
        profiles,
        a,
        range,
        text,
        words: questions::content_words(&lower),
        lower,
        times: find::times(text, a.language, a.reference),
        modality: attribution::modality(text, a.language, said_by.is_some()),
        said_by,
    };
    let spans: Vec<Range<usize>> = s.times.iter().map(|t| t.span.clone()).collect();
    let figures = find::figures(text, a.language, &spans);
    let before = out.len();
    for f in &figures {
        out.extend(s.figure(f));
    }
    let with_figures = out.len() > before;
    for t in &s.times {
        out.push(s.date(t, with_figures));
    }
    s.states_and_facts(out);
}

impl Sentence<'_> {
    /// A skeleton of this sentence with its quote at `span` (bytes of the
    /// sentence), before its question is chosen.
    fn base(&self, kind: Kind, span: Range<usize>, value: String, reading: Reading) -> Suggestion {
        Suggestion {
            number: 0,
            source: self.a.id.to_string(),
            sentence: self.range.clone(),
            quote: self.range.start + span.start..self.range.start + span.end,
            kind,
            value,
            reading,
            as_of: None,
            as_of_days: None,
            as_of_rule: "the article's date",
            said_by: self.said_by.clone(),
            modality: self.modality,
            question: None,
            new_question: None,
            conflict: None,
            closer_look: None,
            score: 0.0,
            why: Vec::new(),
        }
    }

    /// A figure's skeleton: its clause and what it counts, the sentence's
    /// own time nearest it, and its question. A figure written in words
    /// ("the two countries") is one only when it counts what a question
    /// or a known concept counts ("three meetings", "hundreds of soldiers").
    fn figure(&self, f: &find::FoundFigure) -> Option<Suggestion> {
        let (text, lower) = (self.text, self.lower.as_str());
        let mut quote = clause(text, f.span.clone());
        let concepts = concepts_near(lower, &quote, &f.span);
        if let Some(at) = words::concepts_in(lower)
            .into_iter()
            .filter(|(c, _)| concepts.contains(c))
            .map(|(_, at)| at)
            .min()
        {
            quote = widen(text, quote, at);
        }
        let unit = unit_of(text, f, &concepts);
        let value = text.get(f.span.clone()).unwrap_or_default().to_string();
        let mut s = self.base(Kind::Quantity, quote.clone(), value, Reading::Figure(f.form));
        if let Some(t) = self.own_time(&f.span) {
            let mut q = widen(text, widen(text, quote, t.span.start), t.span.end);
            if let Some(y) = &t.year {
                q.start = q.start.min(y.start);
            }
            s.quote = self.range.start + q.start..self.range.start + q.end;
            s.as_of = Some(t.value(text));
            s.as_of_days = Some(t.resolved.interval);
            s.as_of_rule = "the sentence's own time";
        }
        let near = text
            .get(quote_of(&s, self.range.start))
            .unwrap_or_default()
            .to_lowercase();
        let offer = Offer {
            kind: Kind::Quantity,
            unit: unit.as_deref(),
            clause: lower,
            words: &self.words,
            near: &near,
            when: None,
            concepts: &concepts,
        };
        answer(self.corpus, self.profiles, &offer, self.a, &mut s);
        let unit_named = s.why.iter().any(|w| w.contains("(unit "));
        if f.worded && concepts.is_empty() && !unit_named {
            return None;
        }
        if !concepts.is_empty() || unit.is_some() {
            s.why.push(format!(
                "a figure with what it counts ({})",
                describe(&concepts, unit.as_deref())
            ));
        }
        s.new_question = Some(NewQuestion {
            subject: String::new(),
            property: concepts
                .first()
                .map_or_else(|| counted_slug(text, &f.span), |c| (*c).to_string()),
            kind: Kind::Quantity,
            // A quantity question needs a unit: a plain count when the
            // figure names none.
            unit: unit.or_else(|| Some("count".into())),
            question: String::new(),
        });
        Some(s)
    }

    /// The sentence's own time nearest `span`: the time its figure gives.
    /// "now" and "today" are the article's date, the default, and are
    /// left out.
    fn own_time(&self, span: &Range<usize>) -> Option<&find::FoundTime> {
        let today = self.a.reference.map(Interval::day);
        self.times
            .iter()
            .filter(|t| t.year.is_some() || Some(t.resolved.interval) != today)
            .min_by_key(|t| t.span.start.abs_diff(span.start))
    }

    /// A time expression's skeleton, as the date of an event.
    fn date(&self, t: &find::FoundTime, with_figures: bool) -> Suggestion {
        let mut quote = clause(self.text, t.span.clone());
        if let Some(y) = &t.year {
            quote = widen(self.text, quote, y.start);
        }
        let mut s = self.base(
            Kind::EventDate,
            quote,
            t.value(self.text),
            Reading::Date(t.resolved.clone()),
        );
        let near = self
            .text
            .get(quote_of(&s, self.range.start))
            .unwrap_or_default()
            .to_lowercase();
        let offer = Offer {
            kind: Kind::EventDate,
            unit: None,
            clause: &self.lower,
            words: &self.words,
            near: &near,
            when: Some(t.resolved.interval),
            concepts: &[],
        };
        answer(self.corpus, self.profiles, &offer, self.a, &mut s);
        if with_figures {
            s.why.push("also the time of a figure in its sentence".into());
        }
        s.new_question = Some(NewQuestion {
            subject: String::new(),
            property: format!("{}-date", event_slug(self.text, &t.span)),
            kind: Kind::EventDate,
            unit: None,
            question: String::new(),
        });
        s
    }
}

impl Sentence<'_> {
    /// The claims of the corpus's state and fact questions the sentence
    /// gives: a state's value word ("suspended"), or most of a fact
    /// question's words, with its negation ("has not yet signed").
    fn states_and_facts(&self, out: &mut Vec<Suggestion>) {
        let (text, lower) = (self.text, self.lower.as_str());
        // Byte offsets agree only where lower-casing kept every length.
        if lower.len() != text.len() {
            return;
        }
        for p in self.profiles.candidates(&self.words, &[]) {
            let own = &p.event;
            let shared: Vec<&String> = own.iter().filter(|w| self.words.contains(*w)).collect();
            match p.property.kind {
                Kind::State if !shared.is_empty() => {
                    out.extend(p.property.values.iter().filter_map(|v| self.state(p, v, &shared)));
                }
                Kind::Fact if own.len() >= 2 && shared.len() * 3 >= own.len() * 2 => {
                    out.extend(self.fact(p, &shared));
                }
                _ => {}
            }
        }
    }

    /// A fact question's skeleton. The clause of the first shared word
    /// must hold most of the question's words itself: "found" and "CSTO"
    /// in two clauses are not "a founding member of the CSTO".
    fn fact(&self, p: &Profile<'_>, shared: &[&String]) -> Option<Suggestion> {
        let (text, lower, own) = (self.text, self.lower.as_str(), &p.event);
        let first = shared.iter().filter_map(|w| lower.find(w.as_str())).min()?;
        let quote = clause(text, first..first + 1);
        let clause_text = lower.get(quote.clone()).unwrap_or_default();
        let in_clause = questions::content_words(clause_text);
        if own.iter().filter(|w| in_clause.contains(*w)).count() * 3 < own.len() * 2 {
            return None;
        }
        let value = !attribution::negated(clause_text, self.a.language);
        let mut s = self.base(Kind::Fact, quote, value.to_string(), Reading::Fact(value));
        let confidence = (shared.len() as f64 / own.len() as f64).min(0.9);
        s.question = Some((p.property.key(), confidence));
        s.why
            .push(format!("a yes/no fact: {}", if value { "yes" } else { "no (negated)" }));
        if confidence >= LIKELY {
            check_conflict(self.corpus, p, self.a, &mut s);
        }
        Some(s)
    }

    /// A state question's value written in the sentence ("suspended"), as
    /// a skeleton: a word that starts as the value does, written in lower
    /// case (a value that is a name, "Russia", is not a change of status).
    fn state(&self, p: &Profile<'_>, value: &str, shared: &[&String]) -> Option<Suggestion> {
        let (text, lower) = (self.text, self.lower.as_str());
        let stem: String = value.to_lowercase().chars().take(6).collect();
        if stem.chars().count() < 4 {
            return None;
        }
        let at = word_starting(lower, &stem)?;
        if text
            .get(at..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        let quote = clause(text, at..at + stem.len());
        // The question's own words in the value's clause: all of them when
        // it has one or two ("csto"), two otherwise ("russian peacekeepers").
        let in_clause = questions::content_words(lower.get(quote.clone()).unwrap_or_default());
        let here = shared.iter().filter(|w| in_clause.contains(w.as_str())).count();
        if here < p.event.len().min(2) {
            return None;
        }
        let mut s = self.base(Kind::State, quote, value.to_string(), Reading::State(value.to_string()));
        let confidence = (0.4 + 0.15 * shared.len() as f64).min(0.9);
        s.question = Some((p.property.key(), confidence));
        let words: Vec<&str> = shared.iter().map(|w| w.as_str()).collect();
        s.why
            .push(format!("a change of status: \"{value}\" and {}", words.join(", ")));
        if confidence >= LIKELY {
            check_conflict(self.corpus, p, self.a, &mut s);
        }
        Some(s)
    }
}

mod attribution;
mod rank;
mod shape;

use rank::{propose_questions, rank};
use shape::{clause, concepts_near, counted_slug, describe, event_slug, unit_of, widen, word_starting};

/// Names the question `s` most likely answers, and whether it differs
/// from what other sources say of it at its time.
fn answer(corpus: &Corpus, profiles: &Profiles<'_>, offer: &Offer<'_>, a: &Article<'_>, s: &mut Suggestion) {
    if let Some((p, confidence, reasons)) = questions::best(profiles, offer) {
        s.question = Some((p.property.key(), confidence));
        s.why
            .push(format!("answers {} ({})", p.property.key(), reasons.join("; ")));
        // A conflict is only as sure as the question it is with.
        if confidence >= LIKELY {
            check_conflict(corpus, p, a, s);
        }
    }
}

/// A skeleton's quote as bytes of its sentence.
fn quote_of(s: &Suggestion, sentence_start: usize) -> Range<usize> {
    s.quote.start - sentence_start..s.quote.end - sentence_start
}

/// The confidence in a question from which a differing value is marked
/// as a likely conflict.
const LIKELY: f64 = 0.5;

/// Marks `s` as a likely conflict when a claim of another source on its
/// question gives a value that cannot hold beside it at the same time.
fn check_conflict(corpus: &Corpus, profile: &Profile<'_>, a: &Article<'_>, s: &mut Suggestion) {
    let p = profile.property;
    let when = s.as_of_days.or(a.now);
    let differs = profile
        .claims
        .iter()
        .filter(|c| c.source != a.id && c.modality.commits())
        .filter(|c| p.fixed || p.kind == Kind::EventDate || when.is_none_or(|w| w.intersect(&c.as_of).is_some()))
        .find(|c| differs(p, &s.reading, c));
    let Some(c) = differs else { return };
    let said = format!("{} says {} ({})", c.source, crate::report::claim_value(corpus, c), c.id);
    // A count that changes may differ on one day from an update to the
    // next: the comparison will ask for a closer look, not a conflict.
    if p.kind == Kind::Quantity && !p.fixed {
        s.closer_look = Some(said);
    } else {
        s.conflict = Some(said);
    }
}

/// True when a claim's value cannot hold beside the reading.
fn differs(p: &Property, r: &Reading, c: &Claim) -> bool {
    use crate::corpus::model::Value;
    match (r, &c.value) {
        (Reading::Figure(f), Value::Quantity(_)) => {
            let (lo, hi) = f.interval(p.tolerance);
            let (clo, chi) = crate::compare::quantity::range(p, c);
            hi < clo || chi < lo
        }
        (Reading::Date(d), Value::Date(t)) => d.interval.intersect(&t.resolved.interval).is_none(),
        (Reading::State(v), Value::State(w)) => v != w,
        (Reading::Fact(v), Value::Fact(w)) => v != w,
        _ => false,
    }
}
