//! JSON Lines of sources, claims and findings, for data teams (DuckDB,
//! BigQuery): one object a line, its kind in `type`.

use super::*;

/// One source as a JSON Lines record.
#[derive(Serialize)]
pub(super) struct SourceLine<'a> {
    r#type: &'static str,
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) outlet: &'a str,
    pub(super) url: Option<&'a str>,
    pub(super) published: &'a str,
    pub(super) published_start: Option<String>,
    pub(super) published_end: Option<String>,
    pub(super) kind: &'a str,
    pub(super) language: &'a str,
    pub(super) voice: &'a str,
}

/// JSON Lines: every source, then every claim, then every finding, one
/// object a line, each with a `type` field; sorted by id within each type.
pub fn jsonl(corpus: &Corpus, analysis: &Analysis, reviews: &Reviews, out: &mut dyn Write) -> io::Result<()> {
    for s in &corpus.sources {
        let i = s.published.resolved.interval;
        line(
            out,
            &SourceLine {
                r#type: "source",
                id: &s.id,
                title: &s.title,
                outlet: &s.outlet,
                url: s.url.as_deref(),
                published: &s.published.text,
                published_start: i.start.map(|d| d.to_string()),
                published_end: i.end.map(|d| d.to_string()),
                kind: &s.kind,
                language: &s.language,
                voice: &s.voice,
            },
        )?;
    }
    // A claim as the JSON report writes it, with its question.
    #[derive(Serialize)]
    struct ClaimLine<'a> {
        r#type: &'static str,
        subject: &'a str,
        property: &'a str,
        #[serde(flatten)]
        claim: JsonClaim<'a>,
    }
    for c in &corpus.claims {
        line(
            out,
            &ClaimLine {
                r#type: "claim",
                subject: &c.subject,
                property: &c.property,
                claim: json_claim(c),
            },
        )?;
    }
    // A finding names its claims by id: each is its own line above.
    #[derive(Serialize)]
    struct Finding<'a> {
        r#type: &'static str,
        #[serde(flatten)]
        finding: JsonFinding<'a, &'a str>,
    }
    for f in &analysis.findings {
        line(
            out,
            &Finding {
                r#type: "finding",
                finding: JsonFinding::new(f, reviews, Some),
            },
        )?;
    }
    Ok(())
}

/// One record as one compact JSON line.
pub(super) fn line<T: Serialize>(out: &mut dyn Write, record: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
