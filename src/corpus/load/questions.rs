//! Question declarations: `claims/properties.toml`, one `[[property]]`
//! record a question, checked alone and then against the claims.

use super::*;

/// The property declarations, validated: the valid ones, the keys of
/// broken ones (their claims are not reported again), the number of
/// records, and the diagnostics.
#[derive(Default)]
pub(super) struct FileProperties {
    pub(super) properties: Vec<Property>,
    pub(super) broken: Vec<String>,
    pub(super) records: Option<usize>,
    pub(super) diags: Vec<Diagnostic>,
}

/// One property declaration, checked alone: where it is, its diagnostics,
/// its `subject/property` key if it names one, and (when its required
/// fields are there) the span of subject and property and the property if
/// valid.
pub(super) struct Declared {
    pub(super) span: Range<usize>,
    pub(super) diags: Vec<Diagnostic>,
    pub(super) key: Option<String>,
    pub(super) valid: Option<(Range<usize>, Option<Property>)>,
}

impl Loader {
    /// Validates the property declarations. Reads nothing of the loader,
    /// so it runs beside the sources' validation.
    pub(super) fn properties(rel: &str, text: &str) -> FileProperties {
        let mut out = FileProperties::default();
        let Some(table) = parse_toml(rel, text, 0, &mut out.diags) else {
            return out;
        };
        let records = records(rel, &table, "property", &mut out.diags);
        out.records = Some(records.len());
        let lines = anchor::LineIndex::new(text);
        // Each declaration is checked on its own, on every core; whether
        // its key was declared before is then decided in file order.
        let checked: Vec<Declared> = records
            .par_iter()
            .map(|(span, t)| Self::property(rel, text, &lines, span.clone(), t))
            .collect();
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        for declared in checked {
            let (key, key_span, property) = match (declared.key, declared.valid) {
                (Some(key), Some((key_span, property))) => (key, key_span, property),
                (key, _) => {
                    out.broken.extend(key);
                    out.diags.extend(declared.diags);
                    continue;
                }
            };
            let mut diags = declared.diags;
            if let Some(first) = seen.get(&key) {
                let (line, _) = lines.line_col(text, first.start);
                diags.push(
                    Diagnostic::error(
                        "duplicate-id",
                        rel,
                        Some(key_span),
                        format!("the property `{key}` is declared twice"),
                    )
                    .help(format!("the first declaration is at line {line}; merge the two")),
                );
            }
            seen.insert(key.clone(), declared.span);
            let failed = !diags.is_empty();
            out.diags.extend(diags);
            match property {
                Some(p) if !failed => out.properties.push(p),
                _ => out.broken.push(key),
            }
        }
        out
    }

