# How long a crashing module takes the station away: taps the fixture module's "Crash" button through XTest and
# polls one pixel of the screen (the page's margin, which is the background colour on the page and on the attract
# screen alike) until the station's window is gone (the bare root window shows) and until it is back. Run by
# crash_recovery.sh. Usage: python3 crash_recovery.py CRASH_X CRASH_Y PROBE_X PROBE_Y
import ctypes, sys, time
x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XGetImage.restype = ctypes.c_void_p
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                          ctypes.c_ulong, ctypes.c_int]
x11.XGetPixel.restype = ctypes.c_ulong
x11.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
x11.XWarpPointer.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                             ctypes.c_uint, ctypes.c_uint, ctypes.c_int, ctypes.c_int]
xtst = ctypes.cdll.LoadLibrary("libXtst.so.6")
d = x11.XOpenDisplay(None)
root = x11.XDefaultRootWindow(d)

def pixel(x, y):
    return x11.XGetPixel(x11.XGetImage(d, root, x, y, 1, 1, 0xFFFFFFFF, 2), 0, 0)

crash_x, crash_y, probe_x, probe_y = map(int, sys.argv[1:5])
background = pixel(probe_x, probe_y)
x11.XWarpPointer(d, 0, root, 0, 0, 0, 0, crash_x, crash_y)
x11.XFlush(ctypes.c_void_p(d))
time.sleep(0.3)
xtst.XTestFakeButtonEvent(ctypes.c_void_p(d), 1, 1, 0)
x11.XFlush(ctypes.c_void_p(d))
time.sleep(0.03)
xtst.XTestFakeButtonEvent(ctypes.c_void_p(d), 1, 0, 0)  # ImGui's button acts on the release
x11.XFlush(ctypes.c_void_p(d))
released = time.perf_counter()
while pixel(probe_x, probe_y) == background:
    if time.perf_counter() - released > 5: sys.exit("the station did not go away")
gone = time.perf_counter()
exposed = pixel(probe_x, probe_y)
while pixel(probe_x, probe_y) != background:
    if time.perf_counter() - gone > 10: sys.exit("the station did not come back within 10 s")
back = time.perf_counter()
print("release to window gone %.1f ms, root window showing for %.1f ms (pixel %06x instead of %06x)" %
      (1000 * (gone - released), 1000 * (back - gone), exposed, background))
