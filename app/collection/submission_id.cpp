#include "submission_id.h"

#include "sodium_ready.h"

#include <sodium.h>

#include <algorithm>

namespace alignkiosk::collection {

SubmissionId SubmissionId::random() {
    requireSodium();
    SubmissionId id;
    do randombytes_buf(id.bytes.data(), id.bytes.size());
    while (sodium_is_zero(id.bytes.data(), id.bytes.size()));
    return id;
}

std::string SubmissionId::text() const {
    char hex[2 * sizeof(bytes) + 1];
    sodium_bin2hex(hex, sizeof hex, bytes.data(), bytes.size()); // lowercase
    return hex;
}

std::optional<SubmissionId> SubmissionId::fromText(std::string_view text) {
    // Lowercase only: one id has one spelling, so a repeat is recognised by comparing texts too.
    const auto digit = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    if (text.size() != 32 || !std::all_of(text.begin(), text.end(), digit)) return std::nullopt;
    SubmissionId id;
    for (std::size_t i = 0; i < id.bytes.size(); ++i) {
        const auto value = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
        id.bytes[i] = static_cast<unsigned char>(value(text[2 * i]) << 4 | value(text[2 * i + 1]));
    }
    if (std::all_of(id.bytes.begin(), id.bytes.end(), [](unsigned char b) { return b == 0; })) return std::nullopt;
    return id;
}

} // namespace alignkiosk::collection
