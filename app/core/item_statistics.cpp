#include "core/item_statistics.h"

#include <cmath>

namespace alignkiosk::core {

namespace {

// Sums run in long double: its 64-bit mantissa holds every integer below 2^64 exactly, so the count-weighted sums of
// scale indices stay exact far beyond 1e9 answers per point, and the statistics below never lose a whole count.
using Wide = long double;

// A value within this of a band edge counts as on the edge, so an rwg that is exactly .30, .50, .70 or .90 on paper
// lands in the band the printed table puts it in, whatever the last bit of the floating-point result.
constexpr double kBandTolerance = 1e-9;

// The scale value at 1-based `rank` of the sorted answers: the first point whose cumulative count reaches it.
int indexAtRank(const std::vector<uint64_t>& counts, uint64_t rank) {
    uint64_t cumulative = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        cumulative += counts[i];
        if (cumulative >= rank) return static_cast<int>(i);
    }
    return static_cast<int>(counts.size()) - 1;
}

// Sample variance s^2 = sum c_i (i - m)^2 / (n - 1) in scale-index units (a shift of the scale does not change it),
// computed in two passes around the mean for accuracy. 0 for n < 2.
Wide sampleVariance(const std::vector<uint64_t>& counts, uint64_t n, Wide meanIndex) {
    if (n < 2) return 0;
    Wide squares = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const Wide deviation = static_cast<Wide>(i) - meanIndex;
        squares += static_cast<Wide>(counts[i]) * deviation * deviation;
    }
    return squares / static_cast<Wide>(n - 1);
}

} // namespace

uint64_t ScaleDistribution::n() const {
    uint64_t total = 0;
    for (uint64_t count : counts) total += count;
    return total;
}

double uniformNullVariance(int points) {
    // sigma^2_EU = (A^2 - 1) / 12, the variance of a discrete uniform ("no agreement") answer over A points
    // (James, Demaree & Wolf 1984).
    if (points < 1) return 0.0;
    const double a = points;
    return (a * a - 1.0) / 12.0;
}

ItemStatistics computeItemStatistics(const ScaleDistribution& distribution) {
    ItemStatistics stats;
    const std::vector<uint64_t>& counts = distribution.counts;
    const uint64_t n = distribution.n();
    stats.n = n;
    if (n == 0) return stats; // nothing answered: zeros, agreement Unknown

    const int points = distribution.points();
    const int span = points - 1; // d = max - min of the scale
    const Wide total = static_cast<Wide>(n);

    // Everything is computed on the scale index i = X - scaleMin (0 .. d) and shifted back where a position matters
    // (mean, median); spreads are shift-free. below = sum c_i i and above = sum c_i (d - i) are exact integers, so
    // m = below / n and d - m = above / n are each one correctly rounded division with no cancellation.
    Wide below = 0;
    Wide above = 0;
    for (int i = 0; i < points; ++i) {
        const Wide count = static_cast<Wide>(counts[static_cast<std::size_t>(i)]);
        below += count * i;
        above += count * (span - i);
    }
    const Wide meanIndex = below / total;
    const Wide meanToTop = above / total;
    stats.mean = static_cast<double>(distribution.scaleMin + meanIndex);

    // Median: the middle answer for odd n, the mean of the two middle answers for even n.
    if (n % 2 == 1) {
        stats.median = distribution.scaleMin + indexAtRank(counts, n / 2 + 1);
    } else {
        const int lower = indexAtRank(counts, n / 2);
        const int upper = indexAtRank(counts, n / 2 + 1);
        stats.median = distribution.scaleMin + (lower + upper) / 2.0;
    }

    const Wide variance = sampleVariance(counts, n, meanIndex);
    stats.sd = static_cast<double>(std::sqrt(variance));

    // AD_M = sum c_i |X_i - mean| / n, judged against c / 6 for c response options (Burke & Dunlap 2002). One answer
    // agrees with nobody, so like rwg it is only called acceptable from two answers on.
    Wide absolute = 0;
    for (int i = 0; i < points; ++i) {
        const Wide count = static_cast<Wide>(counts[static_cast<std::size_t>(i)]);
        absolute += count * std::fabs(static_cast<Wide>(i) - meanIndex);
    }
    stats.ad = static_cast<double>(absolute / total);
    stats.adThreshold = points / 6.0;
    stats.adAcceptable = n >= 2 && stats.ad <= stats.adThreshold;

    // Tastle & Wierman (2007): Cns = 1 + sum p_i log2(1 - |X_i - mu| / d). The argument is formed without
    // cancellation: for i >= m, 1 - (i - m)/d = ((d - i) + m) / d; for i < m, 1 - (m - i)/d = (i + (d - m)) / d.
    // It reaches 0 only when mu sits on one extreme and X_i on the other, which forces p_i = 0; such a point is skipped,
    // the limit of p log2(..) as p -> 0. So a half/half split of the two extremes gives 1 + 2 * 0.5 * log2(1/2) = 0.
    if (span <= 0) {
        stats.consensus = 1.0; // one-point scale: everyone gave the only answer there is
    } else {
        Wide sum = 0;
        for (int i = 0; i < points; ++i) {
            const uint64_t count = counts[static_cast<std::size_t>(i)];
            if (count == 0) continue;
            const Wide index = static_cast<Wide>(i);
            const Wide closeness = (index >= meanIndex ? (span - index) + meanIndex : index + meanToTop) / span;
            if (closeness <= 0) continue;
            // The logarithm in double: its argument is already formed exactly enough, and x87 log2l costs ~10x more.
            const double logCloseness = std::log2(std::fmin(static_cast<double>(closeness), 1.0));
            sum += (static_cast<Wide>(count) / total) * logCloseness;
        }
        stats.consensus = static_cast<double>(std::fmax(Wide{0}, std::fmin(Wide{1}, 1 + sum)));
    }

    // rwg = 1 - s^2 / sigma^2_EU, truncated to 0 when s^2 > sigma^2_EU (James, Demaree & Wolf 1984). Needs two answers
    // and a scale with at least two points.
    const double nullVariance = uniformNullVariance(points);
    if (n >= 2 && nullVariance > 0.0) {
        const double ratio = static_cast<double>(variance) / nullVariance;
        stats.hasRwg = true;
        stats.rwg = ratio >= 1.0 ? 0.0 : 1.0 - ratio;
        stats.agreement = agreementLevel(stats.rwg);
    }
    return stats;
}

