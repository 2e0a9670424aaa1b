#include "core/module_quarantine.h"

#include "core/answer_store.h"

#include <algorithm>

namespace alignkiosk::core {

namespace {

// Tabs and line breaks separate the fields; none may appear inside one.
std::string clean(std::string_view field) {
    std::string text(field);
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (;;) {
        const std::size_t at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos) return parts;
        text.remove_prefix(at + 1);
    }
}

} // namespace

std::string formatQuarantine(const std::vector<QuarantinedModule>& modules) {
    std::string text;
    for (const QuarantinedModule& module : modules) {
        if (module.moduleId.empty()) continue;
        text += clean(module.moduleId) + '\t' + clean(module.signal) + '\t' + clean(module.call) + '\n';
    }
    return text;
}

std::vector<QuarantinedModule> parseQuarantine(std::string_view text) {
    std::vector<QuarantinedModule> modules;
    for (const std::string_view line : split(text, '\n')) {
        const std::vector<std::string_view> fields = split(line, '\t');
        if (fields[0].empty()) continue;
        QuarantinedModule module{std::string(fields[0]), fields.size() > 1 ? std::string(fields[1]) : "",
                                 fields.size() > 2 ? std::string(fields[2]) : ""};
        const auto sameId = [&](const QuarantinedModule& other) { return other.moduleId == module.moduleId; };
        const bool known = std::any_of(modules.begin(), modules.end(), sameId);
        if (!known) modules.push_back(std::move(module));
    }
    return modules;
}

std::vector<QuarantinedModule> loadQuarantine(const AnswerStore& store) {
    return parseQuarantine(store.setting(kQuarantineSettingKey).value_or(""));
}

void addToQuarantine(AnswerStore& store, const QuarantinedModule& module) {
    std::vector<QuarantinedModule> modules = loadQuarantine(store);
    std::erase_if(modules, [&](const QuarantinedModule& other) { return other.moduleId == module.moduleId; });
    modules.push_back(module);
    store.setSetting(kQuarantineSettingKey, formatQuarantine(modules));
}

void releaseFromQuarantine(AnswerStore& store, const std::string& moduleId) {
    std::vector<QuarantinedModule> modules = loadQuarantine(store);
    const auto removed =
        std::erase_if(modules, [&](const QuarantinedModule& other) { return other.moduleId == moduleId; });
    if (removed > 0) store.setSetting(kQuarantineSettingKey, formatQuarantine(modules));
}

} // namespace alignkiosk::core
