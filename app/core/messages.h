// The program's own words in the survey's language: a catalog of ICU MessageFormat patterns keyed by stable ids
// (assets/strings/<language>.json; English compiled in, the other languages read at start so a translator needs no
// compiler), with English behind every language so a missing message still says something. Plurals, numbers and dates go through ICU (Debian's
// libicu72), never hand-rolled rules: "{count, plural, one {# answer} other {# answers}}", "{mean, number}".
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace alignkiosk::core {

// One named argument of a message: a whole number (plurals), a decimal, or a text.
using MessageValue = std::variant<int64_t, double, std::string>;
using MessageArgs = std::vector<std::pair<std::string, MessageValue>>;

// `pattern` (ICU MessageFormat, named arguments) filled in for `language` (BCP 47). A pattern ICU refuses comes back
// as it is, so a broken translation shows its words rather than nothing.
std::string formatMessage(const std::string& language, std::string_view pattern, const MessageArgs& args = {});

// Every argument name a pattern uses, nested ones included, sorted and once each ("{n, plural, one {# in {team}}
// other {# in {team}}} {when}" -> n, team, when); an empty list for a pattern ICU refuses, with `ok` false.
std::vector<std::string> messageArguments(std::string_view pattern, bool* ok = nullptr);

// A number as the language writes it, with exactly `fractionDigits` decimals ("de": 1.234,5).
std::string formatNumber(const std::string& language, double value, int fractionDigits);

// A calendar day as the language writes it in full ("en": March 5, 2026; "de": 5. März 2026).
std::string formatDate(const std::string& language, int year, int month, int day);

class Messages {
public:
    // English only, from `english` (id -> pattern); english() is the built-in catalog.
    explicit Messages(std::map<std::string, std::string> english = {});
    // `language`'s patterns over English ones: an id the language lacks says it in English.
    Messages(std::string language, std::map<std::string, std::string> english,
             std::map<std::string, std::string> translated);

    // The English catalog built into the program (assets/strings/en.json at build time).
    static Messages english();
    // English with assetDir/strings/<language>.json over it ("de-CH": de-CH.json, else de.json). A missing or broken
    // file leaves the English words and says why in `warning`.
    static Messages load(const std::filesystem::path& assetDir, const std::string& language, std::string& warning);

    const std::string& language() const { return m_language; }
    // The pattern for `id`: the language's, else English, else the id itself (a test checks that never happens).
    std::string pattern(std::string_view id) const;
    // Whether the catalog holds `id` (in the language or in English).
    bool has(std::string_view id) const { return m_patterns.find(id) != m_patterns.end(); }
    // The message for `id` with its arguments filled in.
    std::string text(std::string_view id, const MessageArgs& args = {}) const;
    std::string number(double value, int fractionDigits) const { return formatNumber(m_language, value, fractionDigits); }
    std::string date(int year, int month, int day) const { return formatDate(m_language, year, month, day); }

private:
    std::string m_language = "en";
    std::map<std::string, std::string, std::less<>> m_patterns; // English, overlaid by the language
};

} // namespace alignkiosk::core
