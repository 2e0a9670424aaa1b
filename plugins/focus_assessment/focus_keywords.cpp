#include "focus_keywords.h"

#include "focus_stop_words.h"

#include <algorithm>
#include <map>

namespace alignkiosk::plugins::focus_assessment {

namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// One code point of UTF-8 at `at`, and how many bytes it took; kInvalid (1 byte) for a malformed or overlong sequence,
// which then separates words rather than joining or splitting anything.
char32_t decode(std::string_view text, size_t at, size_t& length) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    length = 1;
    if (lead < 0x80) return lead;
    size_t extra = 0;
    char32_t codePoint = 0;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        codePoint = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        codePoint = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        codePoint = lead & 0x07u;
    } else {
        return kInvalid;
    }
    if (at + extra >= text.size()) return kInvalid; // cut short by the end of the text
    for (size_t i = 1; i <= extra; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return kInvalid;
        codePoint = (codePoint << 6) | (byte(at + i) & 0x3Fu);
    }
    static constexpr char32_t kSmallest[4] = {0, 0x80, 0x800, 0x10000};
    if (codePoint < kSmallest[extra] || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return kInvalid;
    length = extra + 1;
    return codePoint;
}

bool isAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

// Outside ASCII, everything is a letter except the blocks of spaces, punctuation and symbols a sentence is likely to
// hold: Latin-1's (U+0080-U+00BF, U+00D7, U+00F7), General Punctuation (U+2000-U+206F: dashes, quotes, ellipsis),
// currency, arrows and mathematical operators (U+20A0-U+22FF) and CJK punctuation (U+3000-U+303F).
bool isLetterOrDigit(char32_t c) {
    if (c == kInvalid) return false;
    if (c < 0x80) return isAsciiLetter(c) || (c >= '0' && c <= '9');
    if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x206F) return false;
    if (c >= 0x20A0 && c <= 0x22FF) return false;
    if (c >= 0x3000 && c <= 0x303F) return false;
    if (c == 0xFEFF) return false; // a byte order mark
    return true;
}

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The English singular of a regular plural: "companies" -> "company", "clients" -> "client"; words ending in "ss",
// "us" or "is" ("business", "focus", "analysis") are left alone. Only ASCII words are folded.
std::string singular(const std::string& word) {
    if (!std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return word;
    if (word.size() >= 5 && endsWith(word, "ies")) return word.substr(0, word.size() - 3) + "y";
    if (word.size() >= 4 && endsWith(word, "s") && !endsWith(word, "ss") && !endsWith(word, "us") &&
        !endsWith(word, "is") && !endsWith(word, "'s"))
        return word.substr(0, word.size() - 1);
    return word;
}

struct Token {
    std::string text;       // lower-case ASCII, apostrophes as '
    size_t characters = 0;  // code points, apostrophes included
    bool hasLetter = false;
};

// Turns a finished token into a key word, or nothing.
bool finish(Token token, std::string_view language, std::vector<KeyWord>& words) {
    if (token.text.empty()) return false;
    if (isStopWord(token.text, language)) return false; // "don't", "we're" before the possessive is cut
    if (endsWith(token.text, "'s")) {
        token.text.resize(token.text.size() - 2);
        token.characters -= 2;
    }
    if (!token.hasLetter || token.characters < kMinKeyWordLength) return false;
    if (isStopWord(token.text, language)) return false;
    KeyWord word;
    word.form = token.text;
    word.key = isEnglish(language) ? singular(token.text) : token.text;
    if (std::none_of(words.begin(), words.end(), [&](const KeyWord& other) { return other.key == word.key; }))
        words.push_back(std::move(word));
    return true;
}

} // namespace

