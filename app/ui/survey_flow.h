// Where a participant is in a survey: the attract screen, team pick, a page of a step, thank-you. Pure navigation logic
// with no ImGui and no plugins, so the rules (what Back and Next do, how progress is counted) are unit-tested on their
// own.
#pragma once

#include <cstdint>
#include <vector>

namespace alignkiosk::ui {

enum class Screen { Attract, TeamPick, StepPage, ThankYou };

class SurveyFlow {
public:
    // pagesPerStep: how many pages each step shows (a step with 0 pages is skipped); hasTeamPick: whether the survey
    // asks for a team.
    SurveyFlow(std::vector<uint32_t> pagesPerStep, bool hasTeamPick);

    Screen screen() const { return m_screen; }
    std::size_t step() const { return m_step; }
    uint32_t page() const { return m_page; }

    // Attract screen -> team pick or first page.
    void start();
    // Forward from the team pick or a page; from the last page this is Finish and leads to ThankYou.
    void next();
    // One page back; from the first page back to the team pick or the attract screen.
    void back();
    // Thank-you (or anywhere) -> the attract screen, ready for the next participant.
    void restart();

    bool onLastPage() const;
    // 0..1 through the survey's pages; the team pick counts as a page.
    float progress() const;
    uint32_t pageNumber() const; // 1-based position among all pages (team pick included), 0 on attract/thank-you
    uint32_t pageTotal() const;

private:
    bool findPage(std::size_t fromStep, bool forward);

    std::vector<uint32_t> m_pagesPerStep;
    bool m_hasTeamPick;
    Screen m_screen = Screen::Attract;
    std::size_t m_step = 0;
    uint32_t m_page = 0;
};

} // namespace alignkiosk::ui
