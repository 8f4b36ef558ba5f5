//! Loading and validation: corpus files -> [`Corpus`] + diagnostics.
//!
//! Files are read defensively (no symlinks, nothing outside the corpus,
//! UTF-8 only, no empty files), parsed into span-keeping TOML tables, and
//! validated field by field into the model. Every problem becomes a
//! [`Diagnostic`] and validation goes on, so an editor sees every problem of
//! a corpus in one run. A record with errors is left out of the corpus, so
//! nothing downstream ever sees an unchecked value.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::corpus::diag::{did_you_mean, Diagnostic, Files};
use crate::corpus::model::*;
use crate::read::anchor::{self, fold};
use crate::read::quantity::{self, Tolerance};
use crate::read::time::{self, Resolved, Tense};

/// The result of loading: the valid part of the corpus and every problem.
#[derive(Debug, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    pub diagnostics: Vec<Diagnostic>,
    pub files: Files,
    /// `claimcheck.toml`, or the defaults.
    pub settings: crate::corpus::schema::Settings,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == crate::corpus::diag::Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// The file of property declarations inside `claims/`.
pub const PROPERTIES_FILE: &str = "claims/properties.toml";

/// Loads and validates a corpus held in memory: `sources` are
/// (`sources/<id>.txt`, text), `claims` are (`claims/<topic>.toml`, text).
/// The same checks as [`load`], without the file system: for fuzzing and
/// for tools that hold files elsewhere.
pub fn load_texts(sources: &[(&str, &str)], properties: Option<&str>, claims: &[(&str, &str)]) -> Loaded {
    let mut l = Loader::new(Path::new("."));
    let own = |files: &[(&str, &str)], l: &mut Loader| -> Vec<(String, Arc<str>)> {
        files
            .iter()
            .map(|(rel, text)| {
                let text: Arc<str> = Arc::from(*text);
                l.out.files.insert(rel, Arc::clone(&text));
                (rel.to_string(), text)
            })
            .collect()
    };
    let sources = own(sources, &mut l);
    let claims = own(claims, &mut l);
    let properties: Option<Arc<str>> = properties.map(Arc::from);
    if let Some(p) = &properties {
        l.out.files.insert(PROPERTIES_FILE, Arc::clone(p));
    }
    l.process(&sources, properties.map(Some), &claims);
    crate::corpus::diag::sort(&mut l.out.diagnostics);
    l.out
}

/// Loads and validates the corpus at `root`.
pub fn load(root: &Path) -> Loaded {
    let mut l = Loader::new(root);
    l.run();
    let replacements = unknown_replacements(&l.out.corpus);
    l.out.diagnostics.extend(replacements);
    if root.is_dir() {
        let (settings, diags) = crate::corpus::settings::load(root, &mut l.out.files);
        l.out.settings = settings;
        l.out.diagnostics.extend(diags);
    }
    crate::corpus::diag::sort(&mut l.out.diagnostics);
    crate::timings::mark("loaded");
    l.out
}

/// The id of the source at `rel` (`sources/<id>.txt`).
fn source_id(rel: &str) -> Option<&str> {
    rel.strip_prefix("sources/")?.strip_suffix(".txt")
}

/// A `superseded_by` must name a claim (or, on a question, a
/// `subject/property`) that exists: a typo would point readers nowhere.
fn unknown_replacements(corpus: &Corpus) -> Vec<Diagnostic> {
    if !corpus.has_retired() {
        return Vec::new();
    }
    let claim_ids: BTreeSet<&str> = corpus.claims.iter().map(|c| c.id.as_str()).collect();
    let keys: Vec<String> = corpus.properties.iter().map(|p| p.key()).collect();
    let keys: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    let mut check = |what: &str, loc: &Loc, target: &str, known: &BTreeSet<&str>| {
        if known.contains(target) {
            return;
        }
        let mut d = Diagnostic::error(
            "unknown-replacement",
            &loc.file,
            None,
            format!("this {what} is superseded by `{target}`, which is not a {what} in the corpus"),
        )
        .at_line(loc.line);
        if let Some(m) = did_you_mean(target, known.iter().copied()) {
            d = d.help(format!("did you mean `{m}`?"));
        }
        out.push(d.help(format!("name the {what} that replaces it, or leave superseded_by out")));
    };
    for c in &corpus.claims {
        if let Some(t) = c.retired.as_ref().and_then(|r| r.superseded_by.as_deref()) {
            check("claim", &c.loc, t, &claim_ids);
        }
    }
    for p in &corpus.properties {
        if let Some(t) = p.retired.as_ref().and_then(|r| r.superseded_by.as_deref()) {
            check("question", &p.loc, t, &keys);
        }
    }
    out
}

struct Loader {
    root: PathBuf,
    out: Loaded,
    /// Sources whose files exist but failed validation: claims naming them
    /// are not reported again as naming an unknown source.
    broken_sources: std::collections::HashSet<String>,
    /// Every subject/property a claim record names, valid or not.
    referenced: std::collections::HashSet<String>,
    /// A claims file did not parse, so which properties are used is unknown.
    unparsed_claims: bool,
    /// Each source's `syndicated_from`, to resolve once all sources are read.
    syndication: Vec<(String, String, Sp<String>)>,
    /// Properties whose declaration has errors: their claims are not
    /// reported again as naming an undeclared property.
    broken_properties: std::collections::HashSet<String>,
    /// How many `[[property]]` records properties.toml holds, once parsed.
    property_records: Option<usize>,
}

/// One source file, validated: the source if it is valid, its
/// diagnostics, and its `syndicated_from` to resolve later.
#[derive(Default)]
struct FileSource {
    source: Option<Source>,
    diags: Vec<Diagnostic>,
    syndication: Option<(String, String, Sp<String>)>,
}

/// The property declarations, validated: the valid ones, the keys of
/// broken ones (their claims are not reported again), the number of
/// records, and the diagnostics.
#[derive(Default)]
struct FileProperties {
    properties: Vec<Property>,
    broken: Vec<String>,
    records: Option<usize>,
    diags: Vec<Diagnostic>,
}

/// One property declaration, checked alone: where it is, its diagnostics,
/// its `subject/property` key if it names one, and (when its required
/// fields are there) the span of subject and property and the property if
/// valid.
struct Declared {
    span: Range<usize>,
    diags: Vec<Diagnostic>,
    key: Option<String>,
    valid: Option<(Range<usize>, Option<Property>)>,
}

/// One claims file, validated: its records in order, its diagnostics, and
/// the questions it names (valid or not).
#[derive(Default)]
struct FileClaims {
    records: Vec<ClaimRecord>,
    diags: Vec<Diagnostic>,
    /// Hashed with FNV-1a, as the corpus's own ids are: every claim asks it.
    referenced: HashSet<String, std::hash::BuildHasherDefault<crate::corpus::model::IdHasher>>,
    unparsed: bool,
    /// Quotes to find in their sources, once every file is read.
    quotes: Vec<QuoteToAnchor>,
}

/// Where a quote was found (line, column, bytes of the body), or the error.
enum Found {
    At(usize, usize, Range<usize>),
    Missing(Box<Diagnostic>),
}

/// A claim's quote, to be found in its source after every claims file is
/// read (see [`Loader::anchor_quotes`]).
struct QuoteToAnchor {
    /// The claim's record in its file.
    record: usize,
    /// The source's position in the corpus.
    source: usize,
    /// Where the quote is written in the claims file.
    span: Range<usize>,
    /// The quote, when the record made no claim to read it from (it is
    /// still looked for, for its diagnostic).
    text: Option<String>,
}

/// A `[[claim]]` record: its id (for duplicates), where it is, and the
/// claim if it is valid.
struct ClaimRecord {
    id: Option<Sp<String>>,
    loc: Loc,
    claim: Option<Box<Claim>>,
}

/// What `derived` says was worked out rather than quoted.
#[derive(Clone, Debug)]
enum Derived {
    /// The older form: one note, the whole claim exempt.
    All(String),
    /// Field name and how it was worked out.
    Fields(Vec<(&'static str, String)>),
}

impl Derived {
    fn explains(&self, field: &str) -> bool {
        match self {
            Derived::All(_) => true,
            Derived::Fields(f) => f.iter().any(|(k, _)| *k == field),
        }
    }
}

impl std::fmt::Display for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Derived::All(s) => write!(f, "{s}"),
            Derived::Fields(fields) => {
                let parts: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                write!(f, "{}", parts.join("; "))
            }
        }
    }
}

/// A value with its byte span in its file.
#[derive(Clone, Debug)]
struct Sp<T> {
    v: T,
    span: Range<usize>,
}

impl Loader {
    fn new(root: &Path) -> Loader {
        Loader {
            root: root.to_path_buf(),
            out: Loaded::default(),
            broken_sources: Default::default(),
            referenced: Default::default(),
            unparsed_claims: false,
            syndication: Vec::new(),
            broken_properties: Default::default(),
            property_records: None,
        }
    }

    fn push(&mut self, d: Diagnostic) {
        self.out.diagnostics.push(d);
    }

