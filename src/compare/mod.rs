//! Comparison: from a validated corpus to findings an editor can act on.
//!
//! For each question (subject/property) there is one model, from which
//! every finding follows, so that two findings never contradict each
//! other:
//!
//! - each kind says which pairs of claims cannot both hold ([`state`],
//!   [`quantity`], [`fact`], [`date`]), with time as uncertainty
//!   ([`moment`]);
//! - the smallest set of claims, weighted by independent voices
//!   ([`voices`]), whose removal leaves the rest consistent is found
//!   exactly ([`consistency`]): each connected disagreement is one
//!   conflict naming every side;
//! - pairs that hold only because their times are imprecise need a closer
//!   look;
//! - the consistent remainder is one agreement, one single-source
//!   assertion, or one timeline of distinct values ([`question`]).
//!
//! Assessments are framings ([`framing`]). Hedged and denied claims are
//! context, never evidence. Checks inside one source ([`internal`]),
//! likely copies ([`copies`]) and look-alike questions ([`lookalike`])
//! complete the analysis. Everything here is a pure function of the
//! corpus, and every list is sorted, so the same data gives the same
//! findings, with the same ids.

use std::hash::BuildHasherDefault;

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::model::*;
use crate::read::time::Interval;

pub mod consistency;
mod copies;
mod date;
mod fact;
mod fold;
mod framing;
mod internal;
mod linked;
mod lookalike;
pub mod moment;
pub(crate) mod quantity;
mod question;
mod state;
mod stated;
mod voices;

use question::Question;

/// What a finding says about a question, in the order reports list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Claims that cannot all be true.
    Conflict,
    /// Opposite framings or judgements of one question.
    Framing,
    /// A problem inside one source: two of its figures or dates disagree.
    Internal,
    /// Claims that can all be true only because their times are imprecise.
    CloserLook,
    /// A question answered by one independent voice only.
    SingleSource,
    /// A value that changed over time, consistently.
    Change,
    /// Two or more independent voices agree.
    Agreement,
}

impl FindingKind {
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::Framing => "framing",
            FindingKind::Internal => "internal",
            FindingKind::CloserLook => "closer-look",
            FindingKind::SingleSource => "single-source",
            FindingKind::Change => "change",
            FindingKind::Agreement => "agreement",
        }
    }

    fn prefix(self) -> char {
        match self {
            FindingKind::Conflict => 'c',
            FindingKind::Framing => 'f',
            FindingKind::Internal => 'i',
            FindingKind::CloserLook => 'n',
            FindingKind::SingleSource => 's',
            FindingKind::Change => 't',
            FindingKind::Agreement => 'a',
        }
    }
}

/// The type of a contradiction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Different states for the same moment.
    State,
    /// A change the property does not allow (withdrawn -> suspended).
    Transition,
    /// Event dates that do not overlap.
    Date,
    /// Numbers for the same moment that do not overlap, or a monotonic
    /// quantity that goes the wrong way.
    Number,
    /// Two reports of one update (their passages share specific figures of
    /// other counts) that give different figures of this one.
    SameUpdate,
    /// A status or happened-yet answer that the date of the same event
    /// contradicts (`same_event_as`).
    SameEvent,
    /// Happened vs. did not happen.
    Polarity,
    /// Different framings.
    Framing,
}

/// One thing an editor should look at.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// Stable short id: derived from kind, question and claim ids.
    pub id: String,
    pub kind: FindingKind,
    pub subject: String,
    pub property: String,
    pub question: String,
    pub reason: Option<Reason>,
    /// One plain sentence saying why.
    pub summary: String,
    /// The claims the finding rests on, in order.
    pub claims: Vec<String>,
    /// Hedged or denied claims on the same question, shown as context.
    pub context: Vec<String>,
    pub sources: Vec<String>,
    pub independent_voices: usize,
    /// Where claims agree on a date, the days they share.
    pub agreed_interval: Option<Interval>,
    /// Where claims agree, the value they all allow, in words ("6.5",
    /// "590 to 600", "suspended").
    pub agreed: Option<String>,
    /// For conflicts and closer looks: each side, the value it gives and
    /// who gives it.
    pub sides: Vec<Side>,
    /// For conflicts: the claims that the smallest consistent reading sets
    /// aside (the likeliest errors); empty when the sides weigh the same.
    pub suspects: Vec<String>,
    /// A digest of the claims' content: a review made before it changed is stale.
    pub fingerprint: String,
}

