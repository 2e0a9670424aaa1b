#include "event_loop.h"

#include "kiosk_window.h"

#include <GLFW/glfw3.h>

namespace alignkiosk::platform {

namespace {

// glfwWaitEvents alone can lose a fast tap: press and release arrive in one batch and ImGui sees the button up in
// the only frame it draws. Drawing a few frames after every wake-up lets ImGui see press, release and the result.
constexpr int kFramesAfterWake = 2;

void drawOne(KioskWindow& window, const FrameCallbacks& callbacks) {
    window.beginFrame();
    callbacks.draw(glfwGetTime());
    window.renderFrame();
}

} // namespace

void runEventLoop(KioskWindow& window, const FrameCallbacks& callbacks) {
    int framesLeft = kFramesAfterWake;
    while (!window.closeRequested()) {
        if (framesLeft > 0) {
            glfwPollEvents();
            --framesLeft;
        } else {
            const double wait = callbacks.nextWakeIn ? callbacks.nextWakeIn(glfwGetTime()) : -1.0;
            if (wait < 0.0) {
                glfwWaitEvents();
            } else {
                glfwWaitEventsTimeout(wait + 0.01);
            }
            framesLeft = kFramesAfterWake;
        }
        drawOne(window, callbacks);
        window.present();
    }
}

void drawSettledFrame(KioskWindow& window, const FrameCallbacks& callbacks, int frames) {
    for (int i = 0; i < frames; ++i) {
        glfwPollEvents();
        drawOne(window, callbacks);
        if (i + 1 < frames) window.present();
    }
}

} // namespace alignkiosk::platform
