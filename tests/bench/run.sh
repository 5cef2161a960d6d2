#!/usr/bin/env bash
# portico's benchmark: generated portfolios of 100 x 10, 500 x 20 and 1,000 x 50 (clients x
# reports). Full builds are timed against `cp -r` of the same output, round by round
# (versus_cp.py); rebuilds with hyperfine; the preview's start and save-to-reload time with
# a real server (serve_latency.py); Hugo builds the same reports; the same builds into RAM
# (ram.sh); protected portfolios of 100 and 1,000 clients (protected.sh, CPU time); and 4
# shards against the full build (shards.sh). Prints Markdown tables (the README's
# performance section).
#
#   tests/bench/run.sh            # needs hyperfine, hugo and time (apt-get install hyperfine hugo time)
#   BENCH_DIR=/some/disk BENCH_RUNS=5 tests/bench/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-$(mktemp -d)}
runs=${BENCH_RUNS:-5}
cd "$repo"
for tool in hyperfine hugo /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y hyperfine hugo time python3" >&2; exit 1; }
done
cargo build --release --quiet --locked
cargo build --release --quiet --locked --example gen_corpus
portico="$repo/target/release/portico"
gen="$repo/target/release/examples/gen_corpus"
as_of="--as-of 2027-01-01"

# Reads a value out of a JSON file: json FILE EXPRESSION (Python, over the object's keys).
json() { python3 -c 'import json,sys; print(eval(sys.argv[2], {}, json.load(open(sys.argv[1]))))' "$1" "$2"; }
# Mean seconds of a hyperfine run: bench NAME PREPARE COMMAND.
bench() {
  hyperfine --style none --warmup 1 --runs "$runs" --prepare "$2" --export-json "$work/$1.json" "$3" >/dev/null 2>&1
  json "$work/$1.json" '"%.3f" % results[0]["mean"]'
}

