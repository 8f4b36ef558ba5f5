//! Making and growing a corpus without copying an example folder:
//! `claimcheck init` writes a small corpus that passes `check`; `add
//! source` files an article with its front matter; `add claim` appends a
//! claim to a claims file, keeping the file's comments and layout, and
//! keeps it only if the corpus still checks clean.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a command could not make or change a file.
#[derive(Debug)]
pub enum ScaffoldError {
    Io(std::io::Error),
    /// What the editor asked cannot be done as asked; the text says why and how.
    Refused(String),
}

impl std::fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScaffoldError::Io(e) => write!(f, "{e}"),
            ScaffoldError::Refused(why) => write!(f, "{why}"),
        }
    }
}

impl From<std::io::Error> for ScaffoldError {
    fn from(e: std::io::Error) -> Self {
        ScaffoldError::Io(e)
    }
}

const EXAMPLE_SOURCE: &str = r#"+++
title = "Harbour bridge reopens after two-year repair"
outlet = "Example Gazette"
url = "https://example.org/news/harbour-bridge-reopens"
published = "2025-06-09"
published_basis = "An example written by claimcheck init: replace it with a real article."
kind = "news"
language = "en"
+++
The harbour bridge reopened to traffic on Monday after a repair that took two years.

City engineers said the repair cost 48 million euros, about 10 million more than first planned.
"#;

const EXAMPLE_PROPERTIES: &str = r#"# The questions this corpus answers: one [[property]] each. Claims from
# different articles that answer the same question share a property.
# kinds: state, event-date, quantity, fact, assessment (see the README).

[[property]]
subject = "harbour-bridge"
property = "repair-cost"
question = "How much did the harbour bridge repair cost?"
kind = "quantity"
unit = "EUR"
over_time = "fixed"
"#;

const EXAMPLE_CLAIMS: &str = r#"# Curated claims: one [[claim]] each, its quote verbatim from the source.

[[claim]]
id = "gazette-repair-cost"
source = "example-gazette-2025-06-09"
quote = "the repair cost 48 million euros"
subject = "harbour-bridge"
property = "repair-cost"
value = "48 million"
"#;

const SETTINGS: &str = r#"# claimcheck settings (all optional; see schemas/claimcheck.schema.json).

# Who publishes the fact checks: needed by `claimcheck export --format claimreview`.
# [publisher]
# name = "Example Fact Check"
# url = "https://factcheck.example.org"
# review_url = "https://factcheck.example.org/reviews/{finding}"

# The scale claims are rated on with `claimcheck review ID --verdict confirmed
# --rate CLAIM=RATING`, best first.
# [rating]
# scale = ["accurate", "misleading", "unproven", "inaccurate"]
"#;

const README: &str = r#"# A claimcheck corpus

- `sources/`: one article per file, its front matter between `+++` lines and its text verbatim
  (`claimcheck add source FILE --outlet ... --published ...`).
- `claims/properties.toml`: the questions the articles answer.
- `claims/*.toml`: the curated claims (`claimcheck add claim --source ID --quote "..." --question S/P --value ...`).
- `reviews.toml`: editors' verdicts (`claimcheck review`).
- `claimcheck.toml`: who publishes the fact checks, and the rating scale.
- `schemas/` and `.taplo.toml`: completion and errors while editing the TOML.

`claimcheck check` validates everything; `claimcheck report` shows what the sources agree and
disagree on.
"#;

/// What `init` did: the files it wrote, and the editor's own it kept.
#[derive(Debug, Default)]
pub struct Initialised {
    pub written: Vec<String>,
    pub kept: Vec<String>,
    /// Paths a killed `init` had made, removed before this one began.
    pub undone: usize,
}

