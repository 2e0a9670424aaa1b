#!/usr/bin/env bash
# Figure (not a test): the time from Finish on a laptop to the facilitator's live dashboard showing the batch that
# holds it. The real programs under Xvfb on loopback (tests/e2e/laptop_session.sh: k = 3): a laptop sends two surveys
# (held), then the third; the clock starts when Finish is clicked and stops at the first capture of the collector's
# window whose figures differ. Captures take a few tens of milliseconds each, which bounds the resolution.
# Usage: tests/benchmarks/finish_to_dashboard.sh BUILD_DIR [BATCHES]
set -uo pipefail
build_dir=$(cd "$1" && pwd)
batches=${2:-5}
program="$build_dir/bin/alignkiosk"
e2e="$(cd "$(dirname "$0")/../e2e" && pwd)"
source "$e2e/xvfb_session.sh"
source "$e2e/laptop_session.sh"

write_survey
start_display 2600x1760
start_collector
join_port=$PORT
start_laptop 1 1300 0
now() { date +%s.%N; }
times=()
for batch in $(seq "$batches"); do
  answer 1 "Held answer one of batch $batch"
  answer 1 "Held answer two of batch $batch"
  sleep 1.2
  results before
  fill 1 "The answer that completes batch $batch"
  start=$(now)
  xdotool mousemove --window "${LAPTOP_WINDOW[1]}" 1087 790 click 1 # Finish
  shown=
  for _ in $(seq 300); do
    results after
    same_picture before after || { shown=$(now); break; }
  done
  [ -n "$shown" ] || fail "batch $batch never showed on the dashboard"
  times+=("$(awk -v a="$start" -v b="$shown" 'BEGIN { print b - a }')")
  sleep 1.5
  xdotool mousemove --window "${LAPTOP_WINDOW[1]}" 639 411 click 1 # Done
  sleep 0.3
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
  printf "finish -> dashboard over %d batches: min %.0f ms, median %.0f ms, max %.0f ms\n",
    NR, t[1] * 1000, t[int((NR + 1) / 2)] * 1000, t[NR] * 1000 }'
# One capture alone, for the resolution.
start=$(now); results probe; end=$(now)
awk -v a="$start" -v b="$end" 'BEGIN { printf "one capture of the window takes %.0f ms\n", (b - a) * 1000 }'
