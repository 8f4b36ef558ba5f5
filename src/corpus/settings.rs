//! `claimcheck.toml`: a corpus's settings. All optional: who publishes the
//! fact checks (for ClaimReview) and the scale claims are rated on.
//!
//! Read with serde into the same types the schema is made from
//! ([`crate::corpus::schema::Settings`]), so the schema and the loader cannot
//! disagree; errors carry the TOML parser's span.

use std::path::Path;

use crate::corpus::diag::{Diagnostic, Files};
use crate::corpus::schema::Settings;

/// The settings file, at the corpus root.
pub const FILE: &str = "claimcheck.toml";

/// The rating scale when the corpus declares none, best first.
pub const DEFAULT_SCALE: [&str; 4] = ["accurate", "misleading", "unproven", "inaccurate"];

impl Settings {
    /// The rating scale, best first.
    pub fn scale(&self) -> Vec<String> {
        match &self.rating {
            Some(r) if !r.scale.is_empty() => r.scale.clone(),
            _ => DEFAULT_SCALE.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// Reads `claimcheck.toml` (absent means the defaults), reporting problems.
pub fn load(root: &Path, files: &mut Files) -> (Settings, Vec<Diagnostic>) {
    let path = root.join(FILE);
    let text = match crate::corpus::files::read_regular(&path) {
        Err(crate::corpus::files::ReadError::NotFound) => return (Settings::default(), Vec::new()),
        Err(e) => {
            let d = Diagnostic::error("io", FILE, None, format!("cannot read {FILE}: {e}"))
                .help("make claimcheck.toml a readable regular file");
            return (Settings::default(), vec![d]);
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                let d =
                    Diagnostic::error("not-utf8", FILE, None, format!("{FILE} is not UTF-8")).help("save it as UTF-8");
                return (Settings::default(), vec![d]);
            }
        },
    };
    files.insert(FILE, text.as_str());
    let settings: Settings = match toml::from_str(&text) {
        Ok(s) => s,
        Err(e) => {
            // The parser gives up without a place on a key nested too deep
            // ("a.a.a..."): point at the first line that nests beyond reason.
            let span = e.span().or_else(|| {
                let mut at = 0;
                for line in text.split_inclusive('\n') {
                    if line.matches('.').count() > 64 {
                        return Some(at..at + line.trim_end().len().min(80));
                    }
                    at += line.len();
                }
                None
            });
            let message = match e.message().trim() {
                "recursion limit" => "a key is nested deeper than claimcheck reads (more than a few dots)".to_string(),
                m => m.to_string(),
            };
            let d = Diagnostic::error("settings", FILE, span, message)
                .help("see `claimcheck schema --print claimcheck` for the fields");
            return (Settings::default(), vec![d]);
        }
    };
    let mut diags = Vec::new();
    let span_of = |needle: &str| text.find(needle).map(|i| i..i + needle.len());
    if let Some(p) = &settings.publisher {
        if !crate::corpus::model::is_web_url(&p.url) {
            diags.push(
                Diagnostic::error(
                    "bad-url",
                    FILE,
                    span_of(&p.url),
                    format!("`{}` is not an http(s) URL", p.url),
                )
                .help("give the publisher's home page, e.g. url = \"https://factcheck.example.org\""),
            );
        }
    }
    if let Some(t) = settings.publisher.as_ref().and_then(|p| p.review_url.as_ref()) {
        let filled = t.replace("{finding}", "f").replace("{claim}", "c");
        if !crate::corpus::model::is_web_url(&filled) {
            diags.push(
                Diagnostic::error(
                    "bad-url",
                    FILE,
                    span_of(t),
                    format!("review_url `{t}` is not an http(s) URL template"),
                )
                .help("e.g. review_url = \"https://factcheck.example.org/reviews/{finding}\""),
            );
        }
    }
    if let Some(r) = &settings.rating {
        use unicode_normalization::UnicodeNormalization;
        let mut seen = std::collections::BTreeSet::new();
        for v in &r.scale {
            if v.trim().is_empty() || v.trim() != v || v.chars().any(char::is_control) {
                diags.push(
                    Diagnostic::error(
                        "bad-scale",
                        FILE,
                        span_of("scale"),
                        format!("the rating {v:?} is empty or has spaces around it"),
                    )
                    .help("write each rating as a word or phrase, trimmed, e.g. \"accurate\""),
                );
                continue;
            }
            // "Accurate" and "accurate", or two spellings of one letter,
            // are one rating twice.
            let key: String = v.nfc().collect::<String>().to_lowercase();
            if !seen.insert(key) {
                diags.push(
                    Diagnostic::error(
                        "bad-scale",
                        FILE,
                        span_of("scale"),
                        format!("`{v}` is twice in the rating scale"),
                    )
                    .help("list each rating once, best first"),
                );
            }
        }
        if r.scale.len() < 2 {
            diags.push(
                Diagnostic::error(
                    "bad-scale",
                    FILE,
                    span_of("scale"),
                    "a rating scale needs at least two ratings",
                )
                .help(format!(
                    "e.g. scale = [{}]",
                    DEFAULT_SCALE.map(|s| format!("\"{s}\"")).join(", ")
                )),
            );
        }
    }
    (settings, diags)
}