/// Creates a corpus in `dir` (made if missing; it must not already hold a
/// corpus) that passes `check`: all or nothing, under the corpus lock,
/// never replacing an editor's file. A run that fails removes what it made;
/// a run that is killed leaves a journal the next run undoes.
pub fn init(dir: &Path) -> Result<Initialised, ScaffoldError> {
    let named =
        |path: &Path, e: std::io::Error| ScaffoldError::Refused(format!("cannot create {}: {e}", path.display()));
    // The folder and its missing ancestors, made first so the journal
    // can live in it, and removed again if this run fails.
    let mut made: Vec<PathBuf> = Vec::new();
    make_folder(dir, &mut made, &mut |_| Ok(())).map_err(|(p, e)| named(&p, e))?;
    // The journal is also the lock: two inits of one folder take turns,
    // and the one that finds a journal knows its writer is gone.
    let journal = dir.join(crate::corpus::files::INIT_JOURNAL);
    let locked = crate::corpus::files::lock(&journal, crate::corpus::files::LOCK_WAIT);
    let result = match locked {
        Err(e) => Err(ScaffoldError::Refused(format!(
            "cannot create {}: {e}",
            journal.display()
        ))),
        Ok(None) => Err(ScaffoldError::Refused(format!(
            "another claimcheck init is writing to {}; nothing was written: try again",
            dir.display()
        ))),
        Ok(Some(_lock)) => undo_killed_init(dir).and_then(|undone| {
            let done = init_locked(dir, &journal);
            // Done or rolled back, the journal has nothing left to undo.
            let _ = std::fs::remove_file(&journal);
            let mut done = done?;
            done.undone = undone;
            Ok(done)
        }),
    };
    if result.is_err() {
        for folder in made.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
    }
    result
}

/// Removes what a killed `init` made, as its journal lists it (files, then
/// their folders once empty), and the journal. Called under the corpus
/// journal's lock, so the run that wrote it is gone. Returns how many
/// paths it removed.
fn undo_killed_init(dir: &Path) -> Result<usize, ScaffoldError> {
    let journal = dir.join(crate::corpus::files::INIT_JOURNAL);
    let text = match std::fs::read_to_string(&journal) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => {
            return Err(ScaffoldError::Refused(format!(
                "cannot read {}: {e}",
                journal.display()
            )))
        }
    };
    let mut undone = 0;
    // Only paths init itself writes: relative, inside the folder.
    let inside = |rel: &&str| !rel.is_empty() && !rel.starts_with('/') && !rel.split('/').any(|p| p == "..");
    for rel in text.lines().filter(inside).collect::<Vec<_>>().into_iter().rev() {
        let path = dir.join(rel);
        if std::fs::remove_file(&path)
            .or_else(|_| std::fs::remove_dir(&path))
            .is_ok()
        {
            undone += 1;
        }
    }
    std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&journal)
        .map_err(|e| ScaffoldError::Refused(format!("cannot empty {}: {e}", journal.display())))?;
    Ok(undone)
}

/// `init` once the journal is locked and no half corpus is left.
fn init_locked(dir: &Path, journal: &Path) -> Result<Initialised, ScaffoldError> {
    for taken in [
        "sources",
        "claims",
        crate::corpus::settings::FILE,
        crate::corpus::files::REVIEWS_FILE,
    ] {
        if dir.join(taken).exists() {
            return Err(ScaffoldError::Refused(format!(
                "{} already holds `{taken}`: init makes a new corpus and changes nothing in an existing one",
                dir.display()
            )));
        }
    }
    let mut files: Vec<(String, String)> = [
        ("sources/example-gazette-2025-06-09.txt", EXAMPLE_SOURCE),
        ("claims/properties.toml", EXAMPLE_PROPERTIES),
        ("claims/example.toml", EXAMPLE_CLAIMS),
        (crate::corpus::settings::FILE, SETTINGS),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_string(), t.to_string()))
    .collect();
    // The editor's own README, schemas and taplo wiring are kept: init
    // writes only what is not there.
    let optional = [
        ("README.md".to_string(), README.to_string()),
        (".taplo.toml".to_string(), crate::corpus::schema::taplo().to_string()),
    ];
    let schemas = crate::corpus::schema::rendered()?;
    let mut kept = Vec::new();
    for (rel, text) in optional.into_iter().chain(schemas) {
        if dir.join(&rel).exists() {
            kept.push(rel);
        } else {
            files.push((rel, text));
        }
    }
    let mut created: Vec<PathBuf> = Vec::new();
    let result = create_all(dir, &files, journal, &mut created);
    if let Err(e) = result {
        // All or nothing: what this run created is removed again.
        for path in created.iter().rev() {
            let _ = std::fs::remove_file(path).or_else(|_| std::fs::remove_dir(path));
        }
        return Err(e);
    }
    Ok(Initialised {
        written: files.into_iter().map(|(rel, _)| rel).collect(),
        kept,
        undone: 0,
    })
}

