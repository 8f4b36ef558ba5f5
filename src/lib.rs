//! claimcheck: anchor curated news claims in their sources, compare them
//! across sources in time, and report agreements, conflicts and
//! single-source assertions.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod time;
pub mod quantity;
pub mod anchor;
