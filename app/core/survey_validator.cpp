// The schema check of a survey file: walks the positioned JSON tree (json_document.h) against the rules in
// surveys/README.md and the installed modules, and reports every problem as a Diagnostic with its line and column.
// Kept apart from reading the file (survey_loader.cpp) and from building the model (survey_archive.cpp) so the
// schema rules and their messages can be read and changed in one place.

#include "survey_validator.h"

#include "language_names.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

// Index
// [SECTION] Schema rules
// [SECTION] Messages
// [SECTION] Shape check: the positioned tree against the schema and the installed modules

namespace alignkiosk::core {

namespace {

// [SECTION] Schema rules ------------------------------------------------------------------------------------------
// surveys/README.md documents every rule here; change both together.

constexpr size_t kMaxIdLength = 64;
constexpr int64_t kMinScaleValue = -1000;
constexpr int64_t kMaxScaleValue = 1000;
constexpr int64_t kMaxScalePoints = 11;
constexpr int64_t kMaxAllocationTotal = 1000;
constexpr int64_t kMaxTextLength = 2000;
constexpr int64_t kMaxVersion = std::numeric_limits<uint32_t>::max();
constexpr size_t kMinOptions = 2;

struct FieldSpec {
    std::string_view name;
    bool required;
};

constexpr std::array<FieldSpec, 11> kSurveyFields{{{"id", true},
                                                   {"version", true},
                                                   {"language", false},
                                                   {"languages", false},
                                                   {"title", true},
                                                   {"intro", false},
                                                   {"teams", false},
                                                   {"anonymity", false},
                                                   {"kiosk", false},
                                                   {"scales", false},
                                                   {"steps", true}}};
constexpr std::array<FieldSpec, 2> kAnonymityFields{{{"min_group", false}, {"min_group_text", false}}};
// The smallest group a survey may allow on the dashboard is AnonymityThresholds::kFloor; the largest only keeps the
// number sane (no workshop is that big).
constexpr int64_t kMaxMinGroup = 100000;
constexpr std::array<FieldSpec, 3> kKioskFields{{{"idle_timeout", false}, {"still_there", false}, {"theme", false}}};
constexpr std::array<ThemeKind, 3> kAllThemes{ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast};
constexpr std::array<FieldSpec, 5> kStepFields{
    {{"id", true}, {"module", true}, {"title", true}, {"intro", false}, {"questions", true}}};
constexpr std::array<FieldSpec, 6> kQuestionCommonFields{{{"id", true},
                                                          {"kind", true},
                                                          {"prompt", true},
                                                          {"help", false},
                                                          {"required", false},
                                                          {"attributes", false}}};
constexpr std::array<FieldSpec, 3> kScaleFields{{{"min", true}, {"max", true}, {"labels", true}}};
constexpr std::array<FieldSpec, 2> kOptionFields{{{"id", true}, {"label", true}}};
constexpr std::array<FieldSpec, 2> kTeamFields{{{"id", true}, {"label", true}}};

constexpr std::array<FieldSpec, 1> kScaleQuestionFields{{{"scale", true}}};
constexpr std::array<FieldSpec, 1> kTextQuestionFields{{{"max_length", false}}};
constexpr std::array<FieldSpec, 1> kChoiceQuestionFields{{{"options", true}}};
constexpr std::array<FieldSpec, 2> kAllocationQuestionFields{{{"options", true}, {"total", false}}};

constexpr std::array<QuestionKind, 6> kAllKinds{QuestionKind::Scale,       QuestionKind::Text,
                                                 QuestionKind::Choice,      QuestionKind::MultiChoice,
                                                 QuestionKind::Allocation,  QuestionKind::Percent};

// The members only some kinds of question have.
std::span<const FieldSpec> kindFields(QuestionKind kind) {
    switch (kind) {
    case QuestionKind::Scale: return kScaleQuestionFields;
    case QuestionKind::Text: return kTextQuestionFields;
    case QuestionKind::Choice:
    case QuestionKind::MultiChoice: return kChoiceQuestionFields;
    case QuestionKind::Allocation: return kAllocationQuestionFields;
    case QuestionKind::Percent: return {};
    }
    return {};
}

uint32_t kindBit(QuestionKind kind) {
    return 1u << static_cast<uint32_t>(kind);
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos;
}

bool isIdCharacter(char c, bool first) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
    return !first && (c == '_' || c == '-');
}

bool isValidId(std::string_view id) {
    if (id.empty()) return false;
    for (size_t i = 0; i < id.size(); ++i)
        if (!isIdCharacter(id[i], i == 0)) return false;
    return true;
}

// "en", "de-CH", "pt-BR": a 2-3 letter language, then optional "-" parts of 1-8 letters or digits.
bool isLanguageTag(std::string_view tag) {
    const size_t dash = std::min(tag.find('-'), tag.size());
    if (dash < 2 || dash > 3) return false;
    for (size_t i = 0; i < dash; ++i)
        if (tag[i] < 'a' || tag[i] > 'z') return false;
    size_t partLength = 0;
    for (size_t i = dash; i < tag.size(); ++i) {
        const char c = tag[i];
        if (c == '-') {
            if (i != dash && partLength == 0) return false;
            partLength = 0;
            continue;
        }
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum || ++partLength > 8) return false;
    }
    return dash == tag.size() || partLength > 0;
}

