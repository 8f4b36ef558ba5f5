//! Sources that share long passages: likely copies of one story that the
//! editor may want to declare with `syndicated_from`.
//!
//! Each source is cut into 8-word shingles (hashed, lower-cased). Instead of
//! comparing every pair of sources, an inverted index maps each shingle to
//! the sources holding it, and only sources that share a shingle are ever
//! counted together; shingles found in very many sources are boilerplate
//! (a wire's sign-off, a cookie notice) and are left out. Sources of one
//! voice (declared copies) are never reported as copies of each other.

use rayon::prelude::*;

use super::PossibleCopy;
use crate::corpus::model::*;

/// A shingle held by more sources than this is boilerplate, not copying.
const BOILERPLATE: usize = 50;

/// In a corpus of more sources than this, one shingle in [`SAMPLE`] is
/// compared, chosen by its hash (so the same shingles in every text):
/// the share two texts have in common is estimated from about 200 of an
/// article's 800 shingles instead of all of them, which a newsroom
/// archive's ten thousand sources need to stay fast. Smaller corpora
/// compare every shingle.
const SAMPLE_ABOVE: usize = 2_000;
/// A power of two, so that choosing is a mask.
const SAMPLE: u64 = 4;
const _: () = assert!(SAMPLE.is_power_of_two());

/// The share of the smaller text's shingles found in the other that makes
/// two sources likely copies.
const THRESHOLD: f64 = 0.3;

/// The distinct 8-word shingles of a text folded as quotes are (see
/// [`crate::read::anchor::fold_words`]): typographic quotes and dashes must not
/// split or join words differently in two copies. Hashed without building
/// strings, sorted. Words are runs of letters and digits, ASCII letters
/// lower-cased; bytes of other scripts count as letters and are compared
/// as they are (copies keep their case), which keeps this a byte loop.
#[cfg(test)]
fn shingles(text: &str, sample: u64) -> Vec<u64> {
    shingles_with(text, sample, &mut Vec::new())
}

/// [`shingles`], cut into `scratch`, which one thread reuses from text to
/// text: the set kept is then allocated once at its size, and ten thousand
/// texts do not each touch fresh memory for their every shingle.
fn shingles_with(text: &str, sample: u64, scratch: &mut Vec<u64>) -> Vec<u64> {
    let mut s = Shingler::new(std::mem::take(scratch), sample);
    crate::read::anchor::fold_words(text, |piece| s.feed(piece));
    let kept = s.finish();
    *scratch = s.out;
    kept
}

/// A byte as a word's byte: ASCII letters lower-cased, digits and bytes of
/// other scripts as they are, 0 for a byte between words. One load per byte
/// instead of a chain of comparisons.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build, it cannot panic"
)]
const WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || !c.is_ascii() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Cuts a text given in pieces into shingles. A shingle's hash is rolled
/// from word to word, not recomputed from its eight words: each word's
/// hash, mixed, is rotated five bits further for every word that follows,
/// so the last eight words' XOR is updated with one word in and one out.
struct Shingler {
    sample: u64,
    /// The shingles kept are `out[..kept]`. Every shingle is written at
    /// `kept` and only a kept one moves it on: no branch on the sample,
    /// which a quarter of shingles would mispredict. `out` only grows, so
    /// a thread's scratch is written, never cleared, from text to text.
    out: Vec<u64>,
    kept: usize,
    /// The last eight words' mixed hashes, the newest at `words % 8`.
    ring: [u64; 8],
    /// The XOR of the ring, each rotated by five bits per word since.
    rolling: u64,
    words: usize,
    /// The word being read: its last bytes packed into `tail` (up to
    /// eight, so a shift per byte rather than a multiplication), each full
    /// eight mixed into `word`; `len` counts its bytes.
    word: u64,
    tail: u64,
    len: u64,
}

impl Shingler {
    fn new(out: Vec<u64>, sample: u64) -> Shingler {
        Shingler {
            sample,
            out,
            kept: 0,
            ring: [0; 8],
            rolling: 0,
            words: 0,
            word: 0,
            tail: 0,
            len: 0,
        }
    }

