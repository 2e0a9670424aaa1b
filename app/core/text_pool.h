// Open answers kept once: the aggregator puts each sentence here, and every dashboard model, module panel and export
// refers to it by view. Append-only: a sentence never moves, so views handed to another thread stay valid while more
// are added (only the adding thread touches the pool itself).
#pragma once

#include <deque>
#include <string>
#include <string_view>

namespace alignkiosk::core {

class TextPool {
public:
    // The view is NUL-terminated (it points into a std::string), so a C caller may use its data() as a string.
    std::string_view add(std::string text) { return m_texts.emplace_back(std::move(text)); }
    std::size_t size() const { return m_texts.size(); }

private:
    std::deque<std::string> m_texts; // a deque never moves its elements when it grows
};

} // namespace alignkiosk::core
