//! Claims: `claims/*.toml`, each `[[claim]]` record checked field by
//! field, its quote found in its source, its value and time read.

use super::*;

/// One claims file, validated: its records in order, its diagnostics, and
/// the questions it names (valid or not).
#[derive(Default)]
pub(super) struct FileClaims {
    pub(super) records: Vec<ClaimRecord>,
    pub(super) diags: Vec<Diagnostic>,
    /// Hashed with FNV-1a, as the corpus's own ids are: every claim asks it.
    pub(super) referenced: HashSet<String, std::hash::BuildHasherDefault<crate::corpus::model::IdHasher>>,
    pub(super) unparsed: bool,
    /// Quotes to find in their sources, once every file is read.
    pub(super) quotes: Vec<QuoteToAnchor>,
}

/// Where a quote was found (line, column, bytes of the body), or the error.
pub(super) enum Found {
    At(usize, usize, Range<usize>),
    Missing(Box<Diagnostic>),
}

/// A claim's quote, to be found in its source after every claims file is
/// read (see [`Loader::anchor_quotes`]).
pub(super) struct QuoteToAnchor {
    /// The claim's record in its file.
    pub(super) record: usize,
    /// The source's position in the corpus.
    pub(super) source: usize,
    /// Where the quote is written in the claims file.
    pub(super) span: Range<usize>,
    /// The quote, when the record made no claim to read it from (it is
    /// still looked for, for its diagnostic).
    pub(super) text: Option<String>,
}

/// A `[[claim]]` record: its id (for duplicates), where it is, and the
/// claim if it is valid.
pub(super) struct ClaimRecord {
    pub(super) id: Option<Sp<String>>,
    pub(super) loc: Loc,
    pub(super) claim: Option<Box<Claim>>,
}

impl Loader {
    /// Validates one claims file. Reads the loader's state but changes
    /// nothing, so files can be checked in parallel; [`Loader::merge`]
    /// then adds the results in file order (and finds duplicate ids).
    pub(super) fn claims(&self, rel: &str, text: &str) -> FileClaims {
        let mut out = FileClaims::default();
        let Some(table) = parse_toml(rel, text, 0, &mut out.diags) else {
            out.unparsed = true;
            return out;
        };
        // The index made when the file was read.
        let made;
        let lines = match self.out.files.index(rel) {
            Some((_, index)) => index,
            None => {
                made = anchor::LineIndex::new(text);
                &made
            }
        };
        let records = records(rel, &table, "claim", &mut out.diags);
        // Sized once: claims are large, and a list grown by doubling
        // touches twice the memory.
        out.records.reserve_exact(records.len());
        let file: Arc<str> = Arc::from(rel);
        for (span, t) in records {
            self.claim(&file, text, lines, span, t, &mut out);
        }
        out
    }

    /// Finds every claim's quote in its source, a source at a time, on
    /// every core: each article is folded once, its quotes are found in the
    /// folded text, and the folded copy is dropped, so the corpus never
    /// holds a second copy of every article. A claim whose quote is not
    /// found is an error pointing at the closest passage, and is left out.
    pub(super) fn anchor_quotes(&self, claims: &[(String, Arc<str>)], files: &mut [FileClaims]) {
        let mut wanted: Vec<(usize, usize, usize)> = Vec::new();
        for (fi, file) in files.iter().enumerate() {
            wanted.extend(file.quotes.iter().enumerate().map(|(k, q)| (q.source, fi, k)));
        }
        wanted.sort_unstable();
        // The runs of one source, each anchored on its own.
        let groups: Vec<&[(usize, usize, usize)]> = wanted.chunk_by(|a, b| a.0 == b.0).collect();
        let files_read: &[FileClaims] = files;
        let found: Vec<Vec<(usize, usize, Found)>> = groups
            .par_iter()
            .map(|group| {
                let Some(src) = group.first().and_then(|&(s, _, _)| self.out.corpus.sources.get(s)) else {
                    return Vec::new();
                };
                let folded = fold(src.body());
                let lines = self.out.files.index(&src.file);
                group
                    .iter()
                    .filter_map(|&(_, fi, k)| {
                        let file = files_read.get(fi)?;
                        let want = file.quotes.get(k)?;
                        let quote = match &want.text {
                            Some(q) => q.as_str(),
                            None => file.records.get(want.record)?.claim.as_ref()?.quote.as_str(),
                        };
                        let found = match anchor::find(&folded, quote) {
                            Ok(a) => {
                                let (line, col) = lines
                                    .map_or((1, 1), |(text, index)| index.line_col(text, a.start + src.body_offset));
                                Found::At(line, col, a.start..a.end)
                            }
                            Err(miss) => {
                                let rel = claims.get(fi).map_or("", |(rel, _)| rel.as_str());
                                Found::Missing(Box::new(self.quote_not_found(rel, Some(want.span.clone()), src, miss)))
                            }
                        };
                        Some((fi, want.record, found))
                    })
                    .collect()
            })
            .collect();
        for (fi, ri, found) in found.into_iter().flatten() {
            let Some(file) = files.get_mut(fi) else { continue };
            match found {
                Found::At(line, col, span) => {
                    if let Some(c) = file.records.get_mut(ri).and_then(|r| r.claim.as_mut()) {
                        c.anchor.line = line;
                        c.anchor.col = col;
                        c.quote_span = span;
                    }
                }
                Found::Missing(d) => {
                    file.diags.push(*d);
                    if let Some(r) = file.records.get_mut(ri) {
                        r.claim = None;
                    }
                }
            }
        }
    }

