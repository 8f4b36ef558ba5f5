//! From `claimcheck init` to a ClaimReview file, end to end through the
//! binary: init, add source, add claim, check, report, review --rate,
//! export (ClaimReview and JSON Lines), and retiring a claim.

use std::path::Path;
use std::process::Output;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

fn run(corpus: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    let mut cmd = std::process::Command::cargo_bin("claimcheck").unwrap();
    cmd.arg("--corpus").arg(corpus).args(["--color", "never"]).args(args);
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or("").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn ok(corpus: &Path, args: &[&str]) -> String {
    let out = run(corpus, args, None);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn refused(corpus: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let out = run(corpus, args, stdin);
    assert_eq!(out.status.code(), Some(2), "{args:?} should be refused");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn from_init_to_claimreview() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    init_corpus(&c);
    add_source(dir.path(), &c);
    let grown = add_claims(&c);
    let id = report_conflict(&c);
    review_and_rate(&c, &id);
    export_claimreview(&c, &id);
    export_jsonl(&c);
    retire_a_claim(&c, &grown, &id);
}

/// init: a corpus that checks clean, with the editor wiring.
fn init_corpus(c: &Path) {
    ok(c, &["init"]);
    assert!(ok(c, &["check"]).contains("0 errors, 0 warnings"));
    assert!(c.join(".taplo.toml").exists() && c.join("schemas/claims.schema.json").exists());
    assert!(refused(c, &["init"], None).contains("already holds"));
}

/// add source: line endings normalised, never overwritten, an id needed from stdin.
fn add_source(dir: &Path, c: &Path) {
    let article = dir.join("Council Statement.txt");
    std::fs::write(
        &article,
        "Bridge repair cost put at 50 million\r\n\r\nThe city council said on Tuesday that the harbour bridge repair cost 50 million euros in total.\r\n",
    )
    .unwrap();
    let a = article.to_str().unwrap();
    ok(
        c,
        &[
            "add",
            "source",
            a,
            "--outlet",
            "City Council",
            "--published",
            "2025-06-10",
            "--url",
            "https://example.org/council",
        ],
    );
    let filed = std::fs::read_to_string(c.join("sources/council-statement.txt")).unwrap();
    assert!(filed.starts_with("+++\ntitle = \"Bridge repair cost put at 50 million\"\noutlet = \"City Council\""));
    assert!(!filed.contains('\r'));
    assert!(refused(
        c,
        &["add", "source", a, "--outlet", "X", "--published", "2025-06-10"],
        None
    )
    .contains("already exists"));
    assert!(refused(
        c,
        &["add", "source", "-", "--outlet", "X", "--published", "2025-06-10"],
        Some("text")
    )
    .contains("--id"));
}

/// add claim: a misquote is refused with the closest passage, the file untouched.
fn add_claims(c: &Path) -> String {
    let example = std::fs::read_to_string(c.join("claims/example.toml")).unwrap();
    let claim = |quote: &str| {
        vec![
            "add",
            "claim",
            "--source",
            "council-statement",
            "--quote",
            quote,
            "--question",
            "harbour-bridge/repair-cost",
            "--value",
            "50 million",
            "--file",
            "claims/example.toml",
        ]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>()
    };
    let bad = claim("the harbour bridge repair cost 50 milion euros");
    let err = refused(c, &bad.iter().map(String::as_str).collect::<Vec<_>>(), None);
    assert!(err.contains("closest passage"), "{err}");
    assert_eq!(std::fs::read_to_string(c.join("claims/example.toml")).unwrap(), example);
    let good = claim("the harbour bridge repair cost 50 million euros");
    assert!(ok(c, &good.iter().map(String::as_str).collect::<Vec<_>>()).contains("council-statement-repair-cost"));
    let grown = std::fs::read_to_string(c.join("claims/example.toml")).unwrap();
    assert!(grown.starts_with(&example), "the file's comments and claims are kept");
    assert!(grown.contains("id = \"council-statement-repair-cost\""));
    ok(c, &["check"]);
    grown
}

/// report: the two figures conflict.
fn report_conflict(c: &Path) -> String {
    let report: Value = serde_json::from_str(&ok(c, &["report", "--format", "json"])).unwrap();
    let conflict = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "conflict")
        .unwrap()
        .clone();
    let id = conflict["id"].as_str().unwrap();
    id.to_string()
}

/// review --rate: checked against the finding and the scale, then shown.
fn review_and_rate(c: &Path, id: &str) {
    assert!(refused(
        c,
        &["review", id, "--verdict", "confirmed", "--rate", "nope=inaccurate"],
        None
    )
    .contains("is not a claim of"));
    assert!(refused(
        c,
        &[
            "review",
            id,
            "--verdict",
            "confirmed",
            "--rate",
            "council-statement-repair-cost=wrong"
        ],
        None
    )
    .contains("rating scale"));
    assert!(refused(
        c,
        &[
            "review",
            id,
            "--verdict",
            "dismissed",
            "--rate",
            "council-statement-repair-cost=inaccurate"
        ],
        None
    )
    .contains("confirm"));
    ok(
        c,
        &[
            "review",
            id,
            "--verdict",
            "confirmed",
            "--note",
            "The audit says 48 million.",
            "--by",
            "ana",
            "--at",
            "2025-06-12",
            "--rate",
            "council-statement-repair-cost=inaccurate",
            "--rate",
            "gazette-repair-cost=accurate",
        ],
    );
    assert!(
        ok(c, &["report"]).contains("rated council-statement-repair-cost: inaccurate, gazette-repair-cost: accurate")
    );
    let json: Value = serde_json::from_str(&ok(c, &["report", "--format", "json"])).unwrap();
    let f = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap();
    assert_eq!(f["review"]["ratings"]["council-statement-repair-cost"], "inaccurate");
}

/// export ClaimReview: the publisher is needed, then every field Google documents.
fn export_claimreview(c: &Path, id: &str) {
    assert!(refused(c, &["export", "--format", "claimreview"], None).contains("[publisher]"));
    std::fs::write(
        c.join("claimcheck.toml"),
        "[publisher]\nname = \"Example Fact Check\"\nurl = \"https://factcheck.example.org\"\nreview_url = \"https://factcheck.example.org/reviews/{finding}\"\n",
    )
    .unwrap();
    ok(c, &["check"]);
    let doc: Value = serde_json::from_str(&ok(c, &["export", "--format", "claimreview"])).unwrap();
    assert_eq!(doc["@context"], "https://schema.org");
    let reviews = doc["@graph"].as_array().unwrap();
    assert_eq!(reviews.len(), 2);
    for r in reviews {
        check_claimreview(r);
    }
    let council = reviews
        .iter()
        .find(|r| r["claimReviewed"] == "the harbour bridge repair cost 50 million euros")
        .unwrap();
    assert_eq!(council["reviewRating"]["alternateName"], "inaccurate");
    assert_eq!(council["reviewRating"]["ratingValue"], 1);
    assert_eq!(council["reviewRating"]["bestRating"], 4);
    assert_eq!(council["datePublished"], "2025-06-12");
    assert_eq!(council["url"], format!("https://factcheck.example.org/reviews/{id}"));
    assert_eq!(
        council["itemReviewed"]["appearance"]["url"],
        "https://example.org/council"
    );
    assert_eq!(council["itemReviewed"]["author"]["name"], "City Council");
    assert_eq!(council["itemReviewed"]["datePublished"], "2025-06-10");
    // Stable ids: the same export twice is the same bytes.
    assert_eq!(
        ok(c, &["export", "--format", "claimreview"]),
        ok(c, &["export", "--format", "claimreview"])
    );

    // What the commands wrote matches the schemas editors' tools use.
    for (file, schema) in [
        ("reviews.toml", "reviews.schema.json"),
        ("claimcheck.toml", "claimcheck.schema.json"),
        ("claims/example.toml", "claims.schema.json"),
        ("claims/properties.toml", "properties.schema.json"),
    ] {
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(c.join("schemas").join(schema)).unwrap()).unwrap();
        let validator = jsonschema::draft7::new(&schema).unwrap();
        let instance: Value = toml::from_str(&std::fs::read_to_string(c.join(file)).unwrap()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&instance).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

/// export JSON Lines: one typed object a line, everything accounted for.
fn export_jsonl(c: &Path) {
    let json: Value = serde_json::from_str(&ok(c, &["report", "--format", "json"])).unwrap();
    let lines = ok(c, &["export", "--format", "jsonl"]);
    let rows: Vec<Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let count = |t: &str| rows.iter().filter(|r| r["type"] == t).count();
    assert_eq!((count("source"), count("claim")), (2, 2));
    assert_eq!(count("finding"), json["findings"].as_array().unwrap().len());
    assert_eq!(rows.len(), count("source") + count("claim") + count("finding"));
    let claim_row = rows
        .iter()
        .find(|r| r["id"] == "council-statement-repair-cost")
        .unwrap();
    assert_eq!(claim_row["type"], "claim");
    assert_eq!(claim_row["subject"], "harbour-bridge");
    assert_eq!(claim_row["property"], "repair-cost");
    assert_eq!(claim_row["quote"], "the harbour bridge repair cost 50 million euros");
    assert_eq!(claim_row["value"]["form"], "exact");
}

/// Retire the misreported claim: out of reports unless --all; its verdict kept.
fn retire_a_claim(c: &Path, grown: &str, id: &str) {
    let retired = grown.replace(
        "id = \"council-statement-repair-cost\"",
        "id = \"council-statement-repair-cost\"\ndeprecated = \"The council corrected its statement.\"\nsuperseded_by = \"gazette-repair-cost\"",
    );
    std::fs::write(c.join("claims/example.toml"), &retired).unwrap();
    assert!(
        ok(c, &["check"]).contains("0 errors, 0 warnings"),
        "a verdict on a retired claim's finding is no orphan"
    );
    assert!(!ok(c, &["report"]).contains(id));
    assert!(ok(c, &["report", "--all"]).contains(id));
    assert!(std::fs::read_to_string(c.join("reviews.toml")).unwrap().contains(id));
    std::fs::write(
        c.join("claims/example.toml"),
        retired.replace(
            "superseded_by = \"gazette-repair-cost\"",
            "superseded_by = \"gazette-repair-cots\"",
        ),
    )
    .unwrap();
    let out = run(c, &["check"], None);
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("unknown-replacement") && text.contains("did you mean `gazette-repair-cost`?"),
        "{text}"
    );
}

/// The fields Google's ClaimReview documentation requires (claimReviewed,
/// reviewRating with alternateName, url) and recommends (author with name,
/// datePublished, itemReviewed as a Claim with author, datePublished and
/// appearance, and the rating's ratingValue, bestRating, worstRating).
fn check_claimreview(r: &Value) {
    assert_eq!(r["@type"], "ClaimReview");
    assert!(r["@id"].as_str().is_some_and(|s| s.starts_with("https://")));
    assert!(r["claimReviewed"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(r["url"].as_str().is_some_and(|s| s.starts_with("https://")));
    let rating = &r["reviewRating"];
    assert_eq!(rating["@type"], "Rating");
    assert!(rating["alternateName"].as_str().is_some_and(|s| !s.is_empty()));
    let (v, best, worst) = (
        rating["ratingValue"].as_u64().unwrap(),
        rating["bestRating"].as_u64().unwrap(),
        rating["worstRating"].as_u64().unwrap(),
    );
    assert!(worst <= v && v <= best);
    assert!(r["author"]["name"].as_str().is_some());
    assert!(r["author"]["@type"].as_str().is_some());
    assert!(r["datePublished"].as_str().is_some_and(|d| d.len() == 10));
    let item = &r["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    assert!(item["author"]["name"].as_str().is_some());
    assert!(item["datePublished"].as_str().is_some());
    assert_eq!(item["appearance"]["@type"], "CreativeWork");
}
