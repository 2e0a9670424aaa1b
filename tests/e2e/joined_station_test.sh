#!/usr/bin/env bash
# End to end, a touchscreen station in a facilitator's collection (`run --kiosk --join`): full screen, no PIN and no
# menu; a module that crashes it brings it back by itself without that module's step, and the next participant's
# answers still reach the collector, once. The survey is the crash-recovery one: fixture_good's two pages, then
# fixture_crash_page, which crashes (SIGSEGV) when its "Crash" button is tapped.
# Usage: joined_station_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"
helper="$build_dir/bin/alignkiosk_test_collector"

# fixture_good's two pages, then fixture_crash_page, which crashes when its "Crash" button is tapped.
survey="$(dirname "$0")/crash_recovery_survey.json"
collected="$E2E_TMP/collected.sqlite3"
"$helper" "$survey" crash-recovery 1 "$collected" >"$E2E_TMP/collector.out" 2>"$E2E_TMP/collector.log" &
E2E_PIDS+=("$!")
for _ in $(seq 100); do
  read -r PORT CODE <"$E2E_TMP/collector.out" 2>/dev/null && [ -n "${CODE:-}" ] && break
  sleep 0.1
done
[ -n "${CODE:-}" ] || fail "the collector did not start: $(cat "$E2E_TMP/collector.log")"
rows() { sqlite3 -cmd ".timeout 5000" "$collected" "SELECT count(*) FROM responses WHERE step_id = '$1'"; }

mkdir -p "$E2E_TMP/station"
start_display
start_kiosk "$program" run --kiosk --join "127.0.0.1:$PORT/$CODE" --db "$E2E_TMP/station/x.sqlite3" \
  --plugin-dir "$build_dir/tests/fixture_plugins/good" --plugin-dir "$build_dir/tests/fixture_plugins/crashing"
geometry=$(xdotool getwindowgeometry "$KIOSK_WINDOW" | awk '/Geometry/ { print $2 }')
[ "$geometry" = 1920x1080 ] || fail "the joined station is a $geometry window, not full screen"

# Where things are at 1920x1080 (scale 1.0). No PIN is asked: the station starts on its attract screen.
NEXT=(1429 1005); CRASH=(487 301)
# Participant 1 reaches the fragile page and taps its button: the module crashes the station.
tap 1700 200
tap "${NEXT[@]}"; tap "${NEXT[@]}"
tap "${CRASH[@]}"
for _ in $(seq 100); do
  grep -q "step 'fragile' is left out: its module fixture_crash_page is stopped" "$E2E_TMP/kiosk.log" && break
  sleep 0.1
done
grep -q "the station stopped: SIGSEGV in module 'fixture_crash_page' (draw_page)" "$E2E_TMP/kiosk.log" ||
  fail "the supervisor did not name the crash"
grep -q "step 'fragile' is left out" "$E2E_TMP/kiosk.log" || fail "the restarted station did not leave the step out"
kill -0 "$KIOSK_PID" 2>/dev/null || fail "the supervisor ended with the station"
KIOSK_WINDOW=
for _ in $(seq 100); do
  KIOSK_WINDOW=$(xdotool search --onlyvisible --name 'alignkiosk' 2>/dev/null | head -n 1)
  [ -n "$KIOSK_WINDOW" ] && break
  sleep 0.1
done
[ -n "$KIOSK_WINDOW" ] || fail "no station window after the restart"
sleep 0.5

# Participant 2: the survey without the stopped step; Finish after fixture_good's two pages; delivered once.
tap 1700 200
tap "${NEXT[@]}"; tap "${NEXT[@]}"
for _ in $(seq 40); do
  [ "$(rows warmup)" = 1 ] && break
  sleep 0.25
done
[ "$(rows warmup)/$(rows fragile)" = 1/0 ] || fail "the collector holds $(rows warmup)/$(rows fragile) answers"
[ -e "$E2E_TMP/station/x.sqlite3" ] && fail "the joined station made a response store"

kill -TERM "$KIOSK_PID"
wait "$KIOSK_PID"
status=$?
[ "$status" = 143 ] || [ "$status" = 0 ] || fail "the station ended with status $status on SIGTERM"
[ "$(rows warmup)" = 1 ] || fail "a submission arrived twice"
echo "PASS: a joined station came back without the module that crashed it and delivered the next participant's answers"
