// Showing part of a frame: copies a rectangle of the back buffer to the window (GLX_MESA_copy_sub_buffer), so a
// small animation on a still screen costs the window system that rectangle, not the whole screen. Kept apart from
// kiosk_window.cpp because the GLX and Xlib headers it needs define macros (None, Bool, Status...) nothing else wants.
#pragma once

#include <optional>

struct GLFWwindow;

namespace alignkiosk::platform {

class PartialPresent {
public:
    // For the window whose GL context is current; nothing when the window system or the driver cannot do it (then
    // the whole frame is shown every time).
    static std::optional<PartialPresent> find(GLFWwindow* window);

    // Copies the rectangle with its lower-left corner at (x, y) in framebuffer pixels (GL's convention: y up) from
    // the back buffer to the window. The back buffer is left as it was.
    void copy(int x, int y, int width, int height) const;

private:
    // Xlib's and GLX's types, without their headers: glXCopySubBufferMESA, a Display*, a GLXDrawable.
    using AnyFunction = void (*)();
    PartialPresent(AnyFunction function, void* display, unsigned long drawable)
        : m_copySubBuffer(function), m_display(display), m_drawable(drawable) {}
    AnyFunction m_copySubBuffer;
    void* m_display;
    unsigned long m_drawable;
};

} // namespace alignkiosk::platform
