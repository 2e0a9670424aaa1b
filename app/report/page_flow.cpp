#include "report/page_flow.h"

#include <algorithm>

namespace alignkiosk::report {

PageFlow::PageFlow(double top, double bottom) : m_top(top), m_bottom(std::max(bottom, top)), m_y(top) {}

double PageFlow::place(double height, double keepWith) {
    if (m_page == 0 || (!atTop() && m_y + height + keepWith > m_bottom)) {
        ++m_page;
        m_y = m_top;
    }
    const double at = m_y;
    m_y += height;
    return at;
}

void PageFlow::breakPage() {
    if (atTop() && m_page > 0) return;
    ++m_page;
    m_y = m_top;
}

void PageFlow::skip(double gap) {
    if (m_page == 0 || atTop()) return;
    m_y = std::min(m_y + gap, m_bottom);
}

} // namespace alignkiosk::report