    /// The error for a quote that is not in its source, with the closest
    /// passage when there is one.
    pub(super) fn quote_not_found(
        &self,
        rel: &str,
        span: Option<Range<usize>>,
        src: &Source,
        miss: Option<anchor::NearMiss>,
    ) -> Diagnostic {
        let mut d = Diagnostic::error(
            "quote-not-found",
            rel,
            span,
            format!("the quote does not occur in source `{}`", src.id),
        )
        .label("not in the source text");
        if let Some(m) = miss {
            let (l, _) = self.out.files.line_col(&src.file, m.start + src.body_offset);
            d = d
                .related(
                    &src.file,
                    m.start + src.body_offset..m.end + src.body_offset,
                    format!("closest passage ({:.0}% similar)", m.similarity * 100.0),
                )
                .help(format!(
                    "the closest passage is at {}:{l} ({:.0}% similar); copy the quote verbatim from the source",
                    src.file,
                    m.similarity * 100.0
                ));
        }
        d
    }

    /// Adds every file's claims to the corpus, in id order. A claim id used
    /// twice is an error at its second use in file order, naming the first;
    /// the second is left out. The ids are sorted where they lie (stably,
    /// so a repeated id keeps file order and its first use comes first),
    /// then each claim's box is moved once, straight into its place: only
    /// pointers move, where moving the claims themselves (368 bytes each)
    /// wrote 37 MB of fresh memory at 10^5 claims, on one core.
    pub(super) fn merge(&mut self, mut files: Vec<(&str, FileClaims)>) {
        let mut order: Vec<(&str, usize, usize)> = Vec::with_capacity(files.iter().map(|(_, f)| f.records.len()).sum());
        for (fi, (_, file)) in files.iter().enumerate() {
            for (ri, record) in file.records.iter().enumerate() {
                if let Some(id) = &record.id {
                    order.push((id.v.as_str(), fi, ri));
                }
            }
        }
        // Ids are mostly in order already: the stable sort finds the runs,
        // on every core.
        order.par_sort_by(|a, b| a.0.cmp(b.0));
        let mut diags = Vec::new();
        let mut place: Vec<(usize, usize)> = Vec::with_capacity(order.len());
        let mut first: Option<(&str, usize, usize)> = None;
        for &(id, fi, ri) in &order {
            match first {
                Some((seen, f0, r0)) if seen == id => {
                    let (Some((rel, file)), Some(at)) =
                        (files.get(fi), files.get(f0).and_then(|(_, f)| f.records.get(r0)))
                    else {
                        continue;
                    };
                    let span = file.records.get(ri).and_then(|r| r.id.as_ref()).map(|i| i.span.clone());
                    diags.push(
                        Diagnostic::error("duplicate-id", rel, span, format!("the claim id `{id}` is used twice"))
                            .label("second use")
                            .help(format!("the first is at {}; give this claim its own id", at.loc)),
                    );
                }
                _ => {
                    first = Some((id, fi, ri));
                    place.push((fi, ri));
                }
            }
        }
        drop(order);
        self.out.diagnostics.extend(diags);
        let claims = &mut self.out.corpus.claims;
        claims.reserve(place.len());
        for (fi, ri) in place {
            let claim = files
                .get_mut(fi)
                .and_then(|(_, f)| f.records.get_mut(ri))
                .and_then(|r| r.claim.take());
            if let Some(c) = claim {
                claims.push(c);
            }
        }
        for (_, file) in files {
            self.out.diagnostics.extend(file.diags);
            self.unparsed_claims |= file.unparsed;
            self.referenced.extend(file.referenced);
        }
    }

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
        let id = r.id("id");
        let source = r.string("source", true);
        let quote = r.string("quote", true);
        let subject = r.string("subject", true);
        let property = r.string("property", true);
        let value = r.value("value");
        let as_of = r.time_string("as_of", false);
        let since = r.time_string("since", false);
        let when = r.time_string("when", false);
        let said_by = r.string("said_by", false);
        let modality = r.string("modality", false);
        let derived = r.derived();
        // Which fields the quote checks skip: those `derived` explains.
        let exempt = |field: &str| derived.as_ref().is_some_and(|d| d.v.explains(field));
        let note = r.string("note", false);
        let retired = r.retired();
        let mut diags = r.finish();
        let (line, col) = lines.line_col(text, span.start);
        let loc = Loc {
            file: Arc::clone(file),
            line,
            col,
        };

