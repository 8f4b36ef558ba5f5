//! The built binary, end to end: exit codes, colour rules, the `date`
//! command's forms, and `show`.

mod common;
use common::copy_corpus;

use assert_cmd::Command;

fn claimcheck() -> Command {
    let mut c = Command::cargo_bin("claimcheck").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

#[test]
fn exit_codes_are_0_clean_2_errors_1_fail_on() {
    claimcheck().args(["check", "--strict"]).assert().code(0);
    claimcheck()
        .args(["--corpus", "tests/corpora/broken/number-not-in-quote", "check"])
        .assert()
        .code(2);
    claimcheck().args(["report", "--fail-on", "conflict"]).assert().code(1);
    claimcheck()
        .args(["report", "--fail-on", "internal", "--kind", "agreement"])
        .assert()
        .code(0);
    claimcheck().args(["report", "--format", "yaml"]).assert().code(2);
}

#[test]
fn report_refuses_a_corpus_with_errors() {
    let out = claimcheck()
        .args(["--corpus", "tests/corpora/broken/quote-not-found", "report"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("error[quote-not-found]"), "{err}");
    assert!(err.contains("fix them first"), "{err}");
}

#[test]
fn piped_output_is_plain_and_no_color_is_respected() {
    let out = claimcheck()
        .args(["report"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(
        !String::from_utf8(out).unwrap().contains('\u{1b}'),
        "no escape codes when piped"
    );
    let out = claimcheck()
        .args(["--color", "always", "report"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("\u{1b}["), "colour when asked");
    let out = claimcheck()
        .args(["--corpus", "tests/corpora/broken/unknown-field", "check"])
        .env("NO_COLOR", "1")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(!String::from_utf8(out).unwrap().contains('\u{1b}'));
}

#[test]
fn date_in_text_json_and_batch() {
    claimcheck()
        .args(["date", "last month", "--published", "2025-06-09"])
        .assert()
        .code(0)
        .stdout("value:    2025-05\ninterval: 2025-05-01 .. 2025-05-31\nrule:     last month, counted from the reference date\n");
    claimcheck()
        .args(["date", "by February 2024", "--format", "json"])
        .assert()
        .code(0)
        .stdout("{\"expression\":\"by February 2024\",\"published\":null,\"value\":\"2024-02\",\"mod\":\"ON_OR_BEFORE\",\"start\":null,\"end\":\"2024-02-29\",\"rule\":\"on or before the end of written month and year\",\"error\":null}\n");
    let out = claimcheck()
        .args(["date", "--batch"])
        .write_stdin("2025-06-09\tlast month\n2025-09-25\ton Thursday\n2025-06-09\tsoonish\n")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["value"], "2025-05");
    assert_eq!(lines[1]["value"], "2025-09-25");
    assert!(lines[2]["error"].as_str().unwrap().contains("not a time expression"));
    claimcheck().args(["date", "last month"]).assert().code(2);
}

#[test]
fn show_gives_a_timeline_or_suggests() {
    let out = claimcheck()
        .args(["show", "armenia/csto-status"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with("armenia/csto-status: What is Armenia's status in the CSTO?\n"),
        "{out}"
    );
    assert!(out.contains("timeline (8 claims):"));
    assert!(out.contains("anchor:  sources/003-transcend.txt:25:47"));
    let one = claimcheck()
        .args(["show", "mt-lavrov-last-month"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(one)
        .unwrap()
        .contains("value:   2025-05-01 to 2025-05-31 (\"last month\")"));
    claimcheck()
        .args(["show", "armenia/csto-statu"])
        .assert()
        .code(2)
        .stderr("error: `armenia/csto-statu` is neither a subject/property nor a claim id\nhelp: did you mean `armenia/csto-status`?\n");
}

/// Altering one character of a number or a quote in any claim fails
/// `check`, naming the claim's file and line.
#[test]
fn one_changed_character_in_a_curated_number_or_quote_fails() {
    let dir = copy_corpus("");
    let file = dir.path().join("claims/economy.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    for (from, to, code) in [
        (
            "value = \"7.2 billion\"",
            "value = \"7.3 billion\"",
            "number-not-in-quote",
        ),
        ("value = \"31%\"", "value = \"37%\"", "number-not-in-quote"),
        (
            "quote = \"The majority of the estimated 100,000",
            "quote = \"The majority of the estimated 10,000",
            "quote-not-found",
        ),
    ] {
        assert!(original.contains(from));
        std::fs::write(&file, original.replacen(from, to, 1)).unwrap();
        let line = original[..original.find(from).unwrap()].lines().count() + 1;
        let out = Command::cargo_bin("claimcheck")
            .unwrap()
            .args(["--corpus", dir.path().to_str().unwrap(), "check"])
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8(out).unwrap();
        assert!(err.contains(&format!("error[{code}]")), "{err}");
        assert!(
            err.contains(&format!("--> claims/economy.toml:{line}:")),
            "names file and line {line}:\n{err}"
        );
    }
}