    /// One property declaration, checked on its own: its diagnostics, its
    /// key, and the property if nothing is wrong with it.
    pub(super) fn property(
        rel: &str,
        text: &str,
        lines: &anchor::LineIndex,
        span: Range<usize>,
        t: &DeTable<'_>,
    ) -> Declared {
        let mut r = Rec::new(rel, 0, t, span.clone(), "property");
        let subject = r.id("subject");
        let property = r.id("property");
        let question = r.string("question", true);
        let description = r.string("description", false);
        let kind = r.string("kind", true);
        let values = r.strings("values", false);
        let transitions = r.strings("transitions", false);
        let unit = r.string("unit", false);
        let tolerance = r.string("tolerance", false);
        let monotonic = r.string("monotonic", false);
        let over_time = r.string("over_time", false);
        let change_of = r.string("change_of", false);
        let baseline = r.time_string("baseline", false);
        let event = (r.string("same_event_as", false), r.strings("event_happened", false));
        let retired = r.retired();
        let mut diags = r.finish();
        if change_of.is_some() != baseline.is_some() {
            diags.push(
                Diagnostic::error("bad-property", rel, Some(self_header(&span)), "`change_of` and `baseline` go together")
                    .help("a percentage change names the quantity (change_of = \"subject/property\") and the time it is counted from (baseline = \"2018\")"),
            );
        }
        let baseline = baseline.and_then(|b| match time::resolve(&b.v, None, Tense::Past) {
            Ok(r) => Some(r.interval),
            Err(e) => {
                diags.push(
                    Diagnostic::error("bad-time", rel, Some(b.span), format!("`baseline`: {e}"))
                        .label("not an absolute time"),
                );
                None
            }
        });
        let kind = kind.and_then(|k| match Kind::ALL.iter().find(|(n, _)| *n == k.v) {
            Some((_, kind)) => Some((*kind, k.span)),
            None => {
                diags.push(not_allowed(rel, &k, "property kind", Kind::ALL.iter().map(|(n, _)| *n)));
                None
            }
        });
        let values: Vec<Sp<String>> = values.unwrap_or_default();
        let names: Vec<&str> = values.iter().map(|v| v.v.as_str()).collect();
        let given = Given {
            unit: unit.is_some(),
            tolerance: tolerance.is_some(),
            monotonic: monotonic.is_some(),
            change_of: change_of.is_some(),
            transitions: transitions.is_some(),
            over_time: over_time.is_some(),
        };
        if let Some((kind, kspan)) = &kind {
            fields_fit_kind(rel, *kind, kspan, &values, &given, &mut diags);
        }
        let pairs = value_names(rel, &names, &values, transitions.unwrap_or_default(), &mut diags);
        let linked = kind
            .as_ref()
            .and_then(|(k, _)| link(rel, *k, &names, event, self_header(&span), &mut diags));
        let tolerance = tolerance.and_then(|t| match Tolerance::parse(&t.v) {
            Ok(t) => Some(t),
            Err(e) => {
                diags.push(Diagnostic::error("bad-quantity", rel, Some(t.span), e));
                None
            }
        });
        let (monotonic, fixed) = change_over_time(rel, monotonic, over_time.as_ref(), &mut diags);
        let over_time_value = over_time.map(|o| o.v);
        let key = match (&subject, &property) {
            (Some(su), Some(pr)) => Some(question_key(&su.v, &pr.v)),
            _ => None,
        };
        let (Some(subject), Some(property), Some(question), Some((kind, _))) = (subject, property, question, kind)
        else {
            return Declared {
                span,
                diags,
                key,
                valid: None,
            };
        };
        let key_span = subject.span.start..property.span.end;
        let property = diags.is_empty().then(|| {
            let (line, col) = lines.line_col(text, span.start);
            Property {
                subject: subject.v,
                property: property.v,
                question: question.v,
                description: description.map(|d| d.v),
                kind,
                values: values.into_iter().map(|v| v.v).collect(),
                transitions: pairs,
                unit: unit.map(|u| u.v),
                tolerance,
                monotonic,
                change_of: change_of.map(|c| c.v),
                baseline,
                fixed: fixed || (kind == Kind::EventDate && over_time_value.as_deref() != Some("changes")),
                same_event_as: linked,
                retired,
                loc: Loc {
                    file: Arc::from(rel),
                    line,
                    col,
                },
            }
        });
        Declared {
            span,
            diags,
            key,
            valid: Some((key_span, property)),
        }
    }
}

