//! Assessments: framings and judgements are compared as framings, never
//! as facts. Different framings are a divergence to show, not a conflict.

use std::collections::{BTreeMap, BTreeSet};

use super::voices::who;
use crate::corpus::model::{Claim, Value};

/// What the framings of a question's committed claims come to.
pub(super) enum Framings {
    /// Two or more framings: the summary names each with who gives it.
    Differ(String),
    /// One framing (empty when no claim gives one).
    One(String),
}

pub(super) fn compare(committed: &[&Claim]) -> Framings {
    let mut by_value: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in committed {
        if let Value::Framing(v) = &c.value {
            by_value.entry(v.as_str()).or_default().push(c);
        }
    }
    if by_value.len() > 1 {
        let parts: Vec<String> = by_value
            .iter()
            .map(|(v, cs)| {
                let who: BTreeSet<String> = cs.iter().map(|c| who(c)).collect();
                format!("{v} ({})", who.into_iter().collect::<Vec<_>>().join(", "))
            })
            .collect();
        return Framings::Differ(format!("The sources frame this differently: {}.", parts.join(" vs ")));
    }
    Framings::One(by_value.keys().next().copied().unwrap_or_default().to_string())
}
