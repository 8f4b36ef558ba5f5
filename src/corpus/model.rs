//! The corpus as the rest of claimcheck sees it: validated sources,
//! properties and claims, with no I/O and no unchecked input left.
//!
//! Everything here has passed loading and validation (`load`), so the
//! comparison and the reports can rely on it: every claim's source and
//! property exist, its value has the property's type, its times are
//! resolved, and its quote is anchored in the source text.

use jiff::civil::Date;
use serde::Serialize;

use crate::read::quantity::{Form, Tolerance};
use crate::read::time::{DayPart, Interval, Resolved};

/// A place in a corpus file, for reports: `claims/csto.toml:12:1`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Loc {
    /// Shared by every claim of a file: one allocation per file, not two
    /// per claim.
    pub file: std::sync::Arc<str>,
    pub line: usize,
    pub col: usize,
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// What kind of text a source is; opinion and aggregators weigh differently
/// for an editor, and reports say which is which.
pub const SOURCE_KINDS: &[&str] = &[
    "news",
    "opinion",
    "analysis",
    "editorial",
    "aggregator",
    "reference",
    "press-release",
    "interview",
    "blog",
];

/// One article: its metadata and its verbatim text.
#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub file: std::sync::Arc<str>,
    pub title: String,
    pub outlet: String,
    pub authors: Vec<String>,
    pub url: Option<String>,
    /// When it was published, as written in the metadata and as resolved.
    pub published: TimeText,
    pub published_basis: String,
    /// The day the text itself counts from, where it differs from the
    /// publication date ("today, March 29, 2025" in a piece published in May).
    pub written: Option<TimeText>,
    pub kind: String,
    pub language: String,
    /// Later versions of a page updated in place, in text order for stamps
    /// and then as declared (see [`Source::update_at`]).
    pub updates: Vec<Update>,
    /// The outlet, wire or source id whose story this copies; copies are one voice.
    pub syndicated_from: Option<String>,
    /// The independent voice this source belongs to, resolved by loading:
    /// the normalised outlet of the story it copies (following
    /// `syndicated_from` through source ids), else its own outlet.
    pub voice: String,
    /// The whole file as read, shared with the diagnostics' copy rather
    /// than a second copy of every article: the body is
    /// `text[body_offset..]`, see [`Source::body`].
    pub text: std::sync::Arc<str>,
    /// Byte offset of the body in the file, to turn anchors into lines.
    pub body_offset: usize,
}

impl Source {
    /// The article's text, after its front matter.
    pub fn body(&self) -> &str {
        self.text.get(self.body_offset..).unwrap_or_default()
    }

    /// The day relative expressions in the text count from, when known to the day.
    pub fn reference_date(&self) -> Option<Date> {
        let t = self.written.as_ref().unwrap_or(&self.published);
        let iv = t.resolved.interval;
        iv.start.filter(|_| iv.is_day())
    }

    /// The day a relative word in a passage counts from: the day of the
    /// stamped update the passage sits under, when that is a later day than
    /// the page's own date ("yesterday" under "Updated 14 April" is 13
    /// April); else [`Source::reference_date`]. A declared update with no
    /// stamp in the text does not say which passages it changed, so it
    /// moves no reference.
    pub fn reference_date_at(&self, passage: &str) -> Option<Date> {
        let own = self.reference_date();
        if !self.updates.iter().any(|u| u.offset.is_some()) {
            return own;
        }
        let pos = self.body().find(passage)?;
        match self.update_at(pos) {
            Some((_, u)) if u.offset.is_some() && u.time.is_day() => {
                let day = u.time.start?;
                Some(own.map_or(day, |o| o.max(day)))
            }
            _ => own,
        }
    }

    /// The time the text describes as "now": the writing or publication date.
    pub fn now(&self) -> Interval {
        self.written.as_ref().unwrap_or(&self.published).resolved.interval
    }

