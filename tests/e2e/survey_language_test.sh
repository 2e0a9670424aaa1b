#!/usr/bin/env bash
# End to end: the bundled diagnostic-signs survey in English, German and French on the real kiosk under Xvfb. One
# participant picks Deutsch on the attract screen and answers; the next, who picks nothing, answers in the default
# language. Both land in the store alike: the same survey id and version, the same team id, the same question ids, so
# the dashboard counts them together.
# Usage: survey_language_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/responses.sqlite3"
survey="$build_dir/share/alignkiosk/surveys/diagnostic-signs.json"
start_display
start_kiosk "$program" run --survey "$survey" --db "$db"
xdotool type --delay 30 2468; sleep 0.2; xdotool key Return; sleep 0.3
xdotool type --delay 30 2468; sleep 0.2; xdotool key Return; sleep 0.3

# In the 1280x860 window: the language buttons in a row above "Tap anywhere to start" (English, Deutsch,
# Français), the team buttons (Marketing, "Marketing" in German too, second in the first row), Next.
DEUTSCH=(639 509); START=(640 300); MARKETING=(928 306); NEXT=(1087 790)

answer_survey() {
  local page y
  tap "${START[@]}"
  tap "${MARKETING[@]}"
  for page in 1 2 3 4; do
    for y in $(seq 150 36 700); do tap 868 "$y"; done # the fourth point of every scale
    tap "${NEXT[@]}"
  done
  tap "${NEXT[@]}" # Finish, the open sentence left out
  sleep 0.5
}

tap "${DEUTSCH[@]}"
answer_survey
sleep 7 # the thank-you screen goes back to the attract screen, in the default language again
answer_survey

rows=$(sqlite3 "$db" "SELECT count(*) FROM responses") || fail "cannot read $db"
[ "$rows" = 2 ] || fail "expected 2 stored responses (one German, one English), found $rows"
teams=$(sqlite3 "$db" "SELECT DISTINCT survey_id || '|' || survey_version || '|' || team FROM responses")
[ "$teams" = "diagnostic-signs|1|marketing" ] || fail "both participants should be stored alike, found: $teams"
# The same answers under the same question ids, whatever language they were given in.
payloads=$(sqlite3 "$db" "SELECT DISTINCT payload FROM responses" | wc -l)
[ "$payloads" = 1 ] ||
  fail "the German and the English answers differ: $(sqlite3 "$db" "SELECT payload FROM responses")"
grep -q '"messaging_shifts":4' <<<"$(sqlite3 "$db" "SELECT payload FROM responses LIMIT 1")" ||
  fail "answers are not stored by question id: $(sqlite3 "$db" "SELECT payload FROM responses LIMIT 1")"
grep -q "step.*left out\|not starting" "$E2E_TMP/kiosk.log" && fail "the German modules could not be made"

echo "PASS: a German and an English participant stored under the same survey, team and question ids"