/// Makes `folder` and its missing ancestors, oldest first, recording each
/// in `made` and telling `before` about it before it is made.
fn make_folder(
    folder: &Path,
    made: &mut Vec<PathBuf>,
    before: &mut dyn FnMut(&Path) -> std::io::Result<()>,
) -> Result<(), (PathBuf, std::io::Error)> {
    let mut missing = Vec::new();
    let mut f = Some(folder);
    while let Some(p) = f.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        missing.push(p.to_path_buf());
        f = p.parent();
    }
    for p in missing.into_iter().rev() {
        before(&p)
            .and_then(|()| std::fs::create_dir(&p))
            .map_err(|e| (p.clone(), e))?;
        made.push(p);
    }
    Ok(())
}

/// Creates the folders and `files` in `dir`, never replacing one, writing
/// each path to the journal before it is made and recording each made for
/// a rollback (folders first).
fn create_all(
    dir: &Path,
    files: &[(String, String)],
    journal: &Path,
    created: &mut Vec<PathBuf>,
) -> Result<(), ScaffoldError> {
    let named =
        |path: &Path, e: std::io::Error| ScaffoldError::Refused(format!("cannot create {}: {e}", path.display()));
    let mut log = std::fs::OpenOptions::new()
        .append(true)
        .open(journal)
        .map_err(|e| named(journal, e))?;
    let mut note = |path: &Path| -> std::io::Result<()> {
        let rel = path.strip_prefix(dir).unwrap_or(path);
        writeln!(log, "{}", rel.display())?;
        log.sync_data()
    };
    let mut folders: Vec<PathBuf> = Vec::new();
    for (rel, _) in files {
        let mut p = dir.join(rel);
        while let Some(parent) = p.parent().map(Path::to_path_buf) {
            if parent == dir || parent.as_os_str().is_empty() {
                break;
            }
            if !folders.contains(&parent) {
                folders.push(parent.clone());
            }
            p = parent;
        }
    }
    folders.sort_by_key(|f| f.components().count());
    for folder in folders {
        make_folder(&folder, created, &mut note).map_err(|(p, e)| named(&p, e))?;
    }
    for (rel, text) in files {
        let path = dir.join(rel);
        note(&path).map_err(|e| named(journal, e))?;
        create_new(&path, text.as_bytes())?;
        created.push(path);
    }
    Ok(())
}

/// Writes a new file, refusing to replace one (atomically: the file
/// either does not exist or is complete, and two writers cannot both win).
fn create_new(path: &Path, bytes: &[u8]) -> Result<(), ScaffoldError> {
    let mut f = match std::fs::OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(ScaffoldError::Refused(format!(
                "{} already exists; nothing was overwritten",
                path.display()
            )))
        }
        Err(e) => return Err(ScaffoldError::Refused(format!("cannot create {}: {e}", path.display()))),
    };
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if let Err(e) = written {
        let _ = std::fs::remove_file(path);
        return Err(e.into());
    }
    Ok(())
}

/// A new source's metadata: `add source`'s flags.
#[derive(Debug, Default, clap::Args)]
pub struct NewSource {
    /// The source id (default: from the file name; required with `-`).
    #[arg(long)]
    pub id: Option<String>,
    /// The headline (default: the text's first line).
    #[arg(long)]
    pub title: Option<String>,
    /// The publication that printed it.
    #[arg(long)]
    pub outlet: String,
    /// The publication date: "2025-06-09", "2025-06", "not before 2025-06-01".
    #[arg(long)]
    pub published: String,
    /// How the date was established (default: given by the editor).
    #[arg(long)]
    pub published_basis: Option<String>,
    /// Where the article was read (http or https).
    #[arg(long)]
    pub url: Option<String>,
    /// BCP 47 language tag.
    #[arg(long, default_value = "en")]
    pub language: String,
    /// news, opinion, analysis, editorial, aggregator, reference, press-release, interview, blog.
    #[arg(long, default_value = "news")]
    pub kind: String,
}

