//! Phase timings for benchmarks: with `CLAIMCHECK_TIMINGS` set, each phase
//! of a run prints, on stderr, the milliseconds since the process began its
//! work and the memory it holds (Linux). A whole-process time says how long
//! a run takes; this says where it goes, without a profiler.

use std::sync::OnceLock;
use std::time::Instant;

/// When timing began, or `None` when timings are off (the usual case: one
/// environment look-up per process, then a branch per phase).
fn start() -> Option<Instant> {
    static START: OnceLock<Option<Instant>> = OnceLock::new();
    *START.get_or_init(|| std::env::var_os("CLAIMCHECK_TIMINGS").map(|_| Instant::now()))
}

/// Notes that the phase `what` has ended.
#[allow(clippy::print_stderr)] // the point: beside the output, never in it
pub fn mark(what: &str) {
    let Some(start) = start() else { return };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    match resident_mb() {
        Some(mb) => eprintln!("timings: {ms:>8.1} ms {mb:>6} MB  {what}"),
        None => eprintln!("timings: {ms:>8.1} ms  {what}"),
    }
}

/// Resident memory in MB, from `/proc/self/statm` (pages of 4 KiB).
fn resident_mb() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4 / 1024)
}
