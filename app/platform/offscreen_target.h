// A framebuffer object to render into instead of the window: exports render the dashboard's pictures at their own
// size, in a hidden window (whose own unmapped framebuffer GL does not promise to keep) or beside the live one.
#pragma once

#include <memory>
#include <string>

namespace alignkiosk::platform {

class OffscreenTarget {
public:
    // Needs a current GL 3.3 context. Returns nullptr with `error` when the framebuffer cannot be made.
    static std::unique_ptr<OffscreenTarget> create(int width, int height, std::string& error);
    // The largest width or height a target can have and be drawn into whole (the least of GL's largest texture,
    // renderbuffer and viewport). Needs a current GL context.
    static int maxSide();
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
