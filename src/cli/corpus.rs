//! The commands that create and extend a corpus: `init`, `add source`,
//! `add claim` and `schema`.

use std::io::{self, BufRead, Read, Write};
use std::path::Path;

use super::args::Add;
use super::ExitCode;

/// Creates a corpus that passes `check`.
pub(super) fn init(
    root: &Path,
    dir: Option<std::path::PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
    let dir = dir.unwrap_or_else(|| root.to_path_buf());
    match crate::corpus::scaffold::init(&dir) {
        Ok(done) => {
            if done.undone > 0 {
                writeln!(
                    out,
                    "removed {} paths an interrupted init had left in {}",
                    done.undone,
                    dir.display()
                )?;
            }
            for f in done.written {
                writeln!(out, "wrote {}", dir.join(f).display())?;
            }
            for f in done.kept {
                writeln!(out, "kept {} (it was there)", dir.join(f).display())?;
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

/// Writes the corpus's JSON Schemas, or prints one.
pub(super) fn schema(
    root: &Path,
    print: Option<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
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
    match crate::corpus::schema::write(root) {
        Ok(written) => {
            for w in written {
                writeln!(out, "wrote {w}")?;
            }
            Ok(0)
        }
        Err(e) => {
            writeln!(err, "error: cannot write the schemas into {}: {e}", root.display())?;
            Ok(2)
        }
    }
}

/// `add source` and `add claim`.
pub(super) fn add(
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
            // Within the limits `check` reads with: a regular file or
            // standard input, at most MAX_FILE_BYTES, UTF-8.
            let limit = crate::corpus::files::MAX_FILE_BYTES;
            let bytes = if from_stdin {
                let mut b = Vec::new();
                (&mut *input).take(limit + 1).read_to_end(&mut b)?;
                if b.len() as u64 > limit {
                    writeln!(
                        err,
                        "error: standard input is longer than the {} MiB a source may be; nothing was written",
                        limit / (1024 * 1024)
                    )?;
                    return Ok(2);
                }
                b
            } else {
                match crate::corpus::files::read_regular(&file) {
                    Ok(b) => b,
                    Err(e) => {
                        writeln!(
                            err,
                            "error: cannot read {}: {e}\nhelp: give a regular file of at most {} MiB, or `-` for standard input",
                            file.display(),
                            limit / (1024 * 1024)
                        )?;
                        return Ok(2);
                    }
                }
            };
            let Ok(text) = String::from_utf8(bytes) else {
                writeln!(err, "error: {} is not UTF-8: save it as UTF-8 first", file.display())?;
                return Ok(2);
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
