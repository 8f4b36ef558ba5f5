//! The corpus's file formats as types, for JSON Schemas that editors'
//! TOML tools read (`claimcheck schema`): completion, hover help and errors
//! while typing, in VS Code (Even Better TOML), JetBrains or Neovim, all
//! through taplo.
//!
//! The loader reads these files itself, with spans for its diagnostics
//! (`corpus/load`); these types say the same thing in a form schemars turns
//! into a schema. Tests keep the two in step: every field here is one the
//! loader reads and every field the loader reads is here
//! (`tests/schema.rs`), every shipped and example file validates, and a
//! broken one does not.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Serialize};

/// The schemas `claimcheck schema` writes: (file name, schema).
pub fn all() -> Vec<(&'static str, Schema)> {
    let generator = || {
        schemars::generate::SchemaSettings::draft07()
            .with(|s| {
                s.transforms
                    .push(Box::new(schemars::transform::RecursiveTransform(without_null)))
            })
            .into_generator()
    };
    vec![
        (
            "source.schema.json",
            generator().into_root_schema_for::<SourceFrontMatter>(),
        ),
        (
            "properties.schema.json",
            generator().into_root_schema_for::<PropertiesFile>(),
        ),
        ("claims.schema.json", generator().into_root_schema_for::<ClaimsFile>()),
        ("reviews.schema.json", generator().into_root_schema_for::<ReviewsFile>()),
        ("claimcheck.schema.json", generator().into_root_schema_for::<Settings>()),
    ]
}

/// TOML has no null: an optional field is one that may be left out, so
/// the `null` schemars adds to an `Option` is taken out again.
fn without_null(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if let Some(serde_json::Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            obj.insert("type".into(), only);
        }
    }
    if let Some(serde_json::Value::Array(any)) = obj.get_mut("anyOf") {
        any.retain(|s| s.get("type").and_then(|t| t.as_str()) != Some("null"));
        if let [only] = any.as_slice() {
            let only = only.clone();
            obj.remove("anyOf");
            if let serde_json::Value::Object(inner) = only {
                for (k, v) in inner {
                    obj.entry(k).or_insert(v);
                }
            }
        }
    }
}

/// The folder the schemas are written to, inside a corpus.
pub const DIR: &str = "schemas";

/// The taplo configuration that maps the corpus's files to the schemas:
/// written by `init` and `schema`, kept at the corpus root.
pub const TAPLO: &str = r#"# Editor support for claimcheck's TOML files (taplo: VS Code's Even Better
# TOML, JetBrains, Neovim). The schemas are written by `claimcheck schema`.
[[rule]]
include = ["claims/properties.toml"]
[rule.schema]
path = "./schemas/properties.schema.json"

[[rule]]
include = ["claims/*.toml"]
exclude = ["claims/properties.toml"]
[rule.schema]
path = "./schemas/claims.schema.json"

[[rule]]
include = ["reviews.toml"]
[rule.schema]
path = "./schemas/reviews.schema.json"

[[rule]]
include = ["claimcheck.toml"]
[rule.schema]
path = "./schemas/claimcheck.schema.json"
"#;

/// Writes every schema into `root/schemas/`, and `root/.taplo.toml` if it
/// is missing (an editor's own taplo file is never replaced). Returns the
/// paths written.
/// Every schema as the file `schema` writes: its path in the corpus
/// (`schemas/claims.schema.json`) and its pretty JSON.
pub fn rendered() -> std::io::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (name, schema) in all() {
        let mut json = serde_json::to_string_pretty(&schema).map_err(std::io::Error::other)?;
        json.push('\n');
        out.push((format!("{DIR}/{name}"), json));
    }
    Ok(out)
}

/// The `.taplo.toml` that maps the corpus's files to their schemas.
pub fn taplo() -> &'static str {
    TAPLO
}

pub fn write(root: &Path) -> std::io::Result<Vec<String>> {
    // Under the corpus lock, as every writer: temporaries a killed run
    // left beside a schema are cleared first.
    let _lock = crate::corpus::files::lock_corpus(root).map_err(std::io::Error::other)?;
    let dir = root.join(DIR);
    std::fs::create_dir_all(&dir)?;
    let mut written = Vec::new();
    for (rel, json) in rendered()? {
        let path = root.join(&rel);
        crate::corpus::files::remove_stray_temporaries(&path)?;
        crate::corpus::files::write_atomically(&path, json.as_bytes())?;
        written.push(rel);
    }
    let taplo = root.join(".taplo.toml");
    if !taplo.exists() {
        crate::corpus::files::write_atomically(&taplo, TAPLO.as_bytes())?;
        written.push(".taplo.toml".to_string());
    }
    Ok(written)
}

