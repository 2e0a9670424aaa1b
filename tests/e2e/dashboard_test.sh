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
png=$(ls -d "$E2E_TMP"/store/alignkiosk-export-*/ | sort | tail -n 1)dashboard.png
[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the Export button wrote no PNG"
kill "$KIOSK_PID"

# The command-line export: the CSV has exactly the documented header, rows for every kind of question of every module,
# no group below k; the PNG is a 1920x1080 picture.
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
size=$(od -An -tu1 -j16 -N8 "$out/dashboard.png" | awk '{ print $2 * 65536 + $3 * 256 + $4 "x" $6 * 65536 + $7 * 256 + $8 }')
[ "$size" = 1920x1080 ] || fail "dashboard.png is $size, expected 1920x1080"
# A module that crashed the station stays stopped on the facilitator's side too: its panel is left out, the rest of
# the dashboard and the export work, and the command says which module is stopped.
sqlite3 "$db" "INSERT INTO settings VALUES ('quarantined_modules', 'focus_assessment' || char(9) || 'SIGSEGV' || char(9) || 'draw_panel' || char(10))"
"$program" export --db "$db" --out "$E2E_TMP/export-stopped" >/dev/null 2>"$E2E_TMP/export.err" ||
  fail "export with a stopped module failed: $(cat "$E2E_TMP/export.err")"
grep -q "module 'focus_assessment' is stopped" "$E2E_TMP/export.err" || fail "no word of the stopped module: $(cat "$E2E_TMP/export.err")"
cmp -s <(sort "$out/summary.csv") <(sort "$E2E_TMP/export-stopped/summary.csv") ||
  fail "the numbers changed with a stopped module's panel left out"
echo "PASS: live dashboard exports before and after new answers; export writes the documented CSV (every kind of question) and a 1080p PNG;" \
  "a stopped module's panel is left out"