    fn run(&mut self) {
        if self.root.is_file() {
            let d = Diagnostic::error(
                "io",
                &self.root.display().to_string(),
                None,
                "this is a file, not a corpus folder",
            )
            .help("give the folder that holds `sources/` and `claims/`, e.g. --corpus path/to/corpus");
            self.push(d);
            return;
        }
        let canonical_root = match self.root.canonicalize() {
            Ok(r) => r,
            Err(e) => {
                let d = Diagnostic::error(
                    "io",
                    &self.root.display().to_string(),
                    None,
                    format!("cannot open the corpus folder: {e}"),
                )
                .help("run claimcheck in a corpus folder, or give one with --corpus DIR");
                self.push(d);
                return;
            }
        };
        let sources = self.list("sources", &canonical_root, "txt");
        let claims = self.list("claims", &canonical_root, "toml");
        let mut source_texts = Vec::new();
        for (rel, text) in self.read_all(sources.iter()) {
            match text {
                Some(text) => source_texts.push((rel.to_string(), text)),
                // Unreadable, the source counts as broken: claims naming it
                // are not reported again as naming no source.
                None => {
                    if let Some(id) = source_id(rel) {
                        self.broken_sources.insert(id.to_string());
                    }
                }
            }
        }
        crate::timings::mark("sources read");
        let properties = claims
            .iter()
            .find(|(rel, _)| rel == PROPERTIES_FILE)
            .map(|(rel, path)| self.read(rel, path));
        let claim_texts: Vec<(String, Arc<str>)> = self
            .read_all(claims.iter().filter(|(rel, _)| rel != PROPERTIES_FILE))
            .into_iter()
            .filter_map(|(rel, text)| Some((rel.to_string(), text?)))
            .collect();
        crate::timings::mark("claims read");
        self.process(&source_texts, properties, &claim_texts);
    }

    /// Reads files with many threads (`files::read_all`), each with its
    /// line index, and keeps them for diagnostics; an unreadable file is
    /// reported. The texts come back in the order given, `None` where a
    /// file could not be read.
    fn read_all<'a>(&mut self, files: impl Iterator<Item = &'a (String, PathBuf)>) -> Vec<(&'a str, Option<Arc<str>>)> {
        let files: Vec<&(String, PathBuf)> = files.collect();
        let read = crate::corpus::files::read_all(&files, |(rel, path)| {
            read_text(rel, path).map(|text| {
                let index = anchor::LineIndex::new(&text);
                (Arc::<str>::from(text), index)
            })
        });
        let mut out = Vec::with_capacity(read.len());
        for ((rel, _), text) in files.into_iter().zip(read) {
            match text {
                Ok((text, index)) => {
                    self.out.files.insert_indexed(rel, Arc::clone(&text), index);
                    out.push((rel.as_str(), Some(text)));
                }
                Err(d) => {
                    self.push(*d);
                    out.push((rel.as_str(), None));
                }
            }
        }
        out
    }

    /// Validates files already read: sources, then properties (`None`: the
    /// file is missing; `Some(None)`: it could not be read), then claims.
    fn process(
        &mut self,
        sources: &[(String, Arc<str>)],
        properties: Option<Option<Arc<str>>>,
        claims: &[(String, Arc<str>)],
    ) {
        for (rel, _) in sources {
            if let Some(id) = source_id(rel) {
                self.broken_sources.insert(id.to_string());
            }
        }
        // Sources and property declarations are independent: validated
        // side by side (a newsroom's declarations are a large file).
        let (files, declared): (Vec<FileSource>, _) = rayon::join(
            || sources.par_iter().map(|(rel, text)| self.source(rel, text)).collect(),
            || match &properties {
                Some(Some(text)) => Some(Self::properties(PROPERTIES_FILE, text)),
                _ => None,
            },
        );
        for file in files {
            self.out.diagnostics.extend(file.diags);
            self.syndication.extend(file.syndication);
            if let Some(source) = file.source {
                // Valid: claims naming it are checked against it.
                self.broken_sources.remove(&source.id);
                self.out.corpus.sources.push(source);
            }
        }
        crate::timings::mark("sources parsed");
        // Sorted and indexed now: claims look their sources up.
        self.out.corpus.sort();
        self.resolve_voices();
        // `declared` is there exactly when the file was read (validated
        // above, beside the sources); a file that could not be read was
        // reported as it was read.
        if let Some(declared) = declared {
            self.property_records = declared.records;
            self.out.diagnostics.extend(declared.diags);
            self.broken_properties.extend(declared.broken);
            self.out.corpus.properties.extend(declared.properties);
        } else if properties.is_none() {
            let d = Diagnostic::error("io", PROPERTIES_FILE, None, "the corpus has no property declarations")
                .help("create claims/properties.toml with one [[property]] table per question (see README.md)");
            self.push(d);
        }
        self.out.corpus.sort_properties();
        self.check_change_of();
        let mut files: Vec<FileClaims> = claims.par_iter().map(|(rel, text)| self.claims(rel, text)).collect();
        crate::timings::mark("claims parsed");
        self.anchor_quotes(claims, &mut files);
        crate::timings::mark("quotes anchored");
        self.merge(claims.iter().map(|(rel, _)| rel.as_str()).zip(files).collect());
        crate::timings::mark("claims merged and sorted");
        self.unused_properties();
    }

    /// Resolves each source's independent voice. `syndicated_from` may name
    /// a source id (that source's voice, followed through chains) or an
    /// outlet, compared after normalising case and spacing; a wire outside
    /// the corpus is accepted when two or more sources name it. Anything
    /// else is most likely a typo that would silently make a copy a second
    /// voice, so it is an error with the nearest name.
    fn resolve_voices(&mut self) {
        let sources = &self.out.corpus.sources;
        let ids: BTreeMap<&str, usize> = sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let outlets: BTreeSet<String> = sources.iter().map(|s| normalise_outlet(&s.outlet)).collect();
        let mut wires: BTreeMap<String, usize> = BTreeMap::new();
        for (_, _, s) in &self.syndication {
            *wires.entry(normalise_outlet(&s.v)).or_default() += 1;
        }
        let mut voices: Vec<String> = sources.iter().map(|s| normalise_outlet(&s.outlet)).collect();
        let mut diags = Vec::new();
        for (i, s) in sources.iter().enumerate() {
            let Some(from) = &s.syndicated_from else { continue };
            // Follow source ids, at most once per source (a cycle stops).
            let mut seen = BTreeSet::from([i]);
            let mut at = from.clone();
            let mut voice = None;
            while let Some(&j) = ids.get(at.trim()) {
                if !seen.insert(j) {
                    break;
                }
                let Some(next) = sources.get(j) else { break };
                match &next.syndicated_from {
                    Some(from) => at = from.clone(),
                    None => {
                        voice = Some(normalise_outlet(&next.outlet));
                        break;
                    }
                }
            }
            let norm = normalise_outlet(&at);
            let voice = voice.or_else(|| {
                (outlets.contains(&norm) || wires.get(&norm).is_some_and(|n| *n >= 2)).then(|| norm.clone())
            });
            match voice {
                Some(v) => {
                    if let Some(slot) = voices.get_mut(i) {
                        *slot = v;
                    }
                }
                None => {
                    let Some((_, rel, sp)) = self.syndication.iter().find(|(id, _, _)| *id == s.id) else {
                        continue;
                    };
                    let names: Vec<&str> = sources
                        .iter()
                        .flat_map(|x| [x.id.as_str(), x.outlet.as_str()])
                        .chain(
                            self.syndication
                                .iter()
                                .map(|(_, _, w)| w.v.as_str())
                                .filter(|w| *w != sp.v),
                        )
                        .collect();
                    let mut d = Diagnostic::error(
                        "unknown-syndication",
                        rel,
                        Some(sp.span.clone()),
                        format!(
                            "`syndicated_from = \"{}\"` names no source id or outlet in the corpus",
                            sp.v
                        ),
                    )
                    .label("not a source id or outlet");
                    d = match did_you_mean(&sp.v, names.iter().copied()) {
                        Some(m) => d.help(format!("did you mean `{m}`?")),
                        None => d.help(
                            "name the copied story's source id or outlet; a wire outside the corpus counts once it is named by two sources, and a lone copy is one voice without the declaration",
                        ),
                    };
                    diags.push(d);
                }
            }
        }
        for (s, v) in self.out.corpus.sources.iter_mut().zip(voices) {
            s.voice = v;
        }
        self.out.diagnostics.extend(diags);
    }

    /// The files of one corpus folder, refusing links and anything outside.
    fn list(&mut self, dir: &str, root: &Path, ext: &str) -> Vec<(String, PathBuf)> {
        let path = self.root.join(dir);
        match std::fs::symlink_metadata(&path) {
            Err(_) => {
                self.push(
                    Diagnostic::error("io", dir, None, format!("the corpus has no `{dir}/` folder"))
                        .help(format!("create `{dir}/` in the corpus folder (see README.md)")),
                );
                return Vec::new();
            }
            Ok(m) if m.file_type().is_symlink() => {
                self.push(
                    Diagnostic::error("symlink", dir, None, format!("`{dir}/` is a symbolic link"))
                        .help("claimcheck reads only real folders inside the corpus; replace the link with the folder"),
                );
                return Vec::new();
            }
            Ok(_) => {}
        }
        let entries = match std::fs::read_dir(&path) {
            Ok(e) => e,
            Err(e) => {
                self.push(Diagnostic::error("io", dir, None, format!("cannot read `{dir}/`: {e}")));
                return Vec::new();
            }
        };
        let mut files = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = format!("{dir}/{name}");
            let p = entry.path();
            // The entry's own type, from the folder listing where the file
            // system gives it: no look-up of each of ten thousand files
            // one after another (like `symlink_metadata`, links are not
            // followed). Files are checked again when read.
            let Ok(meta) = entry.file_type() else {
                continue;
            };
            if meta.is_symlink() {
                let target = std::fs::canonicalize(&p).ok();
                let outside = target.as_ref().is_none_or(|t| !t.starts_with(root));
                let d = if outside {
                    Diagnostic::error(
                        "outside-corpus",
                        &rel,
                        None,
                        format!("`{rel}` is a link to a file outside the corpus"),
                    )
                } else {
                    Diagnostic::error("symlink", &rel, None, format!("`{rel}` is a symbolic link"))
                };
                self.push(d.help(
                    "claimcheck reads only regular files inside the corpus: copy the file in instead of linking it",
                ));
                continue;
            }
            if meta.is_dir() || name.starts_with('.') {
                continue;
            }
            if !meta.is_file() {
                if let Err(e) = crate::corpus::files::check_regular(&p) {
                    self.push(
                        Diagnostic::error("io", &rel, None, format!("cannot read `{rel}`: {e}"))
                            .help("replace it with a regular file, or move it out of the corpus"),
                    );
                }
                if let Some(id) = source_id(&rel) {
                    self.broken_sources.insert(id.to_string());
                }
                continue;
            }
            if p.extension().and_then(|e| e.to_str()) == Some(ext) {
                files.push((rel, p));
            } else if name != "README.md" {
                self.push(
                    Diagnostic::warning(
                        "ignored-file",
                        &rel,
                        None,
                        format!("`{rel}` is not read: {dir}/ holds `.{ext}` files"),
                    )
                    .help(format!(
                        "rename it to end in `.{ext}` if it belongs to the corpus, or move it out of `{dir}/`"
                    )),
                );
            }
        }
        files.sort();
        files
    }

    /// Reads a file as UTF-8 text, refusing empty and non-UTF-8 files.
    fn read(&mut self, rel: &str, path: &Path) -> Option<Arc<str>> {
        match read_text(rel, path) {
            Ok(text) => {
                let text = Arc::<str>::from(text);
                self.out.files.insert(rel, Arc::clone(&text));
                Some(text)
            }
            Err(d) => {
                self.push(*d);
                None
            }
        }
    }
}

