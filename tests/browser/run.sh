#!/usr/bin/env bash
# The client's reading experience, checked by tools nobody on the project wrote, over every
# page of the example portal and of every fixture that builds:
#   1. the Nu Html Checker (vnu-jar): zero errors;
#   2. checks.mjs in headless Chromium: axe-core, no-JS, 360 px, tap targets, print, sub-path.
# The example's internal portfolio (`portico portfolio`) is checked the same way.
# Needs java, node and Debian's chromium; .ci/run installs them. Usage: tests/browser/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
started=$(date +%s)

[ -f "$here/node_modules/vnu-jar/build/dist/vnu.jar" ] && [ -d "$here/node_modules/axe-core" ] ||
  npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund --silent
cargo build --quiet --locked
portico="$repo/target/debug/portico"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
# Each portal under its own sub-path, as on a host serving several: /agency/<portal>/<client>/.
"$portico" build example-portal --out "$root/agency/example" > /dev/null 2>&1
# The protected fixtures' passwords; their pages are the lock page, checked like every page.
export PORTICO_FIXTURE_PASSWORD='lantern orbit marble quietly seven'
export PORTICO_FIXTURE_SHARED_PASSWORD='copper meadow violin seldom ninety'
export PORTICO_FIXTURE_WEAK_PASSWORD='abc'
# The consultant's internal portfolio of the example, under a sub-path of its own.
"$portico" portfolio example-portal --out "$root/agency/internal/portfolio" > /dev/null 2>&1
for fixture in tests/fixtures/*/ tests/fixtures/warnings/*/; do
  [ -f "$fixture/portico.yaml" ] || continue
  "$portico" build "$fixture" --out "$root/agency/$(basename "$fixture")" > /dev/null 2>&1
done

mapfile -t pages < <(find "$root" -name '*.html' | sort)
echo "Nu Html Checker over ${#pages[@]} pages..."
java -jar "$here/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only "${pages[@]}"
echo "vnu: ${#pages[@]} pages, 0 errors"

echo "Chromium checks..."
node "$here/checks.mjs" "$root"
echo "outside checkers: $(( $(date +%s) - started )) s"
