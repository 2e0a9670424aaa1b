#include "kiosk_window.h"

#include "frame_part.h"
#include "png_file.h"

#include <GLFW/glfw3.h>
#include <GL/glext.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <malloc.h>
#include <iostream>
#include <vector>

namespace alignkiosk::platform {

namespace {

std::string g_lastGlfwError;

void rememberGlfwError(int code, const char* description) {
    g_lastGlfwError = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}

// The size a window opens at, and returns to from full screen when it never was a window.
constexpr int kDefaultWidth = 1280;
constexpr int kDefaultHeight = 860;

// The monitor whose area holds the window's centre, or the primary monitor.
GLFWmonitor* monitorUnder(GLFWwindow* window) {
    if (GLFWmonitor* monitor = glfwGetWindowMonitor(window)) return monitor;
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    glfwGetWindowPos(window, &x, &y);
    glfwGetWindowSize(window, &width, &height);
    const int centreX = x + width / 2;
    const int centreY = y + height / 2;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        int left = 0;
        int top = 0;
        glfwGetMonitorPos(monitors[i], &left, &top);
        if (mode && centreX >= left && centreX < left + mode->width && centreY >= top && centreY < top + mode->height)
            return monitors[i];
    }
    return glfwGetPrimaryMonitor();
}

} // namespace

WindowOptions WindowOptions::kiosk() {
    WindowOptions options;
    options.fullScreen = true;
    options.decorated = false;
    options.hideCursor = true;
    options.refuseClose = true;
    options.stayRestored = true;
    return options;
}

void KioskWindow::countEvent(GLFWwindow* window) {
    if (auto* kiosk = static_cast<KioskWindow*>(glfwGetWindowUserPointer(window))) ++kiosk->m_eventCount;
}

// GLFW has already set the should-close flag when this runs; clearing it here refuses the request.
void KioskWindow::onCloseRequest(GLFWwindow* window) {
    auto* kiosk = static_cast<KioskWindow*>(glfwGetWindowUserPointer(window));
    if (!kiosk || !kiosk->m_options.refuseClose || kiosk->m_closeAllowed) return;
    glfwSetWindowShouldClose(window, GLFW_FALSE);
    ++kiosk->m_refusedRequests;
    std::cerr << "alignkiosk: kiosk mode: refused a request to close the window (the facilitator exits behind the "
                 "PIN)\n";
}

void KioskWindow::onIconify(GLFWwindow* window, int iconified) {
    auto* kiosk = static_cast<KioskWindow*>(glfwGetWindowUserPointer(window));
    if (!kiosk) return;
    ++kiosk->m_eventCount; // redraw when it shows again
    if (!iconified || !kiosk->m_options.stayRestored) return;
    glfwRestoreWindow(window);
    ++kiosk->m_refusedRequests;
    std::cerr << "alignkiosk: kiosk mode: refused a request to minimise the window\n";
}

