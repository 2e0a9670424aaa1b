#!/usr/bin/env bash
# End to end: a participant answers a page and walks away. After --idle-timeout seconds the kiosk asks "Still
# there?", 15 seconds later it forgets their answers and shows the attract screen again; nothing is stored.
# (Only the attract screen has the Facilitator button: reaching the dashboard through it proves the screen is back.)
# Usage: walk_away_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/store/responses.sqlite3"
mkdir -p "$E2E_TMP/store"
start_display
start_kiosk "$program" run --db "$db" --idle-timeout 2
pin() { xdotool type --delay 30 "$1"; sleep 0.2; xdotool key Return; sleep 0.4; }
pin 8642
pin 8642

START=(640 728); MARKETING=(928 306); FACILITATOR=(130 807); OPEN_DASHBOARD=(640 430); EXPORT=(1173 126)
tap "${START[@]}"
tap "${MARKETING[@]}"
tap 868 360 # one answer on the first page
xdotool mousemove --window "$KIOSK_WINDOW" 1270 850 # the pointer rests at the edge; nobody touches the screen
sleep 19.5 # 2 s idle + 15 s "Still there?" + margin

tap "${FACILITATOR[@]}"
pin 8642
tap "${OPEN_DASHBOARD[@]}" # in the facilitator menu
tap "${EXPORT[@]}"
sleep 0.5
ls -d "$E2E_TMP"/store/alignkiosk-export-*/ >/dev/null 2>&1 ||
  fail "the attract screen did not come back after the participant walked away"
rows=$(sqlite3 "$db" "SELECT count(*) FROM responses")
[ "$rows" = 0 ] || fail "a walked-away survey stored $rows responses"
echo "PASS: a walked-away participant's answers were wiped, nothing stored, and the attract screen came back"
