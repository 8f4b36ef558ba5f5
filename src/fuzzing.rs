//! Entry points for the fuzz targets (`fuzz/`) and their regression test
//! (`tests/fuzz_regressions.rs`): each takes any bytes and must return
//! without panicking, looping or overflowing the stack. Keeping them in the
//! library means the regression test replays exactly what the fuzzer ran.

use jiff::civil::date;

use crate::read::time::Tense;

/// Splits at NUL bytes into at most `n` parts, decoding each lossily.
fn parts(data: &[u8], n: usize) -> Vec<String> {
    data.splitn(n, |b| *b == 0)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect()
}

/// A source, properties.toml and a claims file, loaded, validated and
/// compared (the report's analysis and the JSON report's serialisation).
pub fn load(data: &[u8]) {
    let p = parts(data, 3);
    let get = |i: usize| p.get(i).map(String::as_str).unwrap_or_default();
    let loaded =
        crate::corpus::load::load_texts(&[("sources/a.txt", get(0))], Some(get(1)), &[("claims/c.toml", get(2))]);
    let _ = crate::corpus::diag::render(&loaded.diagnostics, &loaded.files, false);
    let analysis = crate::compare::analyse(&loaded.corpus);
    let _ = serde_json::to_string(&analysis);
}

/// The time expression reader, with and without a reference date.
pub fn time(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    for tense in [Tense::Past, Tense::Future, Tense::Nearest] {
        for reference in [
            None,
            Some(date(2025, 6, 9)),
            Some(date(-9999, 1, 1)),
            Some(date(9999, 12, 31)),
        ] {
            if let Ok(r) = crate::read::time::resolve(&s, reference, tense) {
                // Never an empty reading.
                if let (Some(a), Some(b)) = (r.interval.start, r.interval.end) {
                    assert!(a <= b, "{s:?} read as {a} to {b}");
                }
            }
        }
    }
    // In each language, with the input's second half as the sentence (the
    // claims' path: translation, clock rewriting, deadlines, anchored
    // expressions counted from a date in the text).
    let (expr, sentence) = s.split_at(s.char_indices().nth(s.chars().count() / 2).map_or(s.len(), |(i, _)| i));
    for lang in LANGUAGES {
        let read = crate::read::time::resolve_in_context(
            expr,
            Some(date(2025, 6, 9)),
            Tense::Nearest,
            Some(lang),
            Some(sentence),
        );
        if let Ok(r) = read {
            if let (Some(a), Some(b)) = (r.interval.start, r.interval.end) {
                assert!(a <= b, "{expr:?} ({lang}) read as {a} to {b}");
            }
        }
    }
}

/// Every language tag the readers know, and one they do not.
const LANGUAGES: [&str; 15] = [
    "en", "es", "es-MX", "pt", "fr", "de", "it", "ru", "uk", "bg", "ar", "tr", "zh", "ja", "xx",
];

/// The quantity parser and the search for numbers in text.
pub fn quantity(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    if let Ok(f) = crate::read::quantity::parse(&s) {
        let (lo, hi) = f.interval(None);
        assert!(lo <= hi, "{s:?} read as {lo} to {hi}");
        for n in f.numbers() {
            let _ = crate::read::quantity::appears_in(n, &s);
        }
    }
    let _ = crate::read::quantity::numbers_in(&s);
    // In each language, with the input as its own sentence too.
    for lang in LANGUAGES {
        if let Ok(f) = crate::read::quantity::read_figure(&s, Some(lang), Some(&s)) {
            let (lo, hi) = f.reading.form.interval(None);
            assert!(lo <= hi, "{s:?} ({lang}) read as {lo} to {hi}");
        }
    }
}

/// Anchoring a quote in a source.
pub fn anchor(data: &[u8]) {
    let p = parts(data, 2);
    let source = crate::read::anchor::fold(p.first().map(String::as_str).unwrap_or_default());
    let quote = p.get(1).map(String::as_str).unwrap_or_default();
    match crate::read::anchor::find(&source, quote) {
        Ok(a) => assert!(a.start <= a.end),
        Err(Some(m)) => assert!(m.start <= m.end && (0.0..=1.0).contains(&m.similarity)),
        Err(None) => {}
    }
}