rows=()
for size in 100x10 500x20 1000x50; do
  clients=${size%x*}; reports=${size#*x}
  corpus="$work/corpus-$size"; out="$work/out-$size"; copy="$work/copy-$size"
  [ -d "$corpus" ] || "$gen" --clients "$clients" --reports "$reports" --out "$corpus" >/dev/null
  python3 "$here/versus_cp.py" "$runs" "$out" "$copy" -- "$portico" build "$corpus" --out "$out" $as_of \
    > "$work/full-$size.json"
  "$portico" build "$corpus" --out "$out" $as_of >/dev/null
  pages=$(find "$out" -name '*.html' | wc -l)
  report_pages=$(find "$out" -path '*/reports/*/index.html' | wc -l)
  full=$(json "$work/full-$size.json" build_median)
  rows+=("| $size | $pages | $report_pages | $full | $(json "$work/full-$size.json" cp_median) | $(json "$work/full-$size.json" ratio_median) | $(python3 -c "print(round($report_pages / $full))") | $(python3 -c "print(round($full / $pages * 1e6))") |")
done

# The 1,000 x 50 targets.
corpus="$work/corpus-1000x50"; out="$work/out-1000x50"
noop=$(bench noop "true" "$portico build $corpus --out $out $as_of")
touch "$work/stamp"; sleep 1
"$portico" build "$corpus" --out "$out" $as_of >/dev/null 2>&1
written=$(find "$out" -newer "$work/stamp" | wc -l)
report=$(ls "$corpus/clients/client-0500/reports" | tail -1)
edit=$(bench edit "echo 'One more line.' >> $corpus/clients/client-0500/reports/$report" "$portico build $corpus --out $out $as_of")
rm -rf "$out"; sync
/usr/bin/time -v "$portico" build "$corpus" --out "$out" $as_of >/dev/null 2>"$work/time.txt"
peak=$(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time.txt")
# The consultant's portfolio of the 1,000 clients against a check of the same portal: it
# loads and checks every client like check, but renders one table instead of every page.
check_time=$(bench check "true" "$portico check $corpus $as_of")
portfolio_time=$(bench portfolio "true" "$portico portfolio $corpus --out $work/portfolio-1000x50 $as_of")
python3 "$here/serve_latency.py" "$portico" "$corpus" "$corpus/clients/client-0500/reports/$report" 10 > "$work/serve.json"

# Hugo over the same reports: one section per client, one page per report.
site="$work/hugo"
if [ ! -d "$site/content" ]; then
  mkdir -p "$site/layouts/_default" "$site/content"
  # Reports are dated in the future of the machine's clock: build them all the same.
  printf 'baseURL = "http://example.org/"\ntitle = "bench"\nbuildFuture = true\nbuildExpired = true\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' > "$site/hugo.toml"
  printf '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n' > "$site/layouts/_default/baseof.html"
  printf '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}{{ end }}\n' > "$site/layouts/_default/single.html"
  printf '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n' > "$site/layouts/_default/list.html"
  for client in "$corpus"/clients/*/; do
    name=$(basename "$client")
    mkdir -p "$site/content/$name"
    cp "$client"reports/*.md "$site/content/$name/"
  done
fi
hugo_time=$(bench hugo "rm -rf $site/public; sync" "hugo --quiet --source $site")
hugo_pages=$(find "$site/public" -name '*.html' | wc -l)
rm -rf "$site/public"; sync
/usr/bin/time -v hugo --quiet --source "$site" >/dev/null 2>"$work/hugo-time.txt"
hugo_peak=$(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/hugo-time.txt")
full=$(json "$work/full-1000x50.json" build_median)
serve="$work/serve.json"

# check at scale: one milestones.yaml of 100,000 overdue milestones, every one a warning
# printed with its source lines (issue 15: locating them was quadratic).
overdue="$work/overdue-100k"
if [ ! -d "$overdue" ]; then
  mkdir -p "$overdue/clients/acme"
  printf 'agency:\n  name: Bench\nas_of: 2026-11-20\n' > "$overdue/portico.yaml"
  printf 'name: Acme Ltd\n' > "$overdue/clients/acme/client.yaml"
  python3 -c 'import sys
for i in range(100000):
    sys.stdout.write(f"- id: M{i}\n  title: Milestone {i}\n  baseline_due: 2025-01-01\n  status: planned\n")' \
    > "$overdue/clients/acme/milestones.yaml"
fi
check_100k=$(bench check100k "true" "$portico check $overdue")

cat <<TABLE
Full build from scratch against \`cp -r\` of its output (release, $(nproc) cores, median of $runs rounds):

| clients x reports | pages | report pages | portico s | cp -r s | portico / cp -r | report pages/s | µs per page |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${rows[@]}")

Targets at 1,000 x 50:

| measure | result | target |
| --- | ---: | --- |
| full build / cp -r | $(json "$work/full-1000x50.json" ratio_median) | <= 2 |
| peak memory, full build | $peak MiB | <= 256 MiB |
| rebuild, nothing changed | $noop s, $written files written | < 1.5 s, 0 files |
| rebuild after editing one report | $edit s | < 1.5 s |
| serve: save -> reload signal, median (min-max) of 10 | $(json "$serve" 'sorted(latencies_ms)[5]') ms ($(json "$serve" 'min(latencies_ms)')-$(json "$serve" 'max(latencies_ms)')) | < 100 ms |
| serve: consultant's index after start; a report page of a client not built yet | $(json "$serve" index_ms) ms; $(json "$serve" first_page_ms) ms | < 1 s |
| serve: pages stale right after a reload signal; peak memory | $(json "$serve" stale_pages) of 10; $(json "$serve" peak_rss_mib) MiB | 0 |
| Hugo $(hugo version | awk '{print $2}' | cut -d- -f1), same reports ($hugo_pages pages), mean of $runs | $hugo_time s; $hugo_peak MiB | |
| portfolio of 1,000 clients; check of the same, mean of $runs | $portfolio_time s; $check_time s | same order as check |
| portico / Hugo | $(python3 -c "print(round($full / $hugo_time, 2))") | |
| check of 100,000 overdue milestones (100,000 warnings in full) | $check_100k s | seconds |
TABLE

echo
"$here/ram.sh" "$portico" "$corpus" "$site" "$runs"

echo
echo "Protected portfolios (every client with two readers) and shards, in CPU time (user + sys):"
echo
echo "| measure | result | target |"
echo "| --- | ---: | --- |"
for clients in ${BENCH_PROTECTED:-100 1000}; do
  "$here/protected.sh" "$portico" "$gen" "$work" "$clients" 10 "$runs"
done
"$here/shards.sh" "$portico" "$corpus" 4
