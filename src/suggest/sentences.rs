//! Sentences of an article, as byte ranges of its body: a paragraph is
//! split after `.`, `!` or `?` followed by a space (not after a title such
//! as "Mr." or an initial, nor inside "7.8"), and after `。`, `！`, `？`.

use std::ops::Range;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 24] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "prof", "sen", "rep", "gov", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "no", "vs", "sr", "jr",
];

/// The sentences of `body`, trimmed, in text order.
pub fn sentences(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let text = body.get(s..e).unwrap_or_default();
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        if trimmed.chars().any(char::is_alphanumeric) {
            out.push(s + lead..s + lead + trimmed.len());
        }
    };
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let next = chars.peek().map(|&(_, n)| n);
        let split = match c {
            '\n' => true,
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => {
                (next.is_none_or(char::is_whitespace) && !(c == '.' && abbreviation(body, start, i)))
                    // "on November 9.The opposition": a sentence run on
                    // without its space.
                    || (next.is_some_and(char::is_uppercase)
                        && body.get(..i).and_then(|b| b.chars().next_back()).is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                        && !abbreviation(body, start, i))
            }
            _ => false,
        };
        if split {
            push(start, end, &mut out);
            start = end;
        }
    }
    push(start, body.len(), &mut out);
    out
}

/// True when the full stop at `dot` closes a title or an initial.
fn abbreviation(body: &str, start: usize, dot: usize) -> bool {
    let before = body.get(start..dot).unwrap_or_default();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // "U.S." and "a.m." carry their own dots.
    single || lower.contains('.') || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::sentences;

    fn texts(body: &str) -> Vec<&str> {
        sentences(body).into_iter().filter_map(|r| body.get(r)).collect()
    }

    #[test]
    fn sentences_end_where_news_ends_them() {
        assert_eq!(
            texts("A 7.8 quake hit. Mr. Correa said 77 died! The U.S. sent aid.\nNew line"),
            [
                "A 7.8 quake hit.",
                "Mr. Correa said 77 died!",
                "The U.S. sent aid.",
                "New line"
            ]
        );
        assert_eq!(
            texts("地震造成120余人死亡。救援正在进行"),
            ["地震造成120余人死亡。", "救援正在进行"]
        );
        assert_eq!(texts("At 8:36 a.m. the toll rose."), ["At 8:36 a.m. the toll rose."]);
        assert_eq!(
            texts("on November 9.The opposition"),
            ["on November 9.", "The opposition"]
        );
    }
}