    /// The latest time the page speaks of: its newest update, else [`Source::now`].
    pub fn last_version(&self) -> Interval {
        self.updates
            .iter()
            .map(|u| u.time)
            .filter(|t| self.now().before(t))
            .max_by_key(Interval::sort_key)
            .unwrap_or_else(|| self.now())
    }

    /// The part of the day of [`Source::now`], when the metadata gives a
    /// time ("2014-08-03T20:15+08:00").
    pub fn now_hours(&self) -> Option<DayPart> {
        self.written.as_ref().unwrap_or(&self.published).resolved.hours
    }

    /// The update a passage at byte `pos` of the body sits under, if the
    /// page was updated in place:
    /// - below a stamp, the nearest stamp above it;
    /// - above the first stamp, the newest update when the stamps run
    ///   newest first (a live page stacks its updates), else none (the
    ///   text as first published, to which later updates were appended);
    /// - on a page with declared updates and no stamps, the newest: the
    ///   text as captured is the page at its last update.
    pub fn update_at(&self, pos: usize) -> Option<(usize, &Update)> {
        let stamped: Vec<(usize, &Update)> = self
            .updates
            .iter()
            .enumerate()
            .filter(|(_, u)| u.offset.is_some())
            .collect();
        let newest = || {
            self.updates
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.cmp_time(b.1).then(b.0.cmp(&a.0)))
        };
        if stamped.is_empty() {
            return newest();
        }
        if let Some(&(i, u)) = stamped.iter().rev().find(|(_, u)| u.offset.is_some_and(|o| o <= pos)) {
            return Some((i, u));
        }
        let newest_first = stamped.len() > 1
            && stamped
                .iter()
                .zip(stamped.iter().skip(1))
                .all(|((_, a), (_, b))| a.cmp_time(b) == std::cmp::Ordering::Greater);
        if newest_first {
            newest()
        } else {
            None
        }
    }

    /// The independent voice this source belongs to (see [`Source::voice`]).
    pub fn voice(&self) -> String {
        self.voice.clone()
    }
}

/// A later version of a page updated in place: a stamp in its text
/// ("Updated 10:51 a.m. IST") or a time declared in `updated`.
#[derive(Clone, Debug)]
pub struct Update {
    /// The stamp as written, or the declared time.
    pub text: String,
    pub time: Interval,
    pub hours: Option<DayPart>,
    /// Where the stamp opens in the body; none for a declared update.
    pub offset: Option<usize>,
}

