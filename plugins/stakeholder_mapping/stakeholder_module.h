// The stakeholder-mapping module as one participant sees it: the "who do you work for" triangle, then the groups
// around their work, two or three to a page, each a row of role buttons and understanding buttons; and the answers
// they give. Hands scoring and the dashboard panel what they need.
#pragma once

#include "mix_control.h"
#include "stakeholder_content.h"
#include "stakeholder_scoring.h"

#include <alignkiosk/plugin.hpp>
#include <alignkiosk/words.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {

class StakeholderModule final : public sdk::Module {
public:
    // At most this many groups on a page: three rows of big buttons and their headings fit a 1280x860 window without
    // scrolling, which a finger cannot do in ImGui.
    static constexpr std::size_t kGroupsPerPage = 3;

    // `step` must have passed validateContent (throws otherwise); it stays valid for the life of the module.
    explicit StakeholderModule(const sdk::StepView& step);

    void reset() override;
    uint32_t pageCount() const override;
    void drawPage(uint32_t page, const alignkiosk_frame_v1& frame) override;
    bool pageComplete(uint32_t page) const override;
    std::string answerJson() const override;
    std::vector<sdk::Finding> score(const sdk::AggregateView& aggregate) const override;
    // The ternary plot of the mix, the groups x roles matrix and where groups see a stakeholder differently.
    bool drawPanel(const sdk::PanelInput& input, const alignkiosk_frame_v1& frame) override;
    // The language of the panel's own words.
    bool setLanguage(std::string_view language) override { return m_words.setLanguage(language); }
    // The panel's numbers as report blocks (stakeholder_report.h).
    bool writeReport(const sdk::PanelInput& input, sdk::ReportWriter& report) const override;

private:
    struct Row {
        sdk::QuestionView role;
        sdk::QuestionView understanding;
        uint32_t roleIndex = 0; // question indices in the step
        uint32_t understandingIndex = 0;
        std::string name;
        std::optional<uint32_t> chosenRole; // option index
        std::optional<int> point;           // scale point
    };
    struct Page {
        bool mix = false;
        std::vector<std::size_t> rows; // indices into m_rows
    };

    void drawMixPage(const alignkiosk_frame_v1& frame);
    void drawRowsPage(const Page& page, const alignkiosk_frame_v1& frame);
    bool rowComplete(const Row& row) const;

    uint32_t m_questionCount = 0;
    std::optional<sdk::QuestionView> m_mix;
    uint32_t m_mixIndex = 0;
    MixState m_mixState;
    std::vector<Row> m_rows;    // survey order
    std::vector<Page> m_pages;
    MapPlan m_plan;             // what scoring and the panel read
    sdk::Words m_words;         // the panel's own words: the content's language until the kiosk says otherwise
    // Bumped by reset() and part of every widget ID, so a held button never carries over to the next participant.
    int m_generation = 0;
};

} // namespace alignkiosk::plugins::stakeholder_mapping
