//! Assessments: framings and judgements are compared as framings, never
//! as facts. Different framings are a divergence to show, not a conflict.

use std::collections::{BTreeMap, BTreeSet};

use super::question::Question;
use super::voices::who;
use super::{Finding, FindingKind, Reason};
use crate::corpus::model::{Claim, Value};

pub(super) fn compare(q: &Question<'_>) -> Vec<Finding> {
    let mut by_value: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in &q.committed {
        if let Value::Framing(v) = &c.value {
            by_value.entry(v.as_str()).or_default().push(c);
        }
    }
    let n = q.voices(&q.committed);
    if by_value.len() > 1 {
        let parts: Vec<String> = by_value
            .iter()
            .map(|(v, cs)| {
                let who: BTreeSet<String> = cs.iter().map(|c| who(c)).collect();
                format!("{v} ({})", who.into_iter().collect::<Vec<_>>().join(", "))
            })
            .collect();
        let summary = format!("The sources frame this differently: {}.", parts.join(" vs "));
        return vec![q.finding(FindingKind::Framing, Some(Reason::Framing), &q.committed, summary)];
    }
    let v = by_value.keys().next().copied().unwrap_or_default().to_string();
    let mut f = if n >= 2 {
        q.finding(
            FindingKind::Agreement,
            None,
            &q.committed,
            format!("{n} independent voices frame it as {v}."),
        )
    } else {
        let src = q.committed.first().map(|c| c.source.clone()).unwrap_or_default();
        q.finding(
            FindingKind::SingleSource,
            None,
            &q.committed,
            format!("Only {src} answers this: {v}."),
        )
    };
    f.agreed = Some(v);
    vec![f]
}
