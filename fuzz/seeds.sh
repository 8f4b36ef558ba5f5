#!/usr/bin/env bash
# Writes seed inputs for each fuzz target from the shipped corpus.
set -euo pipefail
cd "$(dirname "$0")"
root=..
rm -rf seeds && mkdir -p seeds/{load,time,quantity,anchor}
i=0
for src in "$root"/sources/*.txt "$root"/tests/corpora/*/sources/*.txt; do
    i=$((i + 1))
    # load: a source, properties and one claims file, split at NUL bytes.
    dir=$(dirname "$(dirname "$src")")
    claims=$(ls "$dir"/claims/*.toml | grep -v properties.toml | head -1)
    { cat "$src"; printf '\0'; cat "$dir/claims/properties.toml"; printf '\0'; cat "$claims"; } > "seeds/load/$i"
    # anchor: a source and a sentence of it.
    { cat "$src"; printf '\0'; sed -n '12p' "$src"; } > "seeds/anchor/$i"
done
# time and quantity: the expressions and values curated in every corpus.
n=0
grep -h -E '^(as_of|since|when|value|published|written) = "' "$root"/claims/*.toml "$root"/sources/*.txt \
    "$root"/tests/corpora/*/claims/*.toml "$root"/tests/corpora/rules/*/claims/*.toml 2>/dev/null \
    | sed -E 's/^[a-z_]+ = "(.*)"$/\1/' | sort -u | while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" > "seeds/time/$n"
    printf '%s' "$line" > "seeds/quantity/$n"
done
cut -f3 "$root"/tests/data/timeml/aquaint-dates.tsv | tail -n +2 | sort -u | while IFS= read -r line; do
    printf '%s' "$line" > "seeds/time/t-$(printf '%s' "$line" | md5sum | cut -c1-8)"
done
