//! Figures and time expressions in a sentence, as the claims would write
//! them: the longest stretch around a number (or a date word) that the
//! readers claims go through ([`quantity::read_figure`],
//! [`time::resolve_in_context`]) read, so a suggestion's value loads as
//! the claim it becomes.

use std::ops::Range;

use jiff::civil::Date;

use super::words::is_cjk;
use crate::read::quantity::{self, Form};
use crate::read::time::{self, Resolved, Tense};

/// A figure found in a sentence.
#[derive(Clone, Debug)]
pub struct FoundFigure {
    /// Bytes of the sentence the figure is written in ("at least 381").
    pub span: Range<usize>,
    pub form: Form,
    /// The unit the reader saw ("percent"), if any.
    pub unit: Option<String>,
    /// Written in words ("three", "hundreds"), not digits.
    pub worded: bool,
}

/// A time expression found in a sentence.
#[derive(Clone, Debug)]
pub struct FoundTime {
    pub span: Range<usize>,
    pub resolved: Resolved,
    /// The year the sentence names before a day or month written without
    /// one ("The 2020 war ... on November 9"), which the claim's value
    /// adds and its quote takes in.
    pub year: Option<Range<usize>>,
}

impl FoundTime {
    /// The value as the claim writes it: the expression, with the year
    /// the sentence gives it when it has none of its own.
    pub fn value(&self, sentence: &str) -> String {
        let expr = sentence.get(self.span.clone()).unwrap_or_default();
        match self.year.clone().and_then(|y| sentence.get(y)) {
            Some(y) => format!("{}, {y}", expr.trim_start_matches("on ")),
            None => expr.to_string(),
        }
    }
}

/// A word of a sentence and its bytes, punctuation around it dropped.
#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
}

fn tokens(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_whitespace() || matches!(c, '—' | '–'), at) {
            (true, Some(st)) => {
                out.push(trim_token(s, st, i));
                at = None;
            }
            (false, None) => at = Some(i),
            _ => {}
        }
    }
    out.into_iter().filter(|t| t.start < t.end).collect()
}

/// A token without the punctuation that closes or opens a phrase around
/// it ("2024," "(about").
fn trim_token(s: &str, start: usize, end: usize) -> Token {
    let text = s.get(start..end).unwrap_or_default();
    let open = |c: char| matches!(c, '(' | '"' | '“' | '«' | '\'' | '‘' | '[');
    let close = |c: char| {
        matches!(
            c,
            ',' | '.' | ';' | ':' | ')' | '"' | '”' | '»' | '\'' | '’' | ']' | '!' | '?' | '—'
        )
    };
    let lead = text.len() - text.trim_start_matches(open).len();
    let body = text.trim_start_matches(open);
    let trail = body.len() - body.trim_end_matches(close).len();
    Token {
        start: start + lead,
        end: (end - trail).max(start + lead),
    }
}

/// Every time expression in `sentence`, longest first where two overlap.
pub fn times(sentence: &str, lang: &str, reference: Option<Date>) -> Vec<FoundTime> {
    let mut found = Vec::new();
    if sentence.chars().any(is_cjk) {
        found.extend(cjk_times(sentence, lang, reference));
    }
    let toks = tokens(sentence);
    let read = |r: Range<usize>| {
        let expr = sentence.get(r.clone())?;
        if !plausible_time(expr) || english_word(expr, lang) || counted_year(sentence, lang, &r) {
            return None;
        }
        // A cheap look first (English, then the article's language alone);
        // the reading itself is the one claims get.
        if !maybe_time(expr, lang, reference) {
            return None;
        }
        let ok = time::resolve_in_context(expr, reference, Tense::Nearest, Some(lang), Some(sentence)).ok()?;
        // "in a year" after a verb in the past is a duration, not a date.
        if ok.rule.contains("after the reference date") && time::tense_of(sentence, expr) != Some(Tense::Future) {
            return None;
        }
        Some(in_sentence_year(sentence, lang, r, ok))
    };
    let mut i = 0;
    while i < toks.len() {
        let Some(t) = toks.get(i) else { break };
        // Only a word that may be or hold a date starts a search, alone
        // or with the next ("last month").
        let pair = toks.get(i + 1).is_some_and(|n| read(t.start..n.end).is_some());
        if !pair && read(t.start..t.end).is_none() && !digits(sentence.get(t.start..t.end).unwrap_or_default()) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, FoundTime)> = None;
        for from in i.saturating_sub(3)..=i {
            for to in (i..(i + 5).min(toks.len())).rev() {
                let (Some(a), Some(b)) = (toks.get(from), toks.get(to)) else {
                    continue;
                };
                if found
                    .iter()
                    .any(|f: &FoundTime| f.span.start < b.end && a.start < f.span.end)
                {
                    continue;
                }
                if best.as_ref().is_some_and(|(_, bt)| bt.span.len() >= b.end - a.start) {
                    continue;
                }
                if let Some(ft) = read(a.start..b.end) {
                    best = Some((to, ft));
                }
            }
        }
        match best {
            Some((to, ft)) => {
                let ft = shortest(&toks, ft, &read);
                found.push(ft);
                i = to + 1;
            }
            None => i += 1,
        }
    }
    found.sort_by_key(|f| f.span.start);
    found
}

