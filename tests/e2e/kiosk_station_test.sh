#!/usr/bin/env bash
# End to end, the touchscreen station: `run --kiosk` full screen on the 1920x1080 display, touched only (xdotool
# clicks, no keyboard at all): the facilitator chooses a PIN on the pad, a participant taps anywhere on the attract
# screen, through the diagnostic-signs survey, types the open sentence on the on-screen keyboard and finishes; exactly
# one response is stored with that sentence. Then the facilitator corner (held 3 s), the PIN, the menu's count and
# Exit: the kiosk ends with status 0.
# Usage: kiosk_station_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/responses.sqlite3"
survey="$build_dir/share/alignkiosk/surveys/diagnostic-signs.json"
start_display
start_kiosk "$program" run --kiosk --idle-timeout 5 --survey "$survey" --db "$db"
geometry=$(xdotool getwindowgeometry "$KIOSK_WINDOW" | awk '/Geometry/ { print $2 }')
[ "$geometry" = 1920x1080 ] || fail "kiosk mode should fill the 1920x1080 display, the window is $geometry"

# Where things are at 1920x1080 (scale 1.0; the shell's and the keyboard's layouts put them there).
declare -A PIN_KEY=([1]="794 306" [2]="959 306" [3]="1122 306" [4]="794 417" [5]="959 417" [6]="1122 417"
                    [7]="794 526" [8]="959 526" [9]="1122 526" [0]="959 637" [ok]="1122 637")
declare -A KEY=([q]="390 802" [w]="504 802" [e]="617 802" [r]="731 802" [t]="845 802" [y]="959 802" [u]="1072 802"
                [i]="1187 802" [o]="1300 802" [p]="1414 802" [a]="447 880" [s]="560 880" [d]="674 880"
                [f]="789 880" [g]="902 880" [h]="1015 880" [j]="1129 880" [k]="1243 880" [l]="1357 880"
                [z]="617 959" [x]="732 959" [c]="845 959" [v]="959 959" [b]="1072 959" [n]="1187 959"
                [m]="1300 959" [' ']="959 1037" [done]="1470 1037")
MARKETING=(1262 331); NEXT=(1429 1005); SENTENCE_FIELD=(960 290)
MENU_EXIT=(960 564)

pin() { # digits, then OK, on the PIN pad
  local digit
  for digit in $(grep -o . <<<"$1") ok; do tap ${PIN_KEY[$digit]}; done
  sleep 0.3
}
type_on_screen() { # letters and spaces, one tap each on the on-screen keyboard
  local i
  for ((i = 0; i < ${#1}; i++)); do tap ${KEY["${1:i:1}"]}; done
}
hold_corner() { # the facilitator corner: a press held 3 s (a little more) in the top-left corner
  xdotool mousemove --window "$KIOSK_WINDOW" 20 20 mousedown 1
  sleep 3.2
  xdotool mouseup 1
  sleep 0.3
}

# A new store: the PIN is chosen first, twice, on the pad.
pin 2468
pin 2468
[[ "$(sqlite3 "$db" "SELECT value FROM settings WHERE key = 'facilitator_pin_hash'")" == '$argon2id$'* ]] ||
  fail "no PIN hash stored after choosing a PIN on the pad"

# A participant: a tap anywhere on the attract screen starts; the team; every scale answered with "Often".
tap 1700 200
tap "${MARKETING[@]}"
for page in 1 2 3 4; do
  for y in $(seq 200 36 930); do tap 1201 "$y"; done
  tap "${NEXT[@]}"
done
# The open sentence on the on-screen keyboard, then Done puts it away and Finish is back.
tap "${SENTENCE_FIELD[@]}"
sleep 0.3
type_on_screen 'we listen first'
tap ${KEY[done]}
tap "${NEXT[@]}" # Finish
sleep 0.5

rows=$(sqlite3 "$db" "SELECT count(*) FROM responses") || fail "cannot read $db"
[ "$rows" = 1 ] || fail "expected 1 stored response, found $rows"
IFS='|' read -r team payload < <(sqlite3 "$db" "SELECT team, payload FROM responses")
[ "$team" = marketing ] || fail "team is '$team'"
[ "$(grep -o '":4' <<<"$payload" | wc -l)" = 8 ] || fail "expected the 8 scale answers to be 4, payload: $payload"
grep -q '"we listen first"' <<<"$payload" || fail "the sentence typed on the on-screen keyboard is missing: $payload"

# The thank-you screen listens to the corner: held 3 s it opens the PIN pad, and the PIN the menu. Exit closes the
# kiosk, which refuses every other way out.
hold_corner
pin 2468
tap "${MENU_EXIT[@]}"
for _ in $(seq 50); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$KIOSK_PID" 2>/dev/null && fail "the menu's Exit did not end the kiosk"
wait "$KIOSK_PID"
status=$?
[ "$status" = 0 ] || fail "the kiosk ended with status $status, expected 0"
[ "$(sqlite3 "$db" "SELECT count(*) FROM responses")" = 1 ] || fail "the response count changed"
echo "PASS: kiosk mode touched only: PIN chosen on the pad, one survey with a sentence typed on the on-screen keyboard stored once, the corner and PIN led to Exit, status 0"
