#include "onscreen_keyboard_layout.h"

#include <algorithm>
#include <cctype>

namespace alignkiosk::ui::osk {

namespace {

// Each language's usual letter arrangement (QWERTY, German QWERTZ with ö beside l and ä ü at the end of the bottom
// row, French AZERTY, Spanish with ñ beside l) and the accented letters its open answers need. Only characters the
// theme's font ranges carry (Latin-1, Latin Extended-A). English's accents include the German ä and ß, so a German name
// can be typed on an English survey.
const LanguageKeys kEnglish{{U"qwertyuiop", U"asdfghjkl", U"zxcvbnm,."}, U"'", U"éèêëàâäçñöüïôûß"};
const LanguageKeys kGerman{{U"qwertzuiop", U"asdfghjklö", U"yxcvbnmäü"}, U",.", U"äöüßÄÖÜ"};
const LanguageKeys kFrench{{U"azertyuiop", U"qsdfghjklm", U"wxcvbn',."}, U"-", U"éèêëàâçôûùïœ"};
const LanguageKeys kSpanish{{U"qwertyuiop", U"asdfghjklñ", U"zxcvbnm,."}, U"-", U"áéíóúñü¿¡"};

KeySpec character(char32_t c) { return KeySpec{KeyKind::Character, c, 1.0f, false}; }
KeySpec key(KeyKind kind, float units) { return KeySpec{kind, 0, units, false}; }
KeySpec gap(float units) { return KeySpec{KeyKind::Character, 0, units, true}; }

void appendCharacters(Row& row, std::u32string_view characters) {
    for (const char32_t c : characters) row.push_back(character(c));
}

// Rows 0-2 share one frame on every layer, so Backspace, Enter and Shift never move under a finger:
// row 0: up to 10 one-unit keys, then Backspace filling the rest;
// row 1: up to 10 keys centred in the first 10 units (9 keys: half a unit either side), then Enter;
// row 2: Shift, then up to 9 keys.
Row topRow(std::u32string_view characters) {
    Row row;
    appendCharacters(row, characters);
    const float used = static_cast<float>(characters.size());
    if (used < 10.0f) row.push_back(gap(10.0f - used));
    row.push_back(key(KeyKind::Backspace, kRowUnits - std::max(used, 10.0f)));
    return row;
}

Row middleRow(std::u32string_view characters, bool centred) {
    Row row;
    const float count = static_cast<float>(characters.size());
    const float indent = centred ? std::max(0.0f, (10.0f - count) * 0.5f) : 0.5f;
    if (indent > 0.0f) row.push_back(gap(indent));
    appendCharacters(row, characters);
    const float used = indent + count;
    const float enterStart = std::max(used, count >= 10.0f ? 10.0f : 9.5f);
    if (enterStart > used) row.push_back(gap(enterStart - used));
    row.push_back(key(KeyKind::Enter, kRowUnits - enterStart));
    return row;
}

Row shiftRow(std::u32string_view characters, bool withShift) {
    Row row;
    const float count = static_cast<float>(characters.size());
    const float lead = kRowUnits - std::max(count, 9.0f);
    if (lead > 0.0f) row.push_back(withShift ? key(KeyKind::Shift, lead) : gap(lead));
    appendCharacters(row, characters);
    if (count < 9.0f) row.push_back(gap(9.0f - count));
    return row;
}

} // namespace

const LanguageKeys& languageKeys(std::string_view language) {
    // The primary subtag of the BCP 47 tag, lower case ("de-CH" -> "de").
    std::string primary;
    for (const char c : language) {
        if (c == '-' || c == '_') break;
        primary.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (primary == "de") return kGerman;
    if (primary == "fr") return kFrench;
    if (primary == "es") return kSpanish;
    return kEnglish;
}

std::vector<Row> layerRows(Layer layer, const LanguageKeys& keys) {
    std::vector<Row> rows;
    switch (layer) {
    case Layer::Letters: {
        rows.push_back(topRow(keys.letterRows[0]));
        rows.push_back(middleRow(keys.letterRows[1], true));
        rows.push_back(shiftRow(keys.letterRows[2], true));
        // One extra key after the space bar, or (German: comma and full stop, moved off the umlauts' row) one on
        // either side of a shorter one.
        Row bottom{key(KeyKind::Symbols, 1.5f), key(KeyKind::Accents, 1.5f)};
        const bool two = keys.extraKeys.size() >= 2;
        if (two) bottom.push_back(character(keys.extraKeys[0]));
        bottom.push_back(key(KeyKind::Space, two ? 4.0f : 5.0f));
        bottom.push_back(character(keys.extraKeys.empty() ? U'\'' : keys.extraKeys.back()));
        bottom.push_back(key(KeyKind::Done, 2.0f));
        rows.push_back(std::move(bottom));
        break;
    }
    case Layer::Symbols:
        // Shift has nothing to change here, so row 2 has room for 11 keys. No € (U+20AC): the theme's font ranges
        // lack it.
        rows.push_back(topRow(U"1234567890"));
        rows.push_back(middleRow(U"-/:;()&@\"", true));
        rows.push_back(shiftRow(U".,?!'%+=*#_", false));
        rows.push_back({key(KeyKind::Letters, 1.5f), key(KeyKind::Accents, 1.5f), key(KeyKind::Space, 6.0f),
                        key(KeyKind::Done, 2.0f)});
        break;
    case Layer::Accents: {
        // Up to 10 on the top row; more are split evenly over the top two rows, left-aligned like letters.
        const std::u32string_view all = keys.accents;
        const std::size_t top = all.size() <= 10 ? all.size() : (all.size() + 1) / 2;
        rows.push_back(topRow(all.substr(0, top)));
        rows.push_back(middleRow(all.substr(top, 9), false));
        rows.push_back(shiftRow(U"", true));
        rows.push_back({key(KeyKind::Symbols, 1.5f), key(KeyKind::Letters, 1.5f), key(KeyKind::Space, 6.0f),
                        key(KeyKind::Done, 2.0f)});
        break;
    }
    }
    return rows;
}

char32_t upperCase(char32_t c) {
    // Case pairs from the Unicode code charts: Basic Latin a-z = A-Z + 0x20; Latin-1 U+00E0-U+00FE = U+00C0-U+00DE
    // + 0x20 (except ÷ U+00F7); ÿ U+00FF pairs with Ÿ U+0178; Latin Extended-A pairs capital/small as even/odd in
    // U+0100-U+0137 and U+014A-U+0177, as odd/even in U+0139-U+0148 and U+0179-U+017E; ı U+0131 capitalises to I.
    if (c >= U'a' && c <= U'z') return c - 0x20;
    if (c >= 0x00E0 && c <= 0x00FE && c != 0x00F7) return c - 0x20;
    if (c == 0x00FF) return 0x0178;
    if (c == 0x0131) return U'I';
    if (((c >= 0x0100 && c <= 0x0137) || (c >= 0x014A && c <= 0x0177)) && (c % 2) == 1) return c - 1;
    if (((c >= 0x0139 && c <= 0x0148) || (c >= 0x0179 && c <= 0x017E)) && (c % 2) == 0) return c - 1;
    return c;
}

std::string utf8(char32_t c) {
    // RFC 3629, section 3: 1 to 4 bytes by the code point's range.
    std::string out;
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
    return out;
}

} // namespace alignkiosk::ui::osk
