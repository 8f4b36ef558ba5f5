//! The spanned-record reader: one TOML table read field by field, every
//! value kept with its byte span so that each problem points at its place,
//! and every field not read reported as unknown.

use super::*;

/// What `derived` says was worked out rather than quoted.
#[derive(Clone, Debug)]
pub(super) enum Derived {
    /// The older form: one note, the whole claim exempt.
    All(String),
    /// Field name and how it was worked out.
    Fields(Vec<(&'static str, String)>),
}

impl Derived {
    pub(super) fn explains(&self, field: &str) -> bool {
        match self {
            Derived::All(_) => true,
            Derived::Fields(f) => f.iter().any(|(k, _)| *k == field),
        }
    }
}

impl std::fmt::Display for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Derived::All(s) => write!(f, "{s}"),
            Derived::Fields(fields) => {
                let parts: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                write!(f, "{}", parts.join("; "))
            }
        }
    }
}

/// A value with its byte span in its file.
#[derive(Clone, Debug)]
pub(super) struct Sp<T> {
    pub(super) v: T,
    pub(super) span: Range<usize>,
}

/// Parses TOML, reporting every syntax error; `offset` is where the TOML
/// starts in the file (after a source's `+++` line).
pub(super) fn parse_toml<'t>(
    rel: &str,
    toml_text: &'t str,
    offset: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<DeTable<'t>> {
    {
        let (table, errors) = DeTable::parse_recoverable(toml_text);
        if errors.is_empty() {
            return Some(table.into_inner());
        }
        for e in errors {
            let span = e.span().map(|s| s.start + offset..s.end + offset);
            let msg = e.message().trim().to_string();
            diags.push(
                Diagnostic::error("toml-syntax", rel, span, format!("malformed TOML: {msg}"))
                    .label(msg)
                    .help(
                        "strings need double quotes, arrays of records are written [[claim]], one `key = value` a line",
                    ),
            );
        }
        None
    }
}

/// A TOML value before it is typed by its property.
#[derive(Clone, Debug)]
pub(super) enum RawValue {
    Str(String),
    Num(String),
    Bool(bool),
    Other(&'static str),
}

impl RawValue {
    pub(super) fn type_name(&self) -> &'static str {
        match self {
            RawValue::Str(_) => "a string",
            RawValue::Num(_) => "a number",
            RawValue::Bool(_) => "a boolean",
            RawValue::Other(t) => t,
        }
    }
}

/// One TOML table being validated: reads fields by name, records what was
/// read, and reports type errors, missing fields and unknown fields.
///
/// The table's fields are listed once, each marked when read: a record has
/// a handful of fields and is asked for about fifteen names, and finding a
/// name among a few by length and bytes costs less than a search of the
/// parsed map's tree of strings (at 10^5 claims, those string comparisons
/// were a tenth of loading); a record with every field read has no
/// unknown field to look for.
pub(super) struct Rec<'a, 't> {
    pub(super) file: &'a str,
    pub(super) offset: usize,
    /// The table's fields in the map's order, and whether each was read.
    pub(super) fields: Vec<Field<'a, 't>>,
    pub(super) span: Range<usize>,
    pub(super) what: &'static str,
    pub(super) known: Vec<&'static str>,
    pub(super) diags: Vec<Diagnostic>,
}

/// One field of a [`Rec`]'s table.
pub(super) struct Field<'a, 't> {
    pub(super) key: &'a Spanned<std::borrow::Cow<'t, str>>,
    pub(super) value: &'a Spanned<DeValue<'t>>,
    pub(super) read: bool,
}

impl<'a, 't> Rec<'a, 't> {
    /// The most names a kind of record reads (a claim's or a property's
    /// fifteen), so the list of them is made once at its size.
    pub(super) const NAMES: usize = 16;

    pub(super) fn new(
        file: &'a str,
        offset: usize,
        table: &'a DeTable<'t>,
        span: Range<usize>,
        what: &'static str,
    ) -> Self {
        Rec {
            file,
            offset,
            fields: table
                .iter()
                .map(|(key, value)| Field {
                    key,
                    value,
                    read: false,
                })
                .collect(),
            span,
            what,
            known: Vec::with_capacity(Self::NAMES),
            diags: Vec::new(),
        }
    }

