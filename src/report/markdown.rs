//! The report as Markdown, for a newsroom's wiki, chat or repository.

use super::*;

/// The Markdown report: one section per kind, quotes as block quotes.
pub fn markdown(
    corpus: &Corpus,
    analysis: &Analysis,
    reviews: &Reviews,
    filter: &Filter,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (shown, by_kind) = sections(analysis, reviews, filter);
    writeln!(out, "# claimcheck report")?;
    writeln!(out)?;
    writeln!(
        out,
        "{} sources, {} questions, {} claims; {shown} findings shown.",
        corpus.sources.len(),
        corpus.properties.len(),
        corpus.claims.len(),
    )?;
    for (kind, findings) in by_kind {
        writeln!(out)?;
        writeln!(out, "## {} ({})", section_title(kind), findings.len())?;
        for f in findings {
            writeln!(out)?;
            let reason = f.reason.map(|r| format!(" — {}", serde_plain(&r))).unwrap_or_default();
            writeln!(out, "### `{}` {}/{}{reason}", f.id, f.subject, f.property)?;
            writeln!(out)?;
            writeln!(out, "**{}** {}", md(&f.question), md(&f.summary))?;
            writeln!(out)?;
            writeln!(out, "_{}_", counts(f))?;
            if let Some(line) = review_line(reviews, f) {
                writeln!(out)?;
                writeln!(out, "**{}**", md(&line))?;
            }
            if !f.claims.is_empty() || !f.context.is_empty() {
                writeln!(out)?;
                writeln!(out, "| claim | source | value | time | quote |")?;
                writeln!(out, "|---|---|---|---|---|")?;
                for (id, ctx) in f
                    .claims
                    .iter()
                    .map(|i| (i, false))
                    .chain(f.context.iter().map(|i| (i, true)))
                {
                    let Some(c) = claim(corpus, id) else { continue };
                    let said = c
                        .said_by
                        .as_ref()
                        .map(|s| format!(" (said by {s})"))
                        .unwrap_or_default();
                    let tag = if ctx {
                        format!(" _{}, context_", c.modality.name())
                    } else if f.suspects.contains(id) {
                        " **set aside**".to_string()
                    } else {
                        String::new()
                    };
                    writeln!(
                        out,
                        "| `{}`{tag} | {}{} | {} | {} | “{}” ({}) |",
                        c.id,
                        c.source,
                        md(&said),
                        md(&claim_value(corpus, c)),
                        md(&claim_time(c)),
                        md(&c.quote),
                        c.anchor
                    )?;
                }
            }
        }
    }
    if !analysis.possible_copies.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Possible undeclared copies")?;
        writeln!(out)?;
        for p in &analysis.possible_copies {
            writeln!(
                out,
                "- `{}` ~ `{}`: {:.0}% of 8-word passages shared",
                p.sources[0],
                p.sources[1],
                p.overlap * 100.0
            )?;
        }
    }
    if !analysis.similar_questions.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Questions that may be the same")?;
        writeln!(out)?;
        for s in &analysis.similar_questions {
            writeln!(
                out,
                "- `{}` ~ `{}` ({:.0}% similar)",
                s.properties[0],
                s.properties[1],
                s.similarity * 100.0
            )?;
        }
    }
    Ok(())
}

/// Escapes what would break a Markdown table cell.
/// The corpus's markup is text: `<script>`, `<img onerror>` and links
/// (`[x](javascript:...)`, `<http://...>`) are escaped, so the tools that
/// render Markdown (GitHub, static sites, chat) show them and run nothing.
/// A `>` alone opens nothing and is kept: "withdrawn -> suspended".
pub(super) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '|' | '[' | ']' | '`' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
