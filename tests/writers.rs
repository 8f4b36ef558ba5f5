//! The corpus's writers under concurrency and kills: `add claim` run by
//! many processes at once keeps every claim, a refused one leaves its file
//! byte for byte as it was whatever else runs, and a killed one leaves the
//! old file or a checked new one. These fail if the corpus lock is removed
//! or the claim is written before it is checked.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_claimcheck"))
}

/// A fresh corpus from `claimcheck init`, with one article of many
/// sentences, each quotable by its own claim.
fn corpus(sentences: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ok = Command::new(bin()).arg("init").arg(dir.path()).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let mut text = String::from(
        "+++\ntitle = \"Costs\"\noutlet = \"City Council\"\npublished = \"2025-06-10\"\npublished_basis = \"Test.\"\nkind = \"news\"\nlanguage = \"en\"\n+++\n",
    );
    for i in 0..sentences {
        text.push_str(&format!("Item {i} of the repair cost {} million euros.\n\n", 10 + i));
    }
    std::fs::write(dir.path().join("sources/council.txt"), text).unwrap();
    dir
}

/// `add claim` to the test corpus's one question, with `quote` and item
/// `i`'s value; callers add the rest (`--id`, `--file`, `--as-of`, ...).
fn add_claim(root: &Path, i: usize, quote: &str) -> Command {
    let mut cmd = Command::new(bin());
    cmd.arg("--corpus")
        .arg(root)
        .args([
            "add",
            "claim",
            "--source",
            "council",
            "--question",
            "harbour-bridge/repair-cost",
        ])
        .args(["--quote", quote, "--value", &format!("{} million", 10 + i)]);
    cmd
}

