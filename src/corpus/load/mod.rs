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

mod claim;
mod claims;
mod questions;
mod record;
mod sources;
mod updates;

use claims::*;
use record::*;
pub use record::{valid_id, MAX_ID};
pub use sources::article_body;
use sources::*;

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
    load_with(root, &[])
}

/// [`load`] with some files' texts given instead of read (`rel` such as
/// `claims/csto.toml` or `sources/x.txt`, which may not exist yet): how a
/// writer checks the corpus it would leave before it writes anything.
pub fn load_with(root: &Path, overrides: &[(&str, &str)]) -> Loaded {
    let mut l = Loader::new(root);
    l.overrides = overrides.iter().map(|(r, t)| (r.to_string(), t.to_string())).collect();
    l.run();
    let replacements = unknown_replacements(&l.out.corpus);
    l.out.diagnostics.extend(replacements);
    let vias = near_miss_vias(&l.out.corpus);
    l.out.diagnostics.extend(vias);
    if root.is_dir() {
        let (settings, diags) = crate::corpus::settings::load(root, &mut l.out.files);
        l.out.settings = settings;
        l.out.diagnostics.extend(diags);
        if root.join(crate::corpus::files::INIT_JOURNAL).exists() {
            l.out.diagnostics.push(
                Diagnostic::error(
                    "interrupted-init",
                    crate::corpus::files::INIT_JOURNAL,
                    None,
                    "`claimcheck init` was interrupted here: this folder holds part of a new corpus".to_string(),
                )
                .help("run `claimcheck init` on this folder again: it removes what the interrupted run made and starts over"),
            );
        }
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

/// A claim's `via` that is a near miss of a voice the corpus has (an
/// outlet, or a wire a source copies) is most likely a typo that would make
/// the claim a voice of its own: an error with the nearest name. A wire the
/// corpus does not otherwise name is accepted as written.
fn near_miss_vias(corpus: &Corpus) -> Vec<Diagnostic> {
    if corpus.claims.iter().all(|c| c.via.is_none()) {
        return Vec::new();
    }
    let known: BTreeSet<String> = corpus
        .sources
        .iter()
        .flat_map(|s| [normalise_outlet(&s.outlet), s.voice.clone()])
        .chain(
            corpus
                .sources
                .iter()
                .filter_map(|s| s.syndicated_from.as_deref().map(normalise_outlet)),
        )
        .collect();
    let mut named: BTreeMap<&str, usize> = BTreeMap::new();
    for v in corpus.claims.iter().filter_map(|c| c.via.as_deref()) {
        *named.entry(v).or_default() += 1;
    }
    let mut out = Vec::new();
    for c in &corpus.claims {
        let Some(v) = c.via.as_deref() else { continue };
        if known.contains(v) || named.get(v).is_some_and(|n| *n >= 2) {
            continue;
        }
        if let Some(m) = did_you_mean(v, known.iter().map(String::as_str)) {
            out.push(
                Diagnostic::error(
                    "unknown-syndication",
                    &c.loc.file,
                    None,
                    format!(
                        "claim `{}`: `via` names `{v}`, which is close to `{m}`, a voice of the corpus",
                        c.id
                    ),
                )
                .at_line(c.loc.line)
                .help(format!(
                    "did you mean `{m}`? (a wire the corpus does not otherwise name is accepted as it is written)"
                )),
            );
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
    /// Texts given for files instead of reading them ([`load_with`]).
    overrides: BTreeMap<String, String>,
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
            overrides: BTreeMap::new(),
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
        let overrides = &self.overrides;
        let read = crate::corpus::files::read_all(&files, |(rel, path)| {
            let text = match overrides.get(rel) {
                Some(text) => Ok(text.clone()),
                None => read_text(rel, path),
            };
            text.map(|text| {
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
        self.check_same_event();
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
    /// outlet, compared after normalising case and spacing; a wire or
    /// outlet outside the corpus is accepted on one mention ("a copy is a
    /// copy when one source says so"), and sources naming it are one voice.
    /// A near miss of a name the corpus uses is most likely a typo that
    /// would silently make a copy a second voice, so it is an error with
    /// the nearest name.
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
                                .filter(|w| normalise_outlet(w) != norm),
                        )
                        .collect();
                    // A wire or outlet outside the corpus is the copy's voice
                    // on one mention, unless it is a near miss of a name the
                    // corpus uses: that is most likely a typo, which would
                    // silently make a copy a second voice.
                    let Some(m) = did_you_mean(&sp.v, names.iter().copied()) else {
                        if let Some(slot) = voices.get_mut(i) {
                            *slot = norm;
                        }
                        continue;
                    };
                    let d = Diagnostic::error(
                        "unknown-syndication",
                        rel,
                        Some(sp.span.clone()),
                        format!(
                            "`syndicated_from = \"{}\"` names no source id or outlet in the corpus, and is close to `{m}`",
                            sp.v
                        ),
                    )
                    .label("not a source id or outlet")
                    .help(format!(
                        "did you mean `{m}`? (a wire or outlet outside the corpus is accepted as it is written, when it is not this close to a name the corpus uses)"
                    ));
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
            // ".csto.toml.4242.tmp": left by a writer that was killed
            // before renaming it over its file; it holds nothing the file lacks.
            if name.starts_with('.') && name.ends_with(".tmp") && meta.is_file() {
                self.push(
                    Diagnostic::warning(
                        "stray-temporary",
                        &rel,
                        None,
                        format!("`{rel}` is left over from a write that was interrupted"),
                    )
                    .help("it holds nothing the corpus lacks: delete it (the next `claimcheck add` to its file does)"),
                );
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
        // A file a writer is about to create is read as if it were there.
        for rel in self.overrides.keys() {
            let new = rel
                .strip_prefix(dir)
                .and_then(|r| r.strip_prefix('/'))
                .is_some_and(|name| {
                    !name.contains('/') && !name.starts_with('.') && name.ends_with(&format!(".{ext}"))
                });
            if new && !files.iter().any(|(r, _)| r == rel) {
                files.push((rel.clone(), self.root.join(rel)));
            }
        }
        files.sort();
        files
    }

    /// Reads a file as UTF-8 text, refusing empty and non-UTF-8 files.
    fn read(&mut self, rel: &str, path: &Path) -> Option<Arc<str>> {
        let text = match self.overrides.get(rel) {
            Some(text) => Ok(text.clone()),
            None => read_text(rel, path),
        };
        match text {
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

/// Groups claims by property key, in key order; used by `show` and `compare`.
pub fn by_property(corpus: &Corpus) -> BTreeMap<String, Vec<&Claim>> {
    let mut map: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for c in &corpus.claims {
        map.entry(c.key()).or_default().push(c);
    }
    map
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
