// Where the next piece of a report goes: top to bottom on a page between the margins, and onto a new page when a
// piece does not fit in what is left, so nothing (a table row, a bar, a line) is ever cut across two pages. Pure
// arithmetic in points, no drawing, so the rules can be tested on their own.
#pragma once

namespace alignkiosk::report {

class PageFlow {
public:
    // The usable band of every page: from `top` to `bottom` (points from the page's top edge).
    PageFlow(double top, double bottom);

    int page() const { return m_page; } // 1-based; 0 before the first piece
    double y() const { return m_y; }
    double remaining() const { return m_bottom - m_y; }
    bool atTop() const { return m_page == 0 || m_y <= m_top; }
    double pageHeight() const { return m_bottom - m_top; }

    // Whether a piece `height` high fits below the cursor on this page.
    bool fits(double height) const { return m_page > 0 && m_y + height <= m_bottom; }
    // Reserves `height` and returns the piece's top. A piece that does not fit goes to the top of a new page (and a
    // piece taller than a whole page gets a page of its own, cut only by the page's edge). `keepWith`: more that must
    // follow on the same page (a heading and its first line), counted only for the decision.
    double place(double height, double keepWith = 0.0);
    // Starts a new page unless the cursor is already at the top of an empty one.
    void breakPage();
    // Leaves `gap` of space, unless that reaches the page's end (the next piece starts the next page anyway).
    void skip(double gap);

private:
    double m_top;
    double m_bottom;
    double m_y;
    int m_page = 0;
};

} // namespace alignkiosk::report
