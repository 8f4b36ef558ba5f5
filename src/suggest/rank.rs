//! The order of the skeletons: by features an editor can check, each
//! named in `why`, and the questions proposed where none fits.

use std::collections::BTreeMap;

use super::{Article, Suggestion};
use crate::corpus::model::{Kind, Modality};

/// Scores, sorts and numbers the skeletons; a skeleton that repeats
/// another's quote and value is dropped.
pub fn rank(out: &mut Vec<Suggestion>) {
    for s in out.iter_mut() {
        let mut score = 1.0;
        let mut why = Vec::new();
        if let Some(c) = &s.conflict {
            score += 4.0;
            why.push(format!("likely conflict: {c}"));
        }
        if let Some(c) = &s.closer_look {
            score += 1.5;
            why.push(format!(
                "differs at about the same time from {c}: a later update, or a conflict?"
            ));
        }
        if let Some((_, confidence)) = &s.question {
            score += 2.0 * confidence;
        }
        match s.kind {
            Kind::Quantity if s.why.iter().any(|w| w.starts_with("a figure with what it counts")) => score += 1.5,
            Kind::Quantity => {
                score -= 0.5;
                why.push("what the figure counts is not clear".into());
            }
            Kind::EventDate if s.why.iter().any(|w| w.starts_with("also the time")) => score -= 1.0,
            Kind::EventDate => score += 0.5,
            _ => score += 1.0,
        }
        if let Some(by) = &s.said_by {
            score += 1.0;
            why.push(format!("attributed to {by}"));
        }
        match s.modality {
            Modality::Hedged => {
                score += 0.5;
                why.push("hedged: a possibility or a plan, not a fact".into());
            }
            Modality::Denied => {
                score += 0.5;
                why.push("a denial".into());
            }
            _ => {}
        }
        s.why.splice(0..0, why);
        s.score = (score * 100.0).round() / 100.0;
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.quote.start.cmp(&b.quote.start))
            .then(a.value.cmp(&b.value))
    });
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|s| seen.insert((s.quote.start, s.quote.end, s.value.clone(), s.kind.name())));
    for (i, s) in out.iter_mut().enumerate() {
        s.number = i + 1;
    }
}

/// Fills in the proposed question of every skeleton that answers none:
/// its subject is the one the article's other skeletons answer most
/// often, else the article's id; the skeletons that answer a question
/// propose none.
pub fn propose_questions(out: &mut [Suggestion], a: &Article<'_>) {
    let mut subjects: BTreeMap<String, usize> = BTreeMap::new();
    for s in out.iter() {
        if let Some((key, _)) = &s.question {
            if let Some((subject, _)) = key.split_once('/') {
                *subjects.entry(subject.to_string()).or_default() += 1;
            }
        }
    }
    let subject = subjects
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or_else(|| a.id.to_string(), |(s, _)| s);
    for s in out.iter_mut() {
        if s.question.is_some() {
            s.new_question = None;
            continue;
        }
        if let Some(q) = &mut s.new_question {
            q.subject = subject.clone();
            q.question = match s.kind {
                Kind::Quantity if q.property == "figure" => {
                    "What does this figure count? (write the question)".to_string()
                }
                Kind::Quantity => match q.unit.as_deref() {
                    Some("people" | "count") | None => format!("How many {}?", q.property.replace('-', " ")),
                    Some(u) => format!("How much {} (in {u})?", q.property.replace('-', " ")),
                },
                _ => format!(
                    "When was the {}?",
                    q.property.trim_end_matches("-date").replace('-', " ")
                ),
            };
            s.why.push(format!(
                "no corpus question fits: proposes {}/{}",
                q.subject, q.property
            ));
        }
    }
}
