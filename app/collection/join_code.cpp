#include "join_code.h"

#include "sodium_ready.h"

#include <sodium.h>

namespace alignkiosk::collection {

namespace {

// What one typed character means: a symbol, nothing (a separator), or a reason to refuse.
enum class Kind { Symbol, Separator, Refused };

Kind classify(char typed, char& symbol) {
    char c = typed >= 'a' && typed <= 'z' ? static_cast<char>(typed - 'a' + 'A') : typed;
    if (c == ' ' || c == '\t' || c == '-') return Kind::Separator;
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (JoinCode::kAlphabet.find(c) == std::string_view::npos) return Kind::Refused;
    symbol = c;
    return Kind::Symbol;
}

std::string shown(std::string_view typed) {
    std::string out;
    for (std::size_t i = 0; i < typed.size() && i < 24; ++i)
        out.push_back(typed[i] >= 0x20 && typed[i] < 0x7f ? typed[i] : '?');
    return "'" + out + (typed.size() > 24 ? "...'" : "'");
}

} // namespace

JoinCode JoinCode::random() {
    requireSodium();
    std::array<char, kSymbols> symbols{};
    for (char& symbol : symbols) symbol = kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))];
    return JoinCode(symbols);
}

std::string JoinCode::text() const {
    return std::string(m_symbols.data(), 3) + "-" + std::string(m_symbols.data() + 3, kSymbols - 3);
}

bool JoinCode::matches(const JoinCode& other) const {
    return sodium_memcmp(m_symbols.data(), other.m_symbols.data(), kSymbols) == 0;
}

JoinCodeParse parseJoinCode(std::string_view typed) {
    JoinCodeParse result;
    std::array<char, JoinCode::kSymbols> symbols{};
    std::size_t count = 0;
    for (const char c : typed) {
        char symbol = 0;
        switch (classify(c, symbol)) {
        case Kind::Separator: break;
        case Kind::Symbol:
            if (count < symbols.size()) symbols[count] = symbol;
            ++count;
            break;
        case Kind::Refused:
            if (c == 'U' || c == 'u')
                result.error = "the join code " + shown(typed) + " has a U; join codes never do (check the letter)";
            else if (static_cast<unsigned char>(c) >= 0x80)
                result.error = "the join code " + shown(typed) + " has a character that is not a plain letter or digit";
            else
                result.error = "the join code " + shown(typed) + " has '" + std::string(1, c) +
                               "'; join codes have only letters and digits";
            return result;
        }
    }
    if (count == 0) {
        result.error = "the join code is empty; it has 6 letters and digits, like K7Q-2MX";
        return result;
    }
    if (count != JoinCode::kSymbols) {
        result.error = "the join code " + shown(typed) + " has " + std::to_string(count) +
                       " letters and digits; a join code has 6, like K7Q-2MX";
        return result;
    }
    result.code = JoinCode(symbols);
    return result;
}

} // namespace alignkiosk::collection
