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

/// The review file, at the corpus root.
pub const FILE: &str = "reviews.toml";

/// The lock file writers hold, beside reviews.toml.
pub const LOCK: &str = ".reviews.toml.lock";

/// How long a writer waits for another to finish before giving up.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

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

/// Reads `reviews.toml` (absent means no reviews yet), reporting problems.
pub fn load(root: &Path, files: &mut Files) -> (Reviews, Vec<Diagnostic>) {
    let path = root.join(FILE);
    let mut diags = Vec::new();
    let mut reviews = Reviews::default();
    if !root.is_dir() {
        // The corpus itself is missing or a file: loading says so.
        return (reviews, diags);
    }
    for stray in stray_temporaries(root) {
        diags.push(
            Diagnostic::warning(
                "stray-temporary",
                &stray,
                None,
                format!("`{stray}` is left over from a review write that was interrupted"),
            )
            .help("it holds nothing reviews.toml lacks; the next `claimcheck review` removes it"),
        );
    }
    let text = match crate::corpus::files::read_regular(&path) {
        Err(crate::corpus::files::ReadError::NotFound) => return (reviews, diags),
        Err(e) => {
            let help = match e {
                crate::corpus::files::ReadError::Symlink => "claimcheck writes verdicts only to a regular reviews.toml: replace the link with the file it points to",
                _ => "make reviews.toml a readable regular file",
            };
            diags.push(Diagnostic::error("io", FILE, None, format!("cannot read {FILE}: {e}")).help(help));
            return (reviews, diags);
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                diags.push(
                    Diagnostic::error("not-utf8", FILE, None, format!("{FILE} is not UTF-8")).help("save it as UTF-8"),
                );
                return (reviews, diags);
            }
        },
    };
    files.insert(FILE, text.as_str());
    let (table, errors) = DeTable::parse_recoverable(&text);
    for e in &errors {
        diags.push(Diagnostic::error(
            "toml-syntax",
            FILE,
            e.span(),
            format!("malformed TOML: {}", e.message().trim()),
        ));
    }
    if !errors.is_empty() {
        return (reviews, diags);
    }
    let table = table.into_inner();
    let lines = crate::read::anchor::LineIndex::new(&text);
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    for (k, v) in table.iter() {
        if k.get_ref().as_ref() != "review" {
            diags.push(
                Diagnostic::error(
                    "unknown-field",
                    FILE,
                    Some(k.span()),
                    format!("unexpected top-level key `{}`", k.get_ref()),
                )
                .help("reviews.toml holds [[review]] tables"),
            );
            continue;
        }
        let DeValue::Array(items) = v.get_ref() else {
            diags.push(
                Diagnostic::error(
                    "wrong-type",
                    FILE,
                    Some(v.span()),
                    "`review` must be an array of tables",
                )
                .help("write each verdict under [[review]]"),
            );
            continue;
        };
        for item in items.iter() {
            let DeValue::Table(t) = item.get_ref() else { continue };
            let line = lines.line_col(&text, item.span().start).0;
            let mut get = |name: &str, required: bool| -> Option<String> {
                match t.get(name).map(|v| (v.span(), v.get_ref())) {
                    Some((_, DeValue::String(s))) => Some(s.to_string()),
                    Some((span, other)) => {
                        diags.push(Diagnostic::error(
                            "wrong-type",
                            FILE,
                            Some(span),
                            format!("`{name}` must be a string, found {}", other.type_str()),
                        ));
                        None
                    }
                    None if required => {
                        let s = item.span().start;
                        diags.push(
                            Diagnostic::error(
                                "missing-field",
                                FILE,
                                Some(s..s + 10),
                                format!("this review has no `{name}`"),
                            )
                            .help(format!("add {name} = \"...\"")),
                        );
                        None
                    }
                    None => None,
                }
            };
            let finding = get("finding", true);
            let verdict = get("verdict", true);
            let note = get("note", false);
            let by = get("by", true);
            let at = get("at", true);
            let fingerprint = get("fingerprint", true);
            let mut ratings = BTreeMap::new();
            match t.get("ratings").map(|v| (v.span(), v.get_ref())) {
                Some((_, DeValue::Table(r))) => {
                    for (claim, rating) in r.iter() {
                        match rating.get_ref() {
                            DeValue::String(v) => {
                                ratings.insert(claim.get_ref().to_string(), v.to_string());
                            }
                            other => diags.push(Diagnostic::error(
                                "wrong-type",
                                FILE,
                                Some(rating.span()),
                                format!("a rating must be a string, found {}", other.type_str()),
                            )),
                        }
                    }
                }
                Some((span, other)) => diags.push(
                    Diagnostic::error(
                        "wrong-type",
                        FILE,
                        Some(span),
                        format!("`ratings` must be a table, found {}", other.type_str()),
                    )
                    .help("ratings = { \"claim-id\" = \"inaccurate\" }"),
                ),
                None => {}
            }
            const KNOWN: [&str; 7] = ["finding", "verdict", "note", "by", "at", "fingerprint", "ratings"];
            for (key, _) in t.iter() {
                if !KNOWN.contains(&key.get_ref().as_ref()) {
                    let mut d = Diagnostic::error(
                        "unknown-field",
                        FILE,
                        Some(key.span()),
                        format!("unknown field `{}` in a review", key.get_ref()),
                    );
                    if let Some(m) = did_you_mean(key.get_ref(), KNOWN) {
                        d = d.help(format!("did you mean `{m}`?"));
                    }
                    diags.push(d);
                }
            }
            if let Some(v) = &verdict {
                if !VERDICTS.contains(&v.as_str()) {
                    let span = t.get("verdict").map(|x| x.span());
                    let mut d = Diagnostic::error("value-not-allowed", FILE, span, format!("`{v}` is not a verdict"));
                    if let Some(m) = did_you_mean(v, VERDICTS) {
                        d = d.help(format!("did you mean `{m}`?"));
                    }
                    diags.push(d.help(format!("verdicts: {}", VERDICTS.join(", "))));
                }
            }
            if let Some(a) = &at {
                if jiff::civil::Date::strptime("%Y-%m-%d", a).is_err() {
                    let span = t.get("at").map(|x| x.span());
                    diags.push(
                        Diagnostic::error("bad-time", FILE, span, format!("`at = \"{a}\"` is not a date"))
                            .help("write the day of the verdict as YYYY-MM-DD, e.g. at = \"2026-11-22\""),
                    );
                }
            }
            if let Some(f) = &finding {
                if let Some(first) = first_line.get(f) {
                    let span = t.get("finding").map(|x| x.span());
                    diags.push(
                        Diagnostic::error(
                            "duplicate-id",
                            FILE,
                            span,
                            format!("a second verdict for `{f}`; the first is at line {first}"),
                        )
                        .help("keep one verdict per finding: merge the two records"),
                    );
                    continue;
                }
                first_line.insert(f.clone(), line);
            }
            if let (Some(finding), Some(verdict), Some(by), Some(at), Some(fingerprint)) =
                (finding, verdict, by, at, fingerprint)
            {
                reviews.verdicts.insert(
                    finding.clone(),
                    Verdict {
                        finding,
                        verdict,
                        note,
                        by,
                        at,
                        fingerprint,
                        ratings,
                        line,
                    },
                );
            }
        }
    }
    (reviews, diags)
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

