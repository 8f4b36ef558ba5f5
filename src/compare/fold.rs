//! One finding kind per question. A question with a disagreement is that
//! disagreement: what its other claims say (an agreement, a timeline, one
//! source's answer) and what needs a closer look beside it are told in the
//! same finding, not as findings of other kinds that would read, side by
//! side, as "they conflict" and "they agree".

use super::{voices, Finding, FindingKind};
use crate::corpus::model::Corpus;

/// Folds one question's findings into at most one kind: closer looks into
/// its first conflict (or internal contradiction), and the consistent
/// remainder `rest` into its first disagreement of any kind. The kept
/// finding keeps its id and fingerprint, so a verdict given to it stands.
pub(super) fn one_kind(out: &mut Vec<Finding>, rest: Option<Finding>, corpus: &Corpus) {
    let first = |kind: FindingKind, out: &[Finding]| out.iter().position(|f| f.kind == kind);
    let target = first(FindingKind::Conflict, out)
        .or_else(|| first(FindingKind::Internal, out))
        .or_else(|| first(FindingKind::CloserLook, out));
    let Some(t) = target else {
        out.extend(rest);
        return;
    };
    if out.get(t).is_some_and(|f| f.kind != FindingKind::CloserLook) {
        let looks: Vec<Finding> = out
            .iter()
            .filter(|f| f.kind == FindingKind::CloserLook)
            .cloned()
            .collect();
        out.retain(|f| f.kind != FindingKind::CloserLook);
        if let Some(into) = out.get_mut(t) {
            for look in looks {
                absorb(into, look, "It also needs a closer look:", corpus);
            }
        }
    }
    if let (Some(into), Some(rest)) = (out.get_mut(t), rest) {
        absorb(into, rest, "Beside this, the other claims hold together:", corpus);
    }
}

/// The questions' own findings, with each remainder of a question that a
/// conflict across questions (`across`) is keyed to folded into that
/// conflict.
pub(super) fn into_across(mut across: Vec<Finding>, own: Vec<Finding>, corpus: &Corpus) -> Vec<Finding> {
    let mut out = Vec::with_capacity(across.len() + own.len());
    for f in own {
        let remainder = matches!(
            f.kind,
            FindingKind::Agreement | FindingKind::Change | FindingKind::SingleSource
        );
        match across
            .iter_mut()
            .find(|a| remainder && a.subject == f.subject && a.property == f.property)
        {
            Some(into) => absorb(into, f, "Beside this, the other claims hold together:", corpus),
            None => out.push(f),
        }
    }
    across.extend(out);
    across
}

/// Tells `other` in `into`: its summary after `lead`, its claims, sources
/// and context added.
fn absorb(into: &mut Finding, other: Finding, lead: &str, corpus: &Corpus) {
    into.summary = format!("{} {lead} {}", into.summary, lower_first(&other.summary));
    for c in other.claims {
        if !into.claims.contains(&c) {
            into.claims.push(c);
        }
    }
    for c in other.context {
        if !into.context.contains(&c) {
            into.context.push(c);
        }
    }
    into.sources.extend(other.sources);
    into.sources.sort();
    into.sources.dedup();
    let claims: Vec<&crate::corpus::model::Claim> = into.claims.iter().filter_map(|id| corpus.claim(id)).collect();
    into.independent_voices = voices::count(corpus, &claims);
}

/// "it changed over time" for "It changed over time", leaving "Only a
/// answers" and "2 independent voices" as they are.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), s.split_whitespace().next()) {
        (Some(c), Some(word))
            if c.is_uppercase() && word != "Only" && !word.chars().skip(1).any(char::is_uppercase) =>
        {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}
