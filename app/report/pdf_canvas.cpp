#include "report/pdf_canvas.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <stdexcept>

namespace alignkiosk::report {

namespace {

// DejaVu Sans ships with the kiosk (fonts-dejavu-core) and covers the Latin, Greek and Cyrillic scripts of the
// surveys; fontconfig falls back for anything else.
constexpr const char* kFontFamily = "DejaVu Sans";

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

} // namespace

struct PdfCanvas::Impl {
    cairo_surface_t* surface = nullptr;
    cairo_t* cairo = nullptr;
    PangoLayout* layout = nullptr;

    ~Impl() {
        if (layout) g_object_unref(layout);
        if (cairo) cairo_destroy(cairo);
        if (surface) cairo_surface_destroy(surface);
    }

    // The layout set up for `text` in `style`, `width` wide (<= 0: one unbounded line).
    PangoLayout* prepare(const std::string& text, const TextStyle& style, double width) const {
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family(font, kFontFamily);
        pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout, font);
        pango_font_description_free(font);
        pango_layout_set_width(layout, width > 0.0 ? static_cast<int>(width * PANGO_SCALE) : -1);
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        switch (style.align) {
        case TextStyle::Align::Left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT); break;
        case TextStyle::Align::Center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER); break;
        case TextStyle::Align::Right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT); break;
        }
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
        return layout;
    }
};

PdfCanvas::PdfCanvas(const std::filesystem::path& file, const PaperSize& paper)
    : m_impl(std::make_unique<Impl>()), m_paper(paper) {
    m_impl->surface = file.empty()
                          ? cairo_pdf_surface_create_for_stream(discard, nullptr, paper.width, paper.height)
                          : cairo_pdf_surface_create(file.c_str(), paper.width, paper.height);
    if (cairo_surface_status(m_impl->surface) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(cairo_status_to_string(cairo_surface_status(m_impl->surface)));
    m_impl->cairo = cairo_create(m_impl->surface);
    m_impl->layout = pango_cairo_create_layout(m_impl->cairo);
    // Glyph positions in whole points would shift text between measuring and drawing; keep them exact.
    PangoContext* context = pango_layout_get_context(m_impl->layout);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(m_impl->layout);
}

PdfCanvas::~PdfCanvas() = default;

void PdfCanvas::nextPage() {
    cairo_show_page(m_impl->cairo);
    ++m_page;
}

double PdfCanvas::textHeight(const std::string& text, const TextStyle& style, double width) const {
    int w = 0, h = 0;
    pango_layout_get_size(m_impl->prepare(text, style, width), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

double PdfCanvas::textWidth(const std::string& text, const TextStyle& style) const {
    int w = 0, h = 0;
    pango_layout_get_size(m_impl->prepare(text, style, 0.0), &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
}

double PdfCanvas::text(double x, double y, double width, const std::string& text, const TextStyle& style) {
    PangoLayout* layout = m_impl->prepare(text, style, width);
    cairo_set_source_rgb(m_impl->cairo, style.color.r, style.color.g, style.color.b);
    cairo_move_to(m_impl->cairo, x, y);
    pango_cairo_show_layout(m_impl->cairo, layout);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

void PdfCanvas::fillRect(double x, double y, double width, double height, Color color) {
    cairo_set_source_rgb(m_impl->cairo, color.r, color.g, color.b);
    cairo_rectangle(m_impl->cairo, x, y, width, height);
    cairo_fill(m_impl->cairo);
}

void PdfCanvas::strokeRect(double x, double y, double width, double height, Color color, double lineWidth) {
    cairo_set_source_rgb(m_impl->cairo, color.r, color.g, color.b);
    cairo_set_line_width(m_impl->cairo, lineWidth);
    cairo_rectangle(m_impl->cairo, x, y, width, height);
    cairo_stroke(m_impl->cairo);
}

void PdfCanvas::line(double x0, double y0, double x1, double y1, Color color, double lineWidth) {
    cairo_set_source_rgb(m_impl->cairo, color.r, color.g, color.b);
    cairo_set_line_width(m_impl->cairo, lineWidth);
    cairo_move_to(m_impl->cairo, x0, y0);
    cairo_line_to(m_impl->cairo, x1, y1);
    cairo_stroke(m_impl->cairo);
}

std::string PdfCanvas::finish() {
    cairo_show_page(m_impl->cairo);
    cairo_surface_finish(m_impl->surface);
    const cairo_status_t status = cairo_surface_status(m_impl->surface);
    return status == CAIRO_STATUS_SUCCESS ? std::string() : cairo_status_to_string(status);
}

} // namespace alignkiosk::report