// [SECTION] Messages ----------------------------------------------------------------------------------------------

// Text from the file as it may appear in a one-line message: control characters escaped, long text cut short
// (on a character boundary) so a hostile file cannot flood the terminal.
std::string excerpt(std::string_view text) {
    constexpr size_t kMaxShown = 60;
    std::string shown;
    size_t end = std::min(text.size(), kMaxShown);
    while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
    for (const char c : text.substr(0, end)) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            shown += "\\n";
        } else if (c == '\t') {
            shown += "\\t";
        } else if (byte < 0x20u || byte == 0x7Fu) {
            constexpr char kHex[] = "0123456789abcdef";
            shown += "\\u00";
            shown += kHex[byte >> 4];
            shown += kHex[byte & 0xFu];
        } else {
            shown += c;
        }
    }
    if (end < text.size()) shown += "...";
    return shown;
}

} // namespace

std::string detail::inQuotes(std::string_view text) {
    return "\"" + excerpt(text) + "\"";
}

namespace {

using detail::inQuotes;

std::string joinNames(std::span<const FieldSpec> a, std::span<const FieldSpec> b = {}) {
    std::string text;
    for (const auto fields : {a, b})
        for (const FieldSpec& field : fields) {
            if (!text.empty()) text += ", ";
            text += field.name;
        }
    return text;
}

std::string kindNames(uint32_t kindBits) {
    std::string text;
    for (QuestionKind kind : kAllKinds)
        if (kindBits & kindBit(kind)) {
            if (!text.empty()) text += ", ";
            text += questionKindName(kind);
        }
    return text.empty() ? std::string("none") : text;
}

// Edit distance, for "did you mean" hints on misspelt field names; the names are short.
size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string caseFolded(std::string_view text) {
    std::string folded(text);
    for (char& c : folded)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return folded;
}

std::string trimmed(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n\v\f");
    if (first == std::string_view::npos) return {};
    const size_t last = text.find_last_not_of(" \t\r\n\v\f");
    return std::string(text.substr(first, last - first + 1));
}

std::string at(SourceLocation location) {
    return std::to_string(location.line) + ":" + std::to_string(location.column);
}

// [SECTION] Shape check -------------------------------------------------------------------------------------------

class ShapeChecker {
public:
    ShapeChecker(const std::string& file, const ModuleCatalog& modules, std::vector<Diagnostic>& diagnostics)
        : m_file(file), m_modules(modules), m_diagnostics(diagnostics) {}

