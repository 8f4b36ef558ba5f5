//! The three ways `suggest` writes its skeletons: text to read, TOML to
//! paste into a claims file, JSON for tools.

use std::io::{self, Write};

use serde::Serialize;

use super::{Article, Reading, Suggestion};
use crate::corpus::model::Corpus;

/// The skeletons as a numbered list: the sentence with the quote marked,
/// the value and how it reads, its time, speaker, question and why.
pub fn text(out: &mut dyn Write, a: &Article<'_>, list: &[Suggestion], color: bool) -> io::Result<()> {
    let (on, off) = if color { ("\x1b[1;4m", "\x1b[0m") } else { ("«", "»") };
    let n = list.len();
    writeln!(
        out,
        "suggest: {} ({}): {n} skeleton{}, best first",
        a.id,
        a.language,
        if n == 1 { "" } else { "s" }
    )?;
    for s in list {
        writeln!(out)?;
        let target = match (&s.question, &s.new_question) {
            (Some((k, c)), _) => format!("{k} (confidence {c:.2})"),
            (None, Some(q)) => format!("new question {}/{}", q.subject, q.property),
            _ => "no question".into(),
        };
        writeln!(
            out,
            "{:>3}. [{}] {} -> {target}   score {}",
            s.number,
            s.kind.name(),
            s.value,
            s.score
        )?;
        let sentence = a.body.get(s.sentence.clone()).unwrap_or_default();
        let (qs, qe) = (s.quote.start - s.sentence.start, s.quote.end - s.sentence.start);
        writeln!(
            out,
            "     sentence: {}{on}{}{off}{}",
            sentence.get(..qs).unwrap_or_default(),
            sentence.get(qs..qe).unwrap_or_default(),
            sentence.get(qe..).unwrap_or_default()
        )?;
        writeln!(out, "     value:    {} ({})", s.value, reading_words(&s.reading))?;
        match &s.as_of {
            Some(t) => writeln!(out, "     as of:    {t} ({})", s.as_of_rule)?,
            None => writeln!(out, "     as of:    {}", s.as_of_rule)?,
        }
        if let Some(by) = &s.said_by {
            writeln!(out, "     said by:  {by}")?;
        }
        writeln!(out, "     modality: {}", s.modality.name())?;
        if let Some(c) = &s.conflict {
            writeln!(out, "     LIKELY CONFLICT: {c}")?;
        }
        if let Some(c) = &s.closer_look {
            writeln!(out, "     differs from: {c}")?;
        }
        writeln!(out, "     why:      {}", s.why.join("; "))?;
    }
    Ok(())
}

fn reading_words(r: &Reading) -> String {
    match r {
        Reading::Figure(f) => f.to_string(),
        Reading::Date(d) => d.interval.human(),
        Reading::State(v) => v.clone(),
        Reading::Fact(b) => if *b { "yes" } else { "no" }.into(),
    }
}

/// The id a skeleton's claim gets: `<source>-<property>`, made unique in
/// the corpus and among the skeletons before it.
pub fn claim_ids(corpus: &Corpus, list: &[Suggestion]) -> Vec<String> {
    let mut taken: Vec<String> = Vec::new();
    for s in list {
        let property = key(s).map_or_else(|| "claim".to_string(), |(_, p)| p);
        let id =
            crate::corpus::scaffold::new_claim_id(corpus, &s.source, &property, |id| taken.iter().any(|t| t == id));
        taken.push(id);
    }
    taken
}

/// The question a skeleton is written under: the one it answers, or the
/// one it proposes.
pub fn key(s: &Suggestion) -> Option<(String, String)> {
    match (&s.question, &s.new_question) {
        (Some((k, _)), _) => k.split_once('/').map(|(a, b)| (a.to_string(), b.to_string())),
        (None, Some(q)) => Some((q.subject.clone(), q.property.clone())),
        _ => None,
    }
}

