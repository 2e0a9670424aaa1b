#!/usr/bin/env bash
# End to end: the real kiosk under Xvfb, a participant taps through the bundled diagnostic-signs survey, and exactly
# one anonymous response lands in the database. A second participant who walks away half-way stores nothing.
# Usage: diagnostic_signs_survey_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/responses.sqlite3"
survey="$build_dir/share/alignkiosk/surveys/diagnostic-signs.json"
start_display
start_kiosk "$program" run --survey "$survey" --db "$db"
# A new store has no facilitator PIN: the kiosk asks for one before anyone else can reach the facilitator menu.
# The person starting the kiosk has a keyboard; the pad takes digits and Enter as well as taps.
choose_pin() {
  xdotool type --delay 30 "$1"; sleep 0.2; xdotool key Return; sleep 0.3
  xdotool type --delay 30 "$1"; sleep 0.2; xdotool key Return; sleep 0.3
}
choose_pin 2468

# The window is 1280x860 on a 1920x1080 screen; the shell's layout puts these where they are. The attract screen
# starts wherever it is tapped.
START=(640 728); MARKETING=(928 306); NEXT=(1087 790)
# Module pages: tap the fourth point of every scale ("Often" / "Well") by sweeping down its column; taps between rows
# land on nothing, and a row tapped twice keeps its answer.
answer_page_with_fourth_point() {
  local y
  for y in $(seq 150 36 700); do tap 868 "$y"; done
}

tap "${START[@]}"
tap "${MARKETING[@]}"
for page in 1 2 3 4; do
  answer_page_with_fourth_point
  tap "${NEXT[@]}"
done
# The open sentence: tap into the field (the on-screen keyboard comes up) and type on the laptop's keys, which put the
# on-screen keyboard away, so Finish, which it covered, is there to tap.
tap 640 260
sleep 0.4 # let the field take the keyboard before the first key
xdotool type --delay 20 'We help teams say one clear thing'
sleep 0.3
tap "${NEXT[@]}" # Finish
sleep 0.5

rows=$(sqlite3 "$db" "SELECT count(*) FROM responses") || fail "cannot read $db"
[ "$rows" = 1 ] || fail "expected 1 stored response, found $rows"
IFS='|' read -r survey_id module_id module_version team session_date payload < <(
  sqlite3 "$db" "SELECT survey_id, module_id, module_version, team, session_date, payload FROM responses")
[ "$survey_id" = "diagnostic-signs" ] || fail "survey id is '$survey_id'"
[ "$module_id" = "diagnostic_signs" ] || fail "module id is '$module_id'"
[ "$module_version" = "1.0.0" ] || fail "module version is '$module_version'"
[ "$team" = "marketing" ] || fail "team is '$team'"
[[ "$session_date" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || fail "session date '$session_date' is not a plain date"
fours=$(grep -o '":4' <<<"$payload" | wc -l)
[ "$fours" = 8 ] || fail "expected the 8 scale answers to be 4, payload: $payload"
grep -q '"We help teams say one clear thing"' <<<"$payload" || fail "open sentence missing, payload: $payload"

# The next participant starts, answers one page and walks away: nothing more is stored.
sleep 6.5 # the thank-you screen returns to the attract screen by itself
tap "${START[@]}"
tap "${MARKETING[@]}"
answer_page_with_fourth_point
kill "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null
rows=$(sqlite3 "$db" "SELECT count(*) FROM responses")
[ "$rows" = 1 ] || fail "an abandoned survey stored something: $rows responses"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check failed"
hash=$(sqlite3 "$db" "SELECT value FROM settings WHERE key = 'facilitator_pin_hash'")
[[ "$hash" == '$argon2id$'* ]] || fail "the chosen PIN is not stored as an Argon2id hash: '$hash'"
grep -q 2468 <<<"$hash" && fail "the PIN itself is in the store"
echo "PASS: one tapped-through survey stored one anonymous response; the abandoned one stored nothing"
