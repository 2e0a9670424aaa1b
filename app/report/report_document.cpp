#include "report/report_document.h"

#include "core/item_statistics.h"
#include "core/module_title.h"
#include "report/page_flow.h"
#include "report/pdf_canvas.h"
#include "report/report_texts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <map>
#include <optional>

namespace alignkiosk::report {

namespace {

// ---- The look ---------------------------------------------------------------------------------------------------

constexpr double kMargin = 56.0;      // about 20 mm on every side
constexpr double kFooterGap = 22.0;   // between the body and the page number
constexpr double kCellPad = 3.0;

const Color kInk{0.10, 0.10, 0.12};
const Color kMuted{0.40, 0.40, 0.44};
const Color kRule{0.78, 0.78, 0.80};
const Color kTrack{0.92, 0.92, 0.93};
const Color kAccent{0.16, 0.42, 0.66};
const Color kAlert{0.80, 0.25, 0.20};

TextStyle style(double size, bool bold = false, Color color = kInk) {
    TextStyle s;
    s.size = size;
    s.bold = bold;
    s.color = color;
    return s;
}

const TextStyle kTitle = style(26.0, true);
const TextStyle kSection = style(18.0, true);
const TextStyle kHeading = style(12.5, true);
const TextStyle kBody = style(10.0);
const TextStyle kSmall = style(8.5, false, kMuted);
const TextStyle kCell = style(9.0);
const TextStyle kCellBold = style(9.0, true);

// Series colours for bars, one per group in order of appearance; distinguishable in print and in grey.
const Color kSeries[] = {{0.16, 0.42, 0.66}, {0.85, 0.45, 0.13}, {0.22, 0.58, 0.38}, {0.55, 0.33, 0.64},
                         {0.62, 0.52, 0.18}, {0.30, 0.62, 0.72}, {0.75, 0.35, 0.48}, {0.40, 0.40, 0.40}};

Color mix(Color a, Color b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

// The heatmap's diverging ramp, the dashboard's (ui::DashboardPalette, normal view): the scale's low end blue, its
// midpoint light grey, its high end orange, so the page reads as the screen does.
Color meanColor(double mean, int scaleMin, int scaleMax) {
    const Color low{33 / 255.0, 102 / 255.0, 172 / 255.0}, middle{236 / 255.0, 236 / 255.0, 232 / 255.0},
        high{179 / 255.0, 88 / 255.0, 6 / 255.0};
    const double span = std::max(1, scaleMax - scaleMin);
    const double t = std::clamp((mean - scaleMin) / span, 0.0, 1.0);
    return t < 0.5 ? mix(low, middle, t * 2.0) : mix(middle, high, (t - 0.5) * 2.0);
}

bool dark(Color c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b < 0.5; }

std::string groupName(const ReportTexts& texts, const std::string& group) {
    return group == core::kEveryoneGroup ? texts.everyone() : group;
}

// ---- The composer -----------------------------------------------------------------------------------------------

class Composer {
public:
    Composer(PdfCanvas& canvas, int totalPages, const ReportTexts& texts)
        : m_canvas(canvas), m_flow(kMargin, canvas.paper().height - kMargin - kFooterGap), m_total(totalPages),
          m_texts(texts) {}

    double width() const { return m_canvas.paper().width - 2.0 * kMargin; }
    PdfCanvas& canvas() { return m_canvas; }
    PageFlow& flow() { return m_flow; }
    const ReportTexts& texts() const { return m_texts; }

    // Brings the canvas to the flow's page, numbering every page it leaves.
    void toFlowPage() {
        while (m_canvas.page() < m_flow.page()) {
            footer();
            m_canvas.nextPage();
        }
    }
    void finish() {
        toFlowPage();
        footer();
    }

    // Text placed as one piece (never cut), optionally kept with what follows.
    void text(const std::string& value, const TextStyle& s, double after = 4.0, double keepWith = 0.0, double x = 0.0) {
        const double w = width() - x;
        const double h = m_canvas.textHeight(value, s, w);
        const double top = m_flow.place(h, keepWith);
        toFlowPage();
        m_canvas.text(kMargin + x, top, w, value, s);
        m_flow.skip(after);
    }

    // A section begins on a new page; returns that page.
    int section(const std::string& title) {
        m_flow.breakPage();
        text(title, kSection, 10.0);
        return m_flow.page();
    }
    void heading(const std::string& title) {
        m_flow.skip(6.0);
        text(title, kHeading, 4.0, 40.0); // never alone at a page's foot
    }

    // Rows of cells; `header` repeated at the top of every page the table continues on. weights: relative widths.
    void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               std::vector<double> weights = {}) {
        const std::size_t columns = std::max(header.size(), rows.empty() ? std::size_t{0} : rows.front().size());
        if (columns == 0) return;
        weights.resize(columns, weights.empty() ? 1.0 : weights.back());
        double sum = 0.0;
        for (double w : weights) sum += w;
        std::vector<double> widths;
        for (double w : weights) widths.push_back(width() * w / sum);
        const auto rowHeight = [&](const std::vector<std::string>& cells, const TextStyle& s) {
            double h = 0.0;
            for (std::size_t c = 0; c < cells.size() && c < columns; ++c)
                h = std::max(h, m_canvas.textHeight(cells[c], s, widths[c] - 2.0 * kCellPad));
            return h + 2.0 * kCellPad;
        };
        const auto drawRow = [&](const std::vector<std::string>& cells, const TextStyle& s, double top, double h,
                                 bool shaded) {
            if (shaded) m_canvas.fillRect(kMargin, top, width(), h, kTrack);
            double x = kMargin;
            for (std::size_t c = 0; c < cells.size() && c < columns; ++c) {
                m_canvas.text(x + kCellPad, top + kCellPad, widths[c] - 2.0 * kCellPad, cells[c], s);
                x += widths[c];
            }
            m_canvas.line(kMargin, top + h, kMargin + width(), top + h, kRule, 0.5);
        };
        const double headerHeight = header.empty() ? 0.0 : rowHeight(header, kCellBold);
        int headerPage = 0;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const double h = rowHeight(rows[r], kCell);
            // The header goes with the first row, and again atop every page the table runs on to.
            if (!header.empty() && (headerPage != m_flow.page() || !m_flow.fits(h))) {
                if (headerPage == m_flow.page() && !m_flow.fits(h)) m_flow.breakPage();
                const double top = m_flow.place(headerHeight, h);
                toFlowPage();
                drawRow(header, kCellBold, top, headerHeight, true);
                headerPage = m_flow.page();
            }
            const double top = m_flow.place(h);
            toFlowPage();
            drawRow(rows[r], kCell, top, h, false);
        }
        m_flow.skip(8.0);
    }

