//! Reports: the findings of an analysis written as text (coloured on a
//! terminal), Markdown or JSON, and the timeline of one question (`show`).
//!
//! Writers take a `&mut dyn Write` and never touch the process's streams.
//! The JSON form is versioned (`version`) and documented in the README; its
//! field names are a contract with editors' scripts.

pub mod html;

use std::collections::BTreeMap;
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use rayon::prelude::*;
use serde::Serialize;

use crate::compare::{Analysis, Finding, FindingKind, Side};
use crate::corpus::model::{Claim, Corpus, Value};
use crate::review::{Reviews, Status};

/// The version of the JSON report format.
pub const JSON_VERSION: u32 = 2;

/// Which findings a report shows.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub kinds: Vec<FindingKind>,
    pub subject: Option<String>,
    pub source: Option<String>,
    /// Show dismissed findings too.
    pub all: bool,
}

impl Filter {
    pub fn keeps(&self, f: &Finding, reviews: &Reviews) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&f.kind))
            && self
                .subject
                .as_ref()
                .is_none_or(|s| f.subject == *s || crate::corpus::model::question_key(&f.subject, &f.property) == *s)
            && self.source.as_ref().is_none_or(|s| f.sources.contains(s))
            && (self.all || !matches!(reviews.status(f), Status::Reviewed(v) if v.verdict == "dismissed"))
    }
}

fn style(kind: FindingKind) -> Style {
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

fn section_title(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Conflict => "Conflicts",
        FindingKind::Framing => "Framing divergences",
        FindingKind::Internal => "Internal checks",
        FindingKind::CloserLook => "Needs a closer look",
        FindingKind::SingleSource => "Single-source assertions",
        FindingKind::Change => "Changes over time",
        FindingKind::Agreement => "Agreements",
    }
}

fn claim<'a>(corpus: &'a Corpus, id: &str) -> Option<&'a Claim> {
    corpus.claim(id)
}

/// The claim's time in words: "since mid-2024 (2024-05-01..2024-08-31), as of 2025-03-29".
pub fn claim_time(c: &Claim) -> String {
    let since = c
        .since
        .as_ref()
        .map(|s| format!("since {}, ", with_reading(&s.text, &s.resolved.interval.human())))
        .unwrap_or_default();
    let as_of = match &c.as_of_text {
        // "as of Thursday", not "as of on Thursday".
        Some(t) => format!(
            "as of {}",
            with_reading(
                t.trim_start_matches("on ").trim_start_matches("in "),
                &crate::compare::moment::words(c)
            )
        ),
        None => format!("as of {}", crate::compare::moment::words(c)),
    };
    format!("{since}{as_of}")
}

/// "mid-2024 (2024-05-01 to 2024-08-31)", or just "2024-05-07" when the
/// words are the reading.
fn with_reading(text: &str, reading: &str) -> String {
    if text == reading {
        text.to_string()
    } else {
        format!("{text} ({reading})")
    }
}

pub(crate) fn claim_value(corpus: &Corpus, c: &Claim) -> String {
    match &c.value {
        Value::Date(t) if t.text == t.resolved.interval.human() => t.text.clone(),
        Value::Date(t) => format!("{} (\"{}\")", t.resolved.interval.human(), t.text),
        Value::Quantity(q) => match corpus.property(&c.key()).and_then(|p| p.unit.as_ref()) {
            Some(u) => format!("{q} {u}"),
            None => q.to_string(),
        },
        v => v.to_string(),
    }
}

fn counts(f: &Finding) -> String {
    let n = f.sources.len();
    format!(
        "{n} source{}, {} independent voice{}",
        if n == 1 { "" } else { "s" },
        f.independent_voices,
        if f.independent_voices == 1 { "" } else { "s" }
    )
}

