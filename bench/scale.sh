#!/usr/bin/env bash
# Whole-process wall time and peak memory of `claimcheck check` and
# `claimcheck report --format json` on generated corpora of 1k, 10k and 100k
# claims, beside the floor (reading and parsing the same TOML) measured in
# the same run. Median of RUNS runs (default 3). Prints a Markdown table.
#   bash bench/scale.sh [RUNS] [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
sizes=${*:-1000 10000 100000}
cargo build --release --quiet --bin claimcheck --example gen-corpus --example floor
bin=target/release/claimcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Median wall seconds and max peak KB over $runs runs of a command.
measure() {
    local times=() mems=()
    for _ in $(seq "$runs"); do
        # Wall time to the millisecond (time's %e has centiseconds, too
        # coarse for the 10k row's ratios); peak memory from time's %M.
        local t0 t1
        t0=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$work/time" "$@" > /dev/null 2>&1 || true
        t1=$(date +%s%N)
        read -r m < "$work/time"
        times+=("$(awk -v d="$((t1 - t0))" 'BEGIN { printf "%.3f", d / 1e9 }')")
        mems+=("$m")
    done
    local median peak
    median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")
    peak=$(printf '%s\n' "${mems[@]}" | sort -g | tail -1)
    echo "$median $((peak / 1024))"
}

echo "| claims | sources | floor: read + parse | \`check\` | \`report --format json\` | check / floor | report / floor |"
echo "|---|---|---|---|---|---|---|"
growth=()
for n in $sizes; do
    dir="$work/c$n"
    target/release/examples/gen-corpus --claims "$n" --seed 1 "$dir"
    sources=$(ls "$dir/sources" | wc -l)
    # Write the new corpus out (the kernel's writeback would otherwise run
    # during the timings) and warm the page cache so every command reads
    # from memory.
    sync
    cat "$dir"/sources/* "$dir"/claims/* > /dev/null
    read -r ft fm <<< "$(measure target/release/examples/floor "$dir")"
    read -r ct cm <<< "$(measure "$bin" --corpus "$dir" check)"
    read -r rt rm_ <<< "$(measure "$bin" --corpus "$dir" report --format json)"
    ratio=$(awk -v c="$ct" -v f="$ft" 'BEGIN { printf "%.1f", (f > 0 ? c / f : 0) }')
    report_ratio=$(awk -v r="$rt" -v f="$ft" 'BEGIN { printf "%.1f", (f > 0 ? r / f : 0) }')
    echo "| $n | $sources | ${ft} s, ${fm} MB | ${ct} s, ${cm} MB | ${rt} s, ${rm_} MB | ${ratio}× | ${report_ratio}× |"
    # Growth from the previous size: the target is at most x11 for x10 claims.
    if [ -n "${prev_n:-}" ]; then
        growth+=("x$(( n / prev_n )) claims ($prev_n -> $n): check x$(awk -v a="$ct" -v b="$prev_ct" 'BEGIN { printf "%.1f", a / b }'), report x$(awk -v a="$rt" -v b="$prev_rt" 'BEGIN { printf "%.1f", a / b }')")
    fi
    prev_n=$n prev_ct=$ct prev_rt=$rt
done
echo
printf '%s\n' "${growth[@]}"
