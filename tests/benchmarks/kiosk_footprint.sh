#!/usr/bin/env bash
# Measures the real program under Xvfb (1920x1080, software GL): start to first frame, PSS at the first frame, and the
# CPU the kiosk and Xvfb use while nobody touches it, on the attract screen and on a question page.
# Not part of ctest (figures, not pass/fail).
# Usage: tests/benchmarks/kiosk_footprint.sh [BUILD_DIR] [RUNS] [IDLE_SECONDS]   (defaults: build 10 60)
set -uo pipefail
build_dir=${1:-build}
runs=${2:-10}
idle_seconds=${3:-60}
program="$build_dir/bin/alignkiosk"
[ -x "$program" ] || { echo "no $program: build first" >&2; exit 1; }
source "$(dirname "$0")/../e2e/xvfb_session.sh"
start_display
db="$E2E_TMP/bench.sqlite3"
ticks_per_second=$(getconf CLK_TCK)

# CPU time (user + system, all threads, in clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Idle: the kiosk waiting on the attract screen, then on the first question page, no input. A new store asks for the
# facilitator PIN first; it is chosen with the keyboard, as the person setting up would. The idle timeout is set
# beyond the measurement, so the page is not left for "Still there?" while it is measured.
start_kiosk "$program" run --db "$db" --idle-timeout $((idle_seconds * 3))
for _ in 1 2; do xdotool type --delay 30 2468; sleep 0.2; xdotool key Return; sleep 0.3; done
sleep 2
idle_cpu() { # idle_cpu LABEL: CPU of the kiosk and of Xvfb over the next idle_seconds
  local kiosk_before xvfb_before kiosk_after xvfb_after
  kiosk_before=$(cpu_ticks "$KIOSK_PID")
  xvfb_before=$(cpu_ticks "$XVFB_PID")
  sleep "$idle_seconds"
  kiosk_after=$(cpu_ticks "$KIOSK_PID")
  xvfb_after=$(cpu_ticks "$XVFB_PID")
  awk -v k=$((kiosk_after - kiosk_before)) -v x=$((xvfb_after - xvfb_before)) -v hz="$ticks_per_second" \
    -v s="$idle_seconds" -v label="$1" 'BEGIN {
      printf "idle on %s over %d s: kiosk %.3f%% + Xvfb %.3f%% = %.3f%% of a core (%d + %d ticks at %d Hz)\n",
             label, s, 100 * k / hz / s, 100 * x / hz / s, 100 * (k + x) / hz / s, k, x, hz }'
}
idle_cpu "the attract screen"
tap 640 400 # start
tap 928 306 # a team
sleep 2
idle_cpu "a question page"
kill "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null

# Start to first frame, and PSS then: the program reports the wall-clock time of its first present (on the attract
# screen of the store set up above); PSS is read from smaps_rollup as soon as that line appears, then it is ended.
starts=()
for _ in $(seq "$runs"); do
  log="$E2E_TMP/start.log"
  started=$(date +%s.%N)
  ALIGNKIOSK_REPORT_FIRST_FRAME=1 "$program" run --db "$db" 2>"$log" &
  pid=$!
  shown=""
  for _ in $(seq 1000); do
    shown=$(sed -n 's/^alignkiosk: first frame shown at //p' "$log")
    [ -n "$shown" ] && break
    kill -0 "$pid" 2>/dev/null || fail "the kiosk exited before its first frame: $(cat "$log")"
    sleep 0.01
  done
  [ -n "$shown" ] || fail "no first frame within 10 s"
  pss=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup")
  kill "$pid"
  wait "$pid" 2>/dev/null
  starts+=("$(awk -v a="$started" -v b="$shown" 'BEGIN { printf "%.1f", 1000 * (b - a) }') $pss")
done
printf '%s\n' "${starts[@]}" | sort -n | awk '
  { t[NR] = $1 }
  END { printf "start to first frame on the attract screen: median %.0f ms, min %.0f ms, max %.0f ms over %d runs\n",
               t[int((NR + 1) / 2)], t[1], t[NR], NR }'
printf '%s\n' "${starts[@]}" | awk '{ print $2 }' | sort -n | awk '
  { p[NR] = $1 }
  END { printf "PSS at the first frame: median %.1f MiB, min %.1f MiB, max %.1f MiB\n",
               p[int((NR + 1) / 2)] / 1024, p[1] / 1024, p[NR] / 1024 }'

# The screenshot run, as the issue first measured it: start, three frames, PNG, exit.
times=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e" -o "$E2E_TMP/time" "$program" run --db "$db" --screenshot "$E2E_TMP/first.png" ||
    fail "screenshot run failed"
  times+=("$(cat "$E2E_TMP/time")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '
  { t[NR] = $1 }
  END { printf "run --screenshot (start, first screen, PNG, exit): median %.0f ms, min %.0f ms, max %.0f ms over %d runs\n",
        1000 * t[int((NR + 1) / 2)], 1000 * t[1], 1000 * t[NR], NR }'
