#!/usr/bin/env bash
# How often the end-to-end suite fails on a busy machine: runs it RUNS times in a row under the
# given preset while two CPU-bound processes keep every core of a 2-core machine busy, and
# prints runs, failed runs and which tests failed. A figure for the notes, not a CI test.
#   bench/e2e_flakes.sh [PRESET] [RUNS]      default: asan 5 (build the preset first)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-asan}
runs=${2:-5}
load=()
cleanup() { for pid in "${load[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
for _ in 1 2; do
  yes >/dev/null &
  load+=($!)
done
failed=0
for i in $(seq "$runs"); do
  start=$SECONDS
  if out=$(ctest --preset "$preset" -R '^e2e:' -j "$(nproc)" 2>&1); then
    echo "run $i: passed ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    echo "run $i: FAILED ($((SECONDS - start)) s):"
    grep -E '^\s+[0-9]+ - ' <<<"$out" || true
    grep -E '^(FAIL|ERROR):|AssertionError' <<<"$out" | head -5 || true
    log=$(mktemp /tmp/e2e-flakes-run$i-XXXX.log)
    echo "$out" >"$log"
    echo "  full output: $log"
  fi
done
echo "runs=$runs failed=$failed (preset $preset, 2 busy processes)"