    void checkSurvey(const JsonValue& root) {
        checkNoNulCharacters(root);
        if (!root.isObject()) {
            report(root.location, std::string("a survey file holds one JSON object {...}, found ") +
                                      describeJsonType(root.type));
            return;
        }
        checkMembers(root, kSurveyFields, {}, "the survey");
        if (const JsonValue* id = root.find("id")) checkId(*id, "id");
        if (const JsonValue* version = root.find("version")) {
            if (const auto number = integerOf(*version, "version")) {
                if (*number < 1)
                    report(version->location, "\"version\" must be 1 or higher, found " + excerpt(version->text));
                else if (*number > kMaxVersion)
                    report(version->location, "\"version\" is too large, found " + excerpt(version->text));
            }
        }
        checkLanguages(root);
        if (const JsonValue* title = root.find("title")) checkText(*title, "title");
        if (const JsonValue* intro = root.find("intro")) checkWording(*intro, "intro", Blank::Allowed);
        if (const JsonValue* teams = root.find("teams")) checkTeams(*teams);
        if (const JsonValue* anonymity = root.find("anonymity")) checkAnonymity(*anonymity);
        if (const JsonValue* kiosk = root.find("kiosk")) checkKiosk(*kiosk);
        if (const JsonValue* scales = root.find("scales")) checkNamedScales(*scales);
        if (const JsonValue* steps = root.find("steps"); steps && expect(*steps, JsonType::Array, "steps")) {
            if (steps->items.empty())
                report(steps->location, "the survey has no steps; \"steps\" needs at least one step");
            std::map<std::string, SourceLocation> stepIds;
            for (const JsonValue& step : steps->items) checkStep(step, stepIds);
        }
    }

private:
    void report(SourceLocation location, std::string message) {
        m_diagnostics.push_back(Diagnostic{m_file, location, std::move(message)});
    }

    // \u0000 would survive our reader but cut strings short in cereal's; refuse it everywhere.
    void checkNoNulCharacters(const JsonValue& value) {
        if (value.isString() && value.text.find('\0') != std::string::npos)
            report(value.location, "text must not contain the character \\u0000");
        for (const JsonValue& item : value.items) checkNoNulCharacters(item);
        for (const JsonMember& member : value.members) {
            if (member.key.find('\0') != std::string::npos)
                report(member.keyLocation, "a field name must not contain the character \\u0000");
            checkNoNulCharacters(member.value);
        }
    }

    bool expect(const JsonValue& value, JsonType type, std::string_view field) {
        if (value.type == type) return true;
        report(value.location, inQuotes(field) + ": expected " + describeJsonType(type) + ", found " +
                                   describeJsonType(value.type));
        return false;
    }

    // An integer, or nothing after reporting why not. Integers too large for 64 bits saturate so range checks fail.
    std::optional<int64_t> integerOf(const JsonValue& value, std::string_view field) {
        if (!expect(value, JsonType::Number, field)) return std::nullopt;
        if (value.isInteger) return value.integer;
        if (value.text.find_first_of(".eE") == std::string::npos)
            return value.number < 0 ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
        report(value.location, inQuotes(field) + ": expected a whole number, found " + excerpt(value.text));
        return std::nullopt;
    }

    // "language": "de", or "languages": ["en", "de", "fr"] (the default first); m_languages holds the usable ones.
    void checkLanguages(const JsonValue& root) {
        const JsonValue* language = root.find("language");
        const JsonValue* languages = root.find("languages");
        if (language && languages)
            report(languages->location, "give either \"language\" (one) or \"languages\" (several), not both");
        if (language && expect(*language, JsonType::String, "language") && checkLanguageTag(*language, "language"))
            m_languages = {language->text};
        if (!languages || !expect(*languages, JsonType::Array, "languages")) return;
        if (languages->items.empty())
            report(languages->location, "\"languages\" needs at least one language, the default first");
        m_languages.clear();
        std::map<std::string, SourceLocation> seen;
        for (const JsonValue& tag : languages->items) {
            if (!expect(tag, JsonType::String, "languages") || !checkLanguageTag(tag, "languages")) continue;
            checkUnique(seen, tag.text, tag.text, tag.location, "language");
            if (std::find(m_languages.begin(), m_languages.end(), tag.text) == m_languages.end())
                m_languages.push_back(tag.text);
        }
        if (m_languages.empty()) m_languages = {"en"};
    }

    bool checkLanguageTag(const JsonValue& tag, std::string_view field) {
        if (!isLanguageTag(tag.text)) {
            report(tag.location, inQuotes(field) + " must be a language tag such as \"en\" or \"de-CH\", found " +
                                     inQuotes(tag.text));
            return false;
        }
        if (!isKnownLanguage(tag.text)) {
            report(tag.location, "unknown language code " + inQuotes(tag.text) + "; use a language code such as " +
                                     knownLanguageExamples());
            return false;
        }
        return true;
    }