    // Horizontal bars: label, a track filled to value/maximum in the series' colour, the value's text.
    void bars(const std::vector<Block>& bars) {
        std::vector<std::string> series;
        for (const Block& bar : bars)
            if (std::find(series.begin(), series.end(), bar.series) == series.end()) series.push_back(bar.series);
        const bool named = series.size() > 1; // one series needs no name: the heading above says whose bars they are
        const double labelWidth = width() * 0.32, trackWidth = width() * 0.28, gap = 8.0;
        const double valueX = labelWidth + trackWidth + 2.0 * gap;
        std::string current = "\x01"; // no series yet
        for (const Block& bar : bars) {
            const std::size_t index =
                static_cast<std::size_t>(std::find(series.begin(), series.end(), bar.series) - series.begin());
            const Color colour = bar.emphasis ? kAlert : kSeries[index % std::size(kSeries)];
            if (named && bar.series != current) {
                current = bar.series;
                text(bar.series, style(9.5, true, kSeries[index % std::size(kSeries)]), 2.0, 14.0);
            }
            const double h = std::max({m_canvas.textHeight(bar.text, kCell, labelWidth),
                                       m_canvas.textHeight(bar.valueText, kCell, width() - valueX), 12.0}) + 4.0;
            const double top = m_flow.place(h);
            toFlowPage();
            m_canvas.text(kMargin, top + 2.0, labelWidth, bar.text, kCell);
            const double trackTop = top + 3.0, trackHeight = 9.0;
            m_canvas.fillRect(kMargin + labelWidth + gap, trackTop, trackWidth, trackHeight, kTrack);
            const double share = bar.maximum > 0.0 ? std::clamp(bar.value / bar.maximum, 0.0, 1.0) : 0.0;
            if (share > 0.0) m_canvas.fillRect(kMargin + labelWidth + gap, trackTop, trackWidth * share, trackHeight,
                                               colour);
            m_canvas.strokeRect(kMargin + labelWidth + gap, trackTop, trackWidth, trackHeight, kRule, 0.5);
            m_canvas.text(kMargin + valueX, top + 2.0, width() - valueX, bar.valueText,
                          bar.emphasis ? style(9.0, true, kAlert) : kCell);
        }
        m_flow.skip(8.0);
    }

