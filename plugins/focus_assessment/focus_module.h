// The focus-assessment module as one participant sees it: the one big goal in a sentence, its S.M.M.A.R.T. qualities,
// the shares of time and of ideal clients, how clear mission/brand/model/offer are, and the opportunity that would
// speed the goal up most; drawn for touch, one page each, and the answers they give.
#pragma once

#include "focus_content.h"
#include "focus_panel.h"
#include "focus_scoring.h"

#include <alignkiosk/plugin.hpp>
#include <alignkiosk/touch_ui.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {

class FocusModule final : public sdk::Module {
public:
    // `step` must have passed validateContent; it stays valid for the life of the module (ABI contract).
    explicit FocusModule(const sdk::StepView& step);

    void reset() override;
    uint32_t pageCount() const override;
    void drawPage(uint32_t page, const alignkiosk_frame_v1& frame) override;
    bool pageComplete(uint32_t page) const override;
    std::string answerJson() const override;
    std::vector<sdk::Finding> score(const sdk::AggregateView& aggregate) const override;
    // Per shown group: time on the goal, clarity, S.M.M.A.R.T. coverage, the top opportunity, ideal clients and the
    // overlap of the goal sentences (focus_panel.h).
    bool drawPanel(const sdk::PanelInput& input, const alignkiosk_frame_v1& frame) override;
    // The language of the panel's own words.
    bool setLanguage(std::string_view language) override { return m_words.setLanguage(language); }
    // The panel's sections as report blocks (focus_report.h).
    bool writeReport(const sdk::PanelInput& input, sdk::ReportWriter& report) const override;

private:
    // The pages in the order they are shown; a page without questions is left out.
    enum class PageKind { Goal, Smmart, Shares, Clarity, Opportunity };

    struct Item {
        sdk::QuestionView question;
        Focus focus;
        std::optional<int> percent;     // goal_time, ideal_clients
        std::optional<uint32_t> choice; // clarity, opportunity: the option index
        std::vector<bool> ticked;       // smmart: one per option
        bool noneTicked = false;        // smmart: the "none of these" tile
        std::string text;               // goal: exactly as typed
    };

    struct Page {
        PageKind kind;
        std::vector<size_t> items; // indices into m_items, content order
    };

    bool answered(const Item& item) const;
    void drawHeader(const Item& item, const sdk::touch::Look& look);
    void drawGoal(Item& item, const sdk::touch::Look& look);
    void drawSmmart(Item& item, const sdk::touch::Look& look);
    void drawOpportunity(Item& item, const sdk::touch::Look& look);
    void drawClarityRows(const Page& page, const sdk::touch::Look& look);

    std::vector<Item> m_items; // content order
    std::vector<Page> m_pages;
    ScoringPlan m_plan;        // what score() and the panel read
    std::string m_language; // the survey's: the answers are in it
    sdk::Words m_words;     // the module's own words: the content's language until the kiosk says otherwise
    FocusPanel m_panel;
    // Bumped by reset() and part of every widget ID, so ImGui's own state for a half-typed sentence or a held button
    // is dropped with the answers and never reaches the next participant.
    int m_generation = 0;
};

} // namespace alignkiosk::plugins::focus_assessment
