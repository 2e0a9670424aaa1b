// A framebuffer object to render into instead of the window: exports render the dashboard at a fixed size in a hidden
// window, whose own (unmapped) framebuffer GL does not promise to keep.
#pragma once

#include <memory>
#include <string>

namespace alignkiosk::platform {

class OffscreenTarget {
public:
    // Needs a current GL 3.3 context. Returns nullptr with `error` when the framebuffer cannot be made.
    static std::unique_ptr<OffscreenTarget> create(int width, int height, std::string& error);
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    // Draws and reads go to this target until it is destroyed.
    void bind() const;

private:
    OffscreenTarget(unsigned framebuffer, unsigned colour) : m_framebuffer(framebuffer), m_colour(colour) {}
    unsigned m_framebuffer;
    unsigned m_colour;
};

} // namespace alignkiosk::platform
