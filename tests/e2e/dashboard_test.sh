#!/usr/bin/env bash
# End to end, the facilitator's side: demo data in a store, the live dashboard under Xvfb, its Export button before and
# after more answers arrive (the view updates without a restart), and `alignkiosk export` for the slides.
# Usage: dashboard_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/store/responses.sqlite3"
mkdir -p "$E2E_TMP/store"
header='survey,group,step,module,question_id,question_label,kind,option_id,option_label,statistic,value'
bom=efbbbf
# The first line of a summary.csv after its UTF-8 byte order mark, which must be there.
header_of() {
  [ "$(head -c 3 "$1" | od -An -tx1 | tr -d ' \n')" = "$bom" ] || fail "$1 does not start with a UTF-8 BOM"
  head -n 1 "$1" | tail -c +4
}
# The tidy columns: group $2, question_id $5, and (labels may hold commas) statistic and value last.
# A PNG's width and height, from its header.
png_size() {
  [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$1 is not a PNG"
  od -An -tu1 -j16 -N8 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}
# How many colours rows [$3, $3 + $4) of picture $1, $2 pixels wide, hold.
colours_in_rows() { identify -format '%k' "$1[$2x$4+0+$3]"; }
# The export's pictures in folder $1, $2 pixels wide (empty: as wide as overview.png): one per screen (the workshop's 14 rated items), each as tall as
# its content: its last rows are background, and something is drawn within 100 rows of its end (no empty tail, nothing
# cut mid-row). The overview of 60+ answers in 5 teams is taller than a 1080p screen.
check_pictures() {
  local dir=$1 width=$2 png w h
  [ ! -e "$dir/dashboard.png" ] || fail "$dir still holds a dashboard.png"
  [ "$(ls "$dir"/item-*.png 2>/dev/null | wc -l)" = 14 ] || fail "expected 14 item pictures in $dir: $(ls "$dir")"
  [ -f "$dir/item-messaging_shifts.png" ] || fail "no item-messaging_shifts.png in $dir: $(ls "$dir")"
  [ -f "$dir/open-answers.png" ] || fail "no open-answers.png in $dir (the open answers of 60+ people are shown)"
  [ -n "$width" ] || read -r width _ < <(png_size "$dir/overview.png")
  for png in "$dir"/*.png; do
    read -r w h < <(png_size "$png")
    [ "$w" = "$width" ] || fail "$png is $w pixels wide, expected $width"
    [ "$(colours_in_rows "$png" "$w" $((h - 3)) 3)" = 1 ] || fail "$png ($w x $h) is cut off: content in its last rows"
    [ "$(colours_in_rows "$png" "$w" $((h - 100)) 97)" -gt 1 ] || fail "$png ($w x $h) ends in an empty stretch"
  done
  read -r w h < <(png_size "$dir/overview.png")
  [ "$h" -gt 1080 ] || fail "overview.png is $w x $h: not the overview's full height"
}
"$program" demo-data --db "$db" --responses 60 --seed 1 >/dev/null || fail "demo-data failed"
start_display

# Everyone's n for one item, from the newest export next to the database.
everyone_n() {
  local csv
  csv=$(ls -d "$E2E_TMP"/store/alignkiosk-export-*/ 2>/dev/null | sort | tail -n 1)summary.csv
  [ -f "$csv" ] || fail "the Export button wrote no summary.csv"
  [ "$(header_of "$csv")" = "$header" ] || fail "summary.csv header: $(header_of "$csv")"
  awk -F, '$5 == "messaging_shifts" && $2 == "Everyone" && $(NF - 1) == "n" { print $NF }' "$csv"
}

start_kiosk "$program" dashboard --db "$db"
EXPORT=(1173 126) # the Export button, top right of the 1280x860 window
tap "${EXPORT[@]}"
sleep 0.5
[ "$(everyone_n)" = 60 ] || fail "first export: everyone n is '$(everyone_n)', expected 60"

sleep 1.1 # the next export gets a folder of its own
# A live dashboard counts newcomers in batches of at least k per step and group (here 10, the survey's larger
# threshold, the open answers'): 40 more in one team are one batch; the few among them who chose no team wait.
no_team() { sqlite3 "$db" "SELECT count(*) FROM responses WHERE step_id = 'signs' AND team IS NULL"; }
no_team_before=$(no_team)
"$program" demo-data --db "$db" --responses 40 --seed 2 --teams Sales >/dev/null || fail "demo-data (second batch) failed"
waiting=$(( $(no_team) - no_team_before ))
[ "$waiting" -lt 10 ] || fail "expected fewer than 10 newcomers without a team, found $waiting"
sleep 1.5 # the dashboard looks for new answers every second
tap "${EXPORT[@]}"
sleep 0.5
[ "$(everyone_n)" = $((100 - waiting)) ] ||
  fail "after more answers: everyone n is '$(everyone_n)', expected $((100 - waiting)) (not live, or a batch below k?)"
