# Shared by the end-to-end tests: a private Xvfb display, the kiosk started on it, and taps with xdotool.
# Source it; it defines start_display, start_kiosk, tap, fail, and cleans up on exit.

E2E_TMP=$(mktemp -d)
E2E_PIDS=()
cleanup() {
  for pid in "${E2E_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$E2E_TMP"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  [ -f "$E2E_TMP/kiosk.log" ] && sed 's/^/  kiosk: /' "$E2E_TMP/kiosk.log" >&2
  exit 1
}

# Xvfb (1920x1080, like a workshop touchscreen) on a display number it picks itself: with -displayfd the server
# binds the first free number and then writes it, so tests and other X servers started at the same time never race
# for one. -noreset: the server stays up between clients (a test that closes its last window and opens another
# would otherwise meet a server in the middle of its reset). Sets DISPLAY and XVFB_PID.
# start_display [WIDTHxHEIGHT]: a larger screen for tests that show several windows side by side.
start_display() {
  local n pid
  Xvfb -displayfd 3 -screen 0 "${1:-1920x1080}x24" -nolisten tcp -noreset 3>"$E2E_TMP/display" >"$E2E_TMP/xvfb.log" 2>&1 &
  pid=$!
  XVFB_PID=$pid
  E2E_PIDS+=("$pid")
  for _ in $(seq 100); do
    n=$(tr -d '[:space:]' <"$E2E_TMP/display" 2>/dev/null)
    if [ -n "$n" ]; then
      export DISPLAY=":$n"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || fail "Xvfb exited: $(cat "$E2E_TMP/xvfb.log")"
    sleep 0.1
  done
  fail "Xvfb did not report a display within 10 s"
}

# start_kiosk PROGRAM ARGS...: starts the kiosk and waits for its window; sets KIOSK_PID and KIOSK_WINDOW.
start_kiosk() {
  "$@" >"$E2E_TMP/kiosk.log" 2>&1 &
  KIOSK_PID=$!
  E2E_PIDS+=("$KIOSK_PID")
  for _ in $(seq 100); do
    KIOSK_WINDOW=$(xdotool search --name 'alignkiosk' 2>/dev/null | head -n 1)
    [ -n "$KIOSK_WINDOW" ] && break
    kill -0 "$KIOSK_PID" 2>/dev/null || fail "the kiosk exited before showing a window"
    sleep 0.1
  done
  [ -n "$KIOSK_WINDOW" ] || fail "no kiosk window after 10 s"
  sleep 0.5 # first frames
}

# tap X Y: one quick tap at window coordinates, as a finger would: move, press, release.
tap() {
  xdotool mousemove --window "$KIOSK_WINDOW" "$1" "$2" click 1
  sleep 0.15
}