    // Name and value pairs, the name in a column of its own.
    void statistics(const std::vector<Block>& list) {
        const double nameWidth = width() * 0.38;
        for (const Block& item : list) {
            const TextStyle valueStyle = item.emphasis ? style(9.0, true, kAlert) : kCell;
            const double h = std::max(m_canvas.textHeight(item.text, kCellBold, nameWidth - 6.0),
                                      m_canvas.textHeight(item.valueText, valueStyle, width() - nameWidth)) + 3.0;
            const double top = m_flow.place(h);
            toFlowPage();
            m_canvas.text(kMargin, top, nameWidth - 6.0, item.text, kCellBold);
            m_canvas.text(kMargin + nameWidth, top, width() - nameWidth, item.valueText, valueStyle);
        }
        m_flow.skip(8.0);
    }

    // One group's answers over the scale points as one stacked bar, each point's count written in its segment.
    void distribution(const std::string& group, const core::ScaleDistribution& distribution) {
        const double labelWidth = width() * 0.22, barWidth = width() - labelWidth, h = 16.0;
        const double top = m_flow.place(h + 4.0);
        toFlowPage();
        m_canvas.text(kMargin, top + 2.0, labelWidth - 6.0, group, kCell);
        const uint64_t n = distribution.n();
        double x = kMargin + labelWidth;
        const int points = distribution.points();
        for (int p = 0; p < points && n > 0; ++p) {
            const double w = barWidth * static_cast<double>(distribution.counts[p]) / static_cast<double>(n);
            if (w <= 0.0) continue;
            const Color colour = meanColor(distribution.scaleMin + p, distribution.scaleMin, distribution.scaleMax());
            m_canvas.fillRect(x, top, w, h, colour);
            const std::string count = m_texts.count(distribution.counts[p]);
            TextStyle s = style(8.0, false, dark(colour) ? Color{1, 1, 1} : kInk);
            s.align = TextStyle::Align::Center;
            if (m_canvas.textWidth(count, s) + 2.0 <= w) m_canvas.text(x, top + 3.0, w, count, s);
            x += w;
        }
        m_canvas.strokeRect(kMargin + labelWidth, top, barWidth, h, kRule, 0.5);
    }

private:
    void footer() {
        if (m_total <= 0) return;
        TextStyle s = kSmall;
        s.align = TextStyle::Align::Center;
        m_canvas.text(kMargin, m_canvas.paper().height - kMargin + 4.0, width(),
                      m_texts.pageNumber(m_canvas.page(), m_total), s);
    }

    PdfCanvas& m_canvas;
    PageFlow m_flow;
    int m_total;
    const ReportTexts& m_texts;
};

// ---- The sections -----------------------------------------------------------------------------------------------

void cover(Composer& out, const ReportInput& input, const std::vector<Section>& contents) {
    const ReportTexts& texts = out.texts();
    const core::DashboardModel& model = *input.model;
    out.flow().breakPage();
    out.text(model.surveyTitle.empty() ? model.surveyId : model.surveyTitle, kTitle, 6.0);
    out.text(texts.reportKind(), style(14.0, false, kMuted), 18.0);
    out.text(model.firstDay.empty() ? texts.noDates() : texts.dateRange(model.firstDay, model.lastDay), kBody);
    const bool everyoneShown = !model.groupCounts.empty() && model.groupCounts.front().group == core::kEveryoneGroup;
    out.text(everyoneShown ? texts.participants(model.totalResponses) : texts.participantsHidden(), kBody, 10.0);

    out.heading(texts.groupsShownHeading());
    if (model.groupCounts.empty()) {
        out.text(texts.noGroupShown(), kBody);
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const core::GroupCount& count : model.groupCounts)
            rows.push_back({groupName(texts, count.group), texts.count(count.responses)});
        out.table({texts.groupColumn(), texts.peopleColumn()}, rows, {3.0, 1.0});
    }
    out.heading(texts.groupsHiddenHeading());
    out.text(model.hiddenGroups == 0 ? texts.noGroupHidden()
                                     : texts.hiddenTeams(model.hiddenGroups, model.hiddenByGuard,
                                                          model.thresholds.ratings),
             kBody);
    out.heading(texts.thresholdsHeading());
    out.text(texts.thresholds(model.thresholds.ratings, model.thresholds.text), kBody);
    out.text(texts.agreementBands(), kSmall, 10.0);

