//! The corpus: the editor's files and what they become once validated.
//!
//! Files on disk ([`files`]) are read into spanned records and validated
//! ([`load`]) into the plain model ([`model`]), with every problem as a
//! located diagnostic ([`diag`]). The corpus's settings ([`settings`]), the
//! JSON Schemas of its files ([`schema`]) and the commands that create and
//! extend it ([`scaffold`]) live here too: everything that knows the
//! corpus's layout on disk.

pub mod diag;
pub mod files;
pub mod load;
pub mod model;
pub mod scaffold;
pub mod schema;
pub mod settings;
