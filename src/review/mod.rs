//! Editors' verdicts on findings, kept in `reviews.toml` beside the data.
//!
//! A verdict names a finding by its stable id and remembers the finding's
//! fingerprint (a digest of its claims): when the claims change, the
//! verdict is shown as *stale*. The file belongs to the editors, so writes
//! are careful: the document is edited in place with toml_edit (comments,
//! order and layout kept), written to a temporary file in the same folder
//! and renamed over the original (a crash leaves the old or the new file,
//! never half of one), and refused if the file changed on disk since it was
//! read. Every write holds an exclusive lock (`.reviews.toml.lock`) from
//! reading to renaming, so two editors writing at once never lose a
//! verdict: the second waits for the first, or is refused with a message.
//! A temporary file left by a writer that was killed is removed by the
//! next writer and reported by `check`. `reviews.toml` must be a regular
//! file: a symbolic link is refused, never replaced behind its target.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::compare::Finding;
use crate::corpus::diag::{did_you_mean, Diagnostic, Files};

mod load;
mod store;

pub use load::load;
pub use store::*;

/// The review file, at the corpus root.
pub const FILE: &str = crate::corpus::files::REVIEWS_FILE;

/// The lock file writers hold, beside reviews.toml.
pub const LOCK: &str = crate::corpus::files::CORPUS_LOCK;

/// How long a writer waits for another to finish before giving up.
const LOCK_WAIT: std::time::Duration = crate::corpus::files::LOCK_WAIT;

/// The comment a new reviews.toml starts with.
const HEADER: &str = "# Editors' verdicts on claimcheck findings, one [[review]] each.\n\
                      # Written by `claimcheck review`; comments and order are kept.\n\n";

/// The verdicts an editor can give.
pub const VERDICTS: [&str; 4] = ["confirmed", "dismissed", "needs-source", "corrected"];

/// One recorded verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub finding: String,
    pub verdict: String,
    pub note: Option<String>,
    pub by: String,
    pub at: String,
    /// The finding's fingerprint when the verdict was given.
    pub fingerprint: String,
    /// The editor's rating of claims in the finding (claim id -> rating on
    /// the corpus's scale): how a confirmed conflict was resolved.
    pub ratings: BTreeMap<String, String>,
    /// Line of the record in reviews.toml, for diagnostics.
    pub line: usize,
}

/// Every verdict, by finding id.
#[derive(Clone, Debug, Default)]
pub struct Reviews {
    pub verdicts: BTreeMap<String, Verdict>,
}

/// A finding's review state.
#[derive(Clone, Copy, Debug)]
pub enum Status<'a> {
    Open,
    Reviewed(&'a Verdict),
    /// Reviewed, but its claims changed since: needs a fresh look.
    Stale(&'a Verdict),
}

impl Reviews {
    pub fn status(&self, f: &Finding) -> Status<'_> {
        match self.verdicts.get(&f.id) {
            None => Status::Open,
            Some(v) if v.fingerprint == f.fingerprint => Status::Reviewed(v),
            Some(v) => Status::Stale(v),
        }
    }

    /// Open or stale: what an editor still has to look at.
    pub fn needs_review(&self, f: &Finding) -> bool {
        !matches!(self.status(f), Status::Reviewed(_))
    }
}

/// Warns about verdicts whose finding no longer exists, naming the nearest id.
pub fn orphans(reviews: &Reviews, findings: &[Finding], files: &Files) -> Vec<Diagnostic> {
    /// Suggesting the nearest id compares with every finding: only for the
    /// first orphans, so that a file of stale verdicts stays quick.
    const SUGGEST: usize = 50;
    let text = files.get(FILE).unwrap_or_default();
    let ids: std::collections::HashSet<&str> = findings.iter().map(|f| f.id.as_str()).collect();
    reviews
        .verdicts
        .values()
        .filter(|v| !ids.contains(v.finding.as_str()))
        .enumerate()
        .map(|(n, v)| {
            let start = files.line_start(FILE, v.line).min(text.len());
            let rest = text.get(start..).unwrap_or_default();
            let line_len = rest.find('\n').unwrap_or(rest.len());
            // Point at the `finding = "..."` line of the record if we can find it.
            let span = rest
                .get(..rest.len().min(4096))
                .and_then(|r| r.find(&format!("\"{}\"", v.finding)))
                .map(|i| start + i..start + i + v.finding.len() + 2)
                .unwrap_or(start..start + line_len);
            let mut d = Diagnostic::warning(
                "stale-review",
                FILE,
                Some(span),
                format!("a verdict for `{}`, which is no longer a finding", v.finding),
            )
            .label("no such finding");
            let nearest = (n < SUGGEST)
                .then(|| did_you_mean(&v.finding, findings.iter().map(|f| f.id.as_str())))
                .flatten();
            if let Some(m) = nearest {
                d = d.help(format!(
                    "the nearest finding id is `{m}`; the claims may have changed, so review it afresh"
                ));
            } else {
                d = d.help(
                    "the claims it reviewed changed or were removed; delete the verdict or review the new finding",
                );
            }
            d
        })
        .collect()
}

/// A verdict to record.
#[derive(Clone, Debug)]
pub struct NewVerdict<'a> {
    pub finding: &'a Finding,
    pub verdict: &'a str,
    pub note: Option<&'a str>,
    pub by: &'a str,
    pub at: &'a str,
    /// Ratings of claims (claim id, rating), checked by the caller against
    /// the finding and the scale; empty keeps the ratings already written.
    pub ratings: &'a [(String, String)],
}

/// Ratings in reviews.toml that are not on the corpus's scale.
pub fn check_ratings(reviews: &Reviews, scale: &[String]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in reviews.verdicts.values() {
        if !v.ratings.is_empty() && !matches!(v.verdict.as_str(), "confirmed" | "corrected") {
            out.push(
                Diagnostic::error(
                    "rating-without-confirmation",
                    FILE,
                    None,
                    format!(
                        "the {} verdict on {} rates claims: only a confirmed or corrected finding rates its claims",
                        v.verdict, v.finding
                    ),
                )
                .at_line(v.line)
                .help("remove its `ratings`, or make the verdict `confirmed`"),
            );
        }
        for (claim, rating) in &v.ratings {
            if !scale.contains(rating) {
                let mut d = Diagnostic::error(
                    "rating-not-on-scale",
                    FILE,
                    None,
                    format!("`{rating}` (for {claim}) is not on the corpus's rating scale"),
                )
                .at_line(v.line);
                if let Some(m) = did_you_mean(rating, scale.iter().map(String::as_str)) {
                    d = d.help(format!("did you mean `{m}`?"));
                }
                out.push(d.help(format!(
                    "the scale (claimcheck.toml [rating] scale, best first): {}",
                    scale.join(", ")
                )));
            }
        }
    }
    out
}
