//! schema.org ClaimReview (JSON-LD), which Google's Fact Check Tools and
//! others read, for every claim an editor rated.

use super::*;

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
            if let Some(u) = s.url.as_deref().filter(|u| crate::corpus::model::is_web_url(u)) {
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
pub(super) fn insert(object: &mut Value, key: &str, value: Value) {
    if let Value::Object(m) = object {
        m.insert(key.to_string(), value);
    }
}

/// The source's publication day (ISO), when it is known to the day.
pub(super) fn day(s: &Source) -> Option<String> {
    let i = s.published.resolved.interval;
    match (i.start, i.end) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        _ => None,
    }
}
