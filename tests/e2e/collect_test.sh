#!/usr/bin/env bash
# End to end, the facilitator starting a collection: `alignkiosk collect` on loopback under Xvfb prints the line a
# laptop types, serves the survey to the right join code only, and keeps its join code across a restart.
# Usage: collect_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
source "$(dirname "$0")/xvfb_session.sh"

db="$E2E_TMP/store/responses.sqlite3"
mkdir -p "$E2E_TMP/store"
start_display

# Starts the collector on a free loopback port; sets PORT and CODE from the line it prints.
start_collect() {
  start_kiosk "$program" collect --db "$db" --listen 127.0.0.1 --port 0
  local line
  for _ in $(seq 50); do
    line=$(grep -m 1 '^collecting survey ' "$E2E_TMP/kiosk.log")
    [ -n "$line" ] && break
    sleep 0.1
  done
  [ -n "$line" ] || fail "collect printed no 'collecting survey' line"
  [[ $line =~ ^collecting\ survey\ \'([^\']+)\'\ on\ port\ ([0-9]+):\ join\ with\ alignkiosk\ run\ --join\ 127\.0\.0\.1:([0-9]+)/([0-9A-Z]{3}-[0-9A-Z]{3})$ ]] ||
    fail "unexpected line: $line"
  SURVEY=${BASH_REMATCH[1]}
  PORT=${BASH_REMATCH[2]}
  [ "${BASH_REMATCH[3]}" = "$PORT" ] || fail "the join line names port ${BASH_REMATCH[3]}, not $PORT: $line"
  CODE=${BASH_REMATCH[4]}
}

# get_survey CODE: the status of GET /v1/survey with that join code; the body goes to $E2E_TMP/survey.json.
get_survey() {
  curl -s --max-time 10 -o "$E2E_TMP/survey.json" -w '%{http_code}' -H "Alignkiosk-Join-Code: $1" \
    "http://127.0.0.1:$PORT/v1/survey"
}

start_collect
[ "$PORT" -gt 0 ] || fail "port $PORT"
status=$(get_survey "$CODE")
[ "$status" = 200 ] || fail "GET /v1/survey with the right code: $status"
grep -q "\"id\": *\"$SURVEY\"" "$E2E_TMP/survey.json" || fail "the survey served does not hold the id $SURVEY"
# Typed as a person would: lower case, no dash.
status=$(get_survey "$(echo "$CODE" | tr -d - | tr 'A-Z' 'a-z')")
[ "$status" = 200 ] || fail "GET /v1/survey with the code in lower case: $status"
wrong=$([ "$CODE" = "000-000" ] && echo 111-111 || echo 000-000)
status=$(get_survey "$wrong")
[ "$status" = 403 ] || fail "GET /v1/survey with a wrong code: $status"

# SIGTERM stops the collector and the window cleanly (exit 0); the port is free again.
kill -TERM "$KIOSK_PID"
wait "$KIOSK_PID"
status=$?
[ "$status" = 0 ] || fail "collect exited $status on SIGTERM"
first_code=$CODE
curl -s --max-time 5 -o /dev/null "http://127.0.0.1:$PORT/v1/survey" && fail "still serving after SIGTERM"

# A collector restarted on the same store keeps the code the laptops already have.
start_collect
[ "$CODE" = "$first_code" ] || fail "the join code changed across a restart: $first_code, then $CODE"
status=$(get_survey "$CODE")
[ "$status" = 200 ] || fail "after the restart, GET /v1/survey: $status"

# A port that is taken is refused with the reason, and nothing is left running.
if timeout 20 "$program" collect --db "$db" --listen 127.0.0.1 --port "$PORT" >"$E2E_TMP/taken.out" 2>"$E2E_TMP/taken.err"; then
  fail "a second collector on port $PORT started"
fi
grep -q "cannot collect on 127.0.0.1 port $PORT" "$E2E_TMP/taken.err" || fail "no refusal for a taken port: $(cat "$E2E_TMP/taken.err")"
grep -q '^collecting' "$E2E_TMP/taken.out" && fail "the refused collector said it was collecting"

kill -TERM "$KIOSK_PID"
wait "$KIOSK_PID" || fail "collect exited $? on SIGTERM after the restart"
echo "collect: port $PORT, code $CODE kept across a restart, wrong code refused"
