#include "partial_present.h"

#include <GLFW/glfw3.h>
#define GLFW_EXPOSE_NATIVE_X11
#define GLFW_EXPOSE_NATIVE_GLX
#include <GLFW/glfw3native.h>

namespace alignkiosk::platform {

namespace {

using CopySubBufferMESA = void (*)(Display*, GLXDrawable, int, int, int, int);

} // namespace

std::optional<PartialPresent> PartialPresent::find(GLFWwindow* window) {
    // Only a GLX context has a GLX drawable (GLFW may also create its context with EGL).
    if (glfwGetWindowAttrib(window, GLFW_CONTEXT_CREATION_API) != GLFW_NATIVE_CONTEXT_API) return std::nullopt;
    if (!glfwExtensionSupported("GLX_MESA_copy_sub_buffer")) return std::nullopt;
    const GLFWglproc function = glfwGetProcAddress("glXCopySubBufferMESA");
    const GLXWindow drawable = glfwGetGLXWindow(window);
    Display* display = glfwGetX11Display();
    if (!function || !drawable || !display) return std::nullopt;
    return PartialPresent(reinterpret_cast<AnyFunction>(function), display, drawable);
}

void PartialPresent::copy(int x, int y, int width, int height) const {
    reinterpret_cast<CopySubBufferMESA>(m_copySubBuffer)(static_cast<Display*>(m_display), m_drawable, x, y, width,
                                                         height);
}

} // namespace alignkiosk::platform