    /// Where the field `name` is in [`Rec::fields`].
    pub(super) fn position(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.key.get_ref().as_ref() == name)
    }

    /// The field `name`, marked as read.
    pub(super) fn get(&mut self, name: &'static str) -> Option<&'a Spanned<DeValue<'t>>> {
        self.known.push(name);
        let at = self.position(name)?;
        let field = self.fields.get_mut(at)?;
        field.read = true;
        Some(field.value)
    }

    /// The field `name`, without marking it.
    pub(super) fn peek(&self, name: &str) -> Option<&'a Spanned<DeValue<'t>>> {
        self.position(name).and_then(|at| self.fields.get(at)).map(|f| f.value)
    }

    pub(super) fn sp(&self, s: Range<usize>) -> Range<usize> {
        s.start + self.offset..s.end + self.offset
    }

    pub(super) fn header(&self) -> Range<usize> {
        let s = self.span.start + self.offset;
        s..s + 2 + self.what.len() + 2
    }

    pub(super) fn missing(&mut self, name: &str, example: &str) {
        let d = Diagnostic::error(
            "missing-field",
            self.file,
            Some(self.header()),
            format!("this {} has no `{name}`", self.what),
        )
        .label(format!("`{name}` is required"))
        .help(format!("add {name} = {example}"));
        self.diags.push(d);
    }

    pub(super) fn string(&mut self, name: &'static str, required: bool) -> Option<Sp<String>> {
        match self.get(name) {
            None => {
                if required {
                    self.missing(name, "\"...\"");
                }
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::String(s) if s.trim().is_empty() && required => {
                    let d = Diagnostic::error(
                        "missing-field",
                        self.file,
                        Some(self.sp(v.span())),
                        format!("`{name}` is empty"),
                    )
                    .label("empty string")
                    .help(format!("fill in `{name}`"));
                    self.diags.push(d);
                    None
                }
                DeValue::String(s) => Some(Sp {
                    v: s.to_string(),
                    span: self.sp(v.span()),
                }),
                other => {
                    let d = Diagnostic::error(
                        "wrong-type",
                        self.file,
                        Some(self.sp(v.span())),
                        format!("`{name}` must be a string"),
                    )
                    .label(format!("found {}", other.type_str()))
                    .help(format!("write {name} = \"...\""));
                    self.diags.push(d);
                    None
                }
            },
        }
    }

    /// `deprecated = "why"` and, optionally, `superseded_by = "id"`: a
    /// record an editor retired. A replacement without a reason is refused,
    /// since a reader of the files must learn why.
    pub(super) fn retired(&mut self) -> Option<crate::corpus::model::Retired> {
        let reason = self.string("deprecated", false);
        let superseded_by = self.string("superseded_by", false);
        match (reason, superseded_by) {
            (Some(r), s) => Some(crate::corpus::model::Retired {
                reason: r.v,
                superseded_by: s.map(|s| s.v),
            }),
            (None, Some(s)) => {
                self.diags.push(
                    Diagnostic::error(
                        "superseded-without-reason",
                        self.file,
                        Some(s.span),
                        format!("this {} is superseded by `{}` but says not why", self.what, s.v),
                    )
                    .label("no `deprecated` beside it")
                    .help("add deprecated = \"why it was retired\""),
                );
                None
            }
            (None, None) => None,
        }
    }

    /// `derived`: a table naming each field worked out rather than quoted
    /// (`derived = { as_of = "why" }`), or, in the older form, one string
    /// that exempts the whole claim (kept, with a warning).
    pub(super) fn derived(&mut self) -> Option<Sp<Derived>> {
        const FIELDS: [&str; 4] = ["value", "as_of", "since", "when"];
        let v = self.get("derived")?;
        let span = self.sp(v.span());
        match v.get_ref() {
            DeValue::String(s) => {
                self.diags.push(
                    Diagnostic::warning(
                        "derived-unscoped",
                        self.file,
                        Some(span.clone()),
                        "`derived` names no field, so no number or date of this claim is checked against its quote",
                    )
                    .label("exempts the whole claim")
                    .help("name the field it explains: derived = { as_of = \"...\" } (or value, since, when)"),
                );
                Some(Sp {
                    v: Derived::All(s.to_string()),
                    span,
                })
            }
            DeValue::Table(t) => {
                let mut fields = Vec::new();
                for (k, val) in t.iter() {
                    let key: &str = k.get_ref();
                    let Some(field) = FIELDS.iter().find(|f| **f == key) else {
                        let mut d = Diagnostic::error(
                            "unknown-field",
                            self.file,
                            Some(self.sp(k.span())),
                            format!("`derived.{key}` explains no field a quote is checked for"),
                        );
                        d = match did_you_mean(key, FIELDS) {
                            Some(m) => d.help(format!("did you mean `{m}`?")),
                            None => d.help("derived may explain value, as_of, since or when"),
                        };
                        self.diags.push(d);
                        continue;
                    };
                    match val.get_ref() {
                        DeValue::String(why) if !why.trim().is_empty() => fields.push((*field, why.to_string())),
                        _ => self.diags.push(
                            Diagnostic::error(
                                "wrong-type",
                                self.file,
                                Some(self.sp(val.span())),
                                format!("`derived.{key}` must say how it was worked out"),
                            )
                            .help(format!("write derived = {{ {key} = \"how it was worked out\" }}")),
                        ),
                    }
                }
                Some(Sp {
                    v: Derived::Fields(fields),
                    span,
                })
            }
            other => {
                self.diags.push(
                    Diagnostic::error(
                        "wrong-type",
                        self.file,
                        Some(span),
                        "`derived` must be a table of the fields it explains",
                    )
                    .label(format!("found {}", other.type_str()))
                    .help("write derived = { as_of = \"how it was worked out\" }"),
                );
                None
            }
        }
    }

    /// A time expression: a string, or a TOML date written without quotes.
    pub(super) fn time_string(&mut self, name: &'static str, required: bool) -> Option<Sp<String>> {
        if let Some(v) = self.peek(name) {
            if let DeValue::Datetime(dt) = v.get_ref() {
                self.get(name);
                return Some(Sp {
                    v: dt.to_string(),
                    span: self.sp(v.span()),
                });
            }
        }
        self.string(name, required)
    }

    pub(super) fn id(&mut self, name: &'static str) -> Option<Sp<String>> {
        let s = self.string(name, true)?;
        if valid_id(&s.v) {
            Some(s)
        } else {
            let d = Diagnostic::error("bad-id", self.file, Some(s.span.clone()), format!("`{}` is not a usable {name}", s.v))
                .label("ids are lower-case slugs")
                .help("use lower-case letters, digits, `-` and `_`, starting with a letter or digit, e.g. `armenia`, `csto-status`");
            self.diags.push(d);
            None
        }
    }

    pub(super) fn strings(&mut self, name: &'static str, required: bool) -> Option<Vec<Sp<String>>> {
        let v = match self.get(name) {
            None => {
                if required {
                    self.missing(name, "[\"...\"]");
                }
                return None;
            }
            Some(v) => v,
        };
        let DeValue::Array(items) = v.get_ref() else {
            let d = Diagnostic::error(
                "wrong-type",
                self.file,
                Some(self.sp(v.span())),
                format!("`{name}` must be an array of strings"),
            )
            .label(format!("found {}", v.get_ref().type_str()))
            .help(format!("write {name} = [\"...\", \"...\"]"));
            self.diags.push(d);
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Sp {
                    v: s.to_string(),
                    span: self.sp(item.span()),
                }),
                other => {
                    let d = Diagnostic::error(
                        "wrong-type",
                        self.file,
                        Some(self.sp(item.span())),
                        format!("`{name}` must hold only strings"),
                    )
                    .label(format!("found {}", other.type_str()));
                    self.diags.push(d);
                }
            }
        }
        Some(out)
    }

    pub(super) fn value(&mut self, name: &'static str) -> Option<Sp<RawValue>> {
        let Some(v) = self.get(name) else {
            self.missing(name, "... (typed by the property's kind)");
            return None;
        };
        let raw = match v.get_ref() {
            DeValue::String(s) => RawValue::Str(s.to_string()),
            // 0x10, 0o17, 0b101: not how news prints a figure.
            DeValue::Integer(i) if i.radix() != 10 => RawValue::Other("a hexadecimal, octal or binary integer"),
            DeValue::Integer(i) => RawValue::Num(i.as_str().replace('_', "")),
            DeValue::Float(f) => RawValue::Num(f.as_str().replace('_', "")),
            DeValue::Boolean(b) => RawValue::Bool(*b),
            DeValue::Datetime(d) => RawValue::Str(d.to_string()),
            DeValue::Array(_) => RawValue::Other("an array"),
            DeValue::Table(_) => RawValue::Other("a table"),
        };
        Some(Sp {
            v: raw,
            span: self.sp(v.span()),
        })
    }

    /// Reports unknown fields (with the nearest known name) and returns
    /// every diagnostic of this record.
    pub(super) fn finish(mut self) -> Vec<Diagnostic> {
        let mut unknown: Vec<_> = self.fields.iter().filter(|f| !f.read).map(|f| f.key).collect();
        unknown.sort_by_key(|k| k.span().start);
        for k in unknown {
            let name: &str = k.get_ref();
            let mut d = Diagnostic::error(
                "unknown-field",
                self.file,
                Some(self.sp(k.span())),
                format!("unknown field `{name}` in a {}", self.what),
            )
            .label(format!("not a {} field", self.what));
            d = match did_you_mean(name, self.known.iter().copied()) {
                Some(m) => d.help(format!("did you mean `{m}`?")),
                None => d.help(format!("{} fields are: {}", self.what, self.known.join(", "))),
            };
            self.diags.push(d);
        }
        self.diags
    }
}