/// Whether `expr` may be a time expression: English reads it, or the
/// article's language turned into English does.
fn maybe_time(expr: &str, lang: &str, reference: Option<Date>) -> bool {
    let reads = |e: &str| {
        !matches!(
            time::resolve_english_only(e, reference, Tense::Nearest),
            Err(time::TimeError::Unrecognised(_))
        )
    };
    reads(expr)
        || (!lang.starts_with("en") && crate::read::lang::translate_only(expr, lang).is_some_and(|en| reads(&en)))
}

/// The expression without leading words that change nothing ("The 2020"
/// is "2020"; "by February 2024" keeps its "by").
fn shortest(toks: &[Token], ft: FoundTime, read: &dyn Fn(Range<usize>) -> Option<FoundTime>) -> FoundTime {
    let span = ft.span.clone();
    let mut best = ft;
    for t in toks.iter().filter(|t| t.start > span.start && t.start < span.end) {
        match read(t.start..best.span.end) {
            Some(shorter)
                if shorter.resolved.interval == best.resolved.interval
                    && shorter.resolved.modifier == best.resolved.modifier =>
            {
                best = shorter;
            }
            _ => break,
        }
    }
    best
}

/// Dates of scripts written without spaces: "2014年8月3日", "8月3日",
/// "3日16时30分", "昨天".
fn cjk_times(sentence: &str, lang: &str, reference: Option<Date>) -> Vec<FoundTime> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    // A constant pattern: it compiles on every run or on none, and the
    // unit tests run it.
    #[allow(clippy::expect_used)]
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:\d{1,2}时(?:\d{1,2}分)?)?|今天|昨天|前天|明天|今年|去年|上周|本周|上月|本月")
            .expect("a valid pattern")
    });
    re.find_iter(sentence)
        .filter(|m| !m.as_str().is_empty() && m.as_str().chars().any(|c| !c.is_ascii_digit()))
        .filter_map(|m| {
            let r = time::resolve_in_context(m.as_str(), reference, Tense::Nearest, Some(lang), Some(sentence)).ok()?;
            Some(FoundTime {
                span: m.range(),
                resolved: r,
                year: None,
            })
        })
        .collect()
}

/// A day or month written without its year takes the one year the
/// sentence names before it ("The 2020 war ... on November 9" is 9
/// November 2020); otherwise the reading stands.
fn in_sentence_year(sentence: &str, lang: &str, span: Range<usize>, r: Resolved) -> FoundTime {
    let plain = FoundTime {
        span: span.clone(),
        resolved: r.clone(),
        year: None,
    };
    let expr = sentence.get(span.clone()).unwrap_or_default();
    if !r.relative || expr.chars().filter(char::is_ascii_digit).count() >= 4 {
        return plain;
    }
    static YEAR: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    // A constant pattern, run by the unit tests.
    #[allow(clippy::expect_used)]
    let re = YEAR.get_or_init(|| regex::Regex::new(r"\b(19|20)\d\d\b").expect("a valid pattern"));
    let before = sentence.get(..span.start).unwrap_or_default();
    let years: Vec<regex::Match> = re.find_iter(before).collect();
    let [y] = years.as_slice() else { return plain };
    let with = format!("{} {}", expr.trim_start_matches("on "), y.as_str());
    match time::resolve_in(&with, None, Tense::Nearest, Some(lang)) {
        Ok(read) if !read.relative => FoundTime {
            span,
            resolved: read,
            year: Some(y.range()),
        },
        _ => plain,
    }
}

/// English writes its months and weekdays with a capital: a lone word in
/// lower case that reads as one ("may", "sat", "march") is a verb or a
/// noun, not a date. Words that are dates in lower case are kept.
fn english_word(expr: &str, lang: &str) -> bool {
    let t = expr.trim();
    lang.starts_with("en")
        && !t.contains(char::is_whitespace)
        && t.chars().next().is_some_and(char::is_lowercase)
        && !["yesterday", "today", "tonight", "tomorrow", "now"].contains(&t)
}