/// The front matter of `sources/<id>.txt`, between `+++` lines; the
/// article's verbatim text follows it. The source id is the file name
/// without `.txt`.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(example = example_source())]
pub struct SourceFrontMatter {
    /// The headline, as printed.
    #[schemars(example = serde_json::json!("Armenia Is Breaking Up With Russia"))]
    pub title: String,
    /// The publication that printed it.
    #[schemars(example = serde_json::json!("The Moscow Times"))]
    pub outlet: String,
    /// Bylines, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!(["Jason Corcoran"]))]
    pub authors: Option<Vec<String>>,
    /// Where the article was read (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(url)]
    #[schemars(example = serde_json::json!("https://www.themoscowtimes.com/2025/06/09/armenia"))]
    pub url: Option<String>,
    /// When it was published: a day ("2025-06-09"), a month ("2025-06"), a
    /// year, a bound ("not before 2025-06-01"), or a day with its time
    /// ("2014-08-04T21:30+08:00").
    #[schemars(example = &"2025-06-09")]
    pub published: String,
    /// How the publication date was established (a byline date, the URL, a
    /// dateline...).
    #[schemars(example = serde_json::json!("Byline date printed under the author's name."))]
    pub published_basis: String,
    /// The day the text counts its relative dates from, when it differs
    /// from `published`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("2025-03-29"))]
    pub written: Option<String>,
    /// How `written` was established; required with `written`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("The text says 'today, March 29, 2025'."))]
    pub written_basis: Option<String>,
    /// What kind of text this is.
    #[schemars(example = serde_json::json!("news"))]
    pub kind: SourceKind,
    /// The article's language, as a BCP 47 tag ("en", "es", "pt-BR").
    #[schemars(example = &"en")]
    pub language: String,
    /// Later versions of a page updated in place, as absolute times. A
    /// claim with no time of its own takes the moment of the update it
    /// sits under (see docs/corpus.md, "Pages updated in place").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(example = serde_json::json!(["2016-04-18T06:10+05:30"]))]
    pub updated: Vec<String>,
    /// The source id, outlet or wire this copies: copies count as one voice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("Reuters"))]
    pub syndicated_from: Option<String>,
    /// Where the text was captured from, if not `url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("https://web.archive.org/web/2025/https://example.org/a"))]
    pub captured_from: Option<String>,
    /// What web chrome was dropped; caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("Menus and share buttons dropped."))]
    pub note: Option<String>,
}

fn example_source() -> serde_json::Value {
    serde_json::json!({
        "title": "Armenia Is Breaking Up With Russia",
        "outlet": "The Moscow Times",
        "url": "https://www.themoscowtimes.com/",
        "published": "2025-06-09",
        "published_basis": "Byline date printed under the author's name.",
        "kind": "opinion",
        "language": "en"
    })
}

/// What kind of text a source is (the loader's `SOURCE_KINDS`).
#[derive(Debug, Serialize, Deserialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    News,
    Opinion,
    Analysis,
    Editorial,
    Aggregator,
    Reference,
    PressRelease,
    Interview,
    Blog,
}

/// `claims/properties.toml`: the questions the corpus answers.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PropertiesFile {
    /// One question each.
    pub property: Vec<Property>,
}

