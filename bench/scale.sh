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

# One run of a command: wall seconds (to the millisecond: time's %e has
# centiseconds, too coarse for the 10k row's ratios) and peak KB.
once() {
    local t0 t1 m
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time" "$@" > /dev/null 2>&1 || true
    t1=$(date +%s%N)
    read -r m < "$work/time"
    echo "$(awk -v d="$((t1 - t0))" 'BEGIN { printf "%.3f", d / 1e9 }') $m"
}

# The median of a list of numbers.
median() {
    printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"
}

# The largest of a list of numbers.
largest() {
    printf '%s\n' "$@" | sort -g | tail -1
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
    # Rounds of floor, check, report: the three see the machine in the
    # same state, so a slow spell (this machine has them) moves all three
    # rather than one ratio.
    fts=() fms=() cts=() cms=() rts=() rms=()
    for _ in $(seq "$runs"); do
        read -r t m <<< "$(once target/release/examples/floor "$dir")"; fts+=("$t"); fms+=("$m")
        read -r t m <<< "$(once "$bin" --corpus "$dir" check)"; cts+=("$t"); cms+=("$m")
        read -r t m <<< "$(once "$bin" --corpus "$dir" report --format json)"; rts+=("$t"); rms+=("$m")
    done
    ft=$(median "${fts[@]}") ct=$(median "${cts[@]}") rt=$(median "${rts[@]}")
    fm=$(( $(largest "${fms[@]}") / 1024 )) cm=$(( $(largest "${cms[@]}") / 1024 )) rm_=$(( $(largest "${rms[@]}") / 1024 ))
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
