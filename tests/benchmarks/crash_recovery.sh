#!/usr/bin/env bash
# How long the touchscreen station (`run --kiosk`) is gone after a module crashes while drawing a page: the fixture
# module fixture_crash_page is made to crash (SIGSEGV) ROUNDS times; each time the screen is watched from outside
# (crash_recovery.py: how long the bare root window shows) and the station's own log line is read (from the supervisor
# seeing the station die to the restarted station's first frame presented). Between rounds the facilitator allows the
# module again through the menu. Not part of ctest (figures, not pass/fail).
# Usage: tests/benchmarks/crash_recovery.sh [BUILD_DIR] [ROUNDS]
set -uo pipefail
build_dir=${1:-build}
rounds=${2:-10}
program="$build_dir/bin/alignkiosk"
[ -x "$program" ] || { echo "no $program: build first" >&2; exit 1; }
source "$(dirname "$0")/../e2e/xvfb_session.sh"

# fixture_good's two pages, then fixture_crash_page, which crashes when its "Crash" button is tapped.
survey="$(dirname "$0")/../e2e/crash_recovery_survey.json"
start_display
start_kiosk "$program" run --kiosk --survey "$survey" --db "$E2E_TMP/db.sqlite3" \
  --plugin-dir "$build_dir/tests/fixture_plugins/good" --plugin-dir "$build_dir/tests/fixture_plugins/crashing"

declare -A PIN_KEY=([1]="794 306" [2]="959 306" [3]="1122 306" [4]="794 417" [5]="959 417" [6]="1122 417"
                    [7]="794 526" [8]="959 526" [9]="1122 526" [0]="959 637" [ok]="1122 637")
NEXT=(1429 1005); CRASH=(487 301); ALLOW_AGAIN=(1439 406)
pin() { local digit; for digit in $(grep -o . <<<"$1") ok; do tap ${PIN_KEY[$digit]}; done; sleep 0.3; }
window() { KIOSK_WINDOW=$(xdotool search --onlyvisible --name 'alignkiosk' | head -n 1); }

pin 2468
pin 2468
for round in $(seq "$rounds"); do
  window
  tap 1700 200
  tap "${NEXT[@]}"; tap "${NEXT[@]}"
  sleep 0.3
  outside=$(python3 "$(dirname "$0")/crash_recovery.py" "${CRASH[@]}" 10 540) || fail "round $round: $outside"
  for _ in $(seq 50); do
    [ "$(grep -c 'back on its attract screen' "$E2E_TMP/kiosk.log")" = "$round" ] && break
    sleep 0.1
  done
  inside=$(sed -n 's/.*back on its attract screen \([0-9.]*\) s after it stopped.*/\1/p' "$E2E_TMP/kiosk.log" |
    sed -n "${round}p")
  echo "round $round: $outside; the station's log: back $inside s after it stopped"
  # The facilitator allows the module again (the station starts again at once to load it).
  sleep 0.5
  window
  xdotool mousemove --window "$KIOSK_WINDOW" 20 20 mousedown 1; sleep 3.2; xdotool mouseup 1; sleep 0.3
  pin 2468
  tap "${ALLOW_AGAIN[@]}"
  sleep 1.5
done | tee "$E2E_TMP/rounds"
awk '
  { for (i = 1; i <= NF; i++) if ($i == "showing") { v = $(i + 2); gsub(/[^0-9.]/, "", v); e[++n] = v }
    for (i = 1; i <= NF; i++) if ($i == "back" && $(i + 2) == "s") l[++m] = $(i + 1) * 1000 }
  function sort(a, k,   i, j, t) {
    for (i = 2; i <= k; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
  }
  END {
    sort(e, n); sort(l, m)
    printf "station gone (the bare root window showing, seen from outside): median %.0f ms, min %.0f ms, " \
           "max %.0f ms over %d crashes\n", e[int((n + 1) / 2)], e[1], e[n], n
    printf "from the supervisor seeing it die to the first frame presented (its log): median %.0f ms, " \
           "min %.0f ms, max %.0f ms\n", l[int((m + 1) / 2)], l[1], l[m]
  }' "$E2E_TMP/rounds"
