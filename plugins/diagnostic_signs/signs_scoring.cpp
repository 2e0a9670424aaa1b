#include "signs_scoring.h"

#include "signs_words.h"

#include <algorithm>
#include <utility>

namespace alignkiosk::plugins::diagnostic_signs {

namespace {

std::string_view trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

uint32_t countAt(std::span<const uint32_t> counts, int index) {
    if (index < 0 || static_cast<size_t>(index) >= counts.size()) return 0;
    return counts[static_cast<size_t>(index)];
}

} // namespace

bool scoreItem(const ScoredItem& item, std::span<const uint32_t> counts, uint32_t answered, SignFinding& finding,
               const sdk::Words& words) {
    if (answered == 0 || item.pointCount < 2) return false;

    // The two points at the counting end: top two for a signal, bottom two for a metric.
    const int first = item.role == ItemRole::Signal ? item.pointCount - 2 : 0;
    uint64_t hits = static_cast<uint64_t>(countAt(counts, first)) + countAt(counts, first + 1);
    // Counts larger than `answered` would mean the host's aggregate is inconsistent; never report more than all.
    hits = std::min<uint64_t>(hits, answered);

    finding = SignFinding{};
    finding.questionId = item.questionId;
    finding.role = item.role;
    finding.hits = static_cast<uint32_t>(hits);
    finding.answered = answered;
    finding.level = levelFor(finding.hits, answered);
    finding.share = static_cast<float>(static_cast<double>(hits) / static_cast<double>(answered));

    finding.name = item.name;
    finding.measure = words.fill(item.role == ItemRole::Signal ? words::kSeenOftenBy : words::kRatedWeakBy,
                                 {{"percent", words.percent(percentFloor(finding.hits, answered))},
                                  {"hits", std::to_string(finding.hits)},
                                  {"answered", std::to_string(answered)}});
    finding.headline = item.name + " \u2014 " + finding.measure;
    if (item.role == ItemRole::Signal) finding.action = item.checkFirst;
    return true;
}

void sortFindings(std::vector<SignFinding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const SignFinding& a, const SignFinding& b) {
        if (a.level != b.level) return a.level > b.level;
        // a.hits / a.answered > b.hits / b.answered, cross-multiplied to stay exact.
        return static_cast<uint64_t>(a.hits) * b.answered > static_cast<uint64_t>(b.hits) * a.answered;
    });
}

std::vector<SignFinding> scoreAggregate(std::span<const ScoredItem> items, const alignkiosk_aggregate_v2& aggregate,
                                        const sdk::Words& words) {
    std::vector<SignFinding> findings;
    for (const ScoredItem& item : items) {
        const alignkiosk_item_distribution_v2* distribution = findItem(aggregate, item.questionId);
        if (!distribution) continue;
        const std::span<const uint32_t> counts =
            distribution->counts ? std::span<const uint32_t>(distribution->counts, distribution->count_length)
                                 : std::span<const uint32_t>();
        SignFinding finding;
        if (scoreItem(item, counts, distribution->answered, finding, words)) findings.push_back(std::move(finding));
    }
    sortFindings(findings);
    return findings;
}

const char* levelWord(alignkiosk_finding_level_v1 level, const sdk::Words& words) {
    switch (level) {
    case ALIGNKIOSK_FINDING_WIDESPREAD: return words(words::kWidespread);
    case ALIGNKIOSK_FINDING_WATCH: return words(words::kWatch);
    case ALIGNKIOSK_FINDING_INFO: return words(words::kIsolated);
    }
    return "";
}

std::string displayName(std::string_view label, std::string_view prompt) {
    const std::string_view name = trimmed(label);
    if (!name.empty()) return std::string(name);
    std::string_view text = trimmed(prompt);
    while (!text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!' || text.back() == ':'))
        text.remove_suffix(1);
    return std::string(trimmed(text));
}

} // namespace alignkiosk::plugins::diagnostic_signs