impl Update {
    /// Earlier or later: by day, then by time of day when both give one
    /// that orders them; otherwise equal.
    pub fn cmp_time(&self, other: &Update) -> std::cmp::Ordering {
        self.time.sort_key().cmp(&other.time.sort_key()).then_with(|| {
            self.hours
                .zip(other.hours)
                .and_then(|(a, b)| a.order(&b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
    }

    /// How a claim under this update names its moment in reports.
    pub fn words(&self) -> String {
        match self.offset {
            Some(_) => format!("the update stamped \"{}\"", self.text),
            None => format!("the page's update of {}", self.text),
        }
    }
}

/// An outlet or wire name as compared for independence: case and spacing
/// do not make a second voice ("The  Moscow times" is "The Moscow Times").
pub fn normalise_outlet(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A time expression as the editor wrote it, and its reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimeText {
    pub text: String,
    pub resolved: Resolved,
}

/// How a property's values behave, which decides how claims are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A value that changes over time (a membership status).
    State,
    /// When something happened.
    EventDate,
    /// A number with a unit (a trade volume, a death toll).
    Quantity,
    /// Something that did or did not happen.
    Fact,
    /// A framing or judgement, compared as framing, never as fact.
    Assessment,
}

impl Kind {
    pub const ALL: [(&'static str, Kind); 5] = [
        ("state", Kind::State),
        ("event-date", Kind::EventDate),
        ("quantity", Kind::Quantity),
        ("fact", Kind::Fact),
        ("assessment", Kind::Assessment),
    ];

    pub fn name(self) -> &'static str {
        Kind::ALL.iter().find(|(_, k)| *k == self).map_or("", |(n, _)| n)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Monotonic {
    Increasing,
    Decreasing,
}

/// A question the corpus answers: a subject and one of its properties.
#[derive(Clone, Debug)]
pub struct Property {
    pub subject: String,
    pub property: String,
    pub question: String,
    pub description: Option<String>,
    pub kind: Kind,
    /// Allowed values (state, assessment).
    pub values: Vec<String>,
    /// Allowed changes of a state, `(from, to)`; empty means any change.
    pub transitions: Vec<(String, String)>,
    pub unit: Option<String>,
    pub tolerance: Option<Tolerance>,
    pub monotonic: Option<Monotonic>,
    /// For a percentage change: the quantity property it is a change of...
    pub change_of: Option<String>,
    /// ...counted from this time (the change's end is each claim's as-of).
    pub baseline: Option<Interval>,
    /// Whether the answer is one fact for all time (a magnitude, a past
    /// event's toll, an event's date) rather than a value that changes
    /// (a death toll, a membership). Fixed answers are compared across all
    /// dates; changing ones in time. An event's date is fixed unless its
    /// question says `over_time = "changes"` (a date that moves).
    pub fixed: bool,
    /// The event this question's answers tell of, as the key of the
    /// event-date question that dates it (on a happened-yet fact or a
    /// status): the two must agree ("not yet" after the event's date is
    /// a conflict).
    pub same_event_as: Option<Linked>,
    /// Retired by an editor: left out of reports unless `--all`.
    pub retired: Option<Retired>,
    pub loc: Loc,
}

/// A question's link to the event-date question of the same event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linked {
    /// `subject/property` of the event-date question.
    pub date: String,
    /// For a status: the states that mean the event has happened (a
    /// `member` after joining). A fact's `true` means it has.
    pub happened: Vec<String>,
}

/// Why a claim or a question is retired, and what replaces it. Nothing is
/// deleted: a retired record stays in the files, its verdicts are kept,
/// and `--all` shows it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retired {
    /// `deprecated`: why.
    pub reason: String,
    /// `superseded_by`: the claim id (or `subject/property`) replacing it.
    pub superseded_by: Option<String>,
}

/// `subject/property`, the key of a question that claims, properties,
/// findings and reports use. Built by hand: every claim's key is made while
/// loading, and `format!` cost more than the look-ups it serves.
pub fn question_key(subject: &str, property: &str) -> String {
    let mut key = String::with_capacity(subject.len() + 1 + property.len());
    key.push_str(subject);
    key.push('/');
    key.push_str(property);
    key
}

impl Property {
    /// `subject/property`, the key claims and reports use.
    pub fn key(&self) -> String {
        question_key(&self.subject, &self.property)
    }

    /// Whether a state may change from `from` to `to`.
    pub fn allows(&self, from: &str, to: &str) -> bool {
        from == to || self.transitions.is_empty() || self.transitions.iter().any(|(a, b)| a == from && b == to)
    }
}

/// A claim's value, typed by its property's kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    State(String),
    /// Boxed: a date reading is large and most values are not dates, so
    /// every claim would otherwise carry its room.
    Date(Box<TimeText>),
    Quantity(Form),
    Fact(bool),
    Framing(String),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::State(s) | Value::Framing(s) => write!(f, "{s}"),
            Value::Date(t) => write!(f, "{} ({})", t.resolved.interval, t.text),
            Value::Quantity(q) => write!(f, "{q}"),
            Value::Fact(true) => write!(f, "yes"),
            Value::Fact(false) => write!(f, "no"),
        }
    }
}

/// How the source commits to a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// Stated as fact by the source.
    #[default]
    Asserted,
    /// Possible, likely, expected: never read as the fact itself.
    Hedged,
    /// Someone else's words, reported by the source (`said_by` names them).
    Reported,
    /// Someone's denial, reported by the source.
    Denied,
}

