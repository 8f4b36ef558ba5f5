//! Formats newsrooms exchange: schema.org ClaimReview (JSON-LD), which
//! Google's Fact Check Tools and others read, for every claim an editor
//! rated; and JSON Lines of sources, claims and findings for data teams
//! (DuckDB, BigQuery).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{json, Value};

use crate::compare::Analysis;
use crate::corpus::model::{Corpus, Source};
use crate::corpus::schema::Settings;
use crate::report::{json_claim, JsonClaim, JsonFinding};
use crate::review::{Reviews, Status};

/// Why an export could not be made.
#[derive(Debug)]
pub enum ExportError {
    Io(io::Error),
    /// ClaimReview needs the publisher (`claimcheck.toml`).
    NoPublisher,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Io(e) => write!(f, "{e}"),
            ExportError::NoPublisher => write!(
                f,
                "ClaimReview names who published the review, and this corpus does not say: add to {}:\n\n[publisher]\nname = \"Example Fact Check\"\nurl = \"https://factcheck.example.org\"\n# review_url = \"https://factcheck.example.org/reviews/{{finding}}\"",
                crate::corpus::settings::FILE
            ),
        }
    }
}

impl From<io::Error> for ExportError {
    fn from(e: io::Error) -> Self {
        ExportError::Io(e)
    }
}

/// One ClaimReview per rated claim of every finding whose verdict is
/// current (a stale verdict's ratings are left out until it is reviewed
/// again), as a JSON-LD document with a `@graph`, in finding and claim
/// order. Returns how many reviews were written.
pub fn claimreview(
    corpus: &Corpus,
    analysis: &Analysis,
    reviews: &Reviews,
    settings: &Settings,
    out: &mut dyn Write,
) -> Result<usize, ExportError> {
    let publisher = settings.publisher.as_ref().ok_or(ExportError::NoPublisher)?;
    let scale = settings.scale();
    let best = scale.len();
    let mut graph = Vec::new();
    for f in &analysis.findings {
        let Status::Reviewed(v) = reviews.status(f) else {
            continue;
        };
        for (claim_id, rating) in &v.ratings {
            let (Some(c), Some(position)) = (corpus.claim(claim_id), scale.iter().position(|s| s == rating)) else {
                continue;
            };
            let Some(s) = corpus.source(&c.source) else {
                continue;
            };
            let url = match &publisher.review_url {
                Some(t) => t.replace("{finding}", &f.id).replace("{claim}", &c.id),
                None => format!("{}#{}", publisher.url.trim_end_matches('/'), c.id),
            };
            // Stable: the same finding and claim give the same id.
            let id = format!("{}#claimreview-{}-{}", publisher.url.trim_end_matches('/'), f.id, c.id);
            let claim_author = match &c.said_by {
                Some(name) => json!({"@type": "Person", "name": name}),
                None => json!({"@type": "Organization", "name": s.outlet}),
            };
            let mut appearance = json!({
                "@type": "CreativeWork",
                "headline": s.title,
                "publisher": {"@type": "Organization", "name": s.outlet},
            });
            if let Some(u) = s.url.as_deref().filter(|u| crate::report::html::is_web_url(u)) {
                insert(&mut appearance, "url", json!(u));
            }
            if let Some(d) = day(s) {
                insert(&mut appearance, "datePublished", json!(d));
            }
            let mut item = json!({
                "@type": "Claim",
                "author": claim_author,
                "appearance": appearance,
            });
            if let Some(d) = day(s) {
                insert(&mut item, "datePublished", json!(d));
            }
            graph.push(json!({
                "@type": "ClaimReview",
                "@id": id,
                "url": url,
                "claimReviewed": c.quote,
                "datePublished": v.at,
                "author": {"@type": "Organization", "name": publisher.name, "url": publisher.url},
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": best - position,
                    "bestRating": best,
                    "worstRating": 1,
                    "alternateName": rating,
                },
                "itemReviewed": item,
            }));
        }
    }
    let n = graph.len();
    let doc = json!({"@context": "https://schema.org", "@graph": graph});
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)?;
    Ok(n)
}

/// Adds a field to a JSON object (a no-op on anything else).
fn insert(object: &mut Value, key: &str, value: Value) {
    if let Value::Object(m) = object {
        m.insert(key.to_string(), value);
    }
}

/// The source's publication day (ISO), when it is known to the day.
fn day(s: &Source) -> Option<String> {
    let i = s.published.resolved.interval;
    match (i.start, i.end) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        _ => None,
    }
}

/// One source as a JSON Lines record.
#[derive(Serialize)]
struct SourceLine<'a> {
    r#type: &'static str,
    id: &'a str,
    title: &'a str,
    outlet: &'a str,
    url: Option<&'a str>,
    published: &'a str,
    published_start: Option<String>,
    published_end: Option<String>,
    kind: &'a str,
    language: &'a str,
    voice: &'a str,
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
fn line<T: Serialize>(out: &mut dyn Write, record: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
