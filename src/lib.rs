//! claimcheck: anchor curated news claims in their sources, compare them
//! across sources in time, and report agreements, conflicts and
//! single-source assertions.
//!
//! The binary is a thin shell over [`cli::run`]; every module here is a
//! library piece that can be tested without spawning a process.
#![forbid(unsafe_code)]
#![warn(clippy::print_stdout, clippy::print_stderr)]
// No panic that input can reach: library code neither unwraps nor indexes
// unchecked (unit tests may). Reasoned exceptions are marked where they are.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)
)]

pub mod cli;
pub mod compare;
pub mod corpus;
pub mod export;
pub mod fuzzing;
pub mod read;
pub mod report;
pub mod review;
pub mod suggest;
pub mod timings;
