//! One `[[claim]]` record, checked in steps: its fields as written, the
//! source and question it names, its modality, its times, its value typed
//! by the question's kind, and every number and date it states found in
//! its quote. The quote itself is found in the source later, a source at a
//! time ([`Loader::anchor_quotes`]).

use super::*;

/// A claim record's fields as written, each with its span, before they are
/// checked against each other.
struct ClaimFields {
    id: Option<Sp<String>>,
    source: Option<Sp<String>>,
    quote: Option<Sp<String>>,
    subject: Option<Sp<String>>,
    property: Option<Sp<String>>,
    value: Option<Sp<RawValue>>,
    as_of: Option<Sp<String>>,
    since: Option<Sp<String>>,
    when: Option<Sp<String>>,
    said_by: Option<Sp<String>>,
    via: Option<Sp<String>>,
    modality: Option<Sp<String>>,
    derived: Option<Sp<Derived>>,
    note: Option<Sp<String>>,
    retired: Option<Retired>,
}

impl ClaimFields {
    /// Reads every field of the record (unknown ones are reported by
    /// [`Rec::finish`]).
    fn read(r: &mut Rec<'_, '_>) -> ClaimFields {
        ClaimFields {
            id: r.id("id"),
            source: r.string("source", true),
            quote: r.string("quote", true),
            subject: r.string("subject", true),
            property: r.string("property", true),
            value: r.value("value"),
            as_of: r.time_string("as_of", false),
            since: r.time_string("since", false),
            when: r.time_string("when", false),
            said_by: r.string("said_by", false),
            via: r.string("via", false),
            modality: r.string("modality", false),
            derived: r.derived(),
            note: r.string("note", false),
            retired: r.retired(),
        }
    }

    /// Whether the quote checks skip this field: `derived` explains it.
    fn exempt(&self, field: &str) -> bool {
        self.derived.as_ref().is_some_and(|d| d.v.explains(field))
    }
}

/// A claim's times, read against its source's date.
struct ClaimTimes {
    as_of: Option<Resolved>,
    since: Option<Resolved>,
    when: Option<Resolved>,
}

