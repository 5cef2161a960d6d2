#!/usr/bin/env bash
# Shards: the corpus built whole and as N shards (`--shard I/N`), all into RAM (/dev/shm),
# in CPU time (user + sys); the shards' outputs, put together, must equal the full build
# byte for byte (diff -r). Prints Markdown table rows. Run by run.sh; alone:
#
#   tests/bench/shards.sh PORTICO CORPUS N
set -euo pipefail
portico=$1 corpus=$2 n=$3
ram=$(mktemp -d /dev/shm/portico-shards-XXXXXX)
trap 'rm -rf "$ram"' EXIT
as_of="--as-of 2027-01-01"
cpu() {
  /usr/bin/time -f '%U %S %e' -o "$ram/cpu.txt" "$@" >/dev/null 2>&1
  awk '{printf "%.2f", $1 + $2}' "$ram/cpu.txt"
}
full=$(cpu "$portico" build "$corpus" --out "$ram/full" $as_of)
mkdir "$ram/union"
shards=()
for i in $(seq "$n"); do
  shards+=("$(cpu "$portico" build "$corpus" --out "$ram/shard-$i" $as_of --shard "$i/$n")")
  cp -a "$ram/shard-$i/." "$ram/union/"
done
# The state of each build lives in the portal (.portico/), never in the output.
if diff -r "$ram/full" "$ram/union" >/dev/null; then same="identical (diff -r)"; else same="DIFFERENT"; fi
clients=$(find "$ram/full" -mindepth 1 -maxdepth 1 -type d | wc -l)
echo "| full build, $clients clients, into RAM | ${full} s CPU | |"
echo "| $n shards: CPU per shard | $(printf '%s / ' "${shards[@]}" | sed 's| / $||') s | about 1/$n each |"
echo "| union of the $n shards vs the full build | $same | identical |"
