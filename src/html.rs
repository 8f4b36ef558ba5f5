//! The HTML report: one self-contained page (styles, script and charts
//! inline, nothing fetched) that an editor can judge a finding from.
//!
//! The page is built from a [`Page`] model, made here from the same
//! analysis as the other formats, and rendered by one minijinja template
//! (`src/html/report.html`) with auto-escaping on: every string from the
//! corpus reaches the page through the template's escaping, so a quote
//! holding `<script>` is shown as text. The timelines are inline SVG drawn
//! by the template from numbers computed here, never from markup built in
//! Rust. Shared data appears once: each source's text is in the page once,
//! with every curated quote marked, and findings link to it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;

use crate::compare::{Analysis, Finding, FindingKind};
use crate::model::{Claim, Corpus, Kind, Source};
use crate::report::{claim_time, claim_value, Filter};
use crate::review::{Reviews, Status};

const TEMPLATE: &str = include_str!("html/report.html");

/// How much text around a quote the finding shows, in bytes each side,
/// extended to the nearest sentence end.
const CONTEXT_BYTES: usize = 240;

#[derive(Serialize)]
struct Page<'a> {
    counts: Counts,
    kinds: Vec<(&'static str, usize)>,
    first: Vec<&'a str>,
    findings: Vec<HtmlFinding<'a>>,
    questions: Vec<Question<'a>>,
    sources: Vec<HtmlSource<'a>>,
    subjects: BTreeSet<&'a str>,
    source_ids: Vec<&'a str>,
}

#[derive(Serialize)]
struct Counts {
    sources: usize,
    voices: usize,
    questions: usize,
    claims: usize,
    findings: usize,
}

#[derive(Serialize)]
struct HtmlFinding<'a> {
    id: &'a str,
    kind: &'static str,
    reason: Option<String>,
    subject: &'a str,
    question_key: String,
    question: &'a str,
    summary: &'a str,
    sources: &'a [String],
    verdict: String,
    review: Option<String>,
    command: String,
    claims: Vec<HtmlClaim<'a>>,
    context: Vec<HtmlClaim<'a>>,
    has_timeline: bool,
}

#[derive(Serialize)]
struct HtmlClaim<'a> {
    id: &'a str,
    source: &'a str,
    outlet: &'a str,
    voice: &'a str,
    published: String,
    kind: &'a str,
    language: &'a str,
    said_by: Option<&'a str>,
    modality: &'static str,
    value: String,
    time: String,
    before: &'a str,
    quote: &'a str,
    after: &'a str,
    anchor: String,
    suspect: bool,
}

#[derive(Serialize)]
struct HtmlSource<'a> {
    id: &'a str,
    title: &'a str,
    outlet: &'a str,
    url: Option<&'a str>,
    published: &'a str,
    published_basis: &'a str,
    kind: &'a str,
    language: &'a str,
    voice: &'a str,
    paragraphs: Vec<Vec<Segment<'a>>>,
}

#[derive(Serialize)]
struct Segment<'a> {
    text: &'a str,
    claims: Vec<&'a str>,
}

#[derive(Serialize)]
struct Question<'a> {
    key: String,
    question: &'a str,
    kind: &'static str,
    timeline: Timeline,
}

