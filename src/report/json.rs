//! The report as JSON: versioned (`version`), its field names a contract
//! with editors' scripts; large reports are written in parallel chunks.

use super::*;

#[derive(Serialize)]
pub(super) struct JsonReport<'a> {
    pub(super) version: u32,
    pub(super) corpus: JsonCounts,
    pub(super) findings: Vec<JsonFinding<'a, JsonClaim<'a>>>,
    pub(super) possible_copies: &'a [crate::compare::PossibleCopy],
    pub(super) similar_questions: &'a [crate::compare::SimilarQuestions],
}

#[derive(Serialize)]
pub(super) struct JsonCounts {
    pub(super) sources: usize,
    pub(super) properties: usize,
    pub(super) claims: usize,
    pub(super) findings: usize,
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
    /// The page update whose moment the claim takes, when it gives no time
    /// of its own on a page updated in place.
    #[serde(skip_serializing_if = "Option::is_none")]
    update: Option<&'a str>,
    /// The figure as written, when in another unit than the question's
    /// ("277 miles"); `value` is its conversion.
    #[serde(skip_serializing_if = "Option::is_none")]
    written: Option<&'a str>,
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
                // The other reading, when the quote does not decide (added
                // within version 2: present only then).
                if let Some(also) = &t.resolved.also {
                    m.serialize_entry("also", also)?;
                }
                m.serialize_entry("end", &t.resolved.interval.end.map(|d| d.to_string()))?;
                m.serialize_entry("mod", &t.resolved.modifier)?;
                m.serialize_entry("start", &t.resolved.interval.start.map(|d| d.to_string()))?;
                m.serialize_entry("text", &t.text)?;
                m.serialize_entry("value", &t.resolved.value)?;
                m.end()
            }
            JsonValue::Quantity(f) => {
                let bounds: &[(&str, f64)] = match f {
                    Form::Range { low, high } => &[("high", *high), ("low", *low)],
                    Form::Exact { value }
                    | Form::Approx { value }
                    | Form::AtLeast { value }
                    | Form::AtMost { value }
                    | Form::MoreThan { value }
                    | Form::LessThan { value }
                    | Form::JustUnder { value }
                    | Form::JustOver { value } => &[("value", *value)],
                };
                let mut m = s.serialize_map(Some(1 + bounds.len()))?;
                m.serialize_entry("form", f.name())?;
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
        update: c.as_of_text.as_deref().filter(|_| c.under_update),
        written: c.converted.as_ref().map(|k| k.written.as_str()),
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
pub(super) fn nested_pretty(buf: &mut Vec<u8>, pad: &[u8], value: &impl Serialize) -> serde_json::Result<()> {
    buf.extend_from_slice(pad);
    let formatter = NestedPretty {
        pad,
        level: 0,
        has_value: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(buf, formatter))
}

/// serde_json's `PrettyFormatter`, with `pad` after every line break.
pub(super) struct NestedPretty<'p> {
    pub(super) pad: &'p [u8],
    pub(super) level: usize,
    pub(super) has_value: bool,
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