impl Loader {
    /// Checks one `[[claim]]` record and adds it to its file's results:
    /// the claim if every check passes, and its quote to be found in its
    /// source either way (a broken claim's quote is still looked for, for
    /// its diagnostic).
    pub(super) fn claim(
        &self,
        file: &Arc<str>,
        text: &str,
        lines: &anchor::LineIndex,
        span: Range<usize>,
        t: &DeTable<'_>,
        out: &mut FileClaims,
    ) {
        let rel: &str = file;
        let mut r = Rec::new(rel, 0, t, span.clone(), "claim");
        let f = ClaimFields::read(&mut r);
        let mut diags = r.finish();
        let (line, col) = lines.line_col(text, span.start);
        let loc = Loc {
            file: Arc::clone(file),
            line,
            col,
        };
        let mut record = ClaimRecord {
            id: f.id.clone(),
            loc: loc.clone(),
            claim: None,
        };
        // Its position, for anchoring the quote later.
        let src_at = f.source.as_ref().and_then(|s| self.claim_source(rel, s, &mut diags));
        let src = src_at.and_then(|i| self.out.corpus.sources.get(i));
        let prop = match (&f.subject, &f.property) {
            (Some(su), Some(pr)) => self.claim_question(rel, su, pr, out, &mut diags),
            _ => None,
        };
        let modality = claim_modality(rel, &f, &span, &mut diags);
        // A claim's times are read as `claimcheck date --context QUOTE`
        // reads them: the nearest fitting reading unless the quote's words
        // place it ([`time::resolve_in_context`]).
        let reading = (Tense::Nearest, f.quote.as_ref().map(|q| q.v.as_str()));
        let resolve = |t: &Option<Sp<String>>, field: &str, diags: &mut Vec<Diagnostic>| {
            t.as_ref()
                .and_then(|t| resolve_time(rel, t, field, src, reading, diags))
        };
        let times = ClaimTimes {
            as_of: resolve(&f.as_of, "as_of", &mut diags),
            since: resolve(&f.since, "since", &mut diags),
            when: resolve(&f.when, "when", &mut diags),
        };
        // The value, typed by the property's kind.
        let mut typed = None;
        if let (Some(p), Some(v)) = (prop, &f.value) {
            fields_for_kind(rel, p, &f, &mut diags);
            typed = self.typed_value(rel, p, v, src, reading, &mut diags);
        }
        // Every number and date the claim states must be in its quote.
        let p_unit = prop.and_then(|p| p.unit.as_deref());
        if let (Some(q), Some(v)) = (&f.quote, &typed) {
            if let (Value::Quantity(form), Some(raw), false) = (v, &f.value, f.exempt("value")) {
                number_in_quote(rel, q, form, raw, p_unit, &mut diags);
            }
            dates_in_quote(rel, q, v, &f, &mut diags);
        }
        let failed = diags.iter().any(|d| d.severity == crate::corpus::diag::Severity::Error);
        out.diags.extend(diags);
        // The quote is found in its source later, a source at a time
        // (`anchor_quotes`); a claim is kept only if it is found. Without
        // a claim, the quote is kept to be looked for, for its diagnostic.
        let record_at = out.records.len();
        let (src, p, value, modality) = match (failed, &f.id, src, &f.quote, prop, typed, modality) {
            (false, Some(_), Some(src), Some(_), Some(p), Some(value), Some(modality)) => (src, p, value, modality),
            _ => {
                if let (Some(q), Some(source)) = (f.quote, src_at) {
                    out.quotes.push(QuoteToAnchor {
                        record: record_at,
                        source,
                        span: q.span,
                        text: Some(q.v),
                    });
                }
                out.records.push(record);
                return;
            }
        };
        if let (Some(source), Some(q)) = (src_at, &f.quote) {
            out.quotes.push(QuoteToAnchor {
                record: record_at,
                source,
                span: q.span.clone(),
                text: None,
            });
        }
        record.claim = build_claim(f, times, src, p, value, modality, loc);
        out.records.push(record);
    }

    /// The position of the source a claim names, or why it names none.
    fn claim_source(&self, rel: &str, s: &Sp<String>, diags: &mut Vec<Diagnostic>) -> Option<usize> {
        let found = self.out.corpus.source_position(&s.v);
        if found.is_none() && !self.broken_sources.contains(&s.v) {
            let mut d = Diagnostic::error(
                "unknown-source",
                rel,
                Some(s.span.clone()),
                format!("no source `{}` in sources/", s.v),
            )
            .label("unknown source");
            if s.v.contains('/') || s.v.contains("..") {
                d = Diagnostic::error(
                    "outside-corpus",
                    rel,
                    Some(s.span.clone()),
                    format!("`{}` is a path, not a source id", s.v),
                )
                .label("sources are named by id, inside the corpus");
            }
            d = match did_you_mean(&s.v, self.out.corpus.sources.iter().map(|x| x.id.as_str())) {
                Some(m) => d.help(format!("did you mean `{m}`?")),
                None => d.help("a source id is its file name in sources/ without `.txt`"),
            };
            diags.push(d);
        }
        found
    }

