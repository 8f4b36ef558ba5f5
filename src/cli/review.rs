//! `claimcheck review`: list the findings that need review, record a
//! verdict with its ratings, or step through them one at a time.

use std::io::{self, BufRead, Write};
use std::path::Path;

use super::args::ReviewArgs;
use super::{open_corpus, ExitCode};
use crate::compare::{self, Analysis};
use crate::corpus::load::Loaded;
use crate::read::time;
use crate::review::{self, NewVerdict, Reviews};

/// Lists open findings, records one verdict, or asks for each in turn.
pub(super) fn review(
    root: &Path,
    a: ReviewArgs,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    let ReviewArgs {
        finding,
        verdict,
        note,
        by,
        at,
        interactive,
        rate,
    } = a;
    let Some((loaded, analysis, reviews)) = open_corpus(root, false, err, color)? else {
        return Ok(2);
    };
    let by = by
        .or_else(|| std::env::var("CLAIMCHECK_REVIEWER").ok())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "unknown".into());
    let at = match at {
        Some(a) => match time::parse_day(&a) {
            Ok(d) => d.to_string(),
            Err(e) => {
                writeln!(err, "error: --at: {e}")?;
                return Ok(2);
            }
        },
        None => jiff::Zoned::now().date().to_string(),
    };
    let ctx = ReviewCtx {
        root,
        loaded: &loaded,
        analysis: &analysis,
        reviews: &reviews,
        by: &by,
        at: &at,
    };
    if interactive {
        return ctx.interactive(input, out, err);
    }
    match (finding, verdict) {
        (None, _) => ctx.list(out),
        (Some(id), Some(v)) => ctx.record(&id, &v, note.as_deref(), &rate, out, err),
        (Some(id), None) => {
            writeln!(
                err,
                "error: give a verdict for {id}: --verdict {}",
                review::VERDICTS.join("|")
            )?;
            Ok(2)
        }
    }
}

struct ReviewCtx<'a> {
    root: &'a std::path::Path,
    loaded: &'a Loaded,
    analysis: &'a Analysis,
    reviews: &'a Reviews,
    by: &'a str,
    at: &'a str,
}