fn add(root: &Path, i: usize, quote: &str) -> Child {
    add_claim(root, i, quote)
        .args(["--id", &format!("item-{i}"), "--file", "claims/costs.toml"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn claims_in(root: &Path) -> String {
    std::fs::read_to_string(root.join("claims/costs.toml")).unwrap_or_default()
}

fn check_is_clean(root: &Path) {
    let out = Command::new(bin())
        .arg("--corpus")
        .arg(root)
        .arg("check")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
}

#[test]
fn many_writers_at_once_keep_every_claim() {
    let n = 24;
    let dir = corpus(n);
    let children: Vec<Child> = (0..n)
        .map(|i| {
            add(
                dir.path(),
                i,
                &format!("Item {i} of the repair cost {} million euros", 10 + i),
            )
        })
        .collect();
    for (i, c) in children.into_iter().enumerate() {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "writer {i}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = claims_in(dir.path());
    for i in 0..n {
        assert!(
            text.contains(&format!("id = \"item-{i}\"")),
            "claim item-{i} lost:\n{text}"
        );
    }
    check_is_clean(dir.path());
}

#[test]
fn a_refused_writer_among_others_changes_nothing_and_loses_nothing() {
    let n = 12;
    let dir = corpus(n);
    let mut children = Vec::new();
    for i in 0..n {
        // Every third quote is misquoted ("milion"): refused.
        let quote = if i % 3 == 0 {
            format!("Item {i} of the repair cost {} milion euros", 10 + i)
        } else {
            format!("Item {i} of the repair cost {} million euros", 10 + i)
        };
        children.push((i, add(dir.path(), i, &quote)));
    }
    for (i, c) in children {
        let out = c.wait_with_output().unwrap();
        assert_eq!(
            out.status.success(),
            i % 3 != 0,
            "writer {i}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = claims_in(dir.path());
    for i in 0..n {
        assert_eq!(
            text.contains(&format!("id = \"item-{i}\"")),
            i % 3 != 0,
            "item-{i}:\n{text}"
        );
    }
    check_is_clean(dir.path());
    // A refused writer alone leaves the file byte for byte as it was.
    let before = claims_in(dir.path());
    let out = add(dir.path(), 0, "Item 0 of the repair cost 10 milion euros")
        .wait_with_output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(claims_in(dir.path()), before);
}

#[test]
fn a_killed_writer_leaves_the_old_file_or_a_checked_new_one() {
    let dir = corpus(40);
    for round in 0..40 {
        let before = claims_in(dir.path());
        let quote = format!("Item {round} of the repair cost {} million euros", 10 + round);
        let mut child = add(dir.path(), round, &quote);
        // Kill it at a moment that moves through the run.
        std::thread::sleep(std::time::Duration::from_micros(500 * round as u64));
        let _ = child.kill();
        let _ = child.wait();
        let after = claims_in(dir.path());
        assert!(
            after == before || after.contains(&format!("id = \"item-{round}\"")),
            "round {round}: a half state"
        );
        check_is_clean_or_only_a_stray(dir.path());
    }
}

/// `check` passes, but for the warning a killed writer's temporary gets.
fn check_is_clean_or_only_a_stray(root: &Path) {
    let out = Command::new(bin())
        .arg("--corpus")
        .arg(root)
        .arg("check")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains(" 0 errors"), "{text}");
    for line in text.lines().filter(|l| l.starts_with("warning")) {
        assert!(line.contains("stray-temporary"), "{text}");
    }
}

#[test]
fn a_claim_is_written_only_where_the_corpus_reads() {
    let dir = corpus(1);
    for file in [
        "claims/sub/g.toml",
        "claims/.hidden.toml",
        "claims/.toml",
        "claims/properties.toml",
        "../x.toml",
    ] {
        let out = add_claim(dir.path(), 0, "Item 0 of the repair cost 10 million euros")
            .args(["--file", file])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{file} was accepted");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--file"), "{file}");
    }
}

#[test]
fn add_source_checks_every_field_and_reads_within_limits() {
    let dir = corpus(1);
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "A council statement.\n").unwrap();
    let run = |args: &[&str]| {
        Command::new(bin())
            .arg("--corpus")
            .arg(dir.path())
            .args(["add", "source"])
            .args(args)
            .output()
            .unwrap()
    };
    let a = article.to_str().unwrap();
    for (args, says) in [
        (
            vec![a, "--outlet", "X", "--published", "garbage"],
            "published date cannot be read",
        ),
        (
            vec![a, "--outlet", "X", "--published", "2025-01-01", "--language", "english"],
            "not a language tag",
        ),
        (
            vec![a, "--outlet", "X", "--published", "2025-01-01", "--title", ""],
            "not empty",
        ),
        (
            vec![a, "--outlet", "X", "--published", "2025-01-01", "--title", "A\n+++\nB"],
            "one line",
        ),
        (
            vec!["/dev/zero", "--outlet", "X", "--published", "2025-01-01", "--id", "z"],
            "not a regular file",
        ),
    ] {
        let out = run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?} was accepted");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let sources: Vec<_> = std::fs::read_dir(dir.path().join("sources")).unwrap().collect();
    assert_eq!(sources.len(), 2, "a refused source was written");
    check_is_clean(dir.path());
}

#[test]
fn output_files_are_regular_files_only_and_keep_their_permissions() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = corpus(1);
    let fifo = dir.path().join("out.fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let report = |path: &Path| {
        Command::new(bin())
            .arg("--corpus")
            .arg(dir.path())
            .args(["report", "-o"])
            .arg(path)
            .output()
            .unwrap()
    };
    let out = report(&fifo);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("regular files only"));
    assert!(
        std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced"
    );
    let read_only = dir.path().join("report.txt");
    std::fs::write(&read_only, "old").unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();
    assert!(report(&read_only).status.success());
    let mode = std::fs::metadata(&read_only).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444, "the report's permissions were not kept");
    assert!(std::fs::read_to_string(&read_only)
        .unwrap()
        .contains("claimcheck report"));
}

#[test]
fn init_is_all_or_nothing_and_keeps_the_editors_files() {
    let dir = tempfile::tempdir().unwrap();
    let init = |path: &Path| Command::new(bin()).arg("init").arg(path).output().unwrap();
    // A file where init needs a folder: it fails late, and leaves nothing.
    let blocked = dir.path().join("blocked");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("schemas"), "not a folder").unwrap();
    let out = init(&blocked);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&blocked.display().to_string()),
        "no path named"
    );
    let left: Vec<String> = std::fs::read_dir(&blocked)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["schemas"], "init left half a corpus");
    // Once the way is clear it runs again.
    std::fs::remove_file(blocked.join("schemas")).unwrap();
    assert!(init(&blocked).status.success());
    // An editor's own schema is kept, and said so.
    let own = dir.path().join("own");
    std::fs::create_dir_all(own.join("schemas")).unwrap();
    std::fs::write(own.join("schemas/claims.schema.json"), "{\"mine\": 1}\n").unwrap();
    let out = init(&own);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("kept"));
    assert_eq!(
        std::fs::read_to_string(own.join("schemas/claims.schema.json")).unwrap(),
        "{\"mine\": 1}\n"
    );
}

