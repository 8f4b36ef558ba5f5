//! The command line: every command, subcommand and option (clap derive).
//! Parsed here once; the commands take these values as given.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::compare::FindingKind;
use crate::read::time::Tense;

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
            Command::Report(ReportArgs {
                format: ReportFormat::Json | ReportFormat::Html,
                ..
            }) | Command::Export(_)
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
    Date(DateArgs),
    /// Show how claimcheck reads a figure ("al menos 654", "230.000", "150余").
    Number(NumberArgs),
    /// Compare the claims and report conflicts, framings, internal checks,
    /// single-source assertions, changes and agreements.
    Report(ReportArgs),
    /// Export for other tools: ClaimReview JSON-LD of the rated claims, or
    /// JSON Lines of sources, claims and findings.
    Export(ExportArgs),
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
    Review(ReviewArgs),
    /// Suggest claim skeletons from an article: its figures, dates,
    /// changes of status and yes/no facts, each with its quote, value,
    /// time, speaker and the question it most likely answers, ranked.
    Suggest(SuggestArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    /// Numbered, with the sentence and the quote marked.
    Text,
    /// `[[claim]]` records to paste into a claims file.
    Toml,
    Json,
}

/// The options of `claimcheck suggest`.
#[derive(clap::Args, Debug)]
pub struct SuggestArgs {
    /// A source id of the corpus, or a text file (with --language and
    /// --published).
    pub source: Option<String>,
    /// A file's language (BCP 47: en, es, zh...).
    #[arg(long)]
    pub language: Option<String>,
    /// A file's publication date (YYYY-MM-DD): its relative words count from it.
    #[arg(long)]
    pub published: Option<String>,
    #[arg(long, value_enum, default_value_t = SuggestFormat::Text)]
    pub format: SuggestFormat,
    /// Append these skeletons (their numbers: 1,4,7) to the corpus, as
    /// `add claim` does: kept only if the corpus still checks clean.
    #[arg(long, value_delimiter = ',')]
    pub write: Vec<usize>,
    /// Every source of the corpus (text and JSON only).
    #[arg(long)]
    pub all: bool,
    /// At most this many skeletons per source, best first.
    #[arg(long)]
    pub limit: Option<usize>,
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

/// The options of `claimcheck date`.
#[derive(clap::Args, Debug)]
pub struct DateArgs {
    /// The expression, e.g. "last month" (omit with --batch).
    pub expression: Option<String>,
    /// The day relative expressions count from (YYYY-MM-DD).
    #[arg(long)]
    pub published: Option<String>,
    /// How to place a bare month or weekday: past, future, or nearest.
    #[arg(long, value_enum, default_value_t = Tense::Nearest)]
    pub tense: Tense,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Read `published<TAB>expression` lines from standard input; write JSON lines.
    #[arg(long)]
    pub batch: bool,
    /// The article's language (BCP 47: es, pt-BR, ru, ar, zh...), tried
    /// first when the expression is not English.
    #[arg(long)]
    pub language: Option<String>,
    /// The sentence the expression was printed in: its tense decides a
    /// bare month or weekday ("will meet Monday" vs "met Monday").
    #[arg(long)]
    pub context: Option<String>,
}

/// The options of `claimcheck number`.
#[derive(clap::Args, Debug)]
pub struct NumberArgs {
    /// The figure, e.g. "about 100,000" (omit with --batch).
    pub expression: Option<String>,
    /// The article's language (BCP 47: pt, es-MX, ru, zh...): its decimal
    /// and group separators and number words.
    #[arg(long)]
    pub language: Option<String>,
    /// The sentence the figure was printed in: it may decide a separator
    /// the language leaves open, and names what the figure counts.
    #[arg(long)]
    pub context: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Read `expression<TAB>sentence` lines from standard input; write JSON lines.
    #[arg(long)]
    pub batch: bool,
}

/// The options of `claimcheck report`.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Only findings of these kinds (repeat or comma-separate).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<FindingKind>,
    /// Only findings about this subject (or subject/property).
    #[arg(long)]
    pub subject: Option<String>,
    /// Only findings involving this source id.
    #[arg(long)]
    pub source: Option<String>,
    /// Show dismissed findings, and retired (deprecated) claims and
    /// questions, too.
    #[arg(long)]
    pub all: bool,
    /// Exit 1 if a finding of these kinds still needs review (open or stale).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub fail_on: Vec<FindingKind>,
    /// Write the report to this file (atomically: a reader never sees
    /// half a report) instead of standard output; `-` is standard output.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
}

/// The options of `claimcheck export`.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Include retired (deprecated) claims and questions.
    #[arg(long)]
    pub all: bool,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
}

/// The options of `claimcheck review`.
#[derive(clap::Args, Debug)]
pub struct ReviewArgs {
    /// The finding id to give a verdict on.
    pub finding: Option<String>,
    /// confirmed, dismissed, needs-source or corrected.
    #[arg(long, requires = "finding")]
    pub verdict: Option<String>,
    /// Why: what the editor checked, what was corrected.
    #[arg(long, requires = "verdict")]
    pub note: Option<String>,
    /// Who gives the verdict (default: $CLAIMCHECK_REVIEWER, else $USER).
    #[arg(long)]
    pub by: Option<String>,
    /// The date of the verdict (default: today).
    #[arg(long)]
    pub at: Option<String>,
    /// Step through open findings, asking for a verdict and a note for each.
    #[arg(long, conflicts_with = "finding")]
    pub interactive: bool,
    /// Rate a claim of a confirmed finding: CLAIM=RATING, on the scale
    /// in claimcheck.toml (default: accurate, misleading, unproven,
    /// inaccurate). Repeat for several claims.
    #[arg(long, requires = "verdict", value_name = "CLAIM=RATING")]
    pub rate: Vec<String>,
}
