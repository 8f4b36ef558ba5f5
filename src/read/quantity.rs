//! Quantities with their form: exact, approximate, range, lower or upper
//! bound; and the search for a curated number in its quote.
//!
//! A curated number is only as good as its match with the text, and a typo
//! in a number is the most common curation error, so every number a claim
//! states must be found in its quote in one of the forms news text uses
//! (`230000`, `230,000`, `230.000`, `230 000`, `230 thousand`, `$7.2
//! billion`, `31%`, `four`, Arabic-Indic digits...).

use std::fmt;

use serde::Serialize;

use std::collections::BTreeMap;

use crate::read::cldr::{separators, Separators};

/// The form of a stated number.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "form", rename_all = "kebab-case")]
pub enum Form {
    Exact {
        value: f64,
    },
    Approx {
        value: f64,
    },
    Range {
        low: f64,
        high: f64,
    },
    AtLeast {
        value: f64,
    },
    AtMost {
        value: f64,
    },
    /// "more than 150,000", "over": kept apart from "at least" so the
    /// editor reads the words the article used. Compared as "at least":
    /// news writes "more than 150,000" of a count of 150,000, and a bound
    /// is never a conflict over its own figure.
    MoreThan {
        value: f64,
    },
    /// "less than 5", "under": compared as "at most".
    LessThan {
        value: f64,
    },
    /// "nearly 600", "almost", "just under": below the figure, and close.
    JustUnder {
        value: f64,
    },
    /// "just over 600", "slightly more than": above the figure, and close.
    JustOver {
        value: f64,
    },
}

/// How far an exact or approximate value may stray and still agree.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tolerance {
    Absolute(f64),
    Relative(f64),
}

impl Tolerance {
    fn amount(self, v: f64) -> f64 {
        match self {
            Tolerance::Absolute(a) => a,
            Tolerance::Relative(r) => (v * r).abs(),
        }
    }

    /// `5%` (relative) or `0.5` (absolute, in the property's unit).
    pub fn parse(s: &str) -> Result<Tolerance, String> {
        let s = s.trim();
        let plain = |t: &str| {
            t.chars().all(|c| c.is_ascii_digit() || c == '.')
                && t.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0).is_some()
        };
        if let Some(p) = s.strip_suffix('%') {
            let p = p.trim();
            if !plain(p) {
                return Err(format!(
                    "`{s}` is not a tolerance: write a percentage of zero or more, such as `5%`"
                ));
            }
            return Ok(Tolerance::Relative(p.parse::<f64>().unwrap_or_default() / 100.0));
        }
        if !plain(s) {
            return Err(format!(
                "`{s}` is not a tolerance: write `5%` or a number of zero or more"
            ));
        }
        Ok(Tolerance::Absolute(s.parse::<f64>().unwrap_or_default()))
    }
}

/// Words that give a figure a form, and the form they give it.
type FormWords = (&'static [&'static str], fn(f64) -> Form);

/// How far an approximate figure reaches: the property's tolerance, or
/// the default width if that is larger.
fn approx_width(value: f64, tolerance: Option<Tolerance>) -> f64 {
    tolerance
        .map_or(0.0, |t| t.amount(value))
        .max(APPROX_DEFAULT.amount(value))
}

/// The default width given to an approximate value ("about 100,000").
pub const APPROX_DEFAULT: Tolerance = Tolerance::Relative(0.10);

impl Form {
    /// The numbers the form states, to be found in the quote.
    pub fn numbers(&self) -> Vec<f64> {
        match *self {
            Form::Exact { value }
            | Form::Approx { value }
            | Form::AtLeast { value }
            | Form::AtMost { value }
            | Form::MoreThan { value }
            | Form::LessThan { value }
            | Form::JustUnder { value }
            | Form::JustOver { value } => {
                vec![value]
            }
            Form::Range { low, high } => vec![low, high],
        }
    }

    /// The values the claim allows, as a closed interval (infinite ends for bounds).
    pub fn interval(&self, tolerance: Option<Tolerance>) -> (f64, f64) {
        match *self {
            Form::Exact { value } => {
                let t = tolerance.map_or(0.0, |t| t.amount(value));
                (value - t, value + t)
            }
            Form::Approx { value } => (
                value - approx_width(value, tolerance),
                value + approx_width(value, tolerance),
            ),
            Form::Range { low, high } => (low, high),
            Form::AtLeast { value } | Form::MoreThan { value } => (value, f64::INFINITY),
            Form::AtMost { value } | Form::LessThan { value } => (f64::NEG_INFINITY, value),
            // Close below or above the figure: within the approximate width.
            Form::JustUnder { value } => (value - approx_width(value, tolerance), value),
            Form::JustOver { value } => (value, value + approx_width(value, tolerance)),
        }
    }
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Form::Exact { value } => write!(f, "{}", fmt_num(value)),
            Form::Approx { value } => write!(f, "about {}", fmt_num(value)),
            Form::Range { low, high } => write!(f, "{}-{}", fmt_num(low), fmt_num(high)),
            Form::AtLeast { value } => write!(f, "at least {}", fmt_num(value)),
            Form::AtMost { value } => write!(f, "at most {}", fmt_num(value)),
            Form::MoreThan { value } => write!(f, "more than {}", fmt_num(value)),
            Form::LessThan { value } => write!(f, "less than {}", fmt_num(value)),
            Form::JustUnder { value } => write!(f, "just under {}", fmt_num(value)),
            Form::JustOver { value } => write!(f, "just over {}", fmt_num(value)),
        }
    }
}

/// A figure with its question's unit, as English prints them: "381
/// people" but "1 person", "magnitude 7.8" (the scale before the figure),
/// "32nd" for a rank. Any other unit follows the figure as it is named.
pub fn with_unit(figure: &str, unit: Option<&str>) -> String {
    let Some(u) = unit else {
        return figure.to_string();
    };
    match u {
        "magnitude" => format!("magnitude {figure}"),
        "people" if figure == "1" => "1 person".to_string(),
        "rank" => match figure.parse::<u64>() {
            Ok(n) => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
            Err(_) => format!("rank {figure}"),
        },
        _ => format!("{figure} {u}"),
    }
}