std::unique_ptr<KioskWindow> KioskWindow::open(const std::string& title, const WindowOptions& options,
                                               std::string& error) {
    glfwSetErrorCallback(rememberGlfwError);
    if (!glfwInit()) {
        error = "cannot open the display (" + g_lastGlfwError + ")";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    // ImGui draws flat, back to front, with no depth or stencil test and no multisampling: buffers for them would only
    // cost memory (a full-screen depth and stencil buffer is 8 MB on a 1080p screen) and set-up time.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_SAMPLES, 0);

    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_DECORATED, options.decorated ? GLFW_TRUE : GLFW_FALSE);
    // A full-screen window normally minimises when it loses focus (another program, a notification).
    glfwWindowHint(GLFW_AUTO_ICONIFY, options.stayRestored ? GLFW_FALSE : GLFW_TRUE);

    int width = options.width > 0 ? options.width : kDefaultWidth;
    int height = options.height > 0 ? options.height : kDefaultHeight;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (mode && options.fullScreen) {
        width = mode->width;
        height = mode->height;
    } else if (mode && options.width <= 0) {
        width = std::min(width, mode->width * 9 / 10);
        height = std::min(height, mode->height * 9 / 10);
    }
    GLFWwindow* window =
        glfwCreateWindow(width, height, title.c_str(), options.fullScreen ? monitor : nullptr, nullptr);
    if (!window) {
        error = "cannot create an OpenGL 3.3 window (" + g_lastGlfwError + ")";
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    std::unique_ptr<KioskWindow> kiosk(new KioskWindow(window, options));
    kiosk->m_partialPresent = PartialPresent::find(window);
    // Counted before ImGui installs its own callbacks, which call these in turn.
    glfwSetWindowUserPointer(window, kiosk.get());
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { countEvent(w); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { countEvent(w); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { countEvent(w); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { countEvent(w); });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int, int, int, int) { countEvent(w); });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { countEvent(w); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { countEvent(w); });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { countEvent(w); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { countEvent(w); });
    glfwSetWindowCloseCallback(window, onCloseRequest);
    glfwSetWindowIconifyCallback(window, onIconify);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    if (options.hideCursor) {
        glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
        // The GLFW backend shows the arrow again every frame unless told to leave the cursor alone.
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    }
    return kiosk;
}

KioskWindow::~KioskWindow() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

float KioskWindow::uiScale() const {
    float xScale = 1.0f;
    float yScale = 1.0f;
    glfwGetWindowContentScale(m_window, &xScale, &yScale);
    int width = 0;
    int height = 0;
    glfwGetWindowSize(m_window, &width, &height);
    // Type grows with the window so it stays readable from a step back; 900 px tall is the reference.
    const float bySize = std::clamp(static_cast<float>(height) / 900.0f, 0.8f, 2.0f);
    return std::max(1.0f, yScale) * bySize;
}

ui::DisplayGeometry KioskWindow::displayGeometry() const {
    ui::DisplayGeometry geometry;
    if (GLFWmonitor* monitor = monitorUnder(m_window)) {
        if (const GLFWvidmode* mode = glfwGetVideoMode(monitor)) {
            geometry.monitorWidthPx = mode->width;
            geometry.monitorHeightPx = mode->height;
        }
        glfwGetMonitorPhysicalSize(monitor, &geometry.monitorWidthMm, &geometry.monitorHeightMm);
    }
    float xScale = 1.0f;
    glfwGetWindowContentScale(m_window, &xScale, &geometry.contentScale);
    glfwGetWindowSize(m_window, &geometry.windowWidth, &geometry.windowHeight);
    return geometry;
}

ui::TouchMetrics KioskWindow::touchMetrics() const { return ui::touchMetrics(displayGeometry()); }

bool KioskWindow::fullScreen() const { return glfwGetWindowMonitor(m_window) != nullptr; }

void KioskWindow::setFullScreen(bool on) {
    if (on == fullScreen()) return;
    if (!on && m_options.stayRestored) return; // a kiosk stays full screen
    if (!on && (m_windowedSize[0] <= 0 || m_windowedSize[1] <= 0)) {
        // Opened full screen: there is no window to go back to; make one of the default size.
        m_windowedSize[0] = kDefaultWidth;
        m_windowedSize[1] = kDefaultHeight;
    }
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (on && mode) {
        glfwGetWindowPos(m_window, &m_windowedPosition[0], &m_windowedPosition[1]);
        glfwGetWindowSize(m_window, &m_windowedSize[0], &m_windowedSize[1]);
        glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else if (!on) {
        glfwSetWindowMonitor(m_window, nullptr, m_windowedPosition[0], m_windowedPosition[1], m_windowedSize[0],
                             m_windowedSize[1], 0);
    }
}

bool KioskWindow::closeRequested() const { return glfwWindowShouldClose(m_window) != 0; }

void KioskWindow::allowClose() { m_closeAllowed = true; }

void KioskWindow::close() {
    allowClose();
    glfwSetWindowShouldClose(m_window, GLFW_TRUE);
}

void KioskWindow::keepFontTextureSmall() {
    ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
    if (!fonts.TexPixelsAlpha8 && !fonts.TexPixelsRGBA32) return;
    if (fonts.TexPixelsAlpha8) {
        // The backend sends white RGBA pixels whose alpha is the glyph's coverage: four bytes where one is news. The
        // same texture as one red byte a pixel, read back as (1, 1, 1, red), looks the same to its shader and holds a
        // quarter of the memory (software GL keeps textures in the process).
        GLint bound = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(fonts.TexID)));
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, fonts.TexWidth, fonts.TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE,
                     fonts.TexPixelsAlpha8);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
        glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    }
    // The atlas now lives in GL; its pixels in memory (alpha and an RGBA copy, several MB) are never read again.
    // ImGui keeps the atlas marked as built. The heap they leave is handed back to the system at once.
    fonts.ClearTexData();
    malloc_trim(0);
}

void KioskWindow::addFonts(const std::function<void()>& add) {
    add();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture(); // builds the atlas again, with every font
    keepFontTextureSmall();
}

void KioskWindow::beginFrame(bool withPointer, const std::function<void(ImGuiIO&)>& beforeNewFrame) {
    newFrame(true, withPointer, beforeNewFrame);
}

void KioskWindow::beginTimerFrame(const std::function<void(ImGuiIO&)>& beforeNewFrame) {
    newFrame(false, true, beforeNewFrame);
}

