#!/usr/bin/env bash
# Protected portfolios: every client of a generated corpus protected by two readers (a
# variable each), then a full build, a rebuild with nothing changed and a rebuild after
# editing one report, each measured in CPU time (user + sys, from /usr/bin/time: the
# machine is shared, so wall time says more about the neighbours than about portico),
# median of RUNS runs. Prints one Markdown table row per measure. Run by run.sh; alone:
#
#   tests/bench/protected.sh PORTICO GEN_CORPUS WORK_DIR CLIENTS REPORTS RUNS
set -euo pipefail
portico=$1 gen=$2 work=$3 clients=$4 reports=$5 runs=$6
corpus="$work/protected-$clients"
out="$work/protected-$clients-out"
as_of="--as-of 2027-01-01"
"$gen" --clients "$clients" --reports "$reports" --out "$corpus" >/dev/null
rm -rf "$out"
for dir in "$corpus"/clients/*/; do
  slug=$(basename "$dir"); var=$(echo "$slug" | tr 'a-z-' 'A-Z_')
  printf 'access:\n  passwords:\n    - { name: First Reader, env: %s_A }\n    - { name: Second Reader, env: %s_B }\n' "$var" "$var" >> "$dir/client.yaml"
  export "${var}_A=$slug amber lantern quietly folds the harbour"
  export "${var}_B=$slug seven copper kettles hum at dawn"
done
# CPU seconds (user + sys) of one run of the command: cpu COMMAND...
cpu() {
  /usr/bin/time -f '%U %S' -o "$work/cpu.txt" "$@" >/dev/null 2>&1
  awk '{printf "%.2f", $1 + $2}' "$work/cpu.txt"
}
median() { python3 -c 'import sys,statistics; print("%.2f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
full=$(cpu "$portico" build "$corpus" --out "$out" $as_of)
noop=(); written=(); edit=()
report=$(ls "$corpus/clients/client-0005/reports" | tail -1)
for _ in $(seq "$runs"); do
  touch "$work/stamp"; sleep 1
  noop+=("$(cpu "$portico" build "$corpus" --out "$out" $as_of)")
  written+=("$(find "$out" "$corpus/.portico" -newer "$work/stamp" | wc -l)")
  echo 'One more line.' >> "$corpus/clients/client-0005/reports/$report"
  edit+=("$(cpu "$portico" build "$corpus" --out "$out" $as_of)")
done
rebuilt=$(echo 'One more line.' >> "$corpus/clients/client-0005/reports/$report"; "$portico" build "$corpus" --out "$out" $as_of 2>/dev/null | grep -o '[0-9,]* rebuilt' || true)
echo "| $clients protected clients x 2 readers: full build | ${full} s CPU | |"
echo "| $clients protected: rebuild, nothing changed | $(median "${noop[@]}") s CPU, ${written[0]} files written | < 1.5 s, 0 files |"
echo "| $clients protected: rebuild after editing one report | $(median "${edit[@]}") s CPU ($rebuilt) | that client only |"
