//! Command-line arguments and the commands they run.
//!
//! Arguments are parsed here (clap derive) and each command writes to the
//! `Write` it is given, never to the process's streams directly, so every
//! command can be tested in-process. Exit codes are fixed: 0 clean, 1 when
//! `report --fail-on` matched, 2 for data errors or bad usage.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::load::{self, Loaded};
use crate::time::{self, Tense};

/// Anchor, compare and review curated news claims across sources.
#[derive(Parser, Debug)]
#[command(name = "claimcheck", version, about, long_about = None)]
pub struct Args {
    /// The corpus folder (holding sources/ and claims/).
    #[arg(long, global = true, default_value = ".")]
    pub corpus: PathBuf,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Load and validate the corpus; report every problem with file:line:col.
    Check {
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Show how claimcheck reads a time expression.
    Date {
        /// The expression, e.g. "last month" (omit with --batch).
        expression: Option<String>,
        /// The day relative expressions count from (YYYY-MM-DD).
        #[arg(long)]
        published: Option<String>,
        /// How to place a bare month or weekday: past, future, or nearest.
        #[arg(long, value_enum, default_value_t = Tense::Nearest)]
        tense: Tense,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Read `published<TAB>expression` lines from standard input; write JSON lines.
        #[arg(long)]
        batch: bool,
    },
}

/// What a command asks of the process: its exit code.
pub type ExitCode = i32;

/// Runs the parsed command, writing normal output to `out` and diagnostics to `err`.
pub fn run(
    args: Args,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    match args.command {
        Command::Check { strict } => {
            let loaded = load::load(&args.corpus);
            check(&loaded, strict, out, err, color)
        }
        Command::Date {
            expression,
            published,
            tense,
            format,
            batch,
        } => {
            if batch {
                return date_batch(input, out, err, tense);
            }
            let Some(expression) = expression else {
                writeln!(err, "error: give an expression, e.g. claimcheck date \"last month\" --published 2025-06-09, or use --batch")?;
                return Ok(2);
            };
            date(&expression, published.as_deref(), tense, format, out, err)
        }
    }
}

/// Prints every diagnostic and a summary line; exit 2 on errors (or
/// warnings with `--strict`).
pub fn check(
    loaded: &Loaded,
    strict: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    write!(
        err,
        "{}",
        crate::diag::render(&loaded.diagnostics, &loaded.files, color)
    )?;
    let c = &loaded.corpus;
    let (errors, warnings) = (loaded.errors(), loaded.warnings());
    writeln!(
        out,
        "checked {} sources, {} properties, {} claims: {} error{}, {} warning{}",
        c.sources.len(),
        c.properties.len(),
        c.claims.len(),
        errors,
        if errors == 1 { "" } else { "s" },
        warnings,
        if warnings == 1 { "" } else { "s" },
    )?;
    Ok(if errors > 0 || (strict && warnings > 0) { 2 } else { 0 })
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
    error: Option<String>,
}

fn date_json<'a>(expression: &'a str, published: Option<jiff::civil::Date>, tense: Tense) -> DateJson<'a> {
    match time::resolve(expression, published, tense) {
        Ok(r) => DateJson {
            expression,
            published: published.map(|d| d.to_string()),
            value: Some(r.value),
            modifier: r.modifier,
            start: r.interval.start.map(|d| d.to_string()),
            end: r.interval.end.map(|d| d.to_string()),
            rule: Some(r.rule),
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
            error: Some(e.to_string()),
        },
    }
}

fn date(
    expression: &str,
    published: Option<&str>,
    tense: Tense,
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
    let j = date_json(expression, published, tense);
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&j).expect("plain data serialises"))?,
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
            writeln!(out, "rule:     {}", j.rule.as_deref().unwrap_or(""))?;
        }
    }
    Ok(if j.error.is_some() { 2 } else { 0 })
}

/// `published<TAB>expression` lines in, one JSON object a line out. A bad
/// line gives an object with `error`, and the batch goes on.
fn date_batch(input: &mut dyn BufRead, out: &mut dyn Write, err: &mut dyn Write, tense: Tense) -> io::Result<ExitCode> {
    let mut code = 0;
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let Some((published, expression)) = line.split_once('\t') else {
            writeln!(err, "error: line {}: expected `published<TAB>expression`", n + 1)?;
            code = 2;
            continue;
        };
        let published = match time::parse_day(published) {
            Ok(p) => Some(p),
            Err(e) => {
                writeln!(err, "error: line {}: {e}", n + 1)?;
                code = 2;
                continue;
            }
        };
        let j = date_json(expression, published, tense);
        writeln!(out, "{}", serde_json::to_string(&j).expect("plain data serialises"))?;
    }
    Ok(code)
}