void KioskWindow::newFrame(bool askWindow, bool withPointer, const std::function<void(ImGuiIO&)>& beforeNewFrame) {
    ImGui_ImplOpenGL3_NewFrame(); // uploads the font atlas on the first frame
    keepFontTextureSmall();
    const double now = glfwGetTime();
    if (askWindow || m_lastFrameTime <= 0.0) {
        ImGui_ImplGlfw_NewFrame();
    } else {
        // What the backend would set besides what it asks the window for. (Its own clock then counts this time again
        // in the next frame's step: ImGui's clock only runs a little ahead, which nothing on these screens minds.)
        ImGui::GetIO().DeltaTime = static_cast<float>(std::max(now - m_lastFrameTime, 1e-4));
    }
    m_lastFrameTime = now;
    if (!withPointer) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    if (beforeNewFrame) beforeNewFrame(ImGui::GetIO());
    ImGui::NewFrame();
}

// From the sizes the backend read for this frame: querying the window again would cost round trips to the X server.
KioskWindow::PixelRect KioskWindow::pixelsOf(const ui::ScreenRect& part) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 scale = io.DisplayFramebufferScale;
    const int framebufferWidth = static_cast<int>(io.DisplaySize.x * scale.x);
    const int framebufferHeight = static_cast<int>(io.DisplaySize.y * scale.y);
    const int left = std::clamp(static_cast<int>(std::floor(part.min.x * scale.x)), 0, framebufferWidth);
    const int right = std::clamp(static_cast<int>(std::ceil(part.max.x * scale.x)), left, framebufferWidth);
    const int top = std::clamp(static_cast<int>(std::floor(part.min.y * scale.y)), 0, framebufferHeight);
    const int bottom = std::clamp(static_cast<int>(std::ceil(part.max.y * scale.y)), top, framebufferHeight);
    return {left, framebufferHeight - bottom, right - left, bottom - top};
}

void KioskWindow::renderFrame(unsigned background, const std::optional<ui::ScreenRect>& part) {
    ImGui::Render();
    ImDrawData* drawData = ImGui::GetDrawData();
    // The framebuffer's size as the backend read it for this frame (asking GLFW again is a round trip to X).
    const auto width = static_cast<GLsizei>(drawData->DisplaySize.x * drawData->FramebufferScale.x);
    const auto height = static_cast<GLsizei>(drawData->DisplaySize.y * drawData->FramebufferScale.y);
    glViewport(0, 0, width, height);
    if (part) {
        // The clear and the rasteriser then touch only the part's pixels (software GL's cost is per pixel).
        const PixelRect pixels = pixelsOf(*part);
        glEnable(GL_SCISSOR_TEST);
        glScissor(pixels.x, pixels.y, pixels.width, pixels.height);
        keepOnlyPart(*drawData, *part);
    }
    const ImVec4 colour = ImGui::ColorConvertU32ToFloat4(background);
    glClearColor(colour.x, colour.y, colour.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(drawData);
    if (part) glDisable(GL_SCISSOR_TEST);
}

bool KioskWindow::saveFrame(const std::filesystem::path& png, std::string& error) const {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    if (width <= 0 || height <= 0) {
        error = "the window has no size";
        return false;
    }
    return writePixels(width, height, png, error);
}

bool KioskWindow::saveRows(unsigned background, int top, int width, int height, const std::filesystem::path& png,
                           std::string& error) const {
    ImDrawData* drawData = ImGui::GetDrawData();
    if (!drawData || !drawData->Valid || width <= 0 || height <= 0) {
        error = "no frame to save as " + png.string();
        return false;
    }
    // The same draw lists seen through a window onto those rows: the backend's projection and clip rectangles follow
    // DisplayPos and DisplaySize, and its viewport is the lower-left `width` x `height` of the target.
    const ImVec2 position = drawData->DisplayPos;
    const ImVec2 size = drawData->DisplaySize;
    const ImVec2 scale = drawData->FramebufferScale;
    drawData->DisplayPos = ImVec2(position.x, position.y + static_cast<float>(top));
    drawData->DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    drawData->FramebufferScale = ImVec2(1.0f, 1.0f);
    glViewport(0, 0, width, height);
    const ImVec4 colour = ImGui::ColorConvertU32ToFloat4(background);
    glClearColor(colour.x, colour.y, colour.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(drawData);
    drawData->DisplayPos = position;
    drawData->DisplaySize = size;
    drawData->FramebufferScale = scale;
    return writePixels(width, height, png, error);
}

bool KioskWindow::writePixels(int width, int height, const std::filesystem::path& png, std::string& error) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4u);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    GLint readFramebuffer = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &readFramebuffer);
    if (readFramebuffer == 0) glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    return writePng(png, width, height, pixels.data(), error);
}

void KioskWindow::present() { glfwSwapBuffers(m_window); }

void KioskWindow::presentPart(const ui::ScreenRect& part) {
    const PixelRect pixels = pixelsOf(part);
    if (pixels.width > 0 && pixels.height > 0) m_partialPresent->copy(pixels.x, pixels.y, pixels.width, pixels.height);
}

} // namespace alignkiosk::platform
