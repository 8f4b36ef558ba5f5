//! Diagnostics: every problem claimcheck finds in a corpus, with the file,
//! the byte span it concerns, a stable code and a hint on how to fix it.
//!
//! Loading never stops at the first problem: each check pushes a
//! [`Diagnostic`] and goes on, and the whole list is rendered at the end
//! through annotate-snippets, rustc-style, with the offending line shown.

use std::collections::BTreeMap;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// How bad a problem is: errors fail `check`; warnings only with `--strict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// Every diagnostic code with what it means. Codes are stable: tests and
/// editors' scripts may match on them.
pub const CODES: &[(&str, &str)] = &[
    ("io", "a corpus file or folder could not be read"),
    ("symlink", "a corpus file is a symbolic link"),
    ("outside-corpus", "a path leads outside the corpus folder"),
    ("empty-file", "a file has no content"),
    ("not-utf8", "a file is not valid UTF-8"),
    (
        "ignored-file",
        "a file in a corpus folder that claimcheck does not read",
    ),
    ("toml-syntax", "the TOML is malformed"),
    (
        "missing-front-matter",
        "a source file does not start with +++ TOML front matter",
    ),
    ("unknown-field", "a field that the format does not have"),
    ("missing-field", "a required field is absent"),
    ("wrong-type", "a field has the wrong TOML type"),
    ("bad-id", "an id is not a lower-case slug"),
    ("duplicate-id", "two records share an id"),
    ("unknown-source", "a claim names a source that does not exist"),
    (
        "derived-unscoped",
        "`derived` exempts a whole claim instead of naming the field it explains",
    ),
    (
        "interrupted-init",
        "`init` was killed part way: run it again to start over",
    ),
    (
        "stray-temporary",
        "a temporary file left by an interrupted review write",
    ),
    (
        "unknown-syndication",
        "`syndicated_from` is a near miss of a source id or outlet the corpus uses",
    ),
    (
        "update-before-publication",
        "a page's update (declared or stamped in its text) is read before the page was published",
    ),
    (
        "update-stamps-out-of-order",
        "a page's update stamps run neither forward nor back in time: one is likely on another day",
    ),
    (
        "unknown-property",
        "a claim names a subject/property that is not declared",
    ),
    ("value-not-allowed", "a value that the property does not allow"),
    ("field-not-for-kind", "a field that the property's kind does not use"),
    ("bad-property", "a property declaration is inconsistent"),
    ("bad-quantity", "a quantity that cannot be read"),
    ("bad-time", "a time expression that cannot be read"),
    ("unresolvable-time", "a relative time expression with no reference date"),
    ("quote-not-found", "a quote does not occur in its source"),
    (
        "number-not-in-quote",
        "a number of the claim does not occur in its quote",
    ),
    (
        "date-not-in-quote",
        "a year, month or day of the claim does not occur in its quote",
    ),
    (
        "ambiguous-date",
        "a date without its year or week could be read two ways and the quote does not say which",
    ),
    (
        "ambiguous-number",
        "a figure's separators read two ways in the article's language and the text does not say which",
    ),
    ("missing-speaker", "reported speech without said_by"),
    ("unused-property", "a declared property that no claim uses"),
    ("stale-review", "a review verdict for a finding that no longer exists"),
    (
        "superseded-without-reason",
        "`superseded_by` without `deprecated` saying why",
    ),
    (
        "unknown-replacement",
        "`superseded_by` names no claim or question in the corpus",
    ),
    ("rating-not-on-scale", "a claim's rating is not on the corpus's scale"),
    (
        "rating-without-confirmation",
        "a verdict that does not confirm its finding rates claims",
    ),
    ("settings", "claimcheck.toml does not match its format"),
    ("bad-url", "a URL that is not http(s)"),
    ("bad-scale", "a rating scale with a repeated rating or fewer than two"),
];

/// One problem, located in a corpus file.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    /// Corpus-relative path, with `/` separators.
    pub file: String,
    pub span: Option<Range<usize>>,
    pub label: String,
    pub help: Vec<String>,
    /// A second place worth showing, e.g. the nearest passage of a source.
    pub related: Option<Related>,
    /// The line, where there is no text to show (a file that is not UTF-8).
    pub line: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Related {
    pub file: String,
    pub span: Range<usize>,
    pub label: String,
}

impl Diagnostic {
    pub fn error(code: &'static str, file: &str, span: Option<Range<usize>>, message: impl Into<String>) -> Diagnostic {
        debug_assert!(CODES.iter().any(|(c, _)| *c == code), "unknown code {code}");
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: file.to_string(),
            span,
            label: String::new(),
            help: Vec::new(),
            related: None,
            line: None,
        }
    }

    pub fn warning(
        code: &'static str,
        file: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, span, message)
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = label.into();
        self
    }

    pub fn at_line(mut self, line: usize) -> Diagnostic {
        self.line = Some(line);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }

    pub fn related(mut self, file: &str, span: Range<usize>, label: impl Into<String>) -> Diagnostic {
        self.related = Some(Related {
            file: file.to_string(),
            span,
            label: label.into(),
        });
        self
    }
}

/// The text of every corpus file read, by corpus-relative path, so that
/// diagnostics can show the offending lines.
#[derive(Default, Debug)]
pub struct Files {
    /// Shared with the loader, which validates the same texts: a corpus's
    /// files are held once.
    texts: BTreeMap<String, (std::sync::Arc<str>, crate::read::anchor::LineIndex)>,
}

