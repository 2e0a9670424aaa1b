#include "report/report_blocks.h"

#include <cmath>

namespace alignkiosk::report {

namespace {

std::string copy(const char* text) { return text ? std::string(text) : std::string(); }

} // namespace

std::optional<Block> blockFromAbi(const alignkiosk_report_block_v1& raw) {
    Block block;
    switch (raw.kind) {
    case ALIGNKIOSK_REPORT_HEADING: block.kind = Block::Kind::Heading; break;
    case ALIGNKIOSK_REPORT_PARAGRAPH: block.kind = Block::Kind::Paragraph; break;
    case ALIGNKIOSK_REPORT_TABLE_ROW: block.kind = Block::Kind::TableRow; break;
    case ALIGNKIOSK_REPORT_BAR: block.kind = Block::Kind::Bar; break;
    case ALIGNKIOSK_REPORT_STATISTIC: block.kind = Block::Kind::Statistic; break;
    default: return std::nullopt;
    }
    block.text = copy(raw.text);
    block.emphasis = raw.emphasis;
    block.valueText = copy(raw.value_text);
    block.series = copy(raw.series);
    if (block.kind == Block::Kind::TableRow) {
        if (!raw.cells && raw.cell_count > 0) return std::nullopt;
        for (uint32_t i = 0; i < raw.cell_count; ++i) block.cells.push_back(copy(raw.cells[i]));
    }
    if (block.kind == Block::Kind::Bar) {
        if (!std::isfinite(raw.maximum) || raw.maximum <= 0.0 || !std::isfinite(raw.value)) return std::nullopt;
        block.maximum = raw.maximum;
        block.value = std::fmin(std::fmax(raw.value, 0.0), raw.maximum);
    }
    return block;
}

} // namespace alignkiosk::report
