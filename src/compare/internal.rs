//! Checks inside one source: its own dates, and stated changes against its own figures.

use rayon::prelude::*;

use super::{finding_id, fingerprint, fnv, Finding, FindingKind, Reason};
use crate::corpus::model::*;
use crate::read::quantity::{fmt_num, Form};
use crate::read::time::Interval;

/// Finds "today, March 29, 2025" and "As of March 29, 2025" in source texts
/// and flags dates that do not fall within the published date.
pub(super) fn internal_dates(corpus: &Corpus) -> Vec<Finding> {
    // A constant pattern: it either compiles on every run or on none, and
    // the unit tests run it.
    #[allow(clippy::expect_used)]
    let re = regex::Regex::new(
        r"(?i)\b(today|as of)\b,?\s+((?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4})",
    )
    .expect("valid regex");
    // Each source on its own, on every core, in the corpus's order.
    corpus.sources.par_iter().filter_map(|s| source_dates(&re, s)).collect()
}

/// The finding for one source whose text dates itself outside its
/// publication date, if it does.
fn source_dates(re: &regex::Regex, s: &Source) -> Option<Finding> {
    let mut hits: Vec<(String, Interval)> = Vec::new();
    for m in re.captures_iter(s.body()) {
        let Ok(r) = crate::read::time::resolve(&m[2], None, crate::read::time::Tense::Past) else {
            continue;
        };
        if s.published.resolved.interval.intersect(&r.interval).is_none() && !hits.iter().any(|(_, i)| *i == r.interval)
        {
            hits.push((m[0].to_string(), r.interval));
        }
    }
    if hits.is_empty() {
        return None;
    }
    let quoted: Vec<String> = hits.iter().map(|(t, _)| format!("\"{t}\"")).collect();
    let declared = s
        .written
        .as_ref()
        .filter(|w| hits.iter().all(|(_, i)| w.resolved.interval == *i))
        .map(|w| {
            format!(
                " The source declares it was written on {}, so its claims are dated from then.",
                w.text
            )
        })
        .unwrap_or_else(|| " Declare `written` in the source if the text was written earlier.".into());
    let summary = format!(
        "The text dates itself {} ({}), but it was published {}.{declared}",
        hits.iter().map(|(_, i)| i.to_string()).collect::<Vec<_>>().join(", "),
        quoted.join(", "),
        s.published.text
    );
    let text = format!("internal|{}|{}", s.id, quoted.join(","));
    Some(Finding {
        id: format!("i-{:06x}", fnv(text.as_bytes()) & 0xff_ffff),
        fingerprint: format!("{:016x}", fnv(text.as_bytes())),
        ..internal(
            (&s.id, "date", &format!("Is {}'s own date consistent?", s.id)),
            Reason::Date,
            summary,
            Vec::new(),
            &s.id,
        )
    })
}

/// A stated percentage change checked against the figures the same source
/// gives: properties declare `change_of` (the quantity) and the claim's
/// `as_of` and the property's `baseline` name the two moments.
///
/// A change and the figures it is a change of are looked up in `by_key`,
/// not searched for among every claim (which made this quadratic in an
/// archive).
pub(super) fn percent_changes(corpus: &Corpus, by_key: &super::ByQuestion<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &corpus.properties {
        let (Some(of), Some(baseline)) = (&p.change_of, &p.baseline) else {
            continue;
        };
        let figures: &[&Claim] = of
            .split_once('/')
            .and_then(|k| by_key.get(&k))
            .map_or(&[], Vec::as_slice);
        let changes: &[&Claim] = by_key
            .get(&(p.subject.as_str(), p.property.as_str()))
            .map_or(&[], Vec::as_slice);
        for c in changes.iter().copied().filter(|c| c.modality.commits()) {
            let Value::Quantity(stated) = &c.value else { continue };
            let figure = |when: &Interval| {
                figures.iter().copied().find(|x| {
                    x.source == c.source && x.as_of.intersect(when).is_some() && x.as_of.is_day() == when.is_day()
                })
            };
            let (Some(old), Some(new)) = (figure(baseline), figure(&c.as_of)) else {
                continue;
            };
            let (Value::Quantity(o), Value::Quantity(n)) = (&old.value, &new.value) else {
                continue;
            };
            let (
                Form::Exact { value: ov } | Form::Approx { value: ov },
                Form::Exact { value: nv } | Form::Approx { value: nv },
            ) = (o, n)
            else {
                continue;
            };
            let computed = (nv - ov) / ov * 100.0;
            let (lo, hi) = stated.interval(p.tolerance);
            // Percentages are printed rounded: allow half a point either way.
            if computed < lo - 0.5 || computed > hi + 0.5 {
                let summary = format!(
                    "{} states a change of {}% but its own figures, {} ({}) and {} ({}), give {:.0}%.",
                    c.source,
                    stated,
                    fmt_num(*ov),
                    when(old),
                    fmt_num(*nv),
                    when(new),
                    computed
                );
                let ids = vec![old.id.clone(), new.id.clone(), c.id.clone()];
                let all = [old, new, c];
                out.push(Finding {
                    id: finding_id(FindingKind::Internal, &p.key(), Some(Reason::Number), &ids),
                    fingerprint: fingerprint(&all),
                    ..internal(
                        (&p.subject, &p.property, &p.question),
                        Reason::Number,
                        summary,
                        ids,
                        &c.source,
                    )
                });
            }
        }
    }
    out
}

