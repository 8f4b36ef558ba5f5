//! `claimcheck number`, the twin of `claimcheck date`: figures read as the
//! article's language writes them, alone, with their sentence, and in batch.

mod common;

use std::path::Path;

fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = common::run(Path::new("."), args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn a_figure_in_its_language_and_sentence() {
    let pt = json(&["number", "230.000", "--language", "pt", "--format", "json"]);
    assert_eq!(pt["value"], 230000.0);
    assert_eq!(pt["form"], "exact");
    let es = json(&[
        "number",
        "al menos 654",
        "--language",
        "es",
        "--context",
        "El sismo dejó al menos 654 muertos.",
        "--format",
        "json",
    ]);
    assert_eq!(
        (es["value"].clone(), es["form"].clone()),
        (654.0.into(), "at-least".into())
    );
    assert_eq!(
        (es["low"].clone(), es["high"].clone()),
        (654.0.into(), serde_json::Value::Null)
    );
    assert_eq!(es["unit"], "muertos");
    let vague = json(&["number", "مئات", "--language", "ar", "--format", "json"]);
    assert_eq!(
        (vague["value"].clone(), vague["low"].clone(), vague["high"].clone()),
        (serde_json::Value::Null, 200.0.into(), 999.0.into())
    );
}

#[test]
fn two_readings_are_both_shown_and_a_refusal_says_why() {
    let (code, out, _) = common::run(Path::new("."), &["number", "1.500", "--language", "es"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("value:    1,500") && out.contains("also:     1.5"),
        "{out}"
    );
    let (code, _, err) = common::run(Path::new("."), &["number", "1.2.3", "--language", "pt"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a quantity"), "{err}");
}

#[test]
fn a_batch_reads_every_line_and_goes_on_after_a_bad_one() {
    let input = "150余\t造成150余人死亡\nnot a figure\n12千米\n";
    let (code, out, _) = common::run_in(Path::new("."), input, &["number", "--batch", "--language", "zh"]);
    assert_eq!(code, 0);
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        (rows[0]["value"].clone(), rows[0]["unit"].clone()),
        (150.0.into(), "人".into())
    );
    assert!(rows[1]["value"].is_null() && rows[1]["error"].is_string());
    assert_eq!(
        (rows[2]["value"].clone(), rows[2]["unit"].clone()),
        (12.0.into(), "千米".into())
    );
}
