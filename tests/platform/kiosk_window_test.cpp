// The kiosk window on a real X display (skipped without DISPLAY; the end-to-end tests run Xvfb): kiosk mode is full
// screen, undecorated, without a cursor even after ImGui's backend has drawn frames, refuses the close and iconify
// requests a window manager would send until the program allows it, and stays full screen; a part of a frame is
// shown only where it changed. The requests are sent as a window manager sends them (a WM_DELETE_WINDOW client
// message, a WM_STATE change), and the screen is read, through libX11 loaded at run time so the test needs no X11
// link of its own.
#include "platform/kiosk_window.h"

#include <GLFW/glfw3.h>
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>
#include <memory>
#include <string>

// Last: Xlib's macros (None, Bool, Status ...) must not meet the headers above.
#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3native.h>

namespace alignkiosk::platform {
namespace {

// The few Xlib calls a window manager's requests need.
class WindowManagerStandIn {
public:
    WindowManagerStandIn() : m_library(dlopen("libX11.so.6", RTLD_NOW | RTLD_LOCAL)) {
        if (!m_library) return;
        m_internAtom = reinterpret_cast<InternAtom>(dlsym(m_library, "XInternAtom"));
        m_sendEvent = reinterpret_cast<SendEvent>(dlsym(m_library, "XSendEvent"));
        m_changeProperty = reinterpret_cast<ChangeProperty>(dlsym(m_library, "XChangeProperty"));
        m_flush = reinterpret_cast<Flush>(dlsym(m_library, "XFlush"));
    }
    ~WindowManagerStandIn() {
        if (m_library) dlclose(m_library);
    }
    WindowManagerStandIn(const WindowManagerStandIn&) = delete;
    WindowManagerStandIn& operator=(const WindowManagerStandIn&) = delete;

    bool usable() const { return m_internAtom && m_sendEvent && m_changeProperty && m_flush; }

    // What a window manager sends for its close button or Alt+F4 (ICCCM 4.2.8.1).
    void requestClose(GLFWwindow* window) const {
        Display* display = glfwGetX11Display();
        XEvent event{};
        event.xclient.type = ClientMessage;
        event.xclient.window = glfwGetX11Window(window);
        event.xclient.message_type = m_internAtom(display, "WM_PROTOCOLS", False);
        event.xclient.format = 32;
        event.xclient.data.l[0] = static_cast<long>(m_internAtom(display, "WM_DELETE_WINDOW", False));
        event.xclient.data.l[1] = CurrentTime;
        m_sendEvent(display, glfwGetX11Window(window), False, NoEventMask, &event);
        m_flush(display);
    }

    // What a window manager does when it iconifies a window: WM_STATE becomes IconicState (ICCCM 4.1.3.1).
    void setWmState(GLFWwindow* window, long state) const {
        Display* display = glfwGetX11Display();
        const Atom wmState = m_internAtom(display, "WM_STATE", False);
        const long data[2] = {state, 0}; // state, icon window (None)
        m_changeProperty(display, glfwGetX11Window(window), wmState, wmState, 32, PropModeReplace,
                         reinterpret_cast<const unsigned char*>(data), 2);
        m_flush(display);
    }

private:
    using InternAtom = Atom (*)(Display*, const char*, Bool);
    using SendEvent = Status (*)(Display*, Window, Bool, long, XEvent*);
    using ChangeProperty = int (*)(Display*, Window, Atom, Atom, int, int, const unsigned char*, int);
    using Flush = int (*)(Display*);
    void* m_library;
    InternAtom m_internAtom = nullptr;
    SendEvent m_sendEvent = nullptr;
    ChangeProperty m_changeProperty = nullptr;
    Flush m_flush = nullptr;
};

// What the X server shows in a window, one pixel at a time (XGetImage), through libX11 loaded at run time.
class ScreenReader {
public:
    ScreenReader() : m_library(dlopen("libX11.so.6", RTLD_NOW | RTLD_LOCAL)) {
        if (!m_library) return;
        m_getImage = reinterpret_cast<GetImage>(dlsym(m_library, "XGetImage"));
        m_getPixel = reinterpret_cast<GetPixel>(dlsym(m_library, "XGetPixel"));
        m_sync = reinterpret_cast<Sync>(dlsym(m_library, "XSync"));
    }
    ~ScreenReader() {
        if (m_library) dlclose(m_library);
    }
    ScreenReader(const ScreenReader&) = delete;
    ScreenReader& operator=(const ScreenReader&) = delete;

