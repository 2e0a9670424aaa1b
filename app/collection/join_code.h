// The join code a collection shows on the facilitator's screen (e.g. "K7Q-2MX") and a participant types on a laptop:
// 6 symbols of Crockford's base32 (0-9 and A-Z without I, L, O, U), 30 random bits. It is needed to fetch the survey
// and to submit; wrong codes are throttled (join_throttle.h).
//
// Reading follows Crockford: case does not matter, O is read as 0, I and L as 1, and hyphens and spaces are ignored,
// so "k7q 2mx", "K7Q2MX" and "k7q-2mx" are the same code.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace alignkiosk::collection {

struct JoinCodeParse;
// Reads what a person typed (below).
JoinCodeParse parseJoinCode(std::string_view typed);

class JoinCode {
public:
    static constexpr std::size_t kSymbols = 6;
    static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // Six symbols drawn uniformly from libsodium's random source.
    static JoinCode random();

    // "K7Q-2MX": upper case, a dash after the third symbol.
    std::string text() const;
    // "K7Q2MX": the six symbols alone.
    std::string symbols() const { return std::string(m_symbols.data(), m_symbols.size()); }

    // Compares in constant time (sodium_memcmp): how long a wrong guess takes says nothing about the right code.
    bool matches(const JoinCode& other) const;
    friend bool operator==(const JoinCode& a, const JoinCode& b) { return a.matches(b); }

private:
    friend JoinCodeParse parseJoinCode(std::string_view typed);
    explicit JoinCode(const std::array<char, kSymbols>& symbols) : m_symbols(symbols) {}

    std::array<char, kSymbols> m_symbols; // canonical: from kAlphabet
};

struct JoinCodeParse {
    std::optional<JoinCode> code;
    std::string error; // what is wrong, for a person; only when !ok()
    bool ok() const { return code.has_value(); }
};

} // namespace alignkiosk::collection
