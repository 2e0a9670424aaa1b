// The GLFW window with its GL context and the ImGui GLFW/OpenGL3 backends: the only place that knows about them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

struct GLFWwindow;

namespace alignkiosk::platform {

struct WindowOptions {
    bool visible = true;
    bool fullScreen = false; // on the primary monitor, at its current mode
    int width = 0;           // 0: sized for the primary monitor
    int height = 0;
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

    // How large to draw: 1.0 for a 96-dpi laptop window; larger on big or high-dpi displays.
    float uiScale() const;
    bool closeRequested() const;
    // How many input and window events (pointer, buttons, keys, text, scroll, focus, resize, expose) have arrived:
    // the event loop compares it across a wait to tell a tap from a timer.
    uint64_t eventCount() const { return m_eventCount; }

    // withPointer false: the frame ignores where the mouse is (pictures for docs and exports carry no hover or
    // tooltip).
    void beginFrame(bool withPointer = true);
    // Renders ImGui's draw data into the back buffer (not yet shown), on a background cleared to `background`
    // (an ImU32 colour).
    void renderFrame(unsigned background);
    // Writes what renderFrame drew (the back buffer, or the bound offscreen target) to a PNG; false with `error`.
    bool saveFrame(const std::filesystem::path& png, std::string& error) const;
    void present();

    GLFWwindow* handle() const { return m_window; }

private:
    explicit KioskWindow(GLFWwindow* window) : m_window(window) {}
    static void countEvent(GLFWwindow* window);
    GLFWwindow* m_window;
    uint64_t m_eventCount = 0;
    int m_windowedPosition[2] = {0, 0};
    int m_windowedSize[2] = {0, 0};
};

} // namespace alignkiosk::platform
