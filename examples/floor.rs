//! The floor for the scale benchmark: read every file of a corpus and parse
//! its TOML (claims, properties, and each source's front matter), nothing
//! else, reading as claimcheck reads.
//! `cargo run --release --example floor -- CORPUS`
#![allow(clippy::print_stdout)] // a command-line helper: its output is the point

// The allocator claimcheck uses, so the floor and the tool are measured alike.
// claimcheck also tells it to keep freed memory (`main.rs`); the floor frees
// little, and timed with MIMALLOC_PURGE_DELAY=-1 it is no faster.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: floor CORPUS"));
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["sources", "claims"] {
        for e in std::fs::read_dir(root.join(dir)).expect("a corpus folder") {
            files.push(e.expect("an entry").path());
        }
    }
    // Read as claimcheck reads (`files::read_all`, many threads: on this
    // machine files are rarely still in the page cache), so the floor
    // measures the same input, not a slower way of reading it.
    let records: usize = claimcheck::corpus::files::read_all(&files, |p| {
        let text = std::fs::read_to_string(p).expect("UTF-8");
        let toml = if p.extension().is_some_and(|e| e == "txt") {
            text.split("+++").nth(1).unwrap_or_default().to_string()
        } else {
            text
        };
        let (table, _) = toml::de::DeTable::parse_recoverable(&toml);
        table.get_ref().len()
    })
    .into_iter()
    .sum();
    println!("{} files, {records} top-level keys", files.len());
}
