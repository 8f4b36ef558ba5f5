//! The HTML report: one self-contained page (styles, script and charts
//! inline, nothing fetched) that an editor can judge a finding from.
//!
//! The page is built from a [`Page`] model, made here from the same
//! analysis as the other formats, and rendered by one minijinja template
//! (`src/html/report.html`) with auto-escaping on: every string from the
//! corpus reaches the page through the template's escaping, so a quote
//! holding `<script>` is shown as text.
//!
//! The page stays quick with ten thousand findings by writing as markup
//! only what is read first (each finding's kind, reason, summary, verdict
//! and command; each timeline's heading) and the rest as data the page's
//! script draws when it comes into view: each source once, in an inert
//! `<script type="application/json">` element holding its text, its
//! metadata and its claims ([`SourceData`]); each timeline's geometry
//! ([`Timeline`]) likewise; each card's claim ids in an attribute. The script puts corpus strings on the page as text
//! (`textContent`), never as markup; the SVG is drawn from numbers
//! computed here.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;

use crate::compare::{Analysis, Finding, FindingKind};
use crate::corpus::model::{Claim, Corpus, Kind, Source};
use crate::report::{claim_time, claim_value, Filter};
use crate::review::{Reviews, Status};

const TEMPLATE: &str = include_str!("html/report.html");

#[derive(Serialize)]
struct Page<'a> {
    counts: Counts,
    kinds: Vec<(&'static str, usize)>,
    first: Vec<&'a str>,
    findings: Vec<HtmlFinding<'a>>,
    questions: Vec<Question<'a>>,
    sources: Vec<HtmlSource<'a>>,
    /// The chart frame every timeline shares ([`FRAME`]), as JSON.
    frame: String,
    /// The timelines' geometry, [`CHARTS_PER_BLOCK`] to a block of safe JSON
    /// ([`script_json`]): one element per chart or one for all costs a
    /// browser more than a few hundred middling ones.
    charts: Vec<String>,
}

#[derive(Serialize)]
struct Counts {
    sources: usize,
    voices: usize,
    questions: usize,
    claims: usize,
    findings: usize,
}

/// A finding's card as the page writes it: what is read first. Its claims
/// are drawn by the page's script from `data` ([`FindingClaims`]) when the
/// card comes into view, so a page of ten thousand findings opens without
/// building a million elements first.
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
    claims: usize,
    /// The claims the card draws, as `claim@source` ids separated by
    /// spaces (ids are slugs): what they say is in their source's data
    /// ([`SourceData`]), once however many findings show them. `refs` are
    /// the finding's claims, `context` the hedged or denied ones beside
    /// them, `suspects` the claim ids a conflict sets aside.
    refs: String,
    context: String,
    suspects: String,
    has_timeline: bool,
}

/// A source as the page writes it: an id, and everything else as data.
#[derive(Serialize)]
struct HtmlSource<'a> {
    id: &'a str,
    /// [`SourceData`] as safe JSON ([`script_json`]).
    data: String,
}

/// Everything the page knows of a source, in one inert
/// `<script type="application/json">` element per source: a browser parses
/// ten thousand small elements far faster than one large one (0.3 s against
/// 1.2 s for the same 54 MB, measured in Chromium), and the script reads
/// (`JSON.parse`) only the sources of what it draws.
#[derive(Serialize)]
struct SourceData<'a> {
    title: &'a str,
    outlet: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    /// The publication date as written, how it was established, and as read.
    published_text: &'a str,
    published_basis: &'a str,
    published: String,
    kind: &'a str,
    language: &'a str,
    voice: &'a str,
    text: &'a str,
    /// Claim id -> the claim, for every claim quoting this source.
    claims: BTreeMap<&'a str, ClaimData<'a>>,
}

#[derive(Serialize)]
struct ClaimData<'a> {
    /// The quote in the source's text, in UTF-16 code units (JavaScript's
    /// string indices): `[a, b)`.
    a: usize,
    b: usize,
    /// The curated quote, only when it has no place in the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    q: Option<&'a str>,
    /// Value and time in words, as the other reports print them.
    v: String,
    t: String,
    /// Modality.
    m: &'static str,
    /// Speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    /// Where the claim is written (file:line:col).
    at: String,
}