impl Modality {
    pub const ALL: [(&'static str, Modality); 4] = [
        ("asserted", Modality::Asserted),
        ("hedged", Modality::Hedged),
        ("reported", Modality::Reported),
        ("denied", Modality::Denied),
    ];

    pub fn name(self) -> &'static str {
        Modality::ALL.iter().find(|(_, m)| *m == self).map_or("", |(n, _)| n)
    }

    /// Whether the claim takes part in agreement and conflict, or is context only.
    pub fn commits(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported)
    }
}

/// One curated claim.
#[derive(Clone, Debug)]
pub struct Claim {
    pub id: String,
    pub source: String,
    pub quote: String,
    pub subject: String,
    pub property: String,
    pub value: Value,
    /// The time the claim describes: `as_of` as written, or the source's "now".
    pub as_of: Interval,
    /// The part of the day of `as_of`, when the claim or its source gives
    /// one ("Sunday evening", a publication time): it orders two updates
    /// of one day.
    pub as_of_hours: Option<DayPart>,
    pub as_of_text: Option<String>,
    /// True when the claim gives no time of its own and takes the moment of
    /// the page update it sits under (`as_of_text` then names the update).
    pub under_update: bool,
    /// When the state began (state) or the event happened (fact), if said.
    pub since: Option<Box<TimeText>>,
    pub said_by: Option<String>,
    /// The wire or outlet this claim's passage comes from, when a page
    /// mixes wires (`via = "Reuters"`), normalised like an outlet: the
    /// claim's voice instead of its source's.
    pub via: Option<String>,
    /// A figure the claim gives in another unit than its question's ("277
    /// miles" for a question in km), as written.
    pub converted: Option<Box<Converted>>,
    pub modality: Modality,
    pub derived: Option<String>,
    pub note: Option<String>,
    /// Where the claim is written.
    pub loc: Loc,
    /// Where the quote is in its source file.
    pub anchor: Loc,
    /// The quote's bytes in its source's body, as anchoring found them.
    pub quote_span: std::ops::Range<usize>,
    /// Retired by an editor: left out of reports unless `--all`.
    pub retired: Option<Box<Retired>>,
}

/// A figure written in another unit than its question's: what the article
/// wrote, and how precise that is in the question's unit. "6 miles" is 5.5
/// to 6.5 miles, so it does not conflict with the "10 km" it rounds.
#[derive(Clone, Debug, PartialEq)]
pub struct Converted {
    /// The figure and unit as written ("277 miles").
    pub written: String,
    /// Half a unit of the written figure's last significant digit, in the
    /// question's unit (0.5 mile = 0.805 km for "6 miles").
    pub half: f64,
    /// The converted figure rounded to the written figure's significant
    /// digits ("446" for "277 miles" in km), for reading.
    pub about: f64,
}

impl Claim {
    /// Its question's [`question_key`].
    pub fn key(&self) -> String {
        question_key(&self.subject, &self.property)
    }
}

/// FNV-1a, for maps keyed by a corpus's own short ids: a claim looks its
/// source up on every comparison, and the standard SipHash (which guards
/// against crafted keys from the network) cost more than the look-up.
pub struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> Self {
        IdHasher(FNV_OFFSET)
    }
}

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv_more(self.0, bytes);
    }
}

/// FNV-1a's starting value.
pub(crate) const FNV_OFFSET: u64 = 0xcbf29ce484222325;

/// FNV-1a's multiplier.
pub(crate) const FNV_PRIME: u64 = 0x100000001b3;

/// FNV-1a, 64-bit: a stable hash that does not depend on the platform or
/// the Rust version, unlike `DefaultHasher`.
pub fn fnv(bytes: &[u8]) -> u64 {
    fnv_more(FNV_OFFSET, bytes)
}