    if (!contents.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const Section& section : contents)
            rows.push_back({section.title, texts.count(static_cast<uint64_t>(section.page))});
        out.heading(texts.contentsHeading());
        out.table({}, rows, {5.0, 1.0});
    }
    out.text(texts.generatedOn(input.writtenOn), kSmall);
}

// The scale's ends when every item shares one scale, else "low" and "high".
std::pair<std::string, std::string> scaleEnds(const core::DashboardModel& model, const ReportTexts& texts) {
    std::optional<std::vector<std::string>> labels;
    for (const core::RatedItem& item : model.ratedItems) {
        if (!labels) labels = item.scaleLabels;
        else if (*labels != item.scaleLabels) return {texts.scaleLow(), texts.scaleHigh()};
    }
    if (!labels || labels->size() < 2) return {texts.scaleLow(), texts.scaleHigh()};
    return {"\u201c" + labels->front() + "\u201d", "\u201c" + labels->back() + "\u201d"};
}

void overview(Composer& out, const core::DashboardModel& model) {
    const ReportTexts& texts = out.texts();
    const auto [low, high] = scaleEnds(model, texts);
    out.text(texts.overviewIntro(low, high), kBody, 8.0);
    if (model.ratedItems.empty()) {
        out.text(texts.noRatedItems(), kBody);
        return;
    }
    // Columns: everyone (when shown on any item) and the shown teams, as the dashboard's heatmap.
    std::vector<std::string> columns;
    bool everyone = false;
    for (const core::RatedItem& item : model.ratedItems)
        for (const core::GroupItem& group : item.groups) everyone = everyone || group.group == core::kEveryoneGroup;
    if (everyone) columns.emplace_back(core::kEveryoneGroup);
    for (const std::string& team : model.shownTeams) columns.push_back(team);

    PdfCanvas& canvas = out.canvas();
    // Each word of the column names ("Geschäftsleitung"), for the widths below.
    std::vector<std::string> columnWords;
    for (const std::string& column : columns) {
        const std::string name = groupName(texts, column);
        for (std::size_t start = 0; start < name.size();) {
            const std::size_t end = std::min(name.find(' ', start), name.size());
            columnWords.push_back(name.substr(start, end - start));
            start = end + 1;
        }
    }
    // A long word in a group's name takes room from the item labels before the names are set below 7 pt.
    TextStyle header = kCellBold;
    header.align = TextStyle::Align::Center;
    TextStyle smallest = header;
    smallest.size = 7.0;
    double widestWord = 0.0;
    for (const std::string& word : columnWords) widestWord = std::max(widestWord, canvas.textWidth(word, smallest));
    const double columnCount = static_cast<double>(std::max<std::size_t>(columns.size(), 1));
    const double labelWidth = std::max(out.width() * 0.25, std::min(out.width() * (columns.size() > 5 ? 0.30 : 0.40),
                                                                    out.width() - (widestWord + 8.0) * columnCount));
    const double cellWidth = (out.width() - labelWidth) / columnCount;
    // The column names in a size at which no word of them is broken across lines (measured with room to spare: the
    // text is laid out in cellWidth - 4).
    for (const std::string& word : columnWords)
        while (header.size > 6.0 && canvas.textWidth(word, header) > cellWidth - 8.0) header.size -= 0.5;
    double headerHeight = 0.0;
    for (const std::string& column : columns)
        headerHeight = std::max(headerHeight, canvas.textHeight(groupName(texts, column), header, cellWidth - 4.0));
    headerHeight += 6.0;
    int headerPage = 0;
    for (const core::RatedItem& item : model.ratedItems) {
        const std::string label = item.label.empty() ? item.questionId : item.label;
        const double h = std::max(canvas.textHeight(label, kCell, labelWidth - 8.0) + 8.0, 22.0);
        if (headerPage != out.flow().page() || !out.flow().fits(h)) {
            if (headerPage == out.flow().page()) out.flow().breakPage();
            const double top = out.flow().place(headerHeight, h);
            out.toFlowPage();
            for (std::size_t c = 0; c < columns.size(); ++c)
                canvas.text(kMargin + labelWidth + static_cast<double>(c) * cellWidth + 2.0, top, cellWidth - 4.0,
                            groupName(texts, columns[c]), header);
            headerPage = out.flow().page();
        }
        const double top = out.flow().place(h);
        out.toFlowPage();
        canvas.text(kMargin, top + 4.0, labelWidth - 8.0, label, kCell);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const double x = kMargin + labelWidth + static_cast<double>(c) * cellWidth;
            const core::GroupItem* shown = nullptr;
            for (const core::GroupItem& group : item.groups)
                if (group.group == columns[c] && group.statistics.n > 0) shown = &group;
            TextStyle s = style(9.5, true);
            s.align = TextStyle::Align::Center;
            if (!shown) {
                canvas.strokeRect(x + 1.0, top + 1.0, cellWidth - 2.0, h - 2.0, kRule, 0.5);
                s.color = kMuted;
                canvas.text(x, top + (h - 12.0) / 2.0, cellWidth, texts.hiddenCell(), s);
                continue;
            }
            const Color colour =
                meanColor(shown->statistics.mean, shown->distribution.scaleMin, shown->distribution.scaleMax());
            canvas.fillRect(x + 1.0, top + 1.0, cellWidth - 2.0, h - 2.0, colour);
            s.color = dark(colour) ? Color{1, 1, 1} : kInk;
            canvas.text(x, top + (h - 12.0) / 2.0, cellWidth, texts.number(shown->statistics.mean, 1), s);
        }
    }
    out.flow().skip(8.0);
}

