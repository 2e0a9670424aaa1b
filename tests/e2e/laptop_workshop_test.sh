#!/usr/bin/env bash
# End to end, a workshop on laptops: `alignkiosk collect` and three laptops (`run --join`, each the real program in its
# own window, driven with xdotool) on loopback, every byte between them passing through a relay that keeps it. The
# collector is killed (SIGKILL) in the middle and restarted. Checked: every finished survey arrives exactly once; the
# live dashboard changes only when a batch of k has arrived; no laptop keeps an answer afterwards; and what crossed the
# network holds no answer: not the sentences typed, not the team chosen.
# Usage: laptop_workshop_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"
relay_script="$(dirname "$0")/capture_relay.py"

# Two pages and a team question: the pulse's first scale item and its open sentence; k = 3 for a short test.
survey="$E2E_TMP/survey.json"
python3 - "$build_dir/share/alignkiosk/surveys/team-pulse.json" "$survey" <<'PY' || fail "cannot write the survey"
import json, sys
s = json.load(open(sys.argv[1]))
s["id"] = "laptop-workshop"
s["teams"] = ["Sales", "Marketing"]
s["anonymity"] = {"min_group": 3, "min_group_text": 3}
signs = s["steps"][0]
signs["questions"] = signs["questions"][:1]
focus = next(step for step in s["steps"] if step["id"] == "focus")
focus["questions"] = [q for q in focus["questions"] if q["id"] == "one_big_goal"]
s["steps"] = [signs, focus]
json.dump(s, open(sys.argv[2], "w"))
PY
db="$E2E_TMP/facilitator/responses.sqlite3"
mkdir -p "$E2E_TMP/facilitator"
# Four windows of 1280x860 side by side: the collector top left, the laptops in the other three places.
start_display 2600x1760

# start_collector [PORT]: the facilitator's collector on loopback; sets COLLECT_PID, PORT, CODE, COLLECT_WINDOW.
start_collector() {
  "$program" collect --survey "$survey" --db "$db" --listen 127.0.0.1 --port "${1:-0}" >"$E2E_TMP/collect.log" 2>&1 &
  COLLECT_PID=$!
  E2E_PIDS+=("$COLLECT_PID")
  local line= window=
  for _ in $(seq 100); do
    line=$(grep -m 1 '^collecting survey ' "$E2E_TMP/collect.log")
    window=$(xdotool search --name 'alignkiosk collect$' 2>/dev/null | head -n 1)
    [ -n "$line" ] && [ -n "$window" ] && break
    kill -0 "$COLLECT_PID" 2>/dev/null || fail "collect exited: $(cat "$E2E_TMP/collect.log")"
    sleep 0.1
  done
  [[ $line =~ --join\ 127\.0\.0\.1:([0-9]+)/([0-9A-Z]{3}-[0-9A-Z]{3})$ ]] || fail "collect said: $line"
  PORT=${BASH_REMATCH[1]}
  CODE=${BASH_REMATCH[2]}
  COLLECT_WINDOW=$window
  xdotool windowmove "$COLLECT_WINDOW" 0 0
  sleep 1 # the first frames and the first read of the store
}

start_collector
first_port=$PORT
first_code=$CODE
python3 "$relay_script" "$PORT" "$E2E_TMP/capture" >"$E2E_TMP/relay.out" 2>"$E2E_TMP/relay.log" &
E2E_PIDS+=("$!")
for _ in $(seq 50); do
  relay_port=$(head -n 1 "$E2E_TMP/relay.out" 2>/dev/null)
  [ -n "$relay_port" ] && break
  sleep 0.1
done
[ -n "$relay_port" ] || fail "the relay did not start: $(cat "$E2E_TMP/relay.log")"

# start_laptop N X Y: laptop N joins through the relay; its window goes to X,Y. Sets LAPTOP_WINDOW[N].
declare -A LAPTOP_WINDOW LAPTOP_PID
start_laptop() {
  local n=$1 before window=
  mkdir -p "$E2E_TMP/laptop$n"
  before=$(xdotool search --name 'alignkiosk$' 2>/dev/null | sort)
  "$program" run --join "127.0.0.1:$relay_port/$CODE" --db "$E2E_TMP/laptop$n/store.sqlite3" \
    >"$E2E_TMP/laptop$n.log" 2>&1 &
  LAPTOP_PID[$n]=$!
  E2E_PIDS+=("$!")
  for _ in $(seq 100); do
    window=$(comm -13 <(echo "$before") <(xdotool search --name 'alignkiosk$' 2>/dev/null | sort) | head -n 1)
    [ -n "$window" ] && break
    kill -0 "${LAPTOP_PID[$n]}" 2>/dev/null || fail "laptop $n exited: $(cat "$E2E_TMP/laptop$n.log")"
    sleep 0.1
  done
  [ -n "$window" ] || fail "laptop $n showed no window"
  LAPTOP_WINDOW[$n]=$window
  xdotool windowmove "$window" "$2" "$3"
  sleep 0.5
}

