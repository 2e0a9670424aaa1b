// Where the program's plugins, surveys and assets live, found relative to the executable. The build tree mirrors the
// install tree (bin/, lib/alignkiosk/plugins/, share/alignkiosk/{surveys,assets}), so this works built or installed.
#pragma once

#include <filesystem>

namespace alignkiosk::core {

struct InstallLayout {
    std::filesystem::path pluginDir;
    std::filesystem::path surveyDir;
    std::filesystem::path assetDir;

    // The layout around the running executable (/proc/self/exe), or around `executable` when given.
    static InstallLayout forExecutable(const std::filesystem::path& executable = {});

    // The survey `alignkiosk run` starts without --survey: the workshop survey if bundled, else the first survey file
    // by name; empty when there is none.
    std::filesystem::path defaultSurveyFile() const;
};

} // namespace alignkiosk::core
