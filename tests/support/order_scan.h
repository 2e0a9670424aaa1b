// Shared by the order tests: where markers first appear in the bytes of every file in a folder, and Spearman's rank
// correlation between those positions and the order the markers were written in.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace alignkiosk::test_support {

inline std::string readFileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every file in the folder, in name order, as one byte string (each file starts at a multiple of 2^32).
struct FolderBytes {
    std::vector<std::pair<std::string, std::string>> files;

    explicit FolderBytes(const std::filesystem::path& dir) {
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            files.emplace_back(entry.path().filename().string(), readFileBytes(entry.path()));
        std::sort(files.begin(), files.end());
    }
    // The first position of text in any file, or -1.
    double firstPosition(const std::string& text) const {
        for (std::size_t f = 0; f < files.size(); ++f) {
            const std::size_t at = files[f].second.find(text);
            if (at != std::string::npos) return static_cast<double>(f) * 4294967296.0 + static_cast<double>(at);
        }
        return -1.0;
    }
};

inline std::vector<double> ranks(const std::vector<double>& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> rank(values.size());
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<double>(i);
    return rank;
}

// Spearman's rank correlation between the order of writing (0, 1, 2, ...) and the positions.
inline double rankCorrelation(const std::vector<double>& positions) {
    const std::vector<double> r = ranks(positions);
    const double n = static_cast<double>(r.size());
    double sum = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) sum += (static_cast<double>(i) - r[i]) * (static_cast<double>(i) - r[i]);
    return 1.0 - 6.0 * sum / (n * (n * n - 1.0));
}

} // namespace alignkiosk::test_support