/// The findings the filter keeps, counted and grouped by kind in report order.
fn sections<'a>(
    analysis: &'a Analysis,
    reviews: &Reviews,
    filter: &Filter,
) -> (usize, BTreeMap<FindingKind, Vec<&'a Finding>>) {
    let mut by_kind: BTreeMap<FindingKind, Vec<&Finding>> = BTreeMap::new();
    let mut shown = 0;
    for f in analysis.findings.iter().filter(|f| filter.keeps(f, reviews)) {
        by_kind.entry(f.kind).or_default().push(f);
        shown += 1;
    }
    (shown, by_kind)
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

fn review_line(reviews: &Reviews, f: &Finding) -> Option<String> {
    match reviews.status(f) {
        Status::Open => None,
        Status::Reviewed(v) => Some(format!("reviewed: {}", verdict_words(v))),
        Status::Stale(v) => Some(format!(
            "STALE review: {} by {} on {}; the claims changed since, look again",
            v.verdict, v.by, v.at
        )),
    }
}

/// A verdict in words, with its note and how it rated the claims (the
/// finding's resolution): "confirmed by ana on 2025-10-02: checked the
/// statement; rated tms-csto-withdrawn: inaccurate".
pub(crate) fn verdict_words(v: &crate::review::Verdict) -> String {
    let ratings: Vec<String> = v.ratings.iter().map(|(c, r)| format!("{c}: {r}")).collect();
    format!(
        "{} by {} on {}{}{}",
        v.verdict,
        v.by,
        v.at,
        v.note.as_ref().map(|n| format!(": {n}")).unwrap_or_default(),
        if ratings.is_empty() {
            String::new()
        } else {
            format!("; rated {}", ratings.join(", "))
        }
    )
}

/// A serde enum's kebab-case name.
pub(crate) fn serde_plain<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

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
fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    corpus: JsonCounts,
    findings: Vec<JsonFinding<'a, JsonClaim<'a>>>,
    possible_copies: &'a [crate::compare::PossibleCopy],
    similar_questions: &'a [crate::compare::SimilarQuestions],
}

#[derive(Serialize)]
struct JsonCounts {
    sources: usize,
    properties: usize,
    claims: usize,
    findings: usize,
}

/// A finding as the JSON formats write it. The JSON report embeds its
/// claims (`C` = [`JsonClaim`]); JSON Lines names them by id (`C` = `&str`),
/// each claim being its own line.
#[derive(Serialize)]
pub(crate) struct JsonFinding<'a, C> {
    id: &'a str,
    kind: &'static str,
    subject: &'a str,
    property: &'a str,
    question: &'a str,
    summary: &'a str,
    independent_voices: usize,
    reason: Option<String>,
    sources: &'a [String],
    agreed_interval: Option<String>,
    agreed: Option<&'a str>,
    sides: &'a [Side],
    suspects: &'a [String],
    review: Option<JsonReview>,
    claims: Vec<C>,
    context: Vec<C>,
}

impl<'a, C> JsonFinding<'a, C> {
    /// The finding, its claims and context made by `claim` from their ids.
    pub(crate) fn new(f: &'a Finding, reviews: &Reviews, claim: impl Fn(&'a str) -> Option<C>) -> Self {
        JsonFinding {
            id: &f.id,
            kind: f.kind.name(),
            subject: &f.subject,
            property: &f.property,
            question: &f.question,
            summary: &f.summary,
            independent_voices: f.independent_voices,
            reason: f.reason.map(|r| serde_plain(&r)),
            sources: &f.sources,
            agreed_interval: f.agreed_interval.map(|i| i.to_string()),
            agreed: f.agreed.as_deref(),
            sides: &f.sides,
            suspects: &f.suspects,
            review: json_review(reviews, f),
            claims: f.claims.iter().filter_map(|id| claim(id)).collect(),
            context: f.context.iter().filter_map(|id| claim(id)).collect(),
        }
    }
}

#[derive(Serialize)]
pub(crate) struct JsonReview {
    verdict: String,
    by: String,
    at: String,
    note: Option<String>,
    stale: bool,
    /// Claim id -> the editor's rating, when the verdict resolved the
    /// finding by rating its claims.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    ratings: std::collections::BTreeMap<String, String>,
}

#[derive(Serialize)]
pub(crate) struct JsonClaim<'a> {
    id: &'a str,
    source: &'a str,
    quote: &'a str,
    value: JsonValue<'a>,
    as_of: Shown<crate::read::time::Interval>,
    /// The part of the day ("17:00-23:00", "16:30 UTC+08:00"), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of_hours: Option<String>,
    since: Option<Shown<crate::read::time::Interval>>,
    said_by: Option<&'a str>,
    modality: &'static str,
    anchor: Shown<&'a crate::corpus::model::Loc>,
    location: Shown<&'a crate::corpus::model::Loc>,
}