pub(super) fn not_allowed<'c>(
    rel: &str,
    v: &Sp<String>,
    what: &str,
    allowed: impl IntoIterator<Item = &'c str>,
) -> Diagnostic {
    let allowed: Vec<&str> = allowed.into_iter().collect();
    let mut d = Diagnostic::error(
        "value-not-allowed",
        rel,
        Some(v.span.clone()),
        format!("`{}` is not an allowed {what}", v.v),
    )
    .label("not allowed");
    if let Some(m) = did_you_mean(&v.v, allowed.iter().copied()) {
        d = d.help(format!("did you mean `{m}`?"));
    }
    d.help(format!("allowed: {}", allowed.join(", ")))
}

/// A lower-case slug: letters, digits, `-`, `_`, `.`; no path separators.
/// The longest id: it names a file, and file names have limits.
pub const MAX_ID: usize = 100;

pub fn valid_id(s: &str) -> bool {
    // An id names a file (sources/<id>.txt): 100 characters at most.
    !s.is_empty()
        && s.len() <= MAX_ID
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        && !s.contains("..")
}

/// The `[[what]]` tables of a file; anything else at the top level is reported.
pub(super) fn records<'a, 't>(
    rel: &str,
    table: &'a DeTable<'t>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(Range<usize>, &'a DeTable<'t>)> {
    let mut out = Vec::new();
    for (k, v) in table.iter() {
        if k.get_ref().as_ref() != what {
            let mut d = Diagnostic::error(
                "unknown-field",
                rel,
                Some(k.span()),
                format!("unexpected top-level key `{}`", k.get_ref()),
            )
            .label(format!("this file holds [[{what}]] tables"));
            if did_you_mean(k.get_ref(), [what]).is_some() {
                d = d.help(format!("did you mean `[[{what}]]`?"));
            } else {
                d = d.help(format!("write each record as a [[{what}]] table"));
            }
            diags.push(d);
            continue;
        }
        match v.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => out.push((item.span(), t)),
                        _ => diags.push(
                            Diagnostic::error(
                                "wrong-type",
                                rel,
                                Some(item.span()),
                                format!("each `{what}` must be a table"),
                            )
                            .help(format!("write records as [[{what}]] followed by key = value lines")),
                        ),
                    }
                }
            }
            _ => diags.push(
                Diagnostic::error(
                    "wrong-type",
                    rel,
                    Some(v.span()),
                    format!("`{what}` must be an array of tables"),
                )
                .help(format!("write each record under its own [[{what}]] header")),
            ),
        }
    }
    out
}
