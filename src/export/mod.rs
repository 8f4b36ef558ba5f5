//! Formats newsrooms exchange: schema.org ClaimReview (JSON-LD), which
//! Google's Fact Check Tools and others read, for every claim an editor
//! rated; and JSON Lines of sources, claims and findings for data teams
//! (DuckDB, BigQuery).

mod claimreview;
mod jsonl;

pub use claimreview::claimreview;
pub use jsonl::jsonl;

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{json, Value};

use crate::compare::Analysis;
use crate::corpus::model::{Corpus, Source};
use crate::corpus::schema::Settings;
use crate::report::{json_claim, JsonClaim, JsonFinding};
use crate::review::{Reviews, Status};

/// Why an export could not be made.
#[derive(Debug)]
pub enum ExportError {
    Io(io::Error),
    /// ClaimReview needs the publisher (`claimcheck.toml`).
    NoPublisher,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Io(e) => write!(f, "{e}"),
            ExportError::NoPublisher => write!(
                f,
                "ClaimReview names who published the review, and this corpus does not say: add to {}:\n\n[publisher]\nname = \"Example Fact Check\"\nurl = \"https://factcheck.example.org\"\n# review_url = \"https://factcheck.example.org/reviews/{{finding}}\"",
                crate::corpus::settings::FILE
            ),
        }
    }
}

impl From<io::Error> for ExportError {
    fn from(e: io::Error) -> Self {
        ExportError::Io(e)
    }
}
