// The GLFW window with its GL context and the ImGui GLFW/OpenGL3 backends: the only place that knows about them.
#pragma once

#include "partial_present.h"
#include "ui/theme.h"   // DisplayGeometry, TouchMetrics
#include "ui/widgets.h" // ScreenRect

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

struct GLFWwindow;

namespace alignkiosk::platform {

struct WindowOptions {
    bool visible = true;
    bool fullScreen = false; // on the primary monitor, at its current mode
    int width = 0;           // 0: sized for the primary monitor
    int height = 0;
    // Kiosk mode (`run --kiosk`): what a participant at the station cannot do.
    bool decorated = true;     // false: no title bar or borders (GLFW_DECORATED)
    bool hideCursor = false;   // GLFW_CURSOR_HIDDEN over the window; a touchscreen needs no arrow
    bool refuseClose = false;  // close requests (the window manager's close button, Alt+F4) are refused until allowClose()
    bool stayRestored = false; // iconify requests restore the window; losing focus does not minimise it
                               // (GLFW_AUTO_ICONIFY off); setFullScreen(false) is ignored

    // All of the above, full screen on the primary monitor at its current mode.
    static WindowOptions kiosk();
};

class KioskWindow {
public:
    // Opens a window and initialises the backends for the current ImGui context. Returns nullptr with `error` set
    // when there is no display or no suitable GL.
    static std::unique_ptr<KioskWindow> open(const std::string& title, const WindowOptions& options,
                                             std::string& error);
    ~KioskWindow();
    KioskWindow(const KioskWindow&) = delete;
    KioskWindow& operator=(const KioskWindow&) = delete;

    // Full screen on the primary monitor, or back to the window it was.
    void setFullScreen(bool on);
    bool fullScreen() const;

    // How large to draw: 1.0 for a 96-dpi laptop window; larger on big or high-dpi displays. By window height only
    // (the dashboard's rule); the participant screens use touchMetrics().
    float uiScale() const;
    // The monitor the window is on (the primary one when full screen): its mode, physical size, content scale, and
    // the window's size.
    ui::DisplayGeometry displayGeometry() const;
    // Scale and touch-target size from the monitor's physical density (ui::touchMetrics).
    ui::TouchMetrics touchMetrics() const;

    bool closeRequested() const;
    // Kiosk mode: from now on close requests are honoured (the facilitator's Exit, after the PIN).
    void allowClose();
    // The program itself quits: allowClose(), and the event loop ends after this frame.
    void close();
    // Close and iconify requests refused so far in kiosk mode (each is also reported on stderr).
    uint64_t refusedRequests() const { return m_refusedRequests; }
    // How many input and window events (pointer, buttons, keys, text, scroll, focus, resize, expose) have arrived:
    // the event loop compares it across a wait to tell a tap from a timer.
    uint64_t eventCount() const { return m_eventCount; }

    // withPointer false: the frame ignores where the mouse is (pictures for docs and exports carry no hover or
    // tooltip). `beforeNewFrame`, when set, sees the frame's input after the backends gathered it and before
    // ImGui::NewFrame hands it to the widgets.
    void beginFrame(bool withPointer = true, const std::function<void(ImGuiIO&)>& beforeNewFrame = {});
    // Adds fonts to the atlas after it was first sent to GL (`add` calls ImGui's AddFont*, e.g. ui::addProjectionFonts),
    // then builds it again and sends it again. The fonts added before keep their ImFont objects. Call outside a frame
    // (or from FrameCallbacks::beforeNewFrame), never between ImGui::NewFrame and ImGui::Render.
    void addFonts(const std::function<void()>& add);
    // A frame that no input led to (a timer's): the window's size, focus and the pointer are as the last frame found
    // them (a change would have been an event), so they are not asked for again. Each is a round trip to the X server
    // that a small idle animation would otherwise pay for in both processes, every frame.
    void beginTimerFrame(const std::function<void(ImGuiIO&)>& beforeNewFrame = {});
    // Renders ImGui's draw data into the back buffer (not yet shown), on a background cleared to `background`
    // (an ImU32 colour). With `part` (screen coordinates), only that part: every draw command is clipped to it, and
    // the rest of the back buffer is left as it was (after a swap, undefined); show it with presentPart().
    void renderFrame(unsigned background, const std::optional<ui::ScreenRect>& part = std::nullopt);
    // Writes what renderFrame drew (the back buffer, or the bound offscreen target) to a PNG; false with `error`.
    bool saveFrame(const std::filesystem::path& png, std::string& error) const;
    // For a picture taller than the window (its frame laid out on a display of its own size, framebuffer scale 1, and
    // ended with ImGui::Render()): renders rows [top, top + height) of that frame into the bound offscreen target,
    // which is at least `width` x `height`, on `background` (an ImU32 colour), and writes them to a PNG. Called once
    // per part, so a picture taller than GL can render at once is written in parts.
    bool saveRows(unsigned background, int top, int width, int height, const std::filesystem::path& png,
                  std::string& error) const;
    void present();
    // Whether presentPart() can show part of a frame (GLX_MESA_copy_sub_buffer); otherwise present() the whole one.
    bool canPresentPart() const { return m_partialPresent.has_value(); }
    // Shows that part of the back buffer and leaves the rest of the window as it is: the window system copies a
    // small rectangle, not the screen. Only after renderFrame drew at least that part, and when canPresentPart().
    void presentPart(const ui::ScreenRect& part);

    GLFWwindow* handle() const { return m_window; }

private:
    KioskWindow(GLFWwindow* window, const WindowOptions& options) : m_window(window), m_options(options) {}
    // A rectangle of the framebuffer, lower-left corner first (GL's convention: y up).
    struct PixelRect {
        int x = 0;
        int y = 0;
        int width = 0;
        int height = 0;
    };
    // `part` (screen coordinates) in framebuffer pixels, rounded outwards and cut to the framebuffer.
    static PixelRect pixelsOf(const ui::ScreenRect& part);
    // After the backend sent the atlas to GL as RGBA: sends it again as one byte a pixel, and frees its pixels in
    // memory. Nothing when they are already freed.
    static void keepFontTextureSmall();
    // Reads `width` x `height` pixels from the lower-left corner of what is bound for reading, and writes them to a PNG.
    static bool writePixels(int width, int height, const std::filesystem::path& png, std::string& error);
    // beginFrame's work; `askWindow` false skips the GLFW backend's queries of the window.
    void newFrame(bool askWindow, bool withPointer, const std::function<void(ImGuiIO&)>& beforeNewFrame);
    static void countEvent(GLFWwindow* window);
    static void onCloseRequest(GLFWwindow* window);
    static void onIconify(GLFWwindow* window, int iconified);
    GLFWwindow* m_window;
    WindowOptions m_options;
    std::optional<PartialPresent> m_partialPresent;
    bool m_closeAllowed = false;
    uint64_t m_refusedRequests = 0;
    uint64_t m_eventCount = 0;
    double m_lastFrameTime = 0.0; // glfwGetTime() at the last frame's start
    int m_windowedPosition[2] = {0, 0};
    int m_windowedSize[2] = {0, 0};
};

} // namespace alignkiosk::platform