        let mut record = ClaimRecord {
            id: id.clone(),
            loc: loc.clone(),
            claim: None,
        };
        // Its position, for anchoring the quote later.
        let src_at = source.as_ref().and_then(|s| {
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
        });
        let src = src_at.and_then(|i| self.out.corpus.sources.get(i));
        let prop = match (&subject, &property) {
            (Some(su), Some(pr)) => {
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
            _ => None,
        };
        let modality = match modality {
            None => Some(Modality::Asserted),
            Some(m) => match Modality::ALL.iter().find(|(n, _)| *n == m.v) {
                Some((_, m)) => Some(*m),
                None => {
                    diags.push(not_allowed(rel, &m, "modality", Modality::ALL.iter().map(|(n, _)| *n)));
                    None
                }
            },
        };
        if modality == Some(Modality::Reported) && said_by.is_none() {
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
        let tense = if modality == Some(Modality::Hedged) {
            Tense::Nearest
        } else {
            Tense::Past
        };
        let quote_text = quote.as_ref().map(|q| q.v.as_str());
        let resolve = |t: &Sp<String>, field: &str, diags: &mut Vec<Diagnostic>| {
            resolve_time(rel, t, field, src, (tense, quote_text), diags)
        };
        let as_of_r = as_of.as_ref().and_then(|t| resolve(t, "as_of", &mut diags));
        let since_r = since.as_ref().and_then(|t| resolve(t, "since", &mut diags));
        let when_r = when.as_ref().and_then(|t| resolve(t, "when", &mut diags));
        // The value, typed by the property's kind.
        let mut typed = None;
        if let (Some(p), Some(v)) = (prop, &value) {
            for (field, present, kinds) in [
                ("since", since.is_some(), &[Kind::State][..]),
                ("when", when.is_some(), &[Kind::Fact][..]),
            ] {
                if present && !kinds.contains(&p.kind) {
                    let sp = if field == "since" {
                        since.as_ref()
                    } else {
                        when.as_ref()
                    }
                    .map(|s| s.span.clone());
                    diags.push(
                        Diagnostic::error(
                            "field-not-for-kind",
                            rel,
                            sp,
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
            typed = self.typed_value(rel, p, v, src, (tense, quote_text), &mut diags);
        }
        // Every number and date the claim states must be in its quote.
        let p_unit = prop.and_then(|p| p.unit.as_deref());
        // The conversion of a figure given in another unit, shown with the claim.
        let conversion = match (&value, p_unit) {
            (
                Some(Sp {
                    v: RawValue::Str(s), ..
                }),
                Some(u),
            ) => quantity::in_other_unit(s, u)
                .map(|(n, w, f)| format!("given as {n} {w}; 1 {w} = {} {u}", quantity::fmt_num(f))),
            _ => None,
        };
        if let (Some(q), Some(v)) = (&quote, &typed) {
            if let (Value::Quantity(form), Some(raw), false) = (v, &value, exempt("value")) {
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
            let value_time = match (v, &value) {
                _ if exempt("value") => None,
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
                as_of.as_ref().filter(|_| !exempt("as_of")),
                since.as_ref().filter(|_| !exempt("since")),
                when.as_ref().filter(|_| !exempt("when")),
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
        let failed = diags.iter().any(|d| d.severity == crate::corpus::diag::Severity::Error);
        out.diags.extend(diags);
        // The quote is found in its source later, a source at a time
        // (`anchor_quotes`); a claim is kept only if it is found. Without
        // a claim, the quote is kept to be looked for, for its diagnostic.
        let record_at = out.records.len();
        let (id, src, q, p, value, modality) = match (failed, id, src, quote, prop, typed, modality) {
            (false, Some(id), Some(src), Some(q), Some(p), Some(value), Some(modality)) => {
                (id, src, q, p, value, modality)
            }
            (_, _, _, quote, _, _, _) => {
                if let (Some(q), Some(source)) = (quote, src_at) {
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
        if let Some(source) = src_at {
            out.quotes.push(QuoteToAnchor {
                record: record_at,
                source,
                span: q.span.clone(),
                text: None,
            });
        }
        let since = match (since, since_r, when, when_r) {
            (Some(t), Some(r), _, _) | (_, _, Some(t), Some(r)) => Some(TimeText { text: t.v, resolved: r }),
            _ => None,
        };
        record.claim = Some(Box::new(Claim {
            id: id.v,
            source: src.id.clone(),
            quote: q.v,
            subject: p.subject.clone(),
            property: p.property.clone(),
            value,
            as_of_hours: match &as_of_r {
                Some(r) => r.hours,
                None => src.now_hours(),
            },
            as_of: as_of_r.map(|r| r.interval).unwrap_or_else(|| src.now()),
            as_of_text: as_of.map(|a| a.v),
            since: since.map(Box::new),
            said_by: said_by.map(|s| s.v),
            modality,
            derived: derived.map(|d| d.v.to_string()),
            note: match (note.map(|n| n.v), conversion) {
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
            retired: retired.map(Box::new),
        }));
        out.records.push(record);
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
                let text = match &v.v {
                    RawValue::Str(s) => s.clone(),
                    RawValue::Num(n) => n.clone(),
                    _ => {
                        diags.push(wrong("a number or a quantity string such as \"about 100000\""));
                        return None;
                    }
                };
                // "6 miles" for a property in km: converted, and the figure
                // as written is what the quote is checked for.
                let unit = p.unit.as_deref().unwrap_or_default();
                let converted = quantity::in_other_unit(&text, unit);
                let parsed = match converted {
                    Some((number, _, factor)) => quantity::parse(number).map(|f| f.scaled(factor)),
                    None => quantity::parse(&text),
                };
                match parsed {
                    Ok(f) => Some(Value::Quantity(f)),
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

    /// `change_of` must name a declared quantity property.
    pub(super) fn check_change_of(&mut self) {
        let mut ds = Vec::new();
        let quantities: Vec<String> = self
            .out
            .corpus
            .properties
            .iter()
            .filter(|q| q.kind == Kind::Quantity)
            .map(|q| q.key())
            .collect();
        for p in &self.out.corpus.properties {
            let Some(of) = &p.change_of else { continue };
            if !quantities.contains(of) {
                let start = self.out.files.line_start(&p.loc.file, p.loc.line);
                let mut d = Diagnostic::error(
                    "unknown-property",
                    &p.loc.file,
                    Some(start..start + 12),
                    format!("`change_of = \"{of}\"` in `{}` names no quantity property", p.key()),
                );
                if let Some(m) = did_you_mean(of, quantities.iter().map(String::as_str)) {
                    d = d.help(format!("did you mean `{m}`?"));
                }
                ds.push(d);
            }
        }
        self.out.diagnostics.extend(ds);
    }
}

pub(super) fn self_header(span: &Range<usize>) -> Range<usize> {
    span.start..span.start + "[[property]]".len()
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
    let reference = src.and_then(|s| s.reference_date());
    // A date written in the article's language is read in that language
    // first, and the quote's tense decides a bare month or weekday.
    match time::resolve_in_context(&t.v, reference, tense, src.map(|s| s.language.as_str()), quote) {
        Ok(r) => Some(r),
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
            let label = if matches!(e, time::TimeError::Invalid(_)) {
                "not a real date"
            } else {
                "not a time expression"
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