/// A number written for people: `7.2 billion`, `100,000`, `31`.
pub fn fmt_num(v: f64) -> String {
    if v.is_infinite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v.abs() >= scale {
            let x = v / scale;
            return format!("{} {word}", trim_float(x));
        }
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as i64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        return if v < 0.0 { format!("-{out}") } else { out };
    }
    trim_float(v)
}

fn trim_float(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Words that put a figure just below its value ("nearly 600" is not 610).
const UNDER_WORDS: [&str; 6] = [
    "nearly",
    "almost",
    "just under",
    "just below",
    "not quite",
    "close to but under",
];
/// Words that put a figure just above its value.
const OVER_WORDS: [&str; 4] = ["just over", "just above", "slightly more than", "slightly over"];

const APPROX_WORDS: [&str; 10] = [
    "about",
    "approximately",
    "around",
    "close to",
    "roughly",
    "some",
    "an estimated",
    "estimated",
    "~",
    "circa",
];
const LOWER_WORDS: [&str; 2] = ["at least", ">="];
const MORE_WORDS: [&str; 6] = ["more than", "over", "above", "upwards of", "in excess of", ">"];
const UPPER_WORDS: [&str; 3] = ["at most", "up to", "<="];
const LESS_WORDS: [&str; 5] = ["less than", "fewer than", "under", "below", "<"];

/// Reads a curated quantity: `7.2 billion`, `about 100000`, `over 100,000`,
/// `200-300`, `between 200 and 300`, `at most 5`, `hundreds`.
pub fn parse(s: &str) -> Result<Form, String> {
    parse_with(s, None, None).map(|r| r.form)
}

/// A figure read in an article's language: its form, and the other form
/// when the language's separators allow two readings and the text does
/// not decide ([`number_in`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub form: Form,
    pub also: Option<Form>,
}

impl From<Form> for Reading {
    fn from(form: Form) -> Reading {
        Reading { form, also: None }
    }
}

/// [`parse`] in the article's language (a BCP 47 tag): its decimal and
/// group separators and compact number words from CLDR, so `230.000` in
/// Portuguese is 230000 and `1,08 millones` in Spanish 1.08 million. A
/// figure the language's separators cannot read but English ones can
/// (`1.08 million` in a Portuguese source's claim) is read the one way it
/// can. English, and a language claimcheck has no data for, read as
/// [`parse`] does.
pub fn parse_in(s: &str, lang: Option<&str>) -> Result<Reading, String> {
    let Some(seps) = lang
        .filter(|l| !l.to_ascii_lowercase().starts_with("en"))
        .and_then(separators)
    else {
        return parse(s).map(Reading::from);
    };
    let words = lang.and_then(figure_words);
    match parse_with(s, Some(&seps), words) {
        Ok(r) => Ok(r),
        Err(e) => parse(s).map(Reading::from).map_err(|_| e),
    }
}

fn parse_with(s: &str, seps: Option<&Separators>, words: Option<&FigureWords>) -> Result<Reading, String> {
    let t = dashes(&s.trim().to_lowercase());
    // A run of digits too long for any figure: say so, and do not echo it whole.
    let longest = t.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0);
    if longest > 16 {
        let shown: String = s.trim().chars().take(24).collect();
        return Err(format!(
            "`{shown}…` ({longest} digits) is larger than any figure claimcheck compares (at most 10^15)"
        ));
    }
    let err = || {
        format!(
            "`{s}` is not a quantity: write a number (`7.2 billion`, `100000`), optionally with \
             `about`, `over`/`at least`, `under`/`at most`, or a range `200-300`"
        )
    };
    if let Some(r) = words.and_then(|w| w.read(&t, seps)) {
        return Ok(r);
    }
    // Words that give a figure its form, most specific first ("just under"
    // before "under").
    let forms: [FormWords; 7] = [
        (&UNDER_WORDS, |value| Form::JustUnder { value }),
        (&OVER_WORDS, |value| Form::JustOver { value }),
        (&APPROX_WORDS, |value| Form::Approx { value }),
        (&LOWER_WORDS, |value| Form::AtLeast { value }),
        (&MORE_WORDS, |value| Form::MoreThan { value }),
        (&UPPER_WORDS, |value| Form::AtMost { value }),
        (&LESS_WORDS, |value| Form::LessThan { value }),
    ];
    for (words, form) in forms {
        for w in words {
            if let Some(rest) = strip_word(&t, w) {
                let (value, other) = number_with(rest, seps).ok_or_else(err)?;
                return Ok(Reading {
                    form: form(value),
                    also: other.map(form),
                });
            }
        }
    }
    match t.as_str() {
        "dozens" => return Ok(Form::Range { low: 24.0, high: 99.0 }.into()),
        "hundreds" => {
            return Ok(Form::Range {
                low: 200.0,
                high: 999.0,
            }
            .into())
        }
        "thousands" => {
            return Ok(Form::Range {
                low: 2000.0,
                high: 9999.0,
            }
            .into())
        }
        _ => {}
    }
    let range = t
        .strip_prefix("between ")
        .and_then(|r| r.split_once(" and "))
        .or_else(|| t.split_once(".."))
        .or_else(|| t.split_once(" to "))
        .or_else(|| {
            // "200-300", but not a negative number.
            let first = t.chars().next().map_or(0, char::len_utf8);
            t[first..].find('-').map(|i| (&t[..first + i], &t[first + i + 1..]))
        });
    if let Some((a, b)) = range {
        let (a, b) = (a.trim(), b.trim());
        let (mut low, _) = number_with(a, seps).ok_or_else(err)?;
        let (high, _) = number_with(b, seps).ok_or_else(err)?;
        // "between 2 and 3 million": the scale word covers both ends.
        if !a.chars().any(char::is_alphabetic) {
            if let Some((_, word)) = b.split_once(' ') {
                if let Some(scale) = scale_word(word.trim()) {
                    low *= scale;
                }
            }
        }
        if low > high {
            return Err(format!("the range `{s}` goes down: write the lower end first"));
        }
        return Ok(Form::Range { low, high }.into());
    }
    let (value, other) = number_with(&t, seps).ok_or_else(err)?;
    Ok(Reading {
        form: Form::Exact { value },
        also: other.map(|value| Form::Exact { value }),
    })
}

/// A figure read in its sentence ([`read_figure`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub reading: Reading,
    /// The unit written with the figure ("km", "percent"), or the word the
    /// sentence prints after it ("people").
    pub unit: Option<String>,
}

