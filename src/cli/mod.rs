//! Command-line arguments and the commands they run.
//!
//! Arguments are parsed here (clap derive) and each command writes to the
//! `Write` it is given, never to the process's streams directly, so every
//! command can be tested in-process. Exit codes are fixed: 0 clean, 1 when
//! `report --fail-on` matched, 2 for data errors or bad usage.

mod args;
mod check;
mod corpus;
mod date;
mod number;
pub mod progress;
mod report;
mod review;
mod suggest;

pub use args::*;
pub use check::check;

use std::io::{self, BufRead, Write};

use crate::compare::{self, Analysis};
use crate::corpus::load::{self, Loaded};
use crate::review::Reviews;

/// Set by the binary: the process exits as soon as [`run`] returns, so a
/// command's corpus and analysis are left to the operating system, which
/// reclaims them at once, instead of being freed one allocation at a time
/// (a tenth of a second for 10^5 claims). Callers that go on (tests) free
/// them as usual.
static EXIT_AFTER_RUN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Tells [`run`] that the process exits when it returns.
pub fn exit_after_run() {
    EXIT_AFTER_RUN.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Runs `each` on every line of a batch that is not blank, without its line
/// end. A line that is not UTF-8, or that `each` refuses (`Ok(Err(why))`),
/// is reported on `err` with its number and the batch goes on; the exit
/// code is then 2. Shared by `date --batch` and `number --batch`.
fn batch_lines(
    input: &mut dyn BufRead,
    err: &mut dyn Write,
    mut each: impl FnMut(&str) -> io::Result<Result<(), String>>,
) -> io::Result<ExitCode> {
    let mut code = 0;
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            return Ok(code);
        }
        n += 1;
        let Ok(line) = std::str::from_utf8(&buf) else {
            writeln!(err, "error: line {n}: not valid UTF-8")?;
            code = 2;
            continue;
        };
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        if let Err(why) = each(line)? {
            writeln!(err, "error: line {n}: {why}")?;
            code = 2;
        }
    }
}

/// Drops a command's large values, or leaves them to the exiting process.
fn release<T>(value: T) {
    if EXIT_AFTER_RUN.load(std::sync::atomic::Ordering::Relaxed) {
        std::mem::forget(value);
    }
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
    let root = args.corpus.as_path();
    match args.command {
        Command::Check { strict } => check::run(root, strict, out, err, color),
        Command::Report(a) => report::report(root, a, out, err, color),
        Command::Export(a) => report::export(root, a, out, err, color),
        Command::Show { what } => report::show(root, &what, out, err, color),
        Command::Review(a) => review::review(root, a, input, out, err, color),
        Command::Init { dir } => corpus::init(root, dir, out, err),
        Command::Add { what } => corpus::add(root, what, input, out, err, color),
        Command::Schema { print } => corpus::schema(root, print, out, err),
        Command::Date(a) => date::date_command(a, input, out, err),
        Command::Number(a) => number::number_command(a, input, out, err),
        Command::Suggest(a) => suggest::suggest(root, a, out, err, color),
    }
}

/// Runs the comparison and reads the reviews; `false` when the corpus or
/// the review file has errors, in which case nothing should be reported.
fn analysed(loaded: &mut Loaded, root: &std::path::Path) -> (bool, Analysis, Reviews) {
    let analysis = compare::analyse(&loaded.corpus);
    let (reviews, diags) = crate::review::load(root, &mut loaded.files);
    loaded.diagnostics.extend(diags);
    // What `check` refuses, reports and exports refuse too.
    let ratings = crate::review::check_ratings(&reviews, &loaded.settings.scale());
    loaded.diagnostics.extend(ratings);
    crate::corpus::diag::sort(&mut loaded.diagnostics);
    (loaded.errors() == 0, analysis, reviews)
}

/// Loads, compares and reads the reviews for the commands that need a
/// clean corpus; `None` (exit 2) after showing why when it is not clean.
/// Retired claims and questions are left out unless `all`.
fn open_corpus(
    root: &std::path::Path,
    all: bool,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<Option<(Loaded, Analysis, Reviews)>> {
    let progress = crate::cli::progress::Progress::start("reading and checking the corpus");
    let mut loaded = load::load(root);
    if !all {
        loaded.corpus.drop_retired();
    }
    progress.phase("comparing claims, looking for copies");
    let (ok, analysis, reviews) = analysed(&mut loaded, root);
    drop(progress);
    if !ok {
        refuse(&loaded, err, color)?;
        return Ok(None);
    }
    Ok(Some((loaded, analysis, reviews)))
}

/// A corpus with errors is not compared: say so and show why.
fn refuse(loaded: &Loaded, err: &mut dyn Write, color: bool) -> io::Result<()> {
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::corpus::diag::Severity::Error)
        .cloned()
        .collect();
    write!(err, "{}", crate::corpus::diag::render(&errors, &loaded.files, color))?;
    writeln!(
        err,
        "error: the corpus has {} error(s); fix them first (see `claimcheck check`)",
        errors.len()
    )?;
    Ok(())
}
