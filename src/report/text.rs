//! The report as text for a terminal, coloured when it is one.

use super::*;

pub(super) fn style(kind: FindingKind) -> Style {
    let c = match kind {
        FindingKind::Conflict => AnsiColor::Red,
        FindingKind::Framing => AnsiColor::Magenta,
        FindingKind::Internal => AnsiColor::Yellow,
        FindingKind::CloserLook => AnsiColor::Yellow,
        FindingKind::SingleSource => AnsiColor::Cyan,
        FindingKind::Change => AnsiColor::Blue,
        FindingKind::Agreement => AnsiColor::Green,
    };
    Style::new().fg_color(Some(c.into())).bold()
}

/// The plain-text report, coloured when `color`.
pub fn text(
    corpus: &Corpus,
    analysis: &Analysis,
    reviews: &Reviews,
    filter: &Filter,
    out: &mut dyn Write,
    color: bool,
) -> io::Result<()> {
    let paint = |s: Style, t: &str| if color { format!("{s}{t}{s:#}") } else { t.to_string() };
    let dim = Style::new().dimmed();
    let (shown, by_kind) = sections(analysis, reviews, filter);
    writeln!(
        out,
        "claimcheck report: {} sources, {} questions, {} claims; {shown} findings shown",
        corpus.sources.len(),
        corpus.properties.len(),
        corpus.claims.len(),
    )?;
    for (kind, findings) in by_kind {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint(
                style(kind).underline(),
                &format!("{} ({})", section_title(kind), findings.len())
            )
        )?;
        for f in findings {
            writeln!(out)?;
            let reason = f.reason.map(|r| format!(" [{}]", serde_plain(&r))).unwrap_or_default();
            writeln!(
                out,
                "{} {}  {}/{}{reason}",
                paint(style(kind), &kind.name().to_uppercase()),
                f.id,
                f.subject,
                f.property
            )?;
            writeln!(out, "  {}", f.question)?;
            writeln!(out, "  {}", f.summary)?;
            writeln!(out, "  {}", paint(dim, &counts(f)))?;
            if let Some(line) = review_line(reviews, f) {
                writeln!(out, "  {line}")?;
            }
            for id in &f.claims {
                if let Some(c) = claim(corpus, id) {
                    // Suspects: what the smallest consistent reading sets aside.
                    let lead = if f.suspects.contains(id) {
                        "  ! set aside: "
                    } else {
                        "  - "
                    };
                    write_claim(out, corpus, c, lead, color)?;
                }
            }
            for id in &f.context {
                if let Some(c) = claim(corpus, id) {
                    write_claim(out, corpus, c, &format!("  ~ context ({}) ", c.modality.name()), color)?;
                }
            }
        }
    }
    if !analysis.possible_copies.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Possible undeclared copies (declare with `syndicated_from` if one story):"
        )?;
        for p in &analysis.possible_copies {
            writeln!(
                out,
                "  {} ~ {}: {:.0}% of 8-word passages shared",
                p.sources[0],
                p.sources[1],
                p.overlap * 100.0
            )?;
        }
    }
    if !analysis.similar_questions.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Questions that may be the same (merge them if so, or a conflict between them is never seen):"
        )?;
        for s in &analysis.similar_questions {
            writeln!(
                out,
                "  {} ~ {} ({:.0}% similar)",
                s.properties[0],
                s.properties[1],
                s.similarity * 100.0
            )?;
        }
    }
    Ok(())
}

/// One claim as the text report and interactive review show it: id,
/// source, speaker, value and time, then the quote and its anchor.
pub fn write_claim(out: &mut dyn Write, corpus: &Corpus, c: &Claim, lead: &str, color: bool) -> io::Result<()> {
    let dim = Style::new().dimmed();
    let said = c.said_by.as_ref().map(|s| format!(", said by {s}")).unwrap_or_default();
    writeln!(
        out,
        "{lead}{} ({}{said}): {}; {}",
        c.id,
        c.source,
        claim_value(corpus, c),
        claim_time(c)
    )?;
    let anchor = format!("{}", c.anchor);
    let anchor = if color { format!("{dim}{anchor}{dim:#}") } else { anchor };
    writeln!(out, "      \"{}\"  {anchor}", c.quote)?;
    Ok(())
}