/// Why a verdict could not be written.
#[derive(Debug)]
pub enum WriteError {
    Io(std::io::Error),
    /// reviews.toml is not valid TOML: fix it by hand first.
    Malformed(String),
    /// reviews.toml changed on disk between reading and writing.
    Changed,
    BadVerdict(String),
    /// Another writer held the lock for longer than claimcheck waits.
    Busy,
    /// reviews.toml is not a regular file (a link, a FIFO...), or too large.
    Refused(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Io(e) => write!(f, "cannot write {FILE}: {e}"),
            WriteError::Malformed(e) => write!(f, "{FILE} is not valid TOML, so it was not touched: {e}"),
            WriteError::Changed => write!(
                f,
                "{FILE} changed on disk while the verdict was being written (another editor or program?); nothing was written: run the command again"
            ),
            WriteError::BadVerdict(v) => write!(f, "`{v}` is not a verdict: use one of {}", VERDICTS.join(", ")),
            WriteError::Busy => write!(
                f,
                "another `claimcheck review` has been writing {FILE} for over {} s; nothing was written: run the command again when it has finished",
                LOCK_WAIT.as_secs()
            ),
            WriteError::Refused(why) => write!(
                f,
                "{FILE} was not written because {why}; claimcheck writes verdicts only to a regular file it can replace safely"
            ),
        }
    }
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// Records a verdict, keeping everything else in the file as it was.
pub fn record(root: &Path, v: &NewVerdict) -> Result<(), WriteError> {
    record_with(root, v, || {})
}

