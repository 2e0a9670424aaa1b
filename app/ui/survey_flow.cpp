#include "survey_flow.h"

#include <numeric>
#include <utility>

namespace alignkiosk::ui {

SurveyFlow::SurveyFlow(std::vector<uint32_t> pagesPerStep, bool hasTeamPick)
    : m_pagesPerStep(std::move(pagesPerStep)), m_hasTeamPick(hasTeamPick) {}

// Moves to the first page of the first step at or after (forward) / at or before (backward) `fromStep` that has any
// pages. Returns false when there is none.
bool SurveyFlow::findPage(std::size_t fromStep, bool forward) {
    if (forward) {
        for (std::size_t s = fromStep; s < m_pagesPerStep.size(); ++s) {
            if (m_pagesPerStep[s] > 0) {
                m_step = s;
                m_page = 0;
                return true;
            }
        }
        return false;
    }
    for (std::size_t s = fromStep + 1; s-- > 0;) {
        if (s < m_pagesPerStep.size() && m_pagesPerStep[s] > 0) {
            m_step = s;
            m_page = m_pagesPerStep[s] - 1;
            return true;
        }
    }
    return false;
}

void SurveyFlow::start() {
    if (m_screen != Screen::Attract) return;
    if (m_hasTeamPick) {
        m_screen = Screen::TeamPick;
    } else if (findPage(0, true)) {
        m_screen = Screen::StepPage;
    } else {
        m_screen = Screen::ThankYou;
    }
}

void SurveyFlow::next() {
    if (m_screen == Screen::TeamPick) {
        m_screen = findPage(0, true) ? Screen::StepPage : Screen::ThankYou;
        return;
    }
    if (m_screen != Screen::StepPage) return;
    if (m_page + 1 < m_pagesPerStep[m_step]) {
        ++m_page;
    } else if (!findPage(m_step + 1, true)) {
        m_screen = Screen::ThankYou;
    }
}

void SurveyFlow::back() {
    if (m_screen == Screen::TeamPick) {
        m_screen = Screen::Attract;
        return;
    }
    if (m_screen != Screen::StepPage) return;
    if (m_page > 0) {
        --m_page;
    } else if (m_step == 0 || !findPage(m_step - 1, false)) {
        m_screen = m_hasTeamPick ? Screen::TeamPick : Screen::Attract;
        m_step = 0;
        m_page = 0;
    }
}

void SurveyFlow::restart() {
    m_screen = Screen::Attract;
    m_step = 0;
    m_page = 0;
}

bool SurveyFlow::onLastPage() const {
    if (m_screen != Screen::StepPage) return false;
    if (m_page + 1 < m_pagesPerStep[m_step]) return false;
    for (std::size_t s = m_step + 1; s < m_pagesPerStep.size(); ++s)
        if (m_pagesPerStep[s] > 0) return false;
    return true;
}

uint32_t SurveyFlow::pageTotal() const {
    return std::accumulate(m_pagesPerStep.begin(), m_pagesPerStep.end(), 0u) + (m_hasTeamPick ? 1u : 0u);
}

uint32_t SurveyFlow::pageNumber() const {
    if (m_screen == Screen::TeamPick) return 1;
    if (m_screen != Screen::StepPage) return 0;
    uint32_t before = m_hasTeamPick ? 1u : 0u;
    for (std::size_t s = 0; s < m_step; ++s) before += m_pagesPerStep[s];
    return before + m_page + 1;
}

float SurveyFlow::progress() const {
    if (m_screen == Screen::ThankYou) return 1.0f;
    const uint32_t total = pageTotal();
    if (total == 0 || m_screen == Screen::Attract) return 0.0f;
    return static_cast<float>(pageNumber() - 1) / static_cast<float>(total);
}

} // namespace alignkiosk::ui
