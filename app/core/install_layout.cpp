#include "install_layout.h"

#include <algorithm>
#include <system_error>
#include <vector>

namespace alignkiosk::core {

InstallLayout InstallLayout::forExecutable(const std::filesystem::path& executable) {
    std::filesystem::path program = executable;
    if (program.empty()) {
        std::error_code error;
        program = std::filesystem::read_symlink("/proc/self/exe", error);
    }
    // <prefix>/bin/alignkiosk -> <prefix>
    const std::filesystem::path prefix = program.parent_path().parent_path();
    InstallLayout layout;
    layout.pluginDir = prefix / ALIGNKIOSK_PLUGIN_SUBDIR;
    layout.surveyDir = prefix / ALIGNKIOSK_DATA_SUBDIR / "surveys";
    layout.assetDir = prefix / ALIGNKIOSK_DATA_SUBDIR / "assets";
    return layout;
}

std::filesystem::path InstallLayout::defaultSurveyFile() const {
    std::error_code error;
    const std::filesystem::path preferred = surveyDir / "mission-alignment-workshop.json";
    if (std::filesystem::is_regular_file(preferred, error)) return preferred;
    std::vector<std::filesystem::path> surveys;
    for (const auto& entry : std::filesystem::directory_iterator(surveyDir, error))
        if (entry.is_regular_file(error) && entry.path().extension() == ".json") surveys.push_back(entry.path());
    if (surveys.empty()) return {};
    return *std::min_element(surveys.begin(), surveys.end());
}

} // namespace alignkiosk::core
