// The GLFW window with its GL context and the ImGui GLFW/OpenGL3 backends: the only place that knows about them.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

struct GLFWwindow;

namespace alignkiosk::platform {

class KioskWindow {
public:
    // Opens a window sized for the primary monitor and initialises the backends for the current ImGui context.
    // Returns nullptr with `error` set when there is no display or no suitable GL.
    static std::unique_ptr<KioskWindow> open(const std::string& title, std::string& error);
    ~KioskWindow();
    KioskWindow(const KioskWindow&) = delete;
    KioskWindow& operator=(const KioskWindow&) = delete;

    // How large to draw: 1.0 for a 96-dpi laptop window; larger on big or high-dpi displays.
    float uiScale() const;
    bool closeRequested() const;

    void beginFrame();
    // Renders ImGui's draw data into the back buffer (not yet shown).
    void renderFrame();
    // Writes the back buffer (what renderFrame drew) to a PNG; false with `error` on failure.
    bool saveBackBuffer(const std::filesystem::path& png, std::string& error) const;
    void present();

    GLFWwindow* handle() const { return m_window; }

private:
    explicit KioskWindow(GLFWwindow* window) : m_window(window) {}
    GLFWwindow* m_window;
};

} // namespace alignkiosk::platform
