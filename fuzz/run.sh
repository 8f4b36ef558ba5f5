#!/usr/bin/env bash
# Fuzzes each target for SECONDS (default 60) with cargo-fuzz on nightly.
# Seeds come from the shipped corpus (fuzz/seeds/<target>, made by
# fuzz/seeds.sh); every input that crashes is copied into
# tests/data/fuzz/<target>/, where `cargo test --test fuzz_regressions`
# replays it in the normal test suite. Exit status: 1 if any target crashed.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
status=0
bash seeds.sh
for target in load time quantity anchor; do
    echo "== fuzzing $target for ${seconds}s"
    # Artifacts of earlier runs are already kept; start this one empty.
    rm -rf "artifacts/$target"
    mkdir -p "corpus/$target" "artifacts/$target"
    if ! cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="artifacts/$target/"; then
        status=1
    fi
    for crash in artifacts/"$target"/*; do
        [ -f "$crash" ] || continue
        cp "$crash" "../tests/data/fuzz/$target/$(basename "$crash")"
        echo "kept $crash as tests/data/fuzz/$target/$(basename "$crash")"
    done
done
exit $status