/// Parses TOML, reporting every syntax error; `offset` is where the TOML
/// starts in the file (after a source's `+++` line).
fn parse_toml<'t>(rel: &str, toml_text: &'t str, offset: usize, diags: &mut Vec<Diagnostic>) -> Option<DeTable<'t>> {
    {
        let (table, errors) = DeTable::parse_recoverable(toml_text);
        if errors.is_empty() {
            return Some(table.into_inner());
        }
        for e in errors {
            let span = e.span().map(|s| s.start + offset..s.end + offset);
            let msg = e.message().trim().to_string();
            diags.push(
                Diagnostic::error("toml-syntax", rel, span, format!("malformed TOML: {msg}"))
                    .label(msg)
                    .help(
                        "strings need double quotes, arrays of records are written [[claim]], one `key = value` a line",
                    ),
            );
        }
        None
    }
}

impl Loader {
    /// Validates one source file. Changes nothing in the loader, so
    /// sources are checked in parallel and added in file order.
    fn source(&self, rel: &str, text: &Arc<str>) -> FileSource {
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
        let language = language.and_then(|l| {
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
        });
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
        out.source = Some(Source {
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

    /// Validates the property declarations. Reads nothing of the loader,
    /// so it runs beside the sources' validation.
    fn properties(rel: &str, text: &str) -> FileProperties {
        let mut out = FileProperties::default();
        let Some(table) = parse_toml(rel, text, 0, &mut out.diags) else {
            return out;
        };
        let records = records(rel, &table, "property", &mut out.diags);
        out.records = Some(records.len());
        let lines = anchor::LineIndex::new(text);
        // Each declaration is checked on its own, on every core; whether
        // its key was declared before is then decided in file order.
        let checked: Vec<Declared> = records
            .par_iter()
            .map(|(span, t)| Self::property(rel, text, &lines, span.clone(), t))
            .collect();
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        for declared in checked {
            let (key, key_span, property) = match (declared.key, declared.valid) {
                (Some(key), Some((key_span, property))) => (key, key_span, property),
                (key, _) => {
                    out.broken.extend(key);
                    out.diags.extend(declared.diags);
                    continue;
                }
            };
            let mut diags = declared.diags;
            if let Some(first) = seen.get(&key) {
                let (line, _) = lines.line_col(text, first.start);
                diags.push(
                    Diagnostic::error(
                        "duplicate-id",
                        rel,
                        Some(key_span),
                        format!("the property `{key}` is declared twice"),
                    )
                    .help(format!("the first declaration is at line {line}; merge the two")),
                );
            }
            seen.insert(key.clone(), declared.span);
            let failed = !diags.is_empty();
            out.diags.extend(diags);
            match property {
                Some(p) if !failed => out.properties.push(p),
                _ => out.broken.push(key),
            }
        }
        out
    }

    /// One property declaration, checked on its own: its diagnostics, its
    /// key, and the property if nothing is wrong with it.
    fn property(rel: &str, text: &str, lines: &anchor::LineIndex, span: Range<usize>, t: &DeTable<'_>) -> Declared {
        let mut r = Rec::new(rel, 0, t, span.clone(), "property");
        let subject = r.id("subject");
        let property = r.id("property");
        let question = r.string("question", true);
        let description = r.string("description", false);
        let kind = r.string("kind", true);
        let values = r.strings("values", false);
        let transitions = r.strings("transitions", false);
        let unit = r.string("unit", false);
        let tolerance = r.string("tolerance", false);
        let monotonic = r.string("monotonic", false);
        let over_time = r.string("over_time", false);
        let change_of = r.string("change_of", false);
        let baseline = r.time_string("baseline", false);
        let retired = r.retired();
        let mut diags = r.finish();
        if change_of.is_some() != baseline.is_some() {
            diags.push(
                Diagnostic::error("bad-property", rel, Some(self_header(&span)), "`change_of` and `baseline` go together")
                    .help("a percentage change names the quantity (change_of = \"subject/property\") and the time it is counted from (baseline = \"2018\")"),
            );
        }
        let baseline = baseline.and_then(|b| match time::resolve(&b.v, None, Tense::Past) {
            Ok(r) => Some(r.interval),
            Err(e) => {
                diags.push(
                    Diagnostic::error("bad-time", rel, Some(b.span), format!("`baseline`: {e}"))
                        .label("not an absolute time"),
                );
                None
            }
        });
        let kind = kind.and_then(|k| match Kind::ALL.iter().find(|(n, _)| *n == k.v) {
            Some((_, kind)) => Some((*kind, k.span)),
            None => {
                diags.push(not_allowed(rel, &k, "property kind", Kind::ALL.iter().map(|(n, _)| *n)));
                None
            }
        });
        let values: Vec<Sp<String>> = values.unwrap_or_default();
        let names: Vec<&str> = values.iter().map(|v| v.v.as_str()).collect();
        if let Some((kind, kspan)) = &kind {
            let needs_values = matches!(kind, Kind::State | Kind::Assessment);
            if needs_values && values.is_empty() {
                diags.push(
                    Diagnostic::error(
                        "bad-property",
                        rel,
                        Some(kspan.clone()),
                        format!("a {} property needs its allowed `values`", kind.name()),
                    )
                    .help("add e.g. values = [\"member\", \"suspended\", \"withdrawn\"]"),
                );
            }
            if *kind == Kind::Quantity && unit.is_none() {
                diags.push(
                    Diagnostic::error(
                        "bad-property",
                        rel,
                        Some(kspan.clone()),
                        "a quantity property needs a `unit`",
                    )
                    .help("add e.g. unit = \"USD\" or unit = \"people\" or unit = \"percent\""),
                );
            }
            for (field, present) in [
                ("values", !values.is_empty() && !needs_values),
                ("unit", unit.is_some() && *kind != Kind::Quantity),
                ("tolerance", tolerance.is_some() && *kind != Kind::Quantity),
                ("monotonic", monotonic.is_some() && *kind != Kind::Quantity),
                ("change_of", change_of.is_some() && *kind != Kind::Quantity),
                ("transitions", transitions.is_some() && *kind != Kind::State),
                (
                    "over_time",
                    over_time.is_some() && matches!(kind, Kind::EventDate | Kind::Assessment),
                ),
            ] {
                if present {
                    diags.push(
                        Diagnostic::error(
                            "field-not-for-kind",
                            rel,
                            Some(kspan.clone()),
                            format!("`{field}` has no meaning for a {} property", kind.name()),
                        )
                        .help(format!("remove `{field}`, or change the kind")),
                    );
                }
            }
        }
        for (i, v) in values.iter().enumerate() {
            if names.iter().take(i).any(|n| *n == v.v.as_str()) {
                diags.push(Diagnostic::error(
                    "duplicate-id",
                    rel,
                    Some(v.span.clone()),
                    format!("the value `{}` is listed twice", v.v),
                ));
            }
        }
        let mut pairs = Vec::new();
        for t in transitions.unwrap_or_default() {
            let Some((a, b)) =
                t.v.split_once("->")
                    .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
            else {
                diags.push(
                    Diagnostic::error(
                        "bad-property",
                        rel,
                        Some(t.span.clone()),
                        format!("`{}` is not a transition", t.v),
                    )
                    .help("write transitions as \"member -> suspended\""),
                );
                continue;
            };
            for end in [&a, &b] {
                if !names.contains(&end.as_str()) {
                    let mut d = Diagnostic::error(
                        "value-not-allowed",
                        rel,
                        Some(t.span.clone()),
                        format!("the transition names `{end}`, which is not among the property's values"),
                    );
                    if let Some(s) = did_you_mean(end, names.iter().copied()) {
                        d = d.help(format!("did you mean `{s}`?"));
                    }
                    diags.push(d);
                }
            }
            pairs.push((a, b));
        }
        let tolerance = tolerance.and_then(|t| match Tolerance::parse(&t.v) {
            Ok(t) => Some(t),
            Err(e) => {
                diags.push(Diagnostic::error("bad-quantity", rel, Some(t.span), e));
                None
            }
        });
        let monotonic = monotonic.and_then(|m| match m.v.as_str() {
            "increasing" => Some(Monotonic::Increasing),
            "decreasing" => Some(Monotonic::Decreasing),
            _ => {
                diags.push(not_allowed(
                    rel,
                    &m,
                    "monotonic direction",
                    ["increasing", "decreasing"],
                ));
                None
            }
        });
        let fixed = match over_time.as_ref().map(|o| o.v.as_str()) {
            None | Some("changes") => false,
            Some("fixed") => true,
            Some(_) => {
                if let Some(o) = &over_time {
                    diags.push(
                        not_allowed(rel, o, "`over_time` value", ["changes", "fixed"]).help(
                            "`fixed`: one answer for all time (a magnitude, a past toll); `changes`: a value that changes (a death toll, a status)",
                        ),
                    );
                }
                false
            }
        };
        if fixed && monotonic.is_some() {
            if let Some(o) = &over_time {
                diags.push(
                    Diagnostic::error(
                        "bad-property",
                        rel,
                        Some(o.span.clone()),
                        "a fixed answer cannot also be `monotonic`",
                    )
                    .help("a monotonic quantity changes over time: remove `over_time = \"fixed\"` or `monotonic`"),
                );
            }
        }
        let key = match (&subject, &property) {
            (Some(su), Some(pr)) => Some(question_key(&su.v, &pr.v)),
            _ => None,
        };
        let (Some(subject), Some(property), Some(question), Some((kind, _))) = (subject, property, question, kind)
        else {
            return Declared {
                span,
                diags,
                key,
                valid: None,
            };
        };
        let key_span = subject.span.start..property.span.end;
        let property = diags.is_empty().then(|| {
            let (line, col) = lines.line_col(text, span.start);
            Property {
                subject: subject.v,
                property: property.v,
                question: question.v,
                description: description.map(|d| d.v),
                kind,
                values: values.into_iter().map(|v| v.v).collect(),
                transitions: pairs,
                unit: unit.map(|u| u.v),
                tolerance,
                monotonic,
                change_of: change_of.map(|c| c.v),
                baseline,
                fixed: fixed || kind == Kind::EventDate,
                retired,
                loc: Loc {
                    file: Arc::from(rel),
                    line,
                    col,
                },
            }
        });
        Declared {
            span,
            diags,
            key,
            valid: Some((key_span, property)),
        }
    }

    /// Validates one claims file. Reads the loader's state but changes
    /// nothing, so files can be checked in parallel; [`Loader::merge`]
    /// then adds the results in file order (and finds duplicate ids).
    fn claims(&self, rel: &str, text: &str) -> FileClaims {
        let mut out = FileClaims::default();
        let Some(table) = parse_toml(rel, text, 0, &mut out.diags) else {
            out.unparsed = true;
            return out;
        };
        // The index made when the file was read.
        let made;
        let lines = match self.out.files.index(rel) {
            Some((_, index)) => index,
            None => {
                made = anchor::LineIndex::new(text);
                &made
            }
        };
        let records = records(rel, &table, "claim", &mut out.diags);
        // Sized once: claims are large, and a list grown by doubling
        // touches twice the memory.
        out.records.reserve_exact(records.len());
        let file: Arc<str> = Arc::from(rel);
        for (span, t) in records {
            self.claim(&file, text, lines, span, t, &mut out);
        }
        out
    }

    /// Finds every claim's quote in its source, a source at a time, on
    /// every core: each article is folded once, its quotes are found in the
    /// folded text, and the folded copy is dropped, so the corpus never
    /// holds a second copy of every article. A claim whose quote is not
    /// found is an error pointing at the closest passage, and is left out.
    fn anchor_quotes(&self, claims: &[(String, Arc<str>)], files: &mut [FileClaims]) {
        let mut wanted: Vec<(usize, usize, usize)> = Vec::new();
        for (fi, file) in files.iter().enumerate() {
            wanted.extend(file.quotes.iter().enumerate().map(|(k, q)| (q.source, fi, k)));
        }
        wanted.sort_unstable();
        // The runs of one source, each anchored on its own.
        let groups: Vec<&[(usize, usize, usize)]> = wanted.chunk_by(|a, b| a.0 == b.0).collect();
        let files_read: &[FileClaims] = files;
        let found: Vec<Vec<(usize, usize, Found)>> = groups
            .par_iter()
            .map(|group| {
                let Some(src) = group.first().and_then(|&(s, _, _)| self.out.corpus.sources.get(s)) else {
                    return Vec::new();
                };
                let folded = fold(src.body());
                let lines = self.out.files.index(&src.file);
                group
                    .iter()
                    .filter_map(|&(_, fi, k)| {
                        let file = files_read.get(fi)?;
                        let want = file.quotes.get(k)?;
                        let quote = match &want.text {
                            Some(q) => q.as_str(),
                            None => file.records.get(want.record)?.claim.as_ref()?.quote.as_str(),
                        };
                        let found = match anchor::find(&folded, quote) {
                            Ok(a) => {
                                let (line, col) = lines
                                    .map_or((1, 1), |(text, index)| index.line_col(text, a.start + src.body_offset));
                                Found::At(line, col, a.start..a.end)
                            }
                            Err(miss) => {
                                let rel = claims.get(fi).map_or("", |(rel, _)| rel.as_str());
                                Found::Missing(Box::new(self.quote_not_found(rel, Some(want.span.clone()), src, miss)))
                            }
                        };
                        Some((fi, want.record, found))
                    })
                    .collect()
            })
            .collect();
        for (fi, ri, found) in found.into_iter().flatten() {
            let Some(file) = files.get_mut(fi) else { continue };
            match found {
                Found::At(line, col, span) => {
                    if let Some(c) = file.records.get_mut(ri).and_then(|r| r.claim.as_mut()) {
                        c.anchor.line = line;
                        c.anchor.col = col;
                        c.quote_span = span;
                    }
                }
                Found::Missing(d) => {
                    file.diags.push(*d);
                    if let Some(r) = file.records.get_mut(ri) {
                        r.claim = None;
                    }
                }
            }
        }
    }

    /// The error for a quote that is not in its source, with the closest
    /// passage when there is one.
    fn quote_not_found(
        &self,
        rel: &str,
        span: Option<Range<usize>>,
        src: &Source,
        miss: Option<anchor::NearMiss>,
    ) -> Diagnostic {
        let mut d = Diagnostic::error(
            "quote-not-found",
            rel,
            span,
            format!("the quote does not occur in source `{}`", src.id),
        )
        .label("not in the source text");
        if let Some(m) = miss {
            let (l, _) = self.out.files.line_col(&src.file, m.start + src.body_offset);
            d = d
                .related(
                    &src.file,
                    m.start + src.body_offset..m.end + src.body_offset,
                    format!("closest passage ({:.0}% similar)", m.similarity * 100.0),
                )
                .help(format!(
                    "the closest passage is at {}:{l} ({:.0}% similar); copy the quote verbatim from the source",
                    src.file,
                    m.similarity * 100.0
                ));
        }
        d
    }

    /// Adds every file's claims to the corpus, in id order. A claim id used
    /// twice is an error at its second use in file order, naming the first;
    /// the second is left out. The ids are sorted where they lie (stably,
    /// so a repeated id keeps file order and its first use comes first),
    /// then each claim's box is moved once, straight into its place: only
    /// pointers move, where moving the claims themselves (368 bytes each)
    /// wrote 37 MB of fresh memory at 10^5 claims, on one core.
    fn merge(&mut self, mut files: Vec<(&str, FileClaims)>) {
        let mut order: Vec<(&str, usize, usize)> = Vec::with_capacity(files.iter().map(|(_, f)| f.records.len()).sum());
        for (fi, (_, file)) in files.iter().enumerate() {
            for (ri, record) in file.records.iter().enumerate() {
                if let Some(id) = &record.id {
                    order.push((id.v.as_str(), fi, ri));
                }
            }
        }
        // Ids are mostly in order already: the stable sort finds the runs,
        // on every core.
        order.par_sort_by(|a, b| a.0.cmp(b.0));
        let mut diags = Vec::new();
        let mut place: Vec<(usize, usize)> = Vec::with_capacity(order.len());
        let mut first: Option<(&str, usize, usize)> = None;
        for &(id, fi, ri) in &order {
            match first {
                Some((seen, f0, r0)) if seen == id => {
                    let (Some((rel, file)), Some(at)) =
                        (files.get(fi), files.get(f0).and_then(|(_, f)| f.records.get(r0)))
                    else {
                        continue;
                    };
                    let span = file.records.get(ri).and_then(|r| r.id.as_ref()).map(|i| i.span.clone());
                    diags.push(
                        Diagnostic::error("duplicate-id", rel, span, format!("the claim id `{id}` is used twice"))
                            .label("second use")
                            .help(format!("the first is at {}; give this claim its own id", at.loc)),
                    );
                }
                _ => {
                    first = Some((id, fi, ri));
                    place.push((fi, ri));
                }
            }
        }
        drop(order);
        self.out.diagnostics.extend(diags);
        let claims = &mut self.out.corpus.claims;
        claims.reserve(place.len());
        for (fi, ri) in place {
            let claim = files
                .get_mut(fi)
                .and_then(|(_, f)| f.records.get_mut(ri))
                .and_then(|r| r.claim.take());
            if let Some(c) = claim {
                claims.push(c);
            }
        }
        for (_, file) in files {
            self.out.diagnostics.extend(file.diags);
            self.unparsed_claims |= file.unparsed;
            self.referenced.extend(file.referenced);
        }
    }

    fn claim(
        &self,
        file: &Arc<str>,
        text: &str,
        lines: &anchor::LineIndex,
        span: Range<usize>,
        t: &DeTable<'_>,
        out: &mut FileClaims,
    ) {
        let rel: &str = file;
        let mut r = Rec::new(rel, 0, t, span.clone(), "claim");
        let id = r.id("id");
        let source = r.string("source", true);
        let quote = r.string("quote", true);
        let subject = r.string("subject", true);
        let property = r.string("property", true);
        let value = r.value("value");
        let as_of = r.time_string("as_of", false);
        let since = r.time_string("since", false);
        let when = r.time_string("when", false);
        let said_by = r.string("said_by", false);
        let modality = r.string("modality", false);
        let derived = r.derived();
        // Which fields the quote checks skip: those `derived` explains.
        let exempt = |field: &str| derived.as_ref().is_some_and(|d| d.v.explains(field));
        let note = r.string("note", false);
        let retired = r.retired();
        let mut diags = r.finish();
        let (line, col) = lines.line_col(text, span.start);
        let loc = Loc {
            file: Arc::clone(file),
            line,
            col,
        };

        let mut record = ClaimRecord {
            id: id.clone(),
            loc: loc.clone(),
            claim: None,
        };
        // Its position, for anchoring the quote later.
        let src_at = source.as_ref().and_then(|s| {
            let found = self.out.corpus.source_position(&s.v);
            if found.is_none() && !self.broken_sources.contains(&s.v) {
                let mut d = Diagnostic::error(
                    "unknown-source",
                    rel,
                    Some(s.span.clone()),
                    format!("no source `{}` in sources/", s.v),
                )
                .label("unknown source");
                if s.v.contains('/') || s.v.contains("..") {
                    d = Diagnostic::error(
                        "outside-corpus",
                        rel,
                        Some(s.span.clone()),
                        format!("`{}` is a path, not a source id", s.v),
                    )
                    .label("sources are named by id, inside the corpus");
                }
                d = match did_you_mean(&s.v, self.out.corpus.sources.iter().map(|x| x.id.as_str())) {
                    Some(m) => d.help(format!("did you mean `{m}`?")),
                    None => d.help("a source id is its file name in sources/ without `.txt`"),
                };
                diags.push(d);
            }
            found
        });
        let src = src_at.and_then(|i| self.out.corpus.sources.get(i));
        let prop = match (&subject, &property) {
            (Some(su), Some(pr)) => {
                let key = question_key(&su.v, &pr.v);
                if !out.referenced.contains(&key) {
                    out.referenced.insert(key.clone());
                }
                let found = self.out.corpus.property(&key);
                if found.is_none() && !self.out.corpus.properties.is_empty() && !self.broken_properties.contains(&key) {
                    let keys: Vec<String> = self.out.corpus.properties.iter().map(|p| p.key()).collect();
                    let mut d = Diagnostic::error(
                        "unknown-property",
                        rel,
                        Some(su.span.start.min(pr.span.start)..su.span.end.max(pr.span.end)),
                        format!("`{key}` is not declared in {PROPERTIES_FILE}"),
                    )
                    .label("unknown subject/property");
                    d = match did_you_mean(&key, keys.iter().map(String::as_str)) {
                        Some(m) => d.help(format!("did you mean `{m}`?")),
                        None => d.help(format!("declare it as a [[property]] in {PROPERTIES_FILE}")),
                    };
                    diags.push(d);
                }
                found
            }
            _ => None,
        };
        let modality = match modality {
            None => Some(Modality::Asserted),
            Some(m) => match Modality::ALL.iter().find(|(n, _)| *n == m.v) {
                Some((_, m)) => Some(*m),
                None => {
                    diags.push(not_allowed(rel, &m, "modality", Modality::ALL.iter().map(|(n, _)| *n)));
                    None
                }
            },
        };
        if modality == Some(Modality::Reported) && said_by.is_none() {
            diags.push(
                Diagnostic::warning(
                    "missing-speaker",
                    rel,
                    Some(span.start..span.start + 9),
                    "reported speech with no `said_by`",
                )
                .help("add said_by = \"who the article quotes\""),
            );
        }
        let tense = if modality == Some(Modality::Hedged) {
            Tense::Nearest
        } else {
            Tense::Past
        };
        let quote_text = quote.as_ref().map(|q| q.v.as_str());
        let resolve = |t: &Sp<String>, field: &str, diags: &mut Vec<Diagnostic>| {
            resolve_time(rel, t, field, src, (tense, quote_text), diags)
        };
        let as_of_r = as_of.as_ref().and_then(|t| resolve(t, "as_of", &mut diags));
        let since_r = since.as_ref().and_then(|t| resolve(t, "since", &mut diags));
        let when_r = when.as_ref().and_then(|t| resolve(t, "when", &mut diags));
        // The value, typed by the property's kind.
        let mut typed = None;
        if let (Some(p), Some(v)) = (prop, &value) {
            for (field, present, kinds) in [
                ("since", since.is_some(), &[Kind::State][..]),
                ("when", when.is_some(), &[Kind::Fact][..]),
            ] {
                if present && !kinds.contains(&p.kind) {
                    let sp = if field == "since" {
                        since.as_ref()
                    } else {
                        when.as_ref()
                    }
                    .map(|s| s.span.clone());
                    diags.push(
                        Diagnostic::error(
                            "field-not-for-kind",
                            rel,
                            sp,
                            format!(
                                "`{field}` has no meaning for the {} property `{}`",
                                p.kind.name(),
                                p.key()
                            ),
                        )
                        .help(if field == "since" {
                            "`since` is for states; an event's date is its value or `when`"
                        } else {
                            "`when` is for facts"
                        }),
                    );
                }
            }
            typed = self.typed_value(rel, p, v, src, (tense, quote_text), &mut diags);
        }
        // Every number and date the claim states must be in its quote.
        let p_unit = prop.and_then(|p| p.unit.as_deref());
        // The conversion of a figure given in another unit, shown with the claim.
        let conversion = match (&value, p_unit) {
            (
                Some(Sp {
                    v: RawValue::Str(s), ..
                }),
                Some(u),
            ) => quantity::in_other_unit(s, u)
                .map(|(n, w, f)| format!("given as {n} {w}; 1 {w} = {} {u}", quantity::fmt_num(f))),
            _ => None,
        };
        if let (Some(q), Some(v)) = (&quote, &typed) {
            if let (Value::Quantity(form), Some(raw), false) = (v, &value, exempt("value")) {
                // A value written as the quote words it ("hundreds") is found as such.
                let worded = match &raw.v {
                    RawValue::Str(s) => fold(&q.v).text.to_lowercase().contains(&s.trim().to_lowercase()),
                    _ => false,
                };
                // A value in words only ("hundreds", "two dozen"): the message
                // speaks of the words, never of an internal reading.
                let words_only = match &raw.v {
                    RawValue::Str(s) => !s.chars().any(|c| c.is_ascii_digit()),
                    _ => false,
                };
                if words_only && !worded && !form.numbers().iter().all(|n| quantity::appears_in(*n, &q.v)) {
                    if let RawValue::Str(s) = &raw.v {
                        diags.push(
                            Diagnostic::error(
                                "number-not-in-quote",
                                rel,
                                Some(raw.span.clone()),
                                format!("`{}` does not occur in the quote", s.trim()),
                            )
                            .label("not in the quote")
                            .help("write the value in the quote's own words, or the figure the quote gives"),
                        );
                    }
                }
                // A converted figure ("6 miles" as km) is found as written.
                let written = match &raw.v {
                    RawValue::Str(s) => p_unit
                        .and_then(|u| quantity::in_other_unit(s, u))
                        .and_then(|(number, _, _)| quantity::parse(number).ok()),
                    _ => None,
                };
                let numbers = written.map_or_else(|| form.numbers(), |w| w.numbers());
                for n in numbers.into_iter().filter(|_| !worded && !words_only) {
                    if !quantity::appears_in(n, &q.v) {
                        diags.push(
                            Diagnostic::error("number-not-in-quote", rel, Some(raw.span.clone()), format!("the number {} does not occur in the quote", quantity::fmt_num(n)))
                                .label("not in the quote")
                                .help("check the number against the source; if it was computed, say how in `derived = { value = \"...\" }`"),
                        );
                    }
                }
            }
            let value_time = match (v, &value) {
                _ if exempt("value") => None,
                (
                    Value::Date(_),
                    Some(Sp {
                        v: RawValue::Str(s),
                        span,
                    }),
                ) => Some(Sp {
                    v: s.clone(),
                    span: span.clone(),
                }),
                _ => None,
            };
            let times = [
                as_of.as_ref().filter(|_| !exempt("as_of")),
                since.as_ref().filter(|_| !exempt("since")),
                when.as_ref().filter(|_| !exempt("when")),
                value_time.as_ref(),
            ];
            for t in times.into_iter().flatten() {
                // A time that could not be read is already reported once.
                let unread = diags
                    .iter()
                    .any(|d| d.code == "bad-time" && d.span.as_ref() == Some(&t.span));
                if unread {
                    continue;
                }
                if let Some(missing) = time_missing_from_quote(&t.v, &q.v) {
                    diags.push(
                        Diagnostic::error(
                            "date-not-in-quote",
                            rel,
                            Some(t.span.clone()),
                            format!("{missing} of `{}` does not occur in the quote", t.v),
                        )
                        .label("not in the quote")
                        .help(
                            "quote the words that give the date, or say how it was worked out in `derived = { as_of = \"...\" }` (or since, when, value)",
                        ),
                    );
                }
            }
        }
        let failed = diags.iter().any(|d| d.severity == crate::corpus::diag::Severity::Error);
        out.diags.extend(diags);
        // The quote is found in its source later, a source at a time
        // (`anchor_quotes`); a claim is kept only if it is found. Without
        // a claim, the quote is kept to be looked for, for its diagnostic.
        let record_at = out.records.len();
        let (id, src, q, p, value, modality) = match (failed, id, src, quote, prop, typed, modality) {
            (false, Some(id), Some(src), Some(q), Some(p), Some(value), Some(modality)) => {
                (id, src, q, p, value, modality)
            }
            (_, _, _, quote, _, _, _) => {
                if let (Some(q), Some(source)) = (quote, src_at) {
                    out.quotes.push(QuoteToAnchor {
                        record: record_at,
                        source,
                        span: q.span,
                        text: Some(q.v),
                    });
                }
                out.records.push(record);
                return;
            }
        };
        if let Some(source) = src_at {
            out.quotes.push(QuoteToAnchor {
                record: record_at,
                source,
                span: q.span.clone(),
                text: None,
            });
        }
        let since = match (since, since_r, when, when_r) {
            (Some(t), Some(r), _, _) | (_, _, Some(t), Some(r)) => Some(TimeText { text: t.v, resolved: r }),
            _ => None,
        };
        record.claim = Some(Box::new(Claim {
            id: id.v,
            source: src.id.clone(),
            quote: q.v,
            subject: p.subject.clone(),
            property: p.property.clone(),
            value,
            as_of_hours: match &as_of_r {
                Some(r) => r.hours,
                None => src.now_hours(),
            },
            as_of: as_of_r.map(|r| r.interval).unwrap_or_else(|| src.now()),
            as_of_text: as_of.map(|a| a.v),
            since: since.map(Box::new),
            said_by: said_by.map(|s| s.v),
            modality,
            derived: derived.map(|d| d.v.to_string()),
            note: match (note.map(|n| n.v), conversion) {
                (Some(n), Some(c)) => Some(format!("{n} ({c})")),
                (n, c) => n.or(c),
            },
            loc,
            // Set when the quote is found.
            anchor: Loc {
                file: Arc::clone(&src.file),
                line: 0,
                col: 0,
            },
            quote_span: 0..0,
            retired: retired.map(Box::new),
        }));
        out.records.push(record);
    }

    fn typed_value(
        &self,
        rel: &str,
        p: &Property,
        v: &Sp<RawValue>,
        src: Option<&Source>,
        reading: (Tense, Option<&str>),
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        let wrong = |expected: &str| {
            Diagnostic::error(
                "wrong-type",
                rel,
                Some(v.span.clone()),
                format!("the value of a {} property must be {expected}", p.kind.name()),
            )
            .label(format!("found {}", v.v.type_name()))
        };
        match p.kind {
            Kind::State | Kind::Assessment => {
                let RawValue::Str(s) = &v.v else {
                    diags.push(
                        wrong("one of its values, as a string").help(format!("allowed: {}", p.values.join(", "))),
                    );
                    return None;
                };
                if !p.values.contains(s) {
                    let sp = Sp {
                        v: s.clone(),
                        span: v.span.clone(),
                    };
                    diags.push(not_allowed(
                        rel,
                        &sp,
                        &format!("value of `{}`", p.key()),
                        p.values.iter().map(String::as_str),
                    ));
                    return None;
                }
                Some(if p.kind == Kind::State {
                    Value::State(s.clone())
                } else {
                    Value::Framing(s.clone())
                })
            }
            Kind::Fact => match v.v {
                RawValue::Bool(b) => Some(Value::Fact(b)),
                _ => {
                    diags.push(wrong("true (it happened) or false (it did not)"));
                    None
                }
            },
            Kind::Quantity => {
                let text = match &v.v {
                    RawValue::Str(s) => s.clone(),
                    RawValue::Num(n) => n.clone(),
                    _ => {
                        diags.push(wrong("a number or a quantity string such as \"about 100000\""));
                        return None;
                    }
                };
                // "6 miles" for a property in km: converted, and the figure
                // as written is what the quote is checked for.
                let unit = p.unit.as_deref().unwrap_or_default();
                let converted = quantity::in_other_unit(&text, unit);
                let parsed = match converted {
                    Some((number, _, factor)) => quantity::parse(number).map(|f| f.scaled(factor)),
                    None => quantity::parse(&text),
                };
                match parsed {
                    Ok(f) => Some(Value::Quantity(f)),
                    Err(e) => {
                        diags.push(
                            Diagnostic::error("bad-quantity", rel, Some(v.span.clone()), e).label("not a quantity"),
                        );
                        None
                    }
                }
            }
            Kind::EventDate => {
                let RawValue::Str(s) = &v.v else {
                    diags.push(wrong(
                        "a time expression string such as \"2025-03-13\" or \"last month\"",
                    ));
                    return None;
                };
                let t = Sp {
                    v: s.clone(),
                    span: v.span.clone(),
                };
                let r = resolve_time(rel, &t, "value", src, reading, diags)?;
                Some(Value::Date(Box::new(TimeText {
                    text: s.clone(),
                    resolved: r,
                })))
            }
        }
    }

    /// `change_of` must name a declared quantity property.
    fn check_change_of(&mut self) {
        let mut ds = Vec::new();
        let quantities: Vec<String> = self
            .out
            .corpus
            .properties
            .iter()
            .filter(|q| q.kind == Kind::Quantity)
            .map(|q| q.key())
            .collect();
        for p in &self.out.corpus.properties {
            let Some(of) = &p.change_of else { continue };
            if !quantities.contains(of) {
                let start = self.out.files.line_start(&p.loc.file, p.loc.line);
                let mut d = Diagnostic::error(
                    "unknown-property",
                    &p.loc.file,
                    Some(start..start + 12),
                    format!("`change_of = \"{of}\"` in `{}` names no quantity property", p.key()),
                );
                if let Some(m) = did_you_mean(of, quantities.iter().map(String::as_str)) {
                    d = d.help(format!("did you mean `{m}`?"));
                }
                ds.push(d);
            }
        }
        self.out.diagnostics.extend(ds);
    }

    fn unused_properties(&mut self) {
        if self.unparsed_claims {
            return;
        }
        // A properties.toml with no [[property]] at all (only comments, say)
        // would otherwise drop every claim without a word.
        if self.property_records == Some(0) && !self.referenced.is_empty() {
            let d = Diagnostic::error(
                "bad-property",
                PROPERTIES_FILE,
                None,
                format!(
                    "{PROPERTIES_FILE} declares no property, yet claims name {} question(s)",
                    self.referenced.len()
                ),
            )
            .help("declare each question as a [[property]] (see README.md); it may have been emptied by mistake");
            self.push(d);
        }
        let mut ds = Vec::new();
        for p in &self.out.corpus.properties {
            if !self.referenced.contains(&p.key()) {
                let text = self.out.files.get(&p.loc.file).unwrap_or_default();
                let start = self.out.files.line_start(&p.loc.file, p.loc.line);
                ds.push(
                    Diagnostic::warning(
                        "unused-property",
                        &p.loc.file,
                        Some(start..start + text[start..].find('\n').unwrap_or(0)),
                        format!("no claim answers `{}`", p.key()),
                    )
                    .help("curate a claim for it, or remove the declaration"),
                );
            }
        }
        self.out.diagnostics.extend(ds);
    }
}

fn self_header(span: &Range<usize>) -> Range<usize> {
    span.start..span.start + "[[property]]".len()
}

/// Resolves a claim's time expression against its source's date, reporting
/// what is wrong. With no valid source there is nothing to count from, and
/// the source's own problem has been reported, so relative times are skipped.
fn resolve_time(
    rel: &str,
    t: &Sp<String>,
    field: &str,
    src: Option<&Source>,
    (tense, quote): (Tense, Option<&str>),
    diags: &mut Vec<Diagnostic>,
) -> Option<Resolved> {
    let reference = src.and_then(|s| s.reference_date());
    // A date written in the article's language is read in that language
    // first, and the quote's tense decides a bare month or weekday.
    match time::resolve_in_context(&t.v, reference, tense, src.map(|s| s.language.as_str()), quote) {
        Ok(r) => Some(r),
        Err(time::TimeError::NeedsReference(_)) if src.is_none() => None,
        Err(e @ time::TimeError::NeedsReference(_)) => {
            let when = src.map(|s| s.published.text.clone()).unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    "unresolvable-time",
                    rel,
                    Some(t.span.clone()),
                    format!("`{field}`: {e}"),
                )
                .label(format!("the source's date is only known as `{when}`"))
                .help("write the absolute date and say how it was worked out in `derived = { as_of = \"...\" }`"),
            );
            None
        }
        Err(e) => {
            let label = if matches!(e, time::TimeError::Invalid(_)) {
                "not a real date"
            } else {
                "not a time expression"
            };
            diags.push(
                Diagnostic::error("bad-time", rel, Some(t.span.clone()), format!("`{field}`: {e}"))
                    .label(label)
                    .help("write e.g. `2024-03-07`, `2024-03`, `mid-2024`, `by February 2024`, `last month`, `on Thursday`"),
            );
            None
        }
    }
}

/// Which part of a time expression is missing from the quote, if any: the
/// year, the month name, the day, or (for a relative expression) its words.
fn time_missing_from_quote(expr: &str, quote: &str) -> Option<String> {
    let q = fold(quote).text.to_lowercase();
    // The expression as written, in any language, found in the quote.
    if q.contains(&fold(expr.trim()).text.to_lowercase()) {
        return None;
    }
    let r = time::resolve(expr, None, Tense::Past);
    if let Err(time::TimeError::Unrecognised(_) | time::TimeError::Invalid(_)) = r {
        return None; // reported as a bad time already
    }
    let Ok(r) = r else {
        // Relative: the quote must contain the expression's words.
        let words = expr
            .trim()
            .trim_start_matches("on ")
            .trim_start_matches("in ")
            .to_lowercase();
        return (!q.contains(&words)).then(|| "the wording".to_string());
    };
    let lower = expr.to_lowercase();
    // Years written in the expression must be in the quote.
    for y in regex_years(&lower) {
        if !q.contains(&y) {
            return Some(format!("the year {y}"));
        }
    }
    // A month or day of the value (`2024-02`, `2020-11-09`) must be in the quote;
    // the value, not the interval, since a bound's interval starts a day later.
    let v = r.value.split('/').next().unwrap_or_default();
    let month = v
        .get(5..7)
        .filter(|m| v.as_bytes().get(4) == Some(&b'-') && m.bytes().all(|b| b.is_ascii_digit()));
    if let Some(m) = month
        .and_then(|m| m.parse::<i8>().ok())
        .filter(|m| (1..=12).contains(m))
    {
        let name = time::month_name(m);
        let iso = &v[..7];
        if !q.contains(&name[..3]) && !q.contains(iso) && !crate::read::lang::month_in(m, &q) {
            return Some(format!("the month ({name})"));
        }
        if let Some(d) = v.get(8..10).and_then(|d| d.parse::<u8>().ok()) {
            if !quantity::appears_in(d as f64, &q) && !q.contains(v) {
                return Some(format!("the day ({d})"));
            }
        }
    }
    None
}

fn regex_years(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let digit = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
        let boundary_before = i == 0 || !digit(i - 1);
        if boundary_before && (i..i + 4).all(digit) && !digit(i + 4) {
            out.push(s.get(i..i + 4).unwrap_or_default().to_string());
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// A TOML value before it is typed by its property.
#[derive(Clone, Debug)]
enum RawValue {
    Str(String),
    Num(String),
    Bool(bool),
    Other(&'static str),
}

impl RawValue {
    fn type_name(&self) -> &'static str {
        match self {
            RawValue::Str(_) => "a string",
            RawValue::Num(_) => "a number",
            RawValue::Bool(_) => "a boolean",
            RawValue::Other(t) => t,
        }
    }
}

/// One TOML table being validated: reads fields by name, records what was
/// read, and reports type errors, missing fields and unknown fields.
///
/// The table's fields are listed once, each marked when read: a record has
/// a handful of fields and is asked for about fifteen names, and finding a
/// name among a few by length and bytes costs less than a search of the
/// parsed map's tree of strings (at 10^5 claims, those string comparisons
/// were a tenth of loading); a record with every field read has no
/// unknown field to look for.
struct Rec<'a, 't> {
    file: &'a str,
    offset: usize,
    /// The table's fields in the map's order, and whether each was read.
    fields: Vec<Field<'a, 't>>,
    span: Range<usize>,
    what: &'static str,
    known: Vec<&'static str>,
    diags: Vec<Diagnostic>,
}

/// One field of a [`Rec`]'s table.
struct Field<'a, 't> {
    key: &'a Spanned<std::borrow::Cow<'t, str>>,
    value: &'a Spanned<DeValue<'t>>,
    read: bool,
}

impl<'a, 't> Rec<'a, 't> {
    /// The most names a kind of record reads (a claim's or a property's
    /// fifteen), so the list of them is made once at its size.
    const NAMES: usize = 16;

    fn new(file: &'a str, offset: usize, table: &'a DeTable<'t>, span: Range<usize>, what: &'static str) -> Self {
        Rec {
            file,
            offset,
            fields: table
                .iter()
                .map(|(key, value)| Field {
                    key,
                    value,
                    read: false,
                })
                .collect(),
            span,
            what,
            known: Vec::with_capacity(Self::NAMES),
            diags: Vec::new(),
        }
    }

    /// Where the field `name` is in [`Rec::fields`].
    fn position(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.key.get_ref().as_ref() == name)
    }

    /// The field `name`, marked as read.
    fn get(&mut self, name: &'static str) -> Option<&'a Spanned<DeValue<'t>>> {
        self.known.push(name);
        let at = self.position(name)?;
        let field = self.fields.get_mut(at)?;
        field.read = true;
        Some(field.value)
    }

    /// The field `name`, without marking it.
    fn peek(&self, name: &str) -> Option<&'a Spanned<DeValue<'t>>> {
        self.position(name).and_then(|at| self.fields.get(at)).map(|f| f.value)
    }

    fn sp(&self, s: Range<usize>) -> Range<usize> {
        s.start + self.offset..s.end + self.offset
    }

    fn header(&self) -> Range<usize> {
        let s = self.span.start + self.offset;
        s..s + 2 + self.what.len() + 2
    }

    fn missing(&mut self, name: &str, example: &str) {
        let d = Diagnostic::error(
            "missing-field",
            self.file,
            Some(self.header()),
            format!("this {} has no `{name}`", self.what),
        )
        .label(format!("`{name}` is required"))
        .help(format!("add {name} = {example}"));
        self.diags.push(d);
    }

    fn string(&mut self, name: &'static str, required: bool) -> Option<Sp<String>> {
        match self.get(name) {
            None => {
                if required {
                    self.missing(name, "\"...\"");
                }
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::String(s) if s.trim().is_empty() && required => {
                    let d = Diagnostic::error(
                        "missing-field",
                        self.file,
                        Some(self.sp(v.span())),
                        format!("`{name}` is empty"),
                    )
                    .label("empty string")
                    .help(format!("fill in `{name}`"));
                    self.diags.push(d);
                    None
                }
                DeValue::String(s) => Some(Sp {
                    v: s.to_string(),
                    span: self.sp(v.span()),
                }),
                other => {
                    let d = Diagnostic::error(
                        "wrong-type",
                        self.file,
                        Some(self.sp(v.span())),
                        format!("`{name}` must be a string"),
                    )
                    .label(format!("found {}", other.type_str()))
                    .help(format!("write {name} = \"...\""));
                    self.diags.push(d);
                    None
                }
            },
        }
    }

    /// `deprecated = "why"` and, optionally, `superseded_by = "id"`: a
    /// record an editor retired. A replacement without a reason is refused,
    /// since a reader of the files must learn why.
    fn retired(&mut self) -> Option<crate::corpus::model::Retired> {
        let reason = self.string("deprecated", false);
        let superseded_by = self.string("superseded_by", false);
        match (reason, superseded_by) {
            (Some(r), s) => Some(crate::corpus::model::Retired {
                reason: r.v,
                superseded_by: s.map(|s| s.v),
            }),
            (None, Some(s)) => {
                self.diags.push(
                    Diagnostic::error(
                        "superseded-without-reason",
                        self.file,
                        Some(s.span),
                        format!("this {} is superseded by `{}` but says not why", self.what, s.v),
                    )
                    .label("no `deprecated` beside it")
                    .help("add deprecated = \"why it was retired\""),
                );
                None
            }
            (None, None) => None,
        }
    }

    /// `derived`: a table naming each field worked out rather than quoted
    /// (`derived = { as_of = "why" }`), or, in the older form, one string
    /// that exempts the whole claim (kept, with a warning).
    fn derived(&mut self) -> Option<Sp<Derived>> {
        const FIELDS: [&str; 4] = ["value", "as_of", "since", "when"];
        let v = self.get("derived")?;
        let span = self.sp(v.span());
        match v.get_ref() {
            DeValue::String(s) => {
                self.diags.push(
                    Diagnostic::warning(
                        "derived-unscoped",
                        self.file,
                        Some(span.clone()),
                        "`derived` names no field, so no number or date of this claim is checked against its quote",
                    )
                    .label("exempts the whole claim")
                    .help("name the field it explains: derived = { as_of = \"...\" } (or value, since, when)"),
                );
                Some(Sp {
                    v: Derived::All(s.to_string()),
                    span,
                })
            }
            DeValue::Table(t) => {
                let mut fields = Vec::new();
                for (k, val) in t.iter() {
                    let key: &str = k.get_ref();
                    let Some(field) = FIELDS.iter().find(|f| **f == key) else {
                        let mut d = Diagnostic::error(
                            "unknown-field",
                            self.file,
                            Some(self.sp(k.span())),
                            format!("`derived.{key}` explains no field a quote is checked for"),
                        );
                        d = match did_you_mean(key, FIELDS) {
                            Some(m) => d.help(format!("did you mean `{m}`?")),
                            None => d.help("derived may explain value, as_of, since or when"),
                        };
                        self.diags.push(d);
                        continue;
                    };
                    match val.get_ref() {
                        DeValue::String(why) if !why.trim().is_empty() => fields.push((*field, why.to_string())),
                        _ => self.diags.push(
                            Diagnostic::error(
                                "wrong-type",
                                self.file,
                                Some(self.sp(val.span())),
                                format!("`derived.{key}` must say how it was worked out"),
                            )
                            .help(format!("write derived = {{ {key} = \"how it was worked out\" }}")),
                        ),
                    }
                }
                Some(Sp {
                    v: Derived::Fields(fields),
                    span,
                })
            }
            other => {
                self.diags.push(
                    Diagnostic::error(
                        "wrong-type",
                        self.file,
                        Some(span),
                        "`derived` must be a table of the fields it explains",
                    )
                    .label(format!("found {}", other.type_str()))
                    .help("write derived = { as_of = \"how it was worked out\" }"),
                );
                None
            }
        }
    }

    /// A time expression: a string, or a TOML date written without quotes.
    fn time_string(&mut self, name: &'static str, required: bool) -> Option<Sp<String>> {
        if let Some(v) = self.peek(name) {
            if let DeValue::Datetime(dt) = v.get_ref() {
                self.get(name);
                return Some(Sp {
                    v: dt.to_string(),
                    span: self.sp(v.span()),
                });
            }
        }
        self.string(name, required)
    }

    fn id(&mut self, name: &'static str) -> Option<Sp<String>> {
        let s = self.string(name, true)?;
        if valid_id(&s.v) {
            Some(s)
        } else {
            let d = Diagnostic::error("bad-id", self.file, Some(s.span.clone()), format!("`{}` is not a usable {name}", s.v))
                .label("ids are lower-case slugs")
                .help("use lower-case letters, digits, `-` and `_`, starting with a letter or digit, e.g. `armenia`, `csto-status`");
            self.diags.push(d);
            None
        }
    }

    fn strings(&mut self, name: &'static str, required: bool) -> Option<Vec<Sp<String>>> {
        let v = match self.get(name) {
            None => {
                if required {
                    self.missing(name, "[\"...\"]");
                }
                return None;
            }
            Some(v) => v,
        };
        let DeValue::Array(items) = v.get_ref() else {
            let d = Diagnostic::error(
                "wrong-type",
                self.file,
                Some(self.sp(v.span())),
                format!("`{name}` must be an array of strings"),
            )
            .label(format!("found {}", v.get_ref().type_str()))
            .help(format!("write {name} = [\"...\", \"...\"]"));
            self.diags.push(d);
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Sp {
                    v: s.to_string(),
                    span: self.sp(item.span()),
                }),
                other => {
                    let d = Diagnostic::error(
                        "wrong-type",
                        self.file,
                        Some(self.sp(item.span())),
                        format!("`{name}` must hold only strings"),
                    )
                    .label(format!("found {}", other.type_str()));
                    self.diags.push(d);
                }
            }
        }
        Some(out)
    }