# The Export button's pictures: drawn after the frame it was pressed in, 1920 pixels at the window's scale wide.
folder=$(ls -d "$E2E_TMP"/store/alignkiosk-export-*/ | sort | tail -n 1)
for _ in $(seq 50); do [ -f "$folder/open-answers.png" ] && break; sleep 0.2; done
sleep 0.3 # the last one written in full
check_pictures "$folder" ""
kill "$KIOSK_PID"

# The command-line export: the CSV has exactly the documented header, rows for every kind of question of every module,
# no group below k; a 1920-pixel-wide picture of every screen.
out="$E2E_TMP/export"
"$program" export --db "$db" --out "$out" >/dev/null 2>"$E2E_TMP/export.err" || fail "export failed: $(cat "$E2E_TMP/export.err")"
[ "$(header_of "$out/summary.csv")" = "$header" ] || fail "export header: $(header_of "$out/summary.csv")"
items=$(awk -F, '$(NF - 1) == "rwg" { print $5 }' "$out/summary.csv" | sort -u | wc -l)
# The default survey is the workshop: 8 diagnostic signs and metrics, and how well 6 stakeholder groups are understood.
[ "$items" = 14 ] || fail "expected the 14 rated items of the workshop survey, found $items"
teams=$(awk -F, '$5 == "messaging_shifts" && $(NF - 1) == "n" && $2 != "Everyone"' "$out/summary.csv" | wc -l)
[ "$teams" -ge 1 ] || fail "expected rows for teams as well as everyone"
grep -q ',ALL,' "$out/summary.csv" && fail "the everyone group is not named as on the screen"
# Every module and every kind of question: the stakeholders' roles (choice) and what they work for (allocation), the
# focus assessment's goal qualities (multi-choice), and how many open answers there are (never the answers).
for question in role_sales works_for goal_qualities customer_change one_big_goal; do
  grep -q "^[^,]*,Everyone,[^,]*,[^,]*,$question," "$out/summary.csv" || fail "no rows for $question"
done
for module in diagnostic_signs stakeholder_mapping focus_assessment; do
  awk -F, -v m="$module" '$4 == m { found = 1 } END { exit !found }' "$out/summary.csv" || fail "no rows for $module"
done
awk -F, '$5 == "works_for" && $2 == "Everyone" && $(NF - 1) == "mean" { found = 1 } END { exit !found }' \
  "$out/summary.csv" || fail "no mean points for the allocation"
small=$(awk -F, 'NR > 1 && $(NF - 1) == "n" && $NF < 5' "$out/summary.csv")
[ -z "$small" ] || fail "groups below k=5 exported: $small"
awk -F, '$2 == "Sales" && $5 == "value_language_differs" && $(NF - 1) == "mean" { s = $NF }
         $2 == "Marketing" && $5 == "value_language_differs" && $(NF - 1) == "mean" { m = $NF }
         END { exit !(s - m > 1.5) }' "$out/summary.csv" || fail "the planted Sales/Marketing gap is not in the export"
check_pictures "$out" 1920
# A module that crashed the station stays stopped on the facilitator's side too: its panel is left out, the rest of
# the dashboard and the export work, and the command says which module is stopped.
sqlite3 "$db" "INSERT INTO settings VALUES ('quarantined_modules', 'focus_assessment' || char(9) || 'SIGSEGV' || char(9) || 'draw_panel' || char(10))"
"$program" export --db "$db" --out "$E2E_TMP/export-stopped" >/dev/null 2>"$E2E_TMP/export.err" ||
  fail "export with a stopped module failed: $(cat "$E2E_TMP/export.err")"
grep -q "module 'focus_assessment' is stopped" "$E2E_TMP/export.err" || fail "no word of the stopped module: $(cat "$E2E_TMP/export.err")"
cmp -s <(sort "$out/summary.csv") <(sort "$E2E_TMP/export-stopped/summary.csv") ||
  fail "the numbers changed with a stopped module's panel left out"
echo "PASS: live dashboard exports before and after new answers; export writes the documented CSV (every kind of question) and a" \
  "full-height PNG of every screen;" \
  "a stopped module's panel is left out"
