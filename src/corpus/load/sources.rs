//! Sources: an article's front matter (`+++` TOML `+++`) and its text.

use super::*;

/// One source file, validated: the source if it is valid, its
/// diagnostics, and its `syndicated_from` to resolve later.
#[derive(Default)]
pub(super) struct FileSource {
    pub(super) source: Option<Source>,
    pub(super) diags: Vec<Diagnostic>,
    pub(super) syndication: Option<(String, String, Sp<String>)>,
}

impl Loader {
    /// Validates one source file. Changes nothing in the loader, so
    /// sources are checked in parallel and added in file order.
    pub(super) fn source(&self, rel: &str, text: &Arc<str>) -> FileSource {
        let mut out = FileSource::default();
        let id = rel.trim_start_matches("sources/").trim_end_matches(".txt").to_string();
        if !valid_id(&id) {
            out.diags.push(
                Diagnostic::error("bad-id", rel, None, format!("`{id}` is not a usable source id")).help(
                    "name source files with lower-case letters, digits and dashes, e.g. `sources/001-moscow-times.txt`",
                ),
            );
            return out;
        }
        let first_line = 0..text.find('\n').unwrap_or(text.len()).min(200);
        let (front, front_start, body_offset) = match front_matter(text) {
            Ok(parts) => parts,
            Err(e) => {
                out.diags.push(e.diagnostic(rel, first_line));
                return out;
            }
        };
        let Some(table) = parse_toml(rel, front, front_start, &mut out.diags) else {
            return out;
        };
        let mut r = Rec::new(rel, front_start, &table, 0..3, "source");
        let title = r.string("title", true);
        let outlet = r.string("outlet", true);
        let authors = r.strings("authors", false);
        let url = r.string("url", false);
        let published = r.time_string("published", true);
        let published_basis = r.string("published_basis", true);
        let written = r.time_string("written", false);
        let _written_basis = r.string("written_basis", written.is_some());
        let kind = r.string("kind", true);
        let language = r.string("language", true);
        let syndicated_from = r.string("syndicated_from", false);
        let updated = r.strings("updated", false);
        if let Some(s) = &syndicated_from {
            out.syndication = Some((id.clone(), rel.to_string(), s.clone()));
        }
        let _captured = r.string("captured_from", false);
        let _note = r.string("note", false);
        let mut diags = r.finish();
        let kind = kind.and_then(|k| {
            if SOURCE_KINDS.contains(&k.v.as_str()) {
                Some(k.v)
            } else {
                diags.push(not_allowed(rel, &k, "source kind", SOURCE_KINDS.iter().copied()));
                None
            }
        });
        let absolute = |t: Option<Sp<String>>, what: &str, diags: &mut Vec<Diagnostic>| -> Option<TimeText> {
            let t = t?;
            match time::resolve(&t.v, None, Tense::Past) {
                Ok(resolved) => Some(TimeText { text: t.v, resolved }),
                Err(e) => {
                    diags.push(
                        Diagnostic::error(
                            "bad-time",
                            rel,
                            Some(t.span.clone()),
                            format!("the {what} date cannot be read: {e}"),
                        )
                        .label("not an absolute date")
                        .help("write `2025-06-09`, `2025-06`, `2025`, or a bound such as `not before 2025-06-01`"),
                    );
                    None
                }
            }
        };
        let published = absolute(published, "published", &mut diags);
        let written = absolute(written, "written", &mut diags);
        let declared: Vec<(Sp<String>, TimeText)> = updated
            .unwrap_or_default()
            .into_iter()
            .filter_map(|u| absolute(Some(u.clone()), "updated", &mut diags).map(|t| (u, t)))
            .collect();
        let language = language.and_then(|l| language_tag(rel, l, &mut diags));
        let ok = diags.is_empty();
        out.diags.extend(diags);
        let (Some(title), Some(outlet), Some(published), Some(published_basis), Some(kind), Some(language)) =
            (title, outlet, published, published_basis, kind, language)
        else {
            return out;
        };
        if !ok {
            return out;
        }
        let voice = normalise_outlet(&outlet.v);
        let page = super::updates::Page {
            rel,
            text,
            body_offset,
            language: &language,
            dated: written.as_ref().unwrap_or(&published),
            published: &published,
        };
        let updates = page.updates(declared, &mut out.diags);
        out.source = Some(Source {
            updates,
            voice,
            id,
            file: Arc::from(rel),
            title: title.v,
            outlet: outlet.v,
            authors: authors
                .map(|a| a.into_iter().map(|s| s.v).collect())
                .unwrap_or_default(),
            url: url.map(|u| u.v),
            published,
            published_basis: published_basis.v,
            written,
            kind,
            language,
            syndicated_from: syndicated_from.map(|s| s.v),
            text: Arc::clone(text),
            body_offset,
        });
        out
    }
}

