#!/usr/bin/env bash
# End to end, a laptop joining with the code alone: on a network of the test's own (two network namespaces on one
# bridge, each with its own Avahi daemon), `alignkiosk collect` announces itself by DNS-SD, and `alignkiosk run --join
# CODE` on the other host finds it, fetches the survey and opens it. A wrong code is refused by the collector it
# found; a stopped collector is no longer found; without an Avahi daemon both sides say what to type instead.
# Usage: discovery_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
source "$(dirname "$0")/xvfb_session.sh"
source "$(dirname "$0")/network_hosts.sh"

start_display
start_network
start_host fac 1
start_host lap 2

collect_log="$E2E_TMP/host-fac/collect.log"
start_on_host fac "$collect_log" "$program" collect --db "$E2E_TMP/host-fac/responses.sqlite3" --port 47474
collect_pid=$HOST_PID
line=
for _ in $(seq 100); do
  line=$(grep -m 1 '^laptops on this network can join with the code alone: ' "$collect_log")
  [ -n "$line" ] && break
  kill -0 "$collect_pid" 2>/dev/null || fail "collect exited: $(cat "$collect_log")"
  sleep 0.1
done
[[ $line =~ alignkiosk\ run\ --join\ ([0-9A-Z]{3}-[0-9A-Z]{3})$ ]] || fail "collect did not offer the code alone: $(cat "$collect_log")"
code=${BASH_REMATCH[1]}
grep -q "^collecting survey 'mission-alignment-workshop' on port 47474: join with alignkiosk run --join 10.213.0.1:47474/$code$" \
  "$collect_log" || fail "the address line names another address: $(cat "$collect_log")"

# join CODE: the laptop joins with the code alone and takes a screenshot of the survey's first screen.
join() {
  on_host lap "$program" run --join "$1" --db "$E2E_TMP/host-lap/store.sqlite3" \
    --screenshot "$E2E_TMP/host-lap/joined.png" >"$E2E_TMP/host-lap/join.log" 2>&1
}

# Avahi probes the name for about a second before it answers for it: the first tries may find nothing yet.
joined=1
for _ in $(seq 20); do
  join "$code" && { joined=0; break; }
  sleep 0.5
done
[ $joined = 0 ] || fail "the laptop did not join with the code alone: $(cat "$E2E_TMP/host-lap/join.log")"
[ -s "$E2E_TMP/host-lap/joined.png" ] || fail "no screenshot of the joined survey"

# Typed as a person would: lower case, no dash.
join "$(echo "$code" | tr -d - | tr 'A-Z' 'a-z')" || fail "the code in lower case: $(cat "$E2E_TMP/host-lap/join.log")"

wrong=$([ "$code" = "000-000" ] && echo 111-111 || echo 000-000)
join "$wrong" && fail "a wrong code joined"
grep -q 'cannot join the collection at 10.213.0.1:47474: the collector refused: This is not the join code' \
  "$E2E_TMP/host-lap/join.log" || fail "the wrong code's message: $(cat "$E2E_TMP/host-lap/join.log")"

# A stopped collector withdraws its announcement: the laptop no longer finds it, and says what to type instead.
kill -TERM "$collect_pid"
wait "$collect_pid" || fail "collect exited $? on SIGTERM"
gone=1
for _ in $(seq 20); do
  join "$code"
  grep -q '^alignkiosk: found no collection on this network\. Please type the whole HOST:PORT/CODE line' \
    "$E2E_TMP/host-lap/join.log" && { gone=0; break; }
  sleep 0.5
done
[ $gone = 0 ] || fail "a stopped collector is still found: $(cat "$E2E_TMP/host-lap/join.log")"

# Without an Avahi daemon: the collector says laptops need the whole line, the laptop says it found nobody and why.
ip netns exec "$NET_PREFIX-fac" env DBUS_SYSTEM_BUS_ADDRESS="unix:path=$E2E_TMP/no-bus" \
  "$program" collect --db "$E2E_TMP/host-fac/responses.sqlite3" --port 47474 >"$collect_log" 2>&1 &
collect_pid=$!
E2E_PIDS+=("$collect_pid")
noted=1
for _ in $(seq 100); do
  grep -q '^alignkiosk: note: laptops cannot find this collection by its code alone: .*(Daemon not running)$' \
    "$collect_log" && { noted=0; break; }
  sleep 0.1
done
[ $noted = 0 ] || fail "collect without a daemon: $(cat "$collect_log")"
grep -q '^laptops on this network can join with the code alone' "$collect_log" &&
  fail "collect offers the code alone without a daemon"
kill -TERM "$collect_pid"
wait "$collect_pid"
ip netns exec "$NET_PREFIX-lap" env DBUS_SYSTEM_BUS_ADDRESS="unix:path=$E2E_TMP/no-bus" "$program" run --join "$code" --db "$E2E_TMP/host-lap/store.sqlite3" >"$E2E_TMP/join.log" 2>&1 &&
  fail "joined without a daemon"
grep -q "found no collection on this network (cannot look for collections on the network: no Avahi daemon answers\|found no collection on this network (no Avahi daemon answers" \
  "$E2E_TMP/join.log" || fail "the laptop without a daemon: $(cat "$E2E_TMP/join.log")"
echo "discovery: joined $code by DNS-SD between two namespaces"
