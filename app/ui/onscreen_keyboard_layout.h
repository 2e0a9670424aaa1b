// The on-screen keyboard's key tables: which keys each layer has, row by row, for a survey's language. Private to
// onscreen_keyboard.cpp; kept apart so the tables read as tables.
#pragma once

#include "ui/onscreen_keyboard.h"

#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::ui::osk {

using Layer = OnScreenKeyboard::Layer;
using KeyKind = OnScreenKeyboard::KeyKind;

// Every row is this many units wide; a one-unit key is a letter key.
inline constexpr float kRowUnits = 11.0f;
inline constexpr int kRows = 4;

struct KeySpec {
    KeyKind kind = KeyKind::Character;
    char32_t character = 0; // Character keys: the unshifted letter
    float units = 1.0f;
    bool gap = false; // an empty slot that only takes room (the accent layer's short rows)
};

using Row = std::vector<KeySpec>;

// The letters and accents of one language's keyboard.
struct LanguageKeys {
    std::u32string letterRows[3]; // rows 0 and 1 hold 9 or 10 characters, row 2 up to 9
    std::u32string extraKeys;     // the bottom row's one-unit keys: one after the space bar, or one either side
    std::u32string accents;       // the accent layer, in the order shown
};

// The keys for a BCP 47 tag ("de", "fr-CA", "es_MX"); unknown languages get the English set.
const LanguageKeys& languageKeys(std::string_view language);

// The kRows rows of a layer, each kRowUnits wide.
std::vector<Row> layerRows(Layer layer, const LanguageKeys& keys);

// The capital of a Latin-1 or Latin Extended-A letter; other characters (ß, ¿, digits) unchanged.
char32_t upperCase(char32_t c);

std::string utf8(char32_t c);

} // namespace alignkiosk::ui::osk