/// A question a reader could ask: claims from different articles that
/// answer it share it, which is what lets claimcheck compare them.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(example = example_property())]
pub struct Property {
    /// What the question is about: a lower-case slug ("armenia").
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9._-]*$"))]
    #[schemars(example = serde_json::json!("armenia"))]
    pub subject: String,
    /// Which of its properties: a lower-case slug ("csto-status").
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9._-]*$"))]
    #[schemars(example = serde_json::json!("csto-status"))]
    pub property: String,
    /// The question, in one line.
    #[schemars(example = serde_json::json!("What is Armenia's status in the CSTO?"))]
    pub question: String,
    /// A longer explanation, if the question needs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("Membership of the Collective Security Treaty Organization."))]
    pub description: Option<String>,
    /// How claims answer it and are compared.
    #[schemars(example = serde_json::json!("state"))]
    pub kind: PropertyKind,
    /// The allowed values: required for `state` and `assessment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!(["member", "suspended", "withdrawn"]))]
    pub values: Option<Vec<String>>,
    /// For a state, the allowed changes ("member -> suspended").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!(["member -> suspended", "suspended -> withdrawn"]))]
    pub transitions: Option<Vec<String>>,
    /// For a quantity, its unit ("people", "USD", "km", "magnitude").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("people"))]
    pub unit: Option<String>,
    /// For a quantity, how far exact figures may differ and still agree
    /// ("5%" or an absolute amount).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("5%"))]
    pub tolerance: Option<String>,
    /// For a quantity that only rises or only falls (a death toll).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("increasing"))]
    pub monotonic: Option<Monotonic>,
    /// Whether the answer changes over time (the default) or is one fact
    /// for all time (a magnitude).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("fixed"))]
    pub over_time: Option<OverTime>,
    /// For a percentage change: the quantity it is a change of
    /// ("subject/property"); with `baseline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("russia-armenia/trade-volume"))]
    pub change_of: Option<String>,
    /// The time the change counts from ("2018"); with `change_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("2018"))]
    pub baseline: Option<String>,
    /// On a happened-yet fact or a status: the event-date question
    /// ("subject/property") of the same event; the two must agree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("sweden/nato-accession-date"))]
    pub same_event_as: Option<String>,
    /// On a status with `same_event_as`: the states that mean the event
    /// has happened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(example = serde_json::json!(["member"]))]
    pub event_happened: Vec<String>,
    /// Why this question is retired: reports leave it and its claims out
    /// unless `--all`; verdicts on it are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("Merged into armenia/csto-status."))]
    pub deprecated: Option<String>,
    /// The question ("subject/property") that replaces this one; with
    /// `deprecated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("armenia/csto-status"))]
    pub superseded_by: Option<String>,
}

fn example_property() -> serde_json::Value {
    serde_json::json!({
        "subject": "armenia",
        "property": "csto-status",
        "question": "What is Armenia's status in the CSTO?",
        "kind": "state",
        "values": ["member", "suspended", "withdrawn"],
        "transitions": ["member -> suspended", "suspended -> withdrawn"]
    })
}

/// How a question's answers are compared.
#[derive(Debug, Serialize, Deserialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PropertyKind {
    /// A value that changes over time, one of `values`.
    State,
    /// When something happened.
    EventDate,
    /// A number with a unit.
    Quantity,
    /// Something that did (true) or did not (false) happen.
    Fact,
    /// A framing or judgement, one of `values`.
    Assessment,
}

/// The direction a monotonic quantity moves in.
#[derive(Debug, Serialize, Deserialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
pub enum Monotonic {
    Increasing,
    Decreasing,
}

/// Whether an answer changes over time.
#[derive(Debug, Serialize, Deserialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
pub enum OverTime {
    Changes,
    Fixed,
}

/// `claims/<topic>.toml`: curated claims.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimsFile {
    /// One claim each.
    #[serde(default)]
    pub claim: Vec<Claim>,
}

/// One claim: what a source says in answer to a question, with the
/// verbatim quote that says it.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(example = example_claim())]
pub struct Claim {
    /// Unique across the corpus: a lower-case slug.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9._-]*$"))]
    #[schemars(example = serde_json::json!("tms-csto-withdrawn-mid-2024"))]
    pub id: String,
    /// The source id: its file name in `sources/` without `.txt`.
    #[schemars(example = serde_json::json!("003-transcend"))]
    pub source: String,
    /// Verbatim from the source (quotes, dashes and spaces may differ).
    #[schemars(example = serde_json::json!("His full withdrawal from the CSTO in mid-2024"))]
    pub quote: String,
    /// The question's subject.
    #[schemars(example = serde_json::json!("armenia"))]
    pub subject: String,
    /// The question's property.
    #[schemars(example = serde_json::json!("csto-status"))]
    pub property: String,
    /// The answer: one of the question's values (state, assessment), a time
    /// expression (event date), a number or quantity string (quantity), or
    /// true/false (fact).
    #[schemars(example = serde_json::json!("withdrawn"))]
    pub value: ClaimValue,
    /// The time the claim describes, as the text says; default: the
    /// source's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("last month"))]
    pub as_of: Option<String>,
    /// For a state: when it began, as the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("mid-2024"))]
    pub since: Option<String>,
    /// For a fact: when it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("March 13, 2025"))]
    pub when: Option<String>,
    /// Whom the article quotes or cites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("Dmitry Peskov"))]
    pub said_by: Option<String>,
    /// The wire or outlet this passage comes from, when the page mixes
    /// wires: the claim then counts as that wire's voice, not its source's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("Reuters"))]
    pub via: Option<String>,
    /// How the source commits to it (default: asserted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("hedged"))]
    pub modality: Option<Modality>,
    /// Fields worked out rather than printed in the quote, each with how:
    /// `{ as_of = "the paragraph is under the heading '2018–2020'" }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!({"as_of": "the paragraph is under the heading '2018-2020'"}))]
    pub derived: Option<Derived>,
    /// The curator's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("The other sources say Armenia only suspended its participation."))]
    pub note: Option<String>,
    /// Why this claim is retired: reports leave it out unless `--all`;
    /// verdicts on it are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("The quote was misread: the article says suspended."))]
    pub deprecated: Option<String>,
    /// The claim id that replaces this one; with `deprecated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("tms-csto-suspended"))]
    pub superseded_by: Option<String>,
}

