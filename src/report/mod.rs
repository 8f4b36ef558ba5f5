//! Reports: the findings of an analysis written as text (coloured on a
//! terminal), Markdown or JSON, and the timeline of one question (`show`).
//!
//! Writers take a `&mut dyn Write` and never touch the process's streams.
//! The JSON form is versioned (`version`) and documented in docs/reports.md; its
//! field names are a contract with editors' scripts.

pub mod html;
mod json;
mod markdown;
mod show;
mod text;

pub use json::*;
pub use markdown::*;
pub use show::*;
pub use text::*;

use std::collections::BTreeMap;
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use rayon::prelude::*;
use serde::Serialize;

use crate::compare::{Analysis, Finding, FindingKind, Side};
use crate::corpus::model::{Claim, Corpus, Value};
use crate::review::{Reviews, Status};

/// The version of the JSON report format.
pub const JSON_VERSION: u32 = 2;

/// Which findings a report shows.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub kinds: Vec<FindingKind>,
    pub subject: Option<String>,
    pub source: Option<String>,
    /// Show dismissed findings too.
    pub all: bool,
}

impl Filter {
    pub fn keeps(&self, f: &Finding, reviews: &Reviews) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&f.kind))
            && self
                .subject
                .as_ref()
                .is_none_or(|s| f.subject == *s || crate::corpus::model::question_key(&f.subject, &f.property) == *s)
            && self.source.as_ref().is_none_or(|s| f.sources.contains(s))
            && (self.all || !matches!(reviews.status(f), Status::Reviewed(v) if v.verdict == "dismissed"))
    }
}

fn section_title(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Conflict => "Conflicts",
        FindingKind::Framing => "Framing divergences",
        FindingKind::Internal => "Internal checks",
        FindingKind::CloserLook => "Needs a closer look",
        FindingKind::SingleSource => "Single-source assertions",
        FindingKind::Change => "Changes over time",
        FindingKind::Agreement => "Agreements",
    }
}

fn claim<'a>(corpus: &'a Corpus, id: &str) -> Option<&'a Claim> {
    corpus.claim(id)
}

use crate::compare::moment::{since_words, strip_preposition};

/// The claim's time in words: "since mid-2024 (2024-05-01..2024-08-31), as of 2025-03-29".
pub fn claim_time(c: &Claim) -> String {
    let since = c
        .since
        .as_ref()
        .map(|s| {
            format!(
                "{}, ",
                since_words(
                    &s.text,
                    &with_reading(strip_preposition(&s.text), &s.resolved.interval.human())
                )
            )
        })
        .unwrap_or_default();
    let as_of = match &c.as_of_text {
        // "as of Thursday", not "as of on Thursday".
        Some(t) => format!(
            "as of {}",
            with_reading(strip_preposition(t), &crate::compare::moment::words(c))
        ),
        None => format!("as of {}", crate::compare::moment::words(c)),
    };
    format!("{since}{as_of}")
}

/// "mid-2024 (2024-05-01 to 2024-08-31)", or just "2024-05-07" when the
/// words are the reading.
fn with_reading(text: &str, reading: &str) -> String {
    if text == reading {
        text.to_string()
    } else {
        format!("{text} ({reading})")
    }
}

pub(crate) fn claim_value(corpus: &Corpus, c: &Claim) -> String {
    match &c.value {
        Value::Date(t) if t.resolved.also.is_some() => format!(
            "{} (\"{}\"; or {}: the quote does not say which)",
            t.resolved.interval.human(),
            t.text,
            t.resolved.also.as_deref().unwrap_or_default()
        ),
        Value::Date(t) if t.text == t.resolved.interval.human() => t.text.clone(),
        Value::Date(t) => format!("{} (\"{}\")", t.resolved.interval.human(), t.text),
        Value::Quantity(q) => {
            let unit = corpus.property(&c.key()).and_then(|p| p.unit.as_deref());
            crate::compare::quantity::converted_label(c, unit)
                .unwrap_or_else(|| crate::read::quantity::with_unit(&q.to_string(), unit))
        }
        v => v.to_string(),
    }
}

fn counts(f: &Finding) -> String {
    let n = f.sources.len();
    format!(
        "{n} source{}, {} independent voice{}",
        if n == 1 { "" } else { "s" },
        f.independent_voices,
        if f.independent_voices == 1 { "" } else { "s" }
    )
}

/// The findings the filter keeps, counted and grouped by kind in report order.
fn sections<'a>(
    analysis: &'a Analysis,
    reviews: &Reviews,
    filter: &Filter,
) -> (usize, BTreeMap<FindingKind, Vec<&'a Finding>>) {
    let mut by_kind: BTreeMap<FindingKind, Vec<&Finding>> = BTreeMap::new();
    let mut shown = 0;
    for f in analysis.findings.iter().filter(|f| filter.keeps(f, reviews)) {
        by_kind.entry(f.kind).or_default().push(f);
        shown += 1;
    }
    (shown, by_kind)
}

fn review_line(reviews: &Reviews, f: &Finding) -> Option<String> {
    match reviews.status(f) {
        Status::Open => None,
        Status::Reviewed(v) => Some(format!("reviewed: {}", verdict_words(v))),
        Status::Stale(v) => Some(format!(
            "STALE review: {} by {} on {}; the claims changed since, look again",
            v.verdict, v.by, v.at
        )),
    }
}

/// A verdict in words, with its note and how it rated the claims (the
/// finding's resolution): "confirmed by ana on 2025-10-02: checked the
/// statement; rated tms-csto-withdrawn: inaccurate".
pub(crate) fn verdict_words(v: &crate::review::Verdict) -> String {
    let ratings: Vec<String> = v.ratings.iter().map(|(c, r)| format!("{c}: {r}")).collect();
    format!(
        "{} by {} on {}{}{}",
        v.verdict,
        v.by,
        v.at,
        v.note.as_ref().map(|n| format!(": {n}")).unwrap_or_default(),
        if ratings.is_empty() {
            String::new()
        } else {
            format!("; rated {}", ratings.join(", "))
        }
    )
}

/// A serde enum's kebab-case name.
pub(crate) fn serde_plain<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
