//! Every shell block in README.md and docs/ runs as written.
//!
//! A block of commands is run whole by bash, with `claimcheck` on the
//! `PATH` (the binary under test) and `cargo run --release --` read as
//! `claimcheck`, in a fresh copy of the shipped corpus; it must exit 0.
//! A transcript (lines starting with `$ `) is run a command at a time and
//! each command's output must be the lines printed under it. Commands that
//! build or test the repository itself (`cargo test`, `cargo insta`,
//! `cargo install`, `bash bench/...`) are not run here: CI runs the tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One fenced `sh` block: where it is and its lines.
struct Block {
    place: String,
    lines: Vec<String>,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `sh` blocks of one Markdown file, indented ones (inside lists) too.
fn blocks(path: &Path) -> Vec<Block> {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.strip_prefix(repo()).unwrap().display().to_string();
    let mut out = Vec::new();
    let mut current: Option<(usize, usize, Vec<String>)> = None;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        match &mut current {
            None if trimmed == "```sh" => current = Some((n + 1, indent, Vec::new())),
            Some((start, _, lines)) if trimmed == "```" => {
                out.push(Block {
                    place: format!("{name}:{start}"),
                    lines: std::mem::take(lines),
                });
                current = None;
            }
            Some((_, indent, lines)) => lines.push(line.get(*indent..).unwrap_or(line.trim_start()).to_string()),
            None => {}
        }
    }
    assert!(current.is_none(), "{name}: a ```sh block is not closed");
    out
}

fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![repo().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// A fresh copy of the shipped corpus, and a folder with `claimcheck` in it.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_dir(&repo().join("sources"), &corpus.join("sources"));
    copy_dir(&repo().join("claims"), &corpus.join("claims"));
    for file in ["reviews.toml", "claimcheck.toml"] {
        if repo().join(file).exists() {
            std::fs::copy(repo().join(file), corpus.join(file)).unwrap();
        }
    }
    let bin = tmp.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    // A link, not a copy: a copy's open write handle can be inherited by a
    // child another test thread forks at that moment, and running the copy
    // then fails with "Text file busy".
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_claimcheck"), bin.join("claimcheck")).unwrap();
    (tmp, corpus, bin)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// Whether a command builds or tests the repository rather than using claimcheck.
fn not_run_here(command: &str) -> bool {
    ["cargo test", "cargo insta", "cargo install", "cargo bench", "bash "]
        .iter()
        .any(|p| command.starts_with(p))
}

/// The block as a script: continuation lines joined, repository commands dropped.
fn script(block: &Block) -> String {
    let mut commands: Vec<String> = Vec::new();
    let mut continued = false;
    for line in &block.lines {
        if continued {
            if let Some(last) = commands.last_mut() {
                last.push('\n');
                last.push_str(line);
            }
        } else {
            commands.push(line.clone());
        }
        continued = line.trim_end().ends_with('\\');
    }
    commands
        .into_iter()
        .filter(|c| !not_run_here(c.trim_start()))
        .map(|c| c.replace("cargo run --release -- ", "claimcheck "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn bash(script: &str, dir: &Path, bin: &Path) -> std::process::Output {
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    Command::new("bash")
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// Runs a transcript: each `$ command` must print the lines under it.
fn transcript(block: &Block, dir: &Path, bin: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let mut steps: Vec<(String, Vec<String>)> = Vec::new();
    for line in &block.lines {
        match line.strip_prefix("$ ") {
            Some(command) => steps.push((command.to_string(), Vec::new())),
            None => match steps.last_mut() {
                Some((_, expected)) => expected.push(line.clone()),
                None => failures.push(format!("{}: output before any command", block.place)),
            },
        }
    }
    for (command, expected) in steps {
        let out = bash(&command, dir, bin);
        let got = String::from_utf8_lossy(&out.stdout);
        let got: Vec<&str> = got.lines().map(str::trim_end).collect();
        let want: Vec<&str> = expected.iter().map(|l| l.trim_end()).collect();
        if got != want || !out.status.success() {
            failures.push(format!(
                "{}: `{command}` printed\n{}\n{}instead of\n{}",
                block.place,
                got.join("\n"),
                String::from_utf8_lossy(&out.stderr),
                want.join("\n")
            ));
        }
    }
    failures
}

#[test]
fn every_shell_block_in_the_readme_and_docs_runs_as_written() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for file in markdown_files() {
        for block in blocks(&file) {
            let (_tmp, corpus, bin) = workspace();
            if block.lines.iter().any(|l| l.starts_with("$ ")) {
                failures.extend(transcript(&block, &corpus, &bin));
                ran += 1;
                continue;
            }
            let script = script(&block);
            if script.trim().is_empty() {
                continue;
            }
            let out = bash(&script, &corpus, &bin);
            ran += 1;
            if !out.status.success() {
                failures.push(format!(
                    "{}: exit {:?}\n{script}\n{}{}",
                    block.place,
                    out.status.code(),
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    assert!(ran >= 6, "only {ran} shell blocks ran: were the docs moved?");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The test above must catch a command that fails and a transcript whose
/// output is not what it shows.
#[test]
fn a_failing_block_or_a_wrong_transcript_is_caught() {
    let (_tmp, corpus, bin) = workspace();
    let failing = Block {
        place: "test".into(),
        lines: vec!["claimcheck show no/such-question".into()],
    };
    assert!(!bash(&script(&failing), &corpus, &bin).status.success());
    let wrong = Block {
        place: "test".into(),
        lines: vec![
            "$ claimcheck date \"last month\" --published 2025-06-09".into(),
            "value:    2025-04".into(),
        ],
    };
    assert_eq!(transcript(&wrong, &corpus, &bin).len(), 1);
}

/// Links between the pages point at files that exist.
#[test]
fn links_between_the_pages_resolve() {
    let link = regex::Regex::new(r"\]\(([^)#]+\.md)(#[^)]*)?\)").unwrap();
    let mut broken = Vec::new();
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        for cap in link.captures_iter(&text) {
            let target = file.parent().unwrap().join(&cap[1]);
            if !target.exists() {
                broken.push(format!("{}: {}", file.display(), &cap[1]));
            }
        }
    }
    assert!(broken.is_empty(), "broken links: {broken:?}");
}