void disagreement(Composer& out, const core::DashboardModel& model) {
    const ReportTexts& texts = out.texts();
    out.text(texts.gapsIntro(), kBody, 6.0);
    if (model.largestGaps.empty()) {
        out.text(texts.noGaps(), kBody, 8.0);
    } else {
        // Each item once, with its largest gap, as the screen lists them (the model ranks every pair of teams).
        std::vector<std::vector<std::string>> rows;
        std::vector<std::size_t> listed;
        for (const core::TeamGap& gap : model.largestGaps) {
            if (std::find(listed.begin(), listed.end(), gap.item) != listed.end()) continue;
            listed.push_back(gap.item);
            const core::RatedItem& item = model.ratedItems[gap.item];
            rows.push_back({item.label.empty() ? item.questionId : item.label, gap.teamA, gap.teamB,
                            texts.number(gap.gap, 2),
                            gap.gapInSd == 0.0 ? texts.unanimousSplit() : texts.number(gap.gapInSd, 2)});
        }
        out.table({texts.itemColumn(), texts.higherColumn(), texts.lowerColumn(), texts.gapColumn(),
                   texts.gapInSdColumn()},
                  rows, {3.2, 1.2, 1.2, 0.7, 1.1});
    }
    out.heading(texts.lowestAgreementHeading());
    if (model.lowestAgreement.empty()) {
        out.text(texts.noAgreement(), kBody);
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const std::size_t index : model.lowestAgreement) {
        const core::RatedItem& item = model.ratedItems[index];
        const core::ItemStatistics& stats = item.groups.front().statistics;
        rows.push_back({item.label.empty() ? item.questionId : item.label,
                        texts.number(stats.rwg, 2) + " " + texts.agreement(stats.agreement)});
    }
    out.table({texts.itemColumn(), texts.rwgEveryoneColumn()}, rows, {4.0, 1.4});
}