fn example_claim() -> serde_json::Value {
    serde_json::json!({
        "id": "tms-csto-withdrawn-mid-2024",
        "source": "003-transcend",
        "quote": "His full withdrawal from the CSTO in mid-2024",
        "subject": "armenia",
        "property": "csto-status",
        "value": "withdrawn",
        "since": "mid-2024"
    })
}

/// A claim's value: text, a number or a boolean, by the question's kind.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ClaimValue {
    Text(String),
    Number(f64),
    Bool(bool),
}

/// How a source commits to a claim.
#[derive(Debug, Serialize, Deserialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    Asserted,
    Hedged,
    Reported,
    Denied,
}

/// Which fields were worked out, and how; the older single string exempts
/// the whole claim from the quote checks (and `check` warns).
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Derived {
    Fields(DerivedFields),
    Unscoped(String),
}

/// How each worked-out field was worked out.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DerivedFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

/// `reviews.toml`: editors' verdicts, written by `claimcheck review`.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewsFile {
    /// One verdict each.
    #[serde(default)]
    pub review: Vec<Review>,
}

/// An editor's verdict on a finding.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The finding's id, as reports print it ("c-1fdca1").
    #[schemars(example = serde_json::json!("c-1fdca1"))]
    pub finding: String,
    /// The verdict.
    #[schemars(example = serde_json::json!("confirmed"))]
    pub verdict: Verdict,
    /// What the editor checked or corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("Checked the CSTO's own statement: suspended, not withdrawn."))]
    pub note: Option<String>,
    /// Who gave it.
    #[schemars(example = serde_json::json!("a.editor"))]
    pub by: String,
    /// When (YYYY-MM-DD).
    #[schemars(example = serde_json::json!("2025-10-02"))]
    pub at: String,
    /// A digest of the finding's claims when the verdict was given: when
    /// they change, the verdict is shown as stale.
    #[schemars(example = serde_json::json!("5f1c2a9e"))]
    pub fingerprint: String,
    /// The editor's rating of each claim in a confirmed finding, on the
    /// corpus's scale (`claimcheck.toml`): claim id -> rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!({"tms-csto-withdrawn-mid-2024": "inaccurate"}))]
    pub ratings: Option<BTreeMap<String, String>>,
}

/// The verdicts an editor can give (`review::VERDICTS`).
#[derive(Debug, Serialize, Deserialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Confirmed,
    Dismissed,
    NeedsSource,
    Corrected,
}

/// `claimcheck.toml`: the corpus's settings, all optional.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Who publishes the fact checks (ClaimReview's `author`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Publisher>,
    /// The scale claims are rated on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<RatingScale>,
}

/// The fact-checking organisation.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    /// Its name ("Example Fact Check").
    #[schemars(example = serde_json::json!("Example Fact Check"))]
    pub name: String,
    /// Its home page (http or https).
    #[schemars(url)]
    #[schemars(example = serde_json::json!("https://factcheck.example.org"))]
    pub url: String,
    /// Where each review is published: `{finding}` and `{claim}` are
    /// replaced (default: the home page with `#<claim id>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(example = serde_json::json!("https://factcheck.example.org/reviews/{finding}"))]
    pub review_url: Option<String>,
}

/// A rating scale, best first: ClaimReview's `ratingValue` counts from
/// the worst (1) to the best (the number of ratings).
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingScale {
    /// The ratings, best first (default: accurate, misleading, unproven,
    /// inaccurate).
    #[schemars(example = serde_json::json!(["accurate", "misleading", "unproven", "inaccurate"]))]
    pub scale: Vec<String>,
}