    std::string languageList() const {
        std::string text;
        for (const std::string& language : m_languages) text += (text.empty() ? "" : ", ") + language;
        return text;
    }

    enum class Blank { Allowed, Refused };
    // A text participants see in one language (a string) or in several ({"en": ..., "de": ...}). An object gives
    // every language of the survey and no other. In a survey of several languages, a plain string is reported
    // unless `oneLanguage` allows it (attributes, which are often ids rather than words) or it is empty.
    void checkWording(const JsonValue& value, std::string_view field, Blank blank, bool oneLanguage = false,
                      std::string_view blankMessage = {}) {
        const auto refuseBlank = [&](const JsonValue& text) {
            if (blank == Blank::Refused && isBlank(text.text))
                report(text.location, blankMessage.empty() ? inQuotes(field) + " must not be empty or only spaces"
                                                           : std::string(blankMessage));
        };
        if (value.isString()) {
            refuseBlank(value);
            if (m_languages.size() > 1 && !oneLanguage && !isBlank(value.text))
                report(value.location, inQuotes(field) + " is in one language only; give it in each of the "
                                       "survey's languages as {\"" + m_languages.front() + "\": \"...\", ...} (" +
                                       languageList() + ")");
            return;
        }
        if (!value.isObject()) {
            expect(value, JsonType::String, field); // or an object: the message names the common case
            return;
        }
        std::map<std::string, SourceLocation> seen;
        for (const JsonMember& member : value.members) {
            checkUnique(seen, member.key, member.key, member.keyLocation, "language");
            if (std::find(m_languages.begin(), m_languages.end(), member.key) == m_languages.end()) {
                const std::string known = isKnownLanguage(member.key) && isLanguageTag(member.key)
                                              ? "language " + inQuotes(member.key) + " is not one of the survey's"
                                              : "unknown language code " + inQuotes(member.key);
                report(member.keyLocation, known + " in " + inQuotes(field) + "; the survey's languages are: " +
                                               languageList());
            }
            if (expect(member.value, JsonType::String, field)) refuseBlank(member.value);
        }
        for (const std::string& language : m_languages)
            if (!value.findMember(language))
                report(value.location, inQuotes(field) + " has no text in " + inQuotes(language) + " (" +
                                           languageName(language) + "); the survey's languages are: " +
                                           languageList());
    }

    void checkText(const JsonValue& value, std::string_view field) { checkWording(value, field, Blank::Refused); }

    bool checkId(const JsonValue& value, std::string_view field) {
        if (!expect(value, JsonType::String, field)) return false;
        return checkIdText(value.text, value.location, inQuotes(field));
    }

    bool checkIdText(const std::string& id, SourceLocation location, const std::string& what) {
        if (!isValidId(id)) {
            report(location, what + " must use only lowercase letters a-z, digits, \"_\" and \"-\", and start "
                                    "with a letter or digit; found " + inQuotes(id));
            return false;
        }
        if (id.size() > kMaxIdLength) {
            report(location, what + " is longer than " + std::to_string(kMaxIdLength) + " characters");
            return false;
        }
        return true;
    }

    // Reports a second use of the same id, pointing back to the first.
    void checkUnique(std::map<std::string, SourceLocation>& seen, const std::string& key, const std::string& shown,
                     SourceLocation location, std::string_view what) {
        const auto [existing, inserted] = seen.emplace(key, location);
        if (!inserted)
            report(location, "duplicate " + std::string(what) + " " + inQuotes(shown) + " (first used at " +
                                 at(existing->second) + ")");
    }

    // "question "x"" when the object has a usable id, else just the noun.
    static std::string nameOf(const JsonValue& object, std::string_view noun) {
        const JsonValue* id = object.find("id");
        if (id && id->isString() && isValidId(id->text)) return std::string(noun) + " " + inQuotes(id->text);
        return std::string(noun);
    }