/// The skeletons as `[[claim]]` records to paste, each under a comment
/// with its rank and why; the questions they propose first, as
/// `[[property]]` records for claims/properties.toml.
pub fn toml(out: &mut dyn Write, corpus: &Corpus, a: &Article<'_>, list: &[Suggestion]) -> io::Result<()> {
    let ids = claim_ids(corpus, list);
    let mut proposed = std::collections::BTreeMap::new();
    for s in list.iter().filter(|s| s.question.is_none()) {
        if let Some(q) = &s.new_question {
            proposed.entry(format!("{}/{}", q.subject, q.property)).or_insert(q);
        }
    }
    if !proposed.is_empty() {
        writeln!(
            out,
            "# Questions these skeletons propose: add them to claims/properties.toml."
        )?;
        for q in proposed.values() {
            writeln!(out, "# [[property]]")?;
            writeln!(out, "# subject = {}", quoted(&q.subject))?;
            writeln!(out, "# property = {}", quoted(&q.property))?;
            writeln!(out, "# question = {}", quoted(&q.question))?;
            writeln!(out, "# kind = {}", quoted(q.kind.name()))?;
            if let Some(u) = &q.unit {
                writeln!(out, "# unit = {}", quoted(u))?;
            }
        }
        writeln!(out)?;
    }
    for (s, id) in list.iter().zip(&ids) {
        let Some((subject, property)) = key(s) else { continue };
        writeln!(out, "# {}. score {}: {}", s.number, s.score, s.why.join("; "))?;
        writeln!(out, "[[claim]]")?;
        writeln!(out, "id = {}", quoted(id))?;
        writeln!(out, "source = {}", quoted(&s.source))?;
        writeln!(
            out,
            "quote = {}",
            quoted(a.body.get(s.quote.clone()).unwrap_or_default())
        )?;
        writeln!(out, "subject = {}", quoted(&subject))?;
        writeln!(out, "property = {}", quoted(&property))?;
        match s.reading {
            Reading::Fact(b) => writeln!(out, "value = {b}")?,
            _ => writeln!(out, "value = {}", quoted(&s.value))?,
        }
        if let Some(t) = &s.as_of {
            writeln!(out, "as_of = {}", quoted(t))?;
        }
        if let Some(by) = &s.said_by {
            writeln!(out, "said_by = {}", quoted(by))?;
        }
        if s.modality != crate::corpus::model::Modality::Asserted {
            writeln!(out, "modality = {}", quoted(s.modality.name()))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[derive(Serialize)]
struct Json<'a> {
    number: usize,
    source: &'a str,
    sentence: &'a str,
    quote: &'a str,
    kind: &'static str,
    value: serde_json::Value,
    resolved: serde_json::Value,
    as_of: Option<&'a str>,
    as_of_rule: &'static str,
    said_by: Option<&'a str>,
    modality: &'static str,
    question: Option<&'a str>,
    confidence: Option<f64>,
    new_question: Option<&'a super::NewQuestion>,
    conflict: Option<&'a str>,
    closer_look: Option<&'a str>,
    score: f64,
    why: &'a [String],
}

/// The skeletons as a JSON array, in rank order.
pub fn json(out: &mut dyn Write, a: &Article<'_>, list: &[Suggestion]) -> io::Result<()> {
    let items: Vec<Json> = list
        .iter()
        .map(|s| Json {
            number: s.number,
            source: &s.source,
            sentence: a.body.get(s.sentence.clone()).unwrap_or_default(),
            quote: a.body.get(s.quote.clone()).unwrap_or_default(),
            kind: s.kind.name(),
            value: match s.reading {
                Reading::Fact(b) => serde_json::Value::Bool(b),
                _ => serde_json::Value::String(s.value.clone()),
            },
            resolved: resolved(&s.reading),
            as_of: s.as_of.as_deref(),
            as_of_rule: s.as_of_rule,
            said_by: s.said_by.as_deref(),
            modality: s.modality.name(),
            question: s.question.as_ref().map(|(k, _)| k.as_str()),
            confidence: s.question.as_ref().map(|(_, c)| (c * 100.0).round() / 100.0),
            new_question: s.new_question.as_ref(),
            conflict: s.conflict.as_deref(),
            closer_look: s.closer_look.as_deref(),
            score: s.score,
            why: &s.why,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::other)?;
    writeln!(out)
}

/// As `claimcheck date` and `claimcheck number --format json` give it.
fn resolved(r: &Reading) -> serde_json::Value {
    use serde_json::json;
    match r {
        Reading::Date(d) => json!({
            "value": d.value,
            "mod": d.modifier,
            "start": d.interval.start.map(|x| x.to_string()),
            "end": d.interval.end.map(|x| x.to_string()),
            "rule": d.rule,
        }),
        Reading::Figure(f) => {
            let (low, high) = f.interval(None);
            let finite = |v: f64| v.is_finite().then_some(v);
            let value = match f {
                crate::read::quantity::Form::Range { .. } => None,
                other => other.numbers().first().copied(),
            };
            json!({ "value": value, "form": f.name(), "low": finite(low), "high": finite(high), "reading": f.to_string() })
        }
        Reading::State(v) => json!({ "value": v }),
        Reading::Fact(b) => json!({ "value": b }),
    }
}
