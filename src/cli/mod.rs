//! Command-line arguments and the commands they run.
//!
//! Arguments are parsed here (clap derive) and each command writes to the
//! `Write` it is given, never to the process's streams directly, so every
//! command can be tested in-process. Exit codes are fixed: 0 clean, 1 when
//! `report --fail-on` matched, 2 for data errors or bad usage.

pub mod progress;

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::compare::{self, Analysis, FindingKind};
use crate::corpus::load::{self, Loaded};
use crate::read::time::{self, Tense};
use crate::report::{self, Filter};
use crate::review::{self, NewVerdict, Reviews};

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Markdown,
    Json,
    /// One self-contained page: quotes in context, timelines, filters.
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// schema.org ClaimReview (JSON-LD) for every rated claim.
    Claimreview,
    /// One JSON object a line: sources, claims, findings (`type` field).
    Jsonl,
}

impl Args {
    /// Whether standard output carries a format that escapes control
    /// characters itself (JSON): then it is written as is, not through the
    /// filter that keeps a corpus's escape sequences off a terminal, which
    /// would scan every byte of a large report again.
    pub fn raw_stdout(&self) -> bool {
        matches!(
            self.command,
            Command::Report {
                format: ReportFormat::Json | ReportFormat::Html,
                ..
            } | Command::Export { .. }
        )
    }
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
        /// The article's language (BCP 47: es, pt-BR, ru, ar, zh...), tried
        /// first when the expression is not English.
        #[arg(long)]
        language: Option<String>,
        /// The sentence the expression was printed in: its tense decides a
        /// bare month or weekday ("will meet Monday" vs "met Monday").
        #[arg(long)]
        context: Option<String>,
    },
    /// Compare the claims and report conflicts, framings, internal checks,
    /// single-source assertions, changes and agreements.
    Report {
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Only findings of these kinds (repeat or comma-separate).
        #[arg(long, value_enum, value_delimiter = ',')]
        kind: Vec<FindingKind>,
        /// Only findings about this subject (or subject/property).
        #[arg(long)]
        subject: Option<String>,
        /// Only findings involving this source id.
        #[arg(long)]
        source: Option<String>,
        /// Show dismissed findings, and retired (deprecated) claims and
        /// questions, too.
        #[arg(long)]
        all: bool,
        /// Exit 1 if a finding of these kinds still needs review (open or stale).
        #[arg(long, value_enum, value_delimiter = ',')]
        fail_on: Vec<FindingKind>,
        /// Write the report to this file (atomically: a reader never sees
        /// half a report) instead of standard output; `-` is standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
    /// Export for other tools: ClaimReview JSON-LD of the rated claims, or
    /// JSON Lines of sources, claims and findings.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Include retired (deprecated) claims and questions.
        #[arg(long)]
        all: bool,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
    /// Show one question's timeline (subject/property) or one claim (claim id).
    Show {
        /// `subject/property` or a claim id.
        what: String,
    },
    /// Create a corpus that passes `check`: an example source, question and
    /// claim, settings, a README and the editor's schema wiring.
    Init {
        /// The folder (default: the current one, or --corpus).
        dir: Option<PathBuf>,
    },
    /// Add a source (an article's text) or a claim to the corpus.
    Add {
        #[command(subcommand)]
        what: Add,
    },
    /// Write JSON Schemas of the corpus's TOML files into schemas/ (and a
    /// .taplo.toml mapping the files to them, if there is none), for
    /// completion and errors while editing.
    Schema {
        /// Print one schema to standard output instead: source, properties,
        /// claims, reviews or claimcheck.
        #[arg(long)]
        print: Option<String>,
    },
    /// List findings that need review, or record a verdict on one.
    Review {
        /// The finding id to give a verdict on.
        finding: Option<String>,
        /// confirmed, dismissed, needs-source or corrected.
        #[arg(long, requires = "finding")]
        verdict: Option<String>,
        /// Why: what the editor checked, what was corrected.
        #[arg(long, requires = "verdict")]
        note: Option<String>,
        /// Who gives the verdict (default: $CLAIMCHECK_REVIEWER, else $USER).
        #[arg(long)]
        by: Option<String>,
        /// The date of the verdict (default: today).
        #[arg(long)]
        at: Option<String>,
        /// Step through open findings, asking for a verdict and a note for each.
        #[arg(long, conflicts_with = "finding")]
        interactive: bool,
        /// Rate a claim of a confirmed finding: CLAIM=RATING, on the scale
        /// in claimcheck.toml (default: accurate, misleading, unproven,
        /// inaccurate). Repeat for several claims.
        #[arg(long, requires = "verdict", value_name = "CLAIM=RATING")]
        rate: Vec<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum Add {
    /// File an article as sources/<id>.txt with its front matter: the text
    /// from FILE, or from standard input with `-`.
    Source {
        /// The article's text (`-`: standard input).
        file: PathBuf,
        #[command(flatten)]
        meta: crate::corpus::scaffold::NewSource,
    },
    /// Append a claim to a claims file (comments kept); it is kept only if
    /// the corpus still checks clean (the quote must be in the source).
    Claim(crate::corpus::scaffold::NewClaim),
}

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
    match args.command {
        Command::Check { strict } => {
            let progress = crate::cli::progress::Progress::start("reading and checking the corpus");
            let mut loaded = load::load(&args.corpus);
            let (reviews, diags) = review::load(&args.corpus, &mut loaded.files);
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
        Command::Report {
            format,
            kind,
            subject,
            source,
            all,
            fail_on,
            output,
        } => {
            let Some((loaded, analysis, reviews)) = open_corpus(&args.corpus, all, err, color)? else {
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
                if let Err(e) = crate::corpus::files::write_atomically(path, &file_bytes) {
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
        Command::Export { format, all, output } => {
            let Some((loaded, analysis, reviews)) = open_corpus(&args.corpus, all, err, color)? else {
                return Ok(2);
            };
            let mut bytes = Vec::new();
            let written = match format {
                ExportFormat::Claimreview => {
                    crate::export::claimreview(&loaded.corpus, &analysis, &reviews, &loaded.settings, &mut bytes)
                        .map(Some)
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
                    if let Err(e) = crate::corpus::files::write_atomically(&path, &bytes) {
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
        Command::Show { what } => {
            let Some((loaded, analysis, _)) = open_corpus(&args.corpus, false, err, color)? else {
                return Ok(2);
            };
            if report::show(&loaded.corpus, &analysis, &what, out)? {
                return Ok(0);
            }
            let keys: Vec<String> = loaded.corpus.properties.iter().map(|p| p.key()).collect();
            let ids = loaded.corpus.claims.iter().map(|c| c.id.as_str());
            let near = crate::corpus::diag::did_you_mean(&what, keys.iter().map(String::as_str).chain(ids));
            writeln!(err, "error: `{what}` is neither a subject/property nor a claim id")?;
            if let Some(n) = near {
                writeln!(err, "help: did you mean `{n}`?")?;
            }
            Ok(2)
        }
        Command::Review {
            finding,
            verdict,
            note,
            by,
            at,
            interactive,
            rate,
        } => {
            let Some((loaded, analysis, reviews)) = open_corpus(&args.corpus, false, err, color)? else {
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
                root: &args.corpus,
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
        Command::Init { dir } => {
            let dir = dir.unwrap_or_else(|| args.corpus.clone());
            match crate::corpus::scaffold::init(&dir) {
                Ok(files) => {
                    for f in files {
                        writeln!(out, "wrote {}", dir.join(f).display())?;
                    }
                    writeln!(out, "next: claimcheck --corpus {} check", dir.display())?;
                    Ok(0)
                }
                Err(e) => {
                    writeln!(err, "error: {e}")?;
                    Ok(2)
                }
            }
        }
        Command::Add { what } => add(&args.corpus, what, input, out, err, color),
        Command::Schema { print } => {
            if let Some(name) = print {
                let file = format!("{name}.schema.json");
                let Some((_, schema)) = crate::corpus::schema::all().into_iter().find(|(n, _)| *n == file) else {
                    let names: Vec<&str> = crate::corpus::schema::all()
                        .iter()
                        .filter_map(|(n, _)| n.strip_suffix(".schema.json"))
                        .collect();
                    writeln!(err, "error: no schema `{name}`: use one of {}", names.join(", "))?;
                    return Ok(2);
                };
                let json = serde_json::to_string_pretty(&schema).map_err(io::Error::other)?;
                writeln!(out, "{json}")?;
                return Ok(0);
            }
            match crate::corpus::schema::write(&args.corpus) {
                Ok(written) => {
                    for w in written {
                        writeln!(out, "wrote {w}")?;
                    }
                    Ok(0)
                }
                Err(e) => {
                    writeln!(
                        err,
                        "error: cannot write the schemas into {}: {e}",
                        args.corpus.display()
                    )?;
                    Ok(2)
                }
            }
        }
        Command::Date {
            expression,
            published,
            tense,
            format,
            batch,
            language,
            context,
        } => {
            let language = language.as_deref();
            if batch {
                return date_batch(input, out, err, tense, language);
            }
            let Some(expression) = expression else {
                writeln!(err, "error: give an expression, e.g. claimcheck date \"last month\" --published 2025-06-09, or use --batch")?;
                return Ok(2);
            };
            let how = Reading {
                tense,
                language,
                context: context.as_deref(),
            };
            date(&expression, published.as_deref(), how, format, out, err)
        }
    }
}

/// `add source` and `add claim`.
fn add(
    root: &std::path::Path,
    what: Add,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> io::Result<ExitCode> {
    let result = match what {
        Add::Source { file, meta } => {
            let from_stdin = file.as_os_str() == "-";
            let text = if from_stdin {
                let mut t = String::new();
                input.read_to_string(&mut t)?;
                t
            } else {
                match std::fs::read_to_string(&file) {
                    Ok(t) => t,
                    Err(e) => {
                        writeln!(err, "error: cannot read {}: {e}", file.display())?;
                        return Ok(2);
                    }
                }
            };
            crate::corpus::scaffold::add_source(root, &text, (!from_stdin).then_some(file.as_path()), &meta)
                .map(|p| format!("wrote {}: check its front matter, then add claims", p.display()))
        }
        Add::Claim(c) => {
            crate::corpus::scaffold::add_claim(root, &c, color).map(|(id, rel)| format!("added claim {id} to {rel}"))
        }
    };
    match result {
        Ok(msg) => {
            writeln!(out, "{msg}")?;
            Ok(0)
        }
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(2)
        }
    }
}

/// Runs the comparison and reads the reviews; `false` when the corpus or
/// the review file has errors, in which case nothing should be reported.
fn analysed(loaded: &mut Loaded, root: &std::path::Path) -> (bool, Analysis, Reviews) {
    let analysis = compare::analyse(&loaded.corpus);
    let (reviews, diags) = review::load(root, &mut loaded.files);
    loaded.diagnostics.extend(diags);
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
                    report::write_claim(out, c, cl, "  - ", false)?;
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
    let mut code = 0;
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        n += 1;
        // A line that is not UTF-8 is reported with its number; the batch goes on.
        let Ok(line) = std::str::from_utf8(&buf) else {
            writeln!(err, "error: line {n}: not valid UTF-8")?;
            code = 2;
            continue;
        };
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        // published<TAB>expression[<TAB>sentence]
        let mut fields = line.splitn(3, '\t');
        let (Some(published), Some(expression), sentence) = (fields.next(), fields.next(), fields.next()) else {
            writeln!(err, "error: line {n}: expected `published<TAB>expression`")?;
            code = 2;
            continue;
        };
        let published = match time::parse_day(published) {
            Ok(p) => Some(p),
            Err(e) => {
                writeln!(err, "error: line {n}: {e}")?;
                code = 2;
                continue;
            }
        };
        let how = Reading {
            tense,
            language,
            context: sentence,
        };
        let j = date_json(expression, published, how);
        writeln!(out, "{}", serde_json::to_string(&j).map_err(io::Error::other)?)?;
    }
    Ok(code)
}
