// Every screen of the dashboard as a PNG of its own, for `alignkiosk export` and the dashboard's Export button: the
// overview, each rated item's detail and, when the model carries any (the anonymity rules let it), the open answers.
// Each is the screen's own drawing in the dashboard's picture mode (no buttons, tabs, focus marks or scroll bars), at
// its full height: drawn once to measure it, then rendered offscreen at that height, in numbered parts beyond what
// GL can render at once.
#pragma once

#include "core/dashboard_model.h"
#include "ui/dashboard.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace alignkiosk::platform {

class KioskWindow;

// A picture's width at scale 1: a 1080p slide's.
constexpr int kPictureWidth = 1920;

// One screen to picture: the view (and item) to show, and the file's name without ".png".
struct PictureScreen {
    ui::Dashboard::View view = ui::Dashboard::View::Overview;
    std::size_t item = 0; // for View::Item: an index into model.ratedItems
    std::string name;     // "overview", "item-<question id>", "open-answers"
};

// The screens of `model`, in that order. An item is named by its question id; by step and question id when another
// step has a question of the same id. Characters a file name should not hold become '_'.
std::vector<PictureScreen> pictureScreens(const core::DashboardModel& model);

// One part of a picture: rows [top, top + height).
struct PicturePart {
    int top = 0;
    int height = 0;
};

// A picture `height` rows tall in parts of at most `maxHeight` rows (one part when it fits).
std::vector<PicturePart> pictureParts(int height, int maxHeight);

// The file of part `part` (from 0) of `parts`: "<name>.png" for a picture in one part, else "<name>-<part + 1>.png".
std::filesystem::path pictureFile(const std::filesystem::path& directory, const std::string& name, std::size_t part,
                                  std::size_t parts);

struct PictureSet {
    std::vector<std::filesystem::path> files; // written, in order
    std::string error;                        // empty when every picture was written
};

// Writes the pictures of the dashboard's current model into `directory` (which must exist), `kPictureWidth * scale`
// pixels wide (`scale`: the theme's, so the layout is the one a 1080p screen shows). Draws ImGui frames of its own in
// `window`'s context, rendered into offscreen targets only: call outside a frame (after one was rendered, before it
// is shown, for the live window). The dashboard is left in the view, selection and projection mode it was in.
PictureSet writeDashboardPictures(KioskWindow& window, ui::Dashboard& dashboard, float scale,
                                  const std::filesystem::path& directory);

} // namespace alignkiosk::platform