    /// The declared question a claim's subject and property name, noting
    /// the name as used (valid or not), or why none is declared.
    fn claim_question(
        &self,
        rel: &str,
        su: &Sp<String>,
        pr: &Sp<String>,
        out: &mut FileClaims,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<&Property> {
        let key = question_key(&su.v, &pr.v);
        if !out.referenced.contains(&key) {
            out.referenced.insert(key.clone());
        }
        let found = self.out.corpus.property(&key);
        if found.is_none() && !self.out.corpus.properties.is_empty() && !self.broken_properties.contains(&key) {
            let keys: Vec<String> = self.out.corpus.properties.iter().map(|p| p.key()).collect();
            let mut d = Diagnostic::error(
                "unknown-property",
                rel,
                Some(su.span.start.min(pr.span.start)..su.span.end.max(pr.span.end)),
                format!("`{key}` is not declared in {PROPERTIES_FILE}"),
            )
            .label("unknown subject/property");
            d = match did_you_mean(&key, keys.iter().map(String::as_str)) {
                Some(m) => d.help(format!("did you mean `{m}`?")),
                None => d.help(format!("declare it as a [[property]] in {PROPERTIES_FILE}")),
            };
            diags.push(d);
        }
        found
    }
    pub(super) fn typed_value(
        &self,
        rel: &str,
        p: &Property,
        v: &Sp<RawValue>,
        src: Option<&Source>,
        reading: (Tense, Option<&str>),
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        let wrong = |expected: &str| {
            Diagnostic::error(
                "wrong-type",
                rel,
                Some(v.span.clone()),
                format!("the value of a {} property must be {expected}", p.kind.name()),
            )
            .label(format!("found {}", v.v.type_name()))
        };
        match p.kind {
            Kind::State | Kind::Assessment => {
                let RawValue::Str(s) = &v.v else {
                    diags.push(
                        wrong("one of its values, as a string").help(format!("allowed: {}", p.values.join(", "))),
                    );
                    return None;
                };
                if !p.values.contains(s) {
                    let sp = Sp {
                        v: s.clone(),
                        span: v.span.clone(),
                    };
                    diags.push(not_allowed(
                        rel,
                        &sp,
                        &format!("value of `{}`", p.key()),
                        p.values.iter().map(String::as_str),
                    ));
                    return None;
                }
                Some(if p.kind == Kind::State {
                    Value::State(s.clone())
                } else {
                    Value::Framing(s.clone())
                })
            }
            Kind::Fact => match v.v {
                RawValue::Bool(b) => Some(Value::Fact(b)),
                _ => {
                    diags.push(wrong("true (it happened) or false (it did not)"));
                    None
                }
            },
            Kind::Quantity => {
                // A string is read as the article writes numbers (its
                // language's separators and words); a TOML number as TOML.
                let (text, lang) = match &v.v {
                    RawValue::Str(s) => (s.clone(), src.map(|s| s.language.as_str())),
                    RawValue::Num(n) => (n.clone(), None),
                    _ => {
                        diags.push(wrong("a number or a quantity string such as \"about 100000\""));
                        return None;
                    }
                };
                // "6 miles" for a property in km: converted, and the figure
                // as written is what the quote is checked for.
                let unit = p.unit.as_deref().unwrap_or_default();
                let converted = quantity::in_other_unit(&text, unit);
                // Read as `claimcheck number --context QUOTE` reads it: the
                // quote decides a separator the language leaves open.
                let quote = reading.1;
                let parsed = match converted {
                    Some((number, _, factor)) => {
                        quantity::read_figure(number, lang, quote).map(|f| quantity::Reading {
                            form: f.reading.form.scaled(factor),
                            also: f.reading.also.map(|a| a.scaled(factor)),
                        })
                    }
                    None => quantity::read_in_unit(&text, lang, quote, unit),
                };
                match parsed {
                    Ok(r) => {
                        if let Some(also) = r.also {
                            diags.push(ambiguous_number(rel, v, &text, &r.form, &also, lang));
                        }
                        Some(Value::Quantity(r.form))
                    }
                    Err(e) => {
                        diags.push(
                            Diagnostic::error("bad-quantity", rel, Some(v.span.clone()), e).label("not a quantity"),
                        );
                        None
                    }
                }
            }
            Kind::EventDate => {
                let RawValue::Str(s) = &v.v else {
                    diags.push(wrong(
                        "a time expression string such as \"2025-03-13\" or \"last month\"",
                    ));
                    return None;
                };
                let t = Sp {
                    v: s.clone(),
                    span: v.span.clone(),
                };
                let r = resolve_time(rel, &t, "value", src, reading, diags)?;
                Some(Value::Date(Box::new(TimeText {
                    text: s.clone(),
                    resolved: r,
                })))
            }
        }
    }
}

/// The claim's modality (asserted unless it says otherwise), warning when
/// reported speech names no speaker.
fn claim_modality(rel: &str, f: &ClaimFields, span: &Range<usize>, diags: &mut Vec<Diagnostic>) -> Option<Modality> {
    let modality = match &f.modality {
        None => Some(Modality::Asserted),
        Some(m) => match Modality::ALL.iter().find(|(n, _)| *n == m.v) {
            Some((_, m)) => Some(*m),
            None => {
                diags.push(not_allowed(rel, m, "modality", Modality::ALL.iter().map(|(n, _)| *n)));
                None
            }
        },
    };
    if modality == Some(Modality::Reported) && f.said_by.is_none() {
        diags.push(
            Diagnostic::warning(
                "missing-speaker",
                rel,
                Some(span.start..span.start + 9),
                "reported speech with no `said_by`",
            )
            .help("add said_by = \"who the article quotes\""),
        );
    }
    modality
}

/// `since` is for states and `when` for facts: either on another kind of
/// question is an error.
fn fields_for_kind(rel: &str, p: &Property, f: &ClaimFields, diags: &mut Vec<Diagnostic>) {
    for (field, given, kinds) in [
        ("since", &f.since, &[Kind::State][..]),
        ("when", &f.when, &[Kind::Fact][..]),
    ] {
        let Some(given) = given else { continue };
        if kinds.contains(&p.kind) {
            continue;
        }
        diags.push(
            Diagnostic::error(
                "field-not-for-kind",
                rel,
                Some(given.span.clone()),
                format!(
                    "`{field}` has no meaning for the {} property `{}`",
                    p.kind.name(),
                    p.key()
                ),
            )
            .help(if field == "since" {
                "`since` is for states; an event's date is its value or `when`"
            } else {
                "`when` is for facts"
            }),
        );
    }
}

/// Every number of a figure must occur in the quote: as written when it
/// was converted from another unit, or in the quote's own words when the
/// value is worded ("hundreds").
fn number_in_quote(
    rel: &str,
    q: &Sp<String>,
    form: &quantity::Form,
    raw: &Sp<RawValue>,
    p_unit: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) {
    // A value written as the quote words it ("hundreds") is found as such.
    let worded = match &raw.v {
        RawValue::Str(s) => fold(&q.v).text.to_lowercase().contains(&s.trim().to_lowercase()),
        _ => false,
    };
    // A value in words only ("hundreds", "two dozen"): the message
    // speaks of the words, never of an internal reading.
    let words_only = match &raw.v {
        RawValue::Str(s) => !s.chars().any(|c| c.is_ascii_digit()),
        _ => false,
    };
    if words_only && !worded && !form.numbers().iter().all(|n| quantity::appears_in(*n, &q.v)) {
        if let RawValue::Str(s) = &raw.v {
            diags.push(
                Diagnostic::error(
                    "number-not-in-quote",
                    rel,
                    Some(raw.span.clone()),
                    format!("`{}` does not occur in the quote", s.trim()),
                )
                .label("not in the quote")
                .help("write the value in the quote's own words, or the figure the quote gives"),
            );
        }
    }
    // A converted figure ("6 miles" as km) is found as written.
    let written = match &raw.v {
        RawValue::Str(s) => p_unit
            .and_then(|u| quantity::in_other_unit(s, u))
            .and_then(|(number, _, _)| quantity::parse(number).ok()),
        _ => None,
    };
    let numbers = written.map_or_else(|| form.numbers(), |w| w.numbers());
    for n in numbers.into_iter().filter(|_| !worded && !words_only) {
        if !quantity::appears_in(n, &q.v) {
            diags.push(
                Diagnostic::error("number-not-in-quote", rel, Some(raw.span.clone()), format!("the number {} does not occur in the quote", quantity::fmt_num(n)))
                    .label("not in the quote")
                    .help("check the number against the source; if it was computed, say how in `derived = { value = \"...\" }`"),
            );
        }
    }
}

/// Every year, month and day a claim's times (and a date value) state must
/// occur in the quote, unless `derived` explains the field.
fn dates_in_quote(rel: &str, q: &Sp<String>, v: &Value, f: &ClaimFields, diags: &mut Vec<Diagnostic>) {
    let value_time = match (v, &f.value) {
        _ if f.exempt("value") => None,
        (
            Value::Date(_),
            Some(Sp {
                v: RawValue::Str(s),
                span,
            }),
        ) => Some(Sp {
            v: s.clone(),
            span: span.clone(),
        }),
        _ => None,
    };
    let times = [
        f.as_of.as_ref().filter(|_| !f.exempt("as_of")),
        f.since.as_ref().filter(|_| !f.exempt("since")),
        f.when.as_ref().filter(|_| !f.exempt("when")),
        value_time.as_ref(),
    ];
    for t in times.into_iter().flatten() {
        // A time that could not be read is already reported once.
        let unread = diags
            .iter()
            .any(|d| d.code == "bad-time" && d.span.as_ref() == Some(&t.span));
        if unread {
            continue;
        }
        if let Some(missing) = time_missing_from_quote(&t.v, &q.v) {
            diags.push(
                Diagnostic::error(
                    "date-not-in-quote",
                    rel,
                    Some(t.span.clone()),
                    format!("{missing} of `{}` does not occur in the quote", t.v),
                )
                .label("not in the quote")
                .help(
                    "quote the words that give the date, or say how it was worked out in `derived = { as_of = \"...\" }` (or since, when, value)",
                ),
            );
        }
    }
}

/// The claim of a record whose every check passed. Its anchor is set when
/// the quote is found.
fn build_claim(
    f: ClaimFields,
    times: ClaimTimes,
    src: &Source,
    p: &Property,
    value: Value,
    modality: Modality,
    loc: Loc,
) -> Option<Box<Claim>> {
    let (id, q) = (f.id?, f.quote?);
    let p_unit = p.unit.as_deref();
    // The conversion of a figure given in another unit, shown with the claim.
    let conversion = match (&f.value, p_unit) {
        (
            Some(Sp {
                v: RawValue::Str(s), ..
            }),
            Some(u),
        ) => quantity::in_other_unit(s, u)
            .map(|(n, w, factor)| format!("given as {n} {w}; 1 {w} = {} {u}", quantity::fmt_num(factor))),
        _ => None,
    };
    let converted = match (&f.value, p_unit, &value) {
        (
            Some(Sp {
                v: RawValue::Str(s), ..
            }),
            Some(u),
            Value::Quantity(form),
        ) => quantity::in_other_unit(s, u).and_then(|(n, w, factor)| {
            let written = quantity::parse(n).ok()?.numbers().into_iter().next()?;
            let (place, digits) = quantity::written_precision(written);
            Some(Box::new(Converted {
                written: format!("{} {w}", n.trim()),
                half: place / 2.0 * factor,
                about: quantity::round_significant(form.numbers().first().copied()?, digits),
            }))
        }),
        _ => None,
    };
    let since = match (f.since, times.since, f.when, times.when) {
        (Some(t), Some(r), _, _) | (_, _, Some(t), Some(r)) => Some(TimeText { text: t.v, resolved: r }),
        _ => None,
    };
    Some(Box::new(Claim {
        id: id.v,
        source: src.id.clone(),
        quote: q.v,
        subject: p.subject.clone(),
        property: p.property.clone(),
        value,
        as_of_hours: match &times.as_of {
            Some(r) => r.hours,
            None => src.now_hours(),
        },
        as_of: times.as_of.map(|r| r.interval).unwrap_or_else(|| src.now()),
        as_of_text: f.as_of.map(|a| a.v),
        under_update: false,
        since: since.map(Box::new),
        said_by: f.said_by.map(|s| s.v),
        via: f.via.map(|s| crate::corpus::model::normalise_outlet(&s.v)),
        converted,
        modality,
        derived: f.derived.map(|d| d.v.to_string()),
        note: match (f.note.map(|n| n.v), conversion) {
            (Some(n), Some(c)) => Some(format!("{n} ({c})")),
            (n, c) => n.or(c),
        },
        loc,
        // Set when the quote is found.
        anchor: Loc {
            file: Arc::clone(&src.file),
            line: 0,
            col: 0,
        },
        quote_span: 0..0,
        retired: f.retired.map(Box::new),
    }))
}

/// Resolves a claim's time expression against its source's date, reporting
/// what is wrong. With no valid source there is nothing to count from, and
/// the source's own problem has been reported, so relative times are skipped.
pub(super) fn resolve_time(
    rel: &str,
    t: &Sp<String>,
    field: &str,
    src: Option<&Source>,
    (tense, quote): (Tense, Option<&str>),
    diags: &mut Vec<Diagnostic>,
) -> Option<Resolved> {
    let page_reference = src.and_then(|s| s.reference_date());
    // A date written in the article's language is read in that language
    // first, and the quote's tense decides a bare month or weekday.
    let lang = src.map(|s| s.language.as_str());
    // "The following day": counted from the nearest date the article names
    // before it, in its text up to the quote and the quote up to it.
    let read_from = |reference: Option<jiff::civil::Date>| match (time::anchored_in_any_language(&t.v), src, quote) {
        (Some(shift), Some(s), Some(q)) => {
            let body = s.body();
            let before_quote = body.find(q).and_then(|i| body.get(..i)).unwrap_or_default();
            let before = format!("{before_quote} {}", time::text_before(q, &t.v));
            time::resolve_anchored(&t.v, shift, &before, reference, lang)
        }
        _ => time::resolve_in_context(&t.v, reference, tense, lang, quote),
    };
    let mut read = read_from(page_reference);
    // On a page updated in place, a relative word ("yesterday") under an
    // update stamp of a later day counts from that day.
    if matches!(&read, Ok(r) if r.relative) {
        let at_update = src.zip(quote).and_then(|(s, q)| s.reference_date_at(q));
        if at_update.is_some() && at_update != page_reference {
            read = read_from(at_update);
        }
    }
    match read {
        Ok(r) => {
            if let Some(also) = &r.also {
                diags.push(ambiguous(rel, t, field, &r.value, also));
            }
            Some(r)
        }
        Err(time::TimeError::NeedsReference(_)) if src.is_none() => None,
        Err(e @ time::TimeError::NeedsReference(_)) => {
            let when = src.map(|s| s.published.text.clone()).unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    "unresolvable-time",
                    rel,
                    Some(t.span.clone()),
                    format!("`{field}`: {e}"),
                )
                .label(format!("the source's date is only known as `{when}`"))
                .help("write the absolute date and say how it was worked out in `derived = { as_of = \"...\" }`"),
            );
            None
        }
        Err(e) => {
            let label = match e {
                time::TimeError::Invalid(_) => "not a real date",
                time::TimeError::NeedsAnchor(_) => "no date before it in the article",
                _ => "not a time expression",
            };
            diags.push(
                Diagnostic::error("bad-time", rel, Some(t.span.clone()), format!("`{field}`: {e}"))
                    .label(label)
                    .help("write e.g. `2024-03-07`, `2024-03`, `mid-2024`, `by February 2024`, `last month`, `on Thursday`"),
            );
            None
        }
    }
}