    fn value(&mut self, name: &'static str) -> Option<Sp<RawValue>> {
        let Some(v) = self.get(name) else {
            self.missing(name, "... (typed by the property's kind)");
            return None;
        };
        let raw = match v.get_ref() {
            DeValue::String(s) => RawValue::Str(s.to_string()),
            // 0x10, 0o17, 0b101: not how news prints a figure.
            DeValue::Integer(i) if i.radix() != 10 => RawValue::Other("a hexadecimal, octal or binary integer"),
            DeValue::Integer(i) => RawValue::Num(i.as_str().replace('_', "")),
            DeValue::Float(f) => RawValue::Num(f.as_str().replace('_', "")),
            DeValue::Boolean(b) => RawValue::Bool(*b),
            DeValue::Datetime(d) => RawValue::Str(d.to_string()),
            DeValue::Array(_) => RawValue::Other("an array"),
            DeValue::Table(_) => RawValue::Other("a table"),
        };
        Some(Sp {
            v: raw,
            span: self.sp(v.span()),
        })
    }

    /// Reports unknown fields (with the nearest known name) and returns
    /// every diagnostic of this record.
    fn finish(mut self) -> Vec<Diagnostic> {
        let mut unknown: Vec<_> = self.fields.iter().filter(|f| !f.read).map(|f| f.key).collect();
        unknown.sort_by_key(|k| k.span().start);
        for k in unknown {
            let name: &str = k.get_ref();
            let mut d = Diagnostic::error(
                "unknown-field",
                self.file,
                Some(self.sp(k.span())),
                format!("unknown field `{name}` in a {}", self.what),
            )
            .label(format!("not a {} field", self.what));
            d = match did_you_mean(name, self.known.iter().copied()) {
                Some(m) => d.help(format!("did you mean `{m}`?")),
                None => d.help(format!("{} fields are: {}", self.what, self.known.join(", "))),
            };
            self.diags.push(d);
        }
        self.diags
    }
}