impl ReviewCtx<'_> {
    /// Open and stale findings, most serious first (the report's order).
    fn open(&self) -> Vec<&compare::Finding> {
        self.analysis
            .findings
            .iter()
            .filter(|f| self.reviews.needs_review(f))
            .collect()
    }

    fn list(&self, out: &mut dyn Write) -> io::Result<ExitCode> {
        let open = self.open();
        writeln!(
            out,
            "{} finding(s) need review (of {}):",
            open.len(),
            self.analysis.findings.len()
        )?;
        for f in open {
            let stale = if matches!(self.reviews.status(f), review::Status::Stale(_)) {
                " (stale review)"
            } else {
                ""
            };
            writeln!(
                out,
                "  {}  {:<13} {}/{}{stale}: {}",
                f.id,
                f.kind.name(),
                f.subject,
                f.property,
                f.summary
            )?;
        }
        Ok(0)
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        id: &str,
        verdict: &str,
        note: Option<&str>,
        rate: &[String],
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<ExitCode> {
        let Some(f) = self.analysis.findings.iter().find(|f| f.id == id) else {
            writeln!(err, "error: no finding `{id}`")?;
            if let Some(n) = crate::corpus::diag::did_you_mean(id, self.analysis.findings.iter().map(|f| f.id.as_str()))
            {
                writeln!(err, "help: did you mean `{n}`?")?;
            }
            return Ok(2);
        };
        let ratings = match self.ratings(f, verdict, rate) {
            Ok(r) => r,
            Err(why) => {
                writeln!(err, "error: {why}")?;
                return Ok(2);
            }
        };
        let v = NewVerdict {
            finding: f,
            verdict,
            note,
            by: self.by,
            at: self.at,
            ratings: &ratings,
        };
        match review::record(self.root, &v) {
            Ok(()) => {
                writeln!(out, "recorded: {id} {verdict} by {} on {}", self.by, self.at)?;
                let cleared = self
                    .reviews
                    .verdicts
                    .get(id)
                    .is_some_and(|old| !old.ratings.is_empty() && !matches!(verdict, "confirmed" | "corrected"));
                if cleared {
                    writeln!(
                        out,
                        "  its earlier ratings are cleared: a {verdict} finding rates no claim"
                    )?;
                }
                for (claim, rating) in &ratings {
                    writeln!(out, "  rated {claim}: {rating}")?;
                }
                Ok(0)
            }
            Err(e) => {
                writeln!(err, "error: {e}")?;
                Ok(2)
            }
        }
    }

    /// `--rate CLAIM=RATING` pairs, checked: a rating resolves a finding the
    /// editor confirmed (or corrected), names one of its claims, and is on
    /// the corpus's scale.
    fn ratings(&self, f: &compare::Finding, verdict: &str, rate: &[String]) -> Result<Vec<(String, String)>, String> {
        if rate.is_empty() {
            return Ok(Vec::new());
        }
        if !matches!(verdict, "confirmed" | "corrected") {
            return Err(format!(
                "--rate resolves a finding you confirm: give --verdict confirmed (or corrected), not {verdict}"
            ));
        }
        let scale = self.loaded.settings.scale();
        let mut out = Vec::new();
        for r in rate {
            let Some((claim, rating)) = r.split_once('=') else {
                return Err(format!(
                    "--rate {r}: write CLAIM=RATING, e.g. --rate {}={}",
                    f.claims.first().map_or("claim-id", String::as_str),
                    scale.last().map_or("inaccurate", String::as_str)
                ));
            };
            let (claim, rating) = (claim.trim(), rating.trim());
            if !f.claims.iter().chain(&f.context).any(|c| c == claim) {
                let near =
                    crate::corpus::diag::did_you_mean(claim, f.claims.iter().chain(&f.context).map(String::as_str));
                return Err(format!(
                    "`{claim}` is not a claim of {}{}; its claims: {}",
                    f.id,
                    near.map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default(),
                    f.claims.join(", ")
                ));
            }
            if !scale.iter().any(|s| s == rating) {
                return Err(format!(
                    "`{rating}` is not on the corpus's rating scale: {} (claimcheck.toml [rating] scale)",
                    scale.join(", ")
                ));
            }
            if out.iter().any(|(c, _)| c == claim) {
                return Err(format!("`{claim}` is rated twice: give one --rate for each claim"));
            }
            out.push((claim.to_string(), rating.to_string()));
        }
        Ok(out)
    }

    /// Steps through open findings; every answer is written as soon as it is
    /// given, so quitting (or end of input) loses nothing already answered.
    fn interactive(&self, input: &mut dyn BufRead, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<ExitCode> {
        let open = self.open();
        if open.is_empty() {
            writeln!(out, "Nothing to review.")?;
            return Ok(0);
        }
        let c = &self.loaded.corpus;
        for (i, f) in open.iter().enumerate() {
            writeln!(out)?;
            writeln!(
                out,
                "[{}/{}] {} {}  {}/{}",
                i + 1,
                open.len(),
                f.kind.name().to_uppercase(),
                f.id,
                f.subject,
                f.property
            )?;
            writeln!(out, "  {}", f.question)?;
            writeln!(out, "  {}", f.summary)?;
            for id in f.claims.iter().chain(&f.context) {
                if let Some(cl) = c.claim(id) {
                    crate::report::write_claim(out, c, cl, "  - ", false)?;
                }
            }
            let verdict = loop {
                write!(
                    out,
                    "verdict? [c]onfirmed [d]ismissed [n]eeds-source co[r]rected [s]kip [q]uit: "
                )?;
                out.flush()?;
                let mut line = String::new();
                if input.read_line(&mut line)? == 0 {
                    writeln!(out)?;
                    return Ok(0);
                }
                match line.trim() {
                    "c" | "confirmed" => break "confirmed",
                    "d" | "dismissed" => break "dismissed",
                    "n" | "needs-source" => break "needs-source",
                    "r" | "corrected" => break "corrected",
                    "s" | "skip" | "" => break "",
                    "q" | "quit" => return Ok(0),
                    other => writeln!(out, "  `{other}` is not an answer")?,
                }
            };
            if verdict.is_empty() {
                continue;
            }
            write!(out, "note (empty for none): ")?;
            out.flush()?;
            let mut note = String::new();
            input.read_line(&mut note)?;
            let note = note.trim();
            let v = NewVerdict {
                finding: f,
                verdict,
                note: (!note.is_empty()).then_some(note),
                by: self.by,
                at: self.at,
                ratings: &[],
            };
            match review::record(self.root, &v) {
                Ok(()) => writeln!(out, "  recorded {verdict}")?,
                Err(e) => {
                    writeln!(err, "error: {e}")?;
                    return Ok(2);
                }
            }
        }
        Ok(0)
    }
}