/// One side of a disagreement: claims that give one value.
#[derive(Clone, Debug, Serialize)]
pub struct Side {
    /// The value in words, as reports show it.
    pub value: String,
    pub claims: Vec<String>,
    pub sources: Vec<String>,
    /// Whom the sources cite for it (`said_by`), if anyone.
    pub said_by: Vec<String>,
    pub independent_voices: usize,
    /// `kept` (part of the consistent reading), `suspect` (set aside by the
    /// smallest consistent reading) or `undecided` (the data cannot say).
    pub status: SideStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SideStatus {
    Kept,
    Undecided,
    Suspect,
}

/// Two sources whose texts share long passages: likely copies of one story
/// that the editor may want to declare with `syndicated_from`.
#[derive(Clone, Debug, Serialize)]
pub struct PossibleCopy {
    pub sources: [String; 2],
    /// Share of the smaller text's 8-word shingles found in the other.
    pub overlap: f64,
}

/// Two questions that look alike: maybe one question curated twice.
#[derive(Clone, Debug, Serialize)]
pub struct SimilarQuestions {
    pub properties: [String; 2],
    pub similarity: f64,
}

/// Everything the comparison found.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub possible_copies: Vec<PossibleCopy>,
    pub similar_questions: Vec<SimilarQuestions>,
}

/// Compares the whole corpus: findings, possible copies and look-alike
/// questions.
pub fn analyse(corpus: &Corpus) -> Analysis {
    if !corpus.is_sorted() {
        let mut sorted = corpus.clone();
        sorted.sort();
        return analyse(&sorted);
    }
    // The three searches are independent: run them side by side.
    let (findings, (possible_copies, similar_questions)) = rayon::join(
        || findings(corpus),
        || {
            rayon::join(
                || copies::possible_copies(corpus),
                || lookalike::similar_questions(corpus),
            )
        },
    );
    crate::timings::mark("analysed");
    Analysis {
        findings,
        possible_copies,
        similar_questions,
    }
}

/// Each question's claims, in corpus order, by (subject, property).
type ByQuestion<'a> = std::collections::HashMap<(&'a str, &'a str), Vec<&'a Claim>, BuildHasherDefault<IdHasher>>;

/// The findings alone: what `check` needs to tell stale verdicts apart.
pub fn findings(corpus: &Corpus) -> Vec<Finding> {
    if !corpus.is_sorted() {
        let mut sorted = corpus.clone();
        sorted.sort();
        return findings(&sorted);
    }
    let mut findings = Vec::new();
    // Looked up, never iterated: hash maps, and the claims keep their order.
    let (passages, by_key) = rayon::join(
        || question::passages(corpus),
        || {
            let mut by_key: ByQuestion<'_> = Default::default();
            for c in &corpus.claims {
                by_key.entry((&c.subject, &c.property)).or_default().push(c);
            }
            by_key
        },
    );
    // Questions that tell of one event are compared together first; the
    // claims those conflicts account for are left out of each question's
    // own comparison, so each disagreement is shown once.
    let (across, taken) = linked::linked(corpus, &by_key);
    findings.extend(across);
    // Questions are independent: compare them on every core; the order of
    // the results is the order of the properties, then sorted.
    // The checks within single claims go beside them, filling the cores
    // the questions leave idle as they run out.
    let (per_question, internal): (Vec<Vec<Finding>>, _) = rayon::join(
        || {
            corpus
                .properties
                .par_iter()
                .filter_map(|p| {
                    let claims = by_key.get(&(p.subject.as_str(), p.property.as_str()))?;
                    // A question whose every claim a conflict across questions
                    // took (with its context) has nothing left to show.
                    let left = claims
                        .iter()
                        .any(|c| c.modality.commits() && !taken.contains(c.id.as_str()));
                    if !left && claims.iter().any(|c| taken.contains(c.id.as_str())) {
                        return None;
                    }
                    let q = Question {
                        corpus,
                        property: p,
                        committed: claims
                            .iter()
                            .copied()
                            .filter(|c| c.modality.commits() && !taken.contains(c.id.as_str()))
                            .collect(),
                        context: claims.iter().copied().filter(|c| !c.modality.commits()).collect(),
                        passages: &passages,
                    };
                    Some(q.compare())
                })
                .collect()
        },
        || {
            let mut found = internal::internal_dates(corpus);
            found.extend(internal::percent_changes(corpus, &by_key));
            found.extend(internal::dated_after_publication(corpus));
            found
        },
    );
    let per_question: Vec<Finding> = per_question.into_iter().flatten().collect();
    findings = fold::into_across(findings, per_question, corpus);
    findings.extend(internal);
    // Stable, as the order of equal keys is the order found.
    findings
        .par_sort_by(|a, b| (a.kind, &a.subject, &a.property, &a.id).cmp(&(b.kind, &b.subject, &b.property, &b.id)));
    findings
}

