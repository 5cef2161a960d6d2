#!/usr/bin/env bash
# The 1,000 x 50 build with the disk taken out: portico, `cp -r` and Hugo each write into
# RAM (/dev/shm), so what is left is each tool's own work. Run by run.sh after it has
# generated the corpus and the Hugo site; on its own:
#
#   tests/bench/ram.sh PORTICO CORPUS HUGO_SITE RUNS
set -euo pipefail
portico=$1 corpus=$2 site=$3 runs=$4
ram=$(mktemp -d /dev/shm/portico-bench-XXXXXX)
trap 'rm -rf "$ram"' EXIT
as_of="--as-of 2027-01-01"

# Mean seconds, then peak MiB of one more run: measure NAME PREPARE COMMAND.
measure() {
  hyperfine --style none --warmup 1 --runs "$runs" --prepare "$2" --export-json "$ram/$1.json" "$3" >/dev/null 2>&1
  eval "$2"
  /usr/bin/time -f '%M' -o "$ram/$1.mem" sh -c "$3" >/dev/null 2>&1
  python3 -c 'import json,sys; print("%.2f s; %d MiB" % (json.load(open(sys.argv[1]))["results"][0]["mean"], int(open(sys.argv[2]).read().split()[-1]) / 1024))' \
    "$ram/$1.json" "$ram/$1.mem"
}
secs() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$ram/$1.json"; }

portico_row=$(measure portico "rm -rf $ram/out" "$portico build $corpus --out $ram/out $as_of")
cp_row=$(measure cp "rm -rf $ram/copy" "cp -r $ram/out $ram/copy")
hugo_row=$(measure hugo "rm -rf $ram/hugo" "hugo --quiet --source $site --destination $ram/hugo")
ratio() { python3 -c "print(round($(secs "$1") / $(secs "$2"), 2))"; }
# The ratio the issue's goal is stated in: build and copy alternating round by round, so a
# neighbour's load slows both alike, and the median of the per-round ratios.
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/versus_cp.py" "$runs" "$ram/out" "$ram/copy" -- "$portico" build "$corpus" --out "$ram/out" $as_of \
  > "$ram/versus.json"
versus=$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print("%.2f s against %.2f s: %.2f" % (j["build_median"], j["cp_median"], j["ratio_median"]))' "$ram/versus.json")

cat <<TABLE
The same 1,000 x 50 build written into RAM (/dev/shm), mean of $runs runs:

| tool | time; peak memory | portico / tool |
| --- | ---: | ---: |
| portico build | $portico_row | |
| cp -r of portico's output | $cp_row | $(ratio portico cp) |
| Hugo, same reports | $hugo_row | $(ratio portico hugo) |

portico against \`cp -r\` in RAM, alternating, median of $runs per-round ratios: $versus.
TABLE
