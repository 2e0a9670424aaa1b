# Shared by end-to-end tests that need a real local network with multicast: hosts made of network namespaces this
# test creates itself, joined by veth links to one bridge namespace, each with its own D-Bus system bus and Avahi daemon.
# Nothing reaches a real interface: the namespaces have no route out, and they are deleted on exit.
# Source it after xvfb_session.sh; it defines start_network, start_host, on_host, and cleans up after itself.
# Needs root (ip netns, mounts) and Debian's iproute2, dbus-daemon and avahi-daemon (the install script has them).

NET_PREFIX="ak$$"
NET_HOSTS=()

network_cleanup() {
  local host
  for host in "${NET_HOSTS[@]}"; do
    # Everything still running in the namespace (daemons, the program), then the namespace and its veth.
    ip netns pids "$NET_PREFIX-$host" 2>/dev/null | xargs -r kill 2>/dev/null
  done
  sleep 0.2
  for host in "${NET_HOSTS[@]}"; do
    ip netns pids "$NET_PREFIX-$host" 2>/dev/null | xargs -r kill -9 2>/dev/null
    ip netns delete "$NET_PREFIX-$host" 2>/dev/null
  done
  ip netns delete "$NET_PREFIX-lan" 2>/dev/null
}
trap 'network_cleanup; cleanup' EXIT

# start_network: the "switch", a namespace with one bridge that every host's veth joins.
start_network() {
  [ "$(id -u)" = 0 ] || fail "this test makes network namespaces and needs root"
  ip netns add "$NET_PREFIX-lan" || fail "cannot create a network namespace (ip netns add)"
  ip -n "$NET_PREFIX-lan" link add lan type bridge || fail "cannot create the test's bridge"
  ip -n "$NET_PREFIX-lan" link set lan up
}

# start_host NAME N: host NAME at 10.213.0.N/24, with lo up, a D-Bus system bus and an Avahi daemon of its own
# (host name alignkiosk-NAME, IPv4, only its veth). The daemon runs in a mount namespace of its own, with a private
# /run, so that its pid file and socket do not meet the machine's or another host's.
start_host() {
  local name=$1 n=$2 ns="$NET_PREFIX-$1" dir="$E2E_TMP/host-$1"
  mkdir -p "$dir"
  NET_HOSTS+=("$name")
  ip netns add "$ns" || fail "cannot create namespace $ns"
  ip link add "$NET_PREFIX$name" type veth peer name eth0 netns "$ns" || fail "cannot create the veth of $name"
  ip link set "$NET_PREFIX$name" netns "$NET_PREFIX-lan"
  ip -n "$NET_PREFIX-lan" link set "$NET_PREFIX$name" master lan up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "10.213.0.$n/24" dev eth0
  ip -n "$ns" link set eth0 up
  cat >"$dir/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$dir/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
CONF
  cat >"$dir/avahi.conf" <<CONF
[server]
host-name=alignkiosk-$name
use-ipv4=yes
use-ipv6=no
allow-interfaces=eth0
enable-dbus=yes
[wide-area]
enable-wide-area=no
[publish]
publish-workstation=no
publish-hinfo=no
CONF
  ip netns exec "$ns" dbus-daemon --config-file="$dir/bus.conf" --fork --nopidfile >"$dir/dbus.log" 2>&1 ||
    fail "dbus-daemon did not start on $name: $(cat "$dir/dbus.log")"
  ip netns exec "$ns" unshare --mount --propagation private sh -c \
    "mount -t tmpfs tmpfs /run && DBUS_SYSTEM_BUS_ADDRESS=unix:path=$dir/bus exec avahi-daemon -f $dir/avahi.conf \
     --no-drop-root --no-chroot --no-rlimits" >"$dir/avahi.log" 2>&1 &
  for _ in $(seq 100); do
    grep -q 'Server startup complete' "$dir/avahi.log" && return 0
    sleep 0.1
  done
  fail "the Avahi daemon of $name did not start: $(cat "$dir/avahi.log")"
}

# on_host NAME COMMAND...: runs COMMAND on host NAME, talking to that host's own D-Bus and Avahi daemon.
on_host() {
  local name=$1
  shift
  ip netns exec "$NET_PREFIX-$name" env DBUS_SYSTEM_BUS_ADDRESS="unix:path=$E2E_TMP/host-$name/bus" "$@"
}

# start_on_host NAME LOG COMMAND...: starts COMMAND on host NAME in the background, its output in LOG; sets HOST_PID
# to the command's own pid (not a subshell's), so that a signal sent to it reaches the program.
start_on_host() {
  local name=$1 log=$2
  shift 2
  ip netns exec "$NET_PREFIX-$name" env DBUS_SYSTEM_BUS_ADDRESS="unix:path=$E2E_TMP/host-$name/bus" "$@" >"$log" 2>&1 &
  HOST_PID=$!
  E2E_PIDS+=("$HOST_PID")
}
