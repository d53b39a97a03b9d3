#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (coverage-guided, cargo fuzz on the
# nightly toolchain), starting from the seed corpus in fuzz/corpus/<target>/.
# New inputs go to a scratch folder, so the repository stays clean. A crash
# stops the run with the input saved under fuzz/artifacts/<target>/: copy it
# to fuzz/regressions/<target>/ (replayed by `cargo test`) once fixed.
# Usage: fuzz/run.sh SECONDS [target…]
set -euo pipefail
SECONDS_EACH="${1:-5}"; shift || true
HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE"
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  mapfile -t TARGETS < <(ls fuzz_targets | sed 's/\.rs$//')
fi
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
cargo +nightly fuzz build -s none >/dev/null
printf '%-18s %12s %8s\n' target runs seconds
for t in "${TARGETS[@]}"; do
  mkdir -p "$SCRATCH/$t"
  out=$(cargo +nightly fuzz run -s none "$t" "$SCRATCH/$t" "corpus/$t" -- \
        -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 2>&1) || {
    echo "$out" | tail -40; echo "FUZZ FAILURE in $t (input under fuzz/artifacts/$t/)"; exit 1; }
  runs=$(echo "$out" | grep -oE 'Done [0-9]+ runs' | grep -oE '[0-9]+' | tail -1)
  printf '%-18s %12s %8s\n' "$t" "${runs:-?}" "$SECONDS_EACH"
done