fn not_allowed<'c>(rel: &str, v: &Sp<String>, what: &str, allowed: impl IntoIterator<Item = &'c str>) -> Diagnostic {
    let allowed: Vec<&str> = allowed.into_iter().collect();
    let mut d = Diagnostic::error(
        "value-not-allowed",
        rel,
        Some(v.span.clone()),
        format!("`{}` is not an allowed {what}", v.v),
    )
    .label("not allowed");
    if let Some(m) = did_you_mean(&v.v, allowed.iter().copied()) {
        d = d.help(format!("did you mean `{m}`?"));
    }
    d.help(format!("allowed: {}", allowed.join(", ")))
}

/// A lower-case slug: letters, digits, `-`, `_`, `.`; no path separators.
pub fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        && !s.contains("..")
}

/// Splits `+++` front matter from the body: (toml, toml start, body start).
/// Why a source's front matter could not be found, named for the editor.
#[derive(Debug, PartialEq, Eq)]
enum FrontMatter {
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

fn front_matter(text: &str) -> Result<(&str, usize, usize), FrontMatter> {
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

/// Groups claims by property key, in key order; used by `show` and `compare`.
pub fn by_property(corpus: &Corpus) -> BTreeMap<String, Vec<&Claim>> {
    let mut map: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for c in &corpus.claims {
        map.entry(c.key()).or_default().push(c);
    }
    map
}

/// The `[[what]]` tables of a file; anything else at the top level is reported.
fn records<'a, 't>(
    rel: &str,
    table: &'a DeTable<'t>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(Range<usize>, &'a DeTable<'t>)> {
    let mut out = Vec::new();
    for (k, v) in table.iter() {
        if k.get_ref().as_ref() != what {
            let mut d = Diagnostic::error(
                "unknown-field",
                rel,
                Some(k.span()),
                format!("unexpected top-level key `{}`", k.get_ref()),
            )
            .label(format!("this file holds [[{what}]] tables"));
            if did_you_mean(k.get_ref(), [what]).is_some() {
                d = d.help(format!("did you mean `[[{what}]]`?"));
            } else {
                d = d.help(format!("write each record as a [[{what}]] table"));
            }
            diags.push(d);
            continue;
        }
        match v.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => out.push((item.span(), t)),
                        _ => diags.push(
                            Diagnostic::error(
                                "wrong-type",
                                rel,
                                Some(item.span()),
                                format!("each `{what}` must be a table"),
                            )
                            .help(format!("write records as [[{what}]] followed by key = value lines")),
                        ),
                    }
                }
            }
            _ => diags.push(
                Diagnostic::error(
                    "wrong-type",
                    rel,
                    Some(v.span()),
                    format!("`{what}` must be an array of tables"),
                )
                .help(format!("write each record under its own [[{what}]] header")),
            ),
        }
    }
    out
}

