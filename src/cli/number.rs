//! `claimcheck number`: how claimcheck reads a figure, alone or a batch of
//! them; the twin of `claimcheck date`.

use std::io::{self, BufRead, Write};

use super::args::{Format, NumberArgs};
use super::ExitCode;
use crate::read::quantity::{self, fmt_num, Form};

/// Reads one figure, or `expression<TAB>sentence` lines with `--batch`.
pub(super) fn number_command(
    a: NumberArgs,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
    let NumberArgs {
        expression,
        language,
        context,
        format,
        batch,
    } = a;
    if batch {
        return number_batch(input, out, err, language.as_deref());
    }
    let Some(expression) = expression else {
        writeln!(
            err,
            "error: give a figure, e.g. claimcheck number \"230.000\" --language pt, or use --batch"
        )?;
        return Ok(2);
    };
    let j = number_json(&expression, language.as_deref(), context.as_deref());
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&j).map_err(io::Error::other)?)?,
        Format::Text => {
            if let Some(e) = &j.error {
                writeln!(err, "error: {e}")?;
                return Ok(2);
            }
            let shown = |v: Option<f64>| v.map_or("(open)".to_string(), fmt_num);
            writeln!(out, "value:    {}", j.reading.unwrap_or_default())?;
            writeln!(out, "form:     {}", j.form.unwrap_or_default())?;
            writeln!(out, "interval: {} .. {}", shown(j.low), shown(j.high))?;
            if let Some(u) = &j.unit {
                writeln!(out, "unit:     {u}")?;
            }
            if let Some(a) = &j.also {
                writeln!(out, "also:     {a} is about as likely: the separators read both ways")?;
            }
        }
    }
    Ok(if j.error.is_some() { 2 } else { 0 })
}

/// One figure as JSON: its value (`null` for a range or a vague amount),
/// form, bounds, unit, the other reading when separators allow two, and
/// the error when it cannot be read.
#[derive(serde::Serialize)]
struct NumberJson<'a> {
    expression: &'a str,
    language: Option<&'a str>,
    value: Option<f64>,
    form: Option<&'static str>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    also: Option<String>,
    error: Option<String>,
    /// The reading in words, for the text output.
    #[serde(skip)]
    reading: Option<String>,
}

fn number_json<'a>(expression: &'a str, language: Option<&'a str>, context: Option<&str>) -> NumberJson<'a> {
    match quantity::read_figure(expression, language, context) {
        Ok(f) => {
            let form = f.reading.form;
            let (low, high) = form.interval(None);
            let finite = |v: f64| Some(v).filter(|v| v.is_finite());
            let value = match form {
                Form::Range { .. } => None,
                other => other.numbers().first().copied(),
            };
            NumberJson {
                expression,
                language,
                value,
                form: Some(form.name()),
                low: finite(low),
                high: finite(high),
                unit: f.unit,
                also: f.reading.also.map(|a| a.to_string()),
                error: None,
                reading: Some(form.to_string()),
            }
        }
        Err(e) => NumberJson {
            expression,
            language,
            value: None,
            form: None,
            low: None,
            high: None,
            unit: None,
            also: None,
            error: Some(e),
            reading: None,
        },
    }
}

/// `expression<TAB>sentence` lines in, one JSON object a line out. A line
/// that cannot be read gives an object with `error`, and the batch goes on.
fn number_batch(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    language: Option<&str>,
) -> io::Result<ExitCode> {
    super::batch_lines(input, err, |line| {
        let (expression, sentence) = match line.split_once('\t') {
            Some((e, s)) => (e, Some(s)),
            None => (line, None),
        };
        let j = number_json(expression, language, sentence);
        writeln!(out, "{}", serde_json::to_string(&j).map_err(io::Error::other)?)?;
        Ok(Ok(()))
    })
}