/// Reads a figure as `claimcheck number` and the claims do: in the
/// article's language ([`parse_in`]), with the sentence deciding a
/// separator its language leaves open (another number in it that can only
/// be read one way, "2,5" or "1.25", shows how the text writes decimals),
/// and the unit written with it or after it.
pub fn read_figure(expr: &str, lang: Option<&str>, sentence: Option<&str>) -> Result<Figure, String> {
    let (text, unit) = split_unit(expr);
    let reading = parse_in(text, lang)?;
    let reading = match sentence {
        Some(s) => decide_by_sentence(reading, expr, s),
        None => reading,
    };
    let unit = unit.or_else(|| sentence.and_then(|s| word_after(s, expr)));
    Ok(Figure { reading, unit })
}

/// A claim's figure in its question's unit: "10 km" for a question in km
/// is 10; a unit of another dimension ("10 kg" for km) is an error. The
/// quote decides separators as in [`read_figure`].
pub fn read_in_unit(
    text: &str,
    lang: Option<&str>,
    quote: Option<&str>,
    question_unit: &str,
) -> Result<Reading, String> {
    // Only a question in a unit of measure reads units in its values: in
    // others, "7.2 m" is 7.2 million.
    let (number, written) = match unit(question_unit) {
        Some(_) => split_unit(text),
        None => (text, None),
    };
    if let (Some(w), Some((dim_w, size_w))) = (&written, written.as_deref().and_then(unit)) {
        let same = unit(question_unit)
            .is_some_and(|(dim_q, size_q)| dim_q == dim_w && (size_w - size_q).abs() <= f64::EPSILON);
        if !same {
            return Err(format!(
                "`{}` is in {w}, which is not the question's unit ({question_unit})",
                text.trim()
            ));
        }
    }
    let reading = parse_in(if written.is_some() { number } else { text }, lang)?;
    Ok(match quote {
        Some(q) => decide_by_sentence(reading, text, q),
        None => reading,
    })
}

/// A figure whose separator reads two ways, decided by how the rest of its
/// sentence writes numbers: a point or comma followed by other than three
/// digits is a decimal separator; one that repeats groups.
pub fn decide_by_sentence(reading: Reading, expr: &str, sentence: &str) -> Reading {
    let Some(also) = reading.also else { return reading };
    let rest = sentence.replacen(expr.trim(), " ", 1);
    let mut point_decimal = None;
    for token in rest.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')) {
        let token = token.trim_matches(['.', ',']);
        let points = token.matches('.').count();
        let commas = token.matches(',').count();
        let after = |sep: char| token.rsplit(sep).next().map_or(0, str::len);
        if points == 1 && commas == 0 && after('.') != 3 {
            point_decimal = Some(true);
        } else if commas == 1 && points == 0 && after(',') != 3 || points > 1 {
            point_decimal = Some(false);
        }
    }
    match point_decimal {
        // The text writes decimals with a point: the decimal reading.
        Some(true) if expr.contains('.') => Reading { form: also, also: None },
        Some(true) => Reading { also: None, ..reading },
        Some(false) if expr.contains('.') => Reading { also: None, ..reading },
        Some(false) => Reading { form: also, also: None },
        None => reading,
    }
}

/// "10 km" -> ("10", Some("km")); "31%" -> ("31%", Some("percent")).
fn split_unit(expr: &str) -> (&str, Option<String>) {
    let t = expr.trim();
    if t.ends_with('%') {
        return (t, Some("percent".into()));
    }
    if let Some((u, _, _)) = UNITS
        .iter()
        .find(|(u, _, _)| !u.is_ascii() && t.ends_with(u) && t.len() > u.len())
    {
        return (t.get(..t.len() - u.len()).unwrap_or(t), Some((*u).to_string()));
    }
    match t.rsplit_once(' ') {
        Some((number, u)) if unit(u).is_some() => (number, Some(u.trim_end_matches('.').to_lowercase())),
        _ => (t, None),
    }
}

/// The word a sentence prints right after an expression ("381 people").
fn word_after(sentence: &str, expr: &str) -> Option<String> {
    let at = sentence.find(expr.trim())? + expr.trim().len();
    let rest = sentence.get(at..)?.trim_start();
    // Scripts without spaces: the measure word, one character ("120人").
    let cjk = rest.chars().next().is_some_and(|c| c > '\u{2e80}');
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(if cjk { 1 } else { usize::MAX })
        .collect();
    (!word.is_empty()).then(|| word.to_lowercase())
}

/// Makes a form from its figure.
type MakeForm = fn(f64) -> Form;

/// A language's words around figures (`data/lang/figures.toml`): what
/// CLDR does not carry.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureWords {
    #[serde(default)]
    just_under: Vec<String>,
    #[serde(default)]
    approx: Vec<String>,
    #[serde(default)]
    at_least: Vec<String>,
    #[serde(default)]
    at_most: Vec<String>,
    #[serde(default)]
    more_than: Vec<String>,
    #[serde(default)]
    less_than: Vec<String>,
    #[serde(default)]
    vague: BTreeMap<String, [f64; 2]>,
    #[serde(default)]
    more_after: Vec<String>,
    /// The words for one to twelve ("uno", "una" count as one in a list
    /// item written "uno|una"): CLDR's spelled-out numbers are rules, not
    /// words, and are not vendored.
    #[serde(default)]
    numbers: Vec<String>,
}

/// The figure words of a language tag's language, if written.
pub fn figure_words(tag: &str) -> Option<&'static FigureWords> {
    static WORDS: std::sync::OnceLock<BTreeMap<String, FigureWords>> = std::sync::OnceLock::new();
    let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    WORDS
        .get_or_init(|| toml::from_str(include_str!("../../data/lang/figures.toml")).unwrap_or_default())
        .get(&primary)
}

impl FigureWords {
    /// The number a small number word stands for (`zwei` is 2).
    pub fn number(&self, w: &str) -> Option<u32> {
        let w = w.to_lowercase();
        let i = self.numbers.iter().position(|n| n.split('|').any(|form| form == w))?;
        u32::try_from(i + 1).ok()
    }