    bool usable() const { return m_getImage && m_getPixel && m_sync; }

    // The pixel at window coordinates (x, y), as 0xRRGGBB on a 24-bit TrueColor screen.
    unsigned long pixel(GLFWwindow* window, int x, int y) const {
        Display* display = glfwGetX11Display();
        m_sync(display, False);
        XImage* image = m_getImage(display, glfwGetX11Window(window), x, y, 1, 1, AllPlanes, ZPixmap);
        if (!image) return ~0ul;
        const unsigned long value = m_getPixel(image, 0, 0) & 0xFFFFFFul;
        image->f.destroy_image(image);
        return value;
    }

private:
    using GetImage = XImage* (*)(Display*, Drawable, int, int, unsigned int, unsigned int, unsigned long, int);
    using GetPixel = unsigned long (*)(XImage*, int, int);
    using Sync = int (*)(Display*, Bool);
    void* m_library;
    GetImage m_getImage = nullptr;
    GetPixel m_getPixel = nullptr;
    Sync m_sync = nullptr;
};

class KioskWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        const char* display = std::getenv("DISPLAY");
        if (!display || !*display) GTEST_SKIP() << "no DISPLAY (the end-to-end tests run one with Xvfb)";
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
    }
    void TearDown() override {
        m_window.reset();
        if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    }

    void open(const WindowOptions& options) {
        std::string error;
        m_window = KioskWindow::open("alignkiosk window test", options, error);
        ASSERT_TRUE(m_window) << error;
    }

    void drawFrames(int frames) {
        for (int i = 0; i < frames; ++i) {
            glfwPollEvents();
            m_window->beginFrame();
            ImGui::Begin("test");
            ImGui::Button("A button");
            ImGui::End();
            m_window->renderFrame(0xFF000000u);
            m_window->present();
        }
    }

    // Lets the X server deliver what was sent: polls until the count changes, at most about 5 s.
    void pumpUntilRefused(uint64_t count) {
        for (int i = 0; i < 50 && m_window->refusedRequests() < count; ++i) glfwWaitEventsTimeout(0.1);
    }

    std::unique_ptr<KioskWindow> m_window;
};

TEST_F(KioskWindowTest, KioskModeIsFullScreenUndecoratedAndWithoutCursor) {
    open(WindowOptions::kiosk());
    GLFWwindow* window = m_window->handle();
    EXPECT_TRUE(m_window->fullScreen());
    EXPECT_EQ(glfwGetWindowAttrib(window, GLFW_DECORATED), GLFW_FALSE);
    EXPECT_EQ(glfwGetWindowAttrib(window, GLFW_AUTO_ICONIFY), GLFW_FALSE);
    drawFrames(3); // the GLFW backend sets the cursor in every frame
    EXPECT_EQ(glfwGetInputMode(window, GLFW_CURSOR), GLFW_CURSOR_HIDDEN);

    const GLFWvidmode* mode = glfwGetVideoMode(glfwGetPrimaryMonitor());
    ASSERT_NE(mode, nullptr);
    const ui::DisplayGeometry geometry = m_window->displayGeometry();
    EXPECT_EQ(geometry.monitorWidthPx, mode->width);
    EXPECT_EQ(geometry.monitorHeightPx, mode->height);
    EXPECT_EQ(geometry.windowWidth, mode->width);
    EXPECT_EQ(geometry.windowHeight, mode->height);
    EXPECT_GT(m_window->touchMetrics().minTouchTarget, 0.0f);

    m_window->setFullScreen(false); // what the facilitator's dashboard asks for when it leaves projection
    EXPECT_TRUE(m_window->fullScreen());
}

