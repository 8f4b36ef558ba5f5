//! Changes a passage states in words: "rose from 150,000 to 212,000",
//! "212,000, up from 150,000", "77, then 262".
//!
//! Two figures of one count in one passage of one source speak of one
//! moment ([`super::moment::same_passage`]): where they differ, the source
//! contradicts itself. Their order in the text never orders them, since a
//! paragraph may give its newest figure first; only the words between
//! them can say that they are two moments, and which came first. Those
//! words are data per language (`data/lang/changes.toml`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::moment::Order;
use super::quantity::point;
use crate::corpus::model::Claim;
use crate::read::quantity::appears_in;

/// One language's words between two figures of different moments.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeWords {
    /// The figure before the words is the earlier.
    onward: Vec<String>,
    /// The figure before the words is the later.
    back: Vec<String>,
}

fn words(lang: &str) -> Option<&'static ChangeWords> {
    static WORDS: std::sync::OnceLock<BTreeMap<String, ChangeWords>> = std::sync::OnceLock::new();
    let all = WORDS.get_or_init(|| toml::from_str(include_str!("../../data/lang/changes.toml")).unwrap_or_default());
    let primary = lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    all.get(&primary)
}

/// The order in time of two figures of one passage, when its words state
/// one: `Before` when `a` is the earlier. The passage is the quote both
/// share (or the one that holds the other), else the two quotes in text
/// order.
pub fn stated_order(a: &Claim, b: &Claim, lang: &str) -> Option<Order> {
    let (x, y) = (point(a)?, point(b)?);
    if x == y {
        return None;
    }
    let text = if a.quote.contains(&b.quote) {
        a.quote.clone()
    } else if b.quote.contains(&a.quote) {
        b.quote.clone()
    } else if a.quote_span.start <= b.quote_span.start {
        format!("{} {}", a.quote, b.quote)
    } else {
        format!("{} {}", b.quote, a.quote)
    };
    let text = text.to_lowercase();
    let w = words(lang)?;
    let lists = [(&w.back, false), (&w.onward, true)];
    for (list, onward) in lists {
        for word in list {
            for (at, _) in text.match_indices(word.as_str()) {
                let (left, right) = (text.get(..at)?, text.get(at + word.len()..)?);
                let split = |first: f64, second: f64| {
                    appears_in(first, left)
                        && !appears_in(second, left)
                        && appears_in(second, right)
                        && !appears_in(first, right)
                };
                // The figure on the left is the earlier when the words go onward.
                let left_is_a = if split(x, y) {
                    true
                } else if split(y, x) {
                    false
                } else {
                    continue;
                };
                return Some(if left_is_a == onward {
                    Order::Before
                } else {
                    Order::After
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two claims of one count quoting all of `text`, in a source of
    /// language `lang`, giving `x` and `y`.
    fn pair(text: &str, lang: &str, x: f64, y: f64) -> (Claim, Claim) {
        let source = format!(
            "+++\ntitle = \"t\"\noutlet = \"o\"\npublished = \"2020-01-01\"\npublished_basis = \"b\"\nkind = \"news\"\nlanguage = \"{lang}\"\n+++\n{text}\n"
        );
        let properties = "[[property]]\nsubject = \"s\"\nproperty = \"p\"\nquestion = \"q?\"\nkind = \"quantity\"\nunit = \"people\"\n";
        let claim = |id: &str, v: f64| {
            format!("[[claim]]\nid = \"{id}\"\nsource = \"a\"\nquote = \"{text}\"\nsubject = \"s\"\nproperty = \"p\"\nvalue = \"{v}\"\n\n")
        };
        let claims = format!("{}{}", claim("x", x), claim("y", y));
        let loaded = crate::corpus::load::load_texts(
            &[("sources/a.txt", &source)],
            Some(properties),
            &[("claims/c.toml", &claims)],
        );
        assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics);
        let mut it = loaded.corpus.claims.into_iter();
        let (Some(a), Some(b)) = (it.next(), it.next()) else {
            panic!("two claims")
        };
        (*a, *b)
    }

    fn order_of(text: &str, lang: &str, x: f64, y: f64) -> Option<Order> {
        let (a, b) = pair(text, lang, x, y);
        stated_order(&a, &b, lang)
    }

    #[test]
    fn the_words_between_two_figures_order_them() {
        let q = "the number of displaced rose from 150,000 to 212,000";
        assert_eq!(order_of(q, "en", 150000.0, 212000.0), Some(Order::Before));
        let q = "212,000 people are displaced, up from 150,000";
        assert_eq!(order_of(q, "en", 150000.0, 212000.0), Some(Order::Before));
        let q = "the toll rose to 262 from 77";
        assert_eq!(order_of(q, "en", 262.0, 77.0), Some(Order::After));
        let q = "la cifra de desplazados pasó de 150.000 a 212.000";
        assert_eq!(order_of(q, "es", 212000.0, 150000.0), Some(Order::After));
        let q = "受灾人数从15万人增至21.2万人";
        assert_eq!(order_of(q, "zh", 150000.0, 212000.0), Some(Order::Before));
    }

    #[test]
    fn the_text_order_alone_orders_nothing() {
        let q = "officials said 150,000 people were displaced; the agency counted 212,000";
        assert_eq!(order_of(q, "en", 150000.0, 212000.0), None);
        let q = "212,000 people were displaced, officials said, while the agency counted 150,000";
        assert_eq!(order_of(q, "en", 212000.0, 150000.0), None);
    }
}