    /// A figure with the language's words: a vague amount ("decenas"), a
    /// form word before it ("al menos 654"), or a "more than" mark after
    /// it ("150余"). `None` when it has none of them.
    fn read(&self, t: &str, seps: Option<&Separators>) -> Option<Reading> {
        if let Some([low, high]) = self.vague.get(t) {
            return Some(Form::Range { low: *low, high: *high }.into());
        }
        let forms: [(&Vec<String>, MakeForm); 6] = [
            (&self.just_under, |value| Form::JustUnder { value }),
            (&self.at_least, |value| Form::AtLeast { value }),
            (&self.at_most, |value| Form::AtMost { value }),
            (&self.more_than, |value| Form::MoreThan { value }),
            (&self.less_than, |value| Form::LessThan { value }),
            (&self.approx, |value| Form::Approx { value }),
        ];
        let mut prefixes: Vec<(&str, MakeForm)> = forms
            .iter()
            .flat_map(|(words, form)| words.iter().map(move |w| (w.as_str(), *form)))
            .collect();
        prefixes.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        for (w, form) in prefixes {
            let Some(rest) = t.strip_prefix(w) else { continue };
            // A word ends at a space, unless the script writes none (约150).
            let spaced = rest.starts_with(' ') || !w.is_ascii() && w.chars().all(|c| c > '\u{2e80}');
            if !spaced {
                continue;
            }
            let (value, other) = number_with(rest.trim(), seps)?;
            return Some(Reading {
                form: form(value),
                also: other.map(form),
            });
        }
        for mark in &self.more_after {
            if let Some(rest) = t.strip_suffix(mark.as_str()) {
                let (value, other) = number_with(rest.trim(), seps)?;
                return Some(Reading {
                    form: Form::MoreThan { value },
                    also: other.map(|value| Form::MoreThan { value }),
                });
            }
        }
        None
    }
}

/// Every dash read as what it is: the minus sign (U+2212) is a minus; an
/// en or em dash between two figures ("200–300") joins a range; any other
/// stays, and the figure is refused rather than guessed.
fn dashes(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (i, c) in chars.iter().enumerate() {
        let digit_at = |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(char::is_ascii_digit);
        match c {
            '\u{2212}' => out.push('-'),
            '\u{2013}' | '\u{2014}' if digit_at(i.checked_sub(1)) && digit_at(Some(i + 1)) => out.push('-'),
            c => out.push(*c),
        }
    }
    out
}

fn strip_word<'a>(t: &'a str, w: &str) -> Option<&'a str> {
    let rest = t.strip_prefix(w)?;
    if w.chars().all(|c| c.is_alphabetic() || c == ' ') && !rest.starts_with(' ') {
        return None;
    }
    Some(rest.trim())
}

/// One curated number: digits with `,` or `_` grouping and `.` decimals (or
/// a language's separators), an optional currency sign, `%`, and a scale
/// word (`thousand`, `million`, `bn`, or the language's compact words): the
/// value, and the other value when the separators allow two
/// ([`digits_in`]).
fn number_with(s: &str, seps: Option<&Separators>) -> Option<(f64, Option<f64>)> {
    let s = s
        .trim()
        .trim_start_matches(['$', '€', '£', '₽', '֏'])
        .trim_end_matches('%')
        .trim();
    if let Some(n) = crate::read::time::number_word(s) {
        return Some((n as f64, None));
    }
    // An ordinal word ("second", "the third") is its number, for ranks.
    if let Some(n) = ordinal_word(s.trim_start_matches("the ")) {
        return Some((n as f64, None));
    }
    // "16 mil 601": thousands, then fewer than a thousand (a language's
    // word for a thousand between them).
    if let Some(p) = seps {
        if let Some(v) = thousands_and_rest(s, p) {
            return Some((v, None));
        }
    }
    // An ordinal ("32nd") is its number, for properties that ask for a rank.
    let s = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| {
            s.strip_suffix(suffix)
                .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
        })
        .unwrap_or(s);
    // Digits grouped by spaces ("230 000") are one number in a language.
    let joined;
    let s = match seps {
        Some(_) => {
            joined = join_spaced_groups(s);
            joined.as_str()
        }
        None => s,
    };
    // A figure followed directly by a CJK scale character ("8万").
    let s_owned;
    let s = match s.char_indices().last() {
        Some((i, c)) if matches!(c, '千' | '万' | '萬' | '亿' | '億') && i > 0 => {
            s_owned = format!("{} {c}", s.get(..i).unwrap_or_default());
            s_owned.as_str()
        }
        _ => s,
    };
    let scale_of = |w: &str| scale_word(w).or_else(|| seps.and_then(|p| cldr_scale(p, w)));
    let (digits, scale) = match s.split_once(' ') {
        Some((d, w)) => (d, scale_of(w.trim())?),
        None => {
            let split = s.find(|c: char| c.is_alphabetic()).unwrap_or(s.len());
            let (d, w) = s.split_at(split);
            (d, if w.is_empty() { 1.0 } else { scale_of(w)? })
        }
    };
    // "two dozen", "three million": a number word with a scale.
    if let Some(n) = crate::read::time::number_word(digits.trim()) {
        return Some(n as f64 * scale)
            .filter(|v| v.is_finite() && v.abs() <= MAX_VALUE)
            .map(|v| (v, None));
    }
    let scaled = |v: f64| Some(v * scale).filter(|v| v.is_finite() && v.abs() <= MAX_VALUE);
    match seps {
        None => {
            if digits.is_empty() || !grouped_well(digits) {
                return None;
            }
            let clean: String = digits.chars().filter(|c| *c != ',' && *c != '_').collect();
            // Only plain decimals: no exponents, `inf` or `NaN`, and nothing
            // larger than any figure news prints.
            if !clean.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') {
                return None;
            }
            clean.parse::<f64>().ok().and_then(scaled).map(|v| (v, None))
        }
        Some(p) => {
            let (v, other) = digits_in(digits, p)?;
            Some((scaled(v)?, other.and_then(scaled)))
        }
    }
}

/// "16 mil 601" -> 16601: digits, the language's word for a thousand,
/// and three digits.
fn thousands_and_rest(s: &str, p: &Separators) -> Option<f64> {
    let mut words = s.split_whitespace();
    let (a, w, b) = (words.next()?, words.next()?, words.next()?);
    let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
    let thousand = scale_word(w) == Some(1e3) || cldr_scale(p, w) == Some(1e3);
    (words.next().is_none() && digits(a) && digits(b) && b.len() == 3 && thousand)
        .then(|| Some(a.parse::<f64>().ok()? * 1000.0 + b.parse::<f64>().ok()?))
        .flatten()
}