/// FNV-1a continued over more bytes: hashing a text in pieces gives the
/// hash of the whole.
pub(crate) fn fnv_more(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// A loaded, validated corpus, every list sorted by id.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub properties: Vec<Property>,
    /// Boxed: each claim is built where its file is parsed, on every core,
    /// and the list in id order is then made by moving pointers, not the
    /// claims (at 100,000 claims, merging went from about 40 to 20 ms and
    /// the run's page faults from about 64,000 to 54,000–59,000).
    pub claims: Vec<Box<Claim>>,
    /// Source positions by id, and property positions by subject and
    /// property, made by [`Corpus::sort`]; a look-up checks the item it
    /// finds, so a stale index only costs a binary search.
    source_index: ByHash,
    property_index: ByHash,
}

/// Positions in a list by the hash of each item's id, so that a look-up
/// hashes the id and compares it with one item, instead of comparing ids
/// down a binary search or with a map's own copies of them (every compare
/// a read from elsewhere in memory: 100,000 claims look up their source
/// and question while loading, and again while compared). A hash two ids
/// share marks neither, and those are found by binary search.
#[derive(Clone, Debug, Default)]
struct ByHash(std::collections::HashMap<u64, usize, std::hash::BuildHasherDefault<IdHasher>>);

impl ByHash {
    fn new(hashes: impl Iterator<Item = u64>) -> ByHash {
        let mut map: std::collections::HashMap<u64, usize, _> = Default::default();
        for (i, h) in hashes.enumerate() {
            map.entry(h).and_modify(|at| *at = usize::MAX).or_insert(i);
        }
        ByHash(map)
    }

    /// Where the item hashed `h` may be; the caller checks it.
    fn get(&self, h: u64) -> Option<usize> {
        self.0.get(&h).copied().filter(|&i| i != usize::MAX)
    }
}

/// The hash a property is indexed by: its `subject/property` key's.
fn property_hash(subject: &str, property: &str) -> u64 {
    fnv_more(
        fnv_more(fnv_more(FNV_OFFSET, subject.as_bytes()), b"/"),
        property.as_bytes(),
    )
}

impl Corpus {
    /// Makes the corpus what reports show by default: without retired
    /// claims, retired questions, or the claims of retired questions. In
    /// place, since a corpus holds every article's text.
    pub fn drop_retired(&mut self) {
        let retired: std::collections::HashSet<String> = self
            .properties
            .iter()
            .filter(|p| p.retired.is_some())
            .map(|p| p.key())
            .collect();
        let before = self.properties.len();
        self.properties.retain(|p| p.retired.is_none());
        if self.properties.len() != before {
            self.index_properties();
        }
        self.claims
            .retain(|c| c.retired.is_none() && !retired.contains(&c.key()));
    }

    /// Whether anything is retired (so [`Corpus::drop_retired`] changes it).
    pub fn has_retired(&self) -> bool {
        self.properties.iter().any(|p| p.retired.is_some()) || self.claims.iter().any(|c| c.retired.is_some())
    }

