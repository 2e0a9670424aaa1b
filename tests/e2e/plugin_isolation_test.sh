#!/usr/bin/env bash
# End to end, plugins that would take the program down with them: a file cut short by a failed copy (SIGBUS inside
# dlopen), one whose init calls abort(), one whose init never returns. `plugins`, `validate` and `run` each list them
# as refused with what happened, and go on with the plugins that load.
# Usage: plugin_isolation_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"
unsafe="$build_dir/tests/fixture_plugins/unsafe"
survey="$build_dir/share/alignkiosk/surveys/diagnostic-signs.json"

# plugins: one refusal line each, the bundled plugins still loaded, exit 0.
"$program" plugins --plugin-dir "$unsafe" >"$E2E_TMP/plugins" 2>"$E2E_TMP/plugins.err"
status=$?
[ "$status" = 0 ] || fail "plugins ended with status $status: $(cat "$E2E_TMP/plugins.err")"
expect_line() {
  grep -qxF "$1" "$E2E_TMP/plugins" || fail "plugins did not say '$1'; it said: $(cat "$E2E_TMP/plugins")"
}
expect_line "refused $unsafe/fixture_init_aborts.so: crashed while loading: SIGABRT in its init function"
expect_line "refused $unsafe/fixture_init_hangs.so: did not finish loading within 5 s (stuck in its init function); \
it was stopped"
cut_short="^refused $unsafe/fixture_truncated\.so: not a loadable shared library: cut short: loadable segment [0-9]+ "
cut_short+="needs the file's bytes up to [0-9]+ but the file has 8192 bytes \(an unfinished copy\?\)$"
grep -Eq "$cut_short" "$E2E_TMP/plugins" || fail "no cut-short refusal: $(cat "$E2E_TMP/plugins")"
grep -q "^loaded diagnostic_signs " "$E2E_TMP/plugins" || fail "the bundled plugins did not load: $(cat "$E2E_TMP/plugins")"

# validate: the survey is still checked, with the modules that loaded.
"$program" validate --plugin-dir "$unsafe" "$survey" >"$E2E_TMP/validate" 2>&1 ||
  fail "validate ended with status $?: $(cat "$E2E_TMP/validate")"

# run: the kiosk starts and draws its first screen; the refusals are on stderr, naming each file.
start_display
"$program" run --plugin-dir "$unsafe" --survey "$survey" --db "$E2E_TMP/db.sqlite3" --screenshot "$E2E_TMP/first.png" \
  2>"$E2E_TMP/run.err"
status=$?
[ "$status" = 0 ] || fail "run ended with status $status: $(cat "$E2E_TMP/run.err")"
[ -s "$E2E_TMP/first.png" ] || fail "run drew no first screen"
for file in fixture_init_aborts fixture_init_hangs fixture_truncated; do
  grep -q "^alignkiosk: plugin refused: $unsafe/$file\.so: " "$E2E_TMP/run.err" ||
    fail "run did not name $file: $(cat "$E2E_TMP/run.err")"
done
echo "PASS: a cut-short file, an abort and a hang in init are refused by plugins, validate and run, which go on"