    fn feed(&mut self, piece: &[u8]) {
        // The word's state in locals, so it stays in registers.
        let (mut word, mut tail, mut len) = (self.word, self.tail, self.len);
        for &b in piece {
            let w = WORD.get(usize::from(b)).copied().unwrap_or(0);
            if w != 0 {
                // No word byte is 0, so the packing is one-to-one.
                tail = (tail << 8) | u64::from(w);
                len += 1;
                if len.is_multiple_of(8) {
                    word = (word ^ tail).wrapping_mul(FNV_PRIME);
                    tail = 0;
                }
            } else if len > 0 {
                self.end_word((word ^ tail).wrapping_mul(FNV_PRIME) ^ len);
                (word, tail, len) = (0, 0, 0);
            }
        }
        (self.word, self.tail, self.len) = (word, tail, len);
    }

    /// Takes in the hash of the word just read.
    fn end_word(&mut self, word: u64) {
        let mixed = word.wrapping_mul(0x9E3779B97F4A7C15);
        let gone = self
            .ring
            .get_mut(self.words % 8)
            .map_or(0, |slot| std::mem::replace(slot, mixed));
        // The word eight back leaves with the rotation it reached (7 × 5
        // bits, then this word's 5).
        self.rolling = self.rolling.rotate_left(5) ^ gone.rotate_left(40) ^ mixed;
        self.words += 1;
        if self.words >= 8 {
            // A linear combination, finished with a full mix (murmur3's):
            // the low bits choose the sample, the index uses the high ones.
            let mut h = self.rolling;
            h ^= h >> 33;
            h = h.wrapping_mul(0xff51afd7ed558ccd);
            h ^= h >> 33;
            h = h.wrapping_mul(0xc4ceb9fe1a85ec53);
            h ^= h >> 33;
            if self.kept == self.out.len() {
                self.out.push(0);
            }
            if let Some(slot) = self.out.get_mut(self.kept) {
                *slot = h;
            }
            // `sample` is a power of two: a mask, not a division.
            self.kept += usize::from(h & (self.sample - 1) == 0);
        }
    }

    /// The distinct shingles kept, sorted.
    fn finish(&mut self) -> Vec<u64> {
        // A trailing separator ends the last word.
        self.feed(b" ");
        let kept = self.out.get_mut(..self.kept).unwrap_or_default();
        kept.sort_unstable();
        let mut distinct = Vec::with_capacity(kept.len());
        distinct.extend(kept.chunk_by(|a, b| a == b).filter_map(<[u64]>::first));
        distinct
    }
}