/// A warning for a figure whose separators read two ways in the article's
/// language (`1.500` in Spanish: 1500, or 1.5 where a point is decimal).
fn ambiguous_number(
    rel: &str,
    v: &Sp<RawValue>,
    text: &str,
    form: &quantity::Form,
    also: &quantity::Form,
    lang: Option<&str>,
) -> Diagnostic {
    let lang = lang.unwrap_or_default();
    Diagnostic::warning(
        "ambiguous-number",
        rel,
        Some(v.span.clone()),
        format!("`{}` is read as {form}, but in `{lang}` it may also be {also}", text.trim()),
    )
    .label("the separators read both ways")
    .help(format!(
        "give the source's region in its `language` (e.g. `{lang}-ES`, `{lang}-MX`: the region's CLDR locale says which separator is the decimal one), or write the value without separators"
    ))
}

/// A warning for a date read one way when another is about as likely.
fn ambiguous(rel: &str, t: &Sp<String>, field: &str, value: &str, also: &str) -> Diagnostic {
    Diagnostic::warning(
        "ambiguous-date",
        rel,
        Some(t.span.clone()),
        format!("`{field}`: `{}` is read as {value}, but {also} is about as likely", t.v),
    )
    .label("the quote does not say which")
    .help(format!(
        "if the article means {also}, write it with its year and say how you know in `derived = {{ {field} = \"...\" }}`; check a reading with `claimcheck date --context`"
    ))
}