/// A timeline's geometry in SVG user units, drawn by the template.
#[derive(Serialize, Default)]
struct Timeline {
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x_ticks: Vec<Tick>,
    y_ticks: Vec<Tick>,
    marks: Vec<Mark>,
    voices: Vec<(String, &'static str)>,
}

#[derive(Serialize)]
struct Tick {
    at: f64,
    label: String,
}

#[derive(Serialize)]
struct Mark {
    claim: String,
    label: String,
    x1: f64,
    x2: f64,
    y1: f64,
    y2: f64,
    x: f64,
    y: f64,
    open_left: bool,
    open_right: bool,
    open_down: bool,
    open_up: bool,
    shape: &'static str,
    hollow: bool,
    flag: &'static str,
}

/// Mark shapes, one per independent voice, so a chart reads without colour.
const SHAPES: [&str; 5] = ["circle", "square", "triangle", "diamond", "cross"];

/// Writes the HTML report of the findings `filter` keeps.
pub fn html(
    corpus: &Corpus,
    analysis: &Analysis,
    reviews: &Reviews,
    filter: &Filter,
    out: &mut dyn Write,
) -> io::Result<()> {
    let page = page(corpus, analysis, reviews, filter);
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template("report.html", TEMPLATE).map_err(io::Error::other)?;
    let template = env.get_template("report.html").map_err(io::Error::other)?;
    let html = template.render(&page).map_err(io::Error::other)?;
    out.write_all(html.as_bytes())
}

fn page<'a>(corpus: &'a Corpus, analysis: &'a Analysis, reviews: &Reviews, filter: &Filter) -> Page<'a> {
    let kept: Vec<&Finding> = analysis.findings.iter().filter(|f| filter.keeps(f, reviews)).collect();
    let quotes = quotes_by_source(corpus);
    let mut kinds: BTreeMap<FindingKind, usize> = BTreeMap::new();
    for f in &kept {
        *kinds.entry(f.kind).or_default() += 1;
    }
    // What needs review first: open or stale conflicts, then closer looks
    // and internal problems, in report order.
    let needs_review = |f: &&&Finding| !matches!(reviews.status(f), Status::Reviewed(_));
    let first: Vec<&str> = kept
        .iter()
        .filter(needs_review)
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::Conflict | FindingKind::CloserLook | FindingKind::Internal
            )
        })
        .take(10)
        .map(|f| f.id.as_str())
        .collect();
    let questions = questions(corpus, analysis);
    let drawn: BTreeSet<&str> = questions.iter().map(|q| q.key.as_str()).collect();
    let findings = kept
        .iter()
        .map(|f| {
            let mut h = finding(corpus, f, reviews);
            h.has_timeline = drawn.contains(h.question_key.as_str());
            h
        })
        .collect();
    let voices: BTreeSet<&str> = corpus.sources.iter().map(|s| s.voice.as_str()).collect();
    let sources = corpus.sources.iter().map(|s| source(s, &quotes)).collect();
    Page {
        counts: Counts {
            sources: corpus.sources.len(),
            voices: voices.len(),
            questions: corpus.properties.len(),
            claims: corpus.claims.len(),
            findings: kept.len(),
        },
        kinds: kinds.into_iter().map(|(k, n)| (k.name(), n)).collect(),
        first,
        findings,
        questions,
        sources,
        subjects: kept.iter().map(|f| f.subject.as_str()).collect(),
        source_ids: corpus.sources.iter().map(|s| s.id.as_str()).collect(),
    }
}

/// The quotes of each source, as byte ranges of its body (as anchoring
/// found them when loading) with their claim ids.
type Quotes<'a> = BTreeMap<&'a str, Vec<(usize, usize, &'a str)>>;

fn quotes_by_source(corpus: &Corpus) -> Quotes<'_> {
    let mut by_source: Quotes = BTreeMap::new();
    for c in &corpus.claims {
        by_source
            .entry(c.source.as_str())
            .or_default()
            .push((c.quote_span.start, c.quote_span.end, c.id.as_str()));
    }
    by_source
}

fn finding<'a>(corpus: &'a Corpus, f: &'a Finding, reviews: &Reviews) -> HtmlFinding<'a> {
    let (verdict, review) = match reviews.status(f) {
        Status::Open => ("open".to_string(), None),
        Status::Reviewed(v) => (
            v.verdict.clone(),
            Some(format!(
                "{} by {} on {}{}",
                v.verdict,
                v.by,
                v.at,
                v.note.as_ref().map(|n| format!(": {n}")).unwrap_or_default()
            )),
        ),
        Status::Stale(v) => (
            "stale".to_string(),
            Some(format!(
                "stale: {} by {} on {}; the claims changed since",
                v.verdict, v.by, v.at
            )),
        ),
    };
    let html_claim = |c: &'a Claim| -> Option<HtmlClaim<'a>> {
        let s = corpus.source(&c.source)?;
        let (before, quote, after) = in_context(s, &c.quote_span, &c.quote);
        Some(HtmlClaim {
            id: &c.id,
            source: &c.source,
            outlet: &s.outlet,
            voice: &s.voice,
            published: s.published.resolved.interval.human(),
            kind: &s.kind,
            language: &s.language,
            said_by: c.said_by.as_deref(),
            modality: c.modality.name(),
            value: claim_value(corpus, c),
            time: claim_time(c),
            before,
            quote,
            after,
            anchor: c.anchor.to_string(),
            suspect: f.suspects.contains(&c.id),
        })
    };
    let cards = |ids: &'a [String]| -> Vec<HtmlClaim<'a>> {
        ids.iter()
            .filter_map(|id| corpus.claim(id))
            .filter_map(html_claim)
            .collect()
    };
    let (claims, context) = (cards(&f.claims), cards(&f.context));
    HtmlFinding {
        id: &f.id,
        kind: f.kind.name(),
        reason: f.reason.map(|r| crate::report::serde_plain(&r)),
        subject: &f.subject,
        question_key: format!("{}/{}", f.subject, f.property),
        question: &f.question,
        summary: &f.summary,
        sources: &f.sources,
        verdict,
        review,
        command: format!("claimcheck review {} --verdict confirmed --note \"...\"", f.id),
        claims,
        context,
        has_timeline: false,
    }
}

