//! Sources that share long passages: likely copies of one story that the
//! editor may want to declare with `syndicated_from`.
//!
//! Each source is cut into 8-word shingles (hashed, lower-cased). Instead of
//! comparing every pair of sources, an inverted index maps each shingle to
//! the sources holding it, and only sources that share a shingle are ever
//! counted together; shingles found in very many sources are boilerplate
//! (a wire's sign-off, a cookie notice) and are left out. Sources of one
//! voice (declared copies) are never reported as copies of each other.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::PossibleCopy;
use crate::model::*;

/// A shingle held by more sources than this is boilerplate, not copying.
const BOILERPLATE: usize = 50;

/// The share of the smaller text's shingles found in the other that makes
/// two sources likely copies.
const THRESHOLD: f64 = 0.3;

/// The distinct 8-word shingles of a text, hashed without building
/// strings, sorted.
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            // FNV-1a over the lower-cased word (ASCII words without
            // per-character Unicode case mapping).
            let fnv = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
            if w.is_ascii() {
                w.bytes()
                    .fold(0xcbf29ce484222325u64, |h, b| fnv(h, b.to_ascii_lowercase()))
            } else {
                w.chars()
                    .flat_map(char::to_lowercase)
                    .fold(0xcbf29ce484222325u64, |h, c| {
                        let mut buf = [0u8; 4];
                        c.encode_utf8(&mut buf).bytes().fold(h, fnv)
                    })
            }
        })
        .collect();
    let mut out: Vec<u64> = words
        .windows(8)
        .map(|w| {
            w.iter().fold(0x84222325cbf29ce4u64, |h, x| {
                h.rotate_left(5) ^ x.wrapping_mul(0x9E3779B97F4A7C15)
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Sources sharing long passages (8-word shingles): undeclared copies.
pub(super) fn possible_copies(corpus: &Corpus) -> Vec<PossibleCopy> {
    let sets: Vec<Vec<u64>> = corpus.sources.par_iter().map(|s| shingles(&s.folded.text)).collect();
    // Most shingles occur in one source only. Two bitmaps indexed by the
    // hash's top bits mark the ones seen twice (a few false alarms only add
    // postings), so the index holds just the shingles sources share.
    const BITS: u32 = 26;
    let slot = |h: u64| (h >> (64 - BITS)) as usize;
    let mut seen = vec![0u64; 1 << (BITS - 6)];
    let mut twice = vec![0u64; 1 << (BITS - 6)];
    for set in &sets {
        for &h in set {
            let (word, bit) = (slot(h) >> 6, 1u64 << (slot(h) & 63));
            if let (Some(s), Some(t)) = (seen.get_mut(word), twice.get_mut(word)) {
                if *s & bit != 0 {
                    *t |= bit;
                }
                *s |= bit;
            }
        }
    }
    let shared_maybe = |h: u64| {
        twice
            .get(slot(h) >> 6)
            .is_some_and(|t| t & (1u64 << (slot(h) & 63)) != 0)
    };
    // The inverted index as one sorted list of (shingle, source): a run of
    // one shingle lists the sources that hold it.
    let mut postings: Vec<(u64, usize)> = sets
        .iter()
        .enumerate()
        .flat_map(|(i, set)| set.iter().filter(|h| shared_maybe(**h)).map(move |h| (*h, i)))
        .collect();
    postings.par_sort_unstable();
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for run in postings.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 || run.len() > BOILERPLATE {
            continue;
        }
        let holders: Vec<usize> = run.iter().map(|p| p.1).collect();
        for (n, &a) in holders.iter().enumerate() {
            for &b in holders.iter().skip(n + 1) {
                *shared.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let mut out = Vec::new();
    for ((a, b), count) in shared {
        let (Some(sa), Some(sb)) = (corpus.sources.get(a), corpus.sources.get(b)) else {
            continue;
        };
        if sa.voice == sb.voice {
            continue;
        }
        let size = |i: usize| sets.get(i).map_or(0, Vec::len);
        let overlap = count as f64 / size(a).min(size(b)).max(1) as f64;
        if overlap >= THRESHOLD {
            let mut pair = [sa.id.clone(), sb.id.clone()];
            pair.sort();
            out.push(PossibleCopy {
                sources: pair,
                overlap: (overlap * 100.0).round() / 100.0,
            });
        }
    }
    out.sort_by(|a, b| a.sources.cmp(&b.sources));
    out
}

#[cfg(test)]
mod tests {
    use super::shingles;

    #[test]
    fn shingles_ignore_case_and_punctuation_but_not_words() {
        let a = shingles("One two three four five six seven eight nine.");
        let b = shingles("one, two; THREE four five six seven eight nine");
        let c = shingles("one two three four five six seven eight ten");
        assert_eq!(a.len(), 2);
        assert_eq!(a, b);
        assert_eq!(a.iter().filter(|h| c.contains(h)).count(), 1);
    }
}
