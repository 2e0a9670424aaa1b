#!/usr/bin/env bash
# End to end: a participant taps through the bundled ten-minute workshop survey (diagnostic signs, stakeholder
# mapping, focus assessment) on the real kiosk under Xvfb, typing the goal sentence on the on-screen keyboard; one
# anonymous response per module lands in the database, with the answers that were tapped.
# Usage: workshop_survey_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/responses.sqlite3"
survey="$build_dir/share/alignkiosk/surveys/mission-alignment-workshop.json"
"$program" validate "$survey" || fail "the bundled workshop survey does not validate"
"$program" validate "$build_dir/share/alignkiosk/surveys/team-pulse.json" || fail "the bundled pulse does not validate"
start_display
start_kiosk "$program" run --survey "$survey" --db "$db"
xdotool type --delay 30 2468; sleep 0.2; xdotool key Return; sleep 0.3
xdotool type --delay 30 2468; sleep 0.2; xdotool key Return; sleep 0.3

# Where the shell and the modules put things in the 1280x860 window.
NEXT=(1087 790); MARKETING=(928 306)
# The on-screen keyboard's keys (QWERTY, bottom of the window) for the goal sentence "grow".
KEY_G=(585 668); KEY_R=(422 593); KEY_O=(966 593); KEY_W=(204 593); KEY_DONE=(1130 819)

tap 640 400 # the attract screen starts wherever it is tapped
tap "${MARKETING[@]}"

# Diagnostic signs: the fourth point of every scale on its four pages, then the optional open sentence left out.
for page in 1 2 3 4; do
  for y in $(seq 150 36 700); do tap 868 "$y"; done
  tap "${NEXT[@]}"
done
tap "${NEXT[@]}"

# Stakeholder mapping: a tap in the triangle near "Your customers", then Partner and "Well" for the six groups.
tap 300 640
tap "${NEXT[@]}"
for page in 1 2; do
  for y in 294 412 531; do tap 461 "$y"; tap 1057 "$y"; done
  tap "${NEXT[@]}"
done

# Focus assessment: the goal typed on the on-screen keyboard, two S.M.M.A.R.T. qualities, two shares, the four
# clarity answers and one opportunity.
tap 640 395
sleep 0.4 # the field takes the keyboard
for key in KEY_G KEY_R KEY_O KEY_W; do declare -n at=$key; tap "${at[@]}"; done
tap "${KEY_DONE[@]}"
tap "${NEXT[@]}"
tap 349 207; tap 928 207
tap "${NEXT[@]}"
tap 491 227; tap 903 463
tap "${NEXT[@]}"
tap 683 139; tap 897 259; tap 1111 388; tap 897 512
tap "${NEXT[@]}"
tap 349 237
tap "${NEXT[@]}" # Finish
sleep 0.5

rows=$(sqlite3 "$db" "SELECT module_id || '|' || team FROM responses ORDER BY module_id") || fail "cannot read $db"
expected=$'diagnostic_signs|marketing\nfocus_assessment|marketing\nstakeholder_mapping|marketing'
[ "$rows" = "$expected" ] || fail "expected one response per module, found: $rows"
payload() { sqlite3 "$db" "SELECT payload FROM responses WHERE module_id = '$1'"; }

signs=$(payload diagnostic_signs)
[ "$(grep -o '":4' <<<"$signs" | wc -l)" = 8 ] || fail "signs: expected 8 answers of 4, payload: $signs"
grep -q customer_change <<<"$signs" && fail "signs: the skipped open sentence was stored: $signs"

stakes=$(payload stakeholder_mapping)
read -r employer customers self < <(python3 -c '
import json, sys
mix = json.loads(sys.argv[1])["answers"]["works_for"]
print(mix["employer"], mix["customers"], mix["self"])' "$stakes") || fail "stakeholders: no mix in $stakes"
[ $((employer + customers + self)) = 100 ] || fail "stakeholders: the mix does not add up to 100: $stakes"
[ "$customers" -gt 50 ] || fail "stakeholders: a tap near 'Your customers' gave them only $customers: $stakes"
[ "$(grep -o '"partner"' <<<"$stakes" | wc -l)" = 6 ] || fail "stakeholders: expected 6 partners, payload: $stakes"
[ "$(grep -o '"understand_[a-z_]*":4' <<<"$stakes" | wc -l)" = 6 ] || fail "stakeholders: expected 6 'Well', $stakes"

focus=$(payload focus_assessment)
for answer in '"one_big_goal":"grow"' '"goal_qualities":["specific","measurable"]' '"time_on_goal":25' \
              '"ideal_client_share":75' '"mission_clear":"yes"' '"brand_clear":"partly"' '"model_clear":"no"' \
              '"offer_clear":"partly"' '"top_opportunity":"narrow_offer"'; do
  grep -qF "$answer" <<<"$focus" || fail "focus: $answer missing from $focus"
done
echo "PASS: the workshop survey stored one response per module with the answers tapped"