/// A language tag as the front matter gives it, if it is a BCP 47 tag.
fn language_tag(rel: &str, l: Sp<String>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let ok = (2..=3).contains(&l.v.split('-').next().unwrap_or("").len())
        && l.v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Some(l.v)
    } else {
        diags.push(
            Diagnostic::error(
                "value-not-allowed",
                rel,
                Some(l.span),
                format!("`{}` is not a language tag", l.v),
            )
            .label("expected a BCP 47 tag")
            .help("write the language as `en`, `ru`, `hy`, `fr`, `pt-BR`..."),
        );
        None
    }
}

/// Splits `+++` front matter from the body: (toml, toml start, body start).
/// Why a source's front matter could not be found, named for the editor.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum FrontMatter {
    Bom,
    CrOnly,
    Missing,
    Unclosed,
}

impl FrontMatter {
    /// The error naming the cause, for source `rel` whose first line is `first_line`.
    fn diagnostic(&self, rel: &str, first_line: Range<usize>) -> Diagnostic {
        match self {
            FrontMatter::Bom => Diagnostic::error(
                        "missing-front-matter",
                        rel,
                        None,
                        "the file starts with a byte-order mark (U+FEFF) before its `+++` line",
                    )
                    .at_line(1)
                    .help(
                        "save the file as UTF-8 without a BOM (most editors offer \"UTF-8\" beside \"UTF-8 with BOM\")",
                    ),
            FrontMatter::CrOnly => Diagnostic::error(
                        "missing-front-matter",
                        rel,
                        None,
                        "the file's lines end in a lone carriage return (CR), so it reads as one line",
                    )
                    .at_line(1)
                    .help("convert its line endings to LF (or CRLF), e.g. with `dos2unix -c mac`"),
            FrontMatter::Unclosed => Diagnostic::error(
                        "missing-front-matter",
                        rel,
                        Some(first_line),
                        "the front matter opened here is never closed",
                    )
                    .label("opened here")
                    .help("end the metadata with a line holding only `+++`, then the article text"),
            FrontMatter::Missing => Diagnostic::error("missing-front-matter", rel, Some(first_line), "this source has no TOML front matter")
                        .label("expected `+++` here")
                        .help("start the file with a line `+++`, the metadata (title, outlet, published, ...), a line `+++`, then the article text"),
        }
    }
}

/// The article text of a source file: after its front matter, or all of
/// it when it has none (an article not yet filed, for `suggest`).
pub fn article_body(text: &str) -> &str {
    front_matter(text)
        .ok()
        .and_then(|(_, _, body)| text.get(body..))
        .unwrap_or(text)
}

pub(super) fn front_matter(text: &str) -> Result<(&str, usize, usize), FrontMatter> {
    if text.starts_with('\u{feff}') {
        return Err(FrontMatter::Bom);
    }
    if text.contains('\r') && !text.contains('\n') {
        return Err(FrontMatter::CrOnly);
    }
    let first_end = text.find('\n').ok_or(FrontMatter::Missing)?;
    if text[..first_end].trim_end() != "+++" {
        return Err(FrontMatter::Missing);
    }
    let start = first_end + 1;
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok((&text[start..pos], start, pos + line.len()));
        }
        pos += line.len();
    }
    Err(FrontMatter::Unclosed)
}

/// Reads a file as UTF-8 text, refusing unreadable, empty and non-UTF-8
/// files with a diagnostic. Free of the loader, so files are read in parallel.
pub(super) fn read_text(rel: &str, path: &Path) -> Result<String, Box<Diagnostic>> {
    let bytes = match crate::corpus::files::read_regular(path) {
        Ok(b) => b,
        Err(e) => {
            let help = match e {
                crate::corpus::files::ReadError::TooLarge(_) => "split the file, or keep only the article's text",
                crate::corpus::files::ReadError::NotRegular(_) => {
                    "replace it with a regular file, or move it out of the corpus"
                }
                _ => "make the file readable by the user running claimcheck",
            };
            return Err(Box::new(
                Diagnostic::error("io", rel, None, format!("cannot read `{rel}`: {e}")).help(help),
            ));
        }
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Box::new(
            Diagnostic::error("empty-file", rel, None, format!("`{rel}` is empty"))
                .at_line(1)
                .help("fill it in, or delete it if it was created by mistake"),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(e.as_bytes().get(..at).unwrap_or_default()).into_owned();
            let (line, col) = anchor::line_col(&valid, at);
            Err(Box::new(
                Diagnostic::error(
                    "not-utf8",
                    rel,
                    None,
                    format!(
                        "`{rel}` is not UTF-8: invalid byte 0x{:02X} at line {line}, column {col}",
                        e.as_bytes().get(at).copied().unwrap_or(0)
                    ),
                )
                .at_line(line)
                .help("save the file as UTF-8 (most editors offer \"Save with encoding\")"),
            ))
        }
    }
}
