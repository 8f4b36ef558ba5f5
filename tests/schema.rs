//! The JSON Schemas (`claimcheck schema`): every shipped and example file
//! validates against its schema with a JSON Schema validator, a broken one
//! does not, and the schemas name exactly the fields the loader reads.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator(name: &str) -> jsonschema::Validator {
    let (_, schema) = claimcheck::corpus::schema::all()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap();
    let schema = serde_json::to_value(&schema).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::new(&schema).unwrap()
}

fn toml_json(text: &str) -> Value {
    toml::from_str::<Value>(text).unwrap()
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every corpus in the repository that is meant to be valid. (Not
/// `tests/corpora/hostile`: its `url` is a script, which the schema flags
/// while an editor types it; `check` keeps it as data and the HTML report
/// never links it.)
fn corpora() -> Vec<PathBuf> {
    let mut out = vec![
        root(),
        root().join("tests/corpora/example"),
        root().join("tests/corpora/news-ludian-2014"),
    ];
    let mut rules: Vec<PathBuf> = std::fs::read_dir(root().join("tests/corpora/rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    rules.sort();
    out.extend(rules);
    out
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out
}

#[test]
fn every_shipped_and_example_file_validates() {
    let (source, properties, claims, reviews) = (
        validator("source.schema.json"),
        validator("properties.schema.json"),
        validator("claims.schema.json"),
        validator("reviews.schema.json"),
    );
    let mut checked = 0;
    for corpus in corpora() {
        for p in files(&corpus.join("sources"), "txt") {
            let text = std::fs::read_to_string(&p).unwrap();
            let front = text
                .strip_prefix("+++\n")
                .and_then(|t| t.split_once("\n+++"))
                .unwrap()
                .0;
            let e = errors(&source, &toml_json(front));
            assert!(e.is_empty(), "{}: {e:?}", p.display());
            checked += 1;
        }
        for p in files(&corpus.join("claims"), "toml") {
            let v = toml_json(&std::fs::read_to_string(&p).unwrap());
            let schema = if p.ends_with("properties.toml") {
                &properties
            } else {
                &claims
            };
            let e = errors(schema, &v);
            assert!(e.is_empty(), "{}: {e:?}", p.display());
            checked += 1;
        }
        let r = corpus.join("reviews.toml");
        if r.exists() {
            let e = errors(&reviews, &toml_json(&std::fs::read_to_string(&r).unwrap()));
            assert!(e.is_empty(), "{}: {e:?}", r.display());
        }
    }
    assert!(checked > 100, "only {checked} files");
}

#[test]
fn a_broken_file_fails_with_what_is_wrong() {
    let v = toml_json(&std::fs::read_to_string(root().join("tests/data/schema/broken-claims.toml")).unwrap());
    let e = errors(&validator("claims.schema.json"), &v).join("\n");
    assert!(e.contains("said_bye"), "{e}");
    assert!(e.contains("probably"), "{e}");
    assert!(e.contains("quote"), "{e}");
}

#[test]
fn settings_files_validate_and_a_bad_one_does_not() {
    let v = validator("claimcheck.schema.json");
    let good = toml_json(
        "[publisher]\nname = \"Example Fact Check\"\nurl = \"https://factcheck.example.org\"\n[rating]\nscale = [\"true\", \"false\"]\n",
    );
    assert!(errors(&v, &good).is_empty());
    let bad = toml_json("[publisher]\nname = \"X\"\n");
    assert!(!errors(&v, &bad).is_empty());
}

/// The fields the loader knows, as it lists them for a field it does not
/// know (`unknown-field`'s help), against the schema's properties.
fn loader_fields(corpus: &Path, what: &str) -> Vec<String> {
    let loaded = claimcheck::corpus::load::load(corpus);
    let prefix = format!("{what} fields are: ");
    let help = loaded
        .diagnostics
        .iter()
        .flat_map(|d| d.help.iter())
        .find_map(|h| h.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no list of {what} fields in {:?}", loaded.diagnostics));
    let mut fields: Vec<String> = help.split(", ").map(str::to_string).collect();
    fields.sort();
    fields
}

fn schema_fields(name: &str, definition: Option<&str>) -> Vec<String> {
    let (_, schema) = claimcheck::corpus::schema::all()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap();
    let schema = serde_json::to_value(&schema).unwrap();
    let object = match definition {
        Some(d) => &schema["definitions"][d],
        None => &schema,
    };
    let mut fields: Vec<String> = object["properties"].as_object().unwrap().keys().cloned().collect();
    fields.sort();
    fields
}

#[test]
fn the_schemas_name_exactly_the_fields_the_loader_reads() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path();
    std::fs::create_dir_all(c.join("sources")).unwrap();
    std::fs::create_dir_all(c.join("claims")).unwrap();
    std::fs::write(
        c.join("sources/a.txt"),
        "+++\ntitle = \"T\"\noutlet = \"O\"\npublished = \"2025-01-01\"\npublished_basis = \"b\"\nkind = \"news\"\nlanguage = \"en\"\nqqqqqqqqqqqq = 1\n+++\nSome words.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("claims/properties.toml"),
        "[[property]]\nsubject = \"s\"\nproperty = \"p\"\nquestion = \"Q?\"\nkind = \"state\"\nvalues = [\"v\"]\nqqqqqqqqqqqq = 1\n",
    )
    .unwrap();
    std::fs::write(
        c.join("claims/c.toml"),
        "[[claim]]\nid = \"x\"\nsource = \"a\"\nquote = \"Some words\"\nsubject = \"s\"\nproperty = \"p\"\nvalue = \"v\"\nqqqqqqqqqqqq = 1\n",
    )
    .unwrap();
    assert_eq!(loader_fields(c, "source"), schema_fields("source.schema.json", None));
    assert_eq!(
        loader_fields(c, "property"),
        schema_fields("properties.schema.json", Some("Property"))
    );
    assert_eq!(
        loader_fields(c, "claim"),
        schema_fields("claims.schema.json", Some("Claim"))
    );
}

#[test]
fn the_schemas_allow_the_values_the_loader_allows() {
    let enum_of = |name: &str, def: &str| -> Vec<String> {
        let (_, schema) = claimcheck::corpus::schema::all()
            .into_iter()
            .find(|(n, _)| *n == name)
            .unwrap();
        let schema = serde_json::to_value(&schema).unwrap();
        let d = &schema["definitions"][def];
        let values: Vec<String> = match d.get("enum") {
            Some(e) => e
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect(),
            None => d["oneOf"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| {
                    v["const"]
                        .as_str()
                        .or_else(|| v["enum"][0].as_str())
                        .unwrap()
                        .to_string()
                })
                .collect(),
        };
        values
    };
    assert_eq!(
        enum_of("source.schema.json", "SourceKind"),
        claimcheck::corpus::model::SOURCE_KINDS
    );
    assert_eq!(enum_of("reviews.schema.json", "Verdict"), claimcheck::review::VERDICTS);
    let modalities: Vec<&str> = claimcheck::corpus::model::Modality::ALL
        .iter()
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(enum_of("claims.schema.json", "Modality"), modalities);
    let kinds: Vec<&str> = claimcheck::corpus::model::Kind::ALL.iter().map(|(n, _)| *n).collect();
    assert_eq!(enum_of("properties.schema.json", "PropertyKind"), kinds);
}

#[test]
fn schema_writes_the_schemas_and_the_editor_wiring() {
    let dir = tempfile::tempdir().unwrap();
    let written = claimcheck::corpus::schema::write(dir.path()).unwrap();
    assert!(written.contains(&".taplo.toml".to_string()));
    for (name, _) in claimcheck::corpus::schema::all() {
        let text = std::fs::read_to_string(dir.path().join("schemas").join(name)).unwrap();
        serde_json::from_str::<Value>(&text).unwrap();
    }
    // The taplo file maps files to schemas that exist.
    let taplo: toml::Table = toml::from_str(&std::fs::read_to_string(dir.path().join(".taplo.toml")).unwrap()).unwrap();
    for rule in taplo["rule"].as_array().unwrap() {
        let path = rule["schema"]["path"].as_str().unwrap();
        assert!(dir.path().join(path).exists(), "{path}");
    }
    // An editor's own taplo file is kept.
    std::fs::write(dir.path().join(".taplo.toml"), "# mine\n").unwrap();
    claimcheck::corpus::schema::write(dir.path()).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".taplo.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn the_repository_carries_the_current_schemas() {
    for (name, schema) in claimcheck::corpus::schema::all() {
        let committed = std::fs::read_to_string(root().join("schemas").join(name))
            .unwrap_or_else(|_| panic!("schemas/{name} is missing: run `claimcheck schema`"));
        let mut current = serde_json::to_string_pretty(&schema).unwrap();
        current.push('\n');
        assert_eq!(
            committed, current,
            "schemas/{name} is out of date: run `claimcheck schema`"
        );
    }
    assert!(root().join(".taplo.toml").exists());
}
