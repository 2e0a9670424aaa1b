// Statistics of one rated item for one group: central tendency, spread, and within-group agreement. Computed from the
// distribution of answers over the scale points (counts), so a recompute costs O(scale points), never O(responses).
// Every formula is cited where it is implemented (item_statistics.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace alignkiosk::core {

// counts[i] = how many answered scaleMin + i.
struct ScaleDistribution {
    int scaleMin = 1;
    std::vector<uint64_t> counts;

    uint64_t n() const;
    int points() const { return static_cast<int>(counts.size()); }
    int scaleMax() const { return scaleMin + points() - 1; }
};

// rwg bands after LeBreton & Senter (2008): < .30 none, .30-.50 weak, .51-.70 moderate, .71-.90 strong, > .90 very
// strong.
enum class AgreementLevel { Unknown, None, Weak, Moderate, Strong, VeryStrong };

struct ItemStatistics {
    uint64_t n = 0;
    double mean = 0.0;
    double sd = 0.0;     // sample standard deviation (n - 1); 0 when n < 2
    double median = 0.0;
    // rwg = 1 - s^2 / sigma^2_EU, sigma^2_EU = (A^2 - 1) / 12, truncated to 0 when s^2 > sigma^2_EU
    // (James, Demaree & Wolf 1984). Not defined (hasRwg false) for n < 2.
    bool hasRwg = false;
    double rwg = 0.0;
    // AD: mean absolute deviation from the item mean; acceptable when AD <= c / 6 (Burke & Dunlap 2002).
    double ad = 0.0;
    double adThreshold = 0.0;
    bool adAcceptable = false;
    // Tastle & Wierman (2007) consensus: 1 + sum p_i log2(1 - |X_i - mu| / d), d = max - min.
    double consensus = 0.0;
    AgreementLevel agreement = AgreementLevel::Unknown;
};

ItemStatistics computeItemStatistics(const ScaleDistribution& distribution);

// sigma^2_EU for A scale points: (A^2 - 1) / 12.
double uniformNullVariance(int points);

// rwg(J) for J parallel items on the same scale (James, Demaree & Wolf 1984):
// J (1 - mean s^2 / sigma^2_EU) / (J (1 - mean s^2 / sigma^2_EU) + mean s^2 / sigma^2_EU), truncated to [0, 1].
// Returns false when fewer than one item has n >= 2.
bool computeRwgJ(const std::vector<ScaleDistribution>& items, double& rwgJ);

AgreementLevel agreementLevel(double rwg);
// "none", "weak", "moderate", "strong", "very strong" ("unknown" when not computable).
const char* agreementLabel(AgreementLevel level);
// The threshold text shown next to agreement labels, e.g. "rwg bands: LeBreton & Senter 2008".
const char* agreementBandsNote();

} // namespace alignkiosk::core