/// Reads a file as UTF-8 text, refusing unreadable, empty and non-UTF-8
/// files with a diagnostic. Free of the loader, so files are read in parallel.
fn read_text(rel: &str, path: &Path) -> Result<String, Box<Diagnostic>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A corpus without `claims/properties.toml` is told so, once; with
    /// declarations, it is not, and they are loaded.
    #[test]
    fn missing_declarations_are_an_error_and_present_ones_load() {
        let no_file = load_texts(&[], None, &[]);
        let missing: Vec<&str> = no_file
            .diagnostics
            .iter()
            .filter(|d| d.message == "the corpus has no property declarations")
            .map(|d| d.code)
            .collect();
        assert_eq!(missing, ["io"]);
        let declared = "[[property]]\nsubject = \"s\"\nproperty = \"p\"\nquestion = \"Q?\"\nkind = \"fact\"\n";
        let with_file = load_texts(&[], Some(declared), &[]);
        assert_eq!(with_file.errors(), 0, "{:?}", with_file.diagnostics);
        assert_eq!(with_file.corpus.properties.len(), 1);
    }

    #[test]
    fn quote_must_carry_the_years_months_and_days() {
        assert_eq!(
            time_missing_from_quote("mid-2024", "his full withdrawal from the CSTO in mid-2024"),
            None
        );
        assert_eq!(
            time_missing_from_quote("2025-03-13", "a March 13, 2025, peace treaty"),
            None
        );
        assert_eq!(
            time_missing_from_quote("2025-03-14", "a March 13, 2025, peace treaty").as_deref(),
            Some("the day (14)")
        );
        assert_eq!(
            time_missing_from_quote("2023", "a March 13, 2025, peace treaty").as_deref(),
            Some("the year 2023")
        );
        assert_eq!(
            time_missing_from_quote("by February 2024", "By January 2024, Armenia stopped").as_deref(),
            Some("the month (february)")
        );
        assert_eq!(
            time_missing_from_quote("last month", "traveled to Yerevan last month"),
            None
        );
        assert_eq!(
            time_missing_from_quote("last week", "traveled to Yerevan last month").as_deref(),
            Some("the wording")
        );
    }

    #[test]
    fn front_matter_splits() {
        let text = "+++\ntitle = \"x\"\n+++\nBody.\n";
        let (toml, start, body) = front_matter(text).unwrap();
        assert_eq!(toml, "title = \"x\"\n");
        assert_eq!(start, 4);
        assert_eq!(&text[body..], "Body.\n");
        assert_eq!(front_matter("no front matter"), Err(FrontMatter::Missing));
        assert_eq!(front_matter("\u{feff}+++\nx = 1\n+++\n"), Err(FrontMatter::Bom));
        assert_eq!(front_matter("+++\rx = 1\r+++\rBody"), Err(FrontMatter::CrOnly));
        assert_eq!(front_matter("+++\ntitle = \"x\"\nBody.\n"), Err(FrontMatter::Unclosed));
    }
}