/// Files an article as `sources/<id>.txt`: its text with line endings made
/// `\n` (and a byte-order mark dropped), under front matter made from the
/// flags. `from` names the file the text came from (`None` for standard
/// input), which gives the id when `--id` does not. Returns the path.
pub fn add_source(root: &Path, text: &str, from: Option<&Path>, meta: &NewSource) -> Result<PathBuf, ScaffoldError> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    if text.trim_start().starts_with("+++") {
        return Err(ScaffoldError::Refused(
            "the text already has front matter (+++): copy the file into sources/ as it is".into(),
        ));
    }
    if text.trim().is_empty() {
        return Err(ScaffoldError::Refused("the text is empty".into()));
    }
    let id = match (&meta.id, from) {
        (Some(id), _) => id.clone(),
        (None, Some(p)) => slug(
            &p.file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default(),
        ),
        (None, None) => {
            return Err(ScaffoldError::Refused(
                "reading standard input, the source needs an id: give --id".into(),
            ))
        }
    };
    if !crate::corpus::load::valid_id(&id) {
        return Err(ScaffoldError::Refused(format!(
            "`{id}` is not a source id: use lower-case letters, digits, `-`, `_` and `.`, e.g. --id {}",
            slug(&id)
        )));
    }
    if let Some(u) = &meta.url {
        if !crate::corpus::model::is_web_url(u) {
            return Err(ScaffoldError::Refused(format!("--url `{u}` is not an http(s) URL")));
        }
    }
    if !crate::corpus::model::SOURCE_KINDS.contains(&meta.kind.as_str()) {
        return Err(ScaffoldError::Refused(format!(
            "--kind `{}` is not a source kind: {}",
            meta.kind,
            crate::corpus::model::SOURCE_KINDS.join(", ")
        )));
    }
    if let Some(t) = &meta.title {
        if t.trim().is_empty() || t.chars().any(char::is_control) {
            return Err(ScaffoldError::Refused(format!(
                "--title {t:?}: a title is one line of text, not empty"
            )));
        }
    }
    let title = meta.title.clone().unwrap_or_else(|| {
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .chars()
            .take(200)
            .collect()
    });
    let mut front = toml_edit::DocumentMut::new();
    front.insert("title", toml_edit::value(title));
    front.insert("outlet", toml_edit::value(meta.outlet.as_str()));
    if let Some(u) = &meta.url {
        front.insert("url", toml_edit::value(u.as_str()));
    }
    front.insert("published", toml_edit::value(meta.published.as_str()));
    let basis = meta
        .published_basis
        .clone()
        .unwrap_or_else(|| "Given by the editor who added the source (claimcheck add source --published).".into());
    front.insert("published_basis", toml_edit::value(basis));
    front.insert("kind", toml_edit::value(meta.kind.as_str()));
    front.insert("language", toml_edit::value(meta.language.as_str()));
    let body = if text.ends_with('\n') {
        text
    } else {
        format!("{text}\n")
    };
    let file = format!("+++\n{front}+++\n{body}");
    let rel = format!("sources/{id}.txt");
    let _lock = crate::corpus::files::lock_corpus(root).map_err(ScaffoldError::Refused)?;
    // Every field is checked by the loader's own rules before anything is
    // written (a date that is no date, a language that is no tag).
    let checked = crate::corpus::load::load_with(root, &[(rel.as_str(), file.as_str())]);
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::corpus::diag::Severity::Error && d.file == rel)
        .cloned()
        .collect();
    if !errors.is_empty() {
        return Err(ScaffoldError::Refused(format!(
            "{}the source was not added: nothing was written",
            crate::corpus::diag::render(&errors, &checked.files, false)
        )));
    }
    std::fs::create_dir_all(root.join("sources"))?;
    let path = root.join("sources").join(format!("{id}.txt"));
    create_new(&path, file.as_bytes())?;
    Ok(path)
}

/// A lower-case slug of a name: letters and digits kept, the rest `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.chars().flat_map(char::to_lowercase) {
        // A dot starts no id and never follows another ("../evil" is "evil").
        let dot_ok = ch == '.' && !out.is_empty() && !out.ends_with(['.', '-']);
        if ch.is_ascii_alphanumeric() || ch == '_' || dot_ok {
            out.push(ch);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches(['-', '.']);
    // An id names a file: no longer than the loader takes.
    out.get(..crate::corpus::load::MAX_ID.min(out.len()))
        .unwrap_or(out)
        .trim_end_matches(['-', '.'])
        .to_string()
}