/// Sources sharing long passages (8-word shingles): undeclared copies.
pub fn possible_copies(corpus: &Corpus) -> Vec<PossibleCopy> {
    let sample = if corpus.sources.len() > SAMPLE_ABOVE { SAMPLE } else { 1 };
    let sets: Vec<Vec<u64>> = corpus
        .sources
        .par_iter()
        .map_init(Vec::new, |scratch, s| shingles_with(s.body(), sample, scratch))
        .collect();
    // Most shingles occur in one source only. Two bitmaps indexed by the
    // hash's top bits mark the ones seen twice (a few false alarms only add
    // postings), so the index holds just the shingles sources share.
    // About 16 bits per shingle keeps false alarms near one in sixteen;
    // larger bitmaps only cost memory to clear.
    let total: usize = sets.iter().map(Vec::len).sum();
    let bits = (total
        .saturating_mul(16)
        .max(1 << 12)
        .next_power_of_two()
        .trailing_zeros())
    .min(30);
    let slot = |h: u64| (h >> (64 - bits)) as usize;
    let mut seen = vec![0u64; 1 << (bits - 6)];
    let mut twice = vec![0u64; 1 << (bits - 6)];
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
    // Every pair of sources that share a shingle, once per shingle, packed
    // into one integer; sorted, a run of one pair counts its shared shingles.
    // Declared copies share their whole text but are one voice: their
    // pairs are never counted.
    let mut voice_ids: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let voice: Vec<u32> = corpus
        .sources
        .iter()
        .map(|s| {
            let next = u32::try_from(voice_ids.len()).unwrap_or(u32::MAX);
            *voice_ids.entry(s.voice.as_str()).or_insert(next)
        })
        .collect();
    let voice = &voice;
    let mut pairs: Vec<u64> = postings
        .par_chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() >= 2 && run.len() <= BOILERPLATE)
        .flat_map_iter(|run| {
            run.iter().enumerate().flat_map(move |(n, a)| {
                run.iter()
                    .skip(n + 1)
                    .filter(move |b| voice.get(a.1) != voice.get(b.1))
                    .map(move |b| {
                        let (x, y) = (a.1.min(b.1) as u64, a.1.max(b.1) as u64);
                        (x << 32) | y
                    })
            })
        })
        .collect();
    pairs.par_sort_unstable();
    let mut out = Vec::new();
    for run in pairs.chunk_by(|a, b| a == b) {
        let (Some(&packed), count) = (run.first(), run.len()) else {
            continue;
        };
        let (a, b) = ((packed >> 32) as usize, (packed & 0xffff_ffff) as usize);
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
    use super::{shingles, shingles_with, WORD};

    /// The table is the rule it replaced: letters and digits lower-cased,
    /// bytes of other scripts kept, everything else between words.
    #[test]
    fn the_word_table_is_the_word_rule() {
        for b in 0..=255u8 {
            let expected = if b.is_ascii_alphanumeric() || !b.is_ascii() {
                b.to_ascii_lowercase()
            } else {
                0
            };
            assert_eq!(WORD.get(usize::from(b)), Some(&expected), "byte {b}");
        }
    }

    /// A thread's scratch is never cleared: what a longer text left in it
    /// must not reach the next text's shingles, sampled or not.
    #[test]
    fn a_reused_scratch_gives_what_a_fresh_one_gives() {
        let long = (0..600).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let short = "one two three four five six seven eight nine ten";
        for sample in [1, 4] {
            let mut scratch = Vec::new();
            let first = shingles_with(&long, sample, &mut scratch);
            assert_eq!(first, shingles(&long, sample));
            assert!(scratch.len() > 100);
            assert_eq!(shingles_with(short, sample, &mut scratch), shingles(short, sample));
            assert_eq!(shingles_with("", sample, &mut scratch), Vec::<u64>::new());
        }
    }

    #[test]
    fn shingles_ignore_case_and_punctuation_but_not_words() {
        let a = shingles("One two three four five six seven eight nine.", 1);
        let b = shingles("one, two; THREE four five six seven eight nine", 1);
        let c = shingles("one two three four five six seven eight ten", 1);
        assert_eq!(a.len(), 2);
        assert_eq!(a, b);
        assert_eq!(a.iter().filter(|h| c.contains(h)).count(), 1);
    }

    /// A shingle's rolled hash is its eight words' alone: the same after any
    /// text before it, and not the same for the words in another order.
    #[test]
    fn a_shingle_hash_depends_on_its_eight_words_in_order() {
        let alone = shingles("a b c d e f g h", 1);
        assert_eq!(alone.len(), 1);
        for before in ["x", "x y z", "one two three four five six seven eight nine ten eleven"] {
            let after = shingles(&format!("{before} a b c d e f g h"), 1);
            assert!(after.contains(&alone[0]), "after {before:?}");
        }
        assert!(!shingles("b a c d e f g h", 1).contains(&alone[0]));
        assert!(!shingles("a b c d e f h g", 1).contains(&alone[0]));
    }

    #[test]
    fn a_sample_keeps_the_same_shingles_in_every_text() {
        let text = "word ".repeat(3) + &(0..400).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let all = shingles(&text, 1);
        let some = shingles(&text, 4);
        assert!(some.iter().all(|h| all.contains(h) && h % 4 == 0));
        // About a quarter, and the same ones from a copy with other punctuation.
        assert!(
            some.len() > all.len() / 8 && some.len() < all.len() / 2,
            "{} of {}",
            some.len(),
            all.len()
        );
        assert_eq!(some, shingles(&text.replace(' ', ", "), 4));
    }
}
