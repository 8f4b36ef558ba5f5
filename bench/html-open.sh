#!/usr/bin/env bash
# How long a large HTML report takes to open in Chromium: a generated
# corpus of CLAIMS claims (default 100,000: about 10,500 findings), its
# report written with `report --format html`, then opened headless RUNS
# times (default 5). A line added after the page's own script logs, through
# the console, the milliseconds from navigation to the end of that script
# (the page is interactive: filters, search and keys work) and to the first
# frame after the load event. Prints the median of each, with the page size.
#   bash bench/html-open.sh [CLAIMS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${1:-100000}
runs=${2:-5}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
cargo build --release --quiet --bin claimcheck --example gen-corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/examples/gen-corpus --claims "$claims" --seed 1 "$work/corpus"
/usr/bin/time -f "report --format html: %e s, %M KB" \
    target/release/claimcheck --corpus "$work/corpus" report --format html -o "$work/report.html"
findings=$(grep -c '<article class="finding' "$work/report.html")
sed 's#</body>#<script>console.log("END " + Math.round(performance.now())); addEventListener("load", function () { requestAnimationFrame(function () { setTimeout(function () { console.log("PAINT " + Math.round(performance.now())); }, 0); }); });</script></body>#' \
    "$work/report.html" > "$work/timed.html"
ends=() paints=()
for _ in $(seq "$runs"); do
    out=$("$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --window-size=1200,1600 \
        --enable-logging=stderr --v=0 --screenshot="$work/shot.png" "file://$work/timed.html" 2>&1 || true)
    ends+=("$(grep -o '"END [0-9]*"' <<< "$out" | tr -dc 0-9)")
    paints+=("$(grep -o '"PAINT [0-9]*"' <<< "$out" | tr -dc 0-9)")
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "$claims claims, $findings findings, $(( $(stat -c %s "$work/report.html") / 1000000 )) MB page:" \
    "interactive $(median "${ends[@]}") ms, first frame after load $(median "${paints[@]}") ms (median of $runs)"
