#!/usr/bin/env bash
# End to end: the system asks the kiosk to stop (SIGTERM at shutdown, SIGHUP when its terminal goes) while a
# participant is half-way through. The kiosk wipes that participant, closes its store cleanly and exits 0: earlier
# answers are all there, nothing of the half-answered survey is, and no journal is left hot.
# Usage: termination_signal_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/responses.sqlite3"
survey="$2/share/alignkiosk/surveys/diagnostic-signs.json"
start_display
"$program" demo-data --survey "$survey" --db "$db" --responses 7 >/dev/null || fail "demo-data"
sqlite3 "$db" "DELETE FROM settings WHERE key = 'demo_data_store'"
pin() { xdotool type --delay 30 "$1"; sleep 0.2; xdotool key Return; sleep 0.4; }

# In a window, and on the station (--kiosk), whose supervisor passes the signal on to the station it runs.
for run in "TERM" "HUP" "TERM --kiosk"; do
  signal=${run%% *}
  flags=(); [ "$run" != "${run#* }" ] && flags=("${run#* }")
  start_kiosk "$program" run --survey "$survey" --db "$db" "${flags[@]}"
  if [ "$run" = TERM ]; then pin 8642; pin 8642; fi # the first start asks for the facilitator PIN
  tap 640 728 # start
  tap 928 306 # a team
  tap 868 360 # one answer on the first page: a participant in progress
  # Whatever kills it, no core dump may carry the participant's answers to disk.
  station=$(pgrep -n -f "alignkiosk run --survey $survey --db $db")
  grep -Eq '^Max core file size +0 +0 ' "/proc/$station/limits" || fail "the station may dump core: $(grep core "/proc/$station/limits")"
  kill -"$signal" "$KIOSK_PID"
  for _ in $(seq 50); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$KIOSK_PID" 2>/dev/null && fail "SIG$signal: the kiosk still runs after 5 s"
  wait "$KIOSK_PID"; status=$?
  [ "$status" = 0 ] || fail "SIG$signal: exit status $status, not 0"
  [ "$(sqlite3 "$db" "SELECT count(*) FROM responses")" = 7 ] ||
    fail "SIG$signal: the store holds $(sqlite3 "$db" "SELECT count(*) FROM responses") rows, not the 7 finished"
  [ ! -s "$db-journal" ] || fail "SIG$signal: a hot journal was left behind"
  [ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "SIG$signal: integrity_check"
  pgrep -f "alignkiosk run --survey $survey --db $db" >/dev/null && fail "SIG$signal ($run): a station process is left"
done
echo "PASS: SIGTERM and SIGHUP wipe the participant in progress, close the store and exit 0"