std::vector<KeyWord> keyWords(std::string_view sentence, std::string_view language) {
    std::vector<KeyWord> words;
    Token token;
    size_t at = 0;
    while (at < sentence.size()) {
        size_t length = 1;
        const char32_t c = decode(sentence, at, length);
        if (isLetterOrDigit(c)) {
            if (c < 0x80) {
                const char ascii = static_cast<char>(c);
                token.text += isAsciiLetter(c) && ascii <= 'Z' ? static_cast<char>(ascii - 'A' + 'a') : ascii;
                token.hasLetter = token.hasLetter || isAsciiLetter(c);
            } else {
                token.text.append(sentence.substr(at, length));
                token.hasLetter = true;
            }
            ++token.characters;
        } else if (isApostrophe(c) && !token.text.empty() && token.text.back() != '\'') {
            // Inside a word only ("don't", "customer's"); an apostrophe used as a quote mark ends the word below.
            size_t nextLength = 1;
            const bool letterFollows =
                at + length < sentence.size() && isLetterOrDigit(decode(sentence, at + length, nextLength));
            if (letterFollows) {
                token.text += '\'';
                ++token.characters;
            } else {
                finish(std::move(token), language, words);
                token = Token{};
            }
        } else {
            finish(std::move(token), language, words);
            token = Token{};
        }
        at += length;
    }
    finish(std::move(token), language, words);
    return words;
}

GoalOverlap goalOverlap(const std::vector<std::string_view>& sentences, std::string_view language, size_t maxShared) {
    GoalOverlap overlap;
    std::vector<std::vector<std::string>> keys; // per sentence, sorted
    struct Usage {
        uint32_t participants = 0;
        std::map<std::string, uint32_t> forms;
    };
    std::map<std::string, Usage> usage;
    for (const std::string_view sentence : sentences) {
        if (sentence.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos) continue;
        keys.emplace_back();
        for (KeyWord& word : keyWords(sentence, language)) {
            Usage& used = usage[word.key];
            ++used.participants;
            ++used.forms[word.form];
            keys.back().push_back(std::move(word.key));
        }
        std::sort(keys.back().begin(), keys.back().end());
    }
    overlap.sentences = static_cast<uint32_t>(keys.size());

    for (const auto& [key, used] : usage) {
        if (used.participants < 2) continue;
        // The form most of them wrote; a tie goes to the shorter (usually the singular), then the alphabetical.
        const auto form = std::max_element(used.forms.begin(), used.forms.end(), [](const auto& a, const auto& b) {
            if (a.second != b.second) return a.second < b.second;
            if (a.first.size() != b.first.size()) return a.first.size() > b.first.size();
            return a.first > b.first;
        });
        overlap.shared.push_back(SharedWord{form->first, used.participants});
    }
    std::sort(overlap.shared.begin(), overlap.shared.end(), [](const SharedWord& a, const SharedWord& b) {
        if (a.participants != b.participants) return a.participants > b.participants;
        return a.word < b.word;
    });
    if (overlap.shared.size() > maxShared) overlap.shared.resize(maxShared);

    for (const std::vector<std::string>& sentence : keys)
        if (std::any_of(sentence.begin(), sentence.end(),
                        [&](const std::string& key) { return usage[key].participants >= 2; }))
            ++overlap.sentencesSharing;

    // Mean pairwise Jaccard similarity (see the header for the formula and its source), over the pairs of the first
    // kJaccardSample sentences: every pair up to there, a random sample beyond (the host hands the answers shuffled).
    const size_t sampled = std::min(keys.size(), kJaccardSample);
    if (sampled >= 2) {
        double sum = 0.0;
        uint64_t pairs = 0;
        for (size_t i = 0; i < sampled; ++i)
            for (size_t j = i + 1; j < sampled; ++j) {
                size_t common = 0;
                for (auto a = keys[i].begin(), b = keys[j].begin(); a != keys[i].end() && b != keys[j].end();) {
                    if (*a < *b) {
                        ++a;
                    } else if (*b < *a) {
                        ++b;
                    } else {
                        ++common;
                        ++a;
                        ++b;
                    }
                }
                const size_t together = keys[i].size() + keys[j].size() - common;
                if (together > 0) sum += static_cast<double>(common) / static_cast<double>(together);
                ++pairs;
            }
        overlap.meanJaccard = sum / static_cast<double>(pairs);
    }
    return overlap;
}

} // namespace alignkiosk::plugins::focus_assessment