/// The quote with the sentences around it in its source: (before, the
/// quote as printed, after). Without an anchor, the curated quote alone.
fn in_context<'a>(s: &'a Source, span: &std::ops::Range<usize>, quote: &'a str) -> (&'a str, &'a str, &'a str) {
    let body = s.body.as_str();
    let (start, end) = (span.start, span.end);
    if start > end || end > body.len() {
        return ("", quote, "");
    }
    let (start, end) = (
        crate::anchor::floor_char_boundary(body, start),
        crate::anchor::floor_char_boundary(body, end),
    );
    // Back to a sentence or paragraph start within the window.
    let lo = crate::anchor::floor_char_boundary(body, start.saturating_sub(CONTEXT_BYTES));
    let before = body.get(lo..start).unwrap_or("");
    let cut = before
        .rfind("\n\n")
        .map(|i| i + 2)
        .or_else(|| before.rfind(". ").map(|i| i + 2))
        .unwrap_or(0);
    let before = before.get(cut..).unwrap_or("");
    let hi = crate::anchor::floor_char_boundary(body, end.saturating_add(CONTEXT_BYTES).min(body.len()));
    let after = body.get(end..hi).unwrap_or("");
    let stop = after
        .find("\n\n")
        .or_else(|| after.find(". ").map(|i| i + 1))
        .unwrap_or(after.len());
    let after = after.get(..stop).unwrap_or("");
    (before, body.get(start..end).unwrap_or(quote), after)
}

/// A source's text in paragraphs, with every curated quote marked.
fn source<'a>(s: &'a Source, quotes: &Quotes<'a>) -> HtmlSource<'a> {
    let body = s.body.as_str();
    // Quote ranges of this source, as boundaries: at each byte where a
    // quote starts or ends, the set of quotes covering what follows changes.
    let mut cuts: BTreeSet<usize> = BTreeSet::new();
    let ranges: Vec<(usize, usize, &str)> = quotes
        .get(s.id.as_str())
        .map(|r| {
            r.iter()
                .copied()
                .filter(|(a, b, _)| a <= b && *b <= body.len())
                .collect()
        })
        .unwrap_or_default();
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for para in body.split("\n\n") {
        let (p_start, p_end) = (offset, offset + para.len());
        offset = p_end + 2;
        if para.trim().is_empty() {
            continue;
        }
        cuts.clear();
        cuts.insert(p_start);
        cuts.insert(p_end);
        let inside: Vec<&(usize, usize, &str)> = ranges.iter().filter(|(a, b, _)| *a < p_end && *b > p_start).collect();
        for (a, b, _) in &inside {
            cuts.insert((*a).clamp(p_start, p_end));
            cuts.insert((*b).clamp(p_start, p_end));
        }
        let cuts: Vec<usize> = cuts
            .iter()
            .map(|&c| crate::anchor::floor_char_boundary(body, c))
            .collect();
        let mut segments = Vec::new();
        for w in cuts.windows(2) {
            let (Some(&a), Some(&b)) = (w.first(), w.get(1)) else {
                continue;
            };
            if a >= b {
                continue;
            }
            let claims: Vec<&str> = inside
                .iter()
                .filter(|(x, y, _)| *x <= a && b <= *y)
                .map(|(_, _, id)| *id)
                .collect();
            segments.push(Segment {
                text: body.get(a..b).unwrap_or(""),
                claims,
            });
        }
        paragraphs.push(segments);
    }
    HtmlSource {
        id: &s.id,
        title: &s.title,
        outlet: &s.outlet,
        url: s.url.as_deref().filter(|u| is_web_url(u)),
        published: &s.published.text,
        published_basis: &s.published_basis,
        kind: &s.kind,
        language: &s.language,
        voice: &s.voice,
        paragraphs,
    }
}

