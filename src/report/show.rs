//! `claimcheck show`: one question's timeline, or one claim.

use super::*;

/// `claimcheck show`: one question's timeline, or one claim, in full.
pub fn show(corpus: &Corpus, analysis: &Analysis, what: &str, out: &mut dyn Write) -> io::Result<bool> {
    if let Some(c) = claim(corpus, what) {
        return show_question(corpus, analysis, &c.key(), Some(&c.id), out).map(|_| true);
    }
    if corpus.property(what).is_some() {
        return show_question(corpus, analysis, what, None, out).map(|_| true);
    }
    Ok(false)
}

pub(super) fn show_question(
    corpus: &Corpus,
    analysis: &Analysis,
    key: &str,
    only: Option<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Some(p) = corpus.property(key) else {
        return writeln!(out, "{key}: no such question");
    };
    writeln!(out, "{key}: {}", p.question)?;
    let unit = p.unit.as_ref().map(|u| format!(", unit {u}")).unwrap_or_default();
    writeln!(out, "kind: {}{unit}", p.kind.name())?;
    if !p.values.is_empty() {
        writeln!(out, "values: {}", p.values.join(", "))?;
    }
    if !p.transitions.is_empty() {
        let t: Vec<String> = p.transitions.iter().map(|(a, b)| format!("{a} -> {b}")).collect();
        writeln!(out, "allowed changes: {}", t.join(", "))?;
    }
    let mut claims: Vec<&Claim> = corpus
        .claims
        .iter()
        .filter(|c| c.key() == key && only.is_none_or(|o| c.id == o))
        .map(|c| &**c)
        .collect();
    claims.sort_by(|a, b| {
        let ka = a
            .since
            .as_ref()
            .map(|s| s.resolved.interval.sort_key())
            .unwrap_or(a.as_of.sort_key());
        let kb = b
            .since
            .as_ref()
            .map(|s| s.resolved.interval.sort_key())
            .unwrap_or(b.as_of.sort_key());
        (ka, &a.id).cmp(&(kb, &b.id))
    });
    writeln!(out)?;
    writeln!(
        out,
        "timeline ({} claim{}):",
        claims.len(),
        if claims.len() == 1 { "" } else { "s" }
    )?;
    for c in claims {
        let src = corpus.source(&c.source);
        writeln!(out)?;
        writeln!(out, "  {}  [{}]", c.id, c.modality.name())?;
        writeln!(out, "    value:   {}", claim_value(corpus, c))?;
        writeln!(out, "    time:    {}", claim_time(c))?;
        if let Some(s) = src {
            writeln!(
                out,
                "    source:  {} ({}, {}, published {})",
                s.id, s.outlet, s.kind, s.published.text
            )?;
        }
        if let Some(s) = &c.said_by {
            writeln!(out, "    said by: {s}")?;
        }
        writeln!(out, "    quote:   \"{}\"", c.quote)?;
        writeln!(out, "    anchor:  {}", c.anchor)?;
        writeln!(out, "    curated: {}", c.loc)?;
        if let Some(d) = &c.derived {
            writeln!(out, "    derived: {d}")?;
        }
        if let Some(n) = &c.note {
            writeln!(out, "    note:    {n}")?;
        }
    }
    let findings: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| {
            // A conflict across questions of one event is shown with each.
            let of_question = crate::corpus::model::question_key(&f.subject, &f.property) == key
                || f.claims
                    .iter()
                    .any(|id| corpus.claim(id).is_some_and(|c| c.key() == key));
            of_question && only.is_none_or(|o| f.claims.iter().any(|c| c == o))
        })
        .collect();
    if !findings.is_empty() {
        writeln!(out)?;
        writeln!(out, "findings:")?;
        for f in findings {
            writeln!(out, "  {} {}: {}", f.id, f.kind.name(), f.summary)?;
        }
    }
    Ok(())
}
