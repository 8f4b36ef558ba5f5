//! Quote anchoring: finding a curated quote verbatim in its source text.
//!
//! "Verbatim" has to survive the ways text is copied: curly or straight
//! quotes and apostrophes, hyphens and dashes, line breaks and runs of
//! spaces, composed or decomposed accents, and the backslash escapes that
//! web capture leaves before punctuation (`\$250`). Both sides are folded
//! the same way (NFC, then the folds in [`fold_char`]); letters, digits and
//! case are never changed, so a changed word is still a miss. Every folded
//! character remembers its byte offset in the original, so an anchor is
//! reported as a line and column of the source file as the editor sees it.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Text folded for matching, with a map back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// Where the folded text maps back to the original, as runs: from
    /// folded byte `.0` on, byte `k` came from original byte `.1 + (k - .0)`,
    /// until the next run. Folding is the identity almost everywhere, so
    /// this holds a few entries per paragraph instead of one per byte.
    runs: Vec<(u32, u32)>,
    /// The length of the original, where a match at the very end ends.
    len: usize,
}

/// How one character is folded: typographic quotes, apostrophes, dashes and
/// spaces become their plain forms. `None` drops the character.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{0060}' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' | '\u{2039}'
        | '\u{203A}' | '\u{300C}' | '\u{300D}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => return None,
        '\u{2026}' => '…',
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// Folds the character at byte `i` of `s` with the combining marks after
/// it: composed (NFC), then each folded by [`fold_char`] and given to
/// `emit`. Returns where the next segment starts, `None` at the end. A
/// backslash before ASCII punctuation is a capture artefact (`\$`) and
/// folds to nothing.
fn fold_segment(s: &str, i: usize, segment: &mut String, mut emit: impl FnMut(char)) -> Option<usize> {
    let mut chars = s.get(i..)?.chars().peekable();
    let c = chars.next()?;
    let mut next = i + c.len_utf8();
    if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
        return Some(next);
    }
    segment.clear();
    segment.push(c);
    while let Some(&n) = chars.peek() {
        if n.is_ascii() || canonical_combining_class(n) == 0 {
            break;
        }
        segment.push(n);
        next += n.len_utf8();
        chars.next();
    }
    for c in segment.nfc() {
        if let Some(f) = fold_char(c) {
            emit(f);
        }
    }
    Some(next)
}

/// Gives `out` the words of `s` as [`fold`] folds them, in pieces, without
/// building the folded text or its map: what the copy search reads. ASCII
/// passes through as it is (fold changes ASCII only in spacing and
/// escapes, which fall between words); every other character, with the
/// ASCII letter it may compose with and the marks after it, is composed and
/// folded as `fold` does. So the pieces, joined, hold the same words (runs
/// of ASCII letters and digits and of other characters) as `fold(s).text`.
pub fn fold_words(s: &str, mut out: impl FnMut(&[u8])) {
    let bytes = s.as_bytes();
    let mut segment = String::new();
    let mut buf = [0u8; 4];
    let mut i = 0;
    while i < bytes.len() {
        let rest = bytes.get(i..).unwrap_or_default();
        let ascii = rest.iter().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        // The last ASCII byte before another character may take its marks.
        let plain = if ascii < rest.len() {
            ascii.saturating_sub(1)
        } else {
            ascii
        };
        if plain > 0 {
            out(rest.get(..plain).unwrap_or_default());
            i += plain;
            continue;
        }
        let Some(next) = fold_segment(s, i, &mut segment, |f| out(f.encode_utf8(&mut buf).as_bytes())) else {
            break;
        };
        i = next;
    }
}

/// Printable ASCII that folds to itself: all but space, `\\` and `` ` ``.
fn printable(c: u8) -> bool {
    (0x21..=0x7E).contains(&c) && c != b'\\' && c != b'`'
}

/// One byte more of a plain stretch as [`fold`] reads one: a printable
/// byte, or a space after one (`after_printable`). Whether the stretch now
/// ends in a printable byte; `None` if this byte ends it.
fn plain_step(c: u8, after_printable: bool) -> Option<bool> {
    if printable(c) {
        Some(true)
    } else if c == b' ' && after_printable {
        Some(false)
    } else {
        None
    }
}

