// The frame loop: sleeps in the window system until something happens, so an idle kiosk uses no CPU.
#pragma once

#include "ui/widgets.h" // ScreenRect

#include <filesystem>
#include <functional>
#include <optional>

struct ImGuiIO;

namespace alignkiosk::platform {

class KioskWindow;

struct FrameCallbacks {
    // Draw one frame's ImGui content; `now` in seconds.
    std::function<void(double now)> draw;
    // Seconds until the UI changes by itself (a timer), or negative for never.
    std::function<double(double now)> nextWakeIn;
    // Optional: after a wake-up without input, advances what changes by itself (timers, new data) and says whether
    // the screen must be redrawn. Unset: always redraw.
    std::function<bool(double now)> update;
    // Optional: after `draw`, the part of the window (screen coordinates) outside which the frame is the same as the one
    // before it, when that is known (ui::Shell::changedArea). On a frame drawn because a timer woke the loop, only
    // that part is then rendered and shown, where the window can (KioskWindow::canPresentPart).
    std::function<std::optional<ui::ScreenRect>()> changedArea;
    // The colour (ImU32) the frame is cleared to before ImGui draws on it.
    std::function<unsigned()> background;
    // Optional: runs after a frame is rendered, before it is shown (e.g. to save it as a picture).
    std::function<void()> afterRender;
    // Optional: runs after a frame was handed to the window system to be shown (not for screenshots).
    std::function<void()> afterPresent;
    // Optional: sees this frame's input after the backend gathered it and before ImGui::NewFrame hands it to the
    // widgets (the on-screen keyboard turns taps on its keys into characters here).
    std::function<void(ImGuiIO&)> beforeNewFrame;
};

// Runs until the window is asked to close.
void runEventLoop(KioskWindow& window, const FrameCallbacks& callbacks);

// With `screenshot`, draws the first screen into that PNG and returns; otherwise runs the event loop. The exit code:
// 0, or 1 (after saying why on stderr) when the picture cannot be written.
int runOrCapture(KioskWindow& window, const FrameCallbacks& callbacks,
                 const std::optional<std::filesystem::path>& screenshot);

// Draws `frames` frames without waiting for events (ImGui needs a couple to settle its layout) and without the mouse
// pointer (no hover, no tooltip in a picture); the last one is left in the back buffer, not presented.
void drawSettledFrame(KioskWindow& window, const FrameCallbacks& callbacks, int frames = 3);

} // namespace alignkiosk::platform
