#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, Debian's chromium) against the release build
# served under /gapmap/ with gzip, as a static host serves it; `make
# lighthouse` runs it after `make dist`. Prints the performance, accessibility
# and best-practices scores for the desktop and mobile presets, and keeps the
# full reports in target/lighthouse/. Not part of `make test`: scores move
# with the machine's load.
#
# Lighthouse 12 has no PWA category any more: installability is checked by
# the end-to-end test (tests/e2e/specs/offline.spec.mjs, via CDP).
#
# Usage: scripts/lighthouse.sh [DIST] [PORT]   (defaults: dist 8097)
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
dist="$(cd "${1:-$here/dist}" && pwd)"
port="${2:-8097}"
out="$here/target/lighthouse"
chrome="${CHROME_PATH:-$(command -v chromium || command -v chromium-browser)}"
mkdir -p "$out"

node "$here/tests/e2e/serve.mjs" "$port" "$dist" --gzip >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/gapmap/" && break
  sleep 0.1
done

for preset in desktop mobile; do
  flags=()
  [ "$preset" = desktop ] && flags=(--preset=desktop)
  CHROME_PATH="$chrome" "$here/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/gapmap/" \
    "${flags[@]}" \
    --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
    --output=json --output=html --output-path="$out/$preset" --quiet
  node -e '
    const report = require(process.argv[1]);
    const scores = Object.values(report.categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`);
    const failed = Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
      .map((a) => `  - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    console.log(`${process.argv[2]}: ${scores.join(", ")}`);
    if (failed.length) console.log(failed.join("\n"));
  ' "$out/$preset.report.json" "$preset"
done
