//! `claimcheck check`: load and validate the corpus and its reviews, and
//! print every problem with its place.

use std::io::{self, Write};
use std::path::Path;

use super::{release, ExitCode};
use crate::compare;
use crate::corpus::load::{self, Loaded};
use crate::review;

/// Loads and validates the corpus and its reviews; verdicts whose finding
/// is gone are found only when there are verdicts.
pub(super) fn run(
    root: &Path,
    strict: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    let progress = crate::cli::progress::Progress::start("reading and checking the corpus");
    let mut loaded = load::load(root);
    let (reviews, diags) = review::load(root, &mut loaded.files);
    loaded.diagnostics.extend(diags);
    let ratings = review::check_ratings(&reviews, &loaded.settings.scale());
    loaded.diagnostics.extend(ratings);
    crate::corpus::diag::sort(&mut loaded.diagnostics);
    // Validation needs the findings' ids only to find verdicts whose
    // finding is gone, and not the look-alike and copy searches: a
    // corpus without verdicts is not compared at all.
    if loaded.errors() == 0 && !reviews.verdicts.is_empty() {
        progress.phase("comparing claims");
        // A verdict on a finding about retired claims is kept: it
        // is an orphan only if the finding is gone either way.
        let mut findings = compare::findings(&loaded.corpus);
        if loaded.corpus.has_retired() {
            let mut active = loaded.corpus.clone();
            active.drop_retired();
            findings.extend(compare::findings(&active));
        }
        let orphans = review::orphans(&reviews, &findings, &loaded.files);
        loaded.diagnostics.extend(orphans);
    }
    drop(progress);
    let code = check(&loaded, strict, out, err, color);
    release((loaded, reviews));
    code
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
        crate::corpus::diag::render(&loaded.diagnostics, &loaded.files, color)
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