/// Whether eight bytes (little-endian in `w`) all continue a plain stretch,
/// each as [`plain_step`] takes one (`after_printable` tells whether the
/// byte before the eight was printable). If they do, whether the last of
/// them is printable; `None` if one does not. The same test on a whole
/// word at once.
fn plain_chunk(w: u64, after_printable: bool) -> Option<bool> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    if w & HIGH != 0 {
        return None;
    }
    // The high bit of each byte of `x` that is zero (exact for ASCII: no
    // byte carries into the next).
    let zero = |x: u64| !(((x & LOW) + LOW) | x) & HIGH;
    // Below 0x20: adding 0x60 leaves the high bit clear.
    let control = !(w + 0x60 * ONES) & HIGH;
    let other =
        control | zero(w ^ (0x7F * ONES)) | zero(w ^ (u64::from(b'\\') * ONES)) | zero(w ^ (u64::from(b'`') * ONES));
    if other != 0 {
        return None;
    }
    let space = zero(w ^ (u64::from(b' ') * ONES));
    // A space after a space, within the eight or at their start.
    if space & (space << 8) != 0 || (space & 0x80 != 0 && !after_printable) {
        return None;
    }
    Some(space >> 63 == 0)
}

/// Folds `s` for matching; see the module docs.
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut runs: Vec<(u32, u32)> = Vec::new();
    /// Records that the folded text from here on comes from original byte
    /// `at`: a new run unless it continues the current one.
    fn mark(text: &str, runs: &mut Vec<(u32, u32)>, at: usize) {
        // Files are at most 64 MiB (`files::MAX_FILE_BYTES`), so offsets fit.
        let (here, at) = (
            u32::try_from(text.len()).unwrap_or(u32::MAX),
            u32::try_from(at).unwrap_or(u32::MAX),
        );
        if runs.last().is_none_or(|&(f, o)| o.checked_add(here - f) != Some(at)) {
            runs.push((here, at));
        }
    }
    let push = |text: &mut String, runs: &mut Vec<(u32, u32)>, c: char, at: usize| {
        if c == ' ' && (text.is_empty() || text.ends_with(' ')) {
            return;
        }
        mark(text, runs, at);
        text.push(c);
    };
    // Segments start at a character with combining class 0 and are composed
    // one at a time: NFC never composes across such a boundary for the
    // scripts news is written in. ASCII needs no composition at all.
    let bytes = s.as_bytes();
    let mut segment = String::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // A stretch of printable ASCII with single spaces folds to itself:
        // copied whole, with one run, which is most of a news article.
        let plain = |k: usize| {
            bytes.get(k).is_some_and(|&c| {
                printable(c) || c == b' ' && k > 0 && bytes.get(k - 1).is_some_and(|p| (0x21..=0x7E).contains(p))
            })
        };
        if plain(i) && !(b == b' ' && (text.is_empty() || text.ends_with(' '))) {
            // The same test as `plain`, as a tight loop: a space is plain
            // after a printable byte, and the byte before is the one just
            // passed.
            let mut j = i + 1;
            let mut after_printable = b != b' ';
            // Eight bytes at a time while all eight pass (most of a text).
            while let Some(chunk) = bytes.get(j..j + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
                let Some(after) = plain_chunk(u64::from_le_bytes(chunk), after_printable) else {
                    break;
                };
                after_printable = after;
                j += 8;
            }
            while let Some(after) = bytes.get(j).and_then(|&c| plain_step(c, after_printable)) {
                after_printable = after;
                j += 1;
            }
            // The last byte may take a combining mark: leave it to the slow path.
            if bytes.get(j).is_some_and(|n| !n.is_ascii()) {
                j -= 1;
            }
            if j > i {
                if let Some(chunk) = s.get(i..j) {
                    mark(&text, &mut runs, i);
                    text.push_str(chunk);
                    i = j;
                    continue;
                }
            }
        }
        // ASCII not followed by a combining mark: no composition, and the
        // fold is a byte map. Most news text takes this path.
        if b.is_ascii() && bytes.get(i + 1).is_none_or(|n| n.is_ascii()) {
            if b == b'\\' && bytes.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) {
                i += 1;
                continue;
            }
            if let Some(f) = fold_char(char::from(b)) {
                push(&mut text, &mut runs, f, i);
            }
            i += 1;
            continue;
        }
        // Otherwise the general path, one character and its marks at a time.
        let at = i;
        let Some(next) = fold_segment(s, i, &mut segment, |f| push(&mut text, &mut runs, f, at)) else {
            break;
        };
        i = next;
    }
    if text.ends_with(' ') {
        text.pop();
        let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
        if runs.last().is_some_and(|&(f, _)| f >= end) {
            runs.pop();
        }
    }
    Folded {
        text,
        runs,
        len: s.len(),
    }
}

