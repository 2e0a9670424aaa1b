#include "stakeholder_statistics.h"

#include "stakeholder_words.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace alignkiosk::plugins::stakeholder_mapping {

std::optional<MixStatistics> mixStatistics(const alignkiosk_item_distribution_v2& item, uint32_t total) {
    const std::span<const uint32_t> counts = sdk::countsOf(&item);
    const uint32_t answered = item.answered;
    if (answered == 0 || total == 0 || counts.size() < kCorners) return std::nullopt;
    MixStatistics stats;
    stats.answered = answered;
    const double points = static_cast<double>(answered) * total;
    for (std::size_t i = 0; i < kCorners; ++i) stats.mean[i] = std::min(counts[i] / points, 1.0);

    const std::size_t bins = static_cast<std::size_t>(total) + 1;
    if (item.histogram_count < kCorners || item.histogram_width != bins) return stats;
    stats.hasSpread = true;
    double varianceSum = 0.0;
    for (std::size_t i = 0; i < kCorners; ++i) {
        const std::span<const uint32_t> histogram = sdk::histogramOf(&item, static_cast<uint32_t>(i));
        double n = 0.0, sum = 0.0;
        for (std::size_t p = 0; p < bins; ++p) {
            n += histogram[p];
            sum += static_cast<double>(histogram[p]) * static_cast<double>(p) / total;
        }
        if (n <= 0.0) continue;
        const double mean = sum / n;
        double squares = 0.0;
        for (std::size_t p = 0; p < bins; ++p) {
            const double deviation = static_cast<double>(p) / total - mean;
            squares += histogram[p] * deviation * deviation;
        }
        // The sample variance (n - 1), as James, Demaree & Wolf (1984) use for the observed variance of r_wg.
        const double variance = n > 1.0 ? squares / (n - 1.0) : 0.0;
        stats.sd[i] = std::sqrt(variance);
        varianceSum += variance;
    }
    stats.agreement = std::clamp(1.0 - (varianceSum / kCorners) / kUniformShareVariance, 0.0, 1.0);
    return stats;
}

const char* agreementWord(double agreement, const sdk::Words& words) {
    if (agreement <= 0.30) return words(words::kAgreementNone);
    if (agreement <= 0.50) return words(words::kAgreementWeak);
    if (agreement <= 0.70) return words(words::kAgreementModerate);
    if (agreement <= 0.90) return words(words::kAgreementStrong);
    return words(words::kAgreementVeryStrong);
}

std::optional<RoleStatistics> roleStatistics(std::span<const uint32_t> counts, uint32_t answered, uint32_t roles) {
    if (answered == 0 || roles == 0) return std::nullopt;
    RoleStatistics stats;
    stats.answered = answered;
    stats.counts.assign(roles, 0);
    for (uint32_t i = 0; i < roles && i < counts.size(); ++i) stats.counts[i] = std::min(counts[i], answered);
    for (const uint32_t count : stats.counts) stats.shares.push_back(static_cast<double>(count) / answered);
    stats.top = static_cast<std::size_t>(std::max_element(stats.counts.begin(), stats.counts.end()) -
                                         stats.counts.begin());
    stats.tie = std::count(stats.counts.begin(), stats.counts.end(), stats.counts[stats.top]) > 1;
    stats.topShare = stats.shares[stats.top];
    return stats;
}

std::optional<UnderstandingStatistics> understandingStatistics(std::span<const uint32_t> counts, int scaleMin,
                                                               int scaleMax) {
    const long long points = static_cast<long long>(scaleMax) - scaleMin + 1;
    if (points < 2) return std::nullopt;
    UnderstandingStatistics stats;
    uint64_t n = 0;
    double sum = 0.0;
    for (std::size_t i = 0; i < counts.size() && static_cast<long long>(i) < points; ++i) {
        n += counts[i];
        sum += static_cast<double>(counts[i]) * (scaleMin + static_cast<double>(i));
        if (i < 2) stats.low += counts[i];
    }
    if (n == 0) return std::nullopt;
    stats.answered = static_cast<uint32_t>(std::min<uint64_t>(n, UINT32_MAX));
    stats.mean = sum / static_cast<double>(n);
    stats.lowShare = static_cast<double>(stats.low) / static_cast<double>(n);
    return stats;
}

double totalVariation(std::span<const double> p, std::span<const double> q) {
    double sum = 0.0;
    for (std::size_t i = 0; i < std::max(p.size(), q.size()); ++i) {
        const double a = i < p.size() ? p[i] : 0.0;
        const double b = i < q.size() ? q[i] : 0.0;
        sum += std::fabs(a - b);
    }
    return 0.5 * sum;
}

std::vector<RoleGap> roleGaps(const std::vector<std::vector<std::optional<RoleStatistics>>>& roles) {
    std::vector<RoleGap> gaps;
    for (std::size_t s = 0; s < roles.size(); ++s) {
        const auto& groups = roles[s];
        std::optional<RoleGap> best;
        for (std::size_t a = 0; a < groups.size(); ++a)
            for (std::size_t b = a + 1; b < groups.size(); ++b) {
                if (!groups[a] || !groups[b]) continue;
                RoleGap gap;
                gap.stakeholder = s;
                gap.groupA = a;
                gap.groupB = b;
                gap.distance = totalVariation(groups[a]->shares, groups[b]->shares);
                gap.modesDiffer = !groups[a]->tie && !groups[b]->tie && groups[a]->top != groups[b]->top;
                // Strictly better only, so among equals the first pair in the host's order (everyone first) stays.
                if (!best || (gap.modesDiffer && !best->modesDiffer) ||
                    (gap.modesDiffer == best->modesDiffer && gap.distance > best->distance + 1e-12))
                    best = gap;
            }
        if (best && (best->modesDiffer || best->distance >= kNotableDistance - 1e-12)) gaps.push_back(*best);
    }
    std::stable_sort(gaps.begin(), gaps.end(), [](const RoleGap& x, const RoleGap& y) {
        if (x.modesDiffer != y.modesDiffer) return x.modesDiffer;
        return x.distance > y.distance + 1e-12;
    });
    return gaps;
}

} // namespace alignkiosk::plugins::stakeholder_mapping