# answer N SENTENCE: a participant at laptop N: start, Marketing, "Often", Next, the sentence typed on the laptop's
# own keyboard, Finish; then waits for the thank-you's word (delivered or kept) and taps Done.
answer() {
  local w=${LAPTOP_WINDOW[$1]}
  xdotool mousemove --window "$w" 640 400 click 1; sleep 0.3   # the attract screen
  xdotool mousemove --window "$w" 928 306 click 1; sleep 0.3   # Marketing
  xdotool mousemove --window "$w" 870 340 click 1; sleep 0.2   # Often
  xdotool mousemove --window "$w" 1087 790 click 1; sleep 0.3  # Next
  xdotool mousemove --window "$w" 640 372 click 1; sleep 0.2   # the sentence's box
  xdotool windowfocus "$w"
  xdotool type --window "$w" --delay 15 "$2"; sleep 0.2
  xdotool mousemove --window "$w" 1087 790 click 1             # Finish
  sleep 2 # at most 1.5 s for the acknowledgement, then the thank-you says which
  xdotool mousemove --window "$w" 639 411 click 1; sleep 0.3   # Done
}
rows() { sqlite3 -cmd ".timeout 5000" "$db" "SELECT count(*) FROM responses"; }
outbox() { sqlite3 -cmd ".timeout 5000" "$E2E_TMP/laptop$1/outbox.sqlite3" "SELECT count(*) FROM outbox"; }
# The dashboard below its header (the figures, not the "N people wait" note, not the scroll bar), as pixels.
results() {
  import -window "$COLLECT_WINDOW" -crop 1200x500+0+360 +repage "$E2E_TMP/$1.png" 2>/dev/null ||
    fail "cannot capture the collector's window"
}
same_picture() { [ "$(compare -metric AE "$E2E_TMP/$1.png" "$E2E_TMP/$2.png" null: 2>&1)" = 0 ]; }

start_laptop 1 1300 0
start_laptop 2 0 880
start_laptop 3 1300 880

sentences=("Quokka lantern harbour one" "Quokka lantern harbour two" "Quokka lantern harbour three"
  "Quokka lantern harbour four" "Quokka lantern harbour five")
answer 1 "${sentences[0]}"
answer 2 "${sentences[1]}"
[ "$(rows)" = 4 ] || fail "after two participants the store holds $(rows) rows, not 4 (2 pages each)"
[ "$(outbox 1)" = 0 ] && [ "$(outbox 2)" = 0 ] || fail "a laptop keeps a delivered survey"

# The collector dies at once, without answering anyone; the third participant finishes meanwhile.
kill -KILL "$COLLECT_PID"
wait "$COLLECT_PID" 2>/dev/null
answer 3 "${sentences[2]}"
[ "$(outbox 3)" = 1 ] || fail "laptop 3 does not keep the survey it could not deliver"
grep -q "is kept in" "$E2E_TMP/laptop3.log" || fail "laptop 3 did not say it kept the survey"

# Restarted on its port and store, it keeps the join code. The relay holds laptop 3 off until the restarted dashboard
# has read the store once (it counts all it finds then), so that laptop 3's survey is a newcomer to it.
touch "$E2E_TMP/capture.pause"
start_collector "$first_port"
[ "$CODE" = "$first_code" ] || fail "the join code changed across the restart"
sleep 1
results before
rm "$E2E_TMP/capture.pause"
for _ in $(seq 160); do
  [ "$(outbox 3)" = 0 ] && break
  sleep 0.25
done
[ "$(outbox 3)" = 0 ] || fail "laptop 3's kept survey was not delivered after the restart: $(cat "$E2E_TMP/laptop3.log")"
[ "$(rows)" = 6 ] || fail "after the restart the store holds $(rows) rows, not 6"
sleep 1.5
results held1
same_picture before held1 || fail "the dashboard changed for one newcomer"

answer 1 "${sentences[3]}"
sleep 1.5
results held2
same_picture held1 held2 || fail "the dashboard changed for two newcomers (k = 3)"
answer 2 "${sentences[4]}"
[ "$(rows)" = 10 ] || fail "the store holds $(rows) rows, not 10: not every survey arrived exactly once"
sleep 1.5
results released
same_picture held2 released && fail "the dashboard did not show the batch of 3 newcomers"

# Nothing of the answers is left on any laptop: empty outboxes, no response store, no sentence in any file.
for n in 1 2 3; do
  kill -TERM "${LAPTOP_PID[$n]}"
  wait "${LAPTOP_PID[$n]}" || fail "laptop $n did not exit cleanly"
  [ "$(outbox "$n")" = 0 ] || fail "laptop $n keeps $(outbox "$n") surveys"
  [ -e "$E2E_TMP/laptop$n/store.sqlite3" ] && fail "laptop $n made a response store"
  grep -rqa "Quokka" "$E2E_TMP/laptop$n" && fail "laptop $n keeps an answer's text on disk"
done

# What crossed the network: the surveys went up (the relay saw them), sealed; no sentence went either way, and the
# team chosen never went up (the survey coming down names every team, of course).
grep -qa "POST /v1/submission" "$E2E_TMP/capture.up" || fail "the relay saw no submission"
[ "$(grep -ca "POST /v1/submission" "$E2E_TMP/capture.up")" -ge 5 ] || fail "the relay saw fewer than 5 submissions"
grep -qa "Quokka" "$E2E_TMP/capture.up" "$E2E_TMP/capture.down" && fail "an answer's text crossed the network"
grep -qa "Marketing" "$E2E_TMP/capture.up" && fail "the team chosen crossed the network readable"
grep -qa "Often" "$E2E_TMP/capture.up" && fail "an option chosen crossed the network readable"

# The final figures, read afresh: every one of the five is counted (the facilitator's export after the session).
kill -TERM "$COLLECT_PID"
wait "$COLLECT_PID" || fail "collect did not exit cleanly"
echo "PASS: 5 surveys from 3 laptops arrived once each across a collector crash; the dashboard moved only by a batch of 3"
