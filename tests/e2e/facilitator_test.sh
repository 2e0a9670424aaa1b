#!/usr/bin/env bash
# End to end, the facilitator at the kiosk (in a window): on a new store the kiosk asks for a PIN before anything
# else; later the Facilitator button and that PIN (not a wrong one) open the facilitator menu, whose "Open the
# dashboard" opens the live dashboard, whose export respects the anonymity threshold; "Back to the kiosk" returns to
# the participants' screen.
# Usage: facilitator_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/store/responses.sqlite3"
mkdir -p "$E2E_TMP/store"
"$program" demo-data --db "$db" --responses 40 --seed 5 >/dev/null || fail "demo-data failed"
start_display
start_kiosk "$program" run --db "$db"

pin() { xdotool type --delay 30 "$1"; sleep 0.2; xdotool key Return; sleep 0.4; }
exports() { ls -d "$E2E_TMP"/store/alignkiosk-export-*/ 2>/dev/null | wc -l; }

# First start: choose the PIN (twice); it is stored only as a hash.
pin 1357
pin 1357
[[ "$(sqlite3 "$db" "SELECT value FROM settings WHERE key = 'facilitator_pin_hash'")" == '$argon2id$'* ]] ||
  fail "no PIN hash stored after choosing a PIN"

FACILITATOR=(130 807); OPEN_DASHBOARD=(640 430); EXPORT=(1173 126); BACK_TO_KIOSK=(610 126)
tap "${FACILITATOR[@]}"
pin 9999 # wrong: the dashboard stays closed
tap "${EXPORT[@]}"
[ "$(exports)" = 0 ] || fail "a wrong PIN opened the dashboard"
pin 1357
tap "${OPEN_DASHBOARD[@]}" # in the facilitator menu
sleep 0.3
tap "${EXPORT[@]}"
sleep 0.5
[ "$(exports)" = 1 ] || fail "the right PIN did not open the dashboard (no export)"
csv="$(ls -d "$E2E_TMP"/store/alignkiosk-export-*/)summary.csv"
n=$(awk -F, '$5 == "messaging_shifts" && $2 == "Everyone" && $(NF - 1) == "n" { print $NF }' "$csv")
[ "$n" = 40 ] || fail "the facilitator's export shows everyone n='$n', expected 40"
small=$(awk -F, 'NR > 1 && $(NF - 1) == "n" && $NF < 5' "$csv")
[ -z "$small" ] || fail "groups below k=5 exported: $small"
# A picture of every screen beside it (drawn after the frame Export was pressed in; the open answers come last).
folder=$(ls -d "$E2E_TMP"/store/alignkiosk-export-*/)
for _ in $(seq 50); do [ -f "${folder}open-answers.png" ] && break; sleep 0.2; done
[ -f "${folder}overview.png" ] || fail "the facilitator's export wrote no overview.png: $(ls "$folder")"
[ "$(ls "$folder"item-*.png 2>/dev/null | wc -l)" = 14 ] || fail "expected 14 item pictures: $(ls "$folder")"
[ -f "${folder}open-answers.png" ] || fail "no open-answers.png (40 people's open answers are shown): $(ls "$folder")"
[ ! -e "${folder}dashboard.png" ] || fail "the export still writes dashboard.png"

tap "${BACK_TO_KIOSK[@]}"
sleep 1.1
tap "${EXPORT[@]}" # on the attract screen this starts a survey, not an export
[ "$(exports)" = 1 ] || fail "Back to the kiosk did not leave the dashboard"
kill -0 "$KIOSK_PID" || fail "the kiosk exited"
echo "PASS: PIN chosen at first start, wrong PIN refused, right PIN opens the live dashboard (its export: the CSV and" \
  "a picture of every screen), back to the kiosk"