/// A corpus with one conflict: the example's 48 million against 50.
fn conflict() -> (tempfile::TempDir, String) {
    let dir = corpus(1);
    let root = dir.path();
    let ok = add(root, 0, "Item 0 of the repair cost 10 million euros")
        .wait_with_output()
        .unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let out = Command::new(bin())
        .arg("--corpus")
        .arg(root)
        .args(["report", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "conflict")
        .map(|f| f["id"].as_str().unwrap().to_string())
        .unwrap();
    (dir, id)
}

fn run_in(root: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(bin())
        .arg("--corpus")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn ratings_follow_their_verdict_and_the_scale_is_checked() {
    let (dir, id) = conflict();
    let root = dir.path();
    let rate = |args: &[&str]| {
        let mut a = vec![
            "review",
            id.as_str(),
            "--verdict",
            "confirmed",
            "--at",
            "2025-06-11",
            "--by",
            "E",
        ];
        a.extend_from_slice(args);
        run_in(root, &a)
    };
    // One claim rated twice is refused.
    let (code, text) = rate(&["--rate", "item-0=accurate", "--rate", "item-0=inaccurate"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("rated twice"), "{text}");
    assert_eq!(rate(&["--rate", "item-0=accurate"]).0, 0);
    assert!(std::fs::read_to_string(root.join("reviews.toml"))
        .unwrap()
        .contains("ratings"));
    // A later dismissal clears the ratings, and says so.
    let (code, text) = run_in(
        root,
        &[
            "review",
            &id,
            "--verdict",
            "dismissed",
            "--at",
            "2025-06-12",
            "--by",
            "E",
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("ratings are cleared"), "{text}");
    assert!(!std::fs::read_to_string(root.join("reviews.toml"))
        .unwrap()
        .contains("ratings"));
    // Ratings written by hand on a dismissed verdict: check and export refuse.
    let reviews = std::fs::read_to_string(root.join("reviews.toml")).unwrap();
    std::fs::write(
        root.join("reviews.toml"),
        format!("{reviews}ratings = {{ \"item-0\" = \"accurate\" }}\n"),
    )
    .unwrap();
    let settings = "[publisher]\nname = \"X\"\nurl = \"https://x.example\"\n";
    std::fs::write(root.join("claimcheck.toml"), settings).unwrap();
    assert!(run_in(root, &["check"]).1.contains("rating-without-confirmation"));
    assert_eq!(run_in(root, &["export", "--format", "claimreview"]).0, 2);
}

#[test]
fn the_scale_and_review_url_are_validated() {
    let dir = corpus(1);
    let root = dir.path();
    for (settings, says) in [
        ("[rating]\nscale = [\"\", \"bad\"]\n", "empty or has spaces"),
        ("[rating]\nscale = [\" accurate\", \"bad\"]\n", "empty or has spaces"),
        ("[rating]\nscale = [\"Accurate\", \"accurate\"]\n", "twice"),
        ("[rating]\nscale = [\"caf\\u00e9\", \"cafe\\u0301\"]\n", "twice"),
        (
            "[publisher]\nname = \"X\"\nurl = \"https://x.example\"\nreview_url = \"javascript:alert(1)//{claim}\"\n",
            "not an http(s) URL template",
        ),
    ] {
        std::fs::write(root.join("claimcheck.toml"), settings).unwrap();
        let (code, text) = run_in(root, &["check"]);
        assert_eq!(code, 2, "{settings}: {text}");
        assert!(text.contains(says), "{settings}: {text}");
    }
}

#[test]
fn concurrent_add_source_keeps_every_source_and_never_replaces_one() {
    let dir = corpus(1);
    let root = dir.path();
    let article = root.join("article.txt");
    std::fs::write(&article, "A statement of the council.\n").unwrap();
    // Twelve different ids and four writers of one id, all at once.
    let children: Vec<(String, Child)> = (0..16)
        .map(|i| {
            let id = if i < 12 { format!("src-{i}") } else { "same".to_string() };
            let child = Command::new(bin())
                .arg("--corpus")
                .arg(root)
                .args(["add", "source"])
                .arg(&article)
                .args(["--id", &id, "--outlet", "X", "--published", "2025-01-01"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            (id, child)
        })
        .collect();
    let mut same_won = 0;
    for (id, c) in children {
        let ok = c.wait_with_output().unwrap().status.success();
        if id == "same" {
            same_won += usize::from(ok);
        } else {
            assert!(ok, "{id} was lost");
        }
    }
    assert_eq!(same_won, 1, "one writer of an id wins, the others are refused");
    for i in 0..12 {
        assert!(root.join(format!("sources/src-{i}.txt")).exists());
    }
    check_is_clean(root);
}

/// The messages of #26 seen through the command line, as an editor meets
/// them: an impossible `as_of` is refused with its reason (it used to be all
/// of March), a key nested past the parser's limit is pointed at by line, and
/// a folder that cannot be written names its path.
#[test]
fn refusals_name_the_reason_and_the_place() {
    let dir = corpus(1);
    let root = dir.path();

    let mut bad = add_claim(root, 0, "Item 0 of the repair cost 10 million euros")
        .args([
            "--as-of",
            "March 32, 2024",
            "--id",
            "march-32",
            "--file",
            "claims/costs.toml",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&bad.stderr).to_string();
    assert!(!bad.status.success(), "{text}");
    assert!(text.contains("March has 31 days"), "{text}");
    assert_eq!(claims_in(root), "", "a refused claim is never written");

    let original = std::fs::read_to_string(root.join("claimcheck.toml")).unwrap();
    let mut settings = original.clone();
    settings.push_str(&format!("\n[deep]\n{} = 1\n", vec!["k"; 50_000].join(".")));
    std::fs::write(root.join("claimcheck.toml"), settings).unwrap();
    let (code, text) = run_in(root, &["check"]);
    assert_ne!(code, 0, "{text}");
    assert!(text.contains("claimcheck.toml:"), "{text}");
    assert!(text.contains("nested deeper"), "{text}");
    std::fs::write(root.join("claimcheck.toml"), original).unwrap();

    // Root ignores permissions, so the last part only runs where they hold.
    use std::os::unix::fs::PermissionsExt;
    let claims = root.join("claims");
    std::fs::set_permissions(&claims, std::fs::Permissions::from_mode(0o555)).unwrap();
    let writable = std::fs::write(claims.join(".probe"), "").is_ok();
    if !writable {
        bad = add(root, 0, "Item 0 of the repair cost 10 million euros")
            .wait_with_output()
            .unwrap();
        let text = String::from_utf8_lossy(&bad.stderr).to_string();
        assert!(!bad.status.success(), "{text}");
        assert!(text.contains("costs.toml") && text.contains("writable"), "{text}");
    }
    std::fs::set_permissions(&claims, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A killed `init` leaves no half corpus that passes for a corpus: either
/// nothing, a complete corpus, or a journal that `check` reports and the
/// next `init` undoes before it starts again. Fails if init writes
/// without its journal (a killed run then leaves folders that the next
/// init refuses as "already holds `sources`").
#[test]
fn a_killed_init_is_undone_by_the_next() {
    let base = tempfile::tempdir().unwrap();
    // How long a whole init takes here, so the kills land through it.
    let start = std::time::Instant::now();
    let whole = Command::new(bin())
        .arg("init")
        .arg(base.path().join("timed"))
        .output()
        .unwrap();
    assert!(whole.status.success());
    let span = start.elapsed();
    let mut interrupted = 0;
    for round in 0..30u32 {
        let dir = base.path().join(format!("newsroom-{round}"));
        let mut child = Command::new(bin())
            .arg("init")
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(span * round / 25);
        let _ = child.kill();
        let status = child.wait().unwrap();
        let journal = dir.join(".claimcheck-init");
        if journal.exists() {
            interrupted += 1;
            let (code, text) = run_in(&dir, &["check"]);
            assert_ne!(code, 0, "a half corpus passed check:\n{text}");
            assert!(text.contains("interrupted-init"), "{text}");
        }
        if status.success() {
            check_is_clean(&dir);
            continue;
        }
        let again = Command::new(bin()).arg("init").arg(&dir).output().unwrap();
        let text = String::from_utf8_lossy(&again.stdout).to_string() + &String::from_utf8_lossy(&again.stderr);
        if again.status.success() {
            assert!(!journal.exists());
            check_is_clean(&dir);
        } else {
            // Only a run killed after it finished writing can be refused.
            assert!(text.contains("already holds"), "round {round}: {text}");
            check_is_clean(&dir);
        }
    }
    assert!(interrupted > 0, "no kill landed during an init");
}

/// `add claim --via` writes the wire a passage comes from, checked like
/// the loader checks it: any wire as written, a near miss of a voice the
/// corpus has refused with nothing written.
#[test]
fn add_claim_names_the_wire_of_a_passage() {
    let dir = corpus(2);
    let root = dir.path();
    let via = |i: usize, wire: &str| {
        add_claim(
            root,
            i,
            &format!("Item {i} of the repair cost {} million euros", 10 + i),
        )
        .args(["--via", wire])
        .args(["--id", &format!("item-{i}"), "--file", "claims/costs.toml"])
        .output()
        .unwrap()
    };
    let near = via(0, "City Councl");
    assert!(!near.status.success());
    assert!(
        String::from_utf8_lossy(&near.stderr).contains("city council"),
        "{}",
        String::from_utf8_lossy(&near.stderr)
    );
    assert_eq!(claims_in(root), "", "a refused claim is never written");
    let ok = via(1, "Press Association");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(claims_in(root).contains("via = \"Press Association\""));
    check_is_clean(root);
}