/// A question with a timeline, as the page writes it: its heading; its
/// chart is entry `index` of the timelines' data ([`Page::charts`]), drawn
/// by the script when it comes into view.
#[derive(Serialize)]
struct Question<'a> {
    key: String,
    question: &'a str,
    kind: &'static str,
    index: usize,
    #[serde(skip)]
    timeline: Timeline,
}

/// How many timelines share one data block.
const CHARTS_PER_BLOCK: usize = 64;

/// The chart frame, in SVG user units, shared by every timeline, and the
/// mark shapes ([`SHAPES`]) that marks name by index.
#[derive(Serialize)]
struct Frame {
    shapes: [&'static str; 5],
    charts_per_block: usize,
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

const FRAME: Frame = Frame {
    shapes: SHAPES,
    charts_per_block: CHARTS_PER_BLOCK,
    width: 760.0,
    height: 260.0,
    left: 110.0,
    right: 700.0,
    top: 20.0,
    bottom: 220.0,
};

/// A timeline's geometry inside [`FRAME`], drawn by the page's script.
#[derive(Serialize, Default)]
struct Timeline {
    x_ticks: Vec<Tick>,
    y_ticks: Vec<Tick>,
    marks: Vec<Mark>,
    /// Each independent voice and the shape of its marks.
    voices: Vec<(String, &'static str)>,
}

#[derive(Serialize)]
struct Tick {
    #[serde(serialize_with = "tenths")]
    at: f64,
    label: String,
}

/// One claim on a timeline.
struct Mark {
    claim: String,
    /// The claim's value, source and time in words (the mark's tooltip).
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
    /// Index into [`SHAPES`].
    shape: usize,
    hollow: bool,
    flag: &'static str,
}

/// A mark is written as an array, `[claim, label, x1, x2, y1, y2, x, y,
/// shape, flags]`, coordinates to a tenth of a unit and flags as bits (1
/// open left, 2 open right, 4 open down, 8 open up, 16 hollow, 32 conflict,
/// 64 needs a closer look): a newsroom archive draws 10^5 of them.
impl Serialize for Mark {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let bits = [
            self.open_left,
            self.open_right,
            self.open_down,
            self.open_up,
            self.hollow,
            self.flag == "conflict",
            self.flag == "closer-look",
        ]
        .iter()
        .enumerate()
        .fold(0u8, |bits, (i, &on)| if on { bits | (1 << i) } else { bits });
        let mut t = s.serialize_tuple(10)?;
        t.serialize_element(&self.claim)?;
        t.serialize_element(&self.label)?;
        for v in [self.x1, self.x2, self.y1, self.y2, self.x, self.y] {
            t.serialize_element(&tenth(v))?;
        }
        t.serialize_element(&self.shape)?;
        t.serialize_element(&bits)?;
        t.end()
    }
}

fn tenth(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn tenths<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(tenth(*v))
}

/// Mark shapes, one per independent voice, so a chart reads without colour.
const SHAPES: [&str; 5] = ["circle", "square", "triangle", "diamond", "cross"];

/// JSON that is safe as the content of a `<script type="application/json">`
/// element: `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so
/// no corpus string can close the element or open a comment. This is the
/// only text the template writes unescaped (`|safe`); the script reads it
/// with `JSON.parse` and puts it on the page as text, never as markup.
fn script_json<T: Serialize + ?Sized>(value: &T) -> io::Result<String> {
    let json = serde_json::to_string(value).map_err(io::Error::other)?;
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// JSON for an attribute: the template's escaping makes it safe there.
fn attribute_json<T: Serialize + ?Sized>(value: &T) -> io::Result<String> {
    serde_json::to_string(value).map_err(io::Error::other)
}

/// Writes the HTML report of the findings `filter` keeps.
pub fn html(
    corpus: &Corpus,
    analysis: &Analysis,
    reviews: &Reviews,
    filter: &Filter,
    out: &mut dyn Write,
) -> io::Result<()> {
    let page = page(corpus, analysis, reviews, filter)?;
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template("report.html", TEMPLATE).map_err(io::Error::other)?;
    let template = env.get_template("report.html").map_err(io::Error::other)?;
    let html = template.render(&page).map_err(io::Error::other)?;
    out.write_all(html.as_bytes())
}

fn page<'a>(corpus: &'a Corpus, analysis: &'a Analysis, reviews: &Reviews, filter: &Filter) -> io::Result<Page<'a>> {
    let kept: Vec<&Finding> = analysis.findings.iter().filter(|f| filter.keeps(f, reviews)).collect();
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
    let charts = questions
        .chunks(CHARTS_PER_BLOCK)
        .map(|block| script_json(&block.iter().map(|q| &q.timeline).collect::<Vec<_>>()))
        .collect::<io::Result<Vec<_>>>()?;
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
    let mut claims = claims(corpus);
    let sources = corpus
        .sources
        .iter()
        .map(|s| source(s, claims.remove(s.id.as_str()).unwrap_or_default()))
        .collect::<io::Result<Vec<_>>>()?;
    Ok(Page {
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
        frame: attribute_json(&FRAME)?,
        charts,
    })
}

/// Every claim as the page's script draws it, by source. Quote spans are
/// turned from byte offsets of the body (as anchoring found them when
/// loading) into JavaScript string indices, one pass over each text.
fn claims(corpus: &Corpus) -> BTreeMap<&str, BTreeMap<&str, ClaimData<'_>>> {
    let mut by_source: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in &corpus.claims {
        by_source.entry(c.source.as_str()).or_default().push(c);
    }
    let mut out = BTreeMap::new();
    for (id, claims) in by_source {
        let body = corpus.source(id).map(|s| s.body()).unwrap_or("");
        let mut offsets: Vec<usize> = claims
            .iter()
            .flat_map(|c| [c.quote_span.start, c.quote_span.end])
            .collect();
        let units = utf16_offsets(body, &mut offsets);
        let mut data = BTreeMap::new();
        for c in claims {
            let span = &c.quote_span;
            let placed = span.start < span.end && span.end <= body.len();
            let unit = |b: usize| units.get(&b).copied().unwrap_or(0);
            data.insert(
                c.id.as_str(),
                ClaimData {
                    a: if placed { unit(span.start) } else { 0 },
                    b: if placed { unit(span.end) } else { 0 },
                    q: (!placed).then_some(c.quote.as_str()),
                    v: claim_value(corpus, c),
                    t: claim_time(c),
                    m: c.modality.name(),
                    by: c.said_by.as_deref(),
                    at: c.anchor.to_string(),
                },
            );
        }
        out.insert(id, data);
    }
    out
}

/// The UTF-16 offset of each byte offset in `bytes` (sorted here), in one
/// pass over `text`. A byte offset inside a character counts from that
/// character's start.
fn utf16_offsets(text: &str, bytes: &mut [usize]) -> BTreeMap<usize, usize> {
    bytes.sort_unstable();
    let mut out = BTreeMap::new();
    let mut chars = text.char_indices().peekable();
    let mut units = 0;
    for &b in bytes.iter() {
        while let Some(&(i, ch)) = chars.peek() {
            if i + ch.len_utf8() > b {
                break;
            }
            units += ch.len_utf16();
            chars.next();
        }
        out.insert(b, units);
    }
    out
}

fn finding<'a>(corpus: &'a Corpus, f: &'a Finding, reviews: &Reviews) -> HtmlFinding<'a> {
    let (verdict, review) = match reviews.status(f) {
        Status::Open => ("open".to_string(), None),
        Status::Reviewed(v) => (v.verdict.clone(), Some(crate::report::verdict_words(v))),
        Status::Stale(v) => (
            "stale".to_string(),
            Some(format!(
                "stale: {} by {} on {}; the claims changed since",
                v.verdict, v.by, v.at
            )),
        ),
    };
    let refs = |ids: &'a [String]| -> String {
        let refs: Vec<String> = ids
            .iter()
            .filter_map(|id| corpus.claim(id))
            .map(|c| format!("{}@{}", c.id, c.source))
            .collect();
        refs.join(" ")
    };
    HtmlFinding {
        id: &f.id,
        kind: f.kind.name(),
        reason: f.reason.map(|r| crate::report::serde_plain(&r)),
        subject: &f.subject,
        question_key: crate::corpus::model::question_key(&f.subject, &f.property),
        question: &f.question,
        summary: &f.summary,
        sources: &f.sources,
        verdict,
        review,
        command: format!("claimcheck review {} --verdict confirmed --note \"...\"", f.id),
        claims: f.claims.len(),
        refs: refs(&f.claims),
        context: refs(&f.context),
        suspects: f.suspects.join(" "),
        has_timeline: false,
    }
}

fn source<'a>(s: &'a Source, claims: BTreeMap<&'a str, ClaimData<'a>>) -> io::Result<HtmlSource<'a>> {
    let data = SourceData {
        title: &s.title,
        outlet: &s.outlet,
        url: s.url.as_deref().filter(|u| crate::corpus::model::is_web_url(u)),
        published_text: &s.published.text,
        published_basis: &s.published_basis,
        published: s.published.resolved.interval.human(),
        kind: &s.kind,
        language: &s.language,
        voice: &s.voice,
        text: s.body(),
        claims,
    };
    Ok(HtmlSource {
        id: &s.id,
        data: script_json(&data)?,
    })
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
            let key = p.key();
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
                index: 0,
            })
        })
        .enumerate()
        .map(|(index, q)| Question { index, ..q })
        .collect()
}