/// FNV-1a (kept here under its old path; it lives in [`crate::corpus::model`]).
pub use crate::corpus::model::fnv;

/// The copy search alone (part of [`analyse`]), for its benchmark.
pub use copies::possible_copies;

pub(crate) fn finding_id(kind: FindingKind, key: &str, reason: Option<Reason>, claims: &[String]) -> String {
    let mut ids: Vec<&str> = claims.iter().map(String::as_str).collect();
    ids.sort_unstable();
    let text = format!("{}|{key}|{reason:?}|{}", kind.name(), ids.join(","));
    format!("{}-{:06x}", kind.prefix(), fnv(text.as_bytes()) & 0xff_ffff)
}

/// A value as fingerprints have always written it: "more than" and "less
/// than" are told apart from "at least" and "at most" only in words, and
/// compare alike, so a verdict given before they were told apart stays
/// current.
fn as_fingerprinted(v: &Value) -> std::borrow::Cow<'_, Value> {
    use crate::read::quantity::Form;
    match v {
        Value::Quantity(Form::MoreThan { value }) => {
            std::borrow::Cow::Owned(Value::Quantity(Form::AtLeast { value: *value }))
        }
        Value::Quantity(Form::LessThan { value }) => {
            std::borrow::Cow::Owned(Value::Quantity(Form::AtMost { value: *value }))
        }
        other => std::borrow::Cow::Borrowed(other),
    }
}

/// A digest of what the claims say, for spotting reviews made before a change.
/// Kept in `reviews.toml`, so its bytes never change: FNV-1a of each
/// claim's line, the lines sorted and joined by newlines. The lines are
/// written into one buffer and hashed where they lie.
pub(crate) fn fingerprint(claims: &[&Claim]) -> String {
    use std::fmt::Write;
    // Sized for the strings and 128 bytes of the rest a claim (a value is
    // about 60), so it rarely grows; the strings are copied, not formatted.
    let size: usize = claims
        .iter()
        .map(|c| c.id.len() + c.source.len() + c.quote.len() + 128)
        .sum();
    let mut buf = String::with_capacity(size);
    let mut lines: Vec<std::ops::Range<usize>> = Vec::with_capacity(claims.len());
    for c in claims {
        let start = buf.len();
        for s in [&c.id, &c.source, &c.quote] {
            buf.push_str(s);
            buf.push('|');
        }
        // Writing to a String cannot fail.
        let _ = write!(buf, "{:?}|{}|", as_fingerprinted(&c.value), c.as_of);
        if let Some(s) = &c.since {
            let _ = write!(buf, "{}", s.resolved.interval);
        }
        let _ = write!(buf, "|{:?}|{:?}", c.modality, c.said_by);
        lines.push(start..buf.len());
    }
    let line = |r: &std::ops::Range<usize>| buf.get(r.clone()).unwrap_or_default();
    lines.sort_by(|a, b| line(a).cmp(line(b)));
    let mut h = FNV_OFFSET;
    for (i, r) in lines.iter().enumerate() {
        if i > 0 {
            h = fnv_more(h, b"\n");
        }
        h = fnv_more(h, line(r).as_bytes());
    }
    format!("{h:016x}")
}