/// A compact number word of the language ("mil", "млн", "万"), lower case,
/// with or without its final period.
fn cldr_scale(seps: &Separators, w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    let w = w.trim_end_matches('.');
    seps.words.iter().find(|(k, _)| k == w).map(|(_, v)| *v)
}

/// "230 000 personas" -> "230000 personas": digit groups of three joined
/// across the spaces languages group with.
fn join_spaced_groups(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, c) in chars.iter().enumerate() {
        let spaced = matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
        let before = i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_digit);
        let after: String = chars.iter().skip(i + 1).take(4).collect();
        let three = after.chars().take(3).all(|d| d.is_ascii_digit())
            && after.chars().count() >= 3
            && !after.chars().nth(3).is_some_and(|d| d.is_ascii_digit());
        if spaced && before && three {
            continue;
        }
        out.push(*c);
    }
    out
}

/// Digits with a language's separators. One kind of separator: grouping
/// when every group after it has three digits and it may group, else the
/// decimal separator when it may be one. One separator followed by exactly
/// three digits reads both ways when the language may group and write
/// decimals with it (`1.500` in Spanish): grouping is chosen, since news
/// rarely prints three decimals, and the decimal reading is returned as
/// the other. Two kinds: the last, once, is the decimal separator.
fn digits_in(digits: &str, p: &Separators) -> Option<(f64, Option<f64>)> {
    let digits = digits.trim();
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, digits),
    };
    let sign = |v: f64| if negative { -v } else { v };
    let is_decimal = |c: char| c == p.decimal || Some(c) == p.other_decimal;
    let is_group = |c: char| p.groups.contains(&c);
    let seps: Vec<char> = digits.chars().filter(|c| !c.is_ascii_digit()).collect();
    let parts: Vec<&str> = digits.split(|c: char| !c.is_ascii_digit()).collect();
    if parts.iter().any(|g| g.is_empty()) || digits.is_empty() {
        return None;
    }
    let int = |groups: &[&str]| -> Option<f64> {
        let first = groups.first()?;
        let ok = (1..=3).contains(&first.len()) && groups.iter().skip(1).all(|g| g.len() == 3);
        ok.then(|| groups.concat().parse::<f64>().ok()).flatten()
    };
    let decimal = |whole: f64, frac: &str| -> Option<f64> { format!("{whole}.{frac}").parse::<f64>().ok() };
    let distinct: std::collections::BTreeSet<char> = seps.iter().copied().collect();
    match (distinct.len(), seps.len()) {
        (0, _) => digits.parse::<f64>().ok().map(|v| (sign(v), None)),
        (1, 1) => {
            let c = *seps.first()?;
            let (a, b) = (*parts.first()?, *parts.get(1)?);
            let group_reading = (is_group(c) && b.len() == 3 && a.len() <= 3)
                .then(|| int(&[a, b]))
                .flatten();
            let whole = a.parse::<f64>().ok()?;
            let decimal_reading = is_decimal(c).then(|| decimal(whole, b)).flatten();
            match (group_reading, decimal_reading) {
                (Some(_), Some(d)) if c == p.decimal && p.other_decimal.is_none() => Some((sign(d), None)),
                (Some(g), Some(d)) => Some((sign(g), Some(sign(d)))),
                (Some(g), None) => Some((sign(g), None)),
                (None, Some(d)) => Some((sign(d), None)),
                (None, None) => None,
            }
        }
        (1, _) => {
            let c = *seps.first()?;
            is_group(c).then(|| int(&parts)).flatten().map(|v| (sign(v), None))
        }
        (2, _) => {
            let last = *seps.last()?;
            let first = *seps.first()?;
            let once = seps.iter().filter(|c| **c == last).count() == 1;
            if !once || !is_decimal(last) || !is_group(first) || first == last {
                return None;
            }
            let (frac, whole) = parts.split_last()?;
            let whole = int(whole)?;
            decimal(whole, frac).map(|v| (sign(v), None))
        }
        _ => None,
    }
}

/// The largest magnitude a curated number may have (a quadrillion).
pub const MAX_VALUE: f64 = 1e15;

/// Thousands separators only between groups of three digits: `1,234,567`
/// and `1_000`, never `1,2,3`.
fn grouped_well(digits: &str) -> bool {
    let int = digits.split('.').next().unwrap_or_default();
    let int = int.trim_start_matches('-');
    let groups: Vec<&str> = int.split([',', '_']).collect();
    if groups.len() == 1 || digits.contains('_') && !digits.contains(',') {
        // Plain digits, or TOML-style `7_200_000` (any grouping).
        return groups.iter().all(|g| !g.is_empty());
    }
    groups.first().is_some_and(|g| (1..=3).contains(&g.len())) && groups.iter().skip(1).all(|g| g.len() == 3)
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w.trim_end_matches('.') {
        "k" | "thousand" | "thousands" | "mil" | "тыс" | "тысяч" | "тысячи" | "alf" | "ألف" => 1e3,
        "m" | "mn" | "mln" | "million" | "millions" | "млн" | "millones" | "millions de" | "مليون" => 1e6,
        "bn" | "b" | "billion" | "billions" | "млрд" | "mrd" | "milliard" | "milliards" | "مليار" => 1e9,
        "trillion" | "трлн" => 1e12,
        "dozen" | "dozens" => 12.0,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "千" => 1e3,
        "万" | "萬" => 1e4,
        "亿" | "億" => 1e8,
        _ => return None,
    })
}

/// Units news gives figures in, by dimension, with their size in the
/// dimension's base unit (metres, kilograms, square metres).
const UNITS: [(&str, &str, f64); 22] = [
    ("km", "length", 1000.0),
    // Chinese and Japanese write the unit right after the digits ("12千米").
    ("千米", "length", 1000.0),
    ("公里", "length", 1000.0),
    ("キロ", "length", 1000.0),
    ("米", "length", 1.0),
    ("公斤", "mass", 1.0),
    ("吨", "mass", 1000.0),
    ("kilometres", "length", 1000.0),
    ("kilometers", "length", 1000.0),
    ("miles", "length", 1609.344),
    ("mile", "length", 1609.344),
    ("mi", "length", 1609.344),
    ("m", "length", 1.0),
    ("metres", "length", 1.0),
    ("meters", "length", 1.0),
    ("feet", "length", 0.3048),
    ("ft", "length", 0.3048),
    ("kg", "mass", 1.0),
    ("tonnes", "mass", 1000.0),
    ("pounds", "mass", 0.45359237),
    ("lb", "mass", 0.45359237),
    ("hectares", "area", 10_000.0),
];

