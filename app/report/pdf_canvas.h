// The report's drawing surface: a multi-page PDF written by cairo, text laid out and shaped by pango (real text,
// fonts embedded by cairo), every chart drawn as vector paths. Thin: it knows points, colours and fonts, not reports.
#pragma once

#include "report/paper_size.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace alignkiosk::report {

struct Color {
    double r = 0.0, g = 0.0, b = 0.0;
};

struct TextStyle {
    double size = 10.0; // points
    bool bold = false;
    Color color{0.1, 0.1, 0.12};
    enum class Align { Left, Center, Right } align = Align::Left;
};

class PdfCanvas {
public:
    // A PDF at `file`, or (empty path) one that is only laid out and counted, never written. Throws std::runtime_error
    // when cairo cannot create it.
    PdfCanvas(const std::filesystem::path& file, const PaperSize& paper);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    const PaperSize& paper() const { return m_paper; }
    // The page drawn on (1-based). Pages are drawn in order.
    int page() const { return m_page; }
    // Ends the current page and begins the next.
    void nextPage();

    // The height of `text` wrapped to `width` (UTF-8, plain: no markup).
    double textHeight(const std::string& text, const TextStyle& style, double width) const;
    // The width of `text` on one line.
    double textWidth(const std::string& text, const TextStyle& style) const;
    // Draws `text` wrapped to `width` with its top at y; returns its height.
    double text(double x, double y, double width, const std::string& text, const TextStyle& style);

    void fillRect(double x, double y, double width, double height, Color color);
    void strokeRect(double x, double y, double width, double height, Color color, double lineWidth);
    void line(double x0, double y0, double x1, double y1, Color color, double lineWidth);

    // Ends the last page and writes the file. Returns cairo's error, if any ("" when all is well).
    std::string finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    PaperSize m_paper;
    int m_page = 1;
};

} // namespace alignkiosk::report
