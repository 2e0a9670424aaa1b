// The arithmetic of the 100-point triangle: where a finger is inside the triangle, the whole-point shares that spot
// stands for, and the -/+ steps. Pure functions over plain numbers (no ImGui), so every rule can be reasoned about on
// its own: whatever the input, the shares are whole numbers from 0 to `total` that add up to exactly `total`.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {

inline constexpr std::size_t kCorners = 3;

// One share per corner, in the option order of the allocation question.
using Shares = std::array<uint32_t, kCorners>;
// Barycentric weights: each >= 0, summing to 1 (a point of the simplex).
using Weights = std::array<double, kCorners>;

struct Point {
    double x = 0.0;
    double y = 0.0;
};

// The triangle on screen, corner i standing for option i.
struct Triangle {
    std::array<Point, kCorners> corner;
};

// Hamilton's largest-remainder method: `total` whole units shared in proportion to `weights` (each quota floored,
// the units still missing go to the largest remainders, ties to the lower index). The result always sums to exactly
// `total`. Negative or non-finite weights count as 0; when no weight is positive, all weights count as equal.
std::vector<uint32_t> largestRemainder(uint32_t total, std::span<const double> weights);

// Barycentric coordinates of `p` in `triangle` (Möbius 1827; computed from signed areas). They sum to 1 but are
// negative for a point outside; a degenerate triangle gives the centre (1/3 each).
std::array<double, kCorners> barycentric(const Triangle& triangle, Point p);

// The nearest point of the simplex in the simple sense the control needs: negative coordinates are set to 0 and the
// rest rescaled to sum to 1. A point outside one edge lands on that edge; one beyond a corner lands on the corner.
Weights clampToSimplex(std::array<double, kCorners> coordinates);

// Where `weights` lie on screen: sum of weight_i * corner_i.
Point pointOf(const Triangle& triangle, const Weights& weights);

// The shares before the participant touches anything: as even as whole points allow ({34, 33, 33} of 100).
Shares evenShares(uint32_t total);

// The control's state: the whole-point shares, and the exact spot they were rounded from. The spot remembers what
// rounding forgets, e.g. that the two other corners were meant to share equally while both held 0.
struct Allocation {
    Shares shares{};
    Weights position{1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0};
};

// The untouched control: the centre, as even as whole points allow.
Allocation evenAllocation(uint32_t total);

// A finger at `p`: the spot clamped into the triangle, and its shares.
Allocation allocationAt(const Triangle& triangle, Point p, uint32_t total);

// One -/+ step on `corner`: `delta` points more (delta > 0) or fewer (delta < 0) for it, as far as 0 and `total`
// allow. The two other corners share what is left in the ratio of their coordinates in `position` (equally when both
// are 0), by largest remainder, so the spot moves straight towards or away from `corner` and repeated steps keep the
// others' ratio instead of drifting to one of them. Neither other corner moves against the step (a + never gives them
// points, a - never takes any). Shares outside the rules (a sum other than `total`) are first rebuilt from `position`.
Allocation nudge(const Allocation& allocation, std::size_t corner, int delta, uint32_t total);

// The convex hull of `points`, counter-clockwise in a y-up frame (clockwise on a y-down screen), by Andrew's monotone
// chain (Andrew 1979). Fewer than three distinct points come back as they are, deduplicated.
std::vector<Point> convexHull(std::vector<Point> points);

// The part of the convex polygon `polygon` inside `triangle`, by Sutherland & Hodgman's re-entrant clipping (1974):
// clipped against each edge's half-plane in turn. Empty when nothing is inside.
std::vector<Point> clipToTriangle(const std::vector<Point>& polygon, const Triangle& triangle);

// True when the shares are a valid answer: each at most `total` and together exactly `total`.
bool isValid(const Shares& shares, uint32_t total);

} // namespace alignkiosk::plugins::stakeholder_mapping
