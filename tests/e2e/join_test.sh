#!/usr/bin/env bash
# End to end: a laptop joins a collector (the test helper, on 127.0.0.1) with `run --join HOST:PORT/CODE`, shows the
# fetched survey without asking for a facilitator PIN, and delivers a finished survey; with the collector gone, the
# next one is kept in the laptop's outbox and arrives once the collector is back. The laptop keeps no response store.
# A code without a host, and a wrong code, are refused before any window opens.
# Usage: join_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"
helper="$build_dir/bin/alignkiosk_test_collector"
[ -x "$helper" ] || fail "no collector helper at $helper"

# A one-page survey: the first question of the bundled pulse, without teams.
survey="$E2E_TMP/mini.json"
python3 - "$build_dir/share/alignkiosk/surveys/team-pulse.json" "$survey" <<'PY' || fail "cannot write the survey"
import json, sys
s = json.load(open(sys.argv[1]))
s.pop("teams", None)
s["id"] = "mini-pulse"
step = s["steps"][0]
step["questions"] = step["questions"][:1]
s["steps"] = [step]
json.dump(s, open(sys.argv[2], "w"))
PY
collected="$E2E_TMP/collected.sqlite3"
laptop="$E2E_TMP/laptop"
mkdir -p "$laptop"

start_collector() { # [PORT CODE]
  "$helper" "$survey" mini-pulse 1 "$collected" "$@" >"$E2E_TMP/collector.out" 2>>"$E2E_TMP/collector.log" &
  COLLECTOR_PID=$!
  E2E_PIDS+=("$COLLECTOR_PID")
  for _ in $(seq 100); do
    read -r PORT CODE <"$E2E_TMP/collector.out" 2>/dev/null && [ -n "${CODE:-}" ] && return 0
    sleep 0.1
  done
  fail "the collector did not start: $(cat "$E2E_TMP/collector.log")"
}
collected_count() { sqlite3 -cmd ".timeout 5000" "$collected" "SELECT count(*) FROM responses"; }
outbox_count() { sqlite3 -cmd ".timeout 5000" "$laptop/outbox.sqlite3" "SELECT count(*) FROM outbox"; }
# One participant: start, "Often", Finish.
answer() {
  tap 640 400
  tap 870 340
  tap 1087 790
  sleep 0.5
}

start_collector
out=$("$program" run --join "$CODE" --db "$laptop/x.sqlite3" 2>&1) && fail "a code alone was accepted"
grep -q "HOST:PORT/CODE line shown on the facilitator's screen" <<<"$out" || fail "bare code: $out"
out=$("$program" run --join "127.0.0.1:$PORT/AAA-AAA" --db "$laptop/x.sqlite3" 2>&1) && fail "a wrong code joined"
grep -q "not the join code" <<<"$out" || fail "wrong code: $out"

start_display
start_kiosk "$program" run --join "127.0.0.1:$PORT/$CODE" --db "$laptop/x.sqlite3"
answer
[ "$(collected_count)" = 1 ] || fail "the first submission did not arrive: $(collected_count)"
[ "$(outbox_count)" = 0 ] || fail "the outbox keeps a delivered submission"
[ -e "$laptop/x.sqlite3" ] && fail "the laptop made a response store"
tap 639 411 # Done

kill "$COLLECTOR_PID"
wait "$COLLECTOR_PID" 2>/dev/null
answer
[ "$(outbox_count)" = 1 ] || fail "the second submission is not kept in the outbox"
for _ in $(seq 40); do
  grep -q "is kept in" "$E2E_TMP/kiosk.log" && break
  sleep 0.25
done
grep -q "is kept in" "$E2E_TMP/kiosk.log" || fail "the laptop did not say it kept the submission"

start_collector "$PORT" "$CODE"
for _ in $(seq 120); do
  [ "$(collected_count)" = 2 ] && break
  sleep 0.25
done
[ "$(collected_count)" = 2 ] || fail "the kept submission did not arrive after the collector came back"
[ "$(outbox_count)" = 0 ] || fail "the outbox still holds the delivered submission"

kill -TERM "$KIOSK_PID"
wait "$KIOSK_PID" || fail "the laptop did not exit cleanly"
[ "$(collected_count)" = 2 ] || fail "a submission arrived twice: $(collected_count)"
echo "PASS"
