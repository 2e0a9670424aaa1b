// The theme as a plugin sees it: the alignkiosk_frame_v1 handed to a module when it draws a page (the kiosk's look)
// or its dashboard panel (the dashboard's look, larger and high-contrast in projection mode).
#pragma once

#include "ui/theme.h"

#include <alignkiosk/plugin_abi.h>

namespace alignkiosk::ui {

// The theme's scale, touch target, heading and body fonts and accent. `projection`: the projection fonts when the
// theme has them (addProjectionFonts) and the projection palette's accent.
alignkiosk_frame_v1 pluginFrame(const Theme& theme, bool projection = false);

} // namespace alignkiosk::ui
