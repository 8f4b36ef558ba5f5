//! Recall of `claimcheck suggest` on curated corpora: each source's claims
//! are removed, `suggest` runs on it, and the curated figure and date
//! claims it finds (overlapping quote, same value) are counted.
//! `cargo run --release --example suggest_recall -- CORPUS...`
#![allow(clippy::print_stdout)] // a command-line helper: its output is the point

fn main() {
    let mut total = claimcheck::suggest::measure::Measure::default();
    for dir in std::env::args().skip(1) {
        let loaded = claimcheck::corpus::load::load(std::path::Path::new(&dir));
        let m = claimcheck::suggest::measure::measure(&loaded.corpus);
        println!(
            "{dir}: recall {}/{} = {:.2}; question named {}/{} = {:.2}; precision {}/{} = {:.2}; {:.2} suggestions per curated claim",
            m.found,
            m.curated,
            m.recall(),
            m.named,
            m.answerable,
            m.question_rate(),
            m.curated_suggestions,
            m.suggestions,
            m.precision(),
            m.per_claim()
        );
        for miss in &m.missed {
            println!("  missed {miss}");
        }
        for miss in &m.misnamed {
            println!("  misnamed {miss}");
        }
        total.add(m);
    }
    println!(
        "all: recall {}/{} = {:.2}; question named {}/{} = {:.2}; precision {}/{} = {:.2}; {:.2} suggestions per curated claim",
        total.found,
        total.curated,
        total.recall(),
        total.named,
        total.answerable,
        total.question_rate(),
        total.curated_suggestions,
        total.suggestions,
        total.precision(),
        total.per_claim()
    );
}