/// The claim's time as the editor wrote it, else its interval in words.
fn when(c: &Claim) -> String {
    c.as_of_text.clone().unwrap_or_else(|| super::moment::words(c))
}

/// A committed claim whose time (`as_of`) or start (`since`, `when`) lies
/// wholly after its source's writing or publication date, or its newest
/// declared update: the page was most likely updated after it was dated
/// (and `updated` says when), or it is misdated. Hedged claims may speak
/// of the future, and an event date may be a scheduled one ("the 2026
/// elections"), so neither is checked.
pub(super) fn dated_after_publication(corpus: &Corpus) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in corpus.claims.iter().filter(|c| c.modality.commits()) {
        let Some(source) = corpus.source(&c.source) else {
            continue;
        };
        let now = source.last_version();
        let mut late: Vec<(&str, String, Interval)> = Vec::new();
        if c.as_of_text.is_some() {
            late.push(("as of", when(c), c.as_of));
        }
        if let Some(s) = &c.since {
            late.push(("since", s.text.clone(), s.resolved.interval));
        }
        let Some((what, text, iv)) = late.into_iter().find(|(_, _, iv)| now.before(iv)) else {
            continue;
        };
        let dated = source
            .written
            .as_ref()
            .map_or(("published", &source.published), |w| ("written", w));
        let summary = format!(
            "{} says {what} {} ({}), after the source was {} ({}){}: the page was probably updated after its date \
             (declare the update in its front matter, `updated = [\"{}\"]`), or it is misdated.",
            c.id,
            text,
            iv.human(),
            dated.0,
            dated.1.text,
            Some(now)
                .filter(|n| *n != source.now())
                .map(|n| format!(" and last updated {}", n.human()))
                .unwrap_or_default(),
            iv.start.or(iv.end).map(|d| d.to_string()).unwrap_or_default()
        );
        let ids = vec![c.id.clone()];
        let question = corpus
            .property(&c.key())
            .map(|p| p.question.clone())
            .unwrap_or_default();
        out.push(Finding {
            id: finding_id(FindingKind::Internal, &c.key(), Some(Reason::Date), &ids),
            fingerprint: fingerprint(&[c]),
            ..internal(
                (&c.subject, &c.property, &question),
                Reason::Date,
                summary,
                ids,
                &c.source,
            )
        });
    }
    out
}

/// An internal finding about one source, before its id and fingerprint.
fn internal(
    (subject, property, question): (&str, &str, &str),
    reason: Reason,
    summary: String,
    claims: Vec<String>,
    source: &str,
) -> Finding {
    Finding {
        id: String::new(),
        kind: FindingKind::Internal,
        subject: subject.to_string(),
        property: property.to_string(),
        question: question.to_string(),
        reason: Some(reason),
        summary,
        claims,
        context: Vec::new(),
        sources: vec![source.to_string()],
        independent_voices: 1,
        agreed_interval: None,
        agreed: None,
        sides: Vec::new(),
        suspects: Vec::new(),
        fingerprint: String::new(),
    }
}
