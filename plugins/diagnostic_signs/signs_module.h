// The diagnostic-signs module as one participant sees it: the signals pages, the metrics pages and the open sentence,
// drawn for touch, and the answers they give.
#pragma once

#include "signs_content.h"
#include "signs_panel.h"
#include "signs_scoring.h"

#include <alignkiosk/plugin.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::plugins::diagnostic_signs {

class SignsModule final : public sdk::Module {
public:
    static constexpr size_t kQuestionsPerPage = 2;

    // `step` must have passed validateContent; it stays valid for the life of the module (ABI contract).
    explicit SignsModule(const sdk::StepView& step);

    void reset() override;
    uint32_t pageCount() const override;
    void drawPage(uint32_t page, const alignkiosk_frame_v1& frame) override;
    bool pageComplete(uint32_t page) const override;
    std::string answerJson() const override;
    std::vector<sdk::Finding> score(const sdk::AggregateView& aggregate) const override;
    // Per shown group, the signs ranked by how widespread and the metrics ranked by how weak (signs_panel.h).
    bool drawDashboardPanel(const std::vector<sdk::AggregateView>& groups, const alignkiosk_frame_v1& frame) override;
    // The language of the measures and level words (the content's until the kiosk says otherwise).
    bool setLanguage(std::string_view language) override { return m_words.setLanguage(language); }
    // The same per group, as report blocks (signs_report.h).
    bool writeReport(const sdk::PanelInput& input, sdk::ReportWriter& report) const override;

private:
    struct Item {
        sdk::QuestionView question;
        Group group;
        std::optional<int> point; // scale answer
        std::string text;         // text answer, exactly as typed
    };

    std::vector<PanelGroup> panelGroups(const std::vector<sdk::AggregateView>& groups) const;
    bool answered(const Item& item) const;
    void drawScale(Item& item, const alignkiosk_frame_v1& frame);
    void drawText(Item& item, const alignkiosk_frame_v1& frame);

    std::vector<Item> m_items;                // content order
    std::vector<ScoredItem> m_scored;         // the signals and metrics, content order: what scoring reads
    std::vector<std::vector<size_t>> m_pages; // indices into m_items: signals, metrics, open sentence (if present)
    // Bumped by reset() and part of every widget ID, so ImGui's own state for a half-typed sentence or a held button
    // is dropped with the answers and never reaches the next participant.
    int m_generation = 0;
    sdk::Words m_words;
};

} // namespace alignkiosk::plugins::diagnostic_signs