/// [`record`], with a hook run between reading the file and replacing it,
/// so tests can change the file under it.
pub fn record_with(root: &Path, v: &NewVerdict, before_replace: impl FnOnce()) -> Result<(), WriteError> {
    if !VERDICTS.contains(&v.verdict) {
        return Err(WriteError::BadVerdict(v.verdict.to_string()));
    }
    let path = root.join(FILE);
    // Held until this function returns: no other writer reads or renames
    // in between, so no verdict is lost.
    let _lock = crate::corpus::files::lock(&root.join(LOCK), LOCK_WAIT)?.ok_or(WriteError::Busy)?;
    // With the lock held, any temporary file is a dead writer's.
    for stray in stray_temporaries(root) {
        let _ = std::fs::remove_file(root.join(stray));
    }
    let original = match crate::corpus::files::read_regular(&path) {
        Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| WriteError::Malformed(format!("{FILE} is not UTF-8")))?),
        Err(crate::corpus::files::ReadError::NotFound) => None,
        Err(crate::corpus::files::ReadError::Io(e)) => return Err(e.into()),
        Err(e) => return Err(WriteError::Refused(e.to_string())),
    };
    let text = original.clone().unwrap_or_default();
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| WriteError::Malformed(e.to_string()))?;
    let item = doc
        .entry("review")
        .or_insert(toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
    let Some(reviews) = item.as_array_of_tables_mut() else {
        return Err(WriteError::Malformed("`review` is not an array of tables".into()));
    };
    let existing = reviews
        .iter_mut()
        .find(|t| t.get("finding").and_then(|f| f.as_str()) == Some(v.finding.id.as_str()));
    let table = match existing {
        Some(t) => t,
        None => {
            let mut t = toml_edit::Table::new();
            if original.is_none() {
                // A new file opens with a word on what it is, above the first record.
                t.decor_mut().set_prefix(HEADER);
            }
            t.insert("finding", toml_edit::value(v.finding.id.as_str()));
            reviews.push(t);
            match reviews.iter_mut().last() {
                Some(t) => t,
                None => return Err(WriteError::Malformed("the new record could not be added".into())),
            }
        }
    };
    set(table, "verdict", v.verdict);
    // A verdict given without a note keeps the note already written.
    if let Some(n) = v.note {
        set(table, "note", n);
    }
    set(table, "by", v.by);
    set(table, "at", v.at);
    set(table, "fingerprint", &v.finding.fingerprint);
    if !v.ratings.is_empty() {
        let mut inline = toml_edit::InlineTable::new();
        for (claim, rating) in v.ratings {
            inline.insert(claim, toml_edit::Value::from(rating.as_str()));
        }
        table.insert("ratings", toml_edit::Item::Value(toml_edit::Value::InlineTable(inline)));
    }
    let new_text = doc.to_string();
    before_replace();
    replace_atomically(&path, original.as_deref(), &new_text)
}

/// Sets a string field, keeping the comments and spacing around its old value.
fn set(table: &mut toml_edit::Table, key: &str, value: &str) {
    let mut new = toml_edit::Value::from(value);
    if let Some(old) = table.get(key).and_then(|i| i.as_value()) {
        *new.decor_mut() = old.decor().clone();
    }
    table.insert(key, toml_edit::Item::Value(new));
}

/// Writes `new` to a temporary file beside `path` and renames it over
/// `path`, unless `path` no longer holds `expected`.
fn replace_atomically(path: &Path, expected: Option<&str>, new: &str) -> Result<(), WriteError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp: PathBuf = dir.join(format!(".{FILE}.{}.tmp", std::process::id()));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(new.as_bytes())?;
        f.sync_all()?;
    }
    if std::env::var_os("CLAIMCHECK_TEST_CRASH_BEFORE_RENAME").is_some() {
        // Test hook: die as a killed process would, between write and rename.
        std::process::abort();
    }
    let now = match std::fs::read_to_string(path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e.into());
        }
    };
    if now.as_deref() != expected {
        let _ = std::fs::remove_file(&tmp);
        return Err(WriteError::Changed);
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    Ok(())
}

/// Temporary files (`.reviews.toml.<pid>.tmp`) left in the corpus root by a
/// writer that was killed between writing and renaming.
pub fn stray_temporaries(root: &Path) -> Vec<String> {
    let prefix = format!(".{FILE}.");
    let mut out: Vec<String> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with(&prefix) && n.ends_with(".tmp"))
        .collect();
    out.sort();
    out
}
