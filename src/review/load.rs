//! Reading `reviews.toml`: every `[[review]]` record checked, every problem
//! located, one verdict per finding.

use super::*;

/// Reads `reviews.toml` (absent means no reviews yet), reporting problems.
pub fn load(root: &Path, files: &mut Files) -> (Reviews, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut reviews = Reviews::default();
    if !root.is_dir() {
        // The corpus itself is missing or a file: loading says so.
        return (reviews, diags);
    }
    for stray in stray_temporaries(root) {
        diags.push(
            Diagnostic::warning(
                "stray-temporary",
                &stray,
                None,
                format!("`{stray}` is left over from a review write that was interrupted"),
            )
            .help("it holds nothing reviews.toml lacks; the next `claimcheck review` removes it"),
        );
    }
    let Some(text) = read_text(&root.join(FILE), &mut diags) else {
        return (reviews, diags);
    };
    files.insert(FILE, text.as_str());
    let (table, errors) = DeTable::parse_recoverable(&text);
    for e in &errors {
        diags.push(Diagnostic::error(
            "toml-syntax",
            FILE,
            e.span(),
            format!("malformed TOML: {}", e.message().trim()),
        ));
    }
    if !errors.is_empty() {
        return (reviews, diags);
    }
    let table = table.into_inner();
    let lines = crate::read::anchor::LineIndex::new(&text);
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    for (k, v) in table.iter() {
        if k.get_ref().as_ref() != "review" {
            diags.push(
                Diagnostic::error(
                    "unknown-field",
                    FILE,
                    Some(k.span()),
                    format!("unexpected top-level key `{}`", k.get_ref()),
                )
                .help("reviews.toml holds [[review]] tables"),
            );
            continue;
        }
        let DeValue::Array(items) = v.get_ref() else {
            diags.push(
                Diagnostic::error(
                    "wrong-type",
                    FILE,
                    Some(v.span()),
                    "`review` must be an array of tables",
                )
                .help("write each verdict under [[review]]"),
            );
            continue;
        };
        for item in items.iter() {
            let DeValue::Table(t) = item.get_ref() else { continue };
            let line = lines.line_col(&text, item.span().start).0;
            if let Some(v) = one_review(item, t, line, &mut first_line, &mut diags) {
                reviews.verdicts.insert(v.finding.clone(), v);
            }
        }
    }
    (reviews, diags)
}

/// The text of reviews.toml: `None` when there is none, or (with its
/// diagnostic) when it cannot be read or is not UTF-8.
pub(super) fn read_text(path: &Path, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match crate::corpus::files::read_regular(path) {
        Err(crate::corpus::files::ReadError::NotFound) => None,
        Err(e) => {
            let help = match e {
            crate::corpus::files::ReadError::Symlink => "claimcheck writes verdicts only to a regular reviews.toml: replace the link with the file it points to",
            _ => "make reviews.toml a readable regular file",
        };
            diags.push(Diagnostic::error("io", FILE, None, format!("cannot read {FILE}: {e}")).help(help));
            None
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => Some(t),
            Err(_) => {
                diags.push(
                    Diagnostic::error("not-utf8", FILE, None, format!("{FILE} is not UTF-8")).help("save it as UTF-8"),
                );
                None
            }
        },
    }
}