fn timeline(
    corpus: &Corpus,
    p: &crate::corpus::model::Property,
    claims: &[&Claim],
    flags: &BTreeMap<&str, &'static str>,
) -> Timeline {
    let mut claims = claims.to_vec();
    claims.sort_by(|a, b| crate::compare::moment::by_time(a, b));
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
    let Some(scales) = Scales::new(&claims, &ranges, &values, quantity) else {
        return Timeline::default();
    };
    let mut voices: Vec<String> = Vec::new();
    let mut marks = Vec::new();
    for ((c, range), value) in claims.iter().zip(&ranges).zip(&values) {
        let voice = c
            .via
            .clone()
            .or_else(|| corpus.source(&c.source).map(|s| s.voice.clone()))
            .unwrap_or_default();
        let vi = voices.iter().position(|v| *v == voice).unwrap_or_else(|| {
            voices.push(voice.clone());
            voices.len() - 1
        });
        let mut mark = scales.mark(c, *range, value);
        mark.shape = vi % SHAPES.len();
        mark.flag = flags.get(c.id.as_str()).copied().unwrap_or("");
        marks.push(mark);
    }
    let (x_ticks, y_ticks) = scales.ticks();
    Timeline {
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

/// A timeline's axes: every known day across, and values (quantities) or
/// one lane per value (everything else) up.
struct Scales<'v> {
    d0: i32,
    d1: i32,
    y0: f64,
    y1: f64,
    quantity: bool,
    lanes: Vec<&'v str>,
}

impl<'v> Scales<'v> {
    /// `None` when no claim has a known day.
    fn new(claims: &[&Claim], ranges: &[(f64, f64)], values: &'v [String], quantity: bool) -> Option<Scales<'v>> {
        let days: Vec<i32> = claims
            .iter()
            .flat_map(|c| [c.as_of.start, c.as_of.end])
            .flatten()
            .map(day_number)
            .collect();
        let (Some(&d0), Some(&d1)) = (days.iter().min(), days.iter().max()) else {
            return None;
        };
        let mut lanes: Vec<&str> = Vec::new();
        if !quantity {
            for v in values {
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
        Some(Scales {
            d0,
            d1,
            y0: y0 - pad,
            y1: y1 + pad,
            quantity,
            lanes,
        })
    }

    fn x_of(&self, d: i32) -> f64 {
        let span = f64::from((self.d1 - self.d0).max(1));
        FRAME.left + (FRAME.right - FRAME.left) * f64::from(d - self.d0) / span
    }

    fn y_of_value(&self, v: f64) -> f64 {
        FRAME.bottom - (FRAME.bottom - FRAME.top) * (v - self.y0) / (self.y1 - self.y0)
    }

    fn lane_y(&self, i: usize) -> f64 {
        FRAME.top + (FRAME.bottom - FRAME.top) * (i as f64 + 0.5) / self.lanes.len().max(1) as f64
    }

    /// A claim's mark: its span of days across, its range or lane up, open
    /// ends where its time or value is unbounded; shape and flag unset.
    fn mark(&self, c: &Claim, (lo, hi): (f64, f64), value: &str) -> Mark {
        let Frame {
            left,
            right,
            top,
            bottom,
            ..
        } = FRAME;
        let (open_left, open_right) = (c.as_of.start.is_none(), c.as_of.end.is_none());
        let x1 = c.as_of.start.map_or(left, |d| self.x_of(day_number(d)));
        let x2 = c.as_of.end.map_or(right, |d| self.x_of(day_number(d)));
        let (y1v, y2v, open_down, open_up) = if self.quantity {
            let (a, b) = (lo.is_finite(), hi.is_finite());
            (
                if a { self.y_of_value(lo) } else { bottom },
                if b { self.y_of_value(hi) } else { top },
                !a,
                !b,
            )
        } else {
            let y = self.lane_y(self.lanes.iter().position(|l| *l == value).unwrap_or(0));
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
        Mark {
            claim: c.id.clone(),
            label: format!("{} ({}, {})", value, c.source, claim_time(c)),
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
            shape: 0,
            hollow: !c.modality.commits(),
            flag: "",
        }
    }

    /// Five dates across; five values or the lanes up.
    fn ticks(&self) -> (Vec<Tick>, Vec<Tick>) {
        let (d0, d1) = (self.d0, self.d1);
        let mut x_ticks = (0..=4)
            .map(|i| {
                let d = d0 + ((d1 - d0) * i) / 4;
                Tick {
                    at: self.x_of(d),
                    label: date_of(d),
                }
            })
            .collect::<Vec<_>>();
        x_ticks.dedup_by(|a, b| a.label == b.label);
        let y_ticks = if self.quantity {
            (0..=4)
                .map(|i| {
                    let v = self.y0 + (self.y1 - self.y0) * f64::from(i) / 4.0;
                    Tick {
                        at: self.y_of_value(v),
                        label: short_number(v),
                    }
                })
                .collect()
        } else {
            self.lanes
                .iter()
                .enumerate()
                .map(|(i, l)| Tick {
                    at: self.lane_y(i),
                    label: l.chars().take(18).collect(),
                })
                .collect()
        };
        (x_ticks, y_ticks)
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
    use super::{script_json, utf16_offsets};
    use crate::corpus::model::is_web_url;

    #[test]
    fn quote_offsets_become_javascript_string_indices() {
        // "é" is 2 bytes and 1 unit; "😀" is 4 bytes and 2 units.
        let text = "aé😀b";
        let mut bytes = vec![7, 0, 1, 3, 8];
        let units = utf16_offsets(text, &mut bytes);
        let got: Vec<(usize, usize)> = units.into_iter().collect();
        assert_eq!(got, vec![(0, 0), (1, 1), (3, 2), (7, 4), (8, 5)]);
    }

    #[test]
    fn data_cannot_close_its_script_element() {
        let json = script_json("</script><!-- & -->").unwrap();
        assert_eq!(json, r#""\u003c/script\u003e\u003c!-- \u0026 --\u003e""#);
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), "</script><!-- & -->");
    }

    #[test]
    fn only_web_links_are_written() {
        assert!(is_web_url("https://example.org/a?b=c"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url(" data:text/html,<script>"));
        assert!(!is_web_url("https://example.org/\"onmouseover=\"x"));
    }
}