/// Which part of a time expression is missing from the quote, if any: the
/// year, the month name, the day, or (for a relative expression) its words.
pub(super) fn time_missing_from_quote(expr: &str, quote: &str) -> Option<String> {
    let q = fold(quote).text.to_lowercase();
    // The expression as written, in any language, found in the quote.
    if q.contains(&fold(expr.trim()).text.to_lowercase()) {
        return None;
    }
    let r = time::resolve(expr, None, Tense::Past);
    if let Err(time::TimeError::Unrecognised(_) | time::TimeError::Invalid(_)) = r {
        return None; // reported as a bad time already
    }
    let Ok(r) = r else {
        // Relative: the quote must contain the expression's words.
        let words = expr
            .trim()
            .trim_start_matches("on ")
            .trim_start_matches("in ")
            .to_lowercase();
        return (!q.contains(&words)).then(|| "the wording".to_string());
    };
    let lower = expr.to_lowercase();
    // Years written in the expression must be in the quote.
    for y in regex_years(&lower) {
        if !q.contains(&y) {
            return Some(format!("the year {y}"));
        }
    }
    // A month or day of the value (`2024-02`, `2020-11-09`) must be in the quote;
    // the value, not the interval, since a bound's interval starts a day later.
    let v = r.value.split('/').next().unwrap_or_default();
    let month = v
        .get(5..7)
        .filter(|m| v.as_bytes().get(4) == Some(&b'-') && m.bytes().all(|b| b.is_ascii_digit()));
    if let Some(m) = month
        .and_then(|m| m.parse::<i8>().ok())
        .filter(|m| (1..=12).contains(m))
    {
        let name = time::month_name(m);
        let iso = &v[..7];
        if !q.contains(&name[..3]) && !q.contains(iso) && !crate::read::lang::month_in(m, &q) {
            return Some(format!("the month ({name})"));
        }
        if let Some(d) = v.get(8..10).and_then(|d| d.parse::<u8>().ok()) {
            if !quantity::appears_in(d as f64, &q) && !q.contains(v) {
                return Some(format!("the day ({d})"));
            }
        }
    }
    None
}