impl Folded {
    /// The byte offset in the original of folded byte `i`.
    pub fn origin(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.len;
        }
        let Ok(i32_) = u32::try_from(i) else { return self.len };
        let run = self.runs.partition_point(|&(f, _)| f <= i32_);
        match run.checked_sub(1).and_then(|r| self.runs.get(r)) {
            Some(&(f, o)) => (o + (i32_ - f)) as usize,
            None => self.len,
        }
    }
}

/// Where a quote was found: a byte range of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
}

/// The passage of the source most like a quote that was not found.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    pub start: usize,
    pub end: usize,
    /// Similarity from 0 to 1 (Sørensen-Dice over character bigrams).
    pub similarity: f64,
}

/// Finds `quote` in `source` (already folded), or the closest passage.
pub fn find(source: &Folded, quote: &str) -> Result<Anchor, Option<NearMiss>> {
    let q = fold(quote).text;
    if q.is_empty() {
        return Err(None);
    }
    // A match of valid UTF-8 in valid UTF-8 starts on a character boundary.
    if let Some(i) = find_bytes(source.text.as_bytes(), q.as_bytes()) {
        return Ok(Anchor {
            start: source.origin(i),
            end: source.origin(i + q.len()),
        });
    }
    Err(closest(source, &q))
}

/// The first occurrence of `needle` in `haystack`, as
/// `memchr::memmem::find` gives it. memchr's SIMD search prepares itself in
/// time linear in the needle, and for a quote of a sentence in a short
/// article that preparation cost three times the search itself: so the
/// search looks for the quote's first [`PREFIX`] bytes and checks the rest
/// where they occur. A passage of natural text that long rarely repeats;
/// after [`TRIES`] places that begin the same but go on otherwise (only
/// crafted text does that), the search goes on with the whole needle, so it
/// stays linear.
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    const PREFIX: usize = 16;
    const TRIES: usize = 16;
    let Some(prefix) = needle.get(..PREFIX).filter(|_| needle.len() > PREFIX) else {
        return memchr::memmem::find(haystack, needle);
    };
    // Each place in turn, overlapping ones included (`find_iter` skips
    // those).
    let finder = memchr::memmem::Finder::new(prefix);
    let mut from = 0;
    for _ in 0..TRIES {
        let at = from + finder.find(haystack.get(from..)?)?;
        if haystack.get(at..).is_some_and(|rest| rest.starts_with(needle)) {
            return Some(at);
        }
        from = at + 1;
    }
    memchr::memmem::find(haystack.get(from..)?, needle).map(|i| i + from)
}

/// The passage of the source most like the quote, in time linear in the
/// sizes of both: a window the size of the quote slides over the source,
/// counting the quote's byte trigrams it holds (kept as a running sum);
/// the windows that start a word and hold the most are then compared with
/// the quote exactly (Sørensen-Dice over character bigrams).
fn closest(source: &Folded, q: &str) -> Option<NearMiss> {
    /// Candidates compared exactly, best by trigram count first.
    const CANDIDATES: usize = 4;
    let t = source.text.as_bytes();
    let qb = q.as_bytes();
    if t.is_empty() || qb.is_empty() {
        return None;
    }
    let k = 3.min(qb.len());
    let key = |w: &[u8]| {
        w.iter()
            .fold(0u32, |h, b| h.wrapping_mul(257).wrapping_add(u32::from(*b)))
    };
    let grams: std::collections::HashSet<u32> = qb.windows(k).map(key).collect();
    let n = t.len();
    let w = qb.len().min(n);
    // hit[i]: the trigram starting at byte i of the source is in the quote.
    let hit: Vec<u8> = (0..n)
        .map(|i| u8::from(t.get(i..i + k).is_some_and(|g| grams.contains(&key(g)))))
        .collect();
    let span = w.saturating_sub(k) + 1;
    let mut sum: u32 = hit.iter().take(span).map(|h| u32::from(*h)).sum();
    let mut best: Vec<(u32, usize)> = Vec::new();
    for s in 0..=n - w {
        if s > 0 {
            sum -= u32::from(hit.get(s - 1).copied().unwrap_or(0));
            sum += u32::from(hit.get(s + span - 1).copied().unwrap_or(0));
        }
        let word_start = s == 0 || t.get(s - 1) == Some(&b' ');
        if word_start && source.text.is_char_boundary(s) {
            best.push((sum, s));
            if best.len() > 4 * CANDIDATES {
                best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                best.truncate(CANDIDATES);
            }
        }
    }
    best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    best.truncate(CANDIDATES);
    best.into_iter()
        .map(|(_, s)| {
            let end = floor_char_boundary(&source.text, (s + w).min(n)).max(s);
            let score = strsim::sorensen_dice(q, source.text.get(s..end).unwrap_or_default());
            (score, s, end)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(similarity, s, e)| NearMiss {
            start: source.origin(s),
            end: source.origin(e),
            similarity,
        })
}

/// One-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Line starts of a text, to turn many byte offsets into line and column
/// without scanning the text from the start each time.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    /// Where each line starts, with [`LineIndex::ASCII`] set when the line
    /// is ASCII, where a column is a byte count: most lines of English
    /// news, and a claim's column is then found without counting the
    /// characters of a long paragraph. Files are at most 64 MiB
    /// (`files::MAX_FILE_BYTES`), so an offset fits in the other 31 bits,
    /// and the index of a corpus's two million lines takes 8 MB, not 19.
    starts: Vec<u32>,
}

