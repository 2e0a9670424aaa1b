#!/usr/bin/env bash
# End to end: a participant tries to leave `run --kiosk` without the PIN. The kiosk is full screen; Escape, Alt+F4,
# Ctrl+Q/W, a window manager's close request and its minimise do nothing; the kiosk is still alive and still answers
# taps: the facilitator corner, the PIN and the menu's Exit are the way out, and end it cleanly (exit status 0). A
# dashboard opened from the menu and forgotten goes back to the participants' screen by itself.
# No window manager runs under Xvfb, so its requests are sent as it would send them (ICCCM): a WM_DELETE_WINDOW client
# message for the close button or Alt+F4, and WM_STATE = IconicState for minimising. python3 talks to libX11 through
# ctypes; nothing else is needed.
# Usage: kiosk_quit_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
source "$(dirname "$0")/xvfb_session.sh"

# wm_request WINDOW close|iconify|normal
wm_request() {
  python3 - "$1" "$2" <<'EOF' || fail "python3 could not send the window manager's request"
import ctypes, sys
window, request = int(sys.argv[1]), sys.argv[2]
x = ctypes.CDLL("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x.XChangeProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_int,
                              ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]

class XClientMessageEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]

class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]

display = x.XOpenDisplay(None)
if not display:
    sys.exit("cannot open the display")
if request == "close":
    event = XEvent()
    event.xclient.type = 33  # ClientMessage
    event.xclient.window = window
    event.xclient.message_type = x.XInternAtom(display, b"WM_PROTOCOLS", 0)
    event.xclient.format = 32
    event.xclient.data[0] = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
    event.xclient.data[1] = 0  # CurrentTime
    x.XSendEvent(display, window, 0, 0, ctypes.byref(event))
else:
    wm_state = x.XInternAtom(display, b"WM_STATE", 0)
    state = (ctypes.c_long * 2)(3 if request == "iconify" else 1, 0)  # IconicState or NormalState; no icon window
    x.XChangeProperty(display, window, wm_state, wm_state, 32, 0, state, 2)  # PropModeReplace
x.XCloseDisplay(display)  # flushes
EOF
}

alive() { kill -0 "$KIOSK_PID" 2>/dev/null; }

db="$E2E_TMP/store/responses.sqlite3"
mkdir -p "$E2E_TMP/store"
start_display
start_kiosk "$program" run --kiosk --idle-timeout 2 --db "$db"
pin() { xdotool type --delay 30 "$1"; sleep 0.2; xdotool key Return; sleep 0.4; }
pin 2468 # first start: choose the facilitator PIN
pin 2468

# Full screen on the 1920x1080 display, at its origin.
geometry=$(xdotool getwindowgeometry "$KIOSK_WINDOW")
grep -q "Position: 0,0" <<<"$geometry" && grep -q "Geometry: 1920x1080" <<<"$geometry" ||
  fail "the kiosk is not full screen: $geometry"

# Everything a participant (or a stray keyboard) might try.
for keys in Escape alt+F4 ctrl+q ctrl+w alt+F4; do
  xdotool key "$keys"
  sleep 0.2
done
wm_request "$KIOSK_WINDOW" close
sleep 0.3
wm_request "$KIOSK_WINDOW" close
sleep 0.3
wm_request "$KIOSK_WINDOW" iconify
sleep 0.5
wm_request "$KIOSK_WINDOW" normal
sleep 0.5

alive || fail "the kiosk quit without the PIN"
refused_close=$(grep -c "refused a request to close the window" "$E2E_TMP/kiosk.log")
[ "$refused_close" = 2 ] || fail "expected 2 refused close requests in the log, found $refused_close"
grep -q "refused a request to minimise the window" "$E2E_TMP/kiosk.log" || fail "the minimise request was not refused"
xdotool search --onlyvisible --name 'alignkiosk' | grep -qx "$KIOSK_WINDOW" || fail "the kiosk window is no longer shown"

# The corner (held 3 seconds), the PIN, and the menu's dashboard, left open and forgotten: with --idle-timeout 2, after
# 20 s without a touch the station is back on the attract screen, where the corner works again (below).
OPEN_DASHBOARD=(959 459); DASHBOARD_EXPORT=(1807 133); EXIT=(960 564)
xdotool mousemove --window "$KIOSK_WINDOW" 20 20 mousedown 1
sleep 3.4
xdotool mouseup 1
sleep 0.4
pin 2468
sleep 0.3
tap "${OPEN_DASHBOARD[@]}"
sleep 0.5
tap "${DASHBOARD_EXPORT[@]}" # proves the dashboard is on screen
sleep 0.5
ls -d "$E2E_TMP"/store/alignkiosk-export-*/ >/dev/null 2>&1 || fail "the dashboard did not open from the menu"
sleep 24 # 20 s without a touch, with room for a slow machine

# Still answering taps: hold the top-left corner for 3 seconds, the PIN, then Exit in the facilitator menu.
xdotool mousemove --window "$KIOSK_WINDOW" 20 20 mousedown 1
sleep 3.4
xdotool mouseup 1
sleep 0.4
pin 2468
sleep 0.3
alive || fail "the kiosk quit before Exit was tapped"
tap "${EXIT[@]}"
for _ in $(seq 50); do alive || break; sleep 0.1; done
alive && fail "Exit in the facilitator menu (after the corner and the PIN) did not end the kiosk"
wait "$KIOSK_PID"
status=$?
[ "$status" = 0 ] || fail "the kiosk exited with status $status"
echo "PASS: full screen; Escape, Alt+F4, close and minimise requests refused; a forgotten dashboard returns to the station; the corner, the PIN and Exit end it"