/// A value written as the string its `Display` gives, straight into the
/// output: a report writes 10^5 claims, each with several such fields,
/// and a `String` for each was a needless allocation and copy.
pub(crate) struct Shown<T>(T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// A claim's value as JSON, written directly rather than through
/// `serde_json::Value` (a report writes 10^5 of them). Objects keep the
/// alphabetical key order the format has always had.
pub(crate) enum JsonValue<'a> {
    Text(&'a str),
    Bool(bool),
    Date(&'a crate::corpus::model::TimeText),
    Quantity(crate::read::quantity::Form),
}

impl Serialize for JsonValue<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::read::quantity::Form;
        use serde::ser::SerializeMap;
        match self {
            JsonValue::Text(t) => s.serialize_str(t),
            JsonValue::Bool(b) => s.serialize_bool(*b),
            JsonValue::Date(t) => {
                let mut m = s.serialize_map(Some(5))?;
                m.serialize_entry("end", &t.resolved.interval.end.map(|d| d.to_string()))?;
                m.serialize_entry("mod", &t.resolved.modifier)?;
                m.serialize_entry("start", &t.resolved.interval.start.map(|d| d.to_string()))?;
                m.serialize_entry("text", &t.text)?;
                m.serialize_entry("value", &t.resolved.value)?;
                m.end()
            }
            JsonValue::Quantity(f) => {
                let (form, bounds): (&str, &[(&str, f64)]) = match f {
                    Form::Exact { value } => ("exact", &[("value", *value)]),
                    Form::Approx { value } => ("approx", &[("value", *value)]),
                    Form::Range { low, high } => ("range", &[("high", *high), ("low", *low)]),
                    Form::AtLeast { value } => ("at-least", &[("value", *value)]),
                    Form::AtMost { value } => ("at-most", &[("value", *value)]),
                    Form::JustUnder { value } => ("just-under", &[("value", *value)]),
                    Form::JustOver { value } => ("just-over", &[("value", *value)]),
                };
                let mut m = s.serialize_map(Some(1 + bounds.len()))?;
                m.serialize_entry("form", form)?;
                for (k, v) in bounds {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

pub(crate) fn json_claim(c: &Claim) -> JsonClaim<'_> {
    let value = match &c.value {
        Value::State(s) | Value::Framing(s) => JsonValue::Text(s),
        Value::Fact(b) => JsonValue::Bool(*b),
        Value::Date(t) => JsonValue::Date(t),
        Value::Quantity(f) => JsonValue::Quantity(*f),
    };
    JsonClaim {
        id: &c.id,
        source: &c.source,
        quote: &c.quote,
        value,
        as_of: Shown(c.as_of),
        as_of_hours: c.as_of_hours.map(|h| h.human()),
        since: c.since.as_ref().map(|s| Shown(s.resolved.interval)),
        said_by: c.said_by.as_deref(),
        modality: c.modality.name(),
        anchor: Shown(&c.anchor),
        location: Shown(&c.loc),
    }
}

/// A finding's verdict as the JSON formats write it.
pub(crate) fn json_review(reviews: &Reviews, f: &Finding) -> Option<JsonReview> {
    match reviews.status(f) {
        Status::Open => None,
        status @ (Status::Reviewed(v) | Status::Stale(v)) => Some(JsonReview {
            verdict: v.verdict.clone(),
            by: v.by.clone(),
            at: v.at.clone(),
            note: v.note.clone(),
            stale: matches!(status, Status::Stale(_)),
            ratings: v.ratings.clone(),
        }),
    }
}

/// The JSON report (format version [`JSON_VERSION`]).
pub fn json(
    corpus: &Corpus,
    analysis: &Analysis,
    reviews: &Reviews,
    filter: &Filter,
    out: &mut dyn Write,
) -> io::Result<()> {
    let kept: Vec<&Finding> = analysis.findings.iter().filter(|f| filter.keeps(f, reviews)).collect();
    let report = JsonReport {
        version: JSON_VERSION,
        corpus: JsonCounts {
            sources: corpus.sources.len(),
            properties: corpus.properties.len(),
            claims: corpus.claims.len(),
            findings: kept.len(),
        },
        findings: Vec::new(),
        possible_copies: &analysis.possible_copies,
        similar_questions: &analysis.similar_questions,
    };
    let frame = serde_json::to_string_pretty(&report).map_err(io::Error::other)?;
    let slot = "\"findings\": []";
    let (head, tail) = frame.split_once(slot).unwrap_or((frame.as_str(), ""));
    out.write_all(head.as_bytes())?;
    if kept.is_empty() {
        out.write_all(slot.as_bytes())?;
    } else {
        out.write_all(b"\"findings\": [\n")?;
        // The findings are most of a large report: each is made and
        // serialised on its own, on every core, indented to its place in
        // the array, and spliced into the rest, giving the same bytes as
        // serialising the whole at once. A chunk at a time, so the
        // rendered text in memory stays a few megabytes whatever the size;
        // within a chunk, a run of findings shares one buffer.
        const CHUNK: usize = 1024;
        const RUN: usize = 32;
        // Findings name their claims by id: looked up in a hash map made
        // once rather than by binary search over long, alike ids.
        let by_id: std::collections::HashMap<
            &str,
            &Claim,
            std::hash::BuildHasherDefault<crate::corpus::model::IdHasher>,
        > = corpus.claims.iter().map(|c| (c.id.as_str(), &**c)).collect();
        for (n, chunk) in kept.chunks(CHUNK).enumerate() {
            let rendered: Vec<Vec<u8>> = chunk
                .par_chunks(RUN)
                .map(|run| {
                    let mut buf = Vec::new();
                    for (i, f) in run.iter().enumerate() {
                        if i > 0 {
                            buf.extend_from_slice(b",\n");
                        }
                        let finding = JsonFinding::new(f, reviews, |id| by_id.get(id).map(|c| json_claim(c)));
                        nested_pretty(&mut buf, b"    ", &finding)?;
                    }
                    Ok(buf)
                })
                .collect::<Result<_, serde_json::Error>>()
                .map_err(io::Error::other)?;
            for (i, run) in rendered.iter().enumerate() {
                if n > 0 || i > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(run)?;
            }
        }
        out.write_all(b"\n  ]")?;
    }
    out.write_all(tail.as_bytes())?;
    writeln!(out)
}

/// Writes `value` as serde_json's pretty printing (two spaces a level)
/// with `pad` before every line: the same bytes as printing it alone and
/// indenting each line, in one pass.
fn nested_pretty(buf: &mut Vec<u8>, pad: &[u8], value: &impl Serialize) -> serde_json::Result<()> {
    buf.extend_from_slice(pad);
    let formatter = NestedPretty {
        pad,
        level: 0,
        has_value: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(buf, formatter))
}

/// serde_json's `PrettyFormatter`, with `pad` after every line break.
struct NestedPretty<'p> {
    pad: &'p [u8],
    level: usize,
    has_value: bool,
}

impl NestedPretty<'_> {
    fn line<W: ?Sized + Write>(&self, w: &mut W, after_value: bool) -> io::Result<()> {
        w.write_all(if after_value { b",\n" } else { b"\n" })?;
        w.write_all(self.pad)?;
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    /// Opens a list or table (`[` or `{`), a level deeper.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// Closes it, on a line of its own unless it was empty.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level = self.level.saturating_sub(1);
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for NestedPretty<'_> {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

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

fn show_question(
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
            crate::corpus::model::question_key(&f.subject, &f.property) == key
                && only.is_none_or(|o| f.claims.iter().any(|c| c == o))
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

#[cfg(test)]
mod tests {
    /// Nested pretty printing is serde_json's pretty printing with every
    /// line indented: empty and nested lists and tables, and strings with
    /// escaped line breaks (which are not lines).
    #[test]
    fn nested_pretty_is_pretty_printing_indented() {
        let value = serde_json::json!({
            "empty": [], "none": {}, "list": [1, [2, []], {"a": "x\ny", "b": {}}],
            "text": "quote \"with\" marks", "n": null,
        });
        for pad in [&b""[..], b"  ", b"    "] {
            let mut nested = Vec::new();
            super::nested_pretty(&mut nested, pad, &value).unwrap();
            let plain = serde_json::to_string_pretty(&value).unwrap();
            let pad = std::str::from_utf8(pad).unwrap();
            let indented: Vec<String> = plain.lines().map(|l| format!("{pad}{l}")).collect();
            assert_eq!(String::from_utf8(nested).unwrap(), indented.join("\n"));
        }
    }
}
