#include "simplex_math.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace alignkiosk::plugins::stakeholder_mapping {

std::vector<uint32_t> largestRemainder(uint32_t total, std::span<const double> weights) {
    std::vector<uint32_t> result(weights.size(), 0);
    if (weights.empty()) return result;

    std::vector<double> usable(weights.size());
    double sum = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        usable[i] = std::isfinite(weights[i]) && weights[i] > 0.0 ? weights[i] : 0.0;
        sum += usable[i];
    }
    if (!(sum > 0.0)) {
        std::fill(usable.begin(), usable.end(), 1.0);
        sum = static_cast<double>(usable.size());
    }

    // Floor every quota; never hand out more than `total` even if rounding pushed a quota up.
    uint64_t given = 0;
    std::vector<double> remainder(weights.size());
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double quota = static_cast<double>(total) * usable[i] / sum;
        const double floored = std::min(std::floor(quota), static_cast<double>(total));
        result[i] = static_cast<uint32_t>(floored);
        remainder[i] = quota - floored;
        given += result[i];
    }
    while (given > total) { // only reachable through floating-point noise; take from the largest share
        const auto largest = std::max_element(result.begin(), result.end());
        --*largest;
        --given;
    }

    // The missing units to the largest remainders; stable, so ties go to the lower index.
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&remainder](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t k = 0; given < total; k = (k + 1) % order.size(), ++given) ++result[order[k]];
    return result;
}

std::array<double, kCorners> barycentric(const Triangle& triangle, Point p) {
    const Point& a = triangle.corner[0];
    const Point& b = triangle.corner[1];
    const Point& c = triangle.corner[2];
    // Twice the signed area of the whole triangle; each coordinate is the area of the sub-triangle opposite its
    // corner over the whole.
    const double area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
    if (!(std::fabs(area) > 1e-12)) return {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0};
    const double wa = ((b.x - p.x) * (c.y - p.y) - (c.x - p.x) * (b.y - p.y)) / area;
    const double wb = ((c.x - p.x) * (a.y - p.y) - (a.x - p.x) * (c.y - p.y)) / area;
    return {wa, wb, 1.0 - wa - wb};
}

Weights clampToSimplex(std::array<double, kCorners> coordinates) {
    double sum = 0.0;
    for (double& value : coordinates) {
        if (!std::isfinite(value) || value < 0.0) value = 0.0;
        sum += value;
    }
    if (!(sum > 0.0)) return {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0};
    for (double& value : coordinates) value /= sum;
    return coordinates;
}

Point pointOf(const Triangle& triangle, const Weights& weights) {
    Point p;
    for (std::size_t i = 0; i < kCorners; ++i) {
        p.x += weights[i] * triangle.corner[i].x;
        p.y += weights[i] * triangle.corner[i].y;
    }
    return p;
}

namespace {

Shares toShares(const std::vector<uint32_t>& values) {
    Shares shares{};
    for (std::size_t i = 0; i < kCorners && i < values.size(); ++i) shares[i] = values[i];
    return shares;
}

} // namespace

Shares evenShares(uint32_t total) {
    const std::array<double, kCorners> equal{1.0, 1.0, 1.0};
    return toShares(largestRemainder(total, equal));
}

bool isValid(const Shares& shares, uint32_t total) {
    uint64_t sum = 0;
    for (const uint32_t share : shares) {
        if (share > total) return false;
        sum += share;
    }
    return sum == total;
}

Allocation evenAllocation(uint32_t total) { return Allocation{evenShares(total), {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0}}; }

Allocation allocationAt(const Triangle& triangle, Point p, uint32_t total) {
    Allocation allocation;
    allocation.position = clampToSimplex(barycentric(triangle, p));
    allocation.shares = toShares(largestRemainder(total, allocation.position));
    return allocation;
}

Allocation nudge(const Allocation& allocation, std::size_t corner, int delta, uint32_t total) {
    Allocation result = allocation;
    result.position = clampToSimplex(allocation.position);
    if (!isValid(result.shares, total)) result.shares = toShares(largestRemainder(total, result.position));
    if (corner >= kCorners || delta == 0) return result;

    const std::size_t j = (corner + 1) % kCorners;
    const std::size_t k = (corner + 2) % kCorners;
    const int64_t wanted = static_cast<int64_t>(result.shares[corner]) + delta;
    const auto mine = static_cast<uint32_t>(std::clamp<int64_t>(wanted, 0, total));
    if (mine == result.shares[corner]) return result;
    const uint32_t rest = total - mine;

    // The others' ratio from the exact spot; equal halves when it sits on `corner` itself.
    const double others = result.position[j] + result.position[k];
    const double ratio = others > 0.0 ? result.position[j] / others : 0.5;
    const std::array<double, 2> weights{ratio, 1.0 - ratio};
    const std::vector<uint32_t> split = largestRemainder(rest, weights);
    uint32_t a = split[0];
    // Rounding may want one of the others to move against the step; hand that point to the other one instead.
    if (mine > result.shares[corner]) {
        a = std::min(a, result.shares[j]);
        if (rest - a > result.shares[k]) a = rest - result.shares[k];
    } else {
        a = std::max(a, result.shares[j]);
        if (rest - a < result.shares[k]) a = rest - result.shares[k];
    }
    result.shares[corner] = mine;
    result.shares[j] = a;
    result.shares[k] = rest - a;

    const double share = static_cast<double>(mine) / total;
    result.position[corner] = share;
    result.position[j] = (1.0 - share) * ratio;
    result.position[k] = (1.0 - share) * (1.0 - ratio);
    return result;
}

namespace {

// > 0 when o -> a -> b turns counter-clockwise in a y-up frame.
double cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

} // namespace

std::vector<Point> convexHull(std::vector<Point> points) {
    std::sort(points.begin(), points.end(),
              [](Point a, Point b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    points.erase(std::unique(points.begin(), points.end(),
                             [](Point a, Point b) { return a.x == b.x && a.y == b.y; }),
                 points.end());
    if (points.size() < 3) return points;
    std::vector<Point> hull(2 * points.size());
    std::size_t k = 0;
    for (const Point& p : points) { // lower chain
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0.0) --k;
        hull[k++] = p;
    }
    for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) { // upper chain
        while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0.0) --k;
        hull[k++] = points[i];
    }
    hull.resize(k - 1); // the last point repeats the first
    return hull;
}

std::vector<Point> clipToTriangle(const std::vector<Point>& polygon, const Triangle& triangle) {
    // Orient the edges so the inside is where cross(...) >= 0.
    const double orientation = cross(triangle.corner[0], triangle.corner[1], triangle.corner[2]) >= 0.0 ? 1.0 : -1.0;
    std::vector<Point> result = polygon;
    for (std::size_t e = 0; e < kCorners && !result.empty(); ++e) {
        const Point a = triangle.corner[e];
        const Point b = triangle.corner[(e + 1) % kCorners];
        const auto side = [&](Point p) { return orientation * cross(a, b, p); };
        std::vector<Point> input;
        input.swap(result);
        for (std::size_t i = 0; i < input.size(); ++i) {
            const Point current = input[i];
            const Point previous = input[(i + input.size() - 1) % input.size()];
            const double sc = side(current), sp = side(previous);
            if ((sc >= 0.0) != (sp >= 0.0)) { // the edge crosses the line: keep the crossing point
                const double t = sp / (sp - sc);
                result.push_back(
                    {previous.x + t * (current.x - previous.x), previous.y + t * (current.y - previous.y)});
            }
            if (sc >= 0.0) result.push_back(current);
        }
    }
    return result;
}

} // namespace alignkiosk::plugins::stakeholder_mapping
