# Tap-to-screen latency of the running kiosk: presses and releases the pointer through XTest and polls one pixel of the
# tapped button through XGetImage until the pressed, then the chosen, state is on screen. Run by tap_latency.sh.
# Usage: python3 tap_latency.py X Y [X Y ...] (screen coordinates of buttons on the page showing)
import ctypes, subprocess, sys, time
x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XGetImage.restype = ctypes.c_void_p
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
x11.XGetPixel.restype = ctypes.c_ulong
x11.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]

xtst = ctypes.cdll.LoadLibrary("libXtst.so.6")
d = x11.XOpenDisplay(None)
root = x11.XDefaultRootWindow(d)
def pixel(x, y):
    img = x11.XGetImage(d, root, x, y, 1, 1, 0xFFFFFFFF, 2)
    return x11.XGetPixel(img, 0, 0)
pts = list(map(int, sys.argv[1:]))
for i in range(0, len(pts), 2):
    x, y = pts[i], pts[i + 1]
    px, py = x - 40, y  # left part of the button, away from its label
    before = pixel(px, py)
    subprocess.run(["xdotool", "mousemove", str(x), str(y)])
    time.sleep(0.3)
    # Press: the pressed state must show; release: the chosen state must show.
    xtst.XTestFakeButtonEvent(ctypes.c_void_p(d), 1, 1, 0)
    x11.XFlush(ctypes.c_void_p(d))
    t0 = time.perf_counter()
    while pixel(px, py) == before:
        if time.perf_counter() - t0 > 2: break
    pressed_ms = 1000 * (time.perf_counter() - t0)
    pressed = pixel(px, py)
    time.sleep(0.05)
    xtst.XTestFakeButtonEvent(ctypes.c_void_p(d), 1, 0, 0)
    x11.XFlush(ctypes.c_void_p(d))
    t1 = time.perf_counter()
    while pixel(px, py) == pressed:
        if time.perf_counter() - t1 > 2: break
    print("tap %d: pressed shown after %.1f ms, chosen shown %.1f ms after release" % (i // 2 + 1, pressed_ms, 1000 * (time.perf_counter() - t1)))
    time.sleep(0.4)