/// Reads `same_event_as` and `event_happened`: a happened-yet fact or a
/// status may name the event-date question of its event; a status also
/// names the states that mean the event has happened.
fn link(
    rel: &str,
    kind: Kind,
    values: &[&str],
    (same_event_as, happened): (Option<Sp<String>>, Option<Vec<Sp<String>>>),
    header: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Linked> {
    let Some(target) = same_event_as else {
        if let Some(h) = happened.as_ref().and_then(|h| h.first()) {
            diags.push(
                Diagnostic::error(
                    "bad-property",
                    rel,
                    Some(h.span.clone()),
                    "`event_happened` needs `same_event_as`",
                )
                .help("name the event-date question of the event, e.g. same_event_as = \"sweden/nato-accession-date\""),
            );
        }
        return None;
    };
    if !matches!(kind, Kind::Fact | Kind::State) {
        diags.push(
            Diagnostic::error(
                "field-not-for-kind",
                rel,
                Some(target.span.clone()),
                "only a fact or a state question may name `same_event_as`",
            )
            .help("put `same_event_as` on the happened-yet fact or the status, naming the event-date question"),
        );
        return None;
    }
    let happened = happened.unwrap_or_default();
    for h in happened.iter().filter(|h| !values.contains(&h.v.as_str())) {
        diags.push(not_allowed(rel, h, "state", values.iter().copied()));
    }
    if kind == Kind::State && happened.is_empty() {
        diags.push(
            Diagnostic::error(
                "missing-field",
                rel,
                Some(header),
                "a status linked to an event needs `event_happened`",
            )
            .help("list the states that mean the event has happened, e.g. event_happened = [\"member\"]"),
        );
    }
    if kind == Kind::Fact && !happened.is_empty() {
        diags.push(
            Diagnostic::error(
                "field-not-for-kind",
                rel,
                happened.first().map(|h| h.span.clone()),
                "a fact's `true` already means the event happened",
            )
            .help("remove `event_happened`"),
        );
    }
    Some(Linked {
        date: target.v,
        happened: happened.into_iter().map(|h| h.v).collect(),
    })
}

impl Loader {
    pub(super) fn unused_properties(&mut self) {
        if self.unparsed_claims {
            return;
        }
        // A properties.toml with no [[property]] at all (only comments, say)
        // would otherwise drop every claim without a word.
        if self.property_records == Some(0) && !self.referenced.is_empty() {
            let d = Diagnostic::error(
                "bad-property",
                PROPERTIES_FILE,
                None,
                format!(
                    "{PROPERTIES_FILE} declares no property, yet claims name {} question(s)",
                    self.referenced.len()
                ),
            )
            .help("declare each question as a [[property]] (see README.md); it may have been emptied by mistake");
            self.push(d);
        }
        let mut ds = Vec::new();
        for p in &self.out.corpus.properties {
            if !self.referenced.contains(&p.key()) {
                let text = self.out.files.get(&p.loc.file).unwrap_or_default();
                let start = self.out.files.line_start(&p.loc.file, p.loc.line);
                ds.push(
                    Diagnostic::warning(
                        "unused-property",
                        &p.loc.file,
                        Some(start..start + text[start..].find('\n').unwrap_or(0)),
                        format!("no claim answers `{}`", p.key()),
                    )
                    .help("curate a claim for it, or remove the declaration"),
                );
            }
        }
        self.out.diagnostics.extend(ds);
    }
}

pub(super) fn self_header(span: &Range<usize>) -> Range<usize> {
    span.start..span.start + "[[property]]".len()
}

/// Which optional fields of a declaration are given, for the check that
/// each means something for the declared kind.
struct Given {
    unit: bool,
    tolerance: bool,
    monotonic: bool,
    change_of: bool,
    transitions: bool,
    over_time: bool,
}

/// A state or assessment needs its values and a quantity its unit; a field
/// that has no meaning for the kind is an error.
fn fields_fit_kind(
    rel: &str,
    kind: Kind,
    kspan: &Range<usize>,
    values: &[Sp<String>],
    given: &Given,
    diags: &mut Vec<Diagnostic>,
) {
    let needs_values = matches!(kind, Kind::State | Kind::Assessment);
    if needs_values && values.is_empty() {
        diags.push(
            Diagnostic::error(
                "bad-property",
                rel,
                Some(kspan.clone()),
                format!("a {} property needs its allowed `values`", kind.name()),
            )
            .help("add e.g. values = [\"member\", \"suspended\", \"withdrawn\"]"),
        );
    }
    if kind == Kind::Quantity && !given.unit {
        diags.push(
            Diagnostic::error(
                "bad-property",
                rel,
                Some(kspan.clone()),
                "a quantity property needs a `unit`",
            )
            .help("add e.g. unit = \"USD\" or unit = \"people\" or unit = \"percent\""),
        );
    }
    for (field, present) in [
        ("values", !values.is_empty() && !needs_values),
        ("unit", given.unit && kind != Kind::Quantity),
        ("tolerance", given.tolerance && kind != Kind::Quantity),
        ("monotonic", given.monotonic && kind != Kind::Quantity),
        ("change_of", given.change_of && kind != Kind::Quantity),
        ("transitions", given.transitions && kind != Kind::State),
        ("over_time", given.over_time && kind == Kind::Assessment),
    ] {
        if present {
            diags.push(
                Diagnostic::error(
                    "field-not-for-kind",
                    rel,
                    Some(kspan.clone()),
                    format!("`{field}` has no meaning for a {} property", kind.name()),
                )
                .help(format!("remove `{field}`, or change the kind")),
            );
        }
    }
}

/// Checks the allowed values (none listed twice) and reads the transitions
/// ("member -> suspended"), each of whose ends must be a value.
fn value_names(
    rel: &str,
    names: &[&str],
    values: &[Sp<String>],
    transitions: Vec<Sp<String>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, String)> {
    for (i, v) in values.iter().enumerate() {
        if names.iter().take(i).any(|n| *n == v.v.as_str()) {
            diags.push(Diagnostic::error(
                "duplicate-id",
                rel,
                Some(v.span.clone()),
                format!("the value `{}` is listed twice", v.v),
            ));
        }
    }
    let mut pairs = Vec::new();
    for t in transitions {
        let Some((a, b)) =
            t.v.split_once("->")
                .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        else {
            diags.push(
                Diagnostic::error(
                    "bad-property",
                    rel,
                    Some(t.span.clone()),
                    format!("`{}` is not a transition", t.v),
                )
                .help("write transitions as \"member -> suspended\""),
            );
            continue;
        };
        for end in [&a, &b] {
            if !names.contains(&end.as_str()) {
                let mut d = Diagnostic::error(
                    "value-not-allowed",
                    rel,
                    Some(t.span.clone()),
                    format!("the transition names `{end}`, which is not among the property's values"),
                );
                if let Some(s) = did_you_mean(end, names.iter().copied()) {
                    d = d.help(format!("did you mean `{s}`?"));
                }
                diags.push(d);
            }
        }
        pairs.push((a, b));
    }
    pairs
}

/// Reads `monotonic` and `over_time` (a fixed answer for all time, or one
/// that changes), which cannot both be said of one question.
fn change_over_time(
    rel: &str,
    monotonic: Option<Sp<String>>,
    over_time: Option<&Sp<String>>,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Monotonic>, bool) {
    let monotonic = monotonic.and_then(|m| match m.v.as_str() {
        "increasing" => Some(Monotonic::Increasing),
        "decreasing" => Some(Monotonic::Decreasing),
        _ => {
            diags.push(not_allowed(
                rel,
                &m,
                "monotonic direction",
                ["increasing", "decreasing"],
            ));
            None
        }
    });
    let fixed = match over_time.map(|o| o.v.as_str()) {
        None | Some("changes") => false,
        Some("fixed") => true,
        Some(_) => {
            if let Some(o) = over_time {
                diags.push(
                    not_allowed(rel, o, "`over_time` value", ["changes", "fixed"]).help(
                        "`fixed`: one answer for all time (a magnitude, a past toll); `changes`: a value that changes (a death toll, a status)",
                    ),
                );
            }
            false
        }
    };
    if fixed && monotonic.is_some() {
        if let Some(o) = over_time {
            diags.push(
                Diagnostic::error(
                    "bad-property",
                    rel,
                    Some(o.span.clone()),
                    "a fixed answer cannot also be `monotonic`",
                )
                .help("a monotonic quantity changes over time: remove `over_time = \"fixed\"` or `monotonic`"),
            );
        }
    }
    (monotonic, fixed)
}
