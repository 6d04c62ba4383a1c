#!/usr/bin/env bash
# Runs one fuzz target for a while, at low priority, and appends the figures
# libFuzzer prints at the end to fuzz/runs.log (docs/reliability.md quotes them).
# Usage: fuzz/run.sh TARGET SECONDS       (needs cargo-fuzz and a nightly toolchain)
# No sanitizer: the code is safe Rust, and libFuzzer runs it several times faster.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
seconds=${2:-1800}
mkdir -p "corpus/$target" artifacts
log="logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
mkdir -p logs
nice -n 19 cargo +nightly fuzz run --sanitizer none "$target" "corpus/$target" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=262144 -print_final_stats=1 >"$log" 2>&1 || true
{
  echo "== $target, $(date -u +%FT%TZ), ${seconds}s"
  grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+== ERROR|SUMMARY)' "$log" || true
  ls artifacts/"$target" 2>/dev/null | sed 's/^/crash: /' || true
} >>runs.log