/// A bare four-digit number that counts something, not a year: what
/// follows it is a counted word ("2000 Menschen", "2059 weitere wurden
/// verletzt") or what precedes it makes it a bound ("mehr als 2000",
/// "at least 1500").
fn counted_year(sentence: &str, lang: &str, r: &Range<usize>) -> bool {
    let expr = sentence.get(r.clone()).unwrap_or_default().trim();
    if expr.len() != 4 || !expr.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let after: String = sentence
        .get(r.end..)
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let counted = !super::words::concepts_in(&after.to_lowercase()).is_empty()
        || after.split_whitespace().next().is_some_and(|w| {
            [
                "people",
                "persons",
                "personas",
                "personnes",
                "menschen",
                "pessoas",
                "persone",
                "человек",
                "weitere",
            ]
            .contains(&w.to_lowercase().trim_end_matches([',', '.']))
        });
    let bound = word_starts(sentence.get(..r.start).unwrap_or_default())
        .into_iter()
        .rev()
        .take(3)
        .any(|i| {
            let with = sentence.get(i..r.end).unwrap_or_default();
            quantity::read_figure(with, Some(lang), None).is_ok_and(|f| !matches!(f.reading.form, Form::Exact { .. }))
        });
    counted || bound
}

/// Not a bare number (a count, not a year) and not a lone little word.
fn plausible_time(expr: &str) -> bool {
    let t = expr.trim();
    if t.chars().all(|c| c.is_ascii_digit()) {
        return t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    }
    // A figure with separators or a scale word is a count ("2,068").
    !(t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
}

fn digits(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

/// Every figure in `sentence` outside `taken` (the time expressions).
pub fn figures(sentence: &str, lang: &str, taken: &[Range<usize>]) -> Vec<FoundFigure> {
    let mut out = Vec::new();
    let mut spans = numbers(sentence);
    spans.extend(amount_words(sentence, lang));
    spans.sort_by_key(|r| r.start);
    for num in spans {
        if taken.iter().any(|t| t.start < num.end && num.start < t.end) {
            continue;
        }
        if let Some(f) = widest_reading(sentence, lang, num) {
            if !out
                .iter()
                .any(|o: &FoundFigure| o.span.start < f.span.end && f.span.start < o.span.end)
            {
                out.push(f);
            }
        }
    }
    out
}

/// Words that stand for an amount: "three", "hundreds", "dozens" (not
/// "one", which is more often "a" than a count).
fn amount_words(sentence: &str, lang: &str) -> Vec<Range<usize>> {
    tokens(sentence)
        .into_iter()
        .filter(|t| {
            let w = sentence.get(t.start..t.end).unwrap_or_default();
            w.chars().count() >= 3
                && w.chars().all(char::is_alphabetic)
                && w.chars().next().is_some_and(char::is_lowercase)
        })
        .filter(|t| {
            let w = sentence.get(t.start..t.end).unwrap_or_default();
            quantity::read_figure(w, Some(lang), None).is_ok_and(|f| f.reading.form.numbers().iter().all(|v| *v >= 2.0))
        })
        .map(|t| t.start..t.end)
        .collect()
}

/// The runs of digits (with their group and decimal separators) that
/// stand for a count: not part of a word ("G7", "COVID-19"), an ordinal
/// ("32nd"), or a clock time ("8:36").
fn numbers(s: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let digit = |k: usize| chars.get(k).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !digit(k) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k;
        while end < chars.len() {
            let sep = chars
                .get(end)
                .is_some_and(|(_, c)| matches!(c, '.' | ',' | '\u{a0}' | '\u{202f}' | '\''));
            if digit(end) || (sep && digit(end + 1) && end > start) {
                end += 1;
            } else {
                break;
            }
        }
        let before = start.checked_sub(1).and_then(|b| chars.get(b)).map(|(_, c)| *c);
        let after = chars.get(end).map(|(_, c)| *c);
        let after2 = chars.get(end + 1).map(|(_, c)| *c);
        let in_word = before.is_some_and(|c| c.is_alphabetic() && !is_cjk(c)) || before == Some('-');
        let ordinal = after.is_some_and(|c| c.is_alphabetic() && !is_cjk(c) && !matches!(c, 'k' | 'm' | 'b'))
            || matches!(after, Some('º' | 'ª'));
        let clock =
            matches!(after, Some(':')) && after2.is_some_and(|c| c.is_ascii_digit()) || matches!(before, Some(':'));
        // "16日", "8月", "2014年": a day, month or year, not a count.
        let cjk_date = matches!(after, Some('日' | '月' | '年' | '时' | '分' | '号' | '点'));
        // "region[1]": a footnote mark.
        let footnote = before == Some('[') && after == Some(']');
        if !(in_word || ordinal || clock || cjk_date || footnote) {
            let b = chars.get(start).map_or(0, |(i, _)| *i);
            let e = chars.get(end).map_or(s.len(), |(i, _)| *i);
            out.push(b..e);
        }
        k = end;
    }
    out
}

/// The longest stretch around the number `num` that reads as a figure:
/// up to four words before it ("al menos", "more than", "près de") and
/// two after ("million", "mil 601"), or, in a script without spaces, up
/// to three characters before and two after ("约", "余", "万").
fn widest_reading(sentence: &str, lang: &str, num: Range<usize>) -> Option<FoundFigure> {
    let (lefts, rights) = stretches(sentence, &num);
    let mut best: Option<FoundFigure> = None;
    for &l in &lefts {
        for &r in &rights {
            if best.as_ref().is_some_and(|b| b.span.len() >= r - l) {
                continue;
            }
            let Some(expr) = sentence.get(l..r) else { continue };
            if let Ok(f) = quantity::read_figure(expr, Some(lang), Some(sentence)) {
                best = Some(FoundFigure {
                    span: l..r,
                    form: f.reading.form,
                    unit: f.unit,
                    worded: !sentence.get(num.clone()).is_some_and(digits),
                });
            }
        }
    }
    best
}

/// Where a figure around `num` may start and end.
fn stretches(sentence: &str, num: &Range<usize>) -> (Vec<usize>, Vec<usize>) {
    let before = sentence.get(..num.start).unwrap_or_default();
    let after = sentence.get(num.end..).unwrap_or_default();
    // A dash or bracket closes the figure ("$7.2 billion—a 300% leap").
    let after = after.split(['—', '–', '(', ')', '[']).next().unwrap_or_default();
    let mut lefts = vec![num.start];
    let mut rights = vec![num.end];
    // A currency sign written before the digits.
    if let Some(c) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '$' | '€' | '£' | '¥' | '₽'))
    {
        lefts.push(num.start - c.len_utf8());
    }
    let cjk_before: Vec<(usize, char)> = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_cjk(*c))
        .take(3)
        .collect();
    for (i, _) in &cjk_before {
        lefts.push(*i);
    }
    let mut at = num.end;
    for c in after
        .chars()
        .take_while(|c| is_cjk(*c) || matches!(c, '%' | '多'))
        .take(2)
    {
        at += c.len_utf8();
        rights.push(at);
    }
    // Whole words: up to four before, two after.
    let words_before: Vec<usize> = word_starts(before).into_iter().rev().take(4).collect();
    lefts.extend(words_before);
    let mut end = num.end;
    for w in after.split_inclusive(char::is_whitespace).take(3) {
        let word = w.trim_end();
        let clean = word.trim_end_matches([',', '.', ';', ':', ')', '”', '"']);
        end += w.len();
        let stop = end - (w.len() - clean.len());
        if clean.is_empty() {
            continue;
        }
        rights.push(stop);
        if clean.len() != word.len() {
            break; // punctuation closes the figure
        }
    }
    (lefts, rights)
}