fn unit(name: &str) -> Option<(&'static str, f64)> {
    let n = name.trim().trim_end_matches('.').to_lowercase();
    UNITS.iter().find(|(u, _, _)| *u == n).map(|(_, d, f)| (*d, *f))
}

/// A figure written in another unit than its property's ("6 miles" for a
/// property in km): the figure as written, the unit written, and the factor
/// that converts it. `None` when the text ends in no known unit, in the
/// property's own unit, or in a unit of another dimension.
pub fn in_other_unit<'a>(text: &'a str, property_unit: &str) -> Option<(&'a str, &'a str, f64)> {
    let (number, written) = text.trim().rsplit_once(' ')?;
    let (dim_w, size_w) = unit(written)?;
    let (dim_p, size_p) = unit(property_unit)?;
    (dim_w == dim_p && (size_w - size_p).abs() > f64::EPSILON).then_some((number, written, size_w / size_p))
}

/// How precise a written figure is: the size of a unit of its last
/// significant digit, and how many significant digits it has. 277 is
/// (1, 3), 6.5 is (0.1, 2), 280 is (10, 2): a figure ending in zeros is
/// read as rounded to its last non-zero digit, as news rounds.
pub fn written_precision(value: f64) -> (f64, u32) {
    let v = value.abs();
    if v == 0.0 || !v.is_finite() {
        return (1.0, 1);
    }
    // Up to three decimals: a figure news writes has no more.
    let mut place = 0.001;
    while place < v && ((v / (place * 10.0)).round() * place * 10.0 - v).abs() < place * 1e-6 {
        place *= 10.0;
    }
    let place = (place * 1000.0).round() / 1000.0;
    let digits = (v.log10().floor() - place.log10().round()) as i32 + 1;
    (place, digits.max(1) as u32)
}

/// `value` rounded to `digits` significant digits (446 for 445.788 and 3).
pub fn round_significant(value: f64, digits: u32) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let scale = 10f64.powi(digits as i32 - 1 - value.abs().log10().floor() as i32);
    (value * scale).round() / scale
}

impl Form {
    /// The form's name in JSON and `claimcheck number`: "exact",
    /// "at-least", "more-than"...
    pub fn name(&self) -> &'static str {
        match self {
            Form::Exact { .. } => "exact",
            Form::Approx { .. } => "approx",
            Form::Range { .. } => "range",
            Form::AtLeast { .. } => "at-least",
            Form::AtMost { .. } => "at-most",
            Form::MoreThan { .. } => "more-than",
            Form::LessThan { .. } => "less-than",
            Form::JustUnder { .. } => "just-under",
            Form::JustOver { .. } => "just-over",
        }
    }

    /// The same form with every figure multiplied by `factor` (a unit
    /// conversion).
    pub fn scaled(self, factor: f64) -> Form {
        match self {
            Form::Exact { value } => Form::Exact { value: value * factor },
            Form::Approx { value } => Form::Approx { value: value * factor },
            Form::Range { low, high } => Form::Range {
                low: low * factor,
                high: high * factor,
            },
            Form::AtLeast { value } => Form::AtLeast { value: value * factor },
            Form::AtMost { value } => Form::AtMost { value: value * factor },
            Form::MoreThan { value } => Form::MoreThan { value: value * factor },
            Form::LessThan { value } => Form::LessThan { value: value * factor },
            Form::JustUnder { value } => Form::JustUnder { value: value * factor },
            Form::JustOver { value } => Form::JustOver { value: value * factor },
        }
    }
}

/// Every value a number in `text` may stand for, in every convention news
/// uses: `230.000` is 230000 in German and 230 in English, so both are kept.
pub fn numbers_in(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().map(ascii_digit).collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    while i < chars.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            i += 1;
            continue;
        }
        // A run of digits with separators between digit groups.
        let start = i;
        let mut j = i;
        while let Some(&c) = chars.get(j) {
            let sep = matches!(
                c,
                ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '٬' | '٫'
            );
            if c.is_ascii_digit() || (sep && digit(j + 1)) {
                j += 1;
            } else {
                break;
            }
        }
        let token: String = chars.iter().skip(start).take(j - start).collect();
        let rest: String = chars.iter().skip(j).take(24).collect();
        let scale = following_scale(&rest);
        // "16 mil 601" (Spanish, Portuguese): thousands, then the rest.
        let thousands_then = thousands_remainder(&rest);
        for v in interpretations(&token) {
            out.push(v);
            if let Some(sc) = scale {
                out.push(v * sc);
            }
            if let Some(r) = thousands_then {
                out.push(v * 1000.0 + r);
            }
        }
        i = j;
    }
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let w = word.to_lowercase();
        if let Some(n) = crate::read::time::number_word(&w).or_else(|| ordinal_word(&w)) {
            out.push(n as f64);
        }
    }
    out
}

fn ordinal_word(w: &str) -> Option<i64> {
    const ORD: [&str; 12] = [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh",
    ];
    ORD.iter().position(|o| *o == w).map(|i| i as i64)
}

fn ascii_digit(c: char) -> char {
    match c {
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '०'..='९' => char::from(b'0' + (c as u32 - '०' as u32) as u8),
        c => c,
    }
}

/// After a number, `mil 601` (a thousands word, then fewer than a thousand).
fn thousands_remainder(rest: &str) -> Option<f64> {
    let rest = rest.trim_start();
    let after = ["mil ", "ألف "].iter().find_map(|w| rest.strip_prefix(w))?;
    let digits: String = after.trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<f64>().ok().filter(|r| *r < 1000.0 && digits.len() == 3)
}

fn following_scale(rest: &str) -> Option<f64> {
    let rest = rest.trim_start_matches(['%', ')']).trim_start();
    // CJK scale characters follow the digits directly ("8万", "1.08万").
    if let Some(c) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '千' | '万' | '萬' | '亿' | '億'))
    {
        return scale_word(&c.to_string());
    }
    let word: String = rest.chars().take_while(|c| c.is_alphabetic() || *c == '.').collect();
    if word.is_empty() {
        return None;
    }
    scale_word(&word.to_lowercase())
}