bool computeRwgJ(const std::vector<ScaleDistribution>& items, double& rwgJ) {
    // rwg(J) = J (1 - r) / (J (1 - r) + r), r = mean s^2 / sigma^2_EU over the J items (James, Demaree & Wolf 1984).
    // Items without an s^2 (n < 2, or a one-point scale) are left out of J. r is the mean of each item's
    // s^2_j / sigma^2_EU(A_j), which equals mean s^2 / sigma^2_EU for items on one scale. Truncated to 0 when r >= 1
    // (more spread than no agreement at all), where the formula stops meaning agreement.
    rwgJ = 0.0;
    int itemCount = 0;
    double ratioSum = 0.0;
    for (const ScaleDistribution& item : items) {
        const uint64_t n = item.n();
        const double nullVariance = uniformNullVariance(item.points());
        if (n < 2 || nullVariance <= 0.0) continue;
        Wide below = 0;
        for (std::size_t i = 0; i < item.counts.size(); ++i) below += static_cast<Wide>(item.counts[i]) * i;
        const Wide variance = sampleVariance(item.counts, n, below / static_cast<Wide>(n));
        ratioSum += static_cast<double>(variance) / nullVariance;
        ++itemCount;
    }
    if (itemCount == 0) return false;
    const double j = itemCount;
    const double ratio = ratioSum / j;
    if (ratio >= 1.0) return true; // rwgJ stays 0
    const double agreement = j * (1.0 - ratio);
    rwgJ = agreement / (agreement + ratio); // denominator >= 1 - r + r = 1 since J >= 1
    rwgJ = std::fmin(1.0, std::fmax(0.0, rwgJ));
    return true;
}

AgreementLevel agreementLevel(double rwg) {
    // LeBreton & Senter (2008), table 3: .00-.30 lack of agreement, .31-.50 weak, .51-.70 moderate, .71-.90 strong,
    // .91-1.00 very strong. Their table lists two-decimal values, so the edges in between are ours: each printed upper
    // limit belongs to its band and anything above it to the next, i.e. none [0, .30), weak [.30, .50],
    // moderate (.50, .70], strong (.70, .90], very strong (.90, 1]. This keeps "< .30 none" and "> .90 very strong"
    // exactly as printed.
    if (std::isnan(rwg)) return AgreementLevel::Unknown;
    if (rwg < 0.30 - kBandTolerance) return AgreementLevel::None;
    if (rwg <= 0.50 + kBandTolerance) return AgreementLevel::Weak;
    if (rwg <= 0.70 + kBandTolerance) return AgreementLevel::Moderate;
    if (rwg <= 0.90 + kBandTolerance) return AgreementLevel::Strong;
    return AgreementLevel::VeryStrong;
}

const char* agreementLabel(AgreementLevel level) {
    switch (level) {
    case AgreementLevel::None: return "none";
    case AgreementLevel::Weak: return "weak";
    case AgreementLevel::Moderate: return "moderate";
    case AgreementLevel::Strong: return "strong";
    case AgreementLevel::VeryStrong: return "very strong";
    case AgreementLevel::Unknown: break;
    }
    return "unknown";
}

const char* agreementBandsNote() {
    return "rwg bands (LeBreton & Senter 2008): < .30 none, .30-.50 weak, .51-.70 moderate, .71-.90 strong, "
           "> .90 very strong";
}

} // namespace alignkiosk::core
