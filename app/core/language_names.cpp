#include "language_names.h"

#include <algorithm>
#include <array>
#include <utility>

namespace alignkiosk::core {

namespace {

// ISO 639-1 codes and each language's own name (as it writes it at the start of a sentence).
constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kNames{{
    {"ca", "Català"},     {"cs", "Čeština"},        {"da", "Dansk"},      {"de", "Deutsch"},
    {"en", "English"},    {"es", "Español"},        {"et", "Eesti"},      {"eu", "Euskara"},
    {"fi", "Suomi"},      {"fr", "Français"},       {"ga", "Gaeilge"},    {"gl", "Galego"},
    {"hr", "Hrvatski"},   {"hu", "Magyar"},         {"is", "Íslenska"},   {"it", "Italiano"},
    {"lb", "Lëtzebuergesch"}, {"lt", "Lietuvių"},   {"lv", "Latviešu"},   {"mt", "Malti"},
    {"nb", "Norsk bokmål"}, {"nl", "Nederlands"},   {"nn", "Norsk nynorsk"}, {"no", "Norsk"},
    {"pl", "Polski"},     {"pt", "Português"},      {"rm", "Rumantsch"},  {"ro", "Română"},
    {"sk", "Slovenčina"}, {"sl", "Slovenščina"},    {"sq", "Shqip"},      {"sv", "Svenska"},
    {"sw", "Kiswahili"},  {"tr", "Türkçe"},
}};

std::string_view languagePart(std::string_view tag) {
    return tag.substr(0, std::min(tag.find('-'), tag.size()));
}

const std::string_view* nameOf(std::string_view tag) {
    const std::string_view language = languagePart(tag);
    for (const auto& [code, name] : kNames)
        if (code == language) return &name;
    return nullptr;
}

} // namespace

bool isKnownLanguage(std::string_view tag) {
    return nameOf(tag) != nullptr;
}

std::string languageName(std::string_view tag) {
    const std::string_view* name = nameOf(tag);
    return std::string(name ? *name : tag);
}

const char* knownLanguageExamples() {
    return "\"en\", \"de\", \"fr\", \"es\", \"it\", \"nl\"";
}

} // namespace alignkiosk::core
