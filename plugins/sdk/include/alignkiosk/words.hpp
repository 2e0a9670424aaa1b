// alignkiosk/words.hpp: a module's own words (its panel's headings and notes, its page hints, its findings) in the
// languages it ships, compiled into the plugin: a plugin reads no files (see plugin_abi.h), so its catalog is a table
// in its own folder. Header-only; ImGui not needed.
//
//     constexpr sdk::Phrase kNoAnswers{"no answers", "keine Antworten", "aucune réponse"};
//     constexpr sdk::Phrase kShare{"{count} of {total}", "{count} von {total}", "{count} sur {total}"};
//     m_words.setLanguage(step.language());                 // in the constructor, from the content
//     bool setLanguage(std::string_view l) override { return m_words.setLanguage(l); } // ALIGNKIOSK_LANGUAGE_V1_ID
//     touch::wrappedText(m_words(kNoAnswers));
//     touch::wrappedText(m_words.fill(kShare, {{"count", "3"}, {"total", "8"}}));
#pragma once

#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace alignkiosk::sdk {

// One phrase in English (required: every other language falls back to it), German and French. `{name}` marks an
// argument Words::fill replaces. A phrase whose translation is missing (nullptr) says it in English.
struct Phrase {
    const char* en;
    const char* de = nullptr;
    const char* fr = nullptr;
};

class Words {
public:
    explicit Words(std::string_view language = "en") { setLanguage(language); }

    // The language (BCP 47: "de", "fr-CA", "de_CH") by its primary subtag. Returns whether the phrases have it;
    // any other language reads English.
    bool setLanguage(std::string_view language) {
        std::string primary;
        for (const char c : language) {
            if (c == '-' || c == '_') break;
            primary.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        m_column = primary == "de" ? Column::German : primary == "fr" ? Column::French : Column::English;
        return m_column != Column::English || primary == "en";
    }
    // "en", "de" or "fr": the language the phrases are read in.
    const char* language() const {
        return m_column == Column::German ? "de" : m_column == Column::French ? "fr" : "en";
    }

    const char* operator()(const Phrase& phrase) const {
        const char* text = m_column == Column::German ? phrase.de : m_column == Column::French ? phrase.fr : nullptr;
        return text ? text : phrase.en;
    }

    // The phrase with every {name} replaced by its value. Written here rather than taken from ICU: a module depends on
    // the SDK alone, and its phrases need no plural or number rules beyond what Words::number/percent give.
    std::string fill(const Phrase& phrase, std::initializer_list<std::pair<std::string_view, std::string>> args) const {
        std::string text = (*this)(phrase);
        for (const auto& [name, value] : args) {
            const std::string placeholder = "{" + std::string(name) + "}";
            for (std::size_t at = text.find(placeholder); at != std::string::npos;
                 at = text.find(placeholder, at + value.size()))
                text.replace(at, placeholder.size(), value);
        }
        return text;
    }

    // A number with `decimals` decimals and the language's decimal mark ("3.5", "3,5"); no grouping, as a panel's
    // numbers are small. A percentage as the language writes it: "40%", "40 %" (German and French put a space,
    // U+202F narrow no-break, between the number and the sign).
    std::string number(double value, int decimals) const {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals < 0 ? 0 : decimals, value);
        std::string text = buffer;
        if (m_column != Column::English)
            for (char& c : text)
                if (c == '.') c = ',';
        return text;
    }
    std::string percent(int value) const {
        return std::to_string(value) + (m_column == Column::English ? "%" : "\u202F%");
    }

private:
    enum class Column { English, German, French };
    Column m_column = Column::English;
};

} // namespace alignkiosk::sdk