impl LineIndex {
    const ASCII: u32 = 1 << 31;

    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        // Counted first, so the list is made at its size.
        let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
        // Most articles are ASCII throughout: one test of the whole text
        // then stands for one of each line, which for lines as short as a
        // paragraph cost more than finding them.
        let all_ascii = bytes.is_ascii();
        let mut push = |start: usize, end: usize| {
            let ascii = all_ascii || bytes.get(start..end).is_some_and(<[u8]>::is_ascii);
            let at = u32::try_from(start).unwrap_or(!Self::ASCII) & !Self::ASCII;
            starts.push(if ascii { at | Self::ASCII } else { at });
        };
        let mut start = 0;
        for nl in memchr::memchr_iter(b'\n', bytes) {
            push(start, nl + 1);
            start = nl + 1;
        }
        push(start, bytes.len());
        LineIndex { starts }
    }

    /// Where line `k` (zero-based) starts.
    fn start(&self, k: usize) -> Option<usize> {
        self.starts.get(k).map(|s| (s & !Self::ASCII) as usize)
    }

    /// The byte offset where one-based `line` starts, if the text has it.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.start(line.checked_sub(1)?)
    }

    /// The same as [`line_col`], in logarithmic time plus the line's length
    /// (none for an ASCII line).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| (s & !Self::ASCII) as usize <= offset);
        let at = line.saturating_sub(1);
        let start = self.start(at).unwrap_or(0).min(offset);
        let col = if self.starts.get(at).is_some_and(|s| s & Self::ASCII != 0) {
            offset - start
        } else {
            text.get(start..offset).map_or(0, |l| l.chars().count())
        } + 1;
        (line.max(1), col)
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed pseudo-random walk (xorshift64), the same in every run: the
    /// next state after `state`.
    fn xorshift(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    /// The prefix search finds what memchr's whole-needle search finds, on
    /// texts of two letters, where a needle's first sixteen bytes occur at
    /// many places (more than the tries before the whole-needle search),
    /// and on needles too short for a prefix.
    #[test]
    fn find_bytes_finds_what_memmem_finds() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| xorshift(&mut state) % n;
        let mut prefixed_past_tries = 0;
        for _ in 0..3000 {
            // Mostly `a`: long runs make many places that begin alike.
            let text: Vec<u8> = (0..next(400))
                .map(|_| if next(30) == 0 { b'b' } else { b'a' })
                .collect();
            let needle: Vec<u8> = if next(2) == 0 && text.len() > 40 {
                let at = next(text.len() as u64 - 40) as usize;
                text[at..at + 1 + next(39) as usize].to_vec()
            } else {
                (0..next(40)).map(|_| if next(30) == 0 { b'b' } else { b'a' }).collect()
            };
            if needle.len() > 16 && text.windows(16).filter(|w| *w == &needle[..16]).count() > 16 {
                prefixed_past_tries += 1;
            }
            assert_eq!(
                find_bytes(&text, &needle),
                memchr::memmem::find(&text, &needle),
                "{:?} in {:?}",
                String::from_utf8_lossy(&needle),
                String::from_utf8_lossy(&text)
            );
        }
        assert!(
            prefixed_past_tries > 100,
            "only {prefixed_past_tries} cases went past the tries"
        );
    }

    /// The eight-byte test agrees with the byte loop it speeds up, on
    /// every mix of the bytes that matter (letters, spaces, escapes,
    /// backticks, DEL, control and non-ASCII bytes) and either state.
    #[test]
    fn plain_chunk_agrees_with_the_byte_loop() {
        let bytewise = |bytes: &[u8], after: bool| bytes.iter().try_fold(after, |after, &c| plain_step(c, after));
        let alphabet = [
            b'a', b'Z', b'7', b'~', b'!', b' ', b'\\', b'`', 0x7F, 0x1F, b'\n', 0x00, 0x80, 0xE2, 0x21,
        ];
        // A fixed pseudo-random walk over eight-letter words of the alphabet.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..200_000 {
            xorshift(&mut state);
            let mut chunk = [0u8; 8];
            for (k, byte) in chunk.iter_mut().enumerate() {
                // Mostly letters and spaces, as text is.
                let pick = (state >> (k * 8)) as usize % 24;
                *byte = alphabet
                    .get(pick)
                    .copied()
                    .unwrap_or(if pick.is_multiple_of(2) { b'e' } else { b' ' });
            }
            for after in [false, true] {
                assert_eq!(
                    plain_chunk(u64::from_le_bytes(chunk), after),
                    bytewise(&chunk, after),
                    "{chunk:?} after printable: {after}"
                );
            }
        }
    }

    fn anchor(source: &str, quote: &str) -> Option<String> {
        let f = fold(source);
        find(&f, quote).ok().map(|a| source[a.start..a.end].to_string())
    }

    #[test]
    fn typography_and_spacing_fold() {
        let src = "He said \u{201C}it\u{2019}s over\u{201D} \u{2014} and\n\nleft.";
        assert_eq!(
            anchor(src, "\"it's over\" - and left").as_deref(),
            Some("\u{201C}it\u{2019}s over\u{201D} \u{2014} and\n\nleft")
        );
    }

    #[test]
    fn escapes_left_by_web_capture_are_ignored() {
        let src = r"from 100,000 drams (\$250) to 180,000";
        assert_eq!(
            anchor(src, "100,000 drams ($250)").as_deref(),
            Some(r"100,000 drams (\$250)")
        );
    }

    #[test]
    fn composed_and_decomposed_accents_match() {
        let src = "Erevan, capitale de l\u{2019}Arme\u{0301}nie";
        assert_eq!(
            anchor(src, "capitale de l'Arm\u{00E9}nie").as_deref(),
            Some("capitale de l\u{2019}Arme\u{0301}nie")
        );
    }

    #[test]
    fn any_script() {
        let ru = "Армения приостановила участие в ОДКБ в 2024 году.";
        assert_eq!(
            anchor(ru, "приостановила участие в ОДКБ").as_deref(),
            Some("приостановила участие в ОДКБ")
        );
        let ar = "قالت أرمينيا إنها جمدت مشاركتها في المنظمة";
        assert_eq!(anchor(ar, "جمدت مشاركتها").as_deref(), Some("جمدت مشاركتها"));
    }

    #[test]
    fn a_changed_word_or_case_is_a_miss_with_the_nearest_passage() {
        let src = "Line one.\nArmenia suspended its participation in the CSTO.\nLine three.";
        let f = fold(src);
        let miss = find(&f, "Armenia withdrew its participation in the CSTO")
            .unwrap_err()
            .unwrap();
        assert_eq!(line_col(src, miss.start), (2, 1));
        assert!(miss.similarity > 0.7 && miss.similarity < 1.0, "{}", miss.similarity);
        assert!(anchor(src, "armenia suspended").is_none());
    }

    #[test]
    fn line_and_column_count_characters() {
        let src = "ab\nцd\u{2019}e";
        assert_eq!(line_col(src, src.find('e').unwrap()), (2, 4));
        // ASCII lines (counted in bytes) beside others, at either end.
        for src in [
            src,
            "",
            "\n",
            "plain\r\nascii\n",
            "é\nascii line\n\u{1F600} x\nend",
            "a\n\nb",
        ] {
            let index = LineIndex::new(src);
            for offset in 0..=src.len() + 2 {
                assert_eq!(
                    index.line_col(src, offset),
                    line_col(src, offset),
                    "{src:?} at {offset}"
                );
            }
        }
    }
}
