//! Properties that hold for any input: readers of editor-written text never
//! panic, and anchoring finds any passage cut from a source, however the
//! copy's typography differs.

mod common;
use common::copy_corpus;

use claimcheck::read::anchor::{find, fold, fold_words};
use claimcheck::read::quantity;
use claimcheck::read::time::{resolve, Tense};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reading_any_time_expression_never_panics(expr in "\\PC{0,40}", y in 1i16..9999, m in 1i8..=12, d in 1i8..=28) {
        let reference = jiff::civil::Date::new(y, m, d).unwrap();
        let _ = resolve(&expr, Some(reference), Tense::Nearest);
        let _ = resolve(&expr, None, Tense::Past);
    }

    /// Every reading is a non-empty interval, in any language and with any
    /// sentence; what cannot be read is an error, never a panic.
    #[test]
    fn every_reading_is_a_non_empty_interval(
        expr in prop::sample::select(vec![
            "late Monday", "early Wednesday", "mid-Friday", "end of 2024", "third-quarter", "June last year",
            "16 de abril", "в субботу", "8月3日", "اليوم الأحد", "Saturday evening", "overnight", "the year",
            "between 2020 and 2019", "400 century", "q9 2024", "fiscal 1989",
        ]),
        sentence in "\\PC{0,60}",
        lang in prop::sample::select(vec!["en", "es", "ru", "ar", "zh", "xx"]),
        y in 1i16..9999, m in 1i8..=12, d in 1i8..=28,
    ) {
        let reference = jiff::civil::Date::new(y, m, d).unwrap();
        for tense in [Tense::Past, Tense::Future, Tense::Nearest] {
            if let Ok(r) = claimcheck::read::time::resolve_in_context(expr, Some(reference), tense, Some(lang), Some(&sentence)) {
                if let (Some(a), Some(b)) = (r.interval.start, r.interval.end) {
                    prop_assert!(a <= b, "{expr:?} read as {a} to {b}");
                }
            }
        }
    }

    #[test]
    fn reading_time_like_expressions_never_panics(
        prefix in prop::sample::select(vec!["", "by ", "before ", "after ", "mid-", "early ", "late ", "last ", "next ", "since ", "between 2020 and "]),
        body in prop::sample::select(vec!["2024", "2024-02", "2024-02-29", "2024-W53", "2024-Q4", "2024-H2", "2024-WI", "May", "Thursday", "month", "year", "week", "9999", "0000", "199", "fall"]),
    ) {
        let expr = format!("{prefix}{body}");
        let _ = resolve(&expr, Some(jiff::civil::date(2025, 6, 9)), Tense::Nearest);
    }

    #[test]
    fn reading_any_quantity_or_number_never_panics(s in "\\PC{0,30}") {
        let _ = quantity::parse(&s);
        let _ = quantity::numbers_in(&s);
    }

    /// The readers in every language, on any text and any sentence (the
    /// fuzz targets' language paths): no panic, and every reading is a
    /// non-empty interval.
    #[test]
    fn reading_in_every_language_never_panics(expr in "\\PC{0,24}", sentence in "\\PC{0,40}") {
        let mut data = expr.clone().into_bytes();
        data.extend(sentence.bytes());
        claimcheck::fuzzing::time(&data);
        claimcheck::fuzzing::quantity(expr.as_bytes());
    }

    /// Text shaped like the new forms (clock times, figures with language
    /// words and separators, anchored and named days) in every language.
    #[test]
    fn news_shaped_text_in_every_language_never_panics(
        a in prop::sample::select(vec!["16时", "30分", "um", "24", "Uhr", "a las", "alle", "19.58", "hasta el", "al menos", "230.000", "1,5", "млн", "150余", "同27日", "the following day", "March 21-22", "or", "Ostermontag", "−5", "–", "(MEZ)", "[Europe/London]", "IST", "India"]),
        b in prop::sample::select(vec!["", " ", "de junio", "2024", "31", "days ago", "mil 601", "万", "T23:00", "+99:99", "pm", "sábado", "noche", "Mitternacht"]),
    ) {
        let expr = format!("{a} {b}");
        claimcheck::fuzzing::time(format!("{expr}{expr}").as_bytes());
        claimcheck::fuzzing::quantity(expr.as_bytes());
    }

    /// Any passage of a source, copied with straight quotes, ASCII dashes and
    /// its line breaks turned into spaces, anchors back to where it was cut.
    #[test]
    fn any_passage_anchors_back(words in prop::collection::vec(prop::sample::select(vec![
        "Armenia’s", "“suspended”", "participation", "—", "in", "the", "CSTO", "Армения", "ОДКБ", "جمدت", "\n", "2024,", "7.2", "Erevan", "Arme\u{301}nie",
    ]), 1..40), start in 0usize..40, len in 1usize..12) {
        let text = words.join(" ");
        let start = start.min(words.len() - 1);
        let end = (start + len).min(words.len());
        let passage = words[start..end].join(" ");
        let copied: String = passage
            .replace(['’'], "'")
            .replace(['“', '”'], "\"")
            .replace('—', "-")
            .replace('\n', " ");
        let folded = fold(&text);
        let anchored = find(&folded, &copied);
        if fold(&copied).text.is_empty() {
            prop_assert!(anchored.is_err());
        } else {
            let a = anchored.expect("a passage of the text anchors");
            prop_assert_eq!(fold(&text[a.start..a.end]).text, fold(&passage).text);
        }
    }

    /// The copy search reads a text's words through `fold_words`, which
    /// skips building the folded text: its words are `fold`'s, whatever the
    /// typography, escapes, marks and scripts.
    #[test]
    fn fold_words_gives_the_words_of_fold(parts in prop::collection::vec(prop::sample::select(vec![
        "Armenia", "’s", "“", "”", "—", " ", "  ", "\n", "\t", "\\$", "\\", "`", "e\u{301}", "\u{301}", "A\u{30A}",
        "\u{212B}", "\u{AD}", "\u{200B}", "\u{A0}", "Армения", "ОДКБ", "جمدت", "8月3日", "7.2", "x", "-", "'",
    ]), 0..30)) {
        let text = parts.concat();
        let words = |bytes: &[u8]| -> Vec<Vec<u8>> {
            bytes
                .split(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(<[u8]>::to_vec)
                .collect()
        };
        let mut pieces = Vec::new();
        fold_words(&text, |piece| pieces.extend_from_slice(piece));
        prop_assert_eq!(words(&pieces), words(fold(&text).text.as_bytes()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any few characters changed anywhere in a claims file: loading never
    /// panics, and every problem it reports names a file.
    #[test]
    fn edits_anywhere_in_a_claims_file_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec![
            "", "\"", "=", "[", "]", "\n", "#", "x", "9", "é", "—", "[[claim]]\n", "value = ", "\\", "'''",
        ])), 1..4),
    ) {
        let dir = copy_corpus("tests/corpora/example");
        let path = dir.path().join("claims/example.toml");
        let mut text = std::fs::read_to_string(&path).unwrap();
        for (at, with) in &edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let end = text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
            text.replace_range(i..end, with);
        }
        std::fs::write(&path, &text).unwrap();
        let loaded = claimcheck::corpus::load::load(dir.path());
        for d in &loaded.diagnostics {
            prop_assert!(!d.file.is_empty());
        }
        let rendered = claimcheck::corpus::diag::render(&loaded.diagnostics, &loaded.files, false);
        prop_assert_eq!(rendered.is_empty(), loaded.diagnostics.is_empty());
        let _ = claimcheck::compare::analyse(&loaded.corpus);
    }
}
