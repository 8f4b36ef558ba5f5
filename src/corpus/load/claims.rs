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
    /// Line, column, the span in the body, and the update of the page it
    /// sits under, if any.
    At(usize, usize, Range<usize>, Option<Box<Update>>),
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
                                let update = src.update_at(a.start).map(|(_, u)| Box::new(u.clone()));
                                Found::At(line, col, a.start..a.end, update)
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
                Found::At(line, col, span, update) => {
                    if let Some(c) = file.records.get_mut(ri).and_then(|r| r.claim.as_mut()) {
                        // A claim with no time of its own speaks of the
                        // moment of the update it sits under.
                        if let Some(u) = update.filter(|_| c.as_of_text.is_none()) {
                            c.as_of = u.time;
                            c.as_of_hours = u.hours;
                            c.as_of_text = Some(u.words());
                            c.under_update = true;
                        }
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

    /// `same_event_as` must name a declared event-date question.
    pub(super) fn check_same_event(&mut self) {
        let dates: Vec<String> = self
            .out
            .corpus
            .properties
            .iter()
            .filter(|q| q.kind == Kind::EventDate)
            .map(|q| q.key())
            .collect();
        let mut ds = Vec::new();
        for p in &self.out.corpus.properties {
            let Some(link) = &p.same_event_as else { continue };
            if dates.contains(&link.date) {
                continue;
            }
            let start = self.out.files.line_start(&p.loc.file, p.loc.line);
            let mut d = Diagnostic::error(
                "unknown-property",
                &p.loc.file,
                Some(start..start + 12),
                format!(
                    "`same_event_as = \"{}\"` in `{}` names no event-date question",
                    link.date,
                    p.key()
                ),
            );
            if let Some(m) = did_you_mean(&link.date, dates.iter().map(String::as_str)) {
                d = d.help(format!("did you mean `{m}`?"));
            }
            ds.push(d);
        }
        self.out.diagnostics.extend(ds);
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
