//! Reading news text as the article wrote it: dates and times ([`time`]),
//! figures ([`quantity`]), the words of each language ([`lang`], from
//! CLDR: [`cldr`]), zones ([`zone`], from the tz database) and
//! finding a quote in its source ([`anchor`]), and the update stamps of
//! pages updated in place ([`updates`]).
//!
//! Nothing here knows the corpus or the comparison: these are pure readers
//! of strings, used by the loader to validate claims and by `claimcheck
//! date`.

pub mod anchor;
pub mod cldr;
pub mod lang;
pub mod quantity;
pub mod time;
pub mod updates;
pub mod zone;
