// Open answers kept once: the aggregator puts each sentence here, and every dashboard model, module panel and export
// refers to it by view. Append-only: a sentence never moves, so views handed to another thread stay valid while more
// are added (only the adding thread touches the pool itself).
#pragma once

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace alignkiosk::core {

class TextPool {
public:
    // The bytes are copied into the pool, followed by a NUL, so a C caller may use the view's data() as a string.
    std::string_view add(std::string_view text) {
        const std::size_t need = text.size() + 1;
        if (m_blocks.empty() || m_used + need > m_blockSize) {
            // Sentences are short: one block holds thousands, so a million answers cost their bytes, not an
            // allocation each. A sentence longer than a block gets a block of its own.
            m_blockSize = std::max(kBlockBytes, need);
            m_blocks.push_back(std::make_unique<char[]>(m_blockSize));
            m_used = 0;
        }
        char* at = m_blocks.back().get() + m_used;
        std::memcpy(at, text.data(), text.size());
        at[text.size()] = '\0';
        m_used += need;
        ++m_count;
        return {at, text.size()};
    }
    std::size_t size() const { return m_count; }

private:
    static constexpr std::size_t kBlockBytes = 1u << 20;
    std::vector<std::unique_ptr<char[]>> m_blocks; // never freed or moved while the pool lives
    std::size_t m_blockSize = 0;
    std::size_t m_used = 0;
    std::size_t m_count = 0;
};

} // namespace alignkiosk::core
