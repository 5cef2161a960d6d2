#!/usr/bin/env bash
# portico's benchmark: generated portfolios of 100 x 10, 500 x 20 and 1,000 x 50 (clients x
# reports), timed with hyperfine, against `cp -r` of the same output and against Hugo
# building the same reports. Prints a Markdown table (the README's performance section).
#
#   tests/bench/run.sh            # needs hyperfine and hugo (apt-get install hyperfine hugo)
#   BENCH_DIR=/some/disk tests/bench/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-$(mktemp -d)}
runs=${BENCH_RUNS:-5}
cd "$repo"
for tool in hyperfine hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y hyperfine hugo time" >&2; exit 1; }
done
cargo build --release --quiet --locked
cargo build --release --quiet --locked --example gen_corpus
portico="$repo/target/release/portico"
gen="$repo/target/release/examples/gen_corpus"

mean() { python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"; }
bench() { # name, prepare, command
  hyperfine --style none --warmup 1 --runs "$runs" --prepare "$2" --export-json "$work/$1.json" "$3" >/dev/null 2>&1
  mean "$work/$1.json"
}

rows=()
for size in 100x10 500x20 1000x50; do
  clients=${size%x*}; reports=${size#*x}
  corpus="$work/corpus-$size"; out="$work/out-$size"
  [ -d "$corpus" ] || "$gen" --clients "$clients" --reports "$reports" --out "$corpus" >/dev/null
  full=$(bench "full-$size" "rm -rf $out" "$portico build $corpus --out $out --as-of 2027-01-01")
  pages=$(find "$out" -name '*.html' | wc -l)
  rows+=("| $size | $pages | $full | $(python3 -c "print(round($pages / $full))") |")
done

# The 1,000 x 50 targets.
corpus="$work/corpus-1000x50"; out="$work/out-1000x50"; copy="$work/copy-1000x50"
cp_time=$(bench cp "rm -rf $copy; sync" "cp -r $out $copy")
full=$(mean "$work/full-1000x50.json")
"$portico" build "$corpus" --out "$out" --as-of 2027-01-01 >/dev/null 2>&1
noop=$(bench noop "true" "$portico build $corpus --out $out --as-of 2027-01-01")
touch "$work/stamp"; sleep 1
"$portico" build "$corpus" --out "$out" --as-of 2027-01-01 >/dev/null 2>&1
written=$(find "$out" -newer "$work/stamp" | wc -l)
report=$(ls "$corpus/clients/client-0500/reports" | tail -1)
edit=$(bench edit "echo 'One more line.' >> $corpus/clients/client-0500/reports/$report" "$portico build $corpus --out $out --as-of 2027-01-01")
rm -rf "$out"
/usr/bin/time -v "$portico" build "$corpus" --out "$out" --as-of 2027-01-01 >/dev/null 2>"$work/time.txt"
peak=$(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time.txt")

# Hugo over the same reports: one section per client, one page per report.
site="$work/hugo"
if [ ! -d "$site/content" ]; then
  mkdir -p "$site/layouts/_default" "$site/content"
  printf 'baseURL = "http://example.org/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' > "$site/hugo.toml"
  printf '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n' > "$site/layouts/_default/baseof.html"
  printf '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}{{ end }}\n' > "$site/layouts/_default/single.html"
  printf '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n' > "$site/layouts/_default/list.html"
  for client in "$corpus"/clients/*/; do
    name=$(basename "$client")
    mkdir -p "$site/content/$name"
    cp "$client"reports/*.md "$site/content/$name/"
  done
fi
hugo_time=$(bench hugo "rm -rf $site/public" "hugo --quiet --source $site")
hugo_pages=$(find "$site/public" -name '*.html' | wc -l)

cat <<TABLE
Scaling (full build from scratch, release, $(nproc) cores, mean of $runs runs):

| clients x reports | pages | seconds | pages/s |
| --- | ---: | ---: | ---: |
$(printf '%s\n' "${rows[@]}")

Targets at 1,000 x 50:

| measure | result | target |
| --- | ---: | --- |
| full build | $full s | <= 2 x cp -r |
| cp -r of the same output | $cp_time s | |
| full build / cp -r | $(python3 -c "print(round($full / $cp_time, 2))") | <= 2 |
| peak memory (full build) | $peak MiB | <= 256 MiB |
| rebuild, nothing changed | $noop s, $written files written | < 1.5 s, 0 files |
| rebuild after editing one report | $edit s | < 1.5 s |
| Hugo $(hugo version | awk '{print $2}' | cut -d- -f1), same reports ($hugo_pages pages) | $hugo_time s | |
| portico / Hugo | $(python3 -c "print(round($full / $hugo_time, 2))") | |
TABLE
