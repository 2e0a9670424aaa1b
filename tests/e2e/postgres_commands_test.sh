#!/usr/bin/env bash
# End to end, every command that takes --db on a PostgreSQL database (a real PostgreSQL 15 this test starts and stops,
# tests/support/postgres_server.h): demo-data, export, report, dashboard, run, reset-pin, collection-key, import of a
# SQLite station's bundle, and two collectors on one database sharing its join code. A schema of another application
# is refused untouched.
# Usage: postgres_commands_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"
server="$build_dir/bin/alignkiosk_test_postgres"
state="$E2E_TMP/postgres.state"
trap '"$server" stop "$state" >/dev/null 2>&1; cleanup' EXIT

"$server" start "$state" >/dev/null || fail "the test PostgreSQL server did not start"
uri=$(sed -n 2p "$state")
sql() { psql "$1" -qAtc "$2"; }
start_display

"$program" demo-data --db "$uri" --responses 40 --seed 3 >"$E2E_TMP/demo.log" 2>&1 ||
  fail "demo-data: $(cat "$E2E_TMP/demo.log")"
[ "$(sql "$uri" "SELECT count(DISTINCT payload) > 1 FROM answers")" = t ] || fail "demo-data stored nothing"
rows=$(sql "$uri" "SELECT count(*) FROM answers")

"$program" export --db "$uri" --out "$E2E_TMP/export" >"$E2E_TMP/export.log" 2>&1 ||
  fail "export: $(cat "$E2E_TMP/export.log")"
grep -q '^mission-alignment-workshop,Everyone,signs,.*,n,40$' "$E2E_TMP/export/summary.csv" ||
  fail "summary.csv does not count the 40 participants"
[ -s "$E2E_TMP/export/overview.png" ] || fail "no overview.png"
"$program" report --db "$uri" --out "$E2E_TMP/report.pdf" >/dev/null 2>&1 || fail "report"
pdfinfo "$E2E_TMP/report.pdf" >/dev/null || fail "report.pdf is not a PDF"
"$program" dashboard --db "$uri" --screenshot "$E2E_TMP/dashboard.png" >/dev/null 2>&1 || fail "dashboard"
[ -s "$E2E_TMP/dashboard.png" ] || fail "no dashboard screenshot"
"$program" run --db "$uri" --screenshot "$E2E_TMP/run.png" >/dev/null 2>&1 || fail "run"
[ -s "$E2E_TMP/run.png" ] || fail "no kiosk screenshot"
"$program" reset-pin --db "$uri" | grep -q "postgresql://postgres@127.0.0.1" || fail "reset-pin names no database"

# A station's answers, sealed to this database's collection, are imported once.
"$program" collection-key --db "$uri" --out "$E2E_TMP/key.pub" >/dev/null || fail "collection-key"
"$program" demo-data --db "$E2E_TMP/station.sqlite3" --responses 1 >/dev/null || fail "station demo-data"
"$program" bundle --db "$E2E_TMP/station.sqlite3" --collection-key "$E2E_TMP/key.pub" --out "$E2E_TMP/s.bundle" \
  >/dev/null 2>&1 || fail "bundle"
"$program" import --db "$uri" "$E2E_TMP/s.bundle" | grep -q "imported 3 new answers" || fail "import"
"$program" import --db "$uri" "$E2E_TMP/s.bundle" | grep -q "0 new answers, 3 already there" || fail "import again"
[ "$(sql "$uri" "SELECT count(*) FROM answers")" = $((rows + 3)) ] || fail "the import did not add exactly 3 rows"

# Two collectors on one database, on two ports: one join code.
"$program" collect --db "$uri" --listen 127.0.0.1 --port 0 >"$E2E_TMP/c1.log" 2>&1 &
E2E_PIDS+=($!)
"$program" collect --db "$uri" --listen 127.0.0.1 --port 0 >"$E2E_TMP/c2.log" 2>&1 &
E2E_PIDS+=($!)
for _ in $(seq 100); do
  grep -q '^collecting' "$E2E_TMP/c1.log" && grep -q '^collecting' "$E2E_TMP/c2.log" && break
  sleep 0.1
done
code1=$(grep -o '/[0-9A-Z]\{3\}-[0-9A-Z]\{3\}$' "$E2E_TMP/c1.log")
code2=$(grep -o '/[0-9A-Z]\{3\}-[0-9A-Z]\{3\}$' "$E2E_TMP/c2.log")
[ -n "$code1" ] && [ "$code1" = "$code2" ] || fail "the collectors' join codes: '$code1' and '$code2'"

# Another application's schema: refused, untouched.
sql "$uri" "CREATE SCHEMA billing; CREATE TABLE billing.invoices (n integer)"
if "$program" demo-data --db "$uri?options=-csearch_path%3Dbilling" --responses 5 >"$E2E_TMP/foreign.log" 2>&1; then
  fail "demo-data wrote into another application's schema"
fi
grep -q "another application" "$E2E_TMP/foreign.log" || fail "no reason given: $(cat "$E2E_TMP/foreign.log")"
[ "$(sql "$uri" "SELECT count(*) FROM pg_tables WHERE schemaname = 'billing'")" = 1 ] || fail "billing was changed"
echo "PASS"
