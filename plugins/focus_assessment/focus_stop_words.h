// Stop words: words too common in a language to tell what a goal sentence is about. Kept apart from the key-word logic
// so a language can be added without touching it. No ImGui.
#pragma once

#include <string_view>

namespace alignkiosk::plugins::focus_assessment {

// True when `word` (lower-case) is a stop word of `language` (a BCP 47 tag; "en", "en-GB", "und" and "" use the
// English list). A language without a list has no stop words.
bool isStopWord(std::string_view word, std::string_view language);

// Whether `language` is English: "en", "en-..." or, while the kiosk only validates, "und" (or an empty tag).
bool isEnglish(std::string_view language);

// Whether `language` has a stop-word list (the panel says so when it has none).
bool hasStopWords(std::string_view language);

// The list's own check: binary search needs it sorted.
bool stopWordsAreSorted();

} // namespace alignkiosk::plugins::focus_assessment