TEST_F(KioskWindowTest, KioskModeRefusesCloseAndIconifyRequestsUntilAllowed) {
    open(WindowOptions::kiosk());
    WindowManagerStandIn windowManager;
    if (!windowManager.usable()) GTEST_SKIP() << "libX11.so.6 not found";
    GLFWwindow* window = m_window->handle();
    drawFrames(1);

    windowManager.requestClose(window);
    pumpUntilRefused(1);
    EXPECT_EQ(m_window->refusedRequests(), 1u);
    EXPECT_FALSE(m_window->closeRequested());

    windowManager.setWmState(window, IconicState);
    pumpUntilRefused(2);
    EXPECT_EQ(m_window->refusedRequests(), 2u);
    windowManager.setWmState(window, NormalState);
    EXPECT_FALSE(m_window->closeRequested());

    // The facilitator's Exit, after the PIN: now a close request closes.
    m_window->allowClose();
    windowManager.requestClose(window);
    for (int i = 0; i < 50 && !m_window->closeRequested(); ++i) glfwWaitEventsTimeout(0.1);
    EXPECT_TRUE(m_window->closeRequested());
    EXPECT_EQ(m_window->refusedRequests(), 2u);
}

TEST_F(KioskWindowTest, TheProgramCanAlwaysClose) {
    open(WindowOptions::kiosk());
    EXPECT_FALSE(m_window->closeRequested());
    m_window->close();
    EXPECT_TRUE(m_window->closeRequested());
}

TEST_F(KioskWindowTest, AnOrdinaryWindowKeepsItsCursorAndCloses) {
    WindowOptions options;
    options.width = 640;
    options.height = 480;
    open(options);
    GLFWwindow* window = m_window->handle();
    EXPECT_FALSE(m_window->fullScreen());
    EXPECT_EQ(glfwGetWindowAttrib(window, GLFW_DECORATED), GLFW_TRUE);
    drawFrames(2);
    EXPECT_EQ(glfwGetInputMode(window, GLFW_CURSOR), GLFW_CURSOR_NORMAL);
    const ui::DisplayGeometry geometry = m_window->displayGeometry();
    EXPECT_EQ(geometry.windowWidth, 640);
    EXPECT_EQ(geometry.windowHeight, 480);

    WindowManagerStandIn windowManager;
    if (!windowManager.usable()) GTEST_SKIP() << "libX11.so.6 not found";
    windowManager.requestClose(window);
    for (int i = 0; i < 50 && !m_window->closeRequested(); ++i) glfwWaitEventsTimeout(0.1);
    EXPECT_TRUE(m_window->closeRequested());
    EXPECT_EQ(m_window->refusedRequests(), 0u);
}

// A frame of which only a part changed (the idle attract screen's ripple) is drawn and shown only there: the window
// keeps the rest of the frame before it, and the X server copies that part alone.
TEST_F(KioskWindowTest, APartOfAFrameIsShownOnlyWhereItChanged) {
    WindowOptions options;
    options.width = 320;
    options.height = 240;
    open(options);
    GLFWwindow* window = m_window->handle();
    ASSERT_TRUE(m_window->canPresentPart()) << "Mesa's GLX (Xvfb's software GL) has GLX_MESA_copy_sub_buffer";
    ScreenReader screen;
    if (!screen.usable()) GTEST_SKIP() << "libX11.so.6 not found";

    m_window->beginFrame();
    m_window->renderFrame(IM_COL32(255, 0, 0, 255));
    m_window->present();
    EXPECT_EQ(screen.pixel(window, 150, 100), 0xFF0000ul) << "the whole red frame is shown";

    m_window->beginTimerFrame();
    const ui::ScreenRect part{ImVec2(100.0f, 80.0f), ImVec2(200.0f, 140.0f)};
    m_window->renderFrame(IM_COL32(0, 0, 255, 255), part);
    m_window->presentPart(part);
    EXPECT_EQ(screen.pixel(window, 150, 100), 0x0000FFul) << "inside the part: the new frame";
    EXPECT_EQ(screen.pixel(window, 100, 80), 0x0000FFul) << "the part's top-left pixel";
    EXPECT_EQ(screen.pixel(window, 199, 139), 0x0000FFul) << "the part's bottom-right pixel";
    EXPECT_EQ(screen.pixel(window, 20, 20), 0xFF0000ul) << "outside the part: the frame before";
    EXPECT_EQ(screen.pixel(window, 200, 100), 0xFF0000ul) << "just right of the part";
    EXPECT_EQ(screen.pixel(window, 150, 140), 0xFF0000ul) << "just below the part";
}

} // namespace
} // namespace alignkiosk::platform