/// One `[[review]]` record, checked: the verdict if its required fields are
/// there and it is the first for its finding.
pub(super) fn one_review(
    item: &toml::Spanned<DeValue<'_>>,
    t: &DeTable<'_>,
    line: usize,
    first_line: &mut BTreeMap<String, usize>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Verdict> {
    let mut get = |name: &str, required: bool| -> Option<String> {
        match t.get(name).map(|v| (v.span(), v.get_ref())) {
            Some((_, DeValue::String(s))) => Some(s.to_string()),
            Some((span, other)) => {
                diags.push(Diagnostic::error(
                    "wrong-type",
                    FILE,
                    Some(span),
                    format!("`{name}` must be a string, found {}", other.type_str()),
                ));
                None
            }
            None if required => {
                let s = item.span().start;
                diags.push(
                    Diagnostic::error(
                        "missing-field",
                        FILE,
                        Some(s..s + 10),
                        format!("this review has no `{name}`"),
                    )
                    .help(format!("add {name} = \"...\"")),
                );
                None
            }
            None => None,
        }
    };
    let finding = get("finding", true);
    let verdict = get("verdict", true);
    let note = get("note", false);
    let by = get("by", true);
    let at = get("at", true);
    let fingerprint = get("fingerprint", true);
    let ratings = ratings_of(t, diags);
    const KNOWN: [&str; 7] = ["finding", "verdict", "note", "by", "at", "fingerprint", "ratings"];
    for (key, _) in t.iter() {
        if !KNOWN.contains(&key.get_ref().as_ref()) {
            let mut d = Diagnostic::error(
                "unknown-field",
                FILE,
                Some(key.span()),
                format!("unknown field `{}` in a review", key.get_ref()),
            );
            if let Some(m) = did_you_mean(key.get_ref(), KNOWN) {
                d = d.help(format!("did you mean `{m}`?"));
            }
            diags.push(d);
        }
    }
    if let Some(v) = &verdict {
        if !VERDICTS.contains(&v.as_str()) {
            let span = t.get("verdict").map(|x| x.span());
            let mut d = Diagnostic::error("value-not-allowed", FILE, span, format!("`{v}` is not a verdict"));
            if let Some(m) = did_you_mean(v, VERDICTS) {
                d = d.help(format!("did you mean `{m}`?"));
            }
            diags.push(d.help(format!("verdicts: {}", VERDICTS.join(", "))));
        }
    }
    if let Some(a) = &at {
        if jiff::civil::Date::strptime("%Y-%m-%d", a).is_err() {
            let span = t.get("at").map(|x| x.span());
            diags.push(
                Diagnostic::error("bad-time", FILE, span, format!("`at = \"{a}\"` is not a date"))
                    .help("write the day of the verdict as YYYY-MM-DD, e.g. at = \"2026-11-22\""),
            );
        }
    }
    if let Some(f) = &finding {
        if let Some(first) = first_line.get(f) {
            let span = t.get("finding").map(|x| x.span());
            diags.push(
                Diagnostic::error(
                    "duplicate-id",
                    FILE,
                    span,
                    format!("a second verdict for `{f}`; the first is at line {first}"),
                )
                .help("keep one verdict per finding: merge the two records"),
            );
            return None;
        }
        first_line.insert(f.clone(), line);
    }
    let (Some(finding), Some(verdict), Some(by), Some(at), Some(fingerprint)) = (finding, verdict, by, at, fingerprint)
    else {
        return None;
    };
    Some(Verdict {
        finding,
        verdict,
        note,
        by,
        at,
        fingerprint,
        ratings,
        line,
    })
}

/// A review's `ratings` table: claim id to rating.
pub(super) fn ratings_of(t: &DeTable<'_>, diags: &mut Vec<Diagnostic>) -> BTreeMap<String, String> {
    let mut ratings = BTreeMap::new();
    match t.get("ratings").map(|v| (v.span(), v.get_ref())) {
        Some((_, DeValue::Table(r))) => {
            for (claim, rating) in r.iter() {
                match rating.get_ref() {
                    DeValue::String(v) => {
                        ratings.insert(claim.get_ref().to_string(), v.to_string());
                    }
                    other => diags.push(Diagnostic::error(
                        "wrong-type",
                        FILE,
                        Some(rating.span()),
                        format!("a rating must be a string, found {}", other.type_str()),
                    )),
                }
            }
        }
        Some((span, other)) => diags.push(
            Diagnostic::error(
                "wrong-type",
                FILE,
                Some(span),
                format!("`ratings` must be a table, found {}", other.type_str()),
            )
            .help("ratings = { \"claim-id\" = \"inaccurate\" }"),
        ),
        None => {}
    }
    ratings
}