/// A new claim: `add claim`'s flags.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct NewClaim {
    /// The claim id (default: <source>-<property>).
    #[arg(long)]
    pub id: Option<String>,
    /// The source id.
    #[arg(long)]
    pub source: String,
    /// Verbatim from the source.
    #[arg(long)]
    pub quote: String,
    /// The question: subject/property.
    #[arg(long)]
    pub question: String,
    /// The answer, as the claim's `value`.
    #[arg(long)]
    pub value: String,
    /// The time the claim describes, as the text says (default: the source's date).
    #[arg(long)]
    pub as_of: Option<String>,
    /// For a state: when it began, as the text says.
    #[arg(long)]
    pub since: Option<String>,
    /// For a fact: when it happened.
    #[arg(long)]
    pub when: Option<String>,
    /// Whom the article quotes or cites.
    #[arg(long)]
    pub said_by: Option<String>,
    /// The wire this passage comes from, when the page mixes wires: the
    /// claim then counts as that wire's voice.
    #[arg(long)]
    pub via: Option<String>,
    /// asserted, hedged, reported or denied.
    #[arg(long)]
    pub modality: Option<String>,
    /// The curator's note.
    #[arg(long)]
    pub note: Option<String>,
    /// The claims file, relative to the corpus (default
    /// claims/<subject>.toml).
    #[arg(long)]
    pub file: Option<String>,
}

/// A question added with the claims that answer it (`suggest --write`).
#[derive(Clone, Debug, PartialEq)]
pub struct NewProperty {
    pub subject: String,
    pub property: String,
    pub question: String,
    pub kind: crate::corpus::model::Kind,
    pub unit: Option<String>,
}

/// Appends a claim to a claims file, keeping its comments and layout, and
/// only if the corpus checks clean with it. Under the corpus lock, the
/// corpus is checked with the file as it would be written, in memory; the
/// file is written (atomically) only then. So a refused claim leaves the
/// file byte for byte as it was, two writers never lose each other's
/// claims, and a killed one leaves the old file or the checked new one.
pub fn add_claim(root: &Path, c: &NewClaim, color: bool) -> Result<(String, String), ScaffoldError> {
    add_claims(root, std::slice::from_ref(c), &[], color)?
        .into_iter()
        .next()
        .ok_or_else(|| ScaffoldError::Refused("no claim was given".into()))
}

/// [`add_claim`] for several claims and the questions they need, as one
/// change: the corpus is checked with every file as it would be written,
/// and nothing is written unless it checks clean. The questions file is
/// written first, so a writer killed between two files leaves at worst a
/// question without its claims, which checks clean.
pub fn add_claims(
    root: &Path,
    claims: &[NewClaim],
    properties: &[NewProperty],
    color: bool,
) -> Result<Vec<(String, String)>, ScaffoldError> {
    let _lock = crate::corpus::files::lock_corpus(root).map_err(ScaffoldError::Refused)?;
    let before = crate::corpus::load::load(root);
    if before.errors() > 0 {
        return Err(ScaffoldError::Refused(format!(
            "the corpus has {} error(s) already; fix them first (claimcheck check)",
            before.errors()
        )));
    }
    let corpus = &before.corpus;
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    if !properties.is_empty() {
        let rel = crate::corpus::load::PROPERTIES_FILE;
        let mut doc = read_doc(root, rel, &texts)?;
        for p in properties {
            let mut t = toml_edit::Table::new();
            t.insert("subject", toml_edit::value(p.subject.as_str()));
            t.insert("property", toml_edit::value(p.property.as_str()));
            t.insert("question", toml_edit::value(p.question.as_str()));
            t.insert("kind", toml_edit::value(p.kind.name()));
            if let Some(u) = &p.unit {
                t.insert("unit", toml_edit::value(u.as_str()));
            }
            push_table(&mut doc, "property", t, rel)?;
        }
        texts.insert(rel.to_string(), doc.to_string());
    }
    let mut added = Vec::new();
    for c in claims {
        let (id, rel, table) = claim_table(corpus, c, properties, &added)?;
        let mut doc = read_doc(root, &rel, &texts)?;
        push_table(&mut doc, "claim", table, &rel)?;
        texts.insert(rel.clone(), doc.to_string());
        added.push((id, rel));
    }
    let overrides: Vec<(&str, &str)> = texts.iter().map(|(r, t)| (r.as_str(), t.as_str())).collect();
    let after = crate::corpus::load::load_with(root, &overrides);
    if after.errors() > 0 {
        let errors: Vec<_> = after
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::corpus::diag::Severity::Error)
            .cloned()
            .collect();
        let files: Vec<&str> = texts.keys().map(String::as_str).collect();
        let what = if claims.len() == 1 {
            "the claim was not added"
        } else {
            "no claim was added"
        };
        let verb = if files.len() == 1 { "is" } else { "are" };
        return Err(ScaffoldError::Refused(format!(
            "{}{what}: {} {verb} as it was",
            crate::corpus::diag::render(&errors, &after.files, color),
            files.join(", ")
        )));
    }
    // Checked: written, the questions first, after clearing what a killed
    // writer left.
    let mut order: Vec<(&String, &String)> = texts.iter().collect();
    order.sort_by_key(|(rel, _)| rel.as_str() != crate::corpus::load::PROPERTIES_FILE);
    for (rel, text) in order {
        let path = root.join(rel);
        let named = |e: std::io::Error| {
            ScaffoldError::Refused(format!(
                "cannot write {}: {e}; check that the corpus folder is writable",
                path.display()
            ))
        };
        crate::corpus::files::remove_stray_temporaries(&path).map_err(named)?;
        crate::corpus::files::write_atomically(&path, text.as_bytes()).map_err(named)?;
    }
    Ok(added)
}