/// Byte offsets where the words of `text` start, in order.
fn word_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && prev_space {
            out.push(i);
        }
        prev_space = c.is_whitespace();
    }
    // A clause break ends the search: "2016, 77 people" takes nothing before.
    let cut = text.rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
    out.into_iter().filter(|&i| i >= cut).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str, lang: &str) -> Vec<String> {
        figures(s, lang, &[])
            .into_iter()
            .map(|f| format!("{} = {}", s.get(f.span).unwrap_or_default(), f.form))
            .collect()
    }

    #[test]
    fn figures_are_read_with_their_qualifiers() {
        assert_eq!(
            figs("The quake killed at least 381 people.", "en"),
            ["at least 381 = at least 381"]
        );
        assert_eq!(figs("Hubo 16 mil 601 heridos, dijo.", "es"), ["16 mil 601 = 16,601"]);
        assert_eq!(figs("地震造成120余人死亡。", "zh"), ["120余 = more than 120"]);
        assert_eq!(figs("Foram 230.000 desabrigados.", "pt"), ["230.000 = 230,000"]);
        assert_eq!(
            figs("It killed hundreds of soldiers and three others.", "en"),
            ["hundreds = 200-999", "three = 3"]
        );
        // Clock times, ordinals and words with digits are not figures.
        assert!(figs("At 8:36 the 32nd G7 summit met.", "en").is_empty());
    }

    #[test]
    fn times_are_the_longest_reading() {
        let d = jiff::civil::date(2016, 4, 18);
        let found: Vec<String> = times("On Saturday, April 16, 2016, the quake struck.", "en", Some(d))
            .into_iter()
            .map(|t| {
                format!(
                    "{} = {}",
                    "On Saturday, April 16, 2016, the quake struck."
                        .get(t.span)
                        .unwrap_or_default(),
                    t.resolved.value
                )
            })
            .collect();
        // Words that change nothing ("On Saturday,") are left out.
        assert_eq!(found, ["April 16, 2016 = 2016-04-16"]);
        // "may" and "sat" in lower case are words, not dates.
        assert!(times("Prices may rise, he sat down.", "en", Some(d)).is_empty());
    }
}
