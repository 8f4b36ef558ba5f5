//! `claimcheck report`, `export` and `show`: the findings of a clean corpus
//! in every format, for people and for other tools.

use std::io::{self, Write};
use std::path::Path;

use super::args::{ExportArgs, ExportFormat, ReportArgs, ReportFormat};
use super::{open_corpus, release, ExitCode};
use crate::report::{self, Filter};

/// Writes the report in the format asked, to standard output or a file;
/// exit 1 when `--fail-on` findings still need review.
pub(super) fn report(
    root: &Path,
    a: ReportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    let ReportArgs {
        format,
        kind,
        subject,
        source,
        all,
        fail_on,
        output,
    } = a;
    let Some((loaded, analysis, reviews)) = open_corpus(root, all, err, color)? else {
        return Ok(2);
    };
    let to_file = output.filter(|p| p.as_os_str() != "-");
    let mut file_bytes: Vec<u8> = Vec::new();
    // A report written to a file is never coloured.
    let (out, color): (&mut dyn Write, bool) = match &to_file {
        Some(_) => (&mut file_bytes, false),
        None => (out, color),
    };
    let filter = Filter {
        kinds: kind,
        subject,
        source,
        all,
    };
    let c = &loaded.corpus;
    // A report is written in one go: buffer it rather than paying a
    // system call per line.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut *out);
    match format {
        ReportFormat::Text => report::text(c, &analysis, &reviews, &filter, &mut buffered, color)?,
        ReportFormat::Markdown => report::markdown(c, &analysis, &reviews, &filter, &mut buffered)?,
        ReportFormat::Json => report::json(c, &analysis, &reviews, &filter, &mut buffered)?,
        ReportFormat::Html => crate::report::html::html(c, &analysis, &reviews, &filter, &mut buffered)?,
    }
    buffered.flush()?;
    drop(buffered);
    crate::timings::mark("report written");
    if let Some(path) = &to_file {
        if let Err(e) = crate::corpus::files::write_output(path, &file_bytes) {
            writeln!(err, "error: cannot write {}: {e}", path.display())?;
            return Ok(2);
        }
    }
    let failing = analysis
        .findings
        .iter()
        .filter(|f| fail_on.contains(&f.kind) && filter.keeps(f, &reviews) && reviews.needs_review(f))
        .count();
    if failing > 0 {
        writeln!(err, "{failing} finding(s) of the kinds given to --fail-on need review")?;
        return Ok(1);
    }
    release((loaded, analysis, reviews));
    Ok(0)
}

/// Writes ClaimReview JSON-LD or JSON Lines.
pub(super) fn export(
    root: &Path,
    a: ExportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    let ExportArgs { format, all, output } = a;
    let Some((loaded, analysis, reviews)) = open_corpus(root, all, err, color)? else {
        return Ok(2);
    };
    let mut bytes = Vec::new();
    let written = match format {
        ExportFormat::Claimreview => {
            crate::export::claimreview(&loaded.corpus, &analysis, &reviews, &loaded.settings, &mut bytes).map(Some)
        }
        ExportFormat::Jsonl => crate::export::jsonl(&loaded.corpus, &analysis, &reviews, &mut bytes)
            .map(|()| None)
            .map_err(crate::export::ExportError::Io),
    };
    let written = match written {
        Ok(w) => w,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(2);
        }
    };
    match output.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            if let Err(e) = crate::corpus::files::write_output(&path, &bytes) {
                writeln!(err, "error: cannot write {}: {e}", path.display())?;
                return Ok(2);
            }
        }
        None => out.write_all(&bytes)?,
    }
    if let Some(n) = written {
        writeln!(err, "{n} ClaimReview(s): one per rated claim of a current verdict")?;
    }
    Ok(0)
}

/// One question's timeline or one claim.
pub(super) fn show(
    root: &Path,
    what: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    let Some((loaded, analysis, _)) = open_corpus(root, false, err, color)? else {
        return Ok(2);
    };
    if report::show(&loaded.corpus, &analysis, what, out)? {
        return Ok(0);
    }
    let keys: Vec<String> = loaded.corpus.properties.iter().map(|p| p.key()).collect();
    let ids = loaded.corpus.claims.iter().map(|c| c.id.as_str());
    let near = crate::corpus::diag::did_you_mean(what, keys.iter().map(String::as_str).chain(ids));
    writeln!(err, "error: `{what}` is neither a subject/property nor a claim id")?;
    if let Some(n) = near {
        writeln!(err, "help: did you mean `{n}`?")?;
    }
    Ok(2)
}