    // The closest allowed name, if it is close enough to be a slip: a third of its letters or fewer (at least one).
    static std::string suggestion(std::string_view key, std::span<const FieldSpec> a, std::span<const FieldSpec> b) {
        if (key.size() > 32) return {}; // no field name is near; and edit distance costs length squared
        std::string_view best;
        size_t bestDistance = SIZE_MAX;
        const std::string folded = caseFolded(key);
        for (const auto fields : {a, b})
            for (const FieldSpec& field : fields) {
                const size_t distance = editDistance(folded, field.name);
                if (distance <= std::max<size_t>(1, field.name.size() / 3) && distance < bestDistance) {
                    bestDistance = distance;
                    best = field.name;
                }
            }
        return best.empty() ? std::string() : "did you mean " + inQuotes(best) + "? ";
    }

    // Duplicate, unknown and missing members. `extra` are the members of a question's kind; `otherKinds` are members
    // that belong to some other kind of question (reported as not applying rather than unknown).
    void checkMembers(const JsonValue& object, std::span<const FieldSpec> fields, std::span<const FieldSpec> extra,
                      std::string_view what, std::span<const FieldSpec> otherKinds = {},
                      std::string_view kindName = {}) {
        std::map<std::string, SourceLocation> seen;
        const auto allowed = [&](std::string_view key) {
            for (const auto list : {fields, extra})
                for (const FieldSpec& field : list)
                    if (field.name == key) return true;
            return false;
        };
        for (const JsonMember& member : object.members) {
            checkUnique(seen, member.key, member.key, member.keyLocation, "field");
            if (allowed(member.key)) continue;
            const bool otherKind = std::any_of(otherKinds.begin(), otherKinds.end(),
                                               [&](const FieldSpec& field) { return field.name == member.key; });
            if (otherKind)
                report(member.keyLocation, inQuotes(member.key) + " does not apply to a " + std::string(kindName) +
                                               " question; fields allowed here: " + joinNames(fields, extra));
            else
                report(member.keyLocation, "unknown field " + inQuotes(member.key) + " in " + nameOf(object, what) +
                                               "; " + suggestion(member.key, fields, extra) +
                                               "fields allowed here: " + joinNames(fields, extra));
        }
        for (const auto list : {fields, extra})
            for (const FieldSpec& field : list)
                if (field.required && !object.findMember(field.name))
                    report(object.location,
                           nameOf(object, what) + " is missing the required field " + inQuotes(field.name));
    }

    void checkTeams(const JsonValue& teams) {
        if (!expect(teams, JsonType::Array, "teams")) return;
        std::map<std::string, SourceLocation> seen;
        for (const JsonValue& team : teams.items) {
            if (team.isObject()) {
                // {"id": "sales", "label": {"en": "Sales", "de": "Vertrieb"}}: answers store the id.
                checkMembers(team, kTeamFields, {}, "team");
                if (const JsonValue* id = team.find("id"); id && checkId(*id, "id"))
                    checkUnique(seen, id->text, id->text, id->location, "team");
                if (const JsonValue* label = team.find("label")) checkText(*label, "label");
                continue;
            }
            if (!team.isString()) {
                report(team.location, std::string("\"teams\": expected a team name (a string) or a team "
                                                  "{\"id\", \"label\"}, found ") + describeJsonType(team.type));
                continue;
            }
            if (isBlank(team.text)) {
                report(team.location, "a team name must not be empty or only spaces");
                continue;
            }
            // "Sales" and " sales" would split one team's answers in two.
            checkUnique(seen, caseFolded(trimmed(team.text)), team.text, team.location, "team");
            if (m_languages.size() > 1)
                report(team.location, "team " + inQuotes(team.text) + " is in one language only; give it as "
                                      "{\"id\": \"...\", \"label\": {\"" + m_languages.front() +
                                      "\": \"...\", ...}} (" + languageList() + ")");
        }
    }