void items(Composer& out, const core::DashboardModel& model) {
    const ReportTexts& texts = out.texts();
    if (model.ratedItems.empty()) {
        out.text(texts.noRatedItems(), kBody);
        return;
    }
    for (const core::RatedItem& item : model.ratedItems) {
        // An item (heading, prompt, legend, one bar and one table row per group, the table's header) starts a new
        // page rather than being split, when it would fit on one.
        const double estimate = 80.0 + 38.0 * static_cast<double>(item.groups.size());
        if (!out.flow().fits(estimate) && estimate < out.flow().pageHeight()) out.flow().breakPage();
        out.heading(item.label.empty() ? item.questionId : item.label);
        if (item.prompt != item.label) out.text(item.prompt, kSmall, 4.0, 40.0);
        if (item.groups.empty()) {
            out.text(texts.noGroupShown(), kBody, 6.0);
            continue;
        }
        // The scale's words once per item, coloured as its segments.
        std::string legend;
        for (std::size_t p = 0; p < item.scaleLabels.size(); ++p)
            legend += (p ? "   " : "") +
                      std::to_string(item.groups.front().distribution.scaleMin + static_cast<int>(p)) + " = " +
                      item.scaleLabels[p];
        if (!legend.empty()) out.text(legend, kSmall, 3.0, 20.0);
        for (std::size_t g = 0; g < item.groups.size(); ++g)
            out.distribution(groupName(texts, item.groups[g].group), item.groups[g].distribution);
        out.flow().skip(4.0);
        std::vector<std::string> header{texts.groupColumn()};
        for (int c = 0; c < 7; ++c) header.push_back(texts.statisticsHeader(c));
        std::vector<std::vector<std::string>> rows;
        for (const core::GroupItem& group : item.groups) {
            const core::ItemStatistics& s = group.statistics;
            rows.push_back({groupName(texts, group.group), texts.count(s.n), texts.number(s.mean, 2),
                            texts.number(s.sd, 2),
                            texts.number(s.median, std::floor(s.median) == s.median ? 0 : 1),
                            s.hasRwg ? texts.number(s.rwg, 2) + " " + texts.agreement(s.agreement)
                                     : texts.notComputable(),
                            texts.number(s.ad, 2) + " " + texts.adVerdict(s.adAcceptable),
                            texts.number(s.consensus, 2)});
        }
        out.table(header, rows, {1.8, 0.6, 0.8, 0.7, 0.9, 1.6, 1.0, 1.1});
    }
}

void moduleBlocks(Composer& out, const std::vector<Block>& blocks) {
    std::size_t i = 0;
    while (i < blocks.size()) {
        const Block& block = blocks[i];
        std::size_t end = i + 1;
        while (end < blocks.size() && blocks[end].kind == block.kind) ++end;
        switch (block.kind) {
        case Block::Kind::Heading:
            for (std::size_t k = i; k < end; ++k) out.heading(blocks[k].text);
            break;
        case Block::Kind::Paragraph:
            for (std::size_t k = i; k < end; ++k) out.text(blocks[k].text, kBody, 5.0);
            break;
        case Block::Kind::TableRow: {
            // A header row starts a table; a row with another cell count starts another.
            std::size_t k = i;
            while (k < end) {
                std::vector<std::string> header;
                if (blocks[k].emphasis) header = blocks[k++].cells;
                std::vector<std::vector<std::string>> rows;
                const std::size_t cells = header.empty() && k < end ? blocks[k].cells.size() : header.size();
                while (k < end && !blocks[k].emphasis && blocks[k].cells.size() == cells)
                    rows.push_back(blocks[k++].cells);
                std::vector<double> weights(std::max<std::size_t>(cells, 1), 1.0);
                weights[0] = 1.6;
                out.table(header, rows, weights);
                if (rows.empty() && header.empty()) ++k;
            }
            break;
        }
        case Block::Kind::Bar:
            out.bars({blocks.begin() + static_cast<long>(i), blocks.begin() + static_cast<long>(end)});
            break;
        case Block::Kind::Statistic:
            out.statistics({blocks.begin() + static_cast<long>(i), blocks.begin() + static_cast<long>(end)});
            break;
        }
        i = end;
    }
}

