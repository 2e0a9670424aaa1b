#!/usr/bin/env bash
# End to end, a company-wide pulse on PostgreSQL (a real PostgreSQL 15 this test starts and stops,
# tests/support/postgres_server.h): a mistyped survey is refused before any table is made; two `collect --headless`
# (no display) on two loopback ports in front of one database print the same join code; laptops (`run --join`, the
# real program under Xvfb) deliver through each; a submission delivered to both counts once; one collector is killed
# with SIGKILL while the other goes on, and is restarted; the store writes batches of the survey's k (3 here, not the
# default 5); `export --db URI` counts every participant once.
# Usage: postgres_headless_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"
source "$(dirname "$0")/laptop_session.sh"
server="$build_dir/bin/alignkiosk_test_postgres"
state="$E2E_TMP/postgres.state"
trap '"$server" stop "$state" >/dev/null 2>&1; cleanup' EXIT

"$server" start "$state" >/dev/null || fail "the test PostgreSQL server did not start"
uri=$(sed -n 2p "$state")
sql() { psql "$uri" -qAtc "$1"; }
tables() { sql "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"; }
answers() { sql "SELECT count(*) FROM answers"; }
waiting() { sql "SELECT provisional_participants FROM alignkiosk_store"; }

# A mistyped survey is refused with where it is wrong, before the store makes any table in the database.
printf '{\n  "id": "pulse",\n  "title": 5\n}\n' >"$E2E_TMP/bad.json"
if "$program" run --survey "$E2E_TMP/bad.json" --db "$uri" >"$E2E_TMP/bad.log" 2>&1; then
  fail "run started with a survey that is not valid"
fi
said=$(cat "$E2E_TMP/bad.log")
[[ $said == *"bad.json:3:12: "* ]] || fail "run did not say where the survey is wrong: $said"
[ "$(tables)" = 0 ] || fail "run made $(tables) tables for a survey it refused"

write_survey # k = 3
start_display 2600x1760

