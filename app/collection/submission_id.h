// The random 128-bit id a laptop gives each submission when the participant presses Finish. It names the submission
// in the laptop's outbox and in the collector's acknowledgement, so a submission sent twice is stored once. It comes
// from the random source alone: nothing about the laptop, the participant or the time is in it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace alignkiosk::collection {

struct SubmissionId {
    std::array<unsigned char, 16> bytes{};

    static SubmissionId random();
    // 32 lowercase hex digits.
    std::string text() const;
    // Exactly 32 lowercase hex digits, not all zero (a zero id is what an unset id looks like, never a random one).
    static std::optional<SubmissionId> fromText(std::string_view text);
    auto operator<=>(const SubmissionId&) const = default;
};

} // namespace alignkiosk::collection
