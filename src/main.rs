//! The `claimcheck` binary: parse arguments, run, exit with the code.
use std::io::IsTerminal;

use claimcheck::cli::{self, Args, ColorChoice};
use clap::Parser;

/// mimalloc rather than the system allocator: loading a large corpus makes
/// millions of small strings across two threads, and the system allocator's
/// locking, and its returning memory to the kernel only to fault it back in,
/// took a third of loading time (100,000 claims: load 0.98 -> 0.60 s).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mi_option_t` (`include/mimalloc.h`,
/// v2 and v3); libmimalloc-sys names no constant for it. The test below
/// checks that the option at this index has the purge delay's default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tells mimalloc never to hand freed memory back to the kernel. By
/// default it does so a second after the free, and a run of a large corpus
/// frees the loading phase's memory while the analysis is still allocating:
/// the kernel then zeroes the same pages again. On a 100,000-claim report
/// that refaulting was a fifth to a third of all CPU time (kernel time 0.6
/// to 1.1 s against 0.15 s without purging, peak memory unchanged). A run
/// of claimcheck is short and exits without freeing, so memory it keeps is
/// returned at exit anyway.
#[allow(unsafe_code)]
fn keep_freed_memory() {
    // SAFETY: `mi_option_set` is mimalloc's documented, thread-safe way to
    // set an option at any time; it takes plain integers, and a purge delay
    // of -1 is a documented value ("no purging at all").
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

fn main() {
    keep_freed_memory();
    claimcheck::timings::mark("started");
    let args = Args::parse();
    cli::exit_after_run();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal(),
    };
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = anstream::AutoStream::new(
        std::io::stdout(),
        if color {
            anstream::ColorChoice::Always
        } else {
            anstream::ColorChoice::Never
        },
    );
    let mut err = anstream::AutoStream::new(
        std::io::stderr(),
        if color {
            anstream::ColorChoice::Always
        } else {
            anstream::ColorChoice::Never
        },
    );
    let mut raw = std::io::stdout().lock();
    let out: &mut dyn std::io::Write = if args.raw_stdout() { &mut raw } else { &mut out };
    let code = match cli::run(args, &mut input, out, &mut err, color) {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            use std::io::Write;
            let _ = writeln!(err, "error: {e}");
            2
        }
    };
    claimcheck::timings::mark("done");
    std::process::exit(code);
}

#[cfg(test)]
mod tests {
    /// The index named `MI_OPTION_PURGE_DELAY` is mimalloc's purge delay:
    /// unset, it holds that option's default of 1000 ms (mimalloc v3), a
    /// value no neighbouring option has; after `keep_freed_memory` it is -1.
    #[test]
    #[allow(unsafe_code)]
    fn the_purge_delay_option_is_the_one_set() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads an option's integer value; no memory is touched.
        let get = || unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(get(), 1000);
        super::keep_freed_memory();
        assert_eq!(get(), -1);
    }
}