/// Only `http(s)` links are written into the page: a `javascript:` or
/// `data:` URL from the corpus would run or load something when clicked.
pub fn is_web_url(u: &str) -> bool {
    let lower = u.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !u.chars().any(|c| c.is_control() || c == '"')
}

/// Timelines for every question with claims at two or more moments.
fn questions<'a>(corpus: &'a Corpus, analysis: &'a Analysis) -> Vec<Question<'a>> {
    let mut by_key: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for c in &corpus.claims {
        by_key.entry(c.key()).or_default().push(c);
    }
    // Claims flagged by a conflict or a closer look.
    let mut flags: BTreeMap<&str, &'static str> = BTreeMap::new();
    for f in &analysis.findings {
        let flag = match f.kind {
            FindingKind::Conflict => "conflict",
            FindingKind::CloserLook => "closer-look",
            _ => continue,
        };
        for id in &f.claims {
            flags.entry(id.as_str()).or_insert(flag);
        }
    }
    corpus
        .properties
        .iter()
        .filter_map(|p| {
            let key = format!("{}/{}", p.subject, p.property);
            let claims = by_key.get(&key)?;
            let moments: BTreeSet<_> = claims.iter().map(|c| (c.as_of.start, c.as_of.end)).collect();
            if moments.len() < 2 {
                return None;
            }
            Some(Question {
                timeline: timeline(corpus, p, claims, &flags),
                key,
                question: &p.question,
                kind: p.kind.name(),
            })
        })
        .collect()
}