    // Group sizes below kFloor could single a person out, whatever the facilitator wants.
    void checkAnonymity(const JsonValue& anonymity) {
        if (!expect(anonymity, JsonType::Object, "anonymity")) return;
        checkMembers(anonymity, kAnonymityFields, {}, "\"anonymity\"");
        for (const FieldSpec& field : kAnonymityFields) {
            const JsonValue* value = anonymity.find(field.name);
            if (!value) continue;
            const auto number = integerOf(*value, field.name);
            if (number && *number < AnonymityThresholds::kFloor)
                report(value->location, inQuotes(field.name) + " must be at least " +
                                            std::to_string(AnonymityThresholds::kFloor) +
                                            " so no group is small enough to single a person out, found " +
                                            excerpt(value->text));
            else if (number && *number > kMaxMinGroup)
                report(value->location, inQuotes(field.name) + " must be at most " + std::to_string(kMaxMinGroup) +
                                            ", found " + excerpt(value->text));
        }
    }

    void checkKiosk(const JsonValue& kiosk) {
        if (!expect(kiosk, JsonType::Object, "kiosk")) return;
        checkMembers(kiosk, kKioskFields, {}, "\"kiosk\"");
        if (const JsonValue* idle = kiosk.find("idle_timeout"))
            checkRange(*idle, "idle_timeout", KioskSettings::kMinIdleSeconds, KioskSettings::kMaxIdleSeconds);
        if (const JsonValue* stillThere = kiosk.find("still_there"))
            checkRange(*stillThere, "still_there", KioskSettings::kMinStillThereSeconds,
                       KioskSettings::kMaxStillThereSeconds);
        if (const JsonValue* theme = kiosk.find("theme"); theme && expect(*theme, JsonType::String, "theme")) {
            if (themeKindFromName(theme->text)) return;
            std::string names;
            for (ThemeKind kind : kAllThemes) names += (names.empty() ? "" : ", ") + inQuotes(themeKindName(kind));
            // "High-Contrast" for "high_contrast": the command line's spelling, or a capital.
            std::string folded = caseFolded(theme->text);
            std::replace(folded.begin(), folded.end(), '-', '_');
            const std::string hint =
                themeKindFromName(folded) ? "did you mean " + inQuotes(folded) + "? " : std::string();
            report(theme->location, "unknown theme " + inQuotes(theme->text) + "; " + hint + "use one of: " + names);
        }
    }

    void checkNamedScales(const JsonValue& scales) {
        if (!expect(scales, JsonType::Object, "scales")) return;
        std::map<std::string, SourceLocation> seen;
        for (const JsonMember& member : scales.members) {
            checkUnique(seen, member.key, member.key, member.keyLocation, "scale name");
            checkIdText(member.key, member.keyLocation, "scale name " + inQuotes(member.key));
            m_scaleNames.push_back(member.key);
            checkScale(member.value, "scale " + inQuotes(member.key));
        }
    }

    // A scale: whole numbers min..max, at most 11 points, one non-empty label per point.
    void checkScale(const JsonValue& scale, const std::string& what) {
        if (!expect(scale, JsonType::Object, "scale")) return;
        checkMembers(scale, kScaleFields, {}, what);
        const auto bound = [&](const char* field) -> std::optional<int64_t> {
            const JsonValue* value = scale.find(field);
            if (!value) return std::nullopt;
            const auto number = integerOf(*value, field);
            if (number && (*number < kMinScaleValue || *number > kMaxScaleValue)) {
                report(value->location, inQuotes(field) + " must be from " + std::to_string(kMinScaleValue) + " to " +
                                            std::to_string(kMaxScaleValue) + ", found " + excerpt(value->text));
                return std::nullopt;
            }
            return number;
        };
        const auto min = bound("min");
        const auto max = bound("max");
        std::optional<int64_t> points;
        if (min && max) {
            const JsonValue& maxValue = *scale.find("max");
            if (*min >= *max)
                report(maxValue.location, "\"max\" (" + std::to_string(*max) + ") must be greater than \"min\" (" +
                                              std::to_string(*min) + ")");
            else if (*max - *min + 1 > kMaxScalePoints)
                report(maxValue.location, "a scale has at most " + std::to_string(kMaxScalePoints) +
                                              " points; min " + std::to_string(*min) + " to max " +
                                              std::to_string(*max) + " makes " + std::to_string(*max - *min + 1));
            else
                points = *max - *min + 1;
        }
        const JsonValue* labels = scale.find("labels");
        if (!labels || !expect(*labels, JsonType::Array, "labels")) return;
        for (const JsonValue& label : labels->items)
            checkWording(label, "labels", Blank::Refused, false, "a scale label must not be empty or only spaces");
        if (points && labels->items.size() != static_cast<size_t>(*points))
            report(labels->location, "the scale has " + std::to_string(*points) + " points (" +
                                         std::to_string(*min) + " to " + std::to_string(*max) + ") but " +
                                         std::to_string(labels->items.size()) +
                                         " labels; give exactly one label per point");
    }

