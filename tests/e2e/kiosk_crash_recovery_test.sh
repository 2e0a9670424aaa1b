#!/usr/bin/env bash
# End to end, a module that crashes the touchscreen station (`run --kiosk`) while a participant is on its page: the
# station comes back by itself on its attract screen, saying calmly to start again; what was stored before is all
# still there; the module is stopped (kept in the store's settings), so the next participant answers the survey
# without its step; the facilitator menu names it and "Allow again" brings it back at once; Exit still ends it all
# with status 0. The survey: fixture_good's two pages, then fixture_crash_page, which crashes (SIGSEGV, a write through
# a null pointer) when its "Crash" button is tapped.
# Usage: kiosk_crash_recovery_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/responses.sqlite3"
# fixture_good's two pages, then fixture_crash_page, which crashes when its "Crash" button is tapped.
survey="$(dirname "$0")/crash_recovery_survey.json"
start_display
start_kiosk "$program" run --kiosk --survey "$survey" --db "$db" \
  --plugin-dir "$build_dir/tests/fixture_plugins/good" --plugin-dir "$build_dir/tests/fixture_plugins/crashing"

# Where things are at 1920x1080 (scale 1.0).
declare -A PIN_KEY=([1]="794 306" [2]="959 306" [3]="1122 306" [4]="794 417" [5]="959 417" [6]="1122 417"
                    [7]="794 526" [8]="959 526" [9]="1122 526" [0]="959 637" [ok]="1122 637")
NEXT=(1429 1005); CRASH=(487 301); ALLOW_AGAIN=(1439 406); MENU_EXIT=(960 564)
pin() { local digit; for digit in $(grep -o . <<<"$1") ok; do tap ${PIN_KEY[$digit]}; done; sleep 0.3; }
hold_corner() { xdotool mousemove --window "$KIOSK_WINDOW" 20 20 mousedown 1; sleep 3.2; xdotool mouseup 1; sleep 0.3; }
rows() { sqlite3 "$db" "SELECT count(*) FROM responses WHERE step_id = '$1'"; }
stopped() { sqlite3 "$db" "SELECT value FROM settings WHERE key = 'quarantined_modules'"; }
# wait_for_log TEXT: until the kiosk's log has TEXT (10 s at most).
wait_for_log() {
  for _ in $(seq 100); do grep -qF "$1" "$E2E_TMP/kiosk.log" && return 0; sleep 0.1; done
  fail "the log never said: $1"
}
# The restarted station's window (a new window, though the X server may give it the old one's id); call it once the
# log says the station is back.
find_new_window() {
  for _ in $(seq 100); do
    KIOSK_WINDOW=$(xdotool search --onlyvisible --name 'alignkiosk' 2>/dev/null | head -n 1)
    [ -n "$KIOSK_WINDOW" ] && { sleep 0.3; return 0; }
    sleep 0.1
  done
  fail "no station window after the restart"
}

pin 2468 # first start: the PIN, twice
pin 2468

# Participant 1 answers everything, the fragile step included (the button is not tapped): stored.
tap 1700 200
tap "${NEXT[@]}"; tap "${NEXT[@]}"; tap "${NEXT[@]}" # Next, Next, Finish
sleep 0.5
[ "$(rows warmup)/$(rows fragile)" = 1/1 ] || fail "participant 1 was not stored: $(rows warmup)/$(rows fragile)"
sleep 6.5 # the thank-you screen clears itself

# Participant 2 reaches the fragile page and taps its button: the module crashes the station.
tap 1700 200
tap "${NEXT[@]}"; tap "${NEXT[@]}"
tap "${CRASH[@]}"
wait_for_log "the station stopped: SIGSEGV in module 'fixture_crash_page' (draw_page); starting it again without that \
module"
wait_for_log "the station is back on its attract screen"
find_new_window
kill -0 "$KIOSK_PID" 2>/dev/null || fail "the supervisor ended with the station"
geometry=$(xdotool getwindowgeometry "$KIOSK_WINDOW" | awk '/Geometry/ { print $2 }')
[ "$geometry" = 1920x1080 ] || fail "the station came back as a $geometry window, not full screen"
[ "$(rows warmup)/$(rows fragile)" = 1/1 ] || fail "the crash changed what was stored: $(rows warmup)/$(rows fragile)"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "the store is damaged after the crash"
[ "$(stopped)" = "$(printf 'fixture_crash_page\tSIGSEGV\tdraw_page')" ] ||
  fail "the module is not kept stopped: '$(stopped)'"
grep -q "step 'fragile' is left out: its module fixture_crash_page is stopped" "$E2E_TMP/kiosk.log" ||
  fail "the restarted station did not leave the step out"

# Participant 3: the survey starts without the stopped step; Finish comes after fixture_good's two pages.
tap 1700 200
tap "${NEXT[@]}"; tap "${NEXT[@]}" # Next, Finish
sleep 0.5
[ "$(rows warmup)/$(rows fragile)" = 2/1 ] ||
  fail "participant 3 was not stored without the step: $(rows warmup)/$(rows fragile)"
sleep 6.5

# The facilitator: the corner, the PIN, "Allow again" beside the stopped module: the station starts again with it.
hold_corner
pin 2468
tap "${ALLOW_AGAIN[@]}"
wait_for_log "module 'fixture_crash_page' is allowed again by the facilitator"
wait_for_log "starting the station again, as it asked"
sleep 1 # its first frame (no log line for a restart that was asked for)
find_new_window
[ -z "$(stopped)" ] || fail "the module is still listed as stopped: '$(stopped)'"
grep -c "step 'fragile' is left out" "$E2E_TMP/kiosk.log" | grep -qx 1 || fail "the step was left out after Allow again"

# Participant 4 answers the fragile step again.
tap 1700 200
tap "${NEXT[@]}"; tap "${NEXT[@]}"; tap "${NEXT[@]}"
sleep 0.5
[ "$(rows warmup)/$(rows fragile)" = 3/2 ] ||
  fail "the allowed module's step was not answered: $(rows warmup)/$(rows fragile)"
sleep 6.5

# Exit in the menu ends the station and its supervisor, with status 0.
hold_corner
pin 2468
tap "${MENU_EXIT[@]}"
for _ in $(seq 50); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$KIOSK_PID" 2>/dev/null && fail "Exit did not end the supervised station"
wait "$KIOSK_PID"
status=$?
[ "$status" = 0 ] || fail "the kiosk ended with status $status, expected 0"
back=$(grep -o 'back on its attract screen [0-9.]* s' "$E2E_TMP/kiosk.log" | head -n 1)
echo "PASS: a module crash brought the station back by itself ($back after it stopped), nothing stored was lost," \
  "the module stayed stopped until Allow again, Exit ended it with 0"
