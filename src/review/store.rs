//! Writing a verdict: under the corpus's lock, edited in place with
//! toml_edit (comments and order kept), replaced atomically, refused if the
//! file changed since it was read.

use super::*;

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
    // Ratings follow their verdict: a verdict that does not confirm the
    // finding (dismissed, needs-source) clears the ratings given before.
    if !matches!(v.verdict, "confirmed" | "corrected") {
        table.remove("ratings");
    }
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
pub(super) fn set(table: &mut toml_edit::Table, key: &str, value: &str) {
    let mut new = toml_edit::Value::from(value);
    if let Some(old) = table.get(key).and_then(|i| i.as_value()) {
        *new.decor_mut() = old.decor().clone();
    }
    table.insert(key, toml_edit::Item::Value(new));
}

/// Writes `new` to a temporary file beside `path` and renames it over
/// `path`, unless `path` no longer holds `expected`.
pub(super) fn replace_atomically(path: &Path, expected: Option<&str>, new: &str) -> Result<(), WriteError> {
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
