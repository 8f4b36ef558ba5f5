//! The shape of the source tree, kept as docs/layout.md describes it: no
//! function a reader cannot hold in their head, and data flowing one way
//! between the folders.

use std::path::{Path, PathBuf};

/// The longest function, and the longest `impl`, `trait` or `mod` block
/// (tests apart), in lines.
const MAX_FN: usize = 120;
const MAX_BLOCK: usize = 400;

/// What each folder of `src/` may import from the others: reading knows
/// nothing else; the corpus uses the readers to validate; comparison never
/// writes output; review, reports and exports sit downstream.
const MAY_IMPORT: [(&str, &[&str]); 8] = [
    ("read", &[]),
    ("corpus", &["read", "timings"]),
    ("compare", &["read", "corpus", "timings"]),
    ("review", &["read", "corpus", "compare"]),
    ("report", &["read", "corpus", "compare", "review"]),
    ("export", &["read", "corpus", "compare", "review", "report"]),
    // A side door: reads an article and the corpus, writes only through
    // the corpus's own writers.
    ("suggest", &["read", "corpus", "compare", "report"]),
    (
        "cli",
        &[
            "read", "corpus", "compare", "review", "report", "export", "suggest", "timings",
        ],
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files.sort();
    files
}

/// Items that open a block at the start of a line (after indentation), with
/// the line where their closing brace stands at the same indentation.
fn blocks(text: &str) -> Vec<(usize, usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let opener =
        regex::Regex::new(r"^(\s*)(pub(\([a-z]+\))? )?(const )?(async )?(unsafe )?(fn|impl|trait|mod) ").unwrap();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(cap) = opener.captures(line) else { continue };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let indent = &cap[1];
        let close = format!("{indent}}}");
        if let Some(end) = lines.iter().skip(i + 1).position(|l| l.starts_with(&close)) {
            out.push((i + 1, end + 2, line.trim().to_string()));
        }
    }
    out
}

#[test]
fn no_function_or_block_is_too_long_to_read() {
    let mut long = Vec::new();
    for file in src_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, length, head) in blocks(&text) {
            let is_fn = head.contains("fn ");
            let is_tests = head.starts_with("mod tests");
            let limit = if is_fn { MAX_FN } else { MAX_BLOCK };
            if !is_tests && length > limit {
                long.push(format!("{}:{line}: {length} lines: {head}", file.display()));
            }
        }
    }
    assert!(long.is_empty(), "too long to hold in one's head:\n{}", long.join("\n"));
}

#[test]
fn the_block_finder_measures_what_it_should() {
    let text = "fn a() {\n    let x = 1;\n}\n\nimpl B {\n    pub fn c(&self) {\n        d();\n    }\n}\n";
    let found: Vec<(usize, usize)> = blocks(text).into_iter().map(|(l, n, _)| (l, n)).collect();
    assert_eq!(found, [(1, 3), (5, 5), (6, 3)]);
}

#[test]
fn data_flows_one_way_between_the_folders() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let import = regex::Regex::new(r"crate::([a-z_]+)").unwrap();
    let mut wrong = Vec::new();
    for file in src_files() {
        let rel = file.strip_prefix(&src).unwrap();
        let Some(folder) = rel.components().next().and_then(|c| c.as_os_str().to_str()) else {
            continue;
        };
        let Some((_, allowed)) = MAY_IMPORT.iter().find(|(f, _)| *f == folder) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may reach anywhere; so may doc comments.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for cap in import.captures_iter(line) {
                let target = &cap[1];
                if target != folder && !allowed.contains(&target) {
                    wrong.push(format!("{}: imports crate::{target}", rel.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "against the flow:\n{}", wrong.join("\n"));
}
