//! `claimcheck date`: how claimcheck reads a time expression, alone or a
//! batch of them.

use std::io::{self, BufRead, Write};

use super::args::{DateArgs, Format};
use super::ExitCode;
use crate::read::time::{self, Tense};

/// Reads one expression, or `published<TAB>expression` lines with `--batch`.
pub(super) fn date_command(
    a: DateArgs,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
    let DateArgs {
        expression,
        published,
        tense,
        format,
        batch,
        language,
        context,
    } = a;
    let language = language.as_deref();
    if batch {
        return date_batch(input, out, err, tense, language);
    }
    let Some(expression) = expression else {
        writeln!(
            err,
            "error: give an expression, e.g. claimcheck date \"last month\" --published 2025-06-09, or use --batch"
        )?;
        return Ok(2);
    };
    let how = Reading {
        tense,
        language,
        context: context.as_deref(),
    };
    date(&expression, published.as_deref(), how, format, out, err)
}

#[derive(serde::Serialize)]
struct DateJson<'a> {
    expression: &'a str,
    published: Option<String>,
    value: Option<String>,
    #[serde(rename = "mod")]
    modifier: Option<&'static str>,
    start: Option<String>,
    end: Option<String>,
    rule: Option<String>,
    /// The part of the day ("17:00-23:00", "16:30 UTC+08:00"), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    hours: Option<String>,
    /// The other reading, when the text does not decide between the two.
    #[serde(skip_serializing_if = "Option::is_none")]
    also: Option<String>,
    error: Option<String>,
}

/// How `claimcheck date` reads: the default direction, the article's
/// language, and the sentence around the expression.
#[derive(Clone, Copy)]
struct Reading<'a> {
    tense: Tense,
    language: Option<&'a str>,
    context: Option<&'a str>,
}

fn date_json<'a>(expression: &'a str, published: Option<jiff::civil::Date>, how: Reading<'_>) -> DateJson<'a> {
    match time::resolve_in_context(expression, published, how.tense, how.language, how.context) {
        Ok(r) => DateJson {
            expression,
            published: published.map(|d| d.to_string()),
            value: Some(r.value),
            modifier: r.modifier,
            start: r.interval.start.map(|d| d.to_string()),
            end: r.interval.end.map(|d| d.to_string()),
            rule: Some(r.rule),
            hours: r.hours.map(|h| h.human()),
            also: r.also,
            error: None,
        },
        Err(e) => DateJson {
            expression,
            published: published.map(|d| d.to_string()),
            value: None,
            modifier: None,
            start: None,
            end: None,
            rule: None,
            hours: None,
            also: None,
            error: Some(e.to_string()),
        },
    }
}

fn date(
    expression: &str,
    published: Option<&str>,
    how: Reading<'_>,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
    let published = match published.map(time::parse_day).transpose() {
        Ok(p) => p,
        Err(e) => {
            writeln!(err, "error: --published: {e}")?;
            return Ok(2);
        }
    };
    let j = date_json(expression, published, how);
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&j).map_err(io::Error::other)?)?,
        Format::Text => {
            if let Some(e) = &j.error {
                writeln!(err, "error: {e}")?;
                return Ok(2);
            }
            let value = j.value.clone().unwrap_or_default();
            let m = j.modifier.map(|m| format!(" (mod {m})")).unwrap_or_default();
            writeln!(out, "value:    {value}{m}")?;
            writeln!(
                out,
                "interval: {} .. {}",
                j.start.as_deref().unwrap_or("(open)"),
                j.end.as_deref().unwrap_or("(open)")
            )?;
            if let Some(h) = &j.hours {
                writeln!(out, "hours:    {h}")?;
            }
            writeln!(out, "rule:     {}", j.rule.as_deref().unwrap_or(""))?;
            if let Some(a) = &j.also {
                writeln!(out, "also:     {a} is about as likely: the text does not say which")?;
            }
        }
    }
    Ok(if j.error.is_some() { 2 } else { 0 })
}

/// `published<TAB>expression` lines in, one JSON object a line out. A bad
/// line gives an object with `error`, and the batch goes on.
fn date_batch(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    tense: Tense,
    language: Option<&str>,
) -> io::Result<ExitCode> {
    super::batch_lines(input, err, |line| {
        // published<TAB>expression[<TAB>sentence]
        let mut fields = line.splitn(3, '\t');
        let (Some(published), Some(expression), sentence) = (fields.next(), fields.next(), fields.next()) else {
            return Ok(Err("expected `published<TAB>expression`".to_string()));
        };
        let published = match time::parse_day(published) {
            Ok(p) => Some(p),
            Err(e) => return Ok(Err(e.to_string())),
        };
        let how = Reading {
            tense,
            language,
            context: sentence,
        };
        let j = date_json(expression, published, how);
        writeln!(out, "{}", serde_json::to_string(&j).map_err(io::Error::other)?)?;
        Ok(Ok(()))
    })
}
