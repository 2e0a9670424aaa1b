// The modules the station stopped using because one of its calls into them never returned (a crash while drawing a
// page, say). Kept in the store's settings, so neither the restarted station nor the next start loads them again until
// the facilitator allows it. What is kept is about the kiosk's modules: nothing about a participant or an answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::core {

class AnswerStore;

struct QuarantinedModule {
    std::string moduleId;
    std::string signal; // how the station died: "SIGSEGV"
    std::string call;   // the plugin ABI function that never returned ("draw_page"), or empty if not known

    bool operator==(const QuarantinedModule&) const = default;
};

// The store setting that holds the list.
constexpr const char* kQuarantineSettingKey = "quarantined_modules";

// One line per module: id, signal and call separated by tabs. parse skips lines it cannot read (no id) and keeps the
// first of two lines with the same id.
std::string formatQuarantine(const std::vector<QuarantinedModule>& modules);
std::vector<QuarantinedModule> parseQuarantine(std::string_view text);

// The list in `store` (empty when none was kept). Throws StoreError when the store cannot be read.
std::vector<QuarantinedModule> loadQuarantine(const AnswerStore& store);
// Adds `module`, replacing an entry with the same id; returns once it is on disk. Throws StoreError.
void addToQuarantine(AnswerStore& store, const QuarantinedModule& module);
// Removes the module (the facilitator allows it again); nothing happens when it is not listed. Throws StoreError.
void releaseFromQuarantine(AnswerStore& store, const std::string& moduleId);

} // namespace alignkiosk::core