void module(Composer& out, const ReportInput& input, const core::ModuleAggregate& aggregate,
            const ModulePages* pages) {
    const ReportTexts& texts = out.texts();
    for (const core::Step& step : input.survey->steps)
        if (step.id == aggregate.stepId && !step.title.empty()) out.text(step.title, style(11.0, false, kMuted), 6.0);
    std::string counts;
    for (const core::ModuleGroupAggregate& group : aggregate.groups)
        counts += (counts.empty() ? "" : " \u00b7 ") + groupName(texts, group.group) + " " +
                  texts.count(group.responseCount);
    out.text(counts.empty() ? texts.noModuleGroups() : texts.moduleResponses(counts), kBody, 8.0);
    if (!pages) return;
    if (pages->written) {
        moduleBlocks(out, pages->blocks);
        return;
    }
    if (pages->failed) out.text(texts.moduleFailed(), style(10.0, false, kAlert), 6.0);
    if (aggregate.groups.empty()) return;
    if (!pages->findingsAvailable) {
        out.text(texts.findingsUnavailable(), kBody);
        return;
    }
    if (pages->findings.empty()) {
        out.text(texts.noFindings(), kBody);
        return;
    }
    std::string group = "\x01";
    std::vector<std::vector<std::string>> rows;
    const auto flush = [&] {
        if (rows.empty()) return;
        out.heading(groupName(texts, group));
        out.table({}, rows, {1.0, 5.0});
        rows.clear();
    };
    for (const FindingLine& finding : pages->findings) {
        if (finding.group != group) {
            flush();
            group = finding.group;
        }
        rows.push_back({texts.findingLevel(finding.level),
                        finding.headline + (finding.action.empty() ? "" : "\n" + texts.checkFirst(finding.action))});
    }
    flush();
}

void openAnswers(Composer& out, const core::DashboardModel& model) {
    const ReportTexts& texts = out.texts();
    out.text(texts.openAnswersIntro(model.thresholds.text), kBody, 6.0);
    if (model.texts.empty()) {
        out.text(texts.noOpenAnswers(), kBody);
        return;
    }
    for (const core::TextAnswers& answers : model.texts) {
        out.heading(answers.prompt + " \u2014 " + groupName(texts, answers.group));
        for (const std::string_view answer : answers.answers)
            out.text("\u2022  " + std::string(answer), kBody, 3.0, 0.0, 8.0);
    }
}

// The whole report, once. `contents` (from an earlier pass) goes on the cover; returns where each section began.
std::vector<Section> compose(Composer& out, const ReportInput& input, const std::vector<Section>& contents) {
    const ReportTexts& texts = out.texts();
    const core::DashboardModel& model = *input.model;
    std::vector<Section> sections;
    cover(out, input, contents);
    sections.push_back({texts.overviewHeading(), out.section(texts.overviewHeading())});
    overview(out, model);
    sections.push_back({texts.disagreeHeading(), out.section(texts.disagreeHeading())});
    disagreement(out, model);
    sections.push_back({texts.itemsHeading(), out.section(texts.itemsHeading())});
    items(out, model);
    for (std::size_t m = 0; m < model.modules.size(); ++m) {
        const core::ModuleAggregate& aggregate = model.modules[m];
        const std::string title = texts.moduleTitle(aggregate.moduleId);
        sections.push_back({title, out.section(title)});
        module(out, input, aggregate, m < input.modules.size() ? &input.modules[m] : nullptr);
    }
    sections.push_back({texts.openAnswersHeading(), out.section(texts.openAnswersHeading())});
    openAnswers(out, model);
    out.finish();
    return sections;
}

} // namespace

ReportResult writeReport(const ReportInput& input, const std::filesystem::path& file) {
    ReportResult result;
    if (!input.model || !input.survey) {
        result.error = "no dashboard model to report";
        return result;
    }
    try {
        const ReportTexts texts(input.messages);
        // First pass: which sections there are. Laid out to a PDF that is never written.
        std::vector<Section> sections;
        int pages = 0;
        {
            PdfCanvas counting({}, input.paper);
            Composer out(counting, 0, texts);
            sections = compose(out, input, {});
        }
        // Second pass: the same with the contents on the cover, which may move every section.
        {
            PdfCanvas counting({}, input.paper);
            Composer out(counting, 0, texts);
            sections = compose(out, input, sections);
            pages = counting.page();
        }
        PdfCanvas canvas(file, input.paper);
        Composer out(canvas, pages, texts);
        result.sections = compose(out, input, sections);
        result.pages = canvas.page();
        result.error = canvas.finish();
    } catch (const std::exception& error) {
        result.error = error.what();
    }
    return result;
}

} // namespace alignkiosk::report
