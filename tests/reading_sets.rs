//! Measures the date and figure readers on sentences written in the
//! languages claimcheck reads (`tests/data/reading/`, see its README):
//! a development set the readers were tuned on and a held-out set written
//! before it was first run. Prints right, wrong and refused for each
//! (`cargo test --test reading_sets -- --nocapture`) and holds each set to
//! what it reached, so a regression fails. A refusal is not a wrong value.

use std::path::PathBuf;

use claimcheck::read::quantity::read_figure;
use claimcheck::read::time::{parse_day, resolve_in_context, Tense};

fn rows(name: &str) -> Vec<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reading")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[derive(Debug, Default, PartialEq)]
struct Score {
    right: usize,
    wrong: Vec<String>,
    refused: Vec<String>,
}

impl Score {
    fn total(&self) -> usize {
        self.right + self.wrong.len() + self.refused.len()
    }

    #[allow(clippy::print_stdout)] // the measurement is the point
    fn print(&self, what: &str) {
        let pct = |n: usize| 100.0 * n as f64 / self.total().max(1) as f64;
        println!(
            "{what}: right {}/{} ({:.0}%), wrong {} ({:.0}%), refused {} ({:.0}%)",
            self.right,
            self.total(),
            pct(self.right),
            self.wrong.len(),
            pct(self.wrong.len()),
            self.refused.len(),
            pct(self.refused.len())
        );
        for w in &self.wrong {
            println!("  wrong: {w}");
        }
        for r in &self.refused {
            println!("  refused: {r}");
        }
    }
}

fn dates(name: &str) -> Score {
    let mut score = Score::default();
    for r in rows(name) {
        let [lang, published, expr, sentence, start, end] = &r[..] else {
            panic!("{name}: {r:?}")
        };
        let read = resolve_in_context(
            expr,
            Some(parse_day(published).unwrap()),
            Tense::Nearest,
            Some(lang),
            Some(sentence),
        );
        match read {
            Ok(got) => {
                let day = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
                let (s, e) = (day(got.interval.start), day(got.interval.end));
                if (&s, &e) == (start, end) {
                    score.right += 1;
                } else {
                    score
                        .wrong
                        .push(format!("{lang} {expr:?}: {s}..{e}, gold {start}..{end} ({})", got.rule));
                }
            }
            Err(e) => score.refused.push(format!("{lang} {expr:?}: {e}")),
        }
    }
    score
}

fn figures(name: &str) -> Score {
    let mut score = Score::default();
    for r in rows(name) {
        let [lang, expr, sentence, low, high] = &r[..] else {
            panic!("{name}: {r:?}")
        };
        match read_figure(expr, Some(lang), Some(sentence)) {
            Ok(f) => {
                let (lo, hi) = f.reading.form.interval(None);
                let close = |v: f64, gold: &str| match gold.parse::<f64>() {
                    Ok(g) => (v - g).abs() <= 1e-9 * g.abs().max(1.0),
                    Err(_) => v.is_infinite(),
                };
                if close(lo, low) && close(hi, high) {
                    score.right += 1;
                } else {
                    score
                        .wrong
                        .push(format!("{lang} {expr:?}: {lo}..{hi}, gold {low}..{high}"));
                }
            }
            Err(e) => score.refused.push(format!("{lang} {expr:?}: {e}")),
        }
    }
    score
}

/// At least as many right and at most as many wrong as reached.
fn holds(score: &Score, right: usize, wrong: usize) -> bool {
    score.right >= right && score.wrong.len() <= wrong
}

#[test]
fn dates_in_the_languages_of_the_news() {
    let dev = dates("dates-dev.tsv");
    dev.print("dates, development set");
    let held = dates("dates-heldout.tsv");
    held.print("dates, held-out set");
    assert!(holds(&dev, DATES_DEV_RIGHT, DATES_DEV_WRONG), "{dev:?}");
    assert!(holds(&held, DATES_HELD_RIGHT, DATES_HELD_WRONG), "{held:?}");
}

#[test]
fn figures_in_the_languages_of_the_news() {
    let dev = figures("figures-dev.tsv");
    dev.print("figures, development set");
    let held = figures("figures-heldout.tsv");
    held.print("figures, held-out set");
    assert!(holds(&dev, FIGURES_DEV_RIGHT, FIGURES_DEV_WRONG), "{dev:?}");
    assert!(holds(&held, FIGURES_HELD_RIGHT, FIGURES_HELD_WRONG), "{held:?}");
}

// What each set reached when this test was written: any regression fails.
const DATES_DEV_RIGHT: usize = 36;
const DATES_DEV_WRONG: usize = 0;
const DATES_HELD_RIGHT: usize = 37;
const DATES_HELD_WRONG: usize = 1;
const FIGURES_DEV_RIGHT: usize = 13;
const FIGURES_DEV_WRONG: usize = 0;
const FIGURES_HELD_RIGHT: usize = 34;
const FIGURES_HELD_WRONG: usize = 0;
