#!/usr/bin/env bash
# The command line as a facilitator uses it: --help, --version, validate, plugins, and a kiosk that refuses to start
# on a bad survey or database and says why, before any window opens (so no display is needed here).
# Usage: command_line_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
fail() { echo "FAIL: $*" >&2; exit 1; }
bundled="$build_dir/share/alignkiosk/surveys/diagnostic-signs.json"

"$program" --version | grep -Eq '^alignkiosk [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"
# Output is captured before grep: grep -q stops reading at the first match, and under pipefail the
# program's SIGPIPE on its next write would fail the pipeline.
help=$("$program" --help) || fail "--help exits non-zero"
grep -q 'alignkiosk validate' <<<"$help" || fail "--help does not list validate"
"$program" bogus >/dev/null 2>"$tmp/err"; [ $? = 2 ] || fail "an unknown command should exit 2"
grep -q "unknown command 'bogus'" "$tmp/err" || fail "unknown command message: $(cat "$tmp/err")"

# plugins: one line per plugin file, in the documented shape.
"$program" plugins >"$tmp/plugins" || fail "plugins exited non-zero"
grep -Eq "^loaded diagnostic_signs 1\.0\.0 .*/diagnostic_signs\.so$" "$tmp/plugins" ||
  fail "plugins output: $(cat "$tmp/plugins")"
"$program" plugins --plugin-dir "$build_dir/tests/fixture_plugins/broken" >"$tmp/plugins" || fail "plugins with refusals"
grep -Eq "^refused .*fixture_abi_major\.so: .*ABI 2" "$tmp/plugins" || fail "no ABI refusal: $(cat "$tmp/plugins")"
grep -q "^loaded diagnostic_signs" "$tmp/plugins" || fail "a refused plugin stopped the others loading"

# validate: 0 for the bundled survey, 1 with FILE:LINE:COL for a broken one.
"$program" validate "$bundled" >"$tmp/out" || fail "the bundled survey does not validate: $(cat "$tmp/out")"
[ ! -s "$tmp/out" ] || fail "validate printed something for a valid survey: $(cat "$tmp/out")"
sed 's/"module": "diagnostic_signs"/"module": "no_such_module"/' "$bundled" >"$tmp/broken.json"
"$program" validate "$bundled" "$tmp/broken.json" >"$tmp/out"; [ $? = 1 ] || fail "validate should exit 1"
grep -Eq "^$tmp/broken.json:[0-9]+:[0-9]+: .*no_such_module" "$tmp/out" || fail "validate output: $(cat "$tmp/out")"
grep -q "^$bundled" "$tmp/out" && fail "the valid file was reported: $(cat "$tmp/out")"

# run refuses an invalid survey, saying where, and stores nothing.
"$program" run --survey "$tmp/broken.json" --db "$tmp/db.sqlite3" 2>"$tmp/err"; [ $? = 1 ] || fail "run should exit 1"
grep -Eq "broken.json:[0-9]+:[0-9]+: " "$tmp/err" || fail "run did not say where: $(cat "$tmp/err")"
grep -q "not starting" "$tmp/err" || fail "run did not say it is not starting: $(cat "$tmp/err")"

# run refuses a database that is not ours and leaves it as it was.
printf 'precious notes, not a database\n' >"$tmp/notes.txt"
cp "$tmp/notes.txt" "$tmp/notes.before"
"$program" run --survey "$bundled" --db "$tmp/notes.txt" 2>"$tmp/err"; [ $? = 2 ] || fail "run should refuse the file"
grep -q "notes.txt" "$tmp/err" || fail "the refusal does not name the file: $(cat "$tmp/err")"
cmp -s "$tmp/notes.txt" "$tmp/notes.before" || fail "the refused file was changed"

# Stores that cannot be written are refused at start with the path and the reason, exit 2, nothing created.
# expect_refusal REASON ARGS...: the program exits 2 and says the reason.
expect_refusal() {
  local reason=$1; shift
  "$@" 2>"$tmp/err" >/dev/null; local status=$?
  [ $status = 2 ] || fail "$* exited $status, not 2: $(cat "$tmp/err")"
  grep -q -- "$reason" "$tmp/err" || fail "$*: no '$reason' in: $(cat "$tmp/err")"
}
mkdir "$tmp/folder"
expect_refusal "is a folder, not a database file" "$program" run --survey "$bundled" --db "$tmp/folder"
expect_refusal "does not exist" "$program" run --survey "$bundled" --db "$tmp/no/such/dir/x.db"
[ ! -e "$tmp/no" ] || fail "a mistyped --db created folders"
# Read-only, as an ordinary user would meet it (root may write anything, so drop to nobody).
mkdir "$tmp/ro" && chmod 755 "$tmp/ro" && chmod 711 "$tmp"
"$program" demo-data --survey "$bundled" --db "$tmp/ro/store.db" --responses 3 >/dev/null || fail "demo-data into a new store"
chmod 444 "$tmp/ro/store.db"
cp "$tmp/ro/store.db" "$tmp/store.before"
as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
expect_refusal "read-only file" "${as_nobody[@]}" "$program" run --survey "$bundled" --db "$tmp/ro/store.db"
cmp -s "$tmp/ro/store.db" "$tmp/store.before" || fail "the read-only store was changed"
expect_refusal "read-only folder" "${as_nobody[@]}" "$program" run --survey "$bundled" --db "$tmp/ro/new.db"
[ ! -e "$tmp/ro/new.db" ] || fail "a refused store was created"
chmod 700 "$tmp"

# demo-data never mixes with real answers: it refuses a store a kiosk wrote to, and says how many and what to do.
cp "$tmp/store.before" "$tmp/real.db" && chmod 644 "$tmp/real.db"
sqlite3 "$tmp/real.db" "DELETE FROM settings WHERE key = 'demo_data_store'" || fail "sqlite3"
expect_refusal "holds real answers (3 people for survey 'diagnostic-signs')" \
  "$program" demo-data --survey "$bundled" --db "$tmp/real.db" --responses 3
grep -q -- "--db FILE" "$tmp/err" || fail "the refusal does not say how to choose another store: $(cat "$tmp/err")"
"$program" demo-data --survey "$bundled" --db "$tmp/ro/more.db" --responses 2 >/dev/null &&
  "$program" demo-data --survey "$bundled" --db "$tmp/ro/more.db" --responses 2 >/dev/null ||
  fail "demo-data refused to add to its own demo store"

# reset-pin: clears the PIN and its throttle, says so, and touches nothing else.
sqlite3 "$tmp/real.db" "INSERT INTO settings VALUES ('facilitator_pin_hash', 'x'), ('facilitator_pin_throttle', '4:99')"
"$program" reset-pin --db "$tmp/real.db" >"$tmp/out" || fail "reset-pin failed"
grep -q "Cleared the facilitator PIN of $tmp/real.db" "$tmp/out" || fail "reset-pin said: $(cat "$tmp/out")"
[ "$(sqlite3 "$tmp/real.db" "SELECT count(*) FROM settings WHERE key LIKE 'facilitator_pin%'")" = 0 ] ||
  fail "reset-pin left the PIN"
[ "$(sqlite3 "$tmp/real.db" "SELECT count(*) FROM responses")" = 3 ] || fail "reset-pin lost answers"
reset_output=$("$program" reset-pin --db "$tmp/real.db") || fail "reset-pin on no PIN exits non-zero"
grep -q "No facilitator PIN was set" <<<"$reset_output" || fail "reset-pin on no PIN"
echo "PASS: help, version, plugins, validate, reset-pin and the refusals of run and demo-data behave as documented"
