#include "plugin_frame.h"

namespace alignkiosk::ui {

alignkiosk_frame_v1 pluginFrame(const Theme& theme, bool projection) {
    ImFont* heading = projection && theme.projectionHeading ? theme.projectionHeading : theme.heading;
    ImFont* body = projection && theme.projectionBody ? theme.projectionBody : theme.body;
    const ImU32 accent = projection ? theme.projection.accent : theme.accent;
    return {sizeof(alignkiosk_frame_v1), theme.scale, theme.minTouchTarget, heading, body, accent};
}

} // namespace alignkiosk::ui