# launch NAME [PORT]: a headless collector on loopback, with no display at all; sets PID_<NAME>. joined NAME: waits for
# the line it prints and sets PORT_<NAME> and CODE_<NAME> from it.
launch() {
  env -u DISPLAY "$program" collect --headless --survey "$survey" --db "$uri" --listen 127.0.0.1 --port "${2:-0}" \
    >"$E2E_TMP/$1.out" 2>"$E2E_TMP/$1.err" &
  E2E_PIDS+=("$!")
  printf -v "PID_$1" %s "$!"
}
joined() {
  local name=$1 line= pid_name="PID_$1"
  for _ in $(seq 150); do
    line=$(sed -n 1p "$E2E_TMP/$name.out")
    [ -n "$line" ] && break
    kill -0 "${!pid_name}" 2>/dev/null || fail "collector $name exited: $(cat "$E2E_TMP/$name.err")"
    sleep 0.1
  done
  [[ $line =~ ^collecting\ survey\ \'laptop-workshop\'\ on\ port\ ([0-9]+):\ join\ with\ alignkiosk\ run\ --join\ 127\.0\.0\.1:([0-9]+)/([0-9A-Z]{3}-[0-9A-Z]{3})$ ]] ||
    fail "collector $name said: $line $(cat "$E2E_TMP/$name.err")"
  printf -v "PORT_$name" %s "${BASH_REMATCH[1]}"
  printf -v "CODE_$name" %s "${BASH_REMATCH[3]}"
}
# Started together on an empty database: they agree on one join code and one key pair.
launch A
launch B
joined A
joined B
[ "$CODE_A" = "$CODE_B" ] || fail "the collectors' join codes differ: $CODE_A and $CODE_B"
[ "$PORT_A" != "$PORT_B" ] || fail "both collectors on port $PORT_A"
windows=$(xdotool search --name 'alignkiosk collect' 2>/dev/null)
[ -z "$windows" ] || fail "a headless collector opened a window"
CODE=$CODE_A

# Laptop 1 delivers to A through the relay (which keeps its bytes), laptop 2 to B.
start_relay "$PORT_A"
join_port=$relay_port start_laptop 1 0 0
join_port=$PORT_B start_laptop 2 1300 0
answer 1 "first through A"
answer 2 "second through B"
[ "$(answers)" = 4 ] || fail "after two participants the database holds $(answers) rows, not 4 (2 pages each)"
[ "$(waiting)" = 2 ] || fail "$(waiting) participants wait for a batch, not 2"
[ "$(outbox 1)" = 0 ] && [ "$(outbox 2)" = 0 ] || fail "a laptop keeps a delivered survey"

# Laptop 1's submission, delivered again to B as sent to A: it counts once.
reply=$(python3 - "$E2E_TMP/capture.up" "$PORT_B" <<'PY'
import re, socket, sys
sent = open(sys.argv[1], "rb").read()
start = sent.index(b"POST /v1/submission")
head_end = sent.index(b"\r\n\r\n", start) + 4
length = int(re.search(rb"(?i)content-length: *(\d+)", sent[start:head_end]).group(1))
request = sent[start:head_end + length]
request = re.sub(rb"(?i)\r\nconnection: *[^\r]*", b"", request).replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n", 1)
with socket.create_connection(("127.0.0.1", int(sys.argv[2])), timeout=10) as s:
    s.sendall(request)
    reply = b""
    while chunk := s.recv(65536):
        reply += chunk
print(reply.decode("latin-1"))
PY
)
[[ $reply == "HTTP/1.1 200"* && $reply == *"already delivered"* ]] || fail "B answered the repeated submission: $reply"
[ "$(answers)" = 4 ] || fail "the repeated submission changed the database: $(answers) rows"

# A dies at once; B goes on. The third participant makes a batch of k = 3: nobody waits any more.
kill -KILL "$PID_A"
wait "$PID_A" 2>/dev/null
answer 2 "third through B"
[ "$(answers)" = 6 ] || fail "B stored nothing after A was killed: $(answers) rows"
[ "$(waiting)" = 0 ] || fail "$(waiting) participants still wait: the store's batches are not the survey's k = 3"
[ "$(sql "SELECT count(*) FROM answers WHERE provisional")" = 0 ] || fail "rows of a full batch are provisional"
answer 1 "fourth, kept while A is down"
[ "$(outbox 1)" = 1 ] || fail "laptop 1 does not keep the survey it could not deliver"

# A restarted on its port keeps the join code; laptop 1's kept survey arrives.
launch A "$PORT_A"
joined A
[ "$CODE_A" = "$CODE_B" ] || fail "the restarted collector's join code is $CODE_A, not $CODE_B"
for _ in $(seq 160); do
  [ "$(outbox 1)" = 0 ] && break
  sleep 0.25
done
[ "$(outbox 1)" = 0 ] || fail "laptop 1's kept survey was not delivered after the restart: $(cat "$E2E_TMP/laptop1.log")"
[ "$(answers)" = 8 ] || fail "the database holds $(answers) rows, not 8: not every survey arrived exactly once"

# SIGTERM and SIGINT stop the collectors cleanly; the last line gives their totals, and nothing else was printed.
kill -TERM "$PID_B"
wait "$PID_B" || fail "B exited $? on SIGTERM"
kill -INT "$PID_A"
wait "$PID_A" || fail "the restarted A exited $? on SIGINT"
said=$(cat "$E2E_TMP/B.out")
[[ $said == *$'\nstopped: stored 2, already delivered 1, refused 0' ]] || fail "B's last line: $said"
said=$(cat "$E2E_TMP/A.out")
[[ $said == *$'\nstopped: stored 1, already delivered 0, refused 0' ]] || fail "the restarted A's last line: $said"
for name in A B; do
  other=$(grep -Ev '^(collecting survey|stored|stopped: stored) ' "$E2E_TMP/$name.out")
  [ -z "$other" ] || fail "collector $name printed: $other"
done

"$program" export --db "$uri" --survey "$survey" --out "$E2E_TMP/export" >"$E2E_TMP/export.log" 2>&1 ||
  fail "export: $(cat "$E2E_TMP/export.log")"
summary=$(cat "$E2E_TMP/export/summary.csv")
[[ $summary == *$'\nlaptop-workshop,Everyone,signs,'*',n,4'* ]] || fail "summary.csv does not count 4 people: $summary"
echo "PASS: one join code across collectors, each submission once, A killed while B went on, batches of k = 3"
