#include "event_loop.h"

#include "kiosk_window.h"
#include "termination_signals.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

namespace alignkiosk::platform {

namespace {

// glfwWaitEvents alone can lose a fast tap: press and release arrive in one batch and ImGui sees the button up in
// the only frame it draws. Drawing a few frames after every wake-up lets ImGui see press, release and the result.
constexpr int kFramesAfterWake = 2;
// A press that ImGui saw in the last extra frame may have had its release consumed in the same poll; ImGui only
// learns of the release in a later frame, so while it thinks a button is down we wake at least this often.
constexpr double kHeldButtonWake = 1.0 / 60.0;

bool imguiSeesAButtonDown() {
    const ImGuiIO& io = ImGui::GetIO();
    return std::any_of(std::begin(io.MouseDown), std::end(io.MouseDown), [](bool down) { return down; });
}

// A tap takes effect while a frame is being drawn (ImGui reports the click from inside the widget call), so that
// frame still shows the screen as it was. One more frame shows the result, and lays out the new screen before the
// next tap arrives: otherwise the next tap would hit a screen ImGui has not measured yet and be lost.
bool imguiSawAPressOrRelease() {
    const ImGuiIO& io = ImGui::GetIO();
    for (int button = 0; button < IM_ARRAYSIZE(io.MouseDown); ++button)
        if (io.MouseClicked[button] || io.MouseReleased[button]) return true;
    return false;
}

// Draws one frame into the back buffer. `timerWake`: no input led to it, so the window need not be asked about its
// size, focus and pointer again, and when the frame says only a part of it changed, only that part is rendered and
// returned (show it with presentPart). Otherwise the whole frame is, and nothing is returned.
std::optional<ui::ScreenRect> drawOne(KioskWindow& window, const FrameCallbacks& callbacks, bool withPointer = true,
                                      bool timerWake = false) {
    if (timerWake)
        window.beginTimerFrame(callbacks.beforeNewFrame);
    else
        window.beginFrame(withPointer, callbacks.beforeNewFrame);
    callbacks.draw(glfwGetTime());
    std::optional<ui::ScreenRect> part;
    if (timerWake && callbacks.changedArea && window.canPresentPart()) part = callbacks.changedArea();
    window.renderFrame(callbacks.background ? callbacks.background() : ImGui::GetColorU32(ImGuiCol_WindowBg), part);
    if (callbacks.afterRender) callbacks.afterRender();
    return part;
}

// ALIGNKIOSK_REPORT_FIRST_FRAME set: the wall-clock time the first frame was handed to the window system, on stderr,
// for tests/benchmarks/kiosk_footprint.sh to take its start time from (the script knows when it started the program).
void reportFirstFrame() {
    if (!std::getenv("ALIGNKIOSK_REPORT_FIRST_FRAME")) return;
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    std::fprintf(stderr, "alignkiosk: first frame shown at %lld.%09ld\n", static_cast<long long>(now.tv_sec),
                 now.tv_nsec);
}

} // namespace

void runEventLoop(KioskWindow& window, const FrameCallbacks& callbacks) {
    int framesLeft = kFramesAfterWake;
    bool firstFrameShown = false;
    bool timerWake = false; // this frame is drawn because a timer, not input, woke the loop
    while (!window.closeRequested()) {
        // SIGTERM, SIGINT or SIGHUP: finish like the facilitator's Exit (the watcher woke us with an empty event).
        if (terminationRequested()) {
            window.close();
            break;
        }
        timerWake = false;
        if (framesLeft > 0) {
            glfwPollEvents();
            --framesLeft;
        } else {
            double wait = callbacks.nextWakeIn ? callbacks.nextWakeIn(glfwGetTime()) : -1.0;
            if (imguiSeesAButtonDown()) wait = wait < 0.0 ? kHeldButtonWake : std::min(wait, kHeldButtonWake);
            const uint64_t eventsBefore = window.eventCount();
            if (wait < 0.0) {
                glfwWaitEvents();
            } else {
                glfwWaitEventsTimeout(wait + 0.01);
            }
            // A timer woke us: draw only if something visible changed (an idle dashboard polls its store every
            // second and would otherwise redraw every second for nothing), and then one frame is enough (the attract
            // screen's animation must stay cheap).
            const bool input = window.eventCount() != eventsBefore || imguiSeesAButtonDown();
            if (!input && callbacks.update && !callbacks.update(glfwGetTime())) continue;
            framesLeft = input ? kFramesAfterWake : 0;
            timerWake = !input;
        }
        // A timer's frame of a screen that is otherwise still (the attract animation): only the part that moved is
        // drawn and shown, so an idle station costs the window system a few small rectangles, not whole screens.
        if (const std::optional<ui::ScreenRect> part = drawOne(window, callbacks, true, timerWake))
            window.presentPart(*part);
        else
            window.present();
        if (!firstFrameShown) reportFirstFrame();
        firstFrameShown = true;
        if (callbacks.afterPresent) callbacks.afterPresent();
        if (imguiSawAPressOrRelease()) framesLeft = std::max(framesLeft, 1);
    }
}

int runOrCapture(KioskWindow& window, const FrameCallbacks& callbacks,
                 const std::optional<std::filesystem::path>& screenshot) {
    if (!screenshot) {
        runEventLoop(window, callbacks);
        return 0;
    }
    drawSettledFrame(window, callbacks);
    std::string error;
    if (!window.saveFrame(*screenshot, error)) {
        std::cerr << "alignkiosk: " << error << '\n';
        return 1;
    }
    return 0;
}

void drawSettledFrame(KioskWindow& window, const FrameCallbacks& callbacks, int frames) {
    for (int i = 0; i < frames; ++i) {
        glfwPollEvents();
        drawOne(window, callbacks, false);
        if (i + 1 < frames) window.present();
    }
}

} // namespace alignkiosk::platform