pub(super) fn regex_years(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let digit = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
        let boundary_before = i == 0 || !digit(i - 1);
        if boundary_before && (i..i + 4).all(digit) && !digit(i + 4) {
            out.push(s.get(i..i + 4).unwrap_or_default().to_string());
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_must_carry_the_years_months_and_days() {
        assert_eq!(
            time_missing_from_quote("mid-2024", "his full withdrawal from the CSTO in mid-2024"),
            None
        );
        assert_eq!(
            time_missing_from_quote("2025-03-13", "a March 13, 2025, peace treaty"),
            None
        );
        assert_eq!(
            time_missing_from_quote("2025-03-14", "a March 13, 2025, peace treaty").as_deref(),
            Some("the day (14)")
        );
        assert_eq!(
            time_missing_from_quote("2023", "a March 13, 2025, peace treaty").as_deref(),
            Some("the year 2023")
        );
        assert_eq!(
            time_missing_from_quote("by February 2024", "By January 2024, Armenia stopped").as_deref(),
            Some("the month (february)")
        );
        assert_eq!(
            time_missing_from_quote("last month", "traveled to Yerevan last month"),
            None
        );
        assert_eq!(
            time_missing_from_quote("last week", "traveled to Yerevan last month").as_deref(),
            Some("the wording")
        );
    }
}
