#!/usr/bin/env bash
# Tap-to-response latency under Xvfb: the kiosk on the first page of the diagnostic-signs survey, ten taps on its
# scale buttons, each timed from the press to the pressed state on screen and from the release to the chosen state.
# Not part of ctest (figures, not pass/fail). Usage: tests/benchmarks/tap_latency.sh [BUILD_DIR]
set -uo pipefail
build_dir=${1:-build}
program="$build_dir/bin/alignkiosk"
[ -x "$program" ] || { echo "no $program: build first" >&2; exit 1; }
source "$(dirname "$0")/../e2e/xvfb_session.sh"
start_display
start_kiosk "$program" run --survey "$build_dir/share/alignkiosk/surveys/diagnostic-signs.json" --db "$E2E_TMP/db.sqlite3"
for _ in 1 2; do xdotool type --delay 30 2468; sleep 0.2; xdotool key Return; sleep 0.3; done
tap 640 400 # start
tap 928 306 # a team
sleep 0.5
# The window sits at 0,0: the five points of both questions on the first page.
python3 "$(dirname "$0")/tap_latency.py" 175 364 407 364 638 364 870 364 1102 364 175 569 407 569 638 569 870 569 1102 569