/// The values a digit token can mean under each grouping convention.
fn interpretations(token: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let seps: Vec<char> = token.chars().filter(|c| !c.is_ascii_digit()).collect();
    if seps.is_empty() {
        out.extend(token.parse::<f64>().ok());
        return out;
    }
    let groups: Vec<&str> = token.split(|c: char| !c.is_ascii_digit()).collect();
    // Try each separator as the decimal mark (or none), the others as grouping.
    for decimal in [None, Some('.'), Some(','), Some('٫')] {
        // One decimal mark at most.
        if decimal.is_some_and(|d| seps.iter().filter(|c| **c == d).count() > 1) {
            continue;
        }
        let mut s = groups.first().copied().unwrap_or_default().to_string();
        let mut ok = true;
        // Group k follows separator k - 1.
        for (g, sep) in groups.iter().skip(1).zip(&seps) {
            if Some(*sep) == decimal {
                s.push('.');
                s.push_str(g);
            } else if g.len() == 3 && !s.contains('.') {
                s.push_str(g);
            } else {
                ok = false;
                break;
            }
        }
        if ok {
            if let Ok(v) = s.parse::<f64>() {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
    }
    // "1,5" may also be two numbers; a leading group still counts on its own.
    for g in &groups {
        if let Ok(v) = g.parse::<f64>() {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// True when `value` is among the numbers of `text`.
pub fn appears_in(value: f64, text: &str) -> bool {
    numbers_in(text)
        .iter()
        .any(|n| (n - value).abs() <= 1e-9 * value.abs().max(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_news_in_other_languages_writes_them() {
        assert!(appears_in(16601.0, "los heridos suman 16 mil 601, según el gobierno"));
        assert!(appears_in(25000.0, "unas 25 mil personas"));
        assert!(appears_in(1.08e6, "1,08 millones de personas"));
        assert!(appears_in(72000.0, "نحو 72 ألف شخص"));
        assert!(appears_in(10800.0, "受灾人数达1.08万人"));
        assert!(appears_in(80000.0, "约8万人"));
        assert!(appears_in(200000.0, "about 2 lakh people"));
        assert!(
            !appears_in(16601.0, "16 mil personas y 601 heridos"),
            "601 must follow the thousands directly"
        );
    }

    /// Figures as each language writes them, with separators from CLDR.
    #[test]
    fn figures_in_the_article_language() {
        let read = |s: &str, lang: &str| parse_in(s, Some(lang)).unwrap();
        let exact = |value: f64| Form::Exact { value };
        assert_eq!(read("230.000", "pt").form, exact(230000.0));
        assert_eq!(read("212.000", "pt-BR").form, exact(212000.0));
        assert_eq!(read("230.000", "en").form, exact(230.0));
        assert_eq!(read("1.08 million", "pt").form, exact(1.08e6));
        assert_eq!(read("1,08 millones", "es").form, exact(1.08e6));
        assert_eq!(read("16 mil 601", "es").form, exact(16601.0));
        assert_eq!(read("230 000", "fr").form, exact(230000.0));
        assert_eq!(read("230\u{202f}000", "fr").form, exact(230000.0));
        assert_eq!(read("3,5 Millionen", "de").form, exact(3.5e6));
        assert_eq!(read("1,5 млн", "ru").form, exact(1.5e6));
        assert_eq!(read("около 300", "ru").form, Form::Approx { value: 300.0 });
        assert_eq!(read("al menos 654", "es").form, Form::AtLeast { value: 654.0 });
        assert_eq!(read("150余", "zh").form, Form::MoreThan { value: 150.0 });
        assert_eq!(read("约150", "zh").form, Form::Approx { value: 150.0 });
        assert_eq!(read("1.08万", "zh").form, exact(10800.0));
        assert_eq!(
            read("مئات", "ar").form,
            Form::Range {
                low: 200.0,
                high: 999.0
            }
        );
        assert_eq!(read("decenas", "es").form, Form::Range { low: 20.0, high: 99.0 });
        // Spanish writes decimals both ways: a point and three digits read
        // as grouping, with the decimal reading beside it; a region decides.
        let es = read("1.500", "es");
        assert_eq!((es.form, es.also), (exact(1500.0), Some(exact(1.5))));
        assert_eq!(read("1.500", "es-MX"), Reading::from(exact(1.5)));
        assert_eq!(read("1.500", "es-ES"), Reading::from(exact(1500.0)));
        assert!(parse_in("1.2.3", Some("pt")).is_err());
    }

    /// The sentence decides a separator its language leaves open, and
    /// gives the unit.
    #[test]
    fn the_sentence_decides_and_names_the_unit() {
        let f = |e: &str, s: &str| read_figure(e, Some("es"), Some(s)).unwrap();
        let exact = |value: f64| Form::Exact { value };
        let grouped = f("1.500", "Hubo 1.500 heridos y 2,5 millones de desplazados.");
        assert_eq!(grouped.reading, Reading::from(exact(1500.0)));
        assert_eq!(grouped.unit.as_deref(), Some("heridos"));
        let decimal = f("1.500", "La tasa subió 1.500 puntos frente a 2.25 del año pasado.");
        assert_eq!(decimal.reading, Reading::from(exact(1.5)));
        let open = f("1.500", "Hubo 1.500 heridos.");
        assert_eq!(open.reading.also, Some(exact(1.5)));
        let km = read_figure("10 km", Some("en"), None).unwrap();
        assert_eq!((km.reading.form, km.unit.as_deref()), (exact(10.0), Some("km")));
    }

    #[test]
    fn every_dash_is_read_as_what_it_is() {
        assert_eq!(
            parse("200\u{2013}300"),
            Ok(Form::Range {
                low: 200.0,
                high: 300.0
            })
        );
        assert_eq!(
            parse("200\u{2014}300"),
            Ok(Form::Range {
                low: 200.0,
                high: 300.0
            })
        );
        assert_eq!(parse("\u{2212}5"), Ok(Form::Exact { value: -5.0 }));
        assert!(parse("\u{2013}5").is_err(), "a dash before a figure is no minus");
    }

    #[test]
    fn the_figure_words_file_parses() {
        let words: BTreeMap<String, FigureWords> =
            toml::from_str(include_str!("../../data/lang/figures.toml")).unwrap();
        assert!(words.len() >= 12);
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(parse("7.2 billion"), Ok(Form::Exact { value: 7.2e9 }));
        assert_eq!(parse("$1.7bn"), Ok(Form::Exact { value: 1.7e9 }));
        assert_eq!(parse("100,000"), Ok(Form::Exact { value: 100000.0 }));
        assert_eq!(parse("about 100000"), Ok(Form::Approx { value: 100000.0 }));
        assert_eq!(parse("over 100,000"), Ok(Form::MoreThan { value: 100000.0 }));
        assert_eq!(
            parse("more than 150,000").map(|f| f.to_string()),
            Ok("more than 150,000".into())
        );
        assert_eq!(
            parse("at least 150,000").map(|f| f.to_string()),
            Ok("at least 150,000".into())
        );
        assert_eq!(parse("fewer than 5"), Ok(Form::LessThan { value: 5.0 }));
        assert_eq!(parse("at most 5"), Ok(Form::AtMost { value: 5.0 }));
        assert_eq!(
            parse("200-300"),
            Ok(Form::Range {
                low: 200.0,
                high: 300.0
            })
        );
        assert_eq!(
            parse("between 2 and 3 million"),
            Ok(Form::Range { low: 2e6, high: 3e6 })
        );
        assert_eq!(parse("31%"), Ok(Form::Exact { value: 31.0 }));
        assert_eq!(parse("four"), Ok(Form::Exact { value: 4.0 }));
        assert_eq!(
            parse("hundreds"),
            Ok(Form::Range {
                low: 200.0,
                high: 999.0
            })
        );
        assert!(parse("300-200").unwrap_err().contains("goes down"));
        // Just under / just over: an interval that ends or starts at the figure.
        assert_eq!(parse("nearly 600"), Ok(Form::JustUnder { value: 600.0 }));
        assert_eq!(parse("nearly 600").unwrap().interval(None), (540.0, 600.0));
        assert_eq!(parse("just over 600").unwrap().interval(None), (600.0, 660.0));
        assert_eq!(parse("close to 600"), Ok(Form::Approx { value: 600.0 }));
        assert_eq!(parse("more than two dozen"), Ok(Form::MoreThan { value: 24.0 }));
        assert_eq!(parse("32nd"), Ok(Form::Exact { value: 32.0 }));
        assert_eq!(parse("8万"), Ok(Form::Exact { value: 80000.0 }));
        assert_eq!(parse("2 lakh"), Ok(Form::Exact { value: 200000.0 }));
        let (n, u, f) = in_other_unit("6 miles", "km").unwrap();
        assert_eq!((n, u), ("6", "miles"));
        assert!((parse(n).unwrap().scaled(f).interval(None).0 - 9.656064).abs() < 1e-9);
        assert_eq!(in_other_unit("6 km", "km"), None);
        assert_eq!(in_other_unit("6 kg", "km"), None);
        assert!(parse("lots").unwrap_err().contains("is not a quantity"));
        // A first character of several bytes is no reason to panic.
        assert!(parse("≈100-200").unwrap_err().contains("is not a quantity"));
    }

    #[test]
    fn written_figures_say_their_precision() {
        assert_eq!(written_precision(277.0), (1.0, 3));
        assert_eq!(written_precision(6.0), (1.0, 1));
        assert_eq!(written_precision(280.0), (10.0, 2));
        assert_eq!(written_precision(6.5), (0.1, 2));
        assert_eq!(written_precision(1200.0), (100.0, 2));
        assert_eq!(round_significant(445.788, 3), 446.0);
        assert_eq!(round_significant(9.656, 1), 10.0);
        assert_eq!(round_significant(10.4607, 2), 10.0);
    }

    #[test]
    fn intervals_carry_the_form() {
        assert_eq!(Form::Exact { value: 100.0 }.interval(None), (100.0, 100.0));
        assert_eq!(
            Form::Exact { value: 100.0 }.interval(Some(Tolerance::Relative(0.05))),
            (95.0, 105.0)
        );
        assert_eq!(Form::Approx { value: 100.0 }.interval(None), (90.0, 110.0));
        assert_eq!(Form::AtLeast { value: 5.0 }.interval(None), (5.0, f64::INFINITY));
    }

    #[test]
    fn finds_numbers_in_news_forms() {
        for text in [
            "230000 people",
            "230,000 people",
            "230.000 Menschen",
            "230 000 personnes",
            "230\u{202f}000 personnes",
            "230 thousand",
            "230 mil personas",
            "230 тыс. человек",
            "٢٣٠٬٠٠٠ شخص",
        ] {
            assert!(appears_in(230000.0, text), "{text}");
        }
        assert!(appears_in(7.2e9, "bilateral commerce hit $7.2 billion"));
        assert!(appears_in(31.0, "just 31% of Armenians"));
        assert!(appears_in(4.0, "killed four Armenian soldiers"));
        assert!(appears_in(50.0, "a happy 50th birthday"));
        assert!(appears_in(1.5, "1,5 Millionen"));
        assert!(appears_in(1.5e6, "1,5 млн"));
    }

    #[test]
    fn a_typo_is_not_found() {
        assert!(!appears_in(7.3e9, "bilateral commerce hit $7.2 billion"));
        assert!(!appears_in(230001.0, "230,000 people"));
        assert!(!appears_in(32.0, "just 31% of Armenians"));
    }

    /// Units read as English prints them, not as "figure unit" always.
    #[test]
    fn units_read_as_english() {
        assert_eq!(with_unit("1", Some("people")), "1 person");
        assert_eq!(with_unit("about 2,400", Some("people")), "about 2,400 people");
        assert_eq!(with_unit("7.8", Some("magnitude")), "magnitude 7.8");
        assert_eq!(with_unit("32", Some("rank")), "32nd");
        assert_eq!(with_unit("11", Some("rank")), "11th");
        assert_eq!(with_unit("101", Some("rank")), "101st");
        assert_eq!(with_unit("about 30", Some("rank")), "rank about 30");
        assert_eq!(with_unit("48 million", Some("EUR")), "48 million EUR");
        assert_eq!(with_unit("31", None), "31");
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(fmt_num(7.2e9), "7.2 billion");
        assert_eq!(fmt_num(100000.0), "100,000");
        assert_eq!(fmt_num(31.0), "31");
    }
}