impl Files {
    /// Holds `text` (shared, when given as an `Arc<str>`) with its line index.
    pub fn insert(&mut self, path: &str, text: impl Into<std::sync::Arc<str>>) {
        let text = text.into();
        let index = crate::read::anchor::LineIndex::new(&text);
        self.texts.insert(path.to_string(), (text, index));
    }

    /// [`Files::insert`] of a shared text with its line index already made
    /// (in parallel).
    pub fn insert_indexed(&mut self, path: &str, text: std::sync::Arc<str>, index: crate::read::anchor::LineIndex) {
        self.texts.insert(path.to_string(), (text, index));
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.texts.get(path).map(|(t, _)| &**t)
    }

    /// The byte offset where one-based `line` of file `path` starts (0 for
    /// a file or line it does not hold).
    pub fn line_start(&self, path: &str, line: usize) -> usize {
        self.texts
            .get(path)
            .and_then(|(_, index)| index.line_start(line))
            .unwrap_or(0)
    }

    /// A file's text and line index, to find many places in it with one
    /// look-up.
    pub fn index(&self, path: &str) -> Option<(&str, &crate::read::anchor::LineIndex)> {
        self.texts.get(path).map(|(text, index)| (&**text, index))
    }

    /// One-based line and column of byte `offset` in file `path`.
    pub fn line_col(&self, path: &str, offset: usize) -> (usize, usize) {
        self.texts
            .get(path)
            .map_or((1, 1), |(text, index)| index.line_col(text, offset))
    }

    /// The lines of `path` that `span` touches, as (first line number,
    /// their text, the span relative to that text): a diagnostic shows only
    /// those, so rendering many diagnostics of a large file stays linear.
    fn window(&self, path: &str, span: &Range<usize>) -> Option<(usize, &str, Range<usize>)> {
        let (text, index) = self.texts.get(path)?;
        let span = clamp(text, span);
        let (first, _) = index.line_col(text, span.start);
        let start = text.get(..span.start)?.rfind('\n').map_or(0, |i| i + 1);
        let end = text.get(span.end..)?.find('\n').map_or(text.len(), |i| span.end + i);
        let window = text.get(start..end)?;
        Some((first, window, span.start - start..span.end - start))
    }
}

/// At most this many diagnostics are shown in one run; the count says how
/// many there are, and fixing the first ones usually clears many others.
pub const MAX_SHOWN: usize = 200;

/// Sorts diagnostics by file and position, so output is stable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.span.as_ref().map(|s| s.start), a.code, &a.message).cmp(&(
            &b.file,
            b.span.as_ref().map(|s| s.start),
            b.code,
            &b.message,
        ))
    });
}

/// Renders diagnostics as rustc-style text, in colour when `color` is set.
pub fn render(diags: &[Diagnostic], files: &Files, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for d in diags.iter().take(MAX_SHOWN) {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.clone().primary_title(d.message.as_str()).id(d.code);
        let mut group = match d.span.as_ref().and_then(|span| files.window(&d.file, span)) {
            Some((line, text, span)) => Group::with_title(title).element(
                Snippet::source(text)
                    .line_start(line)
                    .path(d.file.as_str())
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(span).label(d.label.as_str())),
            ),
            _ => {
                let origin = Origin::path(d.file.as_str());
                Group::with_title(title).element(match d.line {
                    Some(line) => origin.line(line),
                    None => origin,
                })
            }
        };
        if let Some(rel) = &d.related {
            if let Some((line, text, span)) = files.window(&rel.file, &rel.span) {
                group = group.element(
                    Snippet::source(text)
                        .line_start(line)
                        .path(rel.file.as_str())
                        .fold(true)
                        .annotation(AnnotationKind::Context.span(span).label(rel.label.as_str())),
                );
            }
        }
        for h in &d.help {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    if diags.len() > MAX_SHOWN {
        out.push_str(&format!(
            "note: {} more diagnostics are not shown (the first {MAX_SHOWN} are); fix these and run again\n\n",
            diags.len() - MAX_SHOWN
        ));
    }
    out
}

fn clamp(text: &str, span: &Range<usize>) -> Range<usize> {
    let s = crate::read::anchor::floor_char_boundary(text, span.start.min(text.len()));
    let e = crate::read::anchor::floor_char_boundary(text, span.end.min(text.len())).max(s);
    s..e
}

/// The candidate nearest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for (code, what) in CODES {
            assert!(seen.insert(code), "duplicate code {code}");
            assert!(!what.is_empty());
        }
    }

    #[test]
    fn renders_file_line_and_hint() {
        let mut files = Files::default();
        files.insert("claims/a.toml", "[[claim]]\nsourse = \"x\"\n");
        let d = Diagnostic::error("unknown-field", "claims/a.toml", Some(10..16), "unknown field `sourse`")
            .label("not a claim field")
            .help("did you mean `source`?");
        let text = render(&[d], &files, false);
        insta::assert_snapshot!(text, @r#"
        error[unknown-field]: unknown field `sourse`
         --> claims/a.toml:2:1
          |
        2 | sourse = "x"
          | ^^^^^^ not a claim field
          |
          = help: did you mean `source`?
        "#);
    }

    #[test]
    fn suggests_near_names_only() {
        assert_eq!(did_you_mean("sourse", ["source", "quote", "value"]), Some("source"));
        assert_eq!(did_you_mean("zzz", ["source", "quote"]), None);
    }
}