fn timeline(
    corpus: &Corpus,
    p: &crate::model::Property,
    claims: &[&Claim],
    flags: &BTreeMap<&str, &'static str>,
) -> Timeline {
    let (width, height, left, right, top, bottom) = (760.0, 260.0, 110.0, 700.0, 20.0, 220.0);
    let mut claims = claims.to_vec();
    claims.sort_by(|a, b| crate::compare::moment::by_time(a, b));
    // The x domain: every known day.
    let days: Vec<i32> = claims
        .iter()
        .flat_map(|c| [c.as_of.start, c.as_of.end])
        .flatten()
        .map(day_number)
        .collect();
    let (Some(&d0), Some(&d1)) = (days.iter().min(), days.iter().max()) else {
        return Timeline::default();
    };
    let span = f64::from((d1 - d0).max(1));
    let x_of = |d: i32| left + (right - left) * f64::from(d - d0) / span;
    // The y axis: values for quantities, lanes for everything else.
    let quantity = p.kind == Kind::Quantity;
    let ranges: Vec<(f64, f64)> = claims
        .iter()
        .map(|c| {
            if quantity {
                crate::compare::quantity::range(p, c)
            } else {
                (0.0, 0.0)
            }
        })
        .collect();
    // Each claim's value in words, made once: lane, label and legend.
    let values: Vec<String> = claims.iter().map(|c| claim_value(corpus, c)).collect();
    let mut lanes: Vec<&str> = Vec::new();
    if !quantity {
        for v in &values {
            if !lanes.contains(&v.as_str()) {
                lanes.push(v);
            }
        }
    }
    let finite: Vec<f64> = ranges
        .iter()
        .flat_map(|(a, b)| [*a, *b])
        .filter(|v| v.is_finite())
        .collect();
    let (mut y0, mut y1) = finite.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(*v), hi.max(*v))
    });
    if !y0.is_finite() {
        (y0, y1) = (0.0, 1.0);
    }
    let pad = ((y1 - y0) * 0.1).max(y1.abs() * 0.05).max(1e-9);
    let (y0, y1) = (y0 - pad, y1 + pad);
    let y_of_value = |v: f64| bottom - (bottom - top) * (v - y0) / (y1 - y0);
    let lane_y = |i: usize| top + (bottom - top) * (i as f64 + 0.5) / lanes.len().max(1) as f64;
    let mut voices: Vec<String> = Vec::new();
    let mut marks = Vec::new();
    for ((c, (lo, hi)), value) in claims.iter().zip(&ranges).zip(&values) {
        let voice = corpus.source(&c.source).map(|s| s.voice.clone()).unwrap_or_default();
        let vi = voices.iter().position(|v| *v == voice).unwrap_or_else(|| {
            voices.push(voice.clone());
            voices.len() - 1
        });
        let (open_left, open_right) = (c.as_of.start.is_none(), c.as_of.end.is_none());
        let x1 = c.as_of.start.map_or(left, |d| x_of(day_number(d)));
        let x2 = c.as_of.end.map_or(right, |d| x_of(day_number(d)));
        let (y1v, y2v, open_down, open_up) = if quantity {
            let (a, b) = (lo.is_finite(), hi.is_finite());
            (
                if a { y_of_value(*lo) } else { bottom },
                if b { y_of_value(*hi) } else { top },
                !a,
                !b,
            )
        } else {
            let y = lane_y(lanes.iter().position(|l| l == value).unwrap_or(0));
            (y, y, false, false)
        };
        let x = if open_left && !open_right {
            x2
        } else if open_right && !open_left {
            x1
        } else {
            (x1 + x2) / 2.0
        };
        let y = if open_down && !open_up {
            y2v
        } else if open_up && !open_down {
            y1v
        } else {
            (y1v + y2v) / 2.0
        };
        marks.push(Mark {
            claim: c.id.clone(),
            label: format!("{}: {} ({}, {})", c.id, value, c.source, claim_time(c)),
            x1,
            x2,
            y1: y1v,
            y2: y2v,
            x,
            y,
            open_left,
            open_right,
            open_down,
            open_up,
            shape: SHAPES.get(vi % SHAPES.len()).copied().unwrap_or("circle"),
            hollow: !c.modality.commits(),
            flag: flags.get(c.id.as_str()).copied().unwrap_or(""),
        });
    }
    let x_ticks = (0..=4)
        .map(|i| {
            let d = d0 + ((d1 - d0) * i) / 4;
            Tick {
                at: x_of(d),
                label: date_of(d),
            }
        })
        .collect::<Vec<_>>();
    let mut x_ticks = x_ticks;
    x_ticks.dedup_by(|a, b| a.label == b.label);
    let y_ticks = if quantity {
        (0..=4)
            .map(|i| {
                let v = y0 + (y1 - y0) * f64::from(i) / 4.0;
                Tick {
                    at: y_of_value(v),
                    label: short_number(v),
                }
            })
            .collect()
    } else {
        lanes
            .iter()
            .enumerate()
            .map(|(i, l)| Tick {
                at: lane_y(i),
                label: l.chars().take(18).collect(),
            })
            .collect()
    };
    Timeline {
        width,
        height,
        left,
        right,
        top,
        bottom,
        x_ticks,
        y_ticks,
        marks,
        voices: voices
            .into_iter()
            .enumerate()
            .map(|(i, v)| (v, SHAPES.get(i % SHAPES.len()).copied().unwrap_or("circle")))
            .collect(),
    }
}

fn day_number(d: jiff::civil::Date) -> i32 {
    (d - jiff::civil::Date::ZERO).get_days()
}

fn date_of(n: i32) -> String {
    jiff::civil::Date::ZERO
        .checked_add(jiff::Span::new().days(i64::from(n)))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

fn short_number(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{:.2} bn", v / 1e9)
    } else if a >= 1e6 {
        format!("{:.2} m", v / 1e6)
    } else if a >= 1e4 {
        format!("{:.1} k", v / 1e3)
    } else if a >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::is_web_url;

    #[test]
    fn only_web_links_are_written() {
        assert!(is_web_url("https://example.org/a?b=c"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url(" data:text/html,<script>"));
        assert!(!is_web_url("https://example.org/\"onmouseover=\"x"));
    }
}
