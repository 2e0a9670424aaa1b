#include "dashboard_pictures.h"

#include "kiosk_window.h"
#include "offscreen_target.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace alignkiosk::platform {

namespace {

// The display a screen is first laid out on to measure it; a taller screen is laid out again at its own height.
constexpr int kMeasureHeight = 4096;
// ImGui's groups and tables settle their sizes over the first frames of a screen.
constexpr int kSettleFrames = 3;

std::string fileSafe(const std::string& text) {
    std::string safe = text;
    for (char& c : safe)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
    return safe;
}

// One frame of the dashboard on a display of its own, `width` x `height` at framebuffer scale 1, without the pointer
// (no hover). `render`: ended with ImGui::Render() for saveRows; else only laid out.
void pictureFrame(KioskWindow& window, ui::Dashboard& dashboard, int width, int height, bool render) {
    window.beginFrame(false, [&](ImGuiIO& io) {
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    });
    dashboard.draw(glfwGetTime());
    if (render)
        ImGui::Render();
    else
        ImGui::EndFrame();
}

// Leaves the dashboard, and what ImGui knows of the window, as they were found, however the pictures end: the live
// window's next frame may be a timer's, which takes the display size and pointer from the frame before.
class PictureModeScope {
public:
    explicit PictureModeScope(ui::Dashboard& dashboard)
        : m_dashboard(dashboard), m_projection(dashboard.projection()), m_io(ImGui::GetIO()),
          m_displaySize(m_io.DisplaySize), m_framebufferScale(m_io.DisplayFramebufferScale), m_mouse(m_io.MousePos) {
        m_dashboard.setProjection(false); // pictures for slides: the normal palette and type
        m_dashboard.setPictureMode(true);
    }
    ~PictureModeScope() {
        m_dashboard.setPictureMode(false);
        m_dashboard.setProjection(m_projection);
        m_io.DisplaySize = m_displaySize;
        m_io.DisplayFramebufferScale = m_framebufferScale;
        m_io.MousePos = m_mouse;
    }
    PictureModeScope(const PictureModeScope&) = delete;
    PictureModeScope& operator=(const PictureModeScope&) = delete;

private:
    ui::Dashboard& m_dashboard;
    bool m_projection;
    ImGuiIO& m_io;
    ImVec2 m_displaySize;
    ImVec2 m_framebufferScale;
    ImVec2 m_mouse;
};

// Draws the dashboard's current screen at its full height and writes it, in parts when taller than `maxSide`.
bool writeScreen(KioskWindow& window, ui::Dashboard& dashboard, const std::string& name, int width, int maxSide,
                 const std::filesystem::path& directory, PictureSet& set) {
    int height = kMeasureHeight;
    int content = 0;
    for (;;) {
        for (int i = 0; i < kSettleFrames; ++i) pictureFrame(window, dashboard, width, height, false);
        content = std::max(1, static_cast<int>(std::ceil(dashboard.contentHeight())));
        if (content <= height) break;
        height = content; // laid out again on a display that shows all of it (nothing clipped away)
    }
    pictureFrame(window, dashboard, width, height, true);
    const std::vector<PicturePart> parts = pictureParts(content, maxSide);
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const std::filesystem::path file = pictureFile(directory, name, p, parts.size());
        auto target = OffscreenTarget::create(width, parts[p].height, set.error);
        if (!target) return false;
        target->bind();
        if (!window.saveRows(dashboard.backgroundColor(), parts[p].top, width, parts[p].height, file, set.error))
            return false;
        set.files.push_back(file);
    }
    return true;
}

} // namespace

std::vector<PictureScreen> pictureScreens(const core::DashboardModel& model) {
    std::map<std::string, int> questions; // how many steps have a rated question of this id
    for (const core::RatedItem& item : model.ratedItems) ++questions[item.questionId];
    std::vector<PictureScreen> screens;
    screens.push_back({ui::Dashboard::View::Overview, 0, "overview"});
    for (std::size_t i = 0; i < model.ratedItems.size(); ++i) {
        const core::RatedItem& item = model.ratedItems[i];
        const std::string id = questions[item.questionId] > 1 ? item.stepId + "-" + item.questionId : item.questionId;
        screens.push_back({ui::Dashboard::View::Item, i, "item-" + fileSafe(id)});
    }
    // The model carries open answers only for groups the anonymity rules let the screen show.
    if (!model.texts.empty()) screens.push_back({ui::Dashboard::View::Texts, 0, "open-answers"});
    return screens;
}

std::vector<PicturePart> pictureParts(int height, int maxHeight) {
    std::vector<PicturePart> parts;
    const int step = std::max(1, maxHeight);
    for (int top = 0; top < height; top += step) parts.push_back({top, std::min(step, height - top)});
    return parts;
}

std::filesystem::path pictureFile(const std::filesystem::path& directory, const std::string& name, std::size_t part,
                                  std::size_t parts) {
    if (parts <= 1) return directory / (name + ".png");
    return directory / (name + "-" + std::to_string(part + 1) + ".png");
}

PictureSet writeDashboardPictures(KioskWindow& window, ui::Dashboard& dashboard, float scale,
                                  const std::filesystem::path& directory) {
    PictureSet set;
    const int width = static_cast<int>(std::lround(static_cast<float>(kPictureWidth) * scale));
    const int maxSide = OffscreenTarget::maxSide();
    if (width > maxSide) {
        set.error = "a picture " + std::to_string(width) + " pixels wide is more than GL can draw (" +
                    std::to_string(maxSide) + ")";
        return set;
    }
    std::vector<PictureScreen> screens = pictureScreens(dashboard.model());
    if (!dashboard.emptyExplanation().empty()) screens.resize(1); // every view says why there is nothing to see yet
    PictureModeScope pictureMode(dashboard);
    for (const PictureScreen& screen : screens) {
        if (screen.view == ui::Dashboard::View::Item)
            dashboard.selectItem(screen.item);
        else
            dashboard.setView(screen.view);
        if (!writeScreen(window, dashboard, screen.name, width, maxSide, directory, set)) break;
    }
    return set;
}

} // namespace alignkiosk::platform
