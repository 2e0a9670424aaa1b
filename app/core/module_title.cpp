#include "core/module_title.h"

namespace alignkiosk::core {

std::string moduleTitle(const std::string& moduleId) {
    std::string title = moduleId;
    for (char& c : title)
        if (c == '_' || c == '-') c = ' ';
    if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 'a' + 'A');
    return title;
}

std::string moduleTitle(const std::string& moduleId, const Messages& messages) {
    const std::string id = "module_" + moduleId;
    return messages.has(id) ? messages.text(id) : moduleTitle(moduleId);
}

} // namespace alignkiosk::core