/// A claims file as it stands in this change: as already edited, or as
/// on disk, or empty when there is none yet.
fn read_doc(root: &Path, rel: &str, texts: &BTreeMap<String, String>) -> Result<toml_edit::DocumentMut, ScaffoldError> {
    let original = match texts.get(rel) {
        Some(t) => Some(t.clone()),
        None => match crate::corpus::files::read_regular(&root.join(rel)) {
            Ok(bytes) => {
                Some(String::from_utf8(bytes).map_err(|_| ScaffoldError::Refused(format!("{rel} is not UTF-8")))?)
            }
            Err(crate::corpus::files::ReadError::NotFound) => None,
            Err(e) => return Err(ScaffoldError::Refused(format!("cannot read {rel}: {e}"))),
        },
    };
    original
        .as_deref()
        .unwrap_or("")
        .parse()
        .map_err(|e: toml_edit::TomlError| ScaffoldError::Refused(format!("{rel} is not valid TOML: {e}")))
}

/// Appends a table to the array of tables `name` (`claim`, `property`).
fn push_table(
    doc: &mut toml_edit::DocumentMut,
    name: &str,
    t: toml_edit::Table,
    rel: &str,
) -> Result<(), ScaffoldError> {
    let items = doc
        .entry(name)
        .or_insert(toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
    let Some(items) = items.as_array_of_tables_mut() else {
        return Err(ScaffoldError::Refused(format!(
            "in {rel}, `{name}` is not an array of tables"
        )));
    };
    items.push(t);
    Ok(())
}

/// The id a new claim gets: `<source>-<property>`, with `-2`, `-3`... until
/// neither the corpus nor `taken` (ids given earlier in the same change)
/// has it.
pub fn new_claim_id(
    corpus: &crate::corpus::model::Corpus,
    source: &str,
    property: &str,
    taken: impl Fn(&str) -> bool,
) -> String {
    let base = slug(&format!("{source}-{property}"));
    let mut id = base.clone();
    let mut n = 2;
    while corpus.claim(&id).is_some() || taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// One claim's record, its id (unique in the corpus and among `added`)
/// and the file it goes in.
fn claim_table(
    corpus: &crate::corpus::model::Corpus,
    c: &NewClaim,
    properties: &[NewProperty],
    added: &[(String, String)],
) -> Result<(String, String, toml_edit::Table), ScaffoldError> {
    let Some((subject, property)) = c.question.split_once('/') else {
        return Err(ScaffoldError::Refused(format!(
            "--question `{}`: write subject/property, e.g. --question armenia/csto-status",
            c.question
        )));
    };
    let kind = corpus
        .properties
        .iter()
        .find(|p| p.subject == subject && p.property == property)
        .map(|p| p.kind)
        .or_else(|| {
            properties
                .iter()
                .find(|p| p.subject == subject && p.property == property)
                .map(|p| p.kind)
        });
    let Some(kind) = kind else {
        let keys: Vec<String> = corpus.properties.iter().map(|p| p.key()).collect();
        let near = crate::corpus::diag::did_you_mean(&c.question, keys.iter().map(String::as_str));
        return Err(ScaffoldError::Refused(format!(
            "no question `{}` in claims/properties.toml{}",
            c.question,
            near.map(|n| format!(": did you mean `{n}`?")).unwrap_or_default()
        )));
    };
    let id = match &c.id {
        Some(id) => id.clone(),
        None => new_claim_id(corpus, &c.source, property, |id| added.iter().any(|(a, _)| a == id)),
    };
    let rel = c.file.clone().unwrap_or_else(|| format!("claims/{subject}.toml"));
    // Only where the loader reads: claims/<topic>.toml, no folder, not hidden.
    let topic = rel.strip_prefix("claims/").and_then(|n| n.strip_suffix(".toml"));
    if !topic.is_some_and(crate::corpus::load::valid_id) || rel == crate::corpus::load::PROPERTIES_FILE {
        return Err(ScaffoldError::Refused(format!(
            "--file `{rel}`: claims go in a claims/<topic>.toml file the corpus reads (a topic of lower-case letters, digits and dashes, not properties)"
        )));
    }
    let mut t = toml_edit::Table::new();
    t.insert("id", toml_edit::value(id.as_str()));
    t.insert("source", toml_edit::value(c.source.as_str()));
    t.insert("quote", toml_edit::value(c.quote.as_str()));
    t.insert("subject", toml_edit::value(subject));
    t.insert("property", toml_edit::value(property));
    t.insert("value", typed_value(&c.value, kind));
    for (key, v) in [
        ("as_of", &c.as_of),
        ("since", &c.since),
        ("when", &c.when),
        ("said_by", &c.said_by),
        ("via", &c.via),
        ("modality", &c.modality),
        ("note", &c.note),
    ] {
        if let Some(v) = v {
            t.insert(key, toml_edit::value(v.as_str()));
        }
    }
    Ok((id, rel, t))
}

/// A value as the question's kind wants it in TOML: a fact's `true` or
/// `false` as a boolean, a quantity's plain whole number as a number, and
/// everything else (a state, a date, "about 300", "7.2 billion") as a string.
fn typed_value(v: &str, kind: crate::corpus::model::Kind) -> toml_edit::Item {
    use crate::corpus::model::Kind;
    match (kind, v) {
        (Kind::Fact, "true") => toml_edit::value(true),
        (Kind::Fact, "false") => toml_edit::value(false),
        (Kind::Quantity, _) => match v.parse::<i64>() {
            Ok(n) if !v.starts_with('0') || v == "0" => toml_edit::value(n),
            _ => toml_edit::value(v),
        },
        _ => toml_edit::value(v),
    }
}

#[cfg(test)]
mod tests {
    use super::{slug, typed_value};
    use crate::corpus::model::Kind;

    /// A suggested id is itself a valid id: no leading or doubled dots,
    /// no longer than the loader takes.
    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("../evil"), "evil");
        assert_eq!(slug("Council Statement.v2"), "council-statement.v2");
        let long = slug(&"a".repeat(300));
        assert_eq!(long.len(), crate::corpus::load::MAX_ID);
        for name in ["../evil", ".hidden", "a..b", "Ünïcode name", &"x".repeat(300)] {
            assert!(
                crate::corpus::load::valid_id(&slug(name)),
                "{name:?} -> {:?}",
                slug(name)
            );
        }
    }

    #[test]
    fn values_take_the_type_their_question_reads() {
        assert_eq!(typed_value("true", Kind::Fact).to_string(), "true");
        assert_eq!(typed_value("300", Kind::Quantity).to_string(), "300");
        assert_eq!(typed_value("about 300", Kind::Quantity).to_string(), "\"about 300\"");
        assert_eq!(typed_value("007", Kind::Quantity).to_string(), "\"007\"");
        // A year is a date, and "true" a state's value, as strings.
        assert_eq!(typed_value("2024", Kind::EventDate).to_string(), "\"2024\"");
        assert_eq!(typed_value("true", Kind::State).to_string(), "\"true\"");
    }

    #[test]
    fn file_names_become_ids() {
        assert_eq!(slug("Reuters 2025-06-09 Bridge"), "reuters-2025-06-09-bridge");
        assert_eq!(slug("  --Ap_wire.story  "), "ap_wire.story");
    }
}