    /// The source with this id: looked up by its hash, else by a binary
    /// search, as loading sorts sources by id (a corpus built by hand must
    /// be [`Corpus::sort`]ed).
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_position(id).and_then(|i| self.sources.get(i))
    }

    /// The position of the source with this id in [`Corpus::sources`].
    pub fn source_position(&self, id: &str) -> Option<usize> {
        if let Some(i) = self.source_index.get(fnv(id.as_bytes())) {
            if self.sources.get(i).is_some_and(|s| s.id == id) {
                return Some(i);
            }
        }
        self.sources.binary_search_by(|s| s.id.as_str().cmp(id)).ok()
    }

    /// The claim with this id (binary search; claims are sorted by id).
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .and_then(|i| self.claims.get(i))
            .map(|c| &**c)
    }

    /// The property with this `subject/property` key.
    pub fn property(&self, key: &str) -> Option<&Property> {
        let (subject, property) = key.split_once('/')?;
        let at = |i: usize| {
            self.properties
                .get(i)
                .filter(|p| p.subject == subject && p.property == property)
        };
        if let Some(p) = self.property_index.get(property_hash(subject, property)).and_then(at) {
            return Some(p);
        }
        self.properties
            .binary_search_by(|p| (p.subject.as_str(), p.property.as_str()).cmp(&(subject, property)))
            .ok()
            .and_then(at)
    }

    /// Sorts every list the way loading does, so look-ups work and output
    /// does not depend on the order files and records were read in.
    pub fn sort(&mut self) {
        self.sources.sort_by(|a, b| a.id.cmp(&b.id));
        self.sort_properties();
        self.claims.sort_by(|a, b| a.id.cmp(&b.id));
        self.source_index = ByHash::new(self.sources.iter().map(|s| fnv(s.id.as_bytes())));
    }

    /// Sorts the properties alone, as [`Corpus::sort`] does, and indexes them.
    pub fn sort_properties(&mut self) {
        self.properties
            .sort_by(|a, b| (&a.subject, &a.property).cmp(&(&b.subject, &b.property)));
        self.index_properties();
    }

    fn index_properties(&mut self) {
        self.property_index = ByHash::new(self.properties.iter().map(|p| property_hash(&p.subject, &p.property)));
    }

    /// Whether the lists are in the order [`Corpus::sort`] gives.
    pub fn is_sorted(&self) -> bool {
        self.sources.is_sorted_by(|a, b| a.id <= b.id)
            && self
                .properties
                .is_sorted_by(|a, b| (&a.subject, &a.property) <= (&b.subject, &b.property))
            && self.claims.is_sorted_by(|a, b| a.id <= b.id)
    }
}

/// Whether a URL from the corpus is an `http(s)` link. Only those are
/// written into pages and exports: a `javascript:` or `data:` URL from the
/// corpus would run or load something when clicked.
pub fn is_web_url(u: &str) -> bool {
    let lower = u.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !u.chars().any(|c| c.is_control() || c == '"')
}

#[cfg(test)]
mod tests {
    /// A hash shared by two ids points at neither; the others point at
    /// their items.
    #[test]
    fn a_shared_hash_is_left_to_the_binary_search() {
        let index = super::ByHash::new([7, 9, 7, 11].into_iter());
        assert_eq!(index.get(7), None);
        assert_eq!(index.get(9), Some(1));
        assert_eq!(index.get(11), Some(3));
        assert_eq!(index.get(8), None);
    }

    /// Sources and questions are found by id through the hash index, and
    /// still after retired questions are dropped (which moves the rest).
    #[test]
    fn sources_and_properties_are_found_by_id_after_dropping_retired() {
        let properties = (0..6)
            .map(|i| {
                let retired = if i % 2 == 0 { "deprecated = \"merged\"\n" } else { "" };
                format!("[[property]]\nsubject = \"s{i}\"\nproperty = \"p\"\nquestion = \"Q{i}?\"\nkind = \"fact\"\n{retired}\n")
            })
            .collect::<String>();
        let source = "+++\ntitle = \"T\"\noutlet = \"O\"\npublished = \"2024-01-01\"\npublished_basis = \"Dateline.\"\nkind = \"news\"\nlanguage = \"en\"\n+++\nText.\n";
        let sources = [("sources/b.txt", source), ("sources/a.txt", source)];
        let mut loaded = crate::corpus::load::load_texts(&sources, Some(&properties), &[]);
        assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics);
        let corpus = &mut loaded.corpus;
        for i in 0..6 {
            assert_eq!(
                corpus.property(&format!("s{i}/p")).map(|p| p.question.as_str()),
                Some(format!("Q{i}?").as_str())
            );
        }
        corpus.drop_retired();
        for i in 0..6 {
            let found = corpus.property(&format!("s{i}/p")).map(|p| p.question.clone());
            assert_eq!(found, (i % 2 == 1).then(|| format!("Q{i}?")), "s{i}/p");
        }
        assert!(corpus.property("s1/q").is_none() && corpus.property("s1").is_none());
        assert_eq!(corpus.source("a").map(|s| s.id.as_str()), Some("a"));
        assert_eq!(corpus.source("b").map(|s| s.id.as_str()), Some("b"));
        assert!(corpus.source("c").is_none());
    }
}
