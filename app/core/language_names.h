// The languages a survey may be written in, and each one's name in itself ("Deutsch", "Français") for the attract
// screen's language buttons. Limited to languages whose names and letters the kiosk's font covers (theme.cpp: Latin
// with its supplements), so a language a survey names can always be shown.
#pragma once

#include <string>
#include <string_view>

namespace alignkiosk::core {

// Whether the tag's language (the part before any '-': "de" of "de-CH") is one the kiosk knows.
bool isKnownLanguage(std::string_view tag);

// The language's name in itself ("English", "Deutsch", "Français"), from the tag's language part; the tag itself
// when the language is not known.
std::string languageName(std::string_view tag);

// A few known codes for messages: "\"en\", \"de\", \"fr\"".
const char* knownLanguageExamples();

} // namespace alignkiosk::core