    void checkStep(const JsonValue& step, std::map<std::string, SourceLocation>& stepIds) {
        if (!step.isObject()) {
            report(step.location, std::string("a step is a JSON object {...}, found ") + describeJsonType(step.type));
            return;
        }
        checkMembers(step, kStepFields, {}, "step");
        if (const JsonValue* id = step.find("id"); id && checkId(*id, "id"))
            checkUnique(stepIds, id->text, id->text, id->location, "step id");

        std::optional<std::string> moduleId;
        if (const JsonValue* module = step.find("module"); module && expect(*module, JsonType::String, "module")) {
            if (m_modules.hasModule(module->text))
                moduleId = module->text;
            else
                report(module->location, "unknown module " + inQuotes(module->text) +
                                             "; is the plugin that provides it installed?");
        }
        if (const JsonValue* title = step.find("title")) checkText(*title, "title");
        if (const JsonValue* intro = step.find("intro")) checkWording(*intro, "intro", Blank::Allowed);

        const JsonValue* questions = step.find("questions");
        if (!questions || !expect(*questions, JsonType::Array, "questions")) return;
        if (questions->items.empty())
            report(questions->location, nameOf(step, "step") + " has no questions; add at least one");
        std::map<std::string, SourceLocation> questionIds;
        for (const JsonValue& question : questions->items) checkQuestion(question, moduleId, questionIds);
    }

    void checkQuestion(const JsonValue& question, const std::optional<std::string>& moduleId,
                       std::map<std::string, SourceLocation>& questionIds) {
        if (!question.isObject()) {
            report(question.location,
                   std::string("a question is a JSON object {...}, found ") + describeJsonType(question.type));
            return;
        }

        std::optional<QuestionKind> kind;
        if (const JsonValue* kindValue = question.find("kind");
            kindValue && expect(*kindValue, JsonType::String, "kind")) {
            kind = questionKindFromName(kindValue->text);
            if (!kind) {
                report(kindValue->location,
                       "unknown question kind " + inQuotes(kindValue->text) + "; use one of: " + kindNames(~0u));
            } else if (moduleId && !(m_modules.acceptedKinds(*moduleId) & kindBit(*kind))) {
                report(kindValue->location, "module " + inQuotes(*moduleId) + " does not accept " +
                                                inQuotes(kindValue->text) + " questions; it accepts: " +
                                                kindNames(m_modules.acceptedKinds(*moduleId)));
            }
        }

        // Members of a kind we cannot tell are not judged; members of other kinds do not apply.
        const auto listed = [](std::span<const FieldSpec> fields, std::string_view name) {
            return std::any_of(fields.begin(), fields.end(),
                               [&](const FieldSpec& field) { return field.name == name; });
        };
        std::vector<FieldSpec> otherKinds;
        for (QuestionKind other : kAllKinds)
            for (const FieldSpec& field : kindFields(other))
                if (!(kind && listed(kindFields(*kind), field.name)) && !listed(otherKinds, field.name))
                    otherKinds.push_back(FieldSpec{field.name, false});
        if (kind)
            checkMembers(question, kQuestionCommonFields, kindFields(*kind), "question", otherKinds,
                         questionKindName(*kind));
        else
            checkMembers(question, kQuestionCommonFields, otherKinds, "question");

        if (const JsonValue* id = question.find("id"); id && checkId(*id, "id"))
            checkUnique(questionIds, id->text, id->text, id->location, "question id");
        if (const JsonValue* prompt = question.find("prompt")) checkText(*prompt, "prompt");
        if (const JsonValue* help = question.find("help")) checkWording(*help, "help", Blank::Allowed);
        if (const JsonValue* required = question.find("required")) expect(*required, JsonType::Boolean, "required");
        if (const JsonValue* attributes = question.find("attributes")) checkAttributes(*attributes);
        if (!kind) return;

        switch (*kind) {
        case QuestionKind::Scale:
            if (const JsonValue* scale = question.find("scale")) checkScaleReference(*scale);
            break;
        case QuestionKind::Text:
            if (const JsonValue* maxLength = question.find("max_length"))
                checkRange(*maxLength, "max_length", 1, kMaxTextLength);
            break;
        case QuestionKind::Choice:
        case QuestionKind::MultiChoice:
            if (const JsonValue* options = question.find("options")) checkOptions(*options, *kind);
            break;
        case QuestionKind::Allocation:
            if (const JsonValue* options = question.find("options")) checkOptions(*options, *kind);
            if (const JsonValue* total = question.find("total")) checkRange(*total, "total", 1, kMaxAllocationTotal);
            break;
        case QuestionKind::Percent: break;
        }
    }

