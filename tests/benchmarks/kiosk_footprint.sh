#!/usr/bin/env bash
# Measures the real program under Xvfb (1920x1080, software GL): start to first frame, memory (PSS) at the first frame,
# and the CPU the kiosk and Xvfb use while nobody touches it, on the attract screen and on a question page.
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

# CPU time a process has used so far, in ms: the scheduler's nanoseconds summed over its threads (clock ticks, 10 ms
# each, are too coarse for an idle minute).
cpu_ms() { cat /proc/"$1"/task/*/schedstat | awk '{ ns += $1 } END { printf "%.3f", ns / 1e6 }'; }

# Idle: the kiosk waiting on the attract screen, then on the first question page, no input. A new store asks for the
# facilitator PIN first; it is chosen with the keyboard, as the person setting up would. The idle timeout is set
# beyond the measurement, so the page is not left for "Still there?" while it is measured.
start_kiosk "$program" run --db "$db" --idle-timeout $((idle_seconds * 3))
for _ in 1 2; do xdotool type --delay 30 2468; sleep 0.2; xdotool key Return; sleep 0.3; done
sleep 2
idle_cpu() { # idle_cpu LABEL: CPU of the kiosk and of Xvfb over the next idle_seconds
  local kiosk_before xvfb_before kiosk_after xvfb_after
  kiosk_before=$(cpu_ms "$KIOSK_PID")
  xvfb_before=$(cpu_ms "$XVFB_PID")
  sleep "$idle_seconds"
  kiosk_after=$(cpu_ms "$KIOSK_PID")
  xvfb_after=$(cpu_ms "$XVFB_PID")
  awk -v k="$kiosk_after" -v k0="$kiosk_before" -v x="$xvfb_after" -v x0="$xvfb_before" -v s="$idle_seconds" \
    -v label="$1" 'BEGIN {
      k -= k0; x -= x0
      printf "idle on %s over %d s: kiosk %.3f%% + Xvfb %.3f%% = %.3f%% of a core (%.1f + %.1f ms)\n",
             label, s, k / s / 10, x / s / 10, (k + x) / s / 10, k, x }'
}
idle_cpu "the attract screen"
tap 640 400 # start
tap 928 306 # a team
sleep 2
idle_cpu "a question page"
kill "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null

# Start to first frame, and memory then: the program reports the wall-clock time of its first present (on the attract
# screen of the store set up above); memory and CPU are read as soon as that line appears, then it is ended. PSS counts
# shared pages by how many processes map them (Xvfb maps libLLVM too, and so may any other GL program running), so
# USS (pages of this process alone) and RSS are given beside it. CPU: all its threads, from start to the first frame.
starts=()
for _ in $(seq "$runs"); do
  log="$E2E_TMP/start.log"
  started=$(date +%s.%N)
  ALIGNKIOSK_REPORT_FIRST_FRAME=1 "$program" run --db "$db" 2>"$log" &
  pid=$!
  shown=""
  for _ in $(seq 2000); do
    shown=$(sed -n 's/^alignkiosk: first frame shown at //p' "$log")
    [ -n "$shown" ] && break
    kill -0 "$pid" 2>/dev/null || fail "the kiosk exited before its first frame: $(cat "$log")"
    sleep 0.005
  done
  [ -n "$shown" ] || fail "no first frame within 10 s"
  memory=$(awk '/^Rss:/ { r = $2 } /^Pss:/ { p = $2 } /^Private_(Clean|Dirty):/ { u += $2 } END { print p, u, r }' \
    "/proc/$pid/smaps_rollup")
  cpu=$(cat /proc/"$pid"/task/*/schedstat | awk '{ ns += $1 } END { printf "%.1f", ns / 1e6 }')
  kill "$pid"
  wait "$pid" 2>/dev/null
  starts+=("$(awk -v a="$started" -v b="$shown" 'BEGIN { printf "%.1f", 1000 * (b - a) }') $memory $cpu")
done
# median LABEL FIELD UNIT DIVISOR: the median, min and max of one field of the runs
median() {
  printf '%s\n' "${starts[@]}" | awk -v f="$2" '{ print $f }' | sort -n | awk -v label="$1" -v unit="$3" -v d="$4" '
    { v[NR] = $1 / d }
    END { printf "%s: median %.1f %s, min %.1f, max %.1f over %d runs\n", label, v[int((NR + 1) / 2)], unit, v[1], v[NR], NR }'
}
median "start to first frame on the attract screen" 1 ms 1
median "CPU from start to the first frame (all threads)" 5 ms 1
median "PSS at the first frame" 2 MiB 1024
median "USS at the first frame" 3 MiB 1024
median "RSS at the first frame" 4 MiB 1024

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
