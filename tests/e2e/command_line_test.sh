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
"$program" --help | grep -q 'alignkiosk validate' || fail "--help does not list validate"
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
"$program" run --survey "$bundled" --db "$tmp/notes.txt" 2>"$tmp/err"; [ $? = 1 ] || fail "run should refuse the file"
grep -q "notes.txt" "$tmp/err" || fail "the refusal does not name the file: $(cat "$tmp/err")"
cmp -s "$tmp/notes.txt" "$tmp/notes.before" || fail "the refused file was changed"
echo "PASS: help, version, plugins, validate and run's refusals behave as documented"
