#!/usr/bin/env bash
# Measures the real program under Xvfb: start to first frame, peak memory, and CPU while idle on the attract screen
# (its slow ripple included) and on a question page.
# Not part of ctest (figures, not pass/fail). Usage: tests/benchmarks/kiosk_footprint.sh [BUILD_DIR] [RUNS]
set -uo pipefail
build_dir=${1:-build}
runs=${2:-10}
program="$build_dir/bin/alignkiosk"
[ -x "$program" ] || { echo "no $program: build first" >&2; exit 1; }
source "$(dirname "$0")/../e2e/xvfb_session.sh"
start_display
db="$E2E_TMP/bench.sqlite3"

# Start to first frame: `run --screenshot` starts, loads plugins and the survey, opens the store and the window,
# draws the first screen (3 frames so ImGui's layout settles), writes the PNG and exits.
times=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$E2E_TMP/time" "$program" run --db "$db" --screenshot "$E2E_TMP/first.png" ||
    fail "screenshot run failed"
  times+=("$(cat "$E2E_TMP/time")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '
  { t[NR] = $1; m[NR] = $2 }
  END { printf "start to first frame (+ PNG, exit): median %.0f ms, min %.0f ms, max %.0f ms over %d runs; peak RSS %d KB\n",
        1000 * t[int((NR + 1) / 2)], 1000 * t[1], 1000 * t[NR], NR, m[NR] }'

# Idle: the kiosk waiting on the attract screen for 10 s, then on the first question page for 10 s, no input. A new
# store asks for the facilitator PIN first; it is chosen with the keyboard, as the person setting up would.
start_kiosk "$program" run --db "$db"
for _ in 1 2; do xdotool type --delay 30 2468; sleep 0.2; xdotool key Return; sleep 0.3; done
sleep 1
ticks_per_second=$(getconf CLK_TCK)
idle_cpu() { # idle_cpu LABEL: CPU of the kiosk over the next 10 s
  local before after
  before=$(awk '{ print $14 + $15 }' "/proc/$KIOSK_PID/stat")
  sleep 10
  after=$(awk '{ print $14 + $15 }' "/proc/$KIOSK_PID/stat")
  awk -v d=$((after - before)) -v hz="$ticks_per_second" -v label="$1" \
    'BEGIN { printf "idle on %s: %.2f%% CPU over 10 s (%d ticks at %d Hz)\n", label, 100 * d / hz / 10, d, hz }'
}
idle_cpu "the attract screen"
tap 640 400 # start
tap 928 306 # a team
sleep 1
idle_cpu "a question page"
peak=$(awk '/VmHWM/ { print $2 }' "/proc/$KIOSK_PID/status")
now=$(awk '/VmRSS/ { print $2 }' "/proc/$KIOSK_PID/status")
echo "running kiosk: RSS ${now} KB on the question page, peak ${peak} KB (the font atlas is built in memory, then freed)"
