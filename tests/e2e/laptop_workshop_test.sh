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
source "$(dirname "$0")/laptop_session.sh"
write_survey
start_display 2600x1760
start_collector
first_port=$PORT
first_code=$CODE
start_relay "$PORT"
join_port=$relay_port

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
grep -qai "marketing" "$E2E_TMP/capture.up" && fail "the team chosen crossed the network readable"
grep -qa "Often" "$E2E_TMP/capture.up" && fail "an option chosen crossed the network readable"

# The final figures, read afresh: every one of the five is counted (the facilitator's export after the session).
kill -TERM "$COLLECT_PID"
wait "$COLLECT_PID" || fail "collect did not exit cleanly"
echo "PASS: 5 surveys from 3 laptops arrived once each across a collector crash; the dashboard moved only by a batch of 3"
