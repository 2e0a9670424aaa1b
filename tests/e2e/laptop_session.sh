# Shared by tests and benchmarks of a workshop on laptops: a short survey with k = 3, `alignkiosk collect` on loopback
# in the top-left quarter of a 2600x1760 display, laptops (`run --join`, the real program) in the other quarters, a
# participant answering at one, and the collector's dashboard as pixels. Source it after xvfb_session.sh, with
# `program` and `build_dir` set, then call `start_display 2600x1760` (four windows of 1280x860 side by side). It
# defines write_survey, start_collector, start_relay, start_laptop, answer, rows, outbox, results and same_picture.

# Two pages and a team question: the pulse's first scale item and its open sentence; k = 3 for a short test.
survey="$E2E_TMP/survey.json"
write_survey() {
  python3 - "$build_dir/share/alignkiosk/surveys/team-pulse.json" "$survey" <<'PY' || fail "cannot write the survey"
import json, sys
s = json.load(open(sys.argv[1]))
s["id"] = "laptop-workshop"
s["teams"] = s["teams"][:2]  # Sales and Marketing
s["anonymity"] = {"min_group": 3, "min_group_text": 3}
signs = s["steps"][0]
signs["questions"] = signs["questions"][:1]
focus = next(step for step in s["steps"] if step["id"] == "focus")
focus["questions"] = [q for q in focus["questions"] if q["id"] == "one_big_goal"]
s["steps"] = [signs, focus]
json.dump(s, open(sys.argv[2], "w"))
PY
}
db="$E2E_TMP/facilitator/responses.sqlite3"
mkdir -p "$E2E_TMP/facilitator"

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

# start_relay PORT: the byte-keeping relay (capture_relay.py) in front of the collector's PORT; sets relay_port.
# What laptops send is in $E2E_TMP/capture.up, what they receive in $E2E_TMP/capture.down.
start_relay() {
  python3 "$(dirname "${BASH_SOURCE[0]}")/capture_relay.py" "$1" "$E2E_TMP/capture" >"$E2E_TMP/relay.out" \
    2>"$E2E_TMP/relay.log" &
  E2E_PIDS+=("$!")
  relay_port=
  for _ in $(seq 50); do
    relay_port=$(head -n 1 "$E2E_TMP/relay.out" 2>/dev/null)
    [ -n "$relay_port" ] && return 0
    sleep 0.1
  done
  fail "the relay did not start: $(cat "$E2E_TMP/relay.log")"
}

# start_laptop N X Y: laptop N joins the collector at $join_port (the relay's, or the collector's own); its window
# goes to X,Y. Sets LAPTOP_WINDOW[N] and LAPTOP_PID[N].
declare -A LAPTOP_WINDOW LAPTOP_PID
start_laptop() {
  local n=$1 before window=
  mkdir -p "$E2E_TMP/laptop$n"
  before=$(xdotool search --name 'alignkiosk$' 2>/dev/null | sort)
  "$program" run --join "127.0.0.1:$join_port/$CODE" --db "$E2E_TMP/laptop$n/store.sqlite3" \
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

# fill N SENTENCE: a participant at laptop N up to Finish: start, Marketing, "Often", Next, the sentence typed on the
# laptop's own keyboard. finish N: Finish, then the thank-you's word (delivered or kept), then Done.
fill() {
  local w=${LAPTOP_WINDOW[$1]}
  xdotool mousemove --window "$w" 640 400 click 1; sleep 0.3   # the attract screen
  xdotool mousemove --window "$w" 928 306 click 1; sleep 0.3   # Marketing
  xdotool mousemove --window "$w" 870 340 click 1; sleep 0.2   # Often
  xdotool mousemove --window "$w" 1087 790 click 1; sleep 0.3  # Next
  xdotool mousemove --window "$w" 640 372 click 1; sleep 0.2   # the sentence's box
  xdotool windowfocus "$w"
  xdotool type --window "$w" --delay 15 "$2"; sleep 0.2
}
finish() {
  local w=${LAPTOP_WINDOW[$1]}
  xdotool mousemove --window "$w" 1087 790 click 1             # Finish
  sleep 2 # at most 1.5 s for the acknowledgement, then the thank-you says which
  xdotool mousemove --window "$w" 639 411 click 1; sleep 0.3   # Done
}
answer() { fill "$1" "$2" && finish "$1"; }
rows() { sqlite3 -cmd ".timeout 5000" "$db" "SELECT count(*) FROM responses"; }
outbox() { sqlite3 -cmd ".timeout 5000" "$E2E_TMP/laptop$1/outbox.sqlite3" "SELECT count(*) FROM outbox"; }
# The dashboard's figures as pixels: what lies under the header's rule (#BFC7CC), not the "N people wait" note above
# it (which takes a line of its own when the button row is full), not the scroll bar.
results() {
  local full="$E2E_TMP/$1-window.png" rule
  import -window "$COLLECT_WINDOW" "$full" 2>/dev/null || fail "cannot capture the collector's window"
  rule=$(convert "$full" -crop 1x700+1100+100 +repage -depth 8 txt:- | awk -F'[,:]' '/#BFC7CC/ { print $2 + 100; exit }')
  [ -n "$rule" ] || fail "no header rule in the collector's window ($full)"
  convert "$full" -crop "1200x400+0+$((rule + 4))" +repage "$E2E_TMP/$1.png"
}
same_picture() { [ "$(compare -metric AE "$E2E_TMP/$1.png" "$E2E_TMP/$2.png" null: 2>&1)" = 0 ]; }

