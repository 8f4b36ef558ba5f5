#!/usr/bin/env bash
# Checks that two builds of claimcheck give byte-identical output: `check`,
# `check --strict`, the report in all four formats, both exports and `show`
# of every question, on every corpus in the repository (broken ones
# included) and on a generated corpus; and `date` on the TimeML rows.
# For moves and refactors that must not change behaviour.
#   bash bench/identical.sh OLD_BINARY NEW_BINARY [CLAIMS]
# CLAIMS is the generated corpus's size (default 10000). Prints the number
# of comparisons and every difference; exits 1 if any.
set -uo pipefail
cd "$(dirname "$0")/.."
claims=${3:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Both under one name, so that their help texts (which name the binary) compare.
mkdir "$work/old-bin" "$work/new-bin"
cp "$1" "$work/old-bin/claimcheck"
cp "$2" "$work/new-bin/claimcheck"
old=$work/old-bin/claimcheck
new=$work/new-bin/claimcheck
cargo run --quiet --release --example gen-corpus -- --claims "$claims" --seed 7 "$work/generated" > /dev/null

corpora=(. "$work/generated")
while IFS= read -r d; do corpora+=("$d"); done < <(find tests/corpora -name claims -type d | sed 's#/claims$##' | sort)

# One command with both binaries: stdout, stderr and the exit code.
compared=0
differ=0
run_both() {
    local dir=$1
    shift
    for which in old new; do
        local bin=$old
        [ "$which" = new ] && bin=$new
        (cd "$work" && "$bin" --color never --corpus "$dir" "$@" > "$work/$which.out" 2> "$work/$which.err"; echo $? > "$work/$which.code")
    done
    compared=$((compared + 1))
    if ! cmp -s "$work/old.out" "$work/new.out" || ! cmp -s "$work/old.err" "$work/new.err" || ! cmp -s "$work/old.code" "$work/new.code"; then
        differ=$((differ + 1))
        echo "DIFFERS: --corpus $dir $*"
        diff <(cat "$work/old.code" "$work/old.err" "$work/old.out") <(cat "$work/new.code" "$work/new.err" "$work/new.out") | head -20
    fi
}

for d in "${corpora[@]}"; do
    dir=$(realpath "$d")
    run_both "$dir" check
    run_both "$dir" check --strict
    for f in text markdown json html; do run_both "$dir" report --format "$f" --all; done
    run_both "$dir" report
    for f in jsonl claimreview; do run_both "$dir" export --format "$f"; done
    run_both "$dir" review
    if [ "$d" != "$work/generated" ]; then
        keys=$(sed -n 's/^\[\([^]]*\)\]$/\1/p' "$dir/claims/properties.toml" 2> /dev/null | tr -d '"' | sed 's/\./\//' | head -20)
        for k in $keys; do run_both "$dir" show "$k"; done
    fi
done

# Every command's help.
for c in "" check date report export show init add "add source" "add claim" schema review; do
    # shellcheck disable=SC2086
    run_both . $c --help
done

# The time reader on real news expressions, alone and with the sentence.
tsv=tests/data/timeml/aquaint-dates.tsv
if [ -f "$tsv" ]; then
    for which in old new; do
        bin=$old
        [ "$which" = new ] && bin=$new
        tail -n +2 "$tsv" | cut -f2,3 | "$bin" date --batch > "$work/$which.dates" 2>&1
    done
    compared=$((compared + 1))
    cmp -s "$work/old.dates" "$work/new.dates" || { differ=$((differ + 1)); echo "DIFFERS: date --batch"; }
fi
echo "$compared comparisons, $differ differ"
[ "$differ" -eq 0 ]
