#!/usr/bin/env bash
# A room without a network, from the command line (no display needed): a station's answers go to the facilitator's
# store in a sealed bundle, exactly once; bundles for another collection or survey, or damaged ones, are refused with
# the reason and change nothing.
# Usage: bundle_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
fail() { echo "FAIL: $*" >&2; exit 1; }
bundled="$build_dir/share/alignkiosk/surveys/diagnostic-signs.json"
rows() { sqlite3 "$1" "SELECT count(*) FROM responses"; }

"$program" demo-data --survey "$bundled" --db "$tmp/station.db" --responses 9 >/dev/null || fail "demo-data"
station_rows=$(rows "$tmp/station.db")
[ "$station_rows" -gt 0 ] || fail "the station has no rows"

# The facilitator's store makes its collection key once and keeps it.
"$program" collection-key --db "$tmp/facilitator.db" --out "$tmp/key.txt" >"$tmp/out" || fail "collection-key"
grep -Eq '^collection-public-key-1:[0-9a-f]{64}$' "$tmp/key.txt" || fail "key text: $(cat "$tmp/key.txt")"
[ "$("$program" collection-key --db "$tmp/facilitator.db")" = "$(cat "$tmp/key.txt")" ] || fail "the key changed"

# The bundle: private, says what it holds, holds no readable answer text.
"$program" bundle --db "$tmp/station.db" --out "$tmp/station.akb" --collection-key "$tmp/key.txt" >"$tmp/out" ||
  fail "bundle: $(cat "$tmp/out")"
grep -q "sealed answers" "$tmp/out" || fail "bundle does not say it holds sealed answers: $(cat "$tmp/out")"
[ "$(stat -c %a "$tmp/station.akb")" = 600 ] || fail "the bundle is readable by others"
grep -q "diagnostic_signs" "$tmp/station.akb" && fail "a module id is readable in the bundle"
"$program" bundle --db "$tmp/station.db" --out "$tmp/station.akb" --collection-key "$tmp/key.txt" 2>"$tmp/err" &&
  fail "bundle overwrote a file"
grep -q "exists" "$tmp/err" || fail "no reason for not overwriting: $(cat "$tmp/err")"

# Import twice: the second changes nothing.
"$program" import "$tmp/station.akb" --db "$tmp/facilitator.db" >"$tmp/out" || fail "import: $(cat "$tmp/out")"
grep -q "imported $station_rows new answers, 0 already there" "$tmp/out" || fail "first import: $(cat "$tmp/out")"
"$program" import "$tmp/station.akb" --db "$tmp/facilitator.db" >"$tmp/out" || fail "second import"
grep -q "imported 0 new answers, $station_rows already there" "$tmp/out" || fail "second import: $(cat "$tmp/out")"
[ "$(rows "$tmp/facilitator.db")" = "$station_rows" ] || fail "the facilitator's store has $(rows "$tmp/facilitator.db")"

# Refusals: exit 1, the reason, nothing written.
expect_refused() { # REASON FILE [ARGS...]
  local reason=$1 file=$2; shift 2
  local before; before=$(rows "$tmp/facilitator.db")
  "$program" import "$file" --db "$tmp/facilitator.db" "$@" >/dev/null 2>"$tmp/err"; local status=$?
  [ $status = 1 ] || fail "import of $file exited $status: $(cat "$tmp/err")"
  grep -q -- "$reason" "$tmp/err" || fail "import of $file: no '$reason' in: $(cat "$tmp/err")"
  [ "$(rows "$tmp/facilitator.db")" = "$before" ] || fail "a refused bundle wrote rows"
}
"$program" collection-key --db "$tmp/other.db" --out "$tmp/other-key.txt" >/dev/null || fail "other key"
"$program" bundle --db "$tmp/station.db" --out "$tmp/other.akb" --collection-key "$tmp/other-key.txt" >"$tmp/out" ||
  fail "bundle for another collection"
other_id=$(sed -n 's/.*sealed for collection \([0-9a-f]\{16\}\).*/\1/p' "$tmp/out")
[ -n "$other_id" ] || fail "bundle does not name its collection: $(cat "$tmp/out")"
expect_refused "sealed for collection $other_id, this store's collection is" "$tmp/other.akb"
head -c 300 "$tmp/station.akb" >"$tmp/cut.akb"
expect_refused "truncated" "$tmp/cut.akb"
printf 'precious notes\n' >"$tmp/notes.txt"
expect_refused "not a bundle" "$tmp/notes.txt"
sed 's/"version": *1/"version": 2/' "$bundled" >"$tmp/v2.json"
grep -q '"version": *2' "$tmp/v2.json" || fail "could not make a version 2 survey"
expect_refused "this store collects version 2" "$tmp/station.akb" --survey "$tmp/v2.json"
# The right survey is accepted (and still changes nothing).
"$program" import "$tmp/station.akb" --db "$tmp/facilitator.db" --survey "$bundled" >"$tmp/out" ||
  fail "import with --survey: $(cat "$tmp/out")"

# A store without a collection key cannot be imported into.
"$program" import "$tmp/station.akb" --db "$tmp/fresh.db" 2>"$tmp/err"; [ $? = 2 ] || fail "a keyless store imported"
grep -q "collection-key" "$tmp/err" || fail "no advice for a keyless store: $(cat "$tmp/err")"
echo "bundle e2e: ok"