    void checkRange(const JsonValue& value, std::string_view field, int64_t min, int64_t max) {
        const auto number = integerOf(value, field);
        if (number && (*number < min || *number > max))
            report(value.location, inQuotes(field) + " must be from " + std::to_string(min) + " to " +
                                       std::to_string(max) + ", found " + excerpt(value.text));
    }

    void checkAttributes(const JsonValue& attributes) {
        if (!expect(attributes, JsonType::Object, "attributes")) return;
        std::map<std::string, SourceLocation> seen;
        for (const JsonMember& member : attributes.members) {
            checkUnique(seen, member.key, member.key, member.keyLocation, "attribute");
            if (member.key.empty()) report(member.keyLocation, "an attribute name must not be empty");
            if (member.value.isObject())
                checkWording(member.value, member.key, Blank::Allowed, true);
            else if (!member.value.isString())
                report(member.value.location, "attribute " + inQuotes(member.key) + ": expected a string, found " +
                                                  describeJsonType(member.value.type));
        }
    }

    void checkScaleReference(const JsonValue& scale) {
        if (scale.isObject()) {
            checkScale(scale, "scale");
            return;
        }
        if (!scale.isString()) {
            report(scale.location, std::string("\"scale\": expected the name of a scale (a string) or a scale "
                                               "object {\"min\", \"max\", \"labels\"}, found ") +
                                       describeJsonType(scale.type));
            return;
        }
        if (std::find(m_scaleNames.begin(), m_scaleNames.end(), scale.text) != m_scaleNames.end()) return;
        std::string known;
        for (const std::string& name : m_scaleNames) known += (known.empty() ? "" : ", ") + name;
        report(scale.location, "unknown scale " + inQuotes(scale.text) +
                                   (known.empty() ? std::string("; the survey defines no scales under \"scales\"")
                                                  : "; the survey's \"scales\" are: " + known));
    }

    void checkOptions(const JsonValue& options, QuestionKind kind) {
        if (!expect(options, JsonType::Array, "options")) return;
        if (options.items.size() < kMinOptions)
            report(options.location, std::string("a ") + questionKindName(kind) + " question needs at least " +
                                         std::to_string(kMinOptions) + " options, found " +
                                         std::to_string(options.items.size()));
        std::map<std::string, SourceLocation> ids;
        for (const JsonValue& option : options.items) {
            if (!option.isObject()) {
                report(option.location, std::string("an option is a JSON object {\"id\", \"label\"}, found ") +
                                            describeJsonType(option.type));
                continue;
            }
            checkMembers(option, kOptionFields, {}, "option");
            if (const JsonValue* id = option.find("id"); id && checkId(*id, "id"))
                checkUnique(ids, id->text, id->text, id->location, "option id");
            if (const JsonValue* label = option.find("label")) checkText(*label, "label");
        }
    }

    const std::string& m_file;
    const ModuleCatalog& m_modules;
    std::vector<Diagnostic>& m_diagnostics;
    std::vector<std::string> m_scaleNames;
    std::vector<std::string> m_languages{"en"}; // the survey's, the default first
};

} // namespace

void validateSurvey(const JsonValue& root, const std::string& file, const ModuleCatalog& modules,
                    std::vector<Diagnostic>& diagnostics) {
    ShapeChecker(file, modules, diagnostics).checkSurvey(root);
}

} // namespace alignkiosk::core
